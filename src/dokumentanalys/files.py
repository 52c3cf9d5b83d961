"""Which files a scan reads: folders expanded into documents with known suffixes.

Kept apart from :mod:`.pipeline` (and its rule engine and plugin imports) so
that a warm rescan, answered from the cache, can list the files cheaply.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from .errors import error
from .model import DocumentResult

__all__ = ["collect_files", "format_guess"]


def format_guess(path: Path) -> str | None:
    suffix = path.suffix.lower().lstrip(".")
    return suffix or None


def collect_files(
    inputs: Iterable[str | os.PathLike[str]], extensions: Iterable[str]
) -> tuple[list[str], list[DocumentResult]]:
    """Expand folders (recursively, no symlink loops) into files with known suffixes.

    Paths given explicitly are kept whatever their suffix (they will be
    sniffed). Returns ``(files in stable order, results for inputs that do not exist)``.
    """
    exts = {e.lower() for e in extensions}
    files: list[str] = []
    missing: list[DocumentResult] = []
    seen: set[str] = set()
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            for found in _walk(p, exts):
                key = os.path.realpath(found)
                if key not in seen:
                    seen.add(key)
                    files.append(found)
        elif p.exists() or p.is_symlink():
            key = os.path.realpath(p)
            if key not in seen:
                seen.add(key)
                files.append(str(raw))
        else:
            missing.append(DocumentResult(path=str(raw), format=format_guess(p), errors=[error("read/not-found")]))
    return files, missing


def _walk(root: Path, exts: set[str]) -> list[str]:
    out: list[str] = []
    visited: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = folder.stat()
        except OSError:
            continue
        key = (st.st_dev, st.st_ino)
        if key in visited:
            continue
        visited.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        subdirs = []
        for entry in entries:
            if entry.name.startswith((".", "~$")):
                continue
            try:
                if entry.is_dir():
                    subdirs.append(Path(entry.path))
                elif os.path.splitext(entry.name)[1].lower() in exts:
                    out.append(entry.path)
            except OSError:
                continue
        stack.extend(reversed(subdirs))
    return sorted(out)
