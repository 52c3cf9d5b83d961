"""Stable error codes and their Swedish messages, in one place.

Extractors raise :class:`ReadError` with one of the ``READ_*`` codes; the
pipeline turns it into a :class:`~dokumentanalys.model.DocumentError` on that
document and the batch goes on. Codes are stable: reports, baselines and CI
scripts match on them. Add new codes here, never reuse a removed one.
"""

from __future__ import annotations

from .model import DocumentError

__all__ = ["ReadError", "MESSAGES", "error", "read_error"]

# code -> Swedish message template (one sentence, for the reader of the report)
MESSAGES: dict[str, str] = {
    "read/not-found": "Filen finns inte.",
    "read/not-a-file": "Sökvägen är ingen vanlig fil.",
    "read/permission": "Filen kan inte läsas eftersom behörighet saknas.",
    "read/empty": "Filen är tom (0 byte).",
    "read/unsupported": "Filformatet stöds inte ({detail}); använd PDF, DOCX, TXT eller Markdown.",
    "read/wrong-format": "Filen har ändelsen {ext} men innehållet är {actual}; kontrollera att rätt fil har sparats.",
    "read/corrupt-pdf": "PDF-filen är skadad och kan inte läsas.",
    "read/corrupt-docx": "Word-filen är skadad och kan inte läsas.",
    "read/encrypted": "PDF-filen är lösenordsskyddad och kan inte läsas utan lösenord.",
    "read/no-text-layer": "PDF-filen saknar textlager (troligen inskannade bilder) och kan inte granskas; gör den sökbar med OCR först.",
    "read/no-text": "Dokumentet innehåller ingen text att granska.",
    "read/too-large": "Filen är för stor ({detail}); höj gränsen med --max-file-size om den ska granskas.",
    "read/too-many-pages": "Dokumentet har fler sidor än gränsen ({detail}); höj gränsen med --max-pages om det ska granskas.",
    "read/unsafe": "Filen avvisades eftersom den ser skadlig ut ({detail}).",
    "read/timeout": "Granskningen avbröts eftersom den tog längre tid än {detail} sekunder.",
    "read/decode": "Textfilen har en teckenkodning som inte kan tolkas.",
    "read/failed": "Filen kunde inte läsas ({detail}).",
    "rule/crashed": "Regeln {detail} kraschade och hoppades över; övriga regler kördes som vanligt.",
    "kind/crashed": "Dokumenttypen kunde inte avgöras ({detail}); dokumentet granskades som 'other'.",
    "interrupted": "Granskningen avbröts (Ctrl-C) innan dokumentet hann granskas.",
    "internal": "Ett internt fel inträffade vid granskningen ({detail}); rapportera gärna felet.",
}


class ReadError(Exception):
    """Raised by an extractor when a file cannot be read. Not a bug."""

    def __init__(self, code: str, detail: str = "", **fields: str) -> None:
        self.code = code
        self.detail = detail
        self.fields = fields
        super().__init__(f"{code}: {render(code, detail, **fields)}")

    def to_error(self) -> DocumentError:
        return DocumentError(self.code, render(self.code, self.detail, **self.fields), self.detail)


def render(code: str, detail: str = "", **fields: str) -> str:
    template = MESSAGES.get(code, MESSAGES["internal"])
    try:
        return template.format(detail=detail, **fields)
    except (KeyError, IndexError):
        return template


def error(code: str, detail: str = "", **fields: str) -> DocumentError:
    return DocumentError(code, render(code, detail, **fields), detail)


def read_error(code: str, detail: str = "", **fields: str) -> ReadError:
    return ReadError(code, detail, **fields)
