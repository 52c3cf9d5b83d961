"""dokumentanalys-husstil: an organisation's house style, as pure data.

Everything the plugin knows is in ``husstil.toml``: preferred terms and what
to write instead. The Python is only the hook that hands the file over.

A house style applies where an organisation asks for it, so the plugin is
off by default (``off_by_default``, as with flake8 extensions). Turn it on
in ``dokumentanalys.toml``::

    [plugins]
    enable = ["husstil"]
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

from dokumentanalys import hookimpl

__version__ = "0.1.0"

#: Registered only when the configuration enables it by name.
off_by_default = True


@hookimpl
def register_rule_packs() -> list[Traversable]:
    return [files(__name__) / "husstil.toml"]
