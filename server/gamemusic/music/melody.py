"""Melodies from motifs: a one-bar motif is stated, answered, varied and brought to a cadence.

Everything works in sixteenth-note steps within a bar and in scale degrees (see theory.py),
so every melody note stays in the scale. Strong steps (bar start and middle) land on chord
tones.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from gamemusic.music.theory import nearest_chord_degree

STEPS = 16  # sixteenth notes per 4/4 bar

# One beat of rhythm: onsets within the beat (in sixteenths). () holds the previous note.
_CELLS: tuple[tuple[int, ...], ...] = (
    (0,),
    (0, 2),
    (0, 3),
    (0, 2, 3),
    (0, 1, 2),
    (0, 1, 2, 3),
    (),
    (2,),
)


def _cell_weights(density: float) -> list[float]:
    d = density
    return [
        1.2 - 0.6 * d,
        0.5 + 0.8 * d,
        0.35,
        0.15 + 0.5 * d,
        0.1 + 0.3 * d,
        0.6 * d * d,
        1.1 * (1 - d),
        0.2,
    ]


@dataclass(frozen=True)
class Motif:
    """A bar of melody: onset steps (sorted), lengths in steps, degree offsets from the first."""

    steps: tuple[int, ...]
    lengths: tuple[int, ...]
    contour: tuple[int, ...]


@dataclass(frozen=True)
class MelodyNote:
    step: int  # sixteenth within the bar
    length: int  # in sixteenths
    degree: int  # scale degree relative to the tonic


def make_motif(rng: random.Random, density: float, leap: float) -> Motif:
    """A seeded one-bar motif; `density` 0..1 sets how busy it is, `leap` the chance of leaps."""
    weights = _cell_weights(density)
    onsets: list[int] = []
    for beat in range(4):
        cell = rng.choices(_CELLS, weights)[0]
        if beat == 0 and 0 not in cell:
            cell = (0, 2) if density > 0.5 else (0,)
        if beat == 3 and rng.random() < 0.5:
            cell = ()  # breathe at the end of the bar
        onsets.extend(beat * 4 + s for s in cell)
    if len(onsets) < 2:
        onsets = [0, 8]
    lengths = [b - a for a, b in zip(onsets, [*onsets[1:], STEPS], strict=True)]
    contour = [0]
    for _ in onsets[1:]:
        if rng.random() < leap:
            move = rng.choice((-5, -4, -3, 3, 4, 5))
        else:
            move = rng.choice((-2, -1, -1, 1, 1, 2, 0))
        nxt = contour[-1] + move
        if abs(nxt) > 6:
            nxt = contour[-1] - move
        contour.append(nxt)
    return Motif(tuple(onsets), tuple(lengths), tuple(contour))


def realize(
    motif: Motif,
    chord: tuple[int, ...],
    anchor: int,
    *,
    invert: bool = False,
    role: str = "statement",
    energy: float = 0.5,
    final_degree: int | None = None,
) -> list[MelodyNote]:
    """Place a motif on a chord: first note is the chord tone nearest `anchor`.

    role "cadence" keeps the first half of the bar and ends on a long chord tone
    (`final_degree` if given, else the chord's root or third nearest the line).
    """
    start = nearest_chord_degree(anchor, chord)
    notes = [
        MelodyNote(s, n, start + (-c if invert else c))
        for s, n, c in zip(motif.steps, motif.lengths, motif.contour, strict=True)
    ]
    if role == "cadence":
        head = [n for n in notes if n.step < 8]
        if head:
            last = head[-1]
            head[-1] = MelodyNote(last.step, 8 - last.step, last.degree)
        prev = head[-1].degree if head else start
        target = final_degree
        if target is None:
            target = nearest_chord_degree(prev, chord[:2])
        notes = [*head, MelodyNote(8, 8, target)]
    if energy < 0.35:  # thin: keep notes on beats, let them ring
        kept = [n for n in notes if n.step % 4 == 0] or notes[:1]
        notes = [
            MelodyNote(
                n.step, (kept[i + 1].step if i + 1 < len(kept) else STEPS) - n.step, n.degree
            )
            for i, n in enumerate(kept)
        ]
    elif energy > 0.78 and role != "cadence":  # fill: split long notes with a passing tone
        filled: list[MelodyNote] = []
        for i, n in enumerate(notes):
            nxt = notes[i + 1].degree if i + 1 < len(notes) else n.degree
            if n.length >= 4 and n.length % 2 == 0:
                half = n.length // 2
                passing = n.degree + (1 if nxt > n.degree else -1 if nxt < n.degree else 1)
                filled += [
                    MelodyNote(n.step, half, n.degree),
                    MelodyNote(n.step + half, half, passing),
                ]
            else:
                filled.append(n)
        notes = filled
    # strong steps sit on chord tones
    return [
        MelodyNote(n.step, n.length, nearest_chord_degree(n.degree, chord))
        if n.step % 8 == 0
        else n
        for n in notes
    ]


def ornament(notes: list[MelodyNote]) -> list[MelodyNote]:
    """Variation: long notes get an upper-neighbour turn in their last sixteenth."""
    out: list[MelodyNote] = []
    for n in notes:
        if n.length >= 6:
            out += [
                MelodyNote(n.step, n.length - 2, n.degree),
                MelodyNote(n.step + n.length - 2, 1, n.degree + 1),
                MelodyNote(n.step + n.length - 1, 1, n.degree),
            ]
        else:
            out.append(n)
    return out


def displace(notes: list[MelodyNote]) -> list[MelodyNote]:
    """Variation: push the first note's onset an eighth later (syncopation)."""
    if len(notes) < 2 or notes[0].length < 4:
        return notes
    first = notes[0]
    return [MelodyNote(first.step + 2, first.length - 2, first.degree), *notes[1:]]
