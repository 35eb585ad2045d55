"""Four-operator FM cycles (YM2612-style algorithms with feedback), for `tables`.

Every operator runs at an integer multiple of the note's frequency, so one period of the
output is one period of the note: computed once per shape at high resolution, then
band-limited like every other wavetable. Feedback on the last operator (y = sin(phase +
fb * pi * y[n-1])) is solved over the periodic cycle by fixed-point iteration, vectorized.
"""

from __future__ import annotations

import numpy as np

# algorithm -> (modulators of each operator 0..3, carriers); operator 3 has the feedback.
ALGORITHMS: dict[int, tuple[tuple[tuple[int, ...], ...], tuple[int, ...]]] = {
    0: (((1,), (2,), (3,), ()), (0,)),  # 3 -> 2 -> 1 -> 0: the bright serial stack
    1: (((1,), (2, 3), (), ()), (0,)),  # (2 + 3) -> 1 -> 0
    4: (((1,), (), (3,), ()), (0, 2)),  # two pairs: 1 -> 0 and 3 -> 2 (e-piano, brass)
    5: (((3,), (3,), (3,), ()), (0, 1, 2)),  # 3 -> each of 0, 1, 2 (organ-ish, pads)
    7: (((), (), (), ()), (0, 1, 2, 3)),  # additive
}


def _feedback_sine(theta: np.ndarray, fb: float) -> np.ndarray:
    """Periodic steady state of y[n] = sin(theta[n] + fb * pi * y[n-1]) over one cycle."""
    y = np.sin(theta)
    if fb <= 0:
        return y
    beta = min(fb, 0.95) * np.pi / 4  # contraction: beta < 1
    for _ in range(60):
        y = np.sin(theta + beta * np.roll(y, 1))
    return y


def fm4_cycle(
    ph: np.ndarray, ops: tuple[tuple[int, float], ...], algo: int, feedback: float, index: float
) -> np.ndarray:
    """One cycle over phase `ph` (shape (n,), 0..1) of a 4-operator patch.

    ops: (ratio, level) for operators 0..3 (missing ones are silent); index scales every
    modulator's level (the brightness), carriers sound at their own level.
    """
    mods, carriers = ALGORITHMS[algo]
    table = list(ops) + [(1, 0.0)] * (4 - len(ops))
    two_pi = 2 * np.pi
    out: dict[int, np.ndarray] = {}
    for op in (3, 2, 1, 0):
        ratio, _ = table[op]
        theta = two_pi * ratio * ph
        for m in mods[op]:
            theta = theta + index * table[m][1] * out[m]
        out[op] = _feedback_sine(theta, feedback) if op == 3 else np.sin(theta)
    return sum(table[c][1] * out[c] for c in carriers)  # type: ignore[return-value]
