"""Every cell of the level grid (grid.py): that sound, that way, nothing else."""

from __future__ import annotations

import pytest
from grid import Cell, cells, verdict


@pytest.mark.parametrize("cell", cells(), ids=lambda c: c.text[:40])
def test_a_level_request_changes_that_sound_that_way_and_nothing_else(cell: Cell) -> None:
    assert verdict(cell) is None, f"{cell.text!r} ({cell.sound}, {'up' if cell.up else 'down'}): {verdict(cell)}"
