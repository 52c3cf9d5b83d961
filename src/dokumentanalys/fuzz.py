"""Hostile input: a generated corpus of bad files, and a mutation fuzz loop.

``python -m dokumentanalys.fuzz --cases 10000`` mutates valid PDF, DOCX,
text and Markdown files (bytes flipped, cut, repeated, spliced with PDF and
XML tokens; DOCX also member by member inside the zip) and runs every case
through the process pool with a per-document timeout. It checks that no
crash escapes and that every input ends as findings or exactly one error
entry; failing cases are saved for reproduction with ``--save-failures``.

``python -m dokumentanalys.fuzz --hostile-corpus MAPP`` writes the hostile
corpus that ``tests/test_hostile.py`` uses (truncated, corrupt and encrypted
PDFs, a PDF without text layer, zip bomb, billion laughs and external
entities in DOCX, deep table nesting, a 5,000-page PDF, odd encodings, odd
file names, symlink loops, a FIFO, ...) and scans it, printing time and peak
memory.

PDF generation needs ``reportlab`` (the ``test`` extra).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from .model import DocumentResult

__all__ = [
    "HostileCase",
    "write_hostile_corpus",
    "minimal_docx",
    "many_pages_pdf",
    "mutate",
    "FuzzStats",
    "fuzz",
    "main",
]

GOOD_TEXT = (
    "Tjänstemannen på förvaltningen svarar inom en vecka. Föreningens talesman "
    "lämnar verksamhetsberättelsen senast den 1 mars."
)

# --- building blocks -------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def minimal_docx(path: Path, body_xml: str | bytes, *, prolog: str = "", compresslevel: int = 6) -> Path:
    """A DOCX with only the parts Word needs, and ``body_xml`` inside ``<w:body>``.

    ``prolog`` goes between the XML declaration and the root element (for DTDs).
    """
    body = body_xml.encode("utf-8") if isinstance(body_xml, str) else body_xml
    document = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + prolog.encode("utf-8")
        + f'<w:document xmlns:w="{_W}"><w:body>'.encode()
        + body
        + b"</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", document)
    return path


def _zip_bomb_docx(path: Path, size: int) -> Path:
    """A DOCX whose document.xml unpacks to ``size`` bytes (mostly spaces) from a few hundred KB."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>'.encode()
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head)
            chunk = b" " * (1 << 20)
            left = size
            while left > 0:
                member.write(chunk[: min(left, len(chunk))])
                left -= len(chunk)
            member.write(tail)
    return path


def _nested_tables(depth: int) -> str:
    inner = _paragraph("Tjänstemannen i den innersta tabellen svarar.")
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>"
    return inner + _paragraph("Text efter tabellen.")


def many_pages_pdf(path: Path, pages: int) -> Path:
    """A valid PDF of ``pages`` small pages sharing one content stream, written by hand (fast)."""
    stream = b"BT /F1 12 Tf 72 720 Td (Sida i ett mycket langt dokument.) Tj ET"
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # pages tree, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    first_page = len(objects) + 1
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objects[1] = b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    objects.extend([page] * pages)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    path.write_bytes(out.getvalue())
    return path


def _image_only_pdf(path: Path) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    for _ in range(2):
        for i in range(40):
            canvas.rect(72 + (i % 8) * 55, 100 + (i // 8) * 120, 50, 100, fill=i % 2)
        canvas.showPage()
    canvas.save()
    return path


def _encrypted_pdf(path: Path, user_password: str) -> Path:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), encrypt=StandardEncryption(user_password, ownerPassword="agarens-losenord", canPrint=1))
    y = 760
    for line in (GOOD_TEXT[:60], GOOD_TEXT[60:]):
        canvas.drawString(72, y, line)
        y -= 16
    canvas.showPage()
    canvas.save()
    return path


# --- the hostile corpus ------------------------------------------------------------------


@dataclass(frozen=True)
class HostileCase:
    """One file of the corpus and what a correct scan makes of it.

    ``codes`` are the acceptable error codes; ``readable`` means the file may
    (or, with empty ``codes``, must) be read and analysed.
    """

    name: str
    codes: frozenset[str] = frozenset()
    readable: bool = False
    #: rule ids that must be found when the file is read
    expect_rules: tuple[str, ...] = ()


#: flags that go with the corpus (limits lowered so that the test stays fast)
HOSTILE_FLAGS: tuple[str, ...] = ("--max-pages", "1000", "--max-decompressed-size", "20M")


