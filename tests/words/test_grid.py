"""Every cell of the grids (grid.py): that sound that way, that style, that request, that time,
that title, and nothing else; and two of them joined in one sentence give both."""

from __future__ import annotations

import pytest
from grid import Cell, cells, pairs, request_cells, style_cells, time_cells, title_cells, verdict

_SINGLE = cells() + style_cells() + request_cells() + time_cells() + title_cells()


def _expected(cell: Cell) -> str:
    if cell.style is not None:
        return cell.style
    if cell.plan is not None:
        return str(cell.plan)
    return f"{cell.sound} {'up' if cell.up else 'down'}"


@pytest.mark.parametrize("cell", _SINGLE, ids=lambda c: c.text[:40])
def test_a_request_asked_any_way_gives_its_plan_and_nothing_else(cell: Cell) -> None:
    assert verdict(cell) is None, f"{cell.text!r} (expected {_expected(cell)}): {verdict(cell)}"


@pytest.mark.parametrize(("text", "a", "b"), pairs(), ids=lambda x: x[:40] if isinstance(x, str) else "")
def test_two_requests_in_one_sentence_give_both_and_nothing_else(text: str, a: Cell, b: Cell) -> None:
    assert verdict(a, b, text=text) is None, f"{text!r}: {verdict(a, b, text=text)}"
