"""Content-hash cache of document results.

A rescan of an unchanged folder should cost no more than reading the files
once to hash them. The key of a cached result is the BLAKE2b hash of

* the file's bytes and its name (a renamed file is analysed again, because
  reports may show the name),
* the *namespace*: dokumentanalys version (and the sizes and mtimes of its
  modules, so that a development checkout never reads stale results), the
  rule set (every rule's metadata, every data rule's match specification
  and keep words, plugin names and versions) and every setting that changes
  results (kind override, select/ignore, severity overrides, extraction
  limits, ...).

Entries live in ``<cache dir>/v1/<namespace>/<xx>/<key>.pickle``; a changed
rule set or setting gives a new namespace folder, and an old one can be
deleted at any time. Writes go through a temporary file and
:func:`os.replace`, so concurrent runs never see half-written entries; a
damaged entry is a cache miss, never an error.

The cache folder follows platform conventions (``$XDG_CACHE_HOME`` or
``~/.cache`` on Linux, ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on
Windows); ``$DOKUMENTANALYS_CACHE_DIR`` or ``--cache-dir`` overrides it.
Entries are pickles, so the folder is created private to the user (mode
0700): whoever can write there can already run code as that user.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import pickle
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .atomic import write_atomic

if TYPE_CHECKING:  # pragma: no cover
    from .model import DocumentResult
    from .pipeline import Settings
    from .plugins import Registry

__all__ = [
    "CACHE_ENV",
    "ResultCache",
    "default_cache_dir",
    "code_fingerprint",
    "file_digest",
    "ruleset_fingerprint",
    "settings_fingerprint",
]

log = logging.getLogger(__name__)

#: Environment variable that moves the cache (``--cache-dir`` wins over it).
CACHE_ENV = "DOKUMENTANALYS_CACHE_DIR"

_LAYOUT = "v1"
_CHUNK = 1 << 20

#: Error codes that depend on the moment, not on the file: never cached.
_TRANSIENT = frozenset({"read/timeout", "read/permission", "read/not-found", "read/failed", "internal", "interrupted"})


def default_cache_dir() -> Path:
    """The platform's user cache folder for dokumentanalys."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    if sys.platform.startswith("win"):
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "dokumentanalys" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "dokumentanalys"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base_path = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base_path / "dokumentanalys"


def _canonical(value: Any) -> Any:
    """A JSON-able, order-independent form of settings values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if isinstance(value, (frozenset, set)):
        return sorted(str(v) for v in value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if hasattr(value, "__self__") and hasattr(value, "__func__"):  # bound method, e.g. Config.kind_for
        return {"method": _qualified(value.__func__), "of": _canonical(value.__self__)}
    if callable(value) and hasattr(value, "__qualname__"):
        return {"function": _qualified(value)}
    return repr(value)


def _qualified(fn: Any) -> str:
    return f"{getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', repr(fn))}"


def settings_fingerprint(settings: "Settings") -> str:
    """Hash of every field of :class:`~dokumentanalys.pipeline.Settings`.

    Generic over the fields, so a setting added later is part of the key
    without anyone remembering to add it here.
    """
    data = json.dumps(_canonical(settings), sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(data.encode("utf-8"), digest_size=16).hexdigest()


def code_fingerprint() -> str:
    """Hash of the names, sizes and mtimes of dokumentanalys' own modules.

    The version alone would keep stale results while the code changes in a
    development checkout; this costs a few dozen ``stat`` calls.
    """
    h = hashlib.blake2b(digest_size=16)
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        try:
            st = path.stat()
        except OSError:
            continue
        h.update(f"{path.relative_to(package)} {st.st_size} {st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def ruleset_fingerprint(registry: "Registry") -> str:
    """Hash of the rule set: rule metadata, data-rule specifications, plugins and versions, our code."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"dokumentanalys {__version__} {code_fingerprint()}\n".encode())
    for name, info in sorted(registry.plugins.items()):
        h.update(f"plugin {name} {info.version}\n".encode())
    for rule in registry.rules:
        h.update(repr(rule.meta).encode("utf-8", "surrogatepass"))
        check = getattr(rule, "check", None)
        h.update(f" {getattr(check, '__module__', '')}.{getattr(check, '__qualname__', '')}\n".encode())
    index = registry.term_index
    if index is not None:
        for spec in getattr(index, "specs", ()):
            h.update(repr(spec).encode("utf-8", "surrogatepass"))
        keep = getattr(index, "keep", {})
        h.update(repr(sorted((k, sorted(v) if v is not None else None) for k, v in keep.items())).encode())
    for kind in registry.kinds:
        h.update(f"kind {kind.name} {getattr(kind, 'plugin', '')}\n".encode())
    for extractor in registry.extractors:
        h.update(f"extractor {extractor.name} {getattr(extractor, 'plugin', '')}\n".encode())
    return h.hexdigest()


