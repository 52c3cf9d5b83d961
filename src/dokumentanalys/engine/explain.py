"""The Swedish help text of a rule (``dokumentanalys explain`` and the docs)."""

from __future__ import annotations

from .rule import RuleMeta

__all__ = ["explain_rule"]

_SEVERITY = {"error": "fel", "warning": "varning", "info": "information"}


def explain_rule(meta: RuleMeta) -> str:
    lines = [f"{meta.id} ({meta.category}, {_SEVERITY[str(meta.severity)]}, {meta.status})", ""]
    lines += ["Vad regeln gör", f"  {meta.message}", ""]
    if meta.rationale:
        lines += ["Varför är det ett problem?", *("  " + l for l in meta.rationale.strip().splitlines()), ""]
    if meta.examples:
        lines.append("Exempel")
        for ex in meta.flag_examples:
            lines.append(f"  Markeras:      {ex.text}")
        for ex in meta.pass_examples:
            lines.append(f"  Markeras inte: {ex.text}")
        lines.append("")
    if meta.suggestions:
        lines += ["Skriv i stället", *(f"  {s}" for s in meta.suggestions), ""]
    if meta.limitations:
        lines += ["Kända begränsningar", *("  " + l for l in meta.limitations.strip().splitlines()), ""]
    if meta.kinds:
        lines += ["Gäller dokumenttyper", f"  {', '.join(meta.kinds)}", ""]
    if meta.source or meta.url:
        lines += ["Källor", *(f"  {s}" for s in (meta.source, meta.url) if s), ""]
    if meta.plugin:
        lines.append(f"Levereras av: {meta.plugin}")
    return "\n".join(lines).rstrip() + "\n"
