"""The command line: thin click commands over the library.

Heavy modules (spaCy, pdfplumber, python-docx) are imported inside the
commands, so ``dokumentanalys --help`` starts fast.

Exit codes (contract): 0 no findings at or above ``--fail-on``; 1 findings;
2 usage or configuration error, or at least one input that could not be read
(every other input is still analysed and reported).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

import click

from . import __version__
from .atomic import write_atomic

if TYPE_CHECKING:  # pragma: no cover
    from .baseline import Baseline
    from .config import Config
    from .model import DocumentResult
    from .plugins import Registry
    from .report.base import Report

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: Ctrl-C: the report holds what was finished (128 + SIGINT, as shells do)
EXIT_INTERRUPTED = 130
FAIL_ON = ("error", "warning", "info", "never")


class UsageError(click.UsageError):
    """A usage error with a Swedish message; click prints it and exits with 2."""


class FileError(click.ClickException):
    """A bad configuration or baseline file: one Swedish line naming the file, exit code 2."""

    exit_code = 2

    def show(self, file=None) -> None:  # type: ignore[no-untyped-def, override]
        click.echo(f"dokumentanalys: fel: {self.format_message()}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dokumentanalys", message="%(prog)s %(version)s")
def main() -> None:
    """Granskar styrdokument och blanketter (PDF, DOCX, TXT, Markdown) ur ett
    jämställdhetsperspektiv: saknat jämställdhetsperspektiv, statistik som inte
    är könsuppdelad och könsbundna eller stereotypa formuleringar.

    \b
    Exempel:
      dokumentanalys scan policy.pdf
      dokumentanalys scan mapp/ --format json --output rapport.json
      dokumentanalys rules
      dokumentanalys explain term/tjansteman
    """


def _registry(strict: bool = False, config: "Config | None" = None) -> "Registry":
    from .plugins import PluginError, load_registry

    options = config.registry_options() if config is not None else {}
    try:
        return load_registry(strict=strict, **options)
    except PluginError as exc:
        raise UsageError(f"Insticksmodul: {exc}") from exc


def _config(paths: Sequence[str], explicit: Path | None, isolated: bool) -> "Config":
    """The configuration file for a run (``--config``, ``--no-config`` or discovery)."""
    from .config import ConfigError, resolve_config

    if explicit is not None and isolated:
        raise UsageError("--config och --no-config kan inte användas samtidigt.")
    try:
        return resolve_config(paths, explicit, isolated=isolated)
    except ConfigError as exc:
        raise FileError(f"konfigurationen: {exc}") from exc


def _check_config(config: "Config", registry: "Registry", quiet: bool) -> None:
    """Unknown kinds in the configuration stop the run; other unknown names are warnings."""
    from .config import ConfigError

    try:
        warnings = config.check(registry)
    except ConfigError as exc:
        raise FileError(f"konfigurationen: {exc}") from exc
    if not quiet:
        for warning in warnings:
            click.echo(f"dokumentanalys: varning: {warning}", err=True)


def _config_options(fn):  # type: ignore[no-untyped-def]
    """``--config FILE`` and ``--no-config`` for every command that loads rules."""
    fn = click.option("--no-config", is_flag=True, help="Läs ingen konfigurationsfil.")(fn)
    return click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Använd denna konfigurationsfil i stället för att leta efter dokumentanalys.toml eller pyproject.toml.",
    )(fn)


def _load_baseline(path: Path | None) -> "Baseline | None":
    from .baseline import Baseline, BaselineError

    if path is None:
        return None
    try:
        return Baseline.load(path)
    except BaselineError as exc:
        raise FileError(f"baslinjen: {exc}") from exc


def _write_baseline(results: Sequence["DocumentResult"], path: Path, quiet: bool) -> int:
    """``--write-baseline``: record every finding, report unreadable inputs, no report."""
    from .baseline import Baseline, BaselineError

    baseline = Baseline.from_results(results, path)
    try:
        baseline.write(path, __version__)
    except BaselineError as exc:
        raise FileError(f"baslinjen: {exc}") from exc
    for result in results:
        for err in result.errors:
            click.echo(f"{result.path}: fel {err.code} {err.message}", err=True)
    if not quiet:
        documents = sum(1 for r in results if r.findings)
        click.echo(f"Skrev baslinjen {path}: {len(baseline)} fynd i {documents} dokument.", err=True)
    return EXIT_ERROR if any(not r.readable for r in results) else EXIT_OK


def _warn_plugin_problems(registry: "Registry", quiet: bool) -> None:
    if quiet:
        return
    for plugin, message in registry.problems:
        click.echo(f"dokumentanalys: varning: insticksmodulen {plugin}: {message}", err=True)


def _emit(data: str | bytes, output: Path | None, quiet: bool) -> None:
    """Write a rendered report to ``output`` (atomically) or to standard output."""
    if output is not None:
        write_atomic(output, data)
        if not quiet:
            click.echo(f"Skrev {output}", err=True)
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
    else:
        click.echo(data, nl=False)


def _exit_code(results: Sequence["DocumentResult"], fail_on: str) -> int:
    if any(not r.readable or any(e.code == "internal" for e in r.errors) for r in results):
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_OK
    threshold = {"error": 3, "warning": 2, "info": 1}[fail_on]
    for result in results:
        for finding in result.findings:
            if finding.severity.rank >= threshold:
                return EXIT_FINDINGS
    return EXIT_OK


def _size(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    if value is None:
        return None
    from .executor import parse_size

    try:
        return parse_size(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} är ingen storlek; skriv t.ex. 200M eller 1G.") from None


def _run_options(command):  # type: ignore[no-untyped-def]
    """Flags for how a scan runs (parallelism, cache, limits); they reach ``scan`` as ``**run_options``."""
    options = [
        click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Antal dokument som granskas samtidigt (standard: antalet kärnor)."),
        click.option("--timeout", type=click.FloatRange(min=0), default=300.0, show_default=True, help="Längsta tid per dokument i sekunder; 0 = ingen gräns."),
        click.option("--no-cache", is_flag=True, help="Granska alla dokument på nytt i stället för att återanvända sparade resultat."),
        click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None, help="Mapp för sparade resultat (standard: användarens cachemapp)."),
        click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True, help="Kör lokalt eller på ett Dask-kluster (kräver dokumentanalys[dask])."),
        click.option("--scheduler", metavar="ADRESS", default=None, help="Adress till Dask-klustrets schemaläggare, t.ex. tcp://10.0.0.5:8786."),
        click.option("--max-file-size", metavar="STORLEK", callback=_size, default=None, help="Största filstorlek, t.ex. 200M (standard 200M)."),
        click.option("--max-pages", type=click.IntRange(min=1), default=None, help="Största antal sidor i en PDF (standard 10000)."),
        click.option("--max-decompressed-size", metavar="STORLEK", callback=_size, default=None, help="Största uppackade storlek för DOCX, t.ex. 500M (standard 500M)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "-f", "fmt", default="text", show_default=True, help="Rapportformat: text, json, html, markdown, csv, sarif, docx (granskade kopior av Word-filer med kommentarer) och fler från insticksmoduler.")
@click.option("--output", "-o", type=click.Path(dir_okay=True, path_type=Path), help="Skriv rapporten till FIL (eller mapp för docx) i stället för standard ut.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None, help="Lägsta allvarlighetsgrad som ger slutkod 1 (standard: warning, eller fail-on i konfigurationen).")
@click.option("--kind", type=str, default=None, help="Ange dokumenttyp i stället för att gissa: styrdokument, ansokan, other.")
@click.option("--select", multiple=True, help="Kör bara regler vars id eller kategori börjar så (kan upprepas).")
@click.option("--ignore", multiple=True, help="Hoppa över regler vars id eller kategori börjar så (kan upprepas).")
@click.option("--quiet", "-q", is_flag=True, help="Skriv bara fynd och fel, ingen sammanfattning eller förlopp.")
@click.option("--debug", is_flag=True, help="Visa fullständiga felspår för fel i filer och regler.")
@click.option("--strict-plugins", is_flag=True, help="Avbryt om en insticksmodul inte kan laddas.")
@_config_options
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Visa bara fynd som inte finns i baslinjefilen FIL (accepterade fynd).")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Spara alla dagens fynd som accepterade i FIL och skriv ingen rapport.")
@click.option("--history", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Lägg till dagens indikatorer med datum i historikfilen FIL (skapas om den saknas); HTML-rapporten visar utvecklingen över tid.")
@click.option("--csv-delimiter", type=click.Choice([",", ";", "tab"]), default=";", show_default=True, help="Avgränsare i --format csv; svenskt Excel vill ha ';', andra program ofta ','.")
@_run_options
def scan(
    paths: tuple[str, ...],
    fmt: str,
    output: Path | None,
    fail_on: str,
    kind: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    quiet: bool,
    debug: bool,
    strict_plugins: bool,
    config_file: Path | None,
    no_config: bool,
    baseline: Path | None,
    write_baseline: Path | None,
    history: Path | None,
    csv_delimiter: str,
    **run_options: Any,
) -> None:
    """Granska filer och mappar (mappar gås igenom rekursivt).

    Inställningar läses från närmaste dokumentanalys.toml eller
    [tool.dokumentanalys] i pyproject.toml ovanför de granskade filerna;
    flaggor går före filen.
    """
    import logging

    if debug:
        logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")
    config = _config(paths, config_file, no_config)
    strict_plugins = strict_plugins or config.strict_plugins
    if not (run_options.get("no_cache") or debug or baseline or write_baseline or history or config.baseline):
        code = _scan_from_cache(paths, config, fmt, output, kind, select, ignore, quiet, strict_plugins, csv_delimiter, fail_on, run_options)
        if code is not None:
            sys.exit(code)

    from .pipeline import Analyzer, Settings, collect_files
    from .report.base import Report

    registry = _registry(strict=strict_plugins, config=config)
    _warn_plugin_problems(registry, quiet)
    _check_config(config, registry, quiet)
    fail_on = fail_on or config.fail_on or "warning"
    accepted = None if write_baseline is not None else _load_baseline(baseline or config.baseline)
    reporter = registry.reporters.get(fmt)
    if reporter is None:
        raise UsageError(f"Okänt format {fmt!r}; välj bland: {', '.join(sorted(registry.reporters))}.")
    kinds = {k.name for k in registry.kinds}
    if kind is not None and kind not in kinds:
        raise UsageError(f"Okänd dokumenttyp {kind!r}; välj bland: {', '.join(sorted(kinds))}.")
    if reporter.write_files is not None and output is None:
        raise UsageError(f"Formatet {fmt} skriver filer; ange en mapp med --output.")

    settings = Settings(
        kind=kind,
        select=select or config.select,  # a flag replaces the file's list ...
        ignore=config.ignore + ignore,  # ... except ignore, where flags add to it
        severity_overrides=dict(config.severity),
        kind_for=config.kind_for if config.kinds else None,
        debug=debug,
    )
    settings = _with_limits(settings, run_options)
    if not run_options.get("no_cache"):
        _remember_registry(registry, settings, config, strict_plugins, _settings_key(kind, select, ignore, config, run_options, debug), run_options)
    analyzer = Analyzer(registry, settings)
    extensions = [ext for e in registry.extractors for ext in e.extensions]
    files, missing = collect_files(paths, extensions)
    finished, interrupted = _run(analyzer, files, quiet, run_options, registry_options={"strict": strict_plugins, **config.registry_options()})
    results = list(missing) + finished
    order = {p: i for i, p in enumerate(list(paths) + files)}
    results.sort(key=lambda r: order.get(r.path, len(order)))
    if write_baseline is not None:
        if interrupted:  # a half scan must not become the list of accepted findings
            click.echo(f"dokumentanalys: granskningen avbröts; baslinjen {write_baseline} skrevs inte.", err=True)
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(_write_baseline(results, write_baseline, quiet))

    report = Report(results, version=__version__, rules={r.id: r.meta for r in registry.rules})
    report.extra["csv_delimiter"] = csv_delimiter
    if history is not None:  # indicators of the whole batch, before a baseline hides findings
        report.extra["history"] = _append_history(report, history, interrupted, quiet)
    if accepted is not None:
        results, hidden, stale = accepted.apply(results)
        report.documents = results
        report.extra["baseline"] = {"path": str(accepted.path), "hidden": hidden, "stale": stale}
        if not quiet:
            note = f"; {stale} accepterade fynd finns inte längre (skriv om baslinjen med --write-baseline)" if stale else ""
            click.echo(f"dokumentanalys: {hidden} fynd dolda av baslinjen {accepted.path}{note}.", err=True)
    if reporter.write_files is not None:
        assert output is not None
        written = reporter.write_files(report, output)
        if not quiet:
            for path in written:
                click.echo(f"Skrev {path}", err=True)
            if not written:
                click.echo(f"dokumentanalys: formatet {fmt} skrev inga filer (inga indata i det formatet kunde läsas).", err=True)
    else:
        assert reporter.render is not None
        _emit(reporter.render(report), output, quiet)
    sys.exit(EXIT_INTERRUPTED if interrupted else _exit_code(results, fail_on))


#: Reporters whose output does not use the rules' metadata (a warm rescan does not load the rules).
_PLAIN_REPORTERS = frozenset({"dokumentanalys.report.json", "dokumentanalys.report.text", "dokumentanalys.report.markdown", "dokumentanalys.report.csv"})


def _settings_key(kind, select, ignore, config, run_options, debug: bool = False) -> str:  # type: ignore[no-untyped-def]
    """What :class:`~dokumentanalys.pipeline.Settings` of a scan are built from, as a memo key."""
    from .cache import RegistryMemo

    limits = {key: run_options.get(key) for key in ("max_file_size", "max_pages", "max_decompressed_size")}
    return RegistryMemo.settings_key(
        kind, select or config.select, config.ignore + ignore, config.severity, config if config.kinds else None, limits, debug
    )


def _remember_registry(registry, settings, config, strict: bool, settings_key: str, run_options: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    """Write the rule-set memo a warm rescan needs (see :class:`~dokumentanalys.cache.RegistryMemo`)."""
    from .cache import RegistryMemo

    key = RegistryMemo.inputs(config.registry_options(), strict)
    if key is not None:
        RegistryMemo.remember(run_options.get("cache_dir"), key, registry, settings_key, settings)


def _scan_from_cache(  # type: ignore[no-untyped-def]
    paths, config, fmt, output, kind, select, ignore, quiet, strict_plugins, csv_delimiter, fail_on, run_options
) -> int | None:
    """A rescan where every document is in the cache, without loading plugins and rules.

    Returns the exit code after writing the report, or ``None`` when the run
    must go the usual way: no memo of the rule set, a document not in the
    cache, or anything the memo cannot answer (a reporter that needs the
    rules, warnings about plugins or the configuration to print).
    """
    import importlib

    from .cache import RegistryMemo, ResultCache

    key = RegistryMemo.inputs(config.registry_options(), strict_plugins)
    memo = RegistryMemo.load(run_options.get("cache_dir"), key) if key is not None else None
    if memo is None or (run_options.get("executor") or "local") != "local":
        return None
    if not quiet and (not memo.clean or config.select or config.ignore or config.severity or config.enable_plugins or config.disable_plugins):
        return None
    if (kind is not None and kind not in memo.kinds) or any(k not in memo.kinds for _, k in config.kinds):
        return None
    where = memo.reporter(fmt)
    if where is None or where[0] not in _PLAIN_REPORTERS or "." in where[1]:
        return None
    render = getattr(importlib.import_module(where[0]), where[1], None)
    if render is None:
        return None

    remembered = memo.settings(_settings_key(kind, select, ignore, config, run_options))
    if remembered is None:
        return None
    settings_fp, max_file_size = remembered

    from .files import collect_files
    from .report.base import Report

    cache = ResultCache.for_fingerprints(memo.fingerprint, settings_fp, bool(config.kinds), run_options.get("cache_dir"))
    files, missing = collect_files(paths, memo.extensions)
    keys = [cache.key(path, max_file_size) for path in files]
    if any(k is None or not cache.has(k) for k in keys):
        return None
    finished = []
    for path, k in zip(files, keys):
        hit = cache.get(k, path)  # type: ignore[arg-type]
        if hit is None:
            return None
        finished.append(hit)
    results = list(missing) + finished
    order = {p: i for i, p in enumerate(list(paths) + files)}
    results.sort(key=lambda r: order.get(r.path, len(order)))
    report = Report(results, version=__version__, rules={})
    report.extra["csv_delimiter"] = csv_delimiter
    _emit(render(report), output, quiet)
    return _exit_code(results, fail_on or config.fail_on or "warning")


def _append_history(report: "Report", path: Path, interrupted: bool, quiet: bool) -> list[dict[str, Any]]:
    """``--history``: add this run's indicators to the history file; return the whole history."""
    from .report.history import HistoryError, append_history, entry_for, read_history

    try:
        if interrupted:  # half a batch would skew the trend
            click.echo(f"dokumentanalys: granskningen avbröts; historikfilen {path} uppdaterades inte.", err=True)
            return read_history(path)
        entries = append_history(path, entry_for(report))
    except HistoryError as exc:
        raise UsageError(str(exc)) from exc
    if not quiet:
        times = "tillfälle" if len(entries) == 1 else "tillfällen"
        click.echo(f"Lade till dagens indikatorer i {path} ({len(entries)} {times}).", err=True)
    return entries


