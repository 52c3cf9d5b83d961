"""Benchmark: ``dokumentanalys bench`` (or ``python -m dokumentanalys.bench``).

Generates its own documents (municipal prose with tables, as PDF and DOCX;
PDFs need ``reportlab`` from the ``test`` extra) and prints, in one run on
the same files:

* raw extraction time of pdfplumber alone and of the fast extractor
  (pypdfium2) alone, and our full analysis, with pages/s and the ratio of
  full analysis to the fast extractor;
* DOCX extraction and full analysis;
* rule scaling: the same analysis with 1,000 generated extra term rules;
* peak RSS of a whole ``dokumentanalys scan`` process on the largest PDF;
* ``--jobs 1`` against ``--jobs 2`` on a folder of 200 documents;
* a cold against a warm cache on that folder;
* start-up time of ``dokumentanalys --help``.

Not a test: the figures depend on the machine. ``docs/performance.md`` keeps
the latest ones with the machine they came from. The document generators
(:func:`write_pdf`, :func:`write_docx`, :func:`municipal_paragraphs`) are also
used by the tests and by :mod:`dokumentanalys.fuzz`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

__all__ = [
    "municipal_paragraphs",
    "municipal_table",
    "write_pdf",
    "write_docx",
    "write_rule_pack",
    "machine",
    "run_benchmark",
    "run",
    "main",
    "PARTS",
]

#: Parts of the benchmark that ``--only`` can pick.
PARTS = ("pdf", "docx", "rules", "memory", "folder")

# --- realistic municipal prose (written for this project) ------------------------------

_SUBJECTS = [
    "Kommunstyrelsen", "Socialnämnden", "Barn- och utbildningsnämnden", "Kultur- och fritidsnämnden",
    "Förvaltningen", "Samhällsbyggnadsförvaltningen", "Äldreomsorgen", "Individ- och familjeomsorgen",
    "Tekniska nämnden", "Miljö- och byggnadsnämnden",
]
_VERBS = [
    "ska under planperioden", "ansvarar för att", "har i uppdrag att", "ska senast den 31 december",
    "kommer under året att", "prioriterar att", "följer upp hur väl man lyckas", "avser att",
]
_OBJECTS = [
    "utveckla samverkan med civilsamhället och näringslivet",
    "minska väntetiderna till försörjningsstöd och budget- och skuldrådgivning",
    "förbättra tillgängligheten i kommunens lokaler och på webbplatsen",
    "ta fram en handlingsplan för ökad trygghet i bostadsområdena",
    "stärka kompetensen inom digitalisering hos medarbetarna",
    "se över taxor och avgifter inom barnomsorgen",
    "genomföra en medborgardialog om den nya översiktsplanen",
    "säkerställa att ansökningar om föreningsbidrag handläggs inom fyra veckor",
    "öka andelen elever som når kunskapskraven i alla ämnen",
    "minska energianvändningen i kommunens fastigheter med tio procent",
]
_FLAGGED = [
    "Ärendet bereds av en tjänsteman på kansliet innan det går till nämnden.",
    "Föreningens talesman ska lämna verksamhetsberättelsen senast den 1 mars.",
    "Sökanden ska bifoga intyg om att han har rätt att företräda föreningen.",
    "Förvaltningen har 1 240 anställda, varav 310 arbetar deltid.",
    "Under året deltog 4 500 besökare i fritidsgårdarnas verksamhet.",
    "Varje elev ska ha kontakt med en kurator om han eller hon behöver stöd.",
    "Kontakta ansvarig handläggare eller socialtjänstemannen i ditt område.",
    "Brukaren ska informeras om vem som är hans kontaktperson.",
]
_NEUTRAL = [
    "Målen följs upp i delårsrapporten och i årsredovisningen.",
    "Budgeten för 2025 uppgår till 48,6 miljoner kronor, en ökning med 2,1 procent.",
    "Arbetet sker i nära dialog med de fackliga organisationerna.",
    "Riktlinjen gäller för samtliga förvaltningar och kommunala bolag.",
    "Av de 1 240 anställda är 880 kvinnor och 360 män.",
    "Resultaten redovisas uppdelade på kvinnor och män, flickor och pojkar.",
    "Nämnden beslutar om revidering av dokumentet vartannat år.",
    "Handläggaren dokumenterar beslutet i verksamhetssystemet.",
    "Verksamheten ska vara likvärdig oavsett var i kommunen man bor.",
    "Ansökan lämnas via kommunens e-tjänst eller på blankett.",
]
_HEADINGS = [
    "Bakgrund", "Syfte och mål", "Ansvar och roller", "Uppföljning", "Ekonomi", "Jämställdhet och likabehandling",
    "Verksamhetens mål", "Organisation", "Risker och åtgärder", "Tidplan",
]


def _sentence(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.12:
        return rng.choice(_FLAGGED)
    if r < 0.40:
        return rng.choice(_NEUTRAL)
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}."


def municipal_paragraphs(rng: random.Random, count: int, sentences: tuple[int, int] = (3, 6)) -> list[str]:
    """``count`` paragraphs of plausible Swedish municipal prose, some with findings."""
    return [" ".join(_sentence(rng) for _ in range(rng.randint(*sentences))) for _ in range(count)]


def municipal_table(rng: random.Random, rows: int = 5) -> list[list[str]]:
    """A small table of figures, as in budgets and follow-ups (first row is the header)."""
    header = ["Verksamhet", "Antal", "Kostnad (tkr)", "Förändring"]
    units = ["Förskola", "Grundskola", "Hemtjänst", "Särskilt boende", "Fritidsgårdar", "Bibliotek", "Försörjningsstöd"]
    body = [
        [rng.choice(units), f"{rng.randint(20, 2500)}", f"{rng.randint(500, 90000)}", f"{rng.uniform(-5, 8):+.1f} %"]
        for _ in range(rows)
    ]
    return [header] + body


# --- PDF (reportlab canvas: fast enough for 1,000 pages) --------------------------------


def _wrap(text: str, width: int = 88) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def write_pdf(
    path: str | os.PathLike[str], pages: int, seed: int = 0, *, tables: bool = True, title: str | None = None, compress: bool = True
) -> Path:
    """A text PDF of ``pages`` A4 pages: running header and footer, headings, prose, ruled tables."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    rng = random.Random(seed)
    out = Path(path)
    canvas = Canvas(str(out), pagesize=A4, pageCompression=1 if compress else 0)
    canvas.setTitle(title or "Verksamhetsplan 2025")
    width, height = A4
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, height - 40, "Sjöviks kommun – Verksamhetsplan 2025")
        canvas.drawRightString(width - 72, 30, f"Sida {number} av {pages}")
        y = height - 80
        if number == 1 or rng.random() < 0.4:
            canvas.setFont("Helvetica-Bold", 14)
            heading = (title or "Verksamhetsplan 2025") if number == 1 else f"{number}. {rng.choice(_HEADINGS)}"
            canvas.drawString(72, y, heading)
            y -= 26
        canvas.setFont("Helvetica", 10.5)
        table_at = rng.randint(2, 4) if tables and number % 3 == 0 else -1
        paragraph = 0
        while y > 140:
            if paragraph == table_at:
                y = _draw_table(canvas, municipal_table(rng), 72, y, width - 144)
                paragraph += 1
                continue
            for line in _wrap(municipal_paragraphs(rng, 1)[0]):
                if y < 90:
                    break
                canvas.drawString(72, y, line)
                y -= 13.5
            y -= 8
            paragraph += 1
        canvas.showPage()
    canvas.save()
    return out


