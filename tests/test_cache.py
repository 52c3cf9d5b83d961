"""The content-hash result cache: hits, misses, keys, damaged entries, concurrent writers."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator, Sequence

import pytest

from dokumentanalys.cache import (
    CACHE_ENV,
    ResultCache,
    default_cache_dir,
    file_digest,
    ruleset_fingerprint,
    settings_fingerprint,
)
from dokumentanalys.errors import error
from dokumentanalys.executor import Executor, SerialExecutor, analyze_paths
from dokumentanalys.model import DocumentResult
from dokumentanalys.pipeline import Analyzer, Settings
from dokumentanalys.plugins import load_registry

TEXT = "Tjänstemannen på kansliet svarar inom en vecka. Förvaltningen har 1 240 anställda.\n"


class CountingExecutor(Executor):
    """Serial, and remembers which paths it was asked to analyse."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.inner = SerialExecutor(analyzer)
        self.seen: list[str] = []

    def run(self, paths: Sequence[str]) -> Iterator[tuple[int, DocumentResult]]:
        self.seen.extend(paths)
        yield from self.inner.run(paths)


@pytest.fixture()
def folder(tmp_path: Path) -> list[str]:
    paths = []
    for i in range(3):
        p = tmp_path / "docs" / f"dok-{i}.md"
        p.parent.mkdir(exist_ok=True)
        p.write_text(f"# Plan {i}\n\n{TEXT}", encoding="utf-8")
        paths.append(str(p))
    return paths


def _scan(analyzer: Analyzer, cache: ResultCache, paths: list[str]) -> tuple[list[DocumentResult], list[str]]:
    executor = CountingExecutor(analyzer)
    got = dict(analyze_paths(paths, executor, cache))
    return [got[i] for i in range(len(paths))], executor.seen


def test_warm_cache_reads_no_document_and_gives_the_same_results(analyzer: Analyzer, folder: list[str], tmp_path: Path) -> None:
    cache = ResultCache.for_run(analyzer.registry, analyzer.settings, tmp_path / "cache")
    cold, analysed = _scan(analyzer, cache, folder)
    assert analysed == folder and cache.writes == 3
    warm_cache = ResultCache.for_run(analyzer.registry, analyzer.settings, tmp_path / "cache")
    warm, analysed = _scan(analyzer, warm_cache, folder)
    assert analysed == []
    assert warm_cache.hits == 3
    assert warm == cold
    assert all(r.findings for r in warm)


def test_changed_and_renamed_files_are_analysed_again(analyzer: Analyzer, folder: list[str], tmp_path: Path) -> None:
    cache = ResultCache.for_run(analyzer.registry, analyzer.settings, tmp_path / "cache")
    _scan(analyzer, cache, folder)
    Path(folder[0]).write_text("# Plan 0\n\nFöreningens talesman svarar.\n", encoding="utf-8")
    renamed = Path(folder[1]).with_name("nytt-namn.md")
    os.replace(folder[1], renamed)
    paths = [folder[0], str(renamed), folder[2]]
    results, analysed = _scan(analyzer, cache, paths)
    assert analysed == paths[:2]
    assert [f.rule for f in results[0].findings if f.rule.startswith("term/")] == ["term/talesman"]


def test_copy_under_the_same_name_elsewhere_is_a_hit_with_its_own_path(analyzer: Analyzer, folder: list[str], tmp_path: Path) -> None:
    cache = ResultCache.for_run(analyzer.registry, analyzer.settings, tmp_path / "cache")
    first, _ = _scan(analyzer, cache, folder[:1])
    copy = tmp_path / "annan-mapp" / Path(folder[0]).name
    copy.parent.mkdir()
    copy.write_bytes(Path(folder[0]).read_bytes())
    results, analysed = _scan(analyzer, cache, [str(copy)])
    assert analysed == []
    assert results[0].path == str(copy)
    assert results[0].findings == first[0].findings


def test_settings_and_rules_are_part_of_the_key(registry, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base = ResultCache.for_run(registry, Settings(), tmp_path)
    assert ResultCache.for_run(registry, Settings(), tmp_path).namespace == base.namespace
    for other in (
        Settings(kind="ansokan"),
        Settings(ignore=("term/",)),
        Settings(select=("term/",)),
        Settings(severity_overrides={"term/talesman": "info"}),
    ):
        assert ResultCache.for_run(registry, other, tmp_path).namespace != base.namespace
    pack = tmp_path / "extra.toml"
    pack.write_text(
        '[pack]\nid = "extra"\n\n[[rule]]\nid = "extra/ordforandeman"\ncategory = "gendered-term"\nseverity = "info"\n'
        'message = "Prov."\nmatch = [{ lemma = "ordförandeman", paradigm = "man" }]\n'
        'flag = ["En ordförandeman."]\npass = ["En ordförande."]\n',
        encoding="utf-8",
    )
    assert ruleset_fingerprint(load_registry(extra_packs=(pack,))) != ruleset_fingerprint(registry)


def test_fingerprints_are_stable_across_processes() -> None:
    code = (
        "from dokumentanalys.cache import ruleset_fingerprint, settings_fingerprint\n"
        "from dokumentanalys.pipeline import Settings\n"
        "from dokumentanalys.plugins import load_registry\n"
        "print(ruleset_fingerprint(load_registry()), settings_fingerprint(Settings(kind='styrdokument', select=('term/',))))\n"
    )
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout for _ in range(2)}
    assert len(runs) == 1
    assert len(runs.pop().split()) == 2


