"""The plugin manager and the registry of everything plugins provide.

Built-in modules register through the same hooks as third-party plugins
(:data:`DEFAULT_PLUGINS`, as in datasette and pytest). Third-party plugins
are found through the entry-point group ``dokumentanalys``.

Every hook implementation is called on its own (``get_hookimpls()``), so a
plugin whose import fails, whose hook raises or whose rule data is invalid is
recorded in :attr:`Registry.problems` and everything else still loads. With
``strict=True`` the first such problem raises :class:`PluginError` instead.
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
    status: str = "ok"
    problems: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    reporters: list[str] = field(default_factory=list)


def get_plugin_manager(
    *,
    load_entrypoints: bool = True,
    disabled: frozenset[str] = frozenset(),
    extra: tuple[object, ...] = (),
    problems: list[tuple[str, str]] | None = None,
) -> pluggy.PluginManager:
    """A fresh plugin manager with the built-ins, installed plugins and ``extra`` objects.

    Import failures of third-party plugins are appended to ``problems`` as
    ``(plugin name, Swedish message)``.
    """
    pm = pluggy.PluginManager("dokumentanalys")
    pm.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    if load_entrypoints:
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            if ep.name in disabled or pm.has_plugin(ep.name):
                continue
            try:
                plugin = ep.load()
                pm.register(plugin, name=ep.name)
            except Exception as exc:  # noqa: BLE001 - a broken plugin must not stop the scan
                message = f"insticksmodulen kunde inte laddas: {type(exc).__name__}: {exc}"
                log.debug("plugin %s failed to load", ep.name, exc_info=True)
                if problems is not None:
                    problems.append((ep.name, message))
                else:
                    raise PluginError(f"{ep.name}: {message}") from exc
    for obj in extra:
        pm.register(obj)
    # A misspelled hook name fails loudly here instead of being ignored.
    pm.check_pending()
    return pm


def _plugin_versions() -> dict[str, str]:
    out: dict[str, str] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        dist = getattr(ep, "dist", None)
        out[ep.name] = getattr(dist, "version", "") if dist else ""
    return out


def call_each(pm: pluggy.PluginManager, hook_name: str, on_error: Callable[[str, str], None], **kwargs: Any) -> list[tuple[str, Any]]:
    """Call every implementation of a hook on its own: ``[(plugin name, result)]``.

    Implementations are called in pluggy's order (last registered first), so
    plugins come before the built-ins.
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
    extra: tuple[object, ...] = (),
    extra_packs: tuple[Any, ...] = (),
) -> Registry:
    """Build the plugin manager and collect extractors, reporters, kinds and rules."""
    from .engine.data_rules import RulePackError, compile_rules, load_pack

    problems: list[tuple[str, str]] = []
    pm = get_plugin_manager(load_entrypoints=load_entrypoints, disabled=disabled, extra=extra, problems=problems)
    versions = _plugin_versions()
    registry = Registry(pm=pm, problems=problems)

    def info(name: str) -> PluginInfo:
        if name not in registry.plugins:
            registry.plugins[name] = PluginInfo(
                name=name, version=versions.get(name, ""), builtin=name in DEFAULT_PLUGINS
            )
        return registry.plugins[name]

    def on_error(plugin: str, message: str) -> None:
        problems.append((plugin, message))

    for name, _ in pm.list_name_plugin():
        info(name)

    for plugin, extractors in call_each(pm, "register_extractors", on_error):
        for extractor in extractors:
            registry.extractors.append(extractor)
            info(plugin).formats.append(extractor.name)

    for plugin, reporters in call_each(pm, "register_reporters", on_error):
        for reporter in reporters:
            registry.reporters.setdefault(reporter.name, reporter)
            info(plugin).reporters.append(reporter.name)

    for plugin, kinds in call_each(pm, "register_document_kinds", on_error):
        for kind in kinds:
            if all(k.name != kind.name for k in registry.kinds):
                registry.kinds.append(kind)
                info(plugin).kinds.append(kind.name)

    loaded = []
    pack_owner: dict[str, str] = {}
    pack_sources = list(call_each(pm, "register_rule_packs", on_error))
    pack_sources.append(("config", list(extra_packs)))
    # built-in packs first, so that plugin rules come after ours in listings
    pack_sources.sort(key=lambda item: item[0] not in DEFAULT_PLUGINS)
    for plugin, paths in pack_sources:
        for path in paths:
            try:
                pack = load_pack(path)
            except RulePackError as exc:
                on_error(plugin, str(exc))
                continue
            loaded.append(pack)
            pack_owner[pack.spec.pack.id] = plugin

    index, data_rules = compile_rules(loaded)
    registry.term_index = index
    seen: set[str] = set()
    for rule in data_rules:
        plugin = pack_owner.get(rule.meta.pack, "")
        _add_rule(registry, rule.with_plugin(plugin), seen, on_error, info)

    code_sources = call_each(pm, "register_code_rules", on_error)
    code_sources.sort(key=lambda item: item[0] not in DEFAULT_PLUGINS)
    for plugin, rules in code_sources:
        for rule in rules:
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