def _draw_table(canvas: Any, rows: list[list[str]], x: float, y: float, width: float) -> float:
    row_h = 16.0
    col_w = width / len(rows[0])
    top = y + 11
    for r, row in enumerate(rows):
        canvas.setFont("Helvetica-Bold" if r == 0 else "Helvetica", 9.5)
        for c, cell in enumerate(row):
            canvas.drawString(x + c * col_w + 4, y, cell)
        y -= row_h
    bottom = top - row_h * len(rows)
    for r in range(len(rows) + 1):
        canvas.line(x, top - r * row_h, x + width, top - r * row_h)
    for c in range(len(rows[0]) + 1):
        canvas.line(x + c * col_w, top, x + c * col_w, bottom)
    canvas.setFont("Helvetica", 10.5)
    return bottom - 18


# --- DOCX -------------------------------------------------------------------------------

#: paragraphs in a DOCX "page" (about as much text as a PDF page above)
_DOCX_PARAGRAPHS_PER_PAGE = 9


def write_docx(path: str | os.PathLike[str], pages: int, seed: int = 0, *, title: str | None = None) -> Path:
    """A DOCX with as much text as ``pages`` PDF pages: headings, prose, tables, header and footer."""
    import docx

    rng = random.Random(seed)
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Sjöviks kommun – Riktlinje för föreningsbidrag"
    section.footer.paragraphs[0].text = "Fastställd av kultur- och fritidsnämnden"
    document.add_heading(title or "Riktlinje för föreningsbidrag", level=1)
    for number in range(1, pages + 1):
        if number % 2 == 1:
            document.add_heading(f"{number}. {rng.choice(_HEADINGS)}", level=2)
        for text in municipal_paragraphs(rng, _DOCX_PARAGRAPHS_PER_PAGE):
            document.add_paragraph(text)
        if number % 3 == 0:
            rows = municipal_table(rng)
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    out = Path(path)
    document.save(str(out))
    return out


