"""The grids (tests/words/grid.py), English and Chinese: every verb for louder / quieter with
every name for the music and the game's sound; every mood or genre word in every way of asking
for music; tempo, aspect, mute, removal, ducking, fades, undo and another take asked many
ways; the music's range with every way of writing a time; titles asked many ways; and pairs of them joined in one sentence. Prints each cell that changes the wrong thing,
goes the wrong way, or is refused; then the totals.

    python benchmarks/words_grid.py [--pairs N] [--seed S]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "words"))

from grid import cells, pairs, request_cells, style_cells, time_cells, title_cells, verdict


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=2000, help="Two-request sentences to try.")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    single = cells() + style_cells() + request_cells() + time_cells() + title_cells()
    wrong = [(c.text, why) for c in single if (why := verdict(c))]
    two = pairs(args.pairs, args.seed)
    wrong2 = [(text, why) for text, a, b in two if (why := verdict(a, b, text=text))]
    for text, why in wrong + wrong2:
        print(f"{text!r}: {why}")
    print(f"one request: {len(single) - len(wrong)} of {len(single)} right; "
          f"two requests: {len(two) - len(wrong2)} of {len(two)} right")  # fmt: skip


if __name__ == "__main__":
    main()