def test_callables_in_settings_are_keyed_by_name_not_address() -> None:
    class Globs:
        def __init__(self, kinds: tuple[tuple[str, str], ...]) -> None:
            self.kinds = kinds

        def __repr__(self) -> str:
            return f"Globs({self.kinds!r})"

        def kind_for(self, path: str) -> str | None:
            return None

    a = settings_fingerprint(Settings(kind_for=Globs((("*.pdf", "ansokan"),)).kind_for))
    b = settings_fingerprint(Settings(kind_for=Globs((("*.pdf", "ansokan"),)).kind_for))
    c = settings_fingerprint(Settings(kind_for=Globs((("*.pdf", "styrdokument"),)).kind_for))
    assert a == b != c


def test_per_folder_kinds_key_on_the_full_path(registry, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cache = ResultCache.for_run(registry, Settings(kind_for=lambda path: None), tmp_path / "cache")
    assert cache.path_sensitive
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.md").write_text(TEXT, encoding="utf-8")
    assert cache.key(tmp_path / "a" / "x.md") != cache.key(tmp_path / "b" / "x.md")
    plain = ResultCache.for_run(registry, Settings(), tmp_path / "cache")
    assert plain.key(tmp_path / "a" / "x.md") == plain.key(tmp_path / "b" / "x.md")


def test_damaged_entry_is_a_miss(analyzer: Analyzer, folder: list[str], tmp_path: Path) -> None:
    cache = ResultCache.for_run(analyzer.registry, analyzer.settings, tmp_path / "cache")
    _scan(analyzer, cache, folder[:1])
    (entry,) = list((tmp_path / "cache").rglob("*.pickle"))
    entry.write_bytes(entry.read_bytes()[:20])
    results, analysed = _scan(analyzer, cache, folder[:1])
    assert analysed == folder[:1]
    assert results[0].findings and not results[0].errors


def test_transient_errors_are_not_cached(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path, "ns")
    timeout = DocumentResult(path="a.pdf", errors=[error("read/timeout", "5")])
    corrupt = DocumentResult(path="b.pdf", errors=[error("read/corrupt-pdf")])
    assert not cache.put("a" * 40, timeout)
    assert cache.put("b" * 40, corrupt)
    assert cache.get("a" * 40, "a.pdf") is None
    assert cache.get("b" * 40, "b.pdf") == corrupt


def test_unwritable_cache_turns_itself_off(tmp_path: Path) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("inte en mapp", encoding="utf-8")
    cache = ResultCache(blocker / "cache", "ns")
    assert not cache.put("c" * 40, DocumentResult(path="x.md"))
    assert cache.get("c" * 40, "x.md") is None


def test_oversized_files_are_not_hashed(tmp_path: Path) -> None:
    p = tmp_path / "stor.txt"
    p.write_bytes(b"a" * 2000)
    assert file_digest(p, max_size=1000) is None
    assert file_digest(p) is not None
    assert file_digest(tmp_path / "saknas.txt") is None


def test_cache_folder_follows_platform_conventions(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert default_cache_dir() == tmp_path / "xdg" / "dokumentanalys"
        monkeypatch.setenv("XDG_CACHE_HOME", "relativ/ignoreras")
        monkeypatch.setenv("HOME", str(tmp_path / "hem"))
        assert default_cache_dir() == tmp_path / "hem" / ".cache" / "dokumentanalys"
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "egen"))
    assert default_cache_dir() == tmp_path / "egen"


def _hammer(folder: str, key: str, rounds: int) -> int:
    cache = ResultCache(folder, "ns")
    bad = 0
    for i in range(rounds):
        cache.put(key, DocumentResult(path=f"p{i}.md", title="x" * (1000 + i)))
        got = cache.get(key, "p.md")
        if got is None or not (got.title or "").startswith("x"):
            bad += 1
    return bad