def write_rule_pack(path: str | os.PathLike[str], count: int = 1000) -> Path:
    """A rule pack of ``count`` generated term rules (made-up words that never occur)."""
    consonants, vowels = "bdfgklmnprstv", "aeiouy"
    rng = random.Random(1000)
    seen: set[str] = set()
    lines = ['[pack]\nid = "bench-extra"\nname = "Genererade regler för mätning"\n']
    while len(seen) < count:
        word = "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(4)) + "man"
        if word in seen:
            continue
        seen.add(word)
        n = len(seen)
        lines.append(
            f'[[rule]]\nid = "bench/t{n:04d}"\ncategory = "gendered-term"\nseverity = "info"\n'
            f'message = "Genererad regel {n}."\nmatch = [{{ lemma = "{word}", paradigm = "man" }}]\n'
            f'flag = ["Kontakta en {word} i dag."]\npass = ["Kontakta en handläggare i dag."]\n'
        )
    out = Path(path)
    out.write_text("\n".join(lines), encoding="utf-8")
    return out


# --- measuring -----------------------------------------------------------------------------


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count() or 1),
        "memory": memory,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def _best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(max(1, repeat)):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def _pdfplumber_raw(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def _pdfium_raw(path: Path) -> None:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        pdf.close()


def _docx_raw(path: Path) -> None:
    import docx

    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        paragraph.text
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                cell.text


#: Runs its arguments as a child and prints that child's peak RSS (kB on Linux). Linux keeps
#: a process's peak RSS across fork and exec, so a CLI started straight from this (large)
#: benchmark process would report the benchmark's own peak; started from this small
#: launcher, the figure is the CLI's own.
_RSS_LAUNCHER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(code)\n"
)


def _peak_rss(args: Sequence[str]) -> int:
    """Peak RSS in bytes of a fresh ``dokumentanalys`` process run with ``args``."""
    cmd = [sys.executable, "-c", _RSS_LAUNCHER, sys.executable, "-m", "dokumentanalys.cli", *args]
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=False)
    return int(out.stdout.strip().splitlines()[-1]) * (1 if sys.platform == "darwin" else 1024)


def _cli(args: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, int, int]:
    """Run the CLI in a fresh process: ``(seconds, exit code, peak RSS in bytes of that process)``."""
    cmd = [sys.executable, "-m", "dokumentanalys.cli", *args]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return elapsed, proc.returncode, rss


@dataclass
class Figures:
    machine: dict[str, str]
    rows: list[tuple[str, str, str]] = field(default_factory=list)
    values: dict[str, float] = field(default_factory=dict)

    def add(self, key: str, label: str, value: float, unit: str, target: str = "") -> None:
        self.values[key] = value
        if unit == "s":
            shown = f"{value:.3f} s"
        elif unit == "×":
            shown = f"{value:.2f} ×"
        else:
            shown = f"{value:,.1f} {unit}".replace(",", " ")
        self.rows.append((label, shown.strip(), target))
        print(f"  {label:<58} {shown:>16}  {target}", flush=True)


