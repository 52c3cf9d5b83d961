"""Regenerate src/dokumentanalys/language/data/sv_lemmas.tsv.gz.

The table is derived from ``sv_lemma_lookup.json.gz`` in spacy-lookups-data
(MIT licence, https://github.com/explosion/spacy-lookups-data): keys and
lemmas lower-cased, entries whose lemma equals the form dropped, sorted by
the UTF-8 bytes of the form, one ``form<TAB>lemma`` per line. Sorted bytes
let :mod:`dokumentanalys.language.sv` look words up by binary search in the
compressed-then-loaded blob (about 16 MB) instead of holding a 660,000-entry
dict (about 240 MB).

    pip install spacy-lookups-data && python scripts/build_lemma_table.py
"""

from __future__ import annotations

import gzip
import json
from importlib.resources import files
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "dokumentanalys" / "language" / "data" / "sv_lemmas.tsv.gz"


def main() -> None:
    source = files("spacy_lookups_data") / "data" / "sv_lemma_lookup.json.gz"
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        data: dict[str, str] = json.load(fh)
    table: dict[str, str] = {}
    for form, base in data.items():
        low, lem = form.lower(), base.lower()
        if low != lem and "\t" not in low + lem and "\n" not in low + lem:
            table.setdefault(low, lem)
    lines = sorted(f"{k}\t{v}".encode("utf-8") for k, v in table.items())
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(gzip.compress(b"\n".join(lines) + b"\n", 9, mtime=0))
    print(f"{len(lines)} entries -> {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
