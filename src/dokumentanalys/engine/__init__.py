"""Rule engine: AnalyzedDocument -> Findings. Data rules, code rules, dispatch."""
