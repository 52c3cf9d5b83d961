"""The configuration file: ``dokumentanalys.toml`` or ``[tool.dokumentanalys]`` in ``pyproject.toml``.

Discovery works like ruff's: starting in the folder of the scanned path, each
folder upwards is searched for ``dokumentanalys.toml``, then for a
``pyproject.toml`` that has a ``[tool.dokumentanalys]`` table. The first file
found is the configuration; files further up are not merged in. ``--config
FILE`` names the file instead, ``--no-config`` skips discovery.

Everything is validated when the file is read. A :class:`ConfigError` names
the file, the key and the value, in Swedish, so that the person who keeps the
file can fix it::

    dokumentanalys.toml: severity."term/tjansteman" = 'hög': ogiltig allvarlighetsgrad; välj error, warning eller info.

Relative paths in the file (``baseline``, ``packs``, the globs under
``[kinds]``) are relative to the folder the file is in. See
``docs/configuration.md`` for every key.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from .engine.data_rules import LoadedPack
    from .plugins import Registry

__all__ = [
    "CONFIG_NAMES",
    "Config",
    "ConfigError",
    "find_config",
    "load_config",
    "resolve_config",
    "glob_matches",
    "selector_matches_any",
]

#: File names searched in each folder, in this order.
CONFIG_NAMES: tuple[str, ...] = ("dokumentanalys.toml", "pyproject.toml")

SEVERITIES = ("error", "warning", "info")
FAIL_ON = ("error", "warning", "info", "never")
#: category of terms from ``[[term]]`` unless the entry names another
TERM_CATEGORY = "house-style"
_PACK_ID = "config"

_TOP_KEYS = {
    "select": "lista med regel-id, prefix eller kategorier",
    "ignore": "lista med regel-id, prefix eller kategorier",
    "fail-on": "error, warning, info eller never",
    "baseline": "sökväg till en baslinjefil",
    "strict-plugins": "true eller false",
    "packs": "lista med sökvägar till regelpaket (TOML)",
    "severity": "tabell: regel-id, prefix eller kategori = allvarlighetsgrad",
    "kinds": "tabell: filmönster = dokumenttyp",
    "plugins": "tabell med enable och disable",
    "term": "lista med egna termer ([[term]])",
}
_TERM_KEYS = {
    "id", "word", "words", "paradigm", "forms", "use", "message", "severity", "category",
    "kinds", "rationale", "source", "url", "compounds", "limitations", "flag", "pass",
}


class ConfigError(Exception):
    """An invalid configuration; the message (Swedish) names file, key and value."""


@dataclass(frozen=True)
class Config:
    """A validated configuration. ``Config()`` is the empty one (no file found)."""

    path: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    fail_on: str | None = None
    baseline: Path | None = None
    strict_plugins: bool = False
    enable_plugins: frozenset[str] = frozenset()
    disable_plugins: frozenset[str] = frozenset()
    #: (glob, kind) in file order; the first glob that matches wins
    kinds: tuple[tuple[str, str], ...] = ()
    #: extra rule packs: paths and the pack compiled from ``[[term]]``
    packs: tuple[Any, ...] = ()
    #: rule ids of ``[[term]]`` entries, in file order
    term_ids: tuple[str, ...] = ()

    @property
    def root(self) -> Path:
        """The folder relative paths and globs are resolved against."""
        return self.path.parent if self.path is not None else Path.cwd()

    @property
    def label(self) -> str:
        return str(self.path) if self.path is not None else "(ingen konfigurationsfil)"

    def kind_for(self, path: str) -> str | None:
        """The kind the ``[kinds]`` globs give ``path``, or ``None``."""
        for pattern, kind in self.kinds:
            if glob_matches(pattern, path, self.root):
                return kind
        return None

    def registry_options(self) -> dict[str, Any]:
        """Keyword arguments for :func:`dokumentanalys.plugins.load_registry`."""
        return {
            "disabled": self.disable_plugins,
            "enabled": self.enable_plugins,
            "extra_packs": self.packs,
        }

    def check(self, registry: "Registry") -> list[str]:
        """Check names against what is installed.

        An unknown document kind is an error (:class:`ConfigError`): every
        file it was meant for would be analysed as something else. Selectors
        that match no rule and plugin names that are not installed are
        returned as Swedish warnings: the same file may be shared by machines
        with different plugins.
        """
        kinds = {k.name for k in registry.kinds}
        for pattern, kind in self.kinds:
            if kind not in kinds:
                raise ConfigError(
                    f"{self.label}: kinds.{_key(pattern)} = {kind!r}: okänd dokumenttyp; "
                    f"välj bland {', '.join(sorted(kinds))}."
                )
        warnings = [
            f"{self.label}: {key} = {value!r} matchar ingen installerad regel."
            for key, value in (
                *(("select", s) for s in self.select),
                *(("ignore", s) for s in self.ignore),
                *((f"severity.{_key(s)}", s) for s in self.severity),
            )
            if not selector_matches_any(value, registry)
        ]
        installed = set()
        for info in registry.plugins.values():
            installed.update({info.name, info.distribution} - {""})
        for key, names in (("plugins.enable", self.enable_plugins), ("plugins.disable", self.disable_plugins)):
            for name in sorted(names - installed):
                warnings.append(f"{self.label}: {key}: insticksmodulen {name!r} är inte installerad.")
        return warnings


def selector_matches_any(selector: str, registry: "Registry") -> bool:
    """Does a select/ignore/severity key name at least one installed rule or category?"""
    from .pipeline import Settings, select_rules

    return bool(select_rules(registry.rules, Settings(select=(selector,), include_preview=True)))


# --- discovery ---------------------------------------------------------------------


def find_config(start: str | os.PathLike[str]) -> Path | None:
    """The nearest configuration file for ``start`` (a file or a folder), or ``None``."""
    here = Path(os.path.abspath(start))
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and not _has_tool_table(candidate):
                continue
            return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml that may not even be ours: look further up
        # rather than fail on a file we were never asked to read.
        return False
    return isinstance(data.get("tool"), dict) and "dokumentanalys" in data["tool"]


def resolve_config(
    paths: Sequence[str | os.PathLike[str]], explicit: str | os.PathLike[str] | None = None, *, isolated: bool = False
) -> Config:
    """The configuration for a run over ``paths``.

    ``explicit`` (``--config``) wins; ``isolated`` (``--no-config``) gives the
    empty configuration. Otherwise the search starts in the deepest folder
    that holds every scanned path.
    """
    if explicit is not None:
        return load_config(explicit)
    if isolated:
        return Config()
    start = _common_folder(paths) if paths else Path.cwd()
    found = find_config(start)
    return load_config(found) if found is not None else Config()


def _common_folder(paths: Sequence[str | os.PathLike[str]]) -> Path:
    absolute = [os.path.abspath(p) for p in paths]
    if len(absolute) == 1:
        return Path(absolute[0])
    try:
        return Path(os.path.commonpath(absolute))
    except ValueError:  # different drives on Windows
        return Path(absolute[0])


# --- reading and validating ----------------------------------------------------------


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read and validate one configuration file; raises :class:`ConfigError`."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(f"{file}: konfigurationsfilen finns inte.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: konfigurationsfilen kan inte läsas ({exc}).") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: ogiltig TOML ({exc}).") from exc
    prefix = ""
    if file.name == "pyproject.toml" or set(data) == {"tool"}:
        tool = data.get("tool", {})
        table = tool.get("dokumentanalys") if isinstance(tool, dict) else None
        if table is None:
            raise ConfigError(f"{file}: tabellen [tool.dokumentanalys] saknas.")
        data, prefix = table, "tool.dokumentanalys."
    return _Reader(file.resolve(), prefix).config(data)


@dataclass
class _Reader:
    path: Path
    prefix: str

    def fail(self, key: str, value: Any, problem: str) -> ConfigError:
        shown = f" = {_show(value)}" if value is not _MISSING else ""
        return ConfigError(f"{self.path}: {self.prefix}{key}{shown}: {problem}")

    def config(self, data: Any) -> Config:
        if not isinstance(data, dict):
            raise self.fail("", data, "ska vara en tabell.")
        for key in data:
            if key not in _TOP_KEYS:
                close = _close(key, _TOP_KEYS)
                raise self.fail(_key(key), _MISSING, f"okänd nyckel{close}; tillåtna: {', '.join(_TOP_KEYS)}.")
        root = self.path.parent
        fail_on = data.get("fail-on")
        if fail_on is not None and fail_on not in FAIL_ON:
            raise self.fail("fail-on", fail_on, "ogiltigt värde; välj error, warning, info eller never.")
        strict = data.get("strict-plugins", False)
        if not isinstance(strict, bool):
            raise self.fail("strict-plugins", strict, "ska vara true eller false.")
        baseline = data.get("baseline")
        if baseline is not None and (not isinstance(baseline, str) or not baseline.strip()):
            raise self.fail("baseline", baseline, "ska vara en sökväg (text).")
        plugins = self.table(data, "plugins")
        for key in plugins:
            if key not in ("enable", "disable"):
                raise self.fail(f"plugins.{_key(key)}", _MISSING, "okänd nyckel; tillåtna: enable, disable.")
        enable = self.strings(plugins, "enable", "plugins.")
        disable = self.strings(plugins, "disable", "plugins.")
        both = set(enable) & set(disable)
        if both:
            raise self.fail("plugins", sorted(both), "samma insticksmodul kan inte både slås på och stängas av.")
        packs: list[Any] = []
        for i, name in enumerate(self.strings(data, "packs")):
            pack = root / name
            if not pack.is_file():
                raise self.fail(f"packs[{i}]", name, f"filen {pack} finns inte.")
            packs.append(pack)
        terms = self.terms(data.get("term", []))
        if terms is not None:
            packs.append(terms)
        return Config(
            path=self.path,
            select=self.strings(data, "select"),
            ignore=self.strings(data, "ignore"),
            severity=self.severity(self.table(data, "severity")),
            fail_on=fail_on,
            baseline=(root / baseline) if baseline else None,
            strict_plugins=strict,
            enable_plugins=frozenset(enable),
            disable_plugins=frozenset(disable),
            kinds=self.kinds(self.table(data, "kinds")),
            packs=tuple(packs),
            term_ids=tuple(r.id for r in terms.spec.rule) if terms is not None else (),
        )

    def table(self, data: dict[str, Any], key: str) -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(key, value, f"ska vara en tabell ([{self.prefix}{key}]).")
        return value

    def strings(self, data: dict[str, Any], key: str, where: str = "") -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(where + key, value, "ska vara en lista, t.ex. [\"term/\"].")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{where}{key}[{i}]", item, "ska vara en text som inte är tom.")
        return tuple(item.strip() for item in value)

    def severity(self, table: dict[str, Any]) -> dict[str, str]:
        for key, value in table.items():
            if value not in SEVERITIES:
                raise self.fail(f"severity.{_key(key)}", value, "ogiltig allvarlighetsgrad; välj error, warning eller info.")
        return dict(table)

    def kinds(self, table: dict[str, Any]) -> tuple[tuple[str, str], ...]:
        out: list[tuple[str, str]] = []
        for pattern, kind in table.items():
            if not isinstance(kind, str) or not kind.strip():
                raise self.fail(f"kinds.{_key(pattern)}", kind, "ska vara namnet på en dokumenttyp, t.ex. \"ansokan\".")
            try:
                _glob_regex(pattern)
            except re.error as exc:
                raise self.fail(f"kinds.{_key(pattern)}", kind, f"ogiltigt filmönster ({exc}).") from exc
            out.append((pattern, kind.strip()))
        return tuple(out)

    def terms(self, entries: Any) -> "LoadedPack | None":
        from pydantic import ValidationError

        from .engine.data_rules import LoadedPack
        from .engine.schema import PackMeta, PackSpec, RuleSpec

        if not isinstance(entries, list):
            raise self.fail("term", entries, "ska skrivas som [[term]]-tabeller.")
        if not entries:
            return None
        specs: list[RuleSpec] = []
        seen: dict[str, int] = {}
        for i, entry in enumerate(entries):
            where = f"term[{i}]"
            if not isinstance(entry, dict):
                raise self.fail(where, entry, "ska vara en tabell ([[term]]).")
            for key in entry:
                if key not in _TERM_KEYS:
                    close = _close(key, _TERM_KEYS)
                    raise self.fail(f"{where}.{_key(key)}", _MISSING, f"okänd nyckel{close}; tillåtna: {', '.join(sorted(_TERM_KEYS))}.")
            rule = self.term_rule(entry, where)
            try:
                spec = RuleSpec.model_validate(rule)
            except ValidationError as exc:
                err = exc.errors()[0]
                loc = [str(p) for p in err["loc"]]
                key = {"match": "word"}.get(loc[0], loc[0]) if loc else ""
                value = entry.get(key, err.get("input"))
                raise self.fail(f"{where}.{key}" if key else where, value, _pydantic_problem(err)) from exc
            if spec.id in seen:
                raise self.fail(f"{where}.id", spec.id, f"samma id som term[{seen[spec.id]}]; ett id får bara förekomma en gång.")
            seen[spec.id] = i
            specs.append(spec)
        pack = PackSpec(pack=PackMeta(id=_PACK_ID, name=f"Egna termer i {self.path.name}"), rule=tuple(specs))
        return LoadedPack(str(self.path), pack)

    def term_rule(self, entry: dict[str, Any], where: str) -> dict[str, Any]:
        """A ``[[term]]`` entry as a rule-pack rule (see ``docs/configuration.md``)."""
        if "id" not in entry:
            raise self.fail(f"{where}.id", _MISSING, "saknas; varje term behöver ett stabilt id, t.ex. \"hus/mejl\".")
        words = list(entry.get("words", []))
        if "word" in entry:
            words.insert(0, entry["word"])
        if not all(isinstance(w, str) and w.strip() for w in words):
            raise self.fail(f"{where}.words", words, "ska vara ord (text).")
        forms = entry.get("forms", [])
        if not words and not forms:
            raise self.fail(f"{where}.word", _MISSING, "saknas; ange word, words eller forms.")
        paradigm = entry.get("paradigm", "auto")
        compounds = entry.get("compounds", True)
        match: list[dict[str, Any]] = [{"lemma": w, "paradigm": paradigm, "compounds": compounds} for w in words]
        if forms:
            match.append({"forms": forms, "compounds": compounds})
        use = entry.get("use", [])
        if isinstance(use, str):
            use = [use]
        default_message = (
            f"”{{match}}” följer inte organisationens skrivregler; skriv {' eller '.join(use)}."
            if use and all(isinstance(u, str) for u in use)
            else "”{match}” ska undvikas enligt organisationens skrivregler."
        )
        rule: dict[str, Any] = {
            "id": entry["id"],
            "category": entry.get("category", TERM_CATEGORY),
            "severity": entry.get("severity", "warning"),
            "message": entry.get("message", default_message),
            "suggestions": use,
            "rationale": entry.get("rationale", f"Organisationens egna skrivregler (konfigurationsfilen {self.path.name})."),
            "source": entry.get("source", str(self.path)),
            "match": match,
        }
        for key in ("kinds", "url", "limitations", "flag", "pass"):
            if key in entry:
                rule[key] = entry[key]
        return rule


_MISSING: Any = object()


def _pydantic_problem(err: Mapping[str, Any]) -> str:
    kind = err.get("type", "")
    ctx = err.get("ctx") or {}
    if kind == "literal_error":
        return f"ogiltigt värde; tillåtet: {ctx.get('expected', '')}."
    if kind == "string_pattern_mismatch":
        return "ogiltigt id; använd små bokstäver, siffror, ., _, - och /, t.ex. \"hus/mejl\"."
    if kind in ("string_type", "string_too_short"):
        return "ska vara en text som inte är tom."
    if kind in ("tuple_type", "list_type"):
        return "ska vara en lista."
    if kind == "bool_type":
        return "ska vara true eller false."
    if kind == "missing":
        return "saknas."
    return f"ogiltigt värde ({err.get('msg', kind)})."


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "…"


def _key(key: str) -> str:
    """A TOML key as written in a dotted path: bare if possible, else quoted."""
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else '"' + key.replace('"', '\\"') + '"'


def _close(key: str, known: Iterable[str]) -> str:
    import difflib

    match = difflib.get_close_matches(key, list(known), n=1)
    return f" (menade du {match[0]!r}?)" if match else ""


# --- globs ---------------------------------------------------------------------------


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """``**`` crosses folders, ``*`` and ``?`` do not; a trailing ``/`` means the whole folder."""
    if pattern.endswith("/"):
        pattern += "**"
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def glob_matches(pattern: str, path: str | os.PathLike[str], root: Path) -> bool:
    """Does ``pattern`` match ``path``?

    A pattern with a ``/`` is matched against the path relative to ``root``
    (the configuration file's folder); one without matches the file name in
    any folder, as in ``.gitignore``.
    """
    absolute = os.path.abspath(path)
    if "/" not in pattern:
        return bool(_glob_regex(pattern).match(os.path.basename(absolute)))
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:  # another drive
        return False
    relative = relative.replace(os.sep, "/")
    if relative.startswith("../"):
        return False
    return bool(_glob_regex(pattern.lstrip("/")).match(relative))
