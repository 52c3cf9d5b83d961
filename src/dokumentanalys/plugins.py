"""The plugin manager and the registry of everything plugins provide.

Built-in modules register through the same hooks as third-party plugins
(:data:`DEFAULT_PLUGINS`, as in datasette and pytest). Third-party plugins
are found through the entry-point group ``dokumentanalys``.

Every hook implementation is called on its own (``get_hookimpls()``), so a
plugin whose import fails, whose hook raises or whose rule data is invalid is
recorded in :attr:`Registry.problems` and everything else still loads. With
``strict=True`` the first such problem raises :class:`PluginError` instead.

A plugin module may set ``off_by_default = True`` (as flake8 plugins do): it
is then registered only when the configuration enables it by name, e.g. a
house style that should apply only where an organisation asks for it.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any, Callable

import pluggy

from . import hookspecs

__all__ = [
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "PluginError",
    "PluginInfo",
    "Registry",
    "call_each",
    "get_plugin_manager",
    "load_registry",
]

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "dokumentanalys"

#: Built-in plugin modules, registered exactly as third-party plugins are.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "dokumentanalys.extract.builtin",
    "dokumentanalys.report.builtin",
    "dokumentanalys.rules_code.builtin",
)


class PluginError(Exception):
    """A plugin could not be loaded or used (raised only in strict mode)."""


@dataclass
class PluginInfo:
    name: str
    version: str = ""
    builtin: bool = False
    #: "ok", "fel" (a problem was met, see ``problems``) or "avstängd" (not registered)
    status: str = "ok"
    #: the distribution that provides the plugin, e.g. ``dokumentanalys-platsannons``
    distribution: str = ""
    #: why a plugin is "avstängd", in Swedish
    note: str = ""
    problems: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)


def _ep_names(ep: Any) -> set[str]:
    """Names a user may use for an entry point: its own name and its distribution's."""
    dist = getattr(ep, "dist", None)
    names = {ep.name}
    if dist is not None and getattr(dist, "name", None):
        names.add(dist.name)
    return names


def get_plugin_manager(
    *,
    load_entrypoints: bool = True,
    disabled: frozenset[str] = frozenset(),
    enabled: frozenset[str] = frozenset(),
    extra: tuple[object, ...] = (),
    problems: list[tuple[str, str]] | None = None,
    skipped: list[tuple[str, str]] | None = None,
) -> pluggy.PluginManager:
    """A fresh plugin manager with the built-ins, installed plugins and ``extra`` objects.

    ``disabled`` and ``enabled`` hold entry-point or distribution names; a
    plugin whose module sets ``off_by_default = True`` is registered only when
    ``enabled`` names it. Plugins left out are appended to ``skipped`` as
    ``(plugin name, Swedish reason)``. Import failures and hooks the contract
    does not know (a misspelled hook name) are appended to ``problems`` as
    ``(plugin name, Swedish message)`` and the plugin is left out; without a
    ``problems`` list they raise :class:`PluginError`.
    """
    pm = pluggy.PluginManager("dokumentanalys")
    pm.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(name), name=name)

    def fail(name: str, message: str, exc: BaseException | None = None) -> None:
        if problems is None:
            raise PluginError(f"{name}: {message}") from exc
        problems.append((name, message))

    if load_entrypoints:
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            names = _ep_names(ep)
            if pm.has_plugin(ep.name):
                continue
            if names & disabled:
                if skipped is not None:
                    skipped.append((ep.name, "avstängd i konfigurationen"))
                continue
            try:
                plugin = ep.load()
            except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the scan
                log.debug("plugin %s failed to load", ep.name, exc_info=True)
                fail(ep.name, f"insticksmodulen kunde inte laddas: {type(exc).__name__}: {exc}", exc)
                continue
            if getattr(plugin, "off_by_default", False) is True and not names & enabled:
                if skipped is not None:
                    skipped.append((ep.name, "avstängd som standard; slå på den med [plugins] enable i konfigurationen"))
                continue
            _register_checked(pm, plugin, ep.name, fail)
    for obj in extra:
        _register_checked(pm, obj, None, fail)
    # Built-ins only by now: a misspelled hook name in our own code fails loudly.
    pm.check_pending()
    return pm


