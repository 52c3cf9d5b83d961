"""Shared fixtures. The registry is built once per test session (it compiles every rule)."""

from __future__ import annotations

import pytest

from dokumentanalys.pipeline import Analyzer, Settings
from dokumentanalys.plugins import Registry, load_registry


@pytest.fixture(autouse=True)
def _private_result_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Scans cache results in a fresh folder per test: never the user's cache, no leaks between tests."""
    from dokumentanalys.cache import CACHE_ENV

    monkeypatch.setenv(CACHE_ENV, str(tmp_path_factory.mktemp("resultatcache")))


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def analyzer(registry: Registry) -> Analyzer:
    return Analyzer(registry, Settings())
