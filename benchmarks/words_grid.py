"""The level grid (tests/words/grid.py): every verb for louder / quieter with every name for
the music and the game's sound, English and Chinese. Prints each cell that changes the wrong
sound, goes the wrong way, changes something else, or is refused; then the totals.

    python benchmarks/words_grid.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "words"))

from grid import cells, verdict


def main() -> None:
    grid = cells()
    wrong = 0
    for cell in grid:
        why = verdict(cell)
        if why:
            wrong += 1
            print(f"{cell.sound:5} {'up' if cell.up else 'down':4} {cell.text!r}: {why}")
    print(f"{len(grid) - wrong} of {len(grid)} cells right, {wrong} wrong or refused")


if __name__ == "__main__":
    main()
