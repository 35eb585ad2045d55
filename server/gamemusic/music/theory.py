"""Scales, scale degrees and diatonic chords.

A *degree* is an index into a seven-note scale that may run past one octave: degree 7 is the
tonic an octave up, degree -1 the leading tone below. Chords are stacks of thirds on a root
degree, so every chord tone of a diatonic chord stays in the scale.
"""

from __future__ import annotations

MODES: dict[str, tuple[int, ...]] = {
    "ionian": (0, 2, 4, 5, 7, 9, 11),
    "dorian": (0, 2, 3, 5, 7, 9, 10),
    "phrygian": (0, 1, 3, 5, 7, 8, 10),
    "lydian": (0, 2, 4, 6, 7, 9, 11),
    "mixolydian": (0, 2, 4, 5, 7, 9, 10),
    "aeolian": (0, 2, 3, 5, 7, 8, 10),
    "harmonic_minor": (0, 2, 3, 5, 7, 8, 11),
}

_NUMERALS = {"i": 0, "ii": 1, "iii": 2, "iv": 3, "v": 4, "vi": 5, "vii": 6}


def roman_to_degree(numeral: str) -> int:
    """'IV' -> 3, 'vi' -> 5; case and quality marks ('7', '°', '+') are ignored.

    The chord quality always follows from the mode, so the numeral only names the root.
    """
    core = numeral.strip().lower().rstrip("7°+o")
    if core not in _NUMERALS:
        raise ValueError(f"not a roman numeral: {numeral!r}")
    return _NUMERALS[core]


def progression(text: str) -> tuple[int, ...]:
    """'I V vi IV' -> (0, 4, 5, 3): chord roots as scale degrees."""
    return tuple(roman_to_degree(n) for n in text.split())


def degree_to_pitch(degree: int, tonic: int, scale: tuple[int, ...]) -> int:
    """MIDI pitch of a scale degree; `tonic` is the MIDI pitch of degree 0."""
    octave, step = divmod(degree, len(scale))
    return tonic + 12 * octave + scale[step]


def pitch_to_degree(pitch: int, tonic: int, scale: tuple[int, ...]) -> int:
    """The scale degree at or just below `pitch` (exact for pitches in the scale)."""
    octave, pc = divmod(pitch - tonic, 12)
    step = max(i for i, s in enumerate(scale) if s <= pc)
    return octave * len(scale) + step


def chord_degrees(root: int, shape: str = "triad") -> tuple[int, ...]:
    """Degrees of a diatonic chord on `root`: triad, seventh, or power (root, fifth, octave)."""
    if shape == "seventh":
        return (root, root + 2, root + 4, root + 6)
    if shape == "power":
        return (root, root + 4, root + 7)
    return (root, root + 2, root + 4)


def nearest_chord_degree(degree: int, chord: tuple[int, ...], n: int = 7) -> int:
    """The chord tone (in any octave) closest to `degree`; ties go down."""
    best = degree
    best_dist = 99
    for c in chord:
        base = c % n
        for octave in range(degree // n - 1, degree // n + 2):
            cand = base + octave * n
            dist = abs(cand - degree)
            if dist < best_dist or (dist == best_dist and cand < best):
                best, best_dist = cand, dist
    return best


def fit_range(degree: int, low: int, high: int, tonic: int, scale: tuple[int, ...]) -> int:
    """Move `degree` by octaves until its pitch lies in [low, high] (or as close as it can)."""
    n = len(scale)
    while degree_to_pitch(degree, tonic, scale) > high:
        degree -= n
    while degree_to_pitch(degree, tonic, scale) < low:
        degree += n
    return degree


def midi_to_hz(pitch: float) -> float:
    return 440.0 * 2.0 ** ((pitch - 69.0) / 12.0)
