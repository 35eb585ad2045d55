"""Every cell of the grids (grid.py): that sound, that way, that style, that request, nothing
else; and two of them joined in one sentence give both."""

from __future__ import annotations

import pytest
from grid import (
    Cell,
    cells,
    pairs,
    request_cells,
    style_cells,
    time_cells,
    title_cells,
    verdict,
)


@pytest.mark.parametrize("cell", cells(), ids=lambda c: c.text[:40])
def test_a_level_request_changes_that_sound_that_way_and_nothing_else(cell: Cell) -> None:
    way = "up" if cell.up else "down"
    assert verdict(cell) is None, f"{cell.text!r} ({cell.sound}, {way}): {verdict(cell)}"


@pytest.mark.parametrize("cell", style_cells(), ids=lambda c: c.text[:40])
def test_a_style_asked_any_way_sets_that_style_and_nothing_else(cell: Cell) -> None:
    assert verdict(cell) is None, f"{cell.text!r} ({cell.style}): {verdict(cell)}"


@pytest.mark.parametrize("cell", request_cells(), ids=lambda c: c.text[:40])
def test_a_request_asked_any_way_gives_its_plan(cell: Cell) -> None:
    assert verdict(cell) is None, f"{cell.text!r} (expected {cell.plan}): {verdict(cell)}"


@pytest.mark.parametrize("cell", time_cells(), ids=lambda c: c.text[:40])
def test_a_time_written_any_way_places_the_music_there(cell: Cell) -> None:
    assert verdict(cell) is None, f"{cell.text!r} (expected {cell.plan}): {verdict(cell)}"


@pytest.mark.parametrize("cell", title_cells(), ids=lambda c: c.text[:40])
def test_a_title_asked_any_way_adds_that_title(cell: Cell) -> None:
    assert verdict(cell) is None, f"{cell.text!r} (expected {cell.plan}): {verdict(cell)}"


@pytest.mark.parametrize(("text", "a", "b"), pairs(), ids=lambda x: x[:40] if isinstance(x, str) else "")
def test_two_requests_in_one_sentence_give_both_and_nothing_else(text: str, a: Cell, b: Cell) -> None:
    assert verdict(a, b, text=text) is None, f"{text!r}: {verdict(a, b, text=text)}"
