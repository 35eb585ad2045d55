"""The grids (tests/words/grid.py): every verb for louder / quieter with every name for the
music and the game's sound, and every mood or genre word in every way of asking for music,
English and Chinese. Prints each cell that changes the wrong thing, goes the wrong way, or is
refused; then the totals.

    python benchmarks/words_grid.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "words"))

from grid import cells, request_cells, style_cells, verdict


def main() -> None:
    grid = cells() + style_cells() + request_cells()
    wrong = 0
    for cell in grid:
        why = verdict(cell)
        if why:
            wrong += 1
            aspect = cell.style or (cell.sound if cell.plan else f"{cell.sound} {'up' if cell.up else 'down'}")
            print(f"{aspect:10} {cell.text!r}: {why}")
    print(f"{len(grid) - wrong} of {len(grid)} cells right, {wrong} wrong or refused")


if __name__ == "__main__":
    main()