def run_benchmark(
    workdir: Path,
    *,
    pdf_pages: Sequence[int] = (50, 200, 1000),
    folder_documents: int = 200,
    extra_rules: int = 1000,
    repeat: int = 1,
    only: Sequence[str] = (),
) -> Figures:
    """Generate documents in ``workdir`` and measure; prints as it goes.

    ``only`` restricts the run to some of :data:`PARTS` (all when empty).
    """
    def want(part: str) -> bool:
        return not only or part in only

    from dataclasses import replace

    from .extract.base import ExtractOptions
    from .pipeline import Analyzer, Settings
    from .plugins import load_registry

    figures = Figures(machine())
    print(f"Dator: {figures.machine['cpu']}, {figures.machine['cores']} kärnor, {figures.machine['memory']}", flush=True)
    workdir.mkdir(parents=True, exist_ok=True)

    print("Skapar dokument …", flush=True)
    pdfs = {n: write_pdf(workdir / f"plan-{n}.pdf", n, seed=n) for n in pdf_pages} if want("pdf") or want("rules") or want("memory") else {}
    docxs = {n: write_docx(workdir / f"riktlinje-{n}.docx", n, seed=n) for n in pdf_pages} if want("docx") else {}

    registry = load_registry()
    analyzer = Analyzer(registry, Settings())
    if pdfs:
        analyzer.analyze(pdfs[min(pdf_pages)])  # load spaCy and lookup tables once
    fast_mode = Analyzer(registry, Settings(extract=replace(ExtractOptions(), pdf_mode="fast")))

    print("PDF:", flush=True)
    for n, path in (pdfs if want("pdf") else {}).items():
        plumber = _best(lambda: _pdfplumber_raw(path), repeat)
        fast = _best(lambda: _pdfium_raw(path), repeat)
        full = _best(lambda: analyzer.analyze(path), repeat)
        full_fast = _best(lambda: fast_mode.analyze(path), repeat)
        document = analyzer.read(path)
        language_rules = _best(lambda: analyzer.analyze_document(document), repeat)
        figures.add(f"pdf{n}.pdfplumber_s", f"{n} sidor: pdfplumber enbart", plumber, "s")
        figures.add(f"pdf{n}.fast_s", f"{n} sidor: snabb extraktor (pypdfium2) enbart", fast, "s")
        figures.add(f"pdf{n}.full_s", f"{n} sidor: hela analysen (pdf_mode auto)", full, "s")
        figures.add(f"pdf{n}.pages_per_s", f"{n} sidor: hela analysen, sidor/s", n / full, "sidor/s", "mål ≥ 100")
        figures.add(f"pdf{n}.ratio", f"{n} sidor: hela analysen / snabb extraktor", full / fast, "×", "mål ≤ 2,0")
        figures.add(f"pdf{n}.full_fast_s", f"{n} sidor: hela analysen (pdf_mode fast)", full_fast, "s")
        figures.add(f"pdf{n}.fast_ratio", f"{n} sidor: hela analysen (fast) / snabb extraktor", full_fast / fast, "×")
        figures.add(f"pdf{n}.language_rules_s", f"{n} sidor: bara språk och regler (utan inläsning)", language_rules, "s")

    print("DOCX:", flush=True)
    for n, path in docxs.items():
        raw = _best(lambda: _docx_raw(path), repeat)
        full = _best(lambda: analyzer.analyze(path), repeat)
        figures.add(f"docx{n}.python_docx_s", f"~{n} sidor DOCX: python-docx enbart", raw, "s")
        figures.add(f"docx{n}.full_s", f"~{n} sidor DOCX: hela analysen", full, "s")

    if want("rules"):
        _rules_part(figures, analyzer, pdfs, pdf_pages, workdir, extra_rules, repeat)
    if want("memory"):
        _memory_part(figures, pdfs, pdf_pages, workdir)
    if want("folder"):
        _folder_part(figures, workdir, folder_documents)
    return figures