def file_digest(path: str | os.PathLike[str], max_size: int | None = None) -> str | None:
    """BLAKE2b of the file's bytes and name; ``None`` when it cannot or should not be read.

    Files larger than ``max_size`` are not hashed (the analysis will refuse
    them anyway, and hashing gigabytes would defeat the size limit).
    """
    p = Path(path)
    try:
        st = p.stat()
        if not p.is_file() or (max_size is not None and st.st_size > max_size):
            return None
        h = hashlib.blake2b(digest_size=20)
        h.update(p.name.encode("utf-8", "surrogateescape") + b"\0")
        with p.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


class ResultCache:
    """Results by content hash, in one namespace (version + rules + settings)."""

    def __init__(self, directory: str | os.PathLike[str], namespace: str, *, path_sensitive: bool = False) -> None:
        self.root = Path(directory)
        self.namespace = namespace
        #: results depend on where a file is (per-folder kinds): key on the full path too
        self.path_sensitive = path_sensitive
        self.folder = self.root / _LAYOUT / namespace
        self.hits = 0
        self.misses = 0
        self.writes = 0
        self._usable = True

    @classmethod
    def for_run(
        cls, registry: "Registry", settings: "Settings", directory: str | os.PathLike[str] | None = None
    ) -> "ResultCache":
        """The cache for a scan with this registry and these settings."""
        h = hashlib.blake2b(digest_size=12)
        h.update(ruleset_fingerprint(registry).encode())
        h.update(settings_fingerprint(settings).encode())
        path_sensitive = getattr(settings, "kind_for", None) is not None
        return cls(directory if directory is not None else default_cache_dir(), h.hexdigest(), path_sensitive=path_sensitive)

    def key(self, path: str | os.PathLike[str], max_size: int | None = None) -> str | None:
        """The cache key of a file (``None``: do not cache it)."""
        digest = file_digest(path, max_size)
        if digest is None or not self.path_sensitive:
            return digest
        where = os.path.abspath(os.fspath(path)).encode("utf-8", "surrogateescape")
        return hashlib.blake2b(digest.encode() + b"\0" + where, digest_size=20).hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str, path: str) -> "DocumentResult | None":
        """The cached result for ``key`` with its path set to ``path``, or ``None``."""
        from .model import DocumentResult

        entry = self._entry(key)
        try:
            with entry.open("rb") as fh:
                result = pickle.load(fh)
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # noqa: BLE001 - a damaged entry is only a miss
            log.debug("unreadable cache entry %s", entry, exc_info=True)
            self.misses += 1
            return None
        if not isinstance(result, DocumentResult):
            self.misses += 1
            return None
        result.path = path
        self.hits += 1
        return result

    def put(self, key: str, result: "DocumentResult") -> bool:
        """Store ``result`` unless it holds a transient error. Never raises for I/O problems."""
        if not self._usable or any(e.code in _TRANSIENT for e in result.errors):
            return False
        entry = self._entry(key)
        try:
            self._ensure_root()
            entry.parent.mkdir(parents=True, exist_ok=True)
            data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            write_atomic(entry, data)
        except (OSError, pickle.PicklingError, TypeError, AttributeError) as exc:
            # a read-only or full disk turns the cache off for this run, nothing more
            log.debug("cache write failed: %s", exc)
            self._usable = False
            return False
        self.writes += 1
        return True

    def _ensure_root(self) -> None:
        if not self.root.exists():
            self.root.mkdir(parents=True, mode=0o700, exist_ok=True)