def test_concurrent_writers_never_leave_half_entries(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ctx.Pool(4) as pool:
        bad = pool.starmap(_hammer, [(str(tmp_path), "d" * 40, 60)] * 4)
    assert bad == [0, 0, 0, 0]
    assert not list(tmp_path.rglob("*.tmp"))


# -- a warm rescan without loading plugins and rules ------------------------------------------


def _cli_scan(folder: Path, cache_dir: Path, out: Path, *extra: str) -> tuple[int, dict]:
    import json

    from click.testing import CliRunner

    from dokumentanalys.cli import main

    result = CliRunner().invoke(main, ["scan", str(folder), "-q", "-f", "json", "-o", str(out), "--cache-dir", str(cache_dir), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    data.pop("generated")
    return result.exit_code, data


def _count_registry_loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    import dokumentanalys.cli as cli

    calls: list[int] = []
    real = cli._registry

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(cli, "_registry", counting)
    return calls


def test_warm_rescan_skips_the_rule_set_and_gives_the_same_report(
    folder: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads = _count_registry_loads(monkeypatch)
    docs = Path(folder[0]).parent
    pytest.importorskip("reportlab")
    from dokumentanalys.bench import write_pdf

    write_pdf(docs / "plan.pdf", 3, seed=5)  # a ruled table on page 3
    cold_code, cold = _cli_scan(docs, tmp_path / "c", tmp_path / "kall.json")
    assert loads == [1]
    assert any(f["location"]["kind"] == "table-cell" for d in cold["documents"] for f in d["findings"]) or any(
        d["metadata"].get("table_pages") for d in cold["documents"]
    )
    assert list((tmp_path / "c" / "v1" / "registry").glob("*.json"))
    warm_code, warm = _cli_scan(docs, tmp_path / "c", tmp_path / "varm.json")
    assert loads == [1]  # answered from the cache and the memo
    assert (warm_code, warm) == (cold_code, cold)
    assert cold_code == 1 and any(d["findings"] for d in cold["documents"])


def test_warm_rescan_with_a_changed_document_loads_the_rule_set(
    folder: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads = _count_registry_loads(monkeypatch)
    docs = Path(folder[0]).parent
    _cli_scan(docs, tmp_path / "c", tmp_path / "a.json")
    Path(folder[1]).write_text("# Plan\n\nFöreningens talesman svarar.\n", encoding="utf-8")
    _, data = _cli_scan(docs, tmp_path / "c", tmp_path / "b.json")
    assert loads == [1, 1]
    changed = next(d for d in data["documents"] if d["path"] == folder[1])
    assert [f["rule"] for f in changed["findings"] if f["rule"].startswith("term/")] == ["term/talesman"]


def test_changed_rule_pack_invalidates_the_memo(folder: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loads = _count_registry_loads(monkeypatch)
    docs = Path(folder[0]).parent
    pack = tmp_path / "egna.toml"
    rule = (
        '[pack]\nid = "egna"\n\n[[rule]]\nid = "egna/ord"\ncategory = "gendered-term"\nseverity = "info"\n'
        'message = "Prov."\nmatch = [{{ lemma = "{word}" }}]\nflag = ["En {word}."]\npass = ["En ordförande."]\n'
    )
    pack.write_text(rule.format(word="vecka"), encoding="utf-8")
    config = tmp_path / "dokumentanalys.toml"
    config.write_text(f'packs = ["{pack.as_posix()}"]\n', encoding="utf-8")
    _, first = _cli_scan(docs, tmp_path / "c", tmp_path / "a.json", "--config", str(config))
    assert any(f["rule"] == "egna/ord" for d in first["documents"] for f in d["findings"])
    pack.write_text(rule.format(word="månad"), encoding="utf-8")
    os.utime(pack, ns=(1, 1))  # a different mtime even on a coarse clock
    _, second = _cli_scan(docs, tmp_path / "c", tmp_path / "b.json", "--config", str(config))
    assert loads == [1, 1]
    assert not any(f["rule"] == "egna/ord" for d in second["documents"] for f in d["findings"])


def test_memo_key_follows_its_inputs(tmp_path: Path) -> None:
    from dokumentanalys.cache import RegistryMemo

    pack = tmp_path / "p.toml"
    pack.write_text("x", encoding="utf-8")
    base = RegistryMemo.inputs({"extra_packs": (pack,)}, False)
    assert base == RegistryMemo.inputs({"extra_packs": (pack,)}, False)
    assert base != RegistryMemo.inputs({"extra_packs": (pack,)}, True)
    assert base != RegistryMemo.inputs({"extra_packs": (pack,), "disabled": frozenset({"odt"})}, False)
    pack.write_text("xy", encoding="utf-8")
    assert base != RegistryMemo.inputs({"extra_packs": (pack,)}, False)
    assert RegistryMemo.inputs({"extra_packs": (object(),)}, False) is None


def test_other_flags_are_other_settings_in_the_memo(folder: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loads = _count_registry_loads(monkeypatch)
    docs = Path(folder[0]).parent
    _, plain = _cli_scan(docs, tmp_path / "c", tmp_path / "a.json")
    _, ignored = _cli_scan(docs, tmp_path / "c", tmp_path / "b.json", "--ignore", "term/")
    assert loads == [1, 1]  # new settings: analysed, not answered with the other settings' results
    assert any(f["rule"].startswith("term/") for d in plain["documents"] for f in d["findings"])
    assert not any(f["rule"].startswith("term/") for d in ignored["documents"] for f in d["findings"])
    _, again = _cli_scan(docs, tmp_path / "c", tmp_path / "c.json", "--ignore", "term/")
    _, plain_again = _cli_scan(docs, tmp_path / "c", tmp_path / "d.json")
    assert loads == [1, 1]
    assert (again, plain_again) == (ignored, plain)