def _rules_part(figures: Figures, analyzer: Any, pdfs: dict[int, Path], pdf_pages: Sequence[int], workdir: Path, extra_rules: int, repeat: int) -> None:
    from .pipeline import Analyzer, Settings
    from .plugins import load_registry

    print("Regler:", flush=True)
    middle = sorted(pdf_pages)[len(pdf_pages) // 2]
    pack = write_rule_pack(workdir / "extra-regler.toml", extra_rules)
    base_doc = analyzer.read(pdfs[middle])
    base = _best(lambda: analyzer.analyze_document(base_doc), max(3, repeat))
    more = Analyzer(load_registry(extra_packs=(pack,)), Settings())
    more.analyze_document(base_doc)
    added = _best(lambda: more.analyze_document(base_doc), max(3, repeat))
    figures.add("rules.base_s", f"{middle} sidor, {len(analyzer.rules)} regler (utan inläsning)", base, "s")
    figures.add("rules.extra_s", f"{middle} sidor, {len(more.rules)} regler (utan inläsning)", added, "s")
    figures.add("rules.ratio", f"+{extra_rules} regler: tid jämfört med utan", added / base, "×", "mål ≤ 1,3")


def _memory_part(figures: Figures, pdfs: dict[int, Path], pdf_pages: Sequence[int], workdir: Path) -> None:
    print("Minne och start:", flush=True)
    biggest = pdfs[max(pdf_pages)]
    out = workdir / "rapport.json"
    rss = _peak_rss(["scan", str(biggest), "--jobs", "1", "--timeout", "0", "--no-cache", "-q", "-f", "json", "-o", str(out)])
    figures.add("rss.max_pdf_mb", f"högsta RSS, scan av {max(pdf_pages)} sidor (hela processen)", rss / 1e6, "MB", "mål < 400")
    helps = [_cli(["--help"])[0] for _ in range(5)]
    figures.add("startup.help_s", "start: dokumentanalys --help (bästa av 5)", min(helps), "s")


def _folder_part(figures: Figures, workdir: Path, folder_documents: int) -> None:
    print(f"Mapp med {folder_documents} dokument:", flush=True)
    folder = workdir / "mapp"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    for i in range(folder_documents):
        if i % 2:
            write_docx(folder / f"dokument-{i:03d}.docx", 2, seed=10_000 + i, title=f"Riktlinje {i}")
        else:
            write_pdf(folder / f"dokument-{i:03d}.pdf", 4, seed=10_000 + i, title=f"Plan {i}")
    common = ["scan", str(folder), "-q", "-f", "json", "-o", str(workdir / "mapp.json")]
    jobs1, _, _ = _cli([*common, "--no-cache", "--jobs", "1"])
    jobs2, _, _ = _cli([*common, "--no-cache", "--jobs", "2"])
    figures.add("folder.jobs1_s", "--jobs 1", jobs1, "s")
    figures.add("folder.jobs2_s", "--jobs 2", jobs2, "s")
    figures.add("folder.speedup", "--jobs 2 jämfört med --jobs 1", jobs1 / jobs2, "×", "mål ≥ 1,7")
    cache_dir = workdir / "cache"
    if cache_dir.exists():
        shutil.rmtree(cache_dir)
    cold, _, _ = _cli([*common, "--cache-dir", str(cache_dir)])
    warm, _, _ = _cli([*common, "--cache-dir", str(cache_dir)])
    figures.add("cache.cold_s", "kall cache (standard --jobs)", cold, "s")
    figures.add("cache.warm_s", "varm cache (standard --jobs)", warm, "s")
    figures.add("cache.speedup", "varm jämfört med kall cache", cold / warm, "×", "mål ≥ 20")


def _markdown(figures: Figures) -> str:
    m = figures.machine
    lines = [
        f"Dator: {m['cpu']}, {m['cores']} kärnor, {m['memory']} minne; Python {m['python']}, {m['system']}.",
        "",
        "| Mätning | Värde | Mål |",
        "|---|---:|---|",
    ]
    lines += [f"| {label} | {value} | {target} |" for label, value, target in figures.rows]
    return "\n".join(lines) + "\n"


def run(
    *,
    workdir: Path | None = None,
    quick: bool = False,
    repeat: int = 1,
    json_path: Path | None = None,
    markdown_path: Path | None = None,
    only: Sequence[str] = (),
) -> int:
    """Run the whole benchmark and print the figures; what ``dokumentanalys bench`` calls."""
    try:
        import reportlab  # noqa: F401
    except ImportError:
        print("dokumentanalys bench behöver reportlab: pip install 'dokumentanalys[test]'", file=sys.stderr)
        return 2
    sizes = (3, 6, 12) if quick else (50, 200, 1000)
    folder = 6 if quick else 200
    extra = 50 if quick else 1000
    with tempfile.TemporaryDirectory(prefix="dokumentanalys-bench-") as tmp:
        figures = run_benchmark(workdir or Path(tmp), pdf_pages=sizes, folder_documents=folder, extra_rules=extra, repeat=repeat, only=only)
    if json_path:
        json_path.write_text(json.dumps({"machine": figures.machine, "values": figures.values}, indent=2), encoding="utf-8")
    if markdown_path:
        markdown_path.write_text(_markdown(figures), encoding="utf-8")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dokumentanalys.bench", description="Mät prestanda på genererade dokument.")
    parser.add_argument("--workdir", type=Path, help="mapp för genererade dokument (standard: en tillfällig mapp)")
    parser.add_argument("--quick", action="store_true", help="små dokument, för att prova att mätningen fungerar")
    parser.add_argument("--repeat", type=int, default=1, help="upprepa varje mätning och ta den bästa")
    parser.add_argument("--json", type=Path, help="skriv värdena som JSON till FIL")
    parser.add_argument("--markdown", type=Path, help="skriv tabellen som Markdown till FIL")
    parser.add_argument("--only", action="append", choices=PARTS, default=[], help="mät bara denna del (kan upprepas)")
    args = parser.parse_args(argv)
    return run(
        workdir=args.workdir, quick=args.quick, repeat=args.repeat, json_path=args.json, markdown_path=args.markdown, only=args.only
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
