"""dokumentanalys: review Swedish governing documents and forms for a gender perspective.

Plugins import :data:`hookimpl` from here::

    from dokumentanalys import hookimpl

    @hookimpl
    def register_rule_packs():
        return [Path(__file__).parent / "rules.toml"]

Keep this module light: ``dokumentanalys --help`` imports it, and it must not
pull in spaCy, pdfplumber or python-docx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pluggy

    hookimpl: pluggy.HookimplMarker

__version__ = "0.1.0"

__all__ = ["__version__", "hookimpl"]


def __getattr__(name: str) -> object:
    # pluggy is imported when a plugin first asks for hookimpl: a rescan answered
    # from the cache never loads plugins and need not pay for the import.
    if name == "hookimpl":
        import pluggy

        marker = pluggy.HookimplMarker("dokumentanalys")
        globals()["hookimpl"] = marker
        return marker
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
