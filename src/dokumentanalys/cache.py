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
    "RegistryMemo",
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


_FIELDS: dict[type, tuple[str, ...]] = {}


def _model_fields() -> dict[type, tuple[str, ...]]:
    """Result classes pickled as ``cls(*fields)`` (all fields are ``__init__`` arguments)."""
    if not _FIELDS:
        from .model import Assessment, DocumentError, DocumentResult, Finding, Location

        for cls in (Assessment, DocumentError, DocumentResult, Finding, Location):
            fields = dataclasses.fields(cls)
            if all(f.init for f in fields):
                _FIELDS[cls] = tuple(f.name for f in fields)
    return _FIELDS


class _Pickler(pickle.Pickler):
    """Pickles results as constructor calls: loading them is several times faster than
    the per-field ``__setstate__`` of slotted dataclasses, and a warm rescan is mostly loading."""

    def reducer_override(self, obj: Any) -> Any:
        names = _FIELDS.get(type(obj))
        if names is None:
            return NotImplemented
        return type(obj), tuple(getattr(obj, name) for name in names)


def _dumps(result: "DocumentResult") -> bytes:
    import io

    _model_fields()
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(result)
    return buffer.getvalue()


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
        path_sensitive = getattr(settings, "kind_for", None) is not None
        return cls.for_fingerprints(ruleset_fingerprint(registry), settings_fingerprint(settings), path_sensitive, directory)

    @classmethod
    def for_fingerprints(
        cls, rules: str, settings: str, path_sensitive: bool, directory: str | os.PathLike[str] | None = None
    ) -> "ResultCache":
        """The cache for a :func:`ruleset_fingerprint` and a :func:`settings_fingerprint`."""
        h = hashlib.blake2b(digest_size=12)
        h.update(rules.encode())
        h.update(settings.encode())
        return cls(directory if directory is not None else default_cache_dir(), h.hexdigest(), path_sensitive=path_sensitive)

    def has(self, key: str) -> bool:
        """Is there an entry for ``key`` (without reading it)?"""
        return self._entry(key).is_file()

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
            data = _dumps(result)
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


# -- the rule set's fingerprint without loading the rule set -----------------------------------


