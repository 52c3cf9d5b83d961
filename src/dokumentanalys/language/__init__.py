"""Language layer: Document -> AnalyzedDocument (tokens, sentences, lemmas, compounds)."""