def _register_checked(
    pm: pluggy.PluginManager, plugin: object, name: str | None, fail: Callable[..., None]
) -> None:
    """Register one plugin; leave it out if pluggy rejects it or it has unknown hooks."""
    label = name or getattr(plugin, "__name__", None) or repr(plugin)
    try:
        registered = pm.register(plugin, name=name)
    except Exception as exc:  # noqa: BLE001 - e.g. a hook that asks for arguments the spec lacks
        fail(label, f"insticksmodulen avvisades: {type(exc).__name__}: {exc}", exc)
        return
    unknown = sorted(
        caller.name
        for caller in pm.get_hookcallers(plugin) or ()
        if not caller.has_spec()
        and any(impl.plugin is plugin and not impl.optionalhook for impl in caller.get_hookimpls())
    )
    if unknown:
        pm.unregister(plugin)
        hooks = ", ".join(repr(u) for u in unknown)
        fail(registered or label, f"okänd krok {hooks} (stavfel? se dokumentationen för insticksmoduler); insticksmodulen hoppades över")


def _plugin_dists() -> dict[str, tuple[str, str]]:
    """Entry-point name -> (distribution name, version)."""
    out: dict[str, tuple[str, str]] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        dist = getattr(ep, "dist", None)
        out[ep.name] = (getattr(dist, "name", "") or "", getattr(dist, "version", "") or "") if dist else ("", "")
    return out


def call_each(
    pm: pluggy.PluginManager,
    hook_name: str,
    on_error: Callable[[str, str], None],
    *,
    first: bool = False,
    **kwargs: Any,
) -> list[tuple[str, Any]]:
    """Call every implementation of a hook on its own: ``[(plugin name, result)]``.

    Implementations are called in pluggy's order (last registered first), so
    plugins come before the built-ins. With ``first=True`` (for
    ``firstresult`` hooks) the calls stop at the first result that is not
    ``None``; an implementation that raises is reported and the next one asked.
    """
    hook = getattr(pm.hook, hook_name)
    out: list[tuple[str, Any]] = []
    for impl in reversed(hook.get_hookimpls()):
        args = {name: kwargs[name] for name in impl.argnames if name in kwargs}
        try:
            result = impl.function(**args)
        except Exception as exc:  # noqa: BLE001
            log.debug("hook %s of %s raised", hook_name, impl.plugin_name, exc_info=True)
            on_error(impl.plugin_name, f"{hook_name} gav ett fel: {type(exc).__name__}: {exc}")
            continue
        if result is not None:
            out.append((impl.plugin_name, result))
            if first:
                break
    return out


@dataclass
class Registry:
    """Everything the installed plugins provide, loaded once per process."""

    pm: pluggy.PluginManager
    extractors: list[Any] = field(default_factory=list)
    reporters: dict[str, Any] = field(default_factory=dict)
    kinds: list[Any] = field(default_factory=list)
    rules: list[Any] = field(default_factory=list)
    term_index: Any = None
    plugins: dict[str, PluginInfo] = field(default_factory=dict)
    #: (plugin name, Swedish message) for every problem met while loading
    problems: list[tuple[str, str]] = field(default_factory=list)

    def rule(self, rule_id: str) -> Any:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