def _with_limits(settings, run_options: dict[str, Any]):  # type: ignore[no-untyped-def]
    """``settings`` with the limits given as flags (others keep their defaults)."""
    from dataclasses import replace

    limits = {
        key: run_options.get(key)
        for key in ("max_file_size", "max_pages", "max_decompressed_size")
        if run_options.get(key) is not None
    }
    return replace(settings, extract=replace(settings.extract, **limits)) if limits else settings


def _run(analyzer, files: list[str], quiet: bool, run_options: dict[str, Any], registry_options: dict[str, Any] | None = None):  # type: ignore[no-untyped-def]
    """Analyse files through the executor and the cache, with a progress bar on an interactive stderr.

    Returns ``(results in the order of files, interrupted)``. After Ctrl-C,
    documents not yet finished get an ``interrupted`` error entry, so the
    report still says which documents were not reviewed.
    """
    from contextlib import ExitStack

    from .cache import ResultCache
    from .errors import error
    from .executor import analyze_paths, make_executor
    from .model import DocumentResult

    if run_options.get("executor") == "dask" and not run_options.get("scheduler"):
        raise UsageError("--executor dask kräver --scheduler ADRESS.")
    try:
        executor = make_executor(
            analyzer,
            jobs=run_options.get("jobs") or None,
            timeout=run_options.get("timeout"),
            executor=run_options.get("executor") or "local",
            scheduler=run_options.get("scheduler"),
            registry_options=registry_options,
        )
    except ImportError as exc:
        raise UsageError(f"--executor dask kräver Dask: pip install 'dokumentanalys[dask]' ({exc}).") from exc
    cache = None
    if not run_options.get("no_cache"):
        cache = ResultCache.for_run(analyzer.registry, analyzer.settings, run_options.get("cache_dir"))
    done: dict[int, "DocumentResult"] = {}
    interrupted = False
    show = not quiet and sys.stderr.isatty() and len(files) > 1
    try:
        with ExitStack() as stack:
            stack.enter_context(executor)
            progress = task = None
            if show:
                from rich.console import Console
                from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

                progress = stack.enter_context(
                    Progress(
                        TextColumn("Granskar"),
                        BarColumn(),
                        MofNCompleteColumn(),
                        TimeRemainingColumn(),
                        TextColumn("{task.description}"),
                        console=Console(stderr=True),
                        transient=True,
                    )
                )
                task = progress.add_task("", total=len(files))
            results = analyze_paths(files, executor, cache, max_file_size=analyzer.settings.extract.max_file_size)
            try:
                for index, result in results:
                    done[index] = result
                    if progress is not None:
                        progress.update(task, advance=1, description=os.path.basename(result.path))
            finally:
                results.close()  # on Ctrl-C: stops the workers now
    except KeyboardInterrupt:
        interrupted = True
        click.echo(
            f"dokumentanalys: avbrutet; {len(done)} av {len(files)} dokument hann granskas och finns i rapporten.",
            err=True,
        )
    except OSError as exc:  # e.g. a Dask scheduler that cannot be reached
        raise UsageError(f"Granskningen kunde inte startas: {exc}") from exc
    ordered = [
        done.get(i) or DocumentResult(path=path, format=os.path.splitext(path)[1].lstrip(".").lower() or None, errors=[error("interrupted")])
        for i, path in enumerate(files)
    ]
    return ordered, interrupted