def _stamp(paths: "list[Path]") -> str:
    """Names, sizes and mtimes of ``paths`` (missing ones included as missing)."""
    h = hashlib.blake2b(digest_size=16)
    for path in paths:
        try:
            st = path.stat()
            h.update(f"{path} {st.st_size} {st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
        except OSError:
            h.update(f"{path} -\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def _tree(folder: Path, pattern: str) -> "list[Path]":
    try:
        return sorted(folder.rglob(pattern))
    except OSError:
        return []


class RegistryMemo:
    """What a warm rescan needs to know of the rule set, without loading it.

    Loading plugins and rules (pydantic validation, compiled matchers) is
    most of what a rescan of an unchanged folder costs. The memo remembers,
    from the last run that did load them, the :func:`ruleset_fingerprint`,
    the file suffixes the extractors read, the document kinds and the
    reporters, and for each combination of flags and configuration seen the
    :func:`settings_fingerprint` and size limit, under a key made of
    everything the rule set can come from:
    the dokumentanalys version and :func:`code_fingerprint`, the built-in
    rule files, rule packs from the configuration and the plugin options,
    the folders on ``sys.path`` but the first (installing or removing a
    distribution changes them) and, checked on use, the source files of every plugin.
    Any change gives a different key or a failed check, and the run loads
    the rule set as usual.
    """

    def __init__(self, key: str, data: dict[str, Any]) -> None:
        self.key = key
        self.data = data

    @property
    def fingerprint(self) -> str:
        return str(self.data["fingerprint"])

    @property
    def extensions(self) -> list[str]:
        return list(self.data["extensions"])

    @property
    def kinds(self) -> set[str]:
        return set(self.data["kinds"])

    @property
    def clean(self) -> bool:
        """The rule set loaded without plugin problems."""
        return not self.data.get("problems")

    def settings(self, key: str) -> tuple[str, int] | None:
        """``(settings fingerprint, max file size)`` remembered for the settings inputs ``key``."""
        found = self.data.get("settings", {}).get(key)
        return (str(found[0]), int(found[1])) if found else None

    @staticmethod
    def settings_key(*inputs: Any) -> str:
        """A key for whatever the settings of a run are built from (flags and configuration)."""
        data = json.dumps(_canonical(list(inputs)), sort_keys=True, ensure_ascii=False)
        return hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()

    def reporter(self, name: str) -> tuple[str, str] | None:
        """``(module, function)`` of the render function of reporter ``name``."""
        found = self.data.get("reporters", {}).get(name)
        return (found[0], found[1]) if found else None

    @staticmethod
    def inputs(options: dict[str, Any], strict: bool) -> str | None:
        """The memo key for these registry options (``None``: cannot be memoised)."""
        h = hashlib.blake2b(digest_size=16)
        h.update(f"{_LAYOUT} {__version__} {code_fingerprint()} strict={strict}\n".encode())
        for name in ("disabled", "enabled"):
            h.update(f"{name} {sorted(options.get(name) or ())}\n".encode())
        packs = []
        for pack in options.get("extra_packs") or ():
            if not isinstance(pack, (str, os.PathLike)):
                return None
            packs.append(Path(pack).resolve())
        h.update(_stamp(packs).encode())
        try:
            from importlib.util import find_spec

            spec = find_spec("dokumentanalys.rules")
            folders = [Path(p) for p in (spec.submodule_search_locations or ())] if spec else []
        except (ImportError, ValueError):
            folders = []
        h.update(_stamp([f for folder in folders for f in _tree(folder, "*.toml")]).encode())
        # where distributions are installed (sys.path[0] is the script's folder or the working folder)
        h.update(_stamp([Path(p) for p in sys.path[1:] if p and os.path.isdir(p)]).encode())
        return h.hexdigest()

    @staticmethod
    def _file(directory: str | os.PathLike[str] | None, key: str) -> Path:
        root = Path(directory) if directory is not None else default_cache_dir()
        return root / _LAYOUT / "registry" / f"{key}.json"

    @classmethod
    def load(cls, directory: str | os.PathLike[str] | None, key: str) -> "RegistryMemo | None":
        try:
            data = json.loads(cls._file(directory, key).read_text(encoding="utf-8"))
            plugin_files = [Path(p) for folder in data["plugin_dirs"] for p in _tree(Path(folder), "*.py")]
            if _stamp(plugin_files) != data["plugin_stamp"]:
                return None
            return cls(key, data)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    @classmethod
    def remember(
        cls, directory: str | os.PathLike[str] | None, key: str, registry: "Registry", settings_key: str, settings: "Settings"
    ) -> bool:
        """Make sure the memo under ``key`` exists and knows ``settings`` (built from ``settings_key``)."""
        memo = cls.load(directory, key)
        value = [settings_fingerprint(settings), settings.extract.max_file_size]
        if memo is not None and memo.data.get("settings", {}).get(settings_key) == value:
            return True
        known = dict(memo.data.get("settings", {})) if memo is not None else {}
        if len(known) > 100:  # flags vary from run to run: keep the memo small
            known.clear()
        known[settings_key] = value
        return cls.save(directory, key, registry, known)

    @classmethod
    def save(
        cls, directory: str | os.PathLike[str] | None, key: str, registry: "Registry", settings: dict[str, Any] | None = None
    ) -> bool:
        """Remember ``registry`` under ``key``; ``False`` when it cannot be (or the disk says no)."""
        package = Path(__file__).resolve().parent
        plugin_dirs: set[str] = set()
        for _, plugin in registry.pm.list_name_plugin():
            module = plugin if hasattr(plugin, "__file__") else sys.modules.get(getattr(type(plugin), "__module__", ""))
            origin = getattr(module, "__file__", None)
            if not origin:
                return False
            folder = Path(origin).resolve().parent
            if folder != package and package not in folder.parents:
                # the plugin's top-level package: all of its modules count
                top = sys.modules.get(getattr(module, "__name__", "").split(".")[0])
                top_file = getattr(top, "__file__", None)
                plugin_dirs.add(str(Path(top_file).resolve().parent if top_file else folder))
        reporters = {}
        for name, reporter in registry.reporters.items():
            render = getattr(reporter, "render", None)
            if render is not None and getattr(reporter, "write_files", None) is None:
                reporters[name] = [getattr(render, "__module__", ""), getattr(render, "__qualname__", "")]
        dirs = sorted(plugin_dirs)
        data = {
            "fingerprint": ruleset_fingerprint(registry),
            "extensions": sorted({ext for e in registry.extractors for ext in e.extensions}),
            "kinds": sorted(k.name for k in registry.kinds),
            "reporters": reporters,
            "problems": len(registry.problems),
            "plugin_dirs": dirs,
            "plugin_stamp": _stamp([Path(p) for folder in dirs for p in _tree(Path(folder), "*.py")]),
            "settings": settings or {},
        }
        target = cls._file(directory, key)
        try:
            root = target.parent.parent.parent
            if not root.exists():
                root.mkdir(parents=True, mode=0o700, exist_ok=True)
            write_atomic(target, json.dumps(data, sort_keys=True).encode("utf-8"))
        except OSError as exc:
            log.debug("registry memo not written: %s", exc)
            return False
        return True
