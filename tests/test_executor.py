"""Executors: same results serially, in a pool and on Dask; hung and crashing documents stay contained."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from dokumentanalys import hookimpl
from dokumentanalys.executor import (
    AnalyzerSpec,
    ProcessExecutor,
    SerialExecutor,
    analyze_paths,
    make_executor,
    parse_size,
)
from dokumentanalys.extract.base import ExtractOptions, Extractor
from dokumentanalys.model import Block, BlockKind, Document
from dokumentanalys.pipeline import Analyzer, Settings
from dokumentanalys.plugins import load_registry

TEXTS = [
    "Tjänstemannen på kansliet svarar inom en vecka.",
    "Förvaltningen har 1 240 anställda.",
    "Av de 1 240 anställda är 880 kvinnor och 360 män.",
    "Föreningens talesman lämnar berättelsen senast i mars.",
    "Målen följs upp i delårsrapporten.",
]


def _hang(path: Path, options: ExtractOptions) -> Document:
    time.sleep(120)
    raise AssertionError("not reached")


def _segfault(path: Path, options: ExtractOptions) -> Document:
    os.kill(os.getpid(), signal.SIGSEGV)
    time.sleep(10)
    raise AssertionError("not reached")


def _exhaust(path: Path, options: ExtractOptions) -> Document:
    raise MemoryError()


def _slow_text(path: Path, options: ExtractOptions) -> Document:
    time.sleep(0.3)
    return Document(str(path), "slowtext", [Block(0, BlockKind.PARAGRAPH, path.read_text(encoding="utf-8"))])


class _Troublemakers:
    """A plugin with extractors that hang, crash the process or run out of memory."""

    @hookimpl
    def register_extractors(self) -> list[Extractor]:
        def by_suffix(suffix: str):  # type: ignore[no-untyped-def]
            return lambda head, path: path.suffix == suffix

        return [
            Extractor("hang", by_suffix(".hang"), _hang, (".hang",)),
            Extractor("segfault", by_suffix(".crash"), _segfault, (".crash",)),
            Extractor("oom", by_suffix(".oom"), _exhaust, (".oom",)),
            Extractor("slowtext", by_suffix(".slow"), _slow_text, (".slow",)),
        ]


@pytest.fixture(scope="module")
def trouble_analyzer() -> Analyzer:
    return Analyzer(load_registry(extra=(_Troublemakers(),)), Settings())


@pytest.fixture()
def texts(tmp_path: Path) -> list[str]:
    paths = []
    for i, text in enumerate(TEXTS):
        p = tmp_path / f"dok-{i}.txt"
        p.write_text(text + "\n", encoding="utf-8")
        paths.append(str(p))
    return paths


def _codes(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.code for e in result.errors]


def test_pool_gives_the_same_results_in_input_order(analyzer: Analyzer, texts: list[str]) -> None:
    serial = SerialExecutor(analyzer).map(texts)
    with ProcessExecutor(AnalyzerSpec(analyzer.settings), jobs=2, timeout=60, analyzer=analyzer) as pool:
        parallel = pool.map(texts)
    assert [r.path for r in parallel] == texts
    assert parallel == serial
    assert any(r.findings for r in serial)  # the comparison is not between empty results


def test_run_yields_each_index_once(analyzer: Analyzer, texts: list[str]) -> None:
    with ProcessExecutor(AnalyzerSpec(analyzer.settings), jobs=2, timeout=60, analyzer=analyzer) as pool:
        indexes = [i for i, _ in pool.run(texts)]
    assert sorted(indexes) == list(range(len(texts)))


def test_spawned_workers_build_their_own_analyzer(texts: list[str], analyzer: Analyzer) -> None:
    spec = AnalyzerSpec(Settings())
    with ProcessExecutor(spec, jobs=1, timeout=120, start_method="spawn") as pool:
        results = pool.map(texts[:2])
    assert results == SerialExecutor(analyzer).map(texts[:2])


def test_hung_document_times_out_and_the_pool_goes_on(trouble_analyzer: Analyzer, texts: list[str], tmp_path: Path) -> None:
    hang = tmp_path / "fast.hang"
    hang.write_text("x", encoding="utf-8")
    paths = [texts[0], str(hang), *texts[1:]]
    pool = ProcessExecutor(AnalyzerSpec(trouble_analyzer.settings), jobs=2, timeout=1.5, analyzer=trouble_analyzer)
    results = pool.map(paths)
    assert _codes(results[1]) == ["read/timeout"]
    assert "1.5 sekunder" in results[1].errors[0].message
    assert all(not r.errors for i, r in enumerate(results) if i != 1)
    assert pool.restarts >= 1


def test_timeout_works_with_one_job(trouble_analyzer: Analyzer, texts: list[str], tmp_path: Path) -> None:
    hang = tmp_path / "x.hang"
    hang.write_text("x", encoding="utf-8")
    executor = make_executor(trouble_analyzer, jobs=1, timeout=1.0)
    assert isinstance(executor, ProcessExecutor)
    results = executor.map([str(hang), texts[0]])
    assert _codes(results[0]) == ["read/timeout"]
    assert results[1].findings and not results[1].errors


def test_one_job_without_timeout_runs_in_this_process(analyzer: Analyzer) -> None:
    assert isinstance(make_executor(analyzer, jobs=1, timeout=0), SerialExecutor)
    assert isinstance(make_executor(analyzer, jobs=2, timeout=0), ProcessExecutor)


def test_crashing_worker_is_one_internal_error(trouble_analyzer: Analyzer, texts: list[str], tmp_path: Path) -> None:
    crash = tmp_path / "boom.crash"
    crash.write_text("x", encoding="utf-8")
    paths = [str(crash), *texts]
    with ProcessExecutor(AnalyzerSpec(trouble_analyzer.settings), jobs=2, timeout=30, analyzer=trouble_analyzer) as pool:
        results = pool.map(paths)
    assert _codes(results[0]) == ["internal"]
    assert "SIGSEGV" in results[0].errors[0].message
    assert "Traceback" not in results[0].errors[0].message
    assert all(not r.errors for r in results[1:])
    assert len(results) == len(paths)


def test_memory_error_is_an_error_entry(trouble_analyzer: Analyzer, tmp_path: Path) -> None:
    oom = tmp_path / "big.oom"
    oom.write_text("x", encoding="utf-8")
    with ProcessExecutor(AnalyzerSpec(trouble_analyzer.settings), jobs=1, timeout=30, analyzer=trouble_analyzer) as pool:
        (result,) = pool.map([str(oom)])
    assert len(result.errors) == 1
    assert result.errors[0].code in ("read/too-large", "internal")


def test_workers_are_recycled(analyzer: Analyzer, texts: list[str]) -> None:
    pool = ProcessExecutor(AnalyzerSpec(analyzer.settings), jobs=1, timeout=60, analyzer=analyzer, max_tasks_per_child=2)
    results = pool.map(texts)
    assert results == SerialExecutor(analyzer).map(texts)
    assert pool.restarts == 0  # planned replacements are not counted as restarts


def test_closing_early_stops_the_workers(trouble_analyzer: Analyzer, tmp_path: Path) -> None:
    paths = []
    for i in range(6):
        p = tmp_path / f"s{i}.slow"
        p.write_text("Tjänstemannen svarar.", encoding="utf-8")
        paths.append(str(p))
    pool = ProcessExecutor(AnalyzerSpec(trouble_analyzer.settings), jobs=2, timeout=60, analyzer=trouble_analyzer)
    run = pool.run(paths)
    next(run)
    processes = [w.process for w in pool._workers]
    assert processes and all(p.is_alive() for p in processes)
    run.close()  # what Ctrl-C in the CLI does
    assert not any(p.is_alive() for p in processes)


def test_analyze_paths_without_cache_passes_everything(analyzer: Analyzer, texts: list[str]) -> None:
    got = dict(analyze_paths(texts, SerialExecutor(analyzer)))
    assert sorted(got) == list(range(len(texts)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1000", 1000), ("512k", 512 * 1024), ("200M", 200 * 1024**2), ("1,5 GB", int(1.5 * 1024**3)), ("2MiB", 2 * 1024**2)],
)
def test_parse_size(text: str, expected: int) -> None:
    assert parse_size(text) == expected


@pytest.mark.parametrize("text", ["", "mycket", "12 apor", "-5M"])
def test_parse_size_rejects_nonsense(text: str) -> None:
    with pytest.raises(ValueError):
        parse_size(text)


def test_pdf_fast_and_layout_paths_find_the_same(tmp_path: Path, registry) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("reportlab")
    from dokumentanalys.bench import write_pdf

    pdf = write_pdf(tmp_path / "plan.pdf", 4, seed=3)
    results = {}
    for mode in ("fast", "layout"):
        settings = Settings(extract=ExtractOptions(pdf_mode=mode))
        results[mode] = Analyzer(registry, settings).analyze(pdf)
    assert not results["fast"].errors
    assert results["fast"].findings
    fast = [(f.rule, f.matched, f.location.page) for f in results["fast"].findings]
    layout = [(f.rule, f.matched, f.location.page) for f in results["layout"].findings]
    assert fast == layout


def test_dask_local_cluster_gives_the_same_results(analyzer: Analyzer, texts: list[str]) -> None:
    distributed = pytest.importorskip("distributed")
    from dokumentanalys.executor import DaskExecutor

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            executor = DaskExecutor(AnalyzerSpec(analyzer.settings), client=client, timeout=120)
            results = executor.map([*texts, str(Path(texts[0]).with_name("saknas.txt"))])
    assert [r.path for r in results[:-1]] == texts
    assert results[:-1] == SerialExecutor(analyzer).map(texts)
    assert _codes(results[-1]) == ["read/not-found"]


def test_cli_findings_are_the_same_serial_parallel_and_cached(tmp_path: Path) -> None:
    """One folder, four ways: in-process, two workers, cold cache, warm cache."""
    import json

    from click.testing import CliRunner

    from dokumentanalys.cli import main

    folder = tmp_path / "mapp"
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        (folder / f"dok-{i}.md").write_text(f"# Dokument {i}\n\n{text}\n", encoding="utf-8")
    (folder / "trasig.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    cache = tmp_path / "cache"

    def scan(*flags: str) -> list[dict]:  # type: ignore[type-arg]
        result = CliRunner().invoke(main, ["scan", str(folder), "-f", "json", *flags], catch_exceptions=False)
        assert result.exit_code == 2  # the broken PDF
        return json.loads(result.output)["documents"]

    serial = scan("--jobs", "1", "--timeout", "0", "--no-cache")
    parallel = scan("--jobs", "2", "--no-cache")
    cold = scan("--jobs", "2", "--cache-dir", str(cache))
    warm = scan("--jobs", "2", "--cache-dir", str(cache))
    assert list(cache.rglob("*.pickle"))
    assert serial == parallel == cold == warm
    assert [Path(d["path"]).name for d in serial] == sorted(p.name for p in folder.iterdir())
    assert sum(len(d["findings"]) for d in serial) >= 3
