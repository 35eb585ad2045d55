"""Scales, scale degrees and chords, including chromatic ones (bVII, bII, V/V).

A *degree* is an index into a seven-note scale that may run past one octave: degree 7 is the
tonic an octave up, degree -1 the leading tone below. Every chord carries a *local scale*: the
mode with the chord's chromatic tones put in place of the scale notes of the same letter
(over V/V in C the F becomes F#), so a melody written in degrees stays consonant with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

MODES: dict[str, tuple[int, ...]] = {
    "ionian": (0, 2, 4, 5, 7, 9, 11),
    "dorian": (0, 2, 3, 5, 7, 9, 10),
    "phrygian": (0, 1, 3, 5, 7, 8, 10),
    "lydian": (0, 2, 4, 6, 7, 9, 11),
    "mixolydian": (0, 2, 4, 5, 7, 9, 10),
    "aeolian": (0, 2, 3, 5, 7, 8, 10),
    "harmonic_minor": (0, 2, 3, 5, 7, 8, 11),
}
MAJOR = MODES["ionian"]
_NUMERALS = {"i": 0, "ii": 1, "iii": 2, "iv": 3, "v": 4, "vi": 5, "vii": 6}


@dataclass(frozen=True, slots=True)
class Chord:
    """A chord in a key: root as scale degree (0..6) and as semitones above the tonic.

    pcs: chord tones in semitones above the tonic (0..11), root first; degrees: the matching
    scale degrees (root, root+2, root+4[, root+6]); local: the 7-note scale to play over it.
    """

    name: str
    root: int
    root_pc: int
    pcs: tuple[int, ...]
    degrees: tuple[int, ...]
    local: tuple[int, ...]

    @property
    def is_tonic(self) -> bool:
        return self.root_pc == 0

    @property
    def is_dominant(self) -> bool:
        return self.root_pc == 7


def _root(core: str, mode: tuple[int, ...]) -> tuple[int, int]:
    acc = 0
    while core[:1] in ("b", "#"):
        acc += -1 if core[0] == "b" else 1
        core = core[1:]
    deg = _NUMERALS[core.lower()]
    base = MAJOR[deg] + acc if acc else mode[deg]
    return deg, base % 12


@lru_cache(maxsize=512)
def parse_chord(token: str, mode: tuple[int, ...]) -> Chord:
    """'IV' 'vi' 'bVII' 'ii7' 'V7' 'IM7' 'vii°' 'V/V' 'V7/vi' in a mode -> Chord.

    Upper case is major, lower case minor, ° (or o) diminished; '7' adds a minor seventh, 'M7'
    a major one. An accidental is relative to the major scale (bVII = 10 semitones up); a
    plain numeral takes its root from the mode ('VI' in minor = 8). 'X/Y' is chord X of the
    key of Y (secondary dominants).
    """
    text = token.strip()
    target_deg, target_pc = 0, 0
    if "/" in text:
        text, target = text.split("/", 1)
        target_deg, target_pc = _root(target.rstrip("7M°o+"), mode)
    seventh = 11 if text.endswith("M7") else 10 if text.endswith("7") else None
    core = text.removesuffix("M7").removesuffix("7")
    dim = core.endswith(("°", "o")) and core not in ("o",)
    core = core.rstrip("°o+")
    letters = core.lstrip("b#")
    if letters.lower() not in _NUMERALS:
        raise ValueError(f"not a roman numeral: {token!r}")
    if "/" in token:  # secondary: the degree counts from the target
        deg = (target_deg + _NUMERALS[letters.lower()]) % 7
        pc = (target_pc + MAJOR[_NUMERALS[letters.lower()]]) % 12
    else:
        deg, pc = _root(core, mode)
    third = 3 if (letters.islower() or dim) else 4
    fifth = 6 if dim else 7
    intervals = [0, third, fifth] + ([seventh - (1 if dim else 0)] if seventh else [])
    pcs = tuple((pc + i) % 12 for i in intervals)
    degrees = tuple(deg + 2 * k for k in range(len(pcs)))
    local = list(mode)
    for d, p in zip(degrees, pcs, strict=True):
        local[d % 7] = p
    if sorted(local) != local:  # a spelling the letters cannot hold: keep the mode
        local = list(mode)
    return Chord(token, deg, pc, pcs, degrees, tuple(local))


def parse_bars(text: str, mode: tuple[int, ...]) -> list[list[Chord]]:
    """'I | vi | ii V | I' -> one list of chords per bar (a bar's chords split it evenly)."""
    return [[parse_chord(t, mode) for t in bar.split()] for bar in text.split("|")]


def degree_to_pitch(degree: int, tonic: int, scale: tuple[int, ...]) -> int:
    """MIDI pitch of a scale degree; `tonic` is the MIDI pitch of degree 0."""
    octave, step = divmod(degree, len(scale))
    return tonic + 12 * octave + scale[step]


def pitch_to_degree(pitch: int, tonic: int, scale: tuple[int, ...]) -> int:
    """The scale degree at or just below `pitch` (exact for pitches in the scale)."""
    octave, pc = divmod(pitch - tonic, 12)
    step = max(i for i, s in enumerate(scale) if s <= pc)
    return octave * len(scale) + step


def nearest_chord_degree(degree: int, chord: tuple[int, ...], n: int = 7) -> int:
    """The chord tone (given as degrees, any octave) closest to `degree`; ties go down."""
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
