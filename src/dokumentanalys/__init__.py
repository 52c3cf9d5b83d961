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

import pluggy

__version__ = "0.1.0"

hookimpl = pluggy.HookimplMarker("dokumentanalys")

__all__ = ["__version__", "hookimpl"]