@main.command()
@click.argument("old", type=click.Path(path_type=str))
@click.argument("new", type=click.Path(path_type=str))
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True, help="Utdataformat.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Skriv jämförelsen till FIL i stället för standard ut.")
@click.option("--fail-on-new", is_flag=True, help="Slutkod 1 om det finns nya fynd (för CI).")
@click.option("--quiet", "-q", is_flag=True, help="Inga meddelanden på standard fel.")
def compare(old: str, new: str, fmt: str, output: Path | None, fail_on_new: bool, quiet: bool) -> None:
    """Jämför två granskningar: vilka fynd som har åtgärdats, vilka som är nya och vilka som kvarstår.

    \b
    OLD och NEW är JSON-rapporter (--format json), mappar eller filer att
    granska, eller två versioner av samma dokument. Exempel:
      dokumentanalys compare rapport-kv1.json rapport-kv2.json
      dokumentanalys compare rapport-kv1.json styrdokument/
      dokumentanalys compare policy-v1.docx policy-v2.docx
    """
    import json

    from .report.compare import CompareError, compare as compare_runs, is_report, load_report, render_markdown, render_text, to_data

    sides = []
    analyzer = None
    for argument in (old, new):
        if os.path.isfile(argument) and is_report(Path(argument)):
            try:
                documents, _ = load_report(Path(argument))
            except CompareError as exc:
                raise UsageError(str(exc)) from exc
        else:
            if analyzer is None:
                from .pipeline import Analyzer, Settings

                config = _config((old, new), None, False)
                registry = _registry(config=config)
                _warn_plugin_problems(registry, quiet)
                analyzer = Analyzer(
                    registry,
                    Settings(
                        select=config.select,
                        ignore=config.ignore,
                        severity_overrides=dict(config.severity),
                        kind_for=config.kind_for if config.kinds else None,
                    ),
                )
            from .pipeline import collect_files

            extensions = [ext for e in analyzer.registry.extractors for ext in e.extensions]
            files, missing = collect_files([argument], extensions)
            documents = list(missing) + [analyzer.analyze(f) for f in files]
        sides.append(documents)
    comparison = compare_runs(sides[0], sides[1], old, new)
    if fmt == "json":
        data = json.dumps(to_data(comparison), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "markdown":
        data = render_markdown(comparison)
    else:
        data = render_text(comparison)
    if output is not None:
        write_atomic(output, data)
        if not quiet:
            click.echo(f"Skrev {output}", err=True)
    else:
        click.echo(data, nl=False)
    unreadable = any(not d.readable for side in sides for d in side)
    sys.exit(EXIT_ERROR if unreadable else EXIT_FINDINGS if fail_on_new and comparison.added else EXIT_OK)


@main.command("rules")
@click.option("--category", default=None, help="Visa bara regler i denna kategori.")
@click.option("--json", "as_json", is_flag=True, help="Skriv listan som JSON.")
@_config_options
def rules_cmd(category: str | None, as_json: bool, config_file: Path | None, no_config: bool) -> None:
    """Lista alla installerade regler med id, kategori, allvarlighetsgrad och källa."""
    import json

    registry = _registry(config=_config((".",), config_file, no_config))
    rules = [r for r in registry.rules if category is None or r.meta.category == category]
    if as_json:
        data = [
            {
                "id": r.id,
                "category": r.meta.category,
                "severity": str(r.meta.severity),
                "status": r.meta.status,
                "source": r.meta.source,
                "plugin": r.meta.plugin,
                "message": r.meta.message,
            }
            for r in rules
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    width = max((len(r.id) for r in rules), default=10)
    for r in rules:
        source = r.meta.source or "–"
        click.echo(f"{r.id:<{width}}  {r.meta.category:<27} {str(r.meta.severity):<7}  {source}")
    click.echo(f"\n{len(rules)} regler.", err=True)


@main.command()
@click.argument("rule_id")
@_config_options
def explain(rule_id: str, config_file: Path | None, no_config: bool) -> None:
    """Förklara en regel: vad den gör, varför, exempel och källor."""
    from .engine.explain import explain_rule

    registry = _registry(config=_config((".",), config_file, no_config))
    try:
        rule = registry.rule(rule_id)
    except KeyError:
        close = [r.id for r in registry.rules if rule_id.split("/")[-1] in r.id][:5]
        hint = f" Menade du: {', '.join(close)}?" if close else " Se listan med 'dokumentanalys rules'."
        raise UsageError(f"Regeln {rule_id!r} finns inte.{hint}")
    click.echo(explain_rule(rule.meta))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Skriv listan som JSON.")
@_config_options
def plugins(as_json: bool, config_file: Path | None, no_config: bool) -> None:
    """Lista insticksmoduler med version, regler, dokumenttyper, format och status.

    Status är ok, fel (insticksmodulen laddades delvis eller inte alls; se
    problemen) eller avstängd (av konfigurationen, eller avstängd som standard).
    Slutkoden är 1 om någon insticksmodul har fel.
    """
    import json
    from dataclasses import asdict

    config = _config((".",), config_file, no_config)
    registry = _registry(config=config)
    infos = list(registry.plugins.values())
    if as_json:
        click.echo(json.dumps([asdict(i) for i in infos], ensure_ascii=False, indent=2))
    else:
        for info in infos:
            if info.builtin:
                label = "inbyggd"
            else:
                label = " ".join(x for x in (info.distribution, info.version) if x) or "okänd version"
            click.echo(f"{info.name} ({label}) – {info.status}")
            if info.note:
                click.echo(f"  {info.note}")
            if info.rules:
                more = ", …" if len(info.rules) > 5 else ""
                click.echo(f"  regler: {len(info.rules)} ({', '.join(info.rules[:5])}{more})")
            if info.kinds:
                click.echo(f"  dokumenttyper: {', '.join(info.kinds)}")
            if info.formats:
                click.echo(f"  inläsning: {', '.join(info.formats)}")
            if info.reporters:
                click.echo(f"  rapportformat: {', '.join(info.reporters)}")
            for problem in info.problems:
                click.echo(f"  problem: {problem}")
        if config.path is not None:
            click.echo(f"\nKonfiguration: {config.path}", err=True)
    sys.exit(EXIT_FINDINGS if any(i.status == "fel" for i in infos) else EXIT_OK)


@main.command("new-plugin")
@click.argument("name")
@click.option("--directory", "-d", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True, help="Mappen där paketet skapas.")
def new_plugin(name: str, directory: Path) -> None:
    """Skapa ett färdigt skelett till en insticksmodul: dokumentanalys-NAME.

    Skelettet har pyproject.toml med entry point, en dataregel, en kodregel,
    README och tester; installera det med pip install -e och kör pytest.
    """
    from .scaffold import ScaffoldError, write_plugin

    try:
        root = write_plugin(name, directory)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from exc
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        click.echo(f"Skrev {path}")
    click.echo(
        f"\nNästa steg:\n  pip install -e {root}\n  dokumentanalys plugins\n  pytest {root / 'tests'}"
    )


@main.command("eval")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="dev", show_default=True, help="Vilken delmängd av korpusen som ska utvärderas (test används aldrig för att justera regler).")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Utdataformat.")
@click.option("--show-errors", is_flag=True, help="Lista falska positiva och missade fynd per dokument.")
def eval_cmd(corpus: Path, split: str, fmt: str, show_errors: bool) -> None:
    """Utvärdera reglerna mot en annoterad korpus (precision, täckning, F1, markör)."""
    import json

    from .evaluate import GoldError, evaluate, render_table
    from .pipeline import Analyzer

    registry = _registry()
    try:
        result = evaluate(corpus, split, Analyzer(registry))
    except GoldError as exc:
        raise UsageError(f"Facitfilerna i korpusen är felaktiga:\n{exc}") from exc
    if fmt == "json":
        click.echo(json.dumps(result.to_json(show_errors=show_errors), ensure_ascii=False, indent=2))
    else:
        click.echo(render_table(result, show_errors=show_errors), nl=False)


@main.command("bench")
@click.option("--quick", is_flag=True, help="Små dokument: prova att mätningen fungerar.")
@click.option("--repeat", type=click.IntRange(min=1), default=1, show_default=True, help="Upprepa varje mätning och ta den bästa.")
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path), default=None, help="Behåll de genererade dokumenten i MAPP.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Skriv värdena som JSON till FIL.")
@click.option("--markdown", "markdown_path", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Skriv tabellen som Markdown till FIL.")
@click.option("--only", multiple=True, type=click.Choice(["pdf", "docx", "rules", "memory", "folder"]), help="Mät bara denna del (kan upprepas).")
def bench_cmd(quick: bool, repeat: int, workdir: Path | None, json_path: Path | None, markdown_path: Path | None, only: tuple[str, ...]) -> None:
    """Mät prestanda på genererade dokument (kräver reportlab; se docs/performance.md)."""
    from .bench import run

    sys.exit(run(workdir=workdir, quick=quick, repeat=repeat, json_path=json_path, markdown_path=markdown_path, only=only))


if __name__ == "__main__":  # pragma: no cover
    main()
