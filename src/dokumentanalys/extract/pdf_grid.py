"""Ruled tables from straight edges: pdfplumber's "lines" table finder, without pdfplumber.

The fast reader (:mod:`.pdf_fast`) reads a page's vector paths with PDFium
and hands their straight edges here; the layout reader asks pdfplumber. To
give the same tables either way this module follows pdfplumber's default
``find_tables()`` step by step (``pdfplumber/table.py``, default settings):

1. edges shorter than 1 pt are dropped;
2. vertical edges whose x lie within 3 pt of each other (horizontal: y)
   are *snapped* to the mean of their cluster (clusters chain: sorted
   values, each within 3 pt of the previous one);
3. collinear edges that overlap or are at most 3 pt apart are *joined*;
4. edges shorter than 3 pt are dropped;
5. every vertical/horizontal pair that meets (3 pt tolerance) is an
   intersection;
6. from each intersection (in (x, top) order) the smallest rectangle whose
   four corners are intersections connected by a common edge is a cell;
7. cells that share a corner form a table; tables of one cell are dropped;
8. rows are cells grouped by their top; a cell's column is the position of
   its left edge among all left edges of the table (merged cells leave gaps,
   ``None``).

Pages with thousands of lines (maps, charts, graph paper; see
:data:`MAX_EDGES` and :data:`MAX_CROSSINGS`) get no tables, so that a
drawing cannot make the finder run for minutes.

Coordinates are pdfplumber's: x from the left edge, ``top`` measured down
from the top of the page. An edge is ``(x0, top, x1, bottom)``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

__all__ = ["Edge", "Grid", "find_grids", "SNAP", "JOIN", "MEET", "MIN_LENGTH"]

Edge = tuple[float, float, float, float]
Box = tuple[float, float, float, float]

#: pdfplumber's default snap, join and intersection tolerances, and edge lengths.
SNAP = 3.0
JOIN = 3.0
MEET = 3.0
MIN_LENGTH = 3.0
MIN_LENGTH_PREFILTER = 1.0
#: Give up on a page with more edges than this (a map or a chart, not a table) ...
MAX_EDGES = 4000
#: ... or with more crossings of horizontal and vertical lines after merging (graph paper).
MAX_CROSSINGS = 100_000


@dataclass(slots=True)
class Grid:
    """One ruled table: its bounding box and its rows of cell boxes (``None`` where a cell is merged)."""

    bbox: Box
    rows: list[list[Box | None]]

    @property
    def cells(self) -> int:
        return sum(1 for row in self.rows for cell in row if cell is not None)


def _clusters(values: list[float], tolerance: float) -> dict[float, int]:
    """Distinct value -> cluster number, clusters chaining sorted values within ``tolerance``."""
    out: dict[float, int] = {}
    number = -1
    last = None
    for value in sorted(set(values)):
        if last is None or value > last + tolerance:
            number += 1
        out[value] = number
        last = value
    return out


def _snap(edges: list[Edge], axis: int) -> list[Edge]:
    """Move edges whose coordinate ``axis`` (0: x0 of vertical, 1: top of horizontal) is close to a shared mean."""
    if not edges:
        return []
    cluster_of = _clusters([e[axis] for e in edges], SNAP)
    groups: dict[int, list[Edge]] = {}
    for edge in edges:
        groups.setdefault(cluster_of[edge[axis]], []).append(edge)
    out: list[Edge] = []
    for number in sorted(groups):
        group = groups[number]
        mean = sum(e[axis] for e in group) / len(group)
        for x0, top, x1, bottom in group:
            if axis == 0:
                shift = mean - x0
                out.append((x0 + shift, top, x1 + shift, bottom))
            else:
                shift = mean - top
                out.append((x0, top + shift, x1, bottom + shift))
    return out


def _join(edges: list[Edge], vertical: bool) -> list[Edge]:
    """Join collinear edges (same x for vertical, same top for horizontal) that touch within ``JOIN``."""
    key = 0 if vertical else 1
    lo, hi = (1, 3) if vertical else (0, 2)
    groups: dict[float, list[Edge]] = {}
    for edge in edges:
        groups.setdefault(edge[key], []).append(edge)
    out: list[Edge] = []
    for position in sorted(groups):
        ordered = sorted(groups[position], key=lambda e: e[lo])
        joined = [ordered[0]]
        for edge in ordered[1:]:
            last = joined[-1]
            if edge[lo] <= last[hi] + JOIN:
                if edge[hi] > last[hi]:
                    grown = list(last)
                    grown[hi] = edge[hi]
                    joined[-1] = (grown[0], grown[1], grown[2], grown[3])
            else:
                joined.append(edge)
        out.extend(joined)
    return out


def merge_edges(horizontal: list[Edge], vertical: list[Edge]) -> tuple[list[Edge], list[Edge]]:
    """Steps 1-4: prefilter, snap, join, filter."""
    h = [e for e in horizontal if e[2] - e[0] >= MIN_LENGTH_PREFILTER]
    v = [e for e in vertical if e[3] - e[1] >= MIN_LENGTH_PREFILTER]
    h = _join(_snap(h, 1), vertical=False)
    v = _join(_snap(v, 0), vertical=True)
    return [e for e in h if e[2] - e[0] >= MIN_LENGTH], [e for e in v if e[3] - e[1] >= MIN_LENGTH]


def _intersections(horizontal: list[Edge], vertical: list[Edge]) -> dict[tuple[float, float], tuple[set[Edge], set[Edge]]]:
    """(x, top) -> (vertical edges, horizontal edges) meeting there."""
    found: dict[tuple[float, float], tuple[set[Edge], set[Edge]]] = {}
    hs = sorted(horizontal, key=lambda e: (e[1], e[0]))
    tops = [e[1] for e in hs]
    for v in sorted(vertical, key=lambda e: (e[0], e[1])):
        x = v[0]
        for h in hs[bisect_left(tops, v[1] - MEET) : bisect_right(tops, v[3] + MEET)]:
            if v[1] <= h[1] + MEET and v[3] >= h[1] - MEET and h[0] - MEET <= x <= h[2] + MEET:
                point = (x, h[1])
                entry = found.get(point)
                if entry is None:
                    entry = found[point] = (set(), set())
                entry[0].add(v)
                entry[1].add(h)
    return found


def _cells(found: dict[tuple[float, float], tuple[set[Edge], set[Edge]]]) -> list[Box]:
    def connects(p: tuple[float, float], q: tuple[float, float]) -> bool:
        if p[0] == q[0] and not found[p][0].isdisjoint(found[q][0]):
            return True
        return p[1] == q[1] and not found[p][1].isdisjoint(found[q][1])

    points = sorted(found)
    by_x: dict[float, list[tuple[float, float]]] = {}
    by_top: dict[float, list[tuple[float, float]]] = {}
    for point in points:  # sorted by (x, top): by_x lists ascend in top, by_top lists in x
        by_x.setdefault(point[0], []).append(point)
        by_top.setdefault(point[1], []).append(point)
    cells: list[Box] = []
    for pt in points[:-1]:
        below = [p for p in by_x[pt[0]] if p[1] > pt[1]]
        right = [p for p in by_top[pt[1]] if p[0] > pt[0]]
        cell = None
        for below_pt in below:
            if not connects(pt, below_pt):
                continue
            for right_pt in right:
                if not connects(pt, right_pt):
                    continue
                corner = (right_pt[0], below_pt[1])
                if corner in found and connects(corner, right_pt) and connects(corner, below_pt):
                    cell = (pt[0], pt[1], corner[0], corner[1])
                    break
            if cell is not None:
                break
        if cell is not None:
            cells.append(cell)
    return cells


def _corners(box: Box) -> tuple[tuple[float, float], ...]:
    x0, top, x1, bottom = box
    return ((x0, top), (x0, bottom), (x1, top), (x1, bottom))


def _tables(cells: list[Box]) -> list[list[Box]]:
    remaining = list(cells)
    corners: set[tuple[float, float]] = set()
    current: list[Box] = []
    tables: list[list[Box]] = []
    while remaining:
        before = len(current)
        for cell in list(remaining):
            cell_corners = _corners(cell)
            if not current or any(c in corners for c in cell_corners):
                corners.update(cell_corners)
                current.append(cell)
                remaining.remove(cell)
        if len(current) == before:
            tables.append(list(current))
            corners.clear()
            current.clear()
    if current:
        tables.append(list(current))
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def _rows(cells: list[Box]) -> list[list[Box | None]]:
    xs = sorted({c[0] for c in cells})
    rows: list[list[Box | None]] = []
    by_top: dict[float, dict[float, Box]] = {}
    for cell in sorted(cells, key=lambda c: (c[1], c[0])):
        by_top.setdefault(cell[1], {})[cell[0]] = cell
    for top in sorted(by_top):
        row = by_top[top]
        rows.append([row.get(x) for x in xs])
    return rows


def find_grids(horizontal: list[Edge], vertical: list[Edge]) -> list[Grid]:
    """Ruled tables made by these edges, top to bottom (see the module docstring)."""
    if len(horizontal) < 2 or len(vertical) < 2 or len(horizontal) + len(vertical) > MAX_EDGES:
        return []
    h, v = merge_edges(horizontal, vertical)
    if len(h) < 2 or len(v) < 2 or len(h) * len(v) > MAX_CROSSINGS:
        return []
    grids = []
    for cells in _tables(_cells(_intersections(h, v))):
        bbox = (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells), max(c[3] for c in cells))
        grids.append(Grid(bbox, _rows(cells)))
    return grids