def load_registry(
    *,
    strict: bool = False,
    load_entrypoints: bool = True,
    disabled: frozenset[str] = frozenset(),
    enabled: frozenset[str] = frozenset(),
    extra: tuple[object, ...] = (),
    extra_packs: tuple[Any, ...] = (),
) -> Registry:
    """Build the plugin manager and collect extractors, reporters, kinds and rules.

    ``extra_packs`` are rule packs from the configuration (paths or already
    validated :class:`~dokumentanalys.engine.data_rules.LoadedPack` objects);
    they are owned by the pseudo-plugin ``"config"``.
    """
    from .engine.data_rules import LoadedPack, RulePackError, compile_rules, load_pack
    from .engine.rule import Rule
    from .extract.base import Extractor
    from .kinds import DocumentKind
    from .report.base import Reporter

    problems: list[tuple[str, str]] = []
    skipped: list[tuple[str, str]] = []
    pm = get_plugin_manager(
        load_entrypoints=load_entrypoints,
        disabled=disabled,
        enabled=enabled,
        extra=extra,
        problems=problems,
        skipped=skipped,
    )
    dists = _plugin_dists() if load_entrypoints else {}
    registry = Registry(pm=pm, problems=problems)

    def info(name: str) -> PluginInfo:
        if name not in registry.plugins:
            dist, version = dists.get(name, ("", ""))
            registry.plugins[name] = PluginInfo(
                name=name, version=version, distribution=dist, builtin=name in DEFAULT_PLUGINS
            )
        return registry.plugins[name]

    def on_error(plugin: str, message: str) -> None:
        problems.append((plugin, message))

    def items(hook: str, expected: type | tuple[type, ...], label: str) -> list[tuple[str, Any]]:
        """Every (plugin, item) a hook returned; a wrong shape is one problem, not a crash."""
        out: list[tuple[str, Any]] = []
        for plugin, result in call_each(pm, hook, on_error):
            if not isinstance(result, (list, tuple)):
                on_error(plugin, f"{hook} ska returnera en lista med {label}, men gav {type(result).__name__}")
                continue
            for item in result:
                if isinstance(item, expected):
                    out.append((plugin, item))
                else:
                    on_error(plugin, f"{hook} gav {type(item).__name__} ({item!r:.60}) där {label} väntades; värdet hoppades över")
        return out

    for name, _ in pm.list_name_plugin():
        info(name)
    for name, reason in skipped:
        entry = info(name)
        entry.status, entry.note = "avstängd", reason

    for plugin, extractor in items("register_extractors", Extractor, "Extractor"):
        registry.extractors.append(extractor)
        info(plugin).formats.append(extractor.name)

    for plugin, reporter in items("register_reporters", Reporter, "Reporter"):
        registry.reporters.setdefault(reporter.name, reporter)
        info(plugin).reporters.append(reporter.name)

    for plugin, kind in items("register_document_kinds", DocumentKind, "DocumentKind"):
        if all(k.name != kind.name for k in registry.kinds):
            registry.kinds.append(kind)
            info(plugin).kinds.append(kind.name)

    loaded = []
    pack_owner: dict[str, str] = {}
    pack_sources = items("register_rule_packs", object, "sökvägar")
    pack_sources += [("config", pack) for pack in extra_packs]
    # built-in packs first, so that plugin rules come after ours in listings
    pack_sources.sort(key=lambda item: item[0] not in DEFAULT_PLUGINS)
    for plugin, path in pack_sources:
        if isinstance(path, LoadedPack):
            pack = path
        else:
            try:
                pack = load_pack(path)
            except RulePackError as exc:
                on_error(plugin, str(exc))
                continue
            except Exception as exc:  # noqa: BLE001 - e.g. a str instead of a Path
                on_error(plugin, f"regelpaketet {path!r:.80} kan inte läsas: {type(exc).__name__}: {exc}")
                continue
        owner = pack_owner.setdefault(pack.spec.pack.id, plugin)
        if owner != plugin:
            on_error(plugin, f"regelpaketet {pack.spec.pack.id!r} finns redan (från {owner}) och hoppades över")
            continue
        loaded.append(pack)

    index, data_rules = compile_rules(loaded)
    registry.term_index = index
    seen: set[str] = set()
    for rule in data_rules:
        plugin = pack_owner.get(rule.meta.pack, "")
        _add_rule(registry, rule.with_plugin(plugin), seen, on_error, info)

    code_sources = items("register_code_rules", Rule, "Rule")
    code_sources.sort(key=lambda item: item[0] not in DEFAULT_PLUGINS)
    for plugin, rule in code_sources:
        _add_rule(registry, rule.with_plugin(plugin), seen, on_error, info)

    for plugin, messages in _group(problems).items():
        entry = info(plugin)
        entry.status = "fel"
        entry.problems.extend(messages)

    if strict and problems:
        plugin, message = problems[0]
        raise PluginError(f"{plugin}: {message}")
    return registry


def _add_rule(registry: Registry, rule: Any, seen: set[str], on_error: Callable[[str, str], None], info: Callable[[str], PluginInfo]) -> None:
    if rule.id in seen:
        on_error(rule.meta.plugin, f"regel-id {rule.id!r} finns redan och hoppades över")
        return
    seen.add(rule.id)
    registry.rules.append(rule)
    info(rule.meta.plugin).rules.append(rule.id)


def _group(problems: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for plugin, message in problems:
        out.setdefault(plugin, []).append(message)
    return out