def write_hostile_corpus(folder: Path, secret: Path | None = None) -> list[HostileCase]:
    """Write every hostile file (and one good document) into ``folder``.

    ``secret`` is a file the external-entity DOCX points at; its content must
    never show up in a report.
    """
    from .bench import write_docx, write_pdf

    folder.mkdir(parents=True, exist_ok=True)
    cases: list[HostileCase] = []

    def add(name: str, *codes: str, readable: bool = False, expect: tuple[str, ...] = ()) -> Path:
        cases.append(HostileCase(name, frozenset(codes), readable, expect))
        return folder / name

    write_docx(add("bra.docx", readable=True, expect=("term/tjansteman",)), 2, seed=7, title="Riktlinje för bidrag")

    valid = write_pdf(folder / ".mall.pdf", 3, seed=5)
    data = valid.read_bytes()
    valid.unlink()
    add("avkortad.pdf", "read/corrupt-pdf", readable=True).write_bytes(data[: len(data) // 3])
    rng = random.Random(8)
    damaged = bytearray(data)
    for start in range(len(damaged) // 4, len(damaged), max(1, len(damaged) // 9)):
        damaged[start : start + 64] = bytes(rng.randrange(256) for _ in range(64))
    add("skadad.pdf", "read/corrupt-pdf", readable=True).write_bytes(bytes(damaged))
    add("bara-huvud.pdf", "read/corrupt-pdf", "read/no-text-layer").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    _encrypted_pdf(add("krypterad.pdf", "read/encrypted"), "hemligt")
    _encrypted_pdf(add("krypterad-tomt-losenord.pdf", readable=True, expect=("term/tjansteman",)), "")
    _image_only_pdf(add("inskannad.pdf", "read/no-text-layer"))
    add("tom.pdf", "read/empty").write_bytes(b"")
    many_pages_pdf(add("5000-sidor.pdf", "read/too-many-pages"), 5000)

    add("text-som-docx.docx", "read/wrong-format").write_text("Det här är ingen Word-fil.\n", encoding="utf-8")
    _zip_bomb_docx(add("zipbomb.docx", "read/unsafe", "read/too-large"), 64 * 1024 * 1024)
    laughs = (
        '<!DOCTYPE w:document [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
        + "]>"
    )
    minimal_docx(add("miljarder-skratt.docx", "read/unsafe", "read/corrupt-docx"), _paragraph("&lol9;"), prolog=laughs)
    target = (secret or folder / ".hemlig.txt").resolve()
    if secret is None:
        target.write_text("HEMLIGT-INNEHALL-SOM-INTE-FAR-SYNAS", encoding="utf-8")
    xxe = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{target.as_uri()}">]>'
    minimal_docx(add("extern-entitet.docx", "read/unsafe", "read/corrupt-docx"), _paragraph("Tjänstemannen &xxe;"), prolog=xxe)
    minimal_docx(add("nastlade-tabeller.docx", readable=True, expect=("term/tjansteman",)), _nested_tables(50))
    # deeper than XML parsers allow (lxml stops at 256 levels): one clear error, or read
    minimal_docx(add("for-djupt-nastlade.docx", "read/unsafe", "read/corrupt-docx", readable=True), _nested_tables(150))
    add("trasig-zip.docx", "read/corrupt-docx", "read/wrong-format").write_bytes(b"PK\x03\x04" + os.urandom(200))

    add("cp1252.txt", readable=True, expect=("term/tjansteman",)).write_bytes(GOOD_TEXT.encode("cp1252"))
    add("utf16.txt", readable=True, expect=("term/tjansteman",)).write_bytes(GOOD_TEXT.encode("utf-16"))
    add("skrap.txt", "read/wrong-format", "read/decode", "read/unsupported").write_bytes(random.Random(3).randbytes(8192))
    with open(add("jattestor.txt", "read/too-large"), "wb") as fh:  # sparse: costs no disk
        fh.truncate(300 * 1024 * 1024)
    add("plan för $(touch PWNED) `id`; & | 'x' \"y\" åäö.md", readable=True, expect=("term/tjansteman",)).write_text(
        f"# Plan\n\n{GOOD_TEXT}\n", encoding="utf-8"
    )

    if hasattr(os, "symlink"):
        (folder / "slinga").symlink_to(".", target_is_directory=True)
        (folder / "undermapp").mkdir(exist_ok=True)
        (folder / "undermapp" / "tillbaka").symlink_to("..", target_is_directory=True)
        (folder / "dinglande.pdf").symlink_to(folder / "finns-inte.pdf")
        cases.append(HostileCase("dinglande.pdf", frozenset({"read/not-found"})))
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "ror.txt")
        cases.append(HostileCase("ror.txt", frozenset({"read/not-a-file"})))
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        locked = add("olasbar.docx", "read/permission")
        write_docx(locked, 1, seed=9)
        locked.chmod(0)
    return cases


# --- mutation fuzzing ------------------------------------------------------------------

_TOKENS = [
    b"obj", b"endobj", b"stream", b"endstream", b"<<", b">>", b"/Length 999999999", b"/Count -1", b"xref",
    b"trailer", b"/Filter /FlateDecode", b"/Encrypt", b"\x00", b"\xff\xfe", b"%%EOF", b"R", b"[", b"]",
    b"<w:tbl>", b"<w:tc>", b"</w:tc>", b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", b"&a;", b"<w:p>", b"</w:p>",
    b"\xc3\xa5", b"\xe2\x80\xa8", b"\xed\xa0\x80", b"\r", b"\n\n\n", b"|---|", b"# ", b"\t",
]


def mutate(data: bytes, rng: random.Random, rounds: int | None = None) -> bytes:
    """``data`` with 1-4 random edits: bit flips, cuts, repeats, random or meaningful bytes."""
    buf = bytearray(data)
    for _ in range(rounds or rng.randint(1, 4)):
        if not buf:
            buf.extend(rng.choice(_TOKENS))
            continue
        op = rng.randrange(7)
        i = rng.randrange(len(buf))
        j = min(len(buf), i + rng.randint(1, 256))
        if op == 0:
            for _ in range(rng.randint(1, 16)):
                k = rng.randrange(len(buf))
                buf[k] ^= 1 << rng.randrange(8)
        elif op == 1:
            buf[i:j] = rng.randbytes(j - i)
        elif op == 2:
            del buf[i:j]
        elif op == 3:
            buf[i:i] = buf[i:j] * rng.randint(1, 8)
        elif op == 4:
            buf[i:i] = rng.choice(_TOKENS)
        elif op == 5:
            del buf[i:]
        else:
            digits = str(rng.choice([0, -1, 2**31, 2**63, 10**12, rng.randrange(10**6)])).encode()
            buf[i:j] = digits
    return bytes(buf)


def _mutate_docx(data: bytes, rng: random.Random) -> bytes:
    """Mutate one member of the zip (mostly word/document.xml) and zip it again."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = [(info, zf.read(info)) for info in zf.infolist()]
    except zipfile.BadZipFile:
        return mutate(data, rng)
    names = [info.filename for info, _ in members]
    target = "word/document.xml" if "word/document.xml" in names and rng.random() < 0.7 else rng.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, content in members:
            if info.filename == target:
                content = mutate(content, rng)
            if rng.random() < 0.03:
                continue  # drop a part now and then
            zf.writestr(info.filename, content)
    return out.getvalue()


def _seeds(folder: Path) -> dict[str, bytes]:
    from .bench import write_docx, write_pdf

    seeds: dict[str, bytes] = {}
    seeds[".docx"] = write_docx(folder / "seed.docx", 1, seed=11).read_bytes()
    try:
        seeds[".pdf"] = write_pdf(folder / "seed.pdf", 2, seed=12, compress=False).read_bytes()
    except ImportError:  # no reportlab: fuzz the hand-written PDF
        seeds[".pdf"] = many_pages_pdf(folder / "seed.pdf", 2).read_bytes()
    seeds[".txt"] = (GOOD_TEXT + "\n\nFörvaltningen har 1 240 anställda.\n").encode("utf-8")
    seeds[".md"] = (f"# Riktlinje\n\n{GOOD_TEXT}\n\n| Enhet | Antal |\n|---|---|\n| Hemtjänst | 120 |\n").encode("utf-8")
    return seeds


@dataclass
class FuzzStats:
    cases: int = 0
    seconds: float = 0.0
    outcomes: Counter[str] = field(default_factory=Counter)
    #: (case file, what was wrong)
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def _judge(result: DocumentResult | None) -> tuple[str, str | None]:
    """``(outcome label, failure or None)`` for one fuzz case."""
    if result is None:
        return "saknas", "no result"
    codes = [e.code for e in result.errors]
    if any(c == "internal" or c.startswith("rule/") for c in codes):
        return ",".join(codes), f"crash: {'; '.join(e.message for e in result.errors)}"
    if len(codes) > 1:
        return ",".join(codes), f"{len(codes)} error entries"
    if any("Traceback" in e.message for e in result.errors):
        return codes[0], "traceback in message"
    if codes:
        return codes[0], None
    return ("fynd" if result.findings else "inga fynd"), None


def fuzz(
    cases: int,
    *,
    seed: int = 0,
    jobs: int | None = None,
    timeout: float = 30.0,
    time_limit: float | None = None,
    batch: int = 100,
    save_failures: Path | None = None,
    progress: bool = False,
) -> FuzzStats:
    """Run ``cases`` mutated documents through the process pool; see the module docstring."""
    from .executor import AnalyzerSpec, ProcessExecutor, default_jobs
    from .pipeline import Analyzer, Settings

    rng = random.Random(seed)
    stats = FuzzStats()
    started = time.perf_counter()
    analyzer = Analyzer(settings=Settings())
    with tempfile.TemporaryDirectory(prefix="dokumentanalys-fuzz-") as tmp:
        root = Path(tmp)
        seeds = _seeds(root)
        kinds = sorted(seeds)
        pool = ProcessExecutor(AnalyzerSpec(analyzer.settings), jobs or default_jobs(), timeout, analyzer=analyzer)
        with pool:
            while stats.cases < cases:
                if time_limit is not None and time.perf_counter() - started > time_limit:
                    break
                folder = root / f"batch-{stats.cases}"
                folder.mkdir()
                paths = []
                for n in range(min(batch, cases - stats.cases)):
                    suffix = rng.choice(kinds)
                    data = seeds[suffix]
                    data = _mutate_docx(data, rng) if suffix == ".docx" and rng.random() < 0.6 else mutate(data, rng)
                    path = folder / f"fall-{stats.cases + n:06d}{suffix}"
                    path.write_bytes(data)
                    paths.append(str(path))
                results = pool.map(paths)
                by_path = {r.path: r for r in results}
                for path in paths:
                    outcome, failure = _judge(by_path.get(path))
                    stats.outcomes[outcome] += 1
                    if failure:
                        stats.failures.append((path, failure))
                    if save_failures is not None and (failure or outcome == "read/failed"):
                        # read/failed is clean but unclassified: worth a look by the extractor's owner
                        where = save_failures / ("fel" if failure else "oklassade")
                        where.mkdir(parents=True, exist_ok=True)
                        shutil.copy(path, where / Path(path).name)
                stats.cases += len(paths)
                shutil.rmtree(folder, ignore_errors=True)
                if progress:
                    print(f"  {stats.cases} fall, {time.perf_counter() - started:.0f} s, {len(stats.failures)} fel", file=sys.stderr, flush=True)
    stats.seconds = time.perf_counter() - started
    return stats


# --- command line -----------------------------------------------------------------------


def _scan_hostile(folder: Path) -> int:
    cases = write_hostile_corpus(folder)
    report = folder.parent / f"{folder.name}-rapport.json"
    cmd = [sys.executable, "-m", "dokumentanalys.cli", "scan", str(folder), "-f", "json", "-o", str(report), "--no-cache", *HOSTILE_FLAGS]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    print(f"{len(cases)} filer i {folder}; rapport: {report}")
    print(f"slutkod {os.waitstatus_to_exitcode(status)}, {elapsed:.1f} s, högsta RSS för en process {rss / 1e6:.0f} MB")
    if stderr.strip():
        print(stderr.strip())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dokumentanalys.fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1000, help="antal muterade dokument (standard 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--timeout", type=float, default=30.0, help="sekunder per dokument")
    parser.add_argument("--time-limit", type=float, default=None, help="sluta efter så många sekunder")
    parser.add_argument("--save-failures", type=Path, default=None, help="spara fall som fallerar i MAPP")
    parser.add_argument("--hostile-corpus", type=Path, default=None, help="skriv den fientliga testsamlingen i MAPP och granska den")
    args = parser.parse_args(argv)
    if args.hostile_corpus is not None:
        return _scan_hostile(args.hostile_corpus)
    stats = fuzz(
        args.cases,
        seed=args.seed,
        jobs=args.jobs,
        timeout=args.timeout,
        time_limit=args.time_limit,
        save_failures=args.save_failures,
        progress=True,
    )
    print(f"{stats.cases} fall på {stats.seconds:.0f} s ({stats.cases / max(stats.seconds, 1e-9):.0f} fall/s)")
    for outcome, count in stats.outcomes.most_common():
        print(f"  {count:6d}  {outcome}")
    for path, failure in stats.failures[:20]:
        print(f"FEL: {path}: {failure}")
    print("inga fel" if stats.ok else f"{len(stats.failures)} fall fallerade")
    return 0 if stats.ok else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
