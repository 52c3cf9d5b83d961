"""Shared fixtures. The registry is built once per test session (it compiles every rule)."""

from __future__ import annotations

import pytest

from dokumentanalys.pipeline import Analyzer, Settings
from dokumentanalys.plugins import Registry, load_registry


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="session")
def analyzer(registry: Registry) -> Analyzer:
    return Analyzer(registry, Settings())
