"""Melodies: a 2-bar hook grown into 8-bar periods (a a' b cadence), in scale degrees.

Steps are sixteenth notes from the phrase's first downbeat. A `Hook` is a rhythm and a
contour (degrees relative to its first note); `period` realises it over the phrase's chords:
strong steps and leaps land on chord tones, a' varies the hook (sequence, answer, ornament,
displacement), b sequences the hook's first bar up to the phrase's one climax, and the
cadence steps down (or up through the leading tone) onto the tonic, or onto the dominant
for a half cadence.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from gamemusic.music.theory import Chord, nearest_chord_degree

STEPS = 16  # sixteenth notes per 4/4 bar
ChordAt = Callable[[int], Chord]  # phrase step -> sounding chord

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
    (1, 3),
)


@dataclass(slots=True)
class Tone:
    step: int  # sixteenth from the phrase start
    length: int  # in sixteenths
    degree: int  # scale degree relative to the tonic


@dataclass(frozen=True)
class Hook:
    rhythm: tuple[tuple[int, int], ...]  # (step, length) over two bars
    contour: tuple[int, ...]  # degrees relative to the first note
    start: int  # the hook's first degree (a chord tone of the tonic: 0, 2 or 4)


def _weights(density: float) -> list[float]:
    d = density
    return [
        1.3 - 0.6 * d,
        0.6 + 0.9 * d,
        0.3,
        0.1 + 0.3 * d,
        0.05 + 0.15 * d,
        0.12 * d * d,
        0.9 * (1 - d),
        0.25,
        0.1 + 0.2 * d,
    ]


def _bar_rhythm(
    rng: random.Random, density: float, keep: list[int] | None = None, end_long: bool = False
) -> list[int]:
    onsets: list[int] = []
    for beat in range(4):
        if keep is not None and beat < 2:
            onsets += [s for s in keep if beat * 4 <= s < beat * 4 + 4]
            continue
        cell = rng.choices(_CELLS, _weights(density))[0]
        if beat == 0 and 0 not in cell:
            cell = (0, 2) if density > 0.5 else (0,)
        if end_long and beat == 2:
            cell = cell[:1] or (0,)
        if end_long and beat == 3:
            cell = ()
        onsets += [beat * 4 + s for s in cell]
    return onsets or [0]


def _to_rhythm(onsets: list[int], total: int) -> list[tuple[int, int]]:
    return [(s, e - s) for s, e in zip(onsets, [*onsets[1:], total], strict=True)]


def _contour(rng: random.Random, n: int, leap: float) -> list[int]:
    """Relative degrees: an arch or a wave, mostly steps, leaps filled by a step back."""
    shape = rng.choice(("arch", "arch", "wave", "fall", "rise"))
    peak = rng.randint(max(1, n // 3), max(1, n - 2)) if n > 2 else 1
    out = [0]
    pending = 0
    for i in range(1, n):
        if pending:
            move, pending = pending, 0
        else:
            up = {"arch": i <= peak, "rise": True, "fall": False, "wave": (i // 3) % 2 == 0}[shape]
            if rng.random() < 0.12:
                move = 0
            elif rng.random() < leap:
                move = rng.choice((2, 3, 3, 4)) * (1 if up else -1)
                pending = -1 if move > 0 else 1  # fill the leap
            else:
                move = rng.choice((1, 1, 1, 2)) * (1 if up else -1)
        nxt = out[-1] + move
        if not -3 <= nxt <= 5:
            nxt = out[-1] - move
        out.append(nxt)
    return out


def make_hook(
    rng: random.Random, density: float, leap: float, contrast: Hook | None = None
) -> Hook:
    """A 2-bar hook; with `contrast`, one with a different rhythm (busier or broader)."""
    if contrast is not None:
        busy = len(contrast.rhythm) / 2
        density = max(0.15, min(0.95, density + (-0.3 if busy > 6 else 0.3)))
    bar1 = _bar_rhythm(rng, density)
    bar2 = _bar_rhythm(rng, density, keep=bar1 if rng.random() < 0.6 else None, end_long=True)
    onsets = [*bar1, *(STEPS + s for s in bar2)]
    rhythm = _to_rhythm(onsets, 2 * STEPS)
    contour = _contour(rng, len(rhythm), leap)
    start = rng.choice((4, 2, 4, 0, 7)) if contrast is None else contrast.start + 2
    return Hook(tuple(rhythm), tuple(contour), start)


def realize(
    rhythm: list[tuple[int, int]],
    contour: list[int],
    start: int,
    chord_at: ChordAt,
    offset: int = 0,
) -> list[Tone]:
    """Rhythm + contour from degree `start`: strong steps, long notes and leaps on chord tones."""
    out: list[Tone] = []
    prev = start
    for (step, length), c in zip(rhythm, contour, strict=True):
        deg = start + c
        at = step + offset
        if at % 8 == 0 or length >= 6 or abs(deg - prev) >= 3 or not out:
            deg = nearest_chord_degree(deg, chord_at(at).degrees)
        out.append(Tone(at, length, deg))
        prev = deg
    return out


def ornament(tones: list[Tone]) -> list[Tone]:
    """Long notes get a turn (upper neighbour) at their end; thirds get a passing tone."""
    out: list[Tone] = []
    for i, t in enumerate(tones):
        nxt = tones[i + 1].degree if i + 1 < len(tones) else t.degree
        if t.length >= 4 and abs(nxt - t.degree) == 2:
            half = t.length // 2
            out += [
                Tone(t.step, half, t.degree),
                Tone(t.step + half, t.length - half, (t.degree + nxt) // 2),
            ]
        elif t.length >= 6:
            out += [
                Tone(t.step, t.length - 2, t.degree),
                Tone(t.step + t.length - 2, 1, t.degree + 1),
                Tone(t.step + t.length - 1, 1, t.degree),
            ]
        else:
            out.append(t)
    return out


def displace(tones: list[Tone]) -> list[Tone]:
    """Anticipate: every note after the first comes an eighth early (a push)."""
    if len(tones) < 3:
        return tones
    out = [Tone(tones[0].step, max(1, tones[0].length - 2), tones[0].degree)]
    for i, t in enumerate(tones[1:], 1):
        prev_start = out[-1].step
        step = max(prev_start + 1, t.step - 2)
        out[-1].length = step - prev_start
        end = tones[i + 1].step - 2 if i + 1 < len(tones) else t.step + t.length
        out.append(Tone(step, max(1, end - step), t.degree))
    return out


# Cadential formulas, degrees relative to the goal: from above (mi re do, sol fa mi re do,
# re do ti do ...) and from below (sol ti do, la ti do ...). A negative last step rises.
_FROM_ABOVE = (
    (2, 1),
    (3, 2, 1),
    (4, 3, 2, 1),
    (4, 2, 1),
    (2, 1, -1),
    (3, 2, 1, -1),
    (2, 3, 2, 1),
    (4, 2, 3, 1),
    (5, 4, 2, 1),
)
_FROM_BELOW = ((-3, -1), (-3, -2, -1), (-5, -3, -1), (-3, 1, -1), (-2, -1), (-4, -3, -2, -1))
_FIGURES = {
    2: ((0, 8), (0, 6), (0, 12)),
    3: ((0, 4, 8), (0, 6, 8), (0, 8, 12), (0, 3, 6)),
    4: ((0, 4, 8, 12), (0, 2, 4, 8), (0, 6, 8, 12), (0, 3, 6, 8)),
}


def _cadence(
    rng: random.Random, chord_at: ChordAt, offset: int, target: int, from_degree: int
) -> list[Tone]:
    """Two bars onto `target`: a cadential formula in bar 1, the goal held in bar 2.

    The formula is picked among those whose notes on the bar's strong steps are chord tones.
    """
    target += 7 * round((from_degree - target) / 7)  # the goal nearest the line
    above = from_degree >= target
    pool = _FROM_ABOVE if above or rng.random() < 0.3 else _FROM_BELOW
    strong = {s: {c % 7 for c in chord_at(offset + s).degrees} for s in (0, 8)}
    scored = []
    for formula in pool:
        for onsets in _FIGURES[len(formula)]:
            fit = sum(
                (target + f) % 7 in strong[s]
                for f, s in zip(formula, onsets, strict=True)
                if s in strong
            )
            scored.append((fit, formula, onsets))
    best = max(f for f, _, _ in scored)
    _, formula, onsets = rng.choice([x for x in scored if x[0] == best])
    tones = [
        Tone(offset + s, e - s, target + f)
        for s, e, f in zip(onsets, [*onsets[1:], STEPS], formula, strict=True)
    ]
    hold = STEPS - rng.choice((0, 4, 4, 8))
    tones.append(Tone(offset + STEPS, hold, target))
    return tones


def _chord_tone_beyond(degree: int, chord: Chord, up: bool) -> int:
    """The nearest chord tone strictly above (or below) `degree`."""
    k = 1 if up else -1
    for d in range(degree + k, degree + 8 * k, k):
        leading = d % 7 == 6 and chord.local[6] == 11
        if d % 7 in {c % 7 for c in chord.degrees} and not leading:
            return d
    return degree + 2 * k


def _unique_climax(tones: list[Tone], chord_at: ChordAt) -> None:
    """One highest note, about two thirds in, above the cadence note; the others step down."""
    body, final = tones[:-1], tones[-1]
    if not body:
        return
    n = final.step or 1
    if final.degree >= max(t.degree for t in body):
        peak = min(body, key=lambda t: abs(t.step / n - 0.65) + (0 if t.step % 8 == 0 else 0.05))
        peak.degree = _chord_tone_beyond(final.degree, chord_at(peak.step), up=True)
    for _ in range(3):
        top = max(t.degree for t in body)
        peaks = [t for t in body if t.degree == top]
        if len(peaks) < 2:
            return
        keep = min(peaks, key=lambda t: abs(t.step / n - 0.65))
        for t in peaks:
            if t is not keep:
                t.degree = _chord_tone_beyond(top, chord_at(t.step), up=False)


def resolve_leading_tones(tones: list[Tone], chord_at: ChordAt) -> None:
    """A leading tone (semitone below the tonic) moves up to the tonic or gives way to the 5th."""
    top = max(t.degree for t in tones) if tones else 0
    for i, t in enumerate(tones):
        local = chord_at(t.step).local
        if t.degree % 7 != 6 or local[6] != 11:
            continue
        nxt = tones[i + 1] if i + 1 < len(tones) else None
        if nxt is None or nxt.degree == t.degree + 1 or nxt.degree == t.degree:
            continue
        after = tones[i + 2].degree if i + 2 < len(tones) else t.degree + 1
        movable = nxt.step % 8 != 0 or 0 in chord_at(nxt.step).pcs
        below_top = t.degree + 1 < top or nxt.degree == top
        if nxt.degree % 7 != 0 and movable and below_top and abs(t.degree + 1 - after) <= 3:
            nxt.degree = t.degree + 1
        else:
            t.degree -= 2  # give way to the fifth


def compress(tones: list[Tone], span: int, chord_at: ChordAt) -> None:
    """Keep a phrase within `span` degrees: notes past the window turn back (reflect) inside
    it, as a line that changes direction rather than jumping an octave."""
    degs = sorted(t.degree for t in tones)
    if degs[-1] - degs[0] <= span:
        return
    mid = degs[len(degs) // 2]
    lo = max(degs[0], mid - span // 2)
    hi = lo + span
    if hi > degs[-1]:
        hi, lo = degs[-1], degs[-1] - span
    for t in tones:
        d = t.degree
        d = 2 * hi - d if d > hi else 2 * lo - d if d < lo else d
        if t.step % 8 == 0 or t.length >= 6:
            d = nearest_chord_degree(d, chord_at(t.step).degrees)
            d = d - 7 if d > hi + 1 else d + 7 if d < lo - 1 else d
        t.degree = d


def period(
    rng: random.Random,
    hook: Hook,
    chord_at: ChordAt,
    bars: int,
    *,
    variant: int,
    end: int = 0,
    span: int = 11,
) -> list[Tone]:
    """A phrase of 4 or 8 bars from the hook ending on degree `end` (0 tonic, 4 half cadence).

    `variant` (the section's repeat count) picks the variation of a and a'.
    """
    rhythm, contour = list(hook.rhythm), list(hook.contour)
    start = nearest_chord_degree(hook.start, chord_at(0).degrees)
    a = realize(rhythm, contour, start, chord_at)
    if variant % 4 == 1:
        a = ornament(a)
    elif variant % 4 == 3:
        a = displace(a)
    tones = list(a)
    if bars >= 8:
        kind = ("sequence", "answer", "answer", "sequence")[(variant + rng.randrange(2)) % 4]
        if kind == "sequence":
            shift = rng.choice((1, -1))
            a2 = realize(rhythm, contour, start + shift, chord_at, 2 * STEPS)
        else:
            head = [(s, n) for s, n in rhythm if s < STEPS]
            tail = _to_rhythm(_bar_rhythm(rng, 0.5, end_long=True), STEPS)
            r2 = [*head, *((STEPS + s, n) for s, n in tail)]
            c2 = [*contour[: len(head)], *(contour[len(head) - 1] - k for k in range(len(tail)))]
            a2 = realize(r2, c2, start, chord_at, 2 * STEPS)
        if variant % 2 == 0:
            a2 = ornament(a2)
        last = a2[-1]
        half = nearest_chord_degree(last.degree, (4, 1))
        last.degree = nearest_chord_degree(half, chord_at(last.step).degrees)
        tones += a2
        cell_r = [(s, n) for s, n in rhythm if s < STEPS]
        cell_c = contour[: len(cell_r)]
        rise = rng.choice((1, 1, -1))
        for k in range(2):
            tones += realize(cell_r, cell_c, start + rise * (k + 1), chord_at, (4 + k) * STEPS)
        tones += _cadence(rng, chord_at, 6 * STEPS, end, tones[-1].degree)
    else:
        tones += _cadence(rng, chord_at, 2 * STEPS, end, tones[-1].degree)
    tones = [t for t in tones if t.step < bars * STEPS]
    for i, t in enumerate(tones[:-1]):  # no overlaps after variation
        t.length = max(1, min(t.length, tones[i + 1].step - t.step))
    compress(tones, span, chord_at)
    last = tones[-1]
    last.degree = end + 7 * round((last.degree - end) / 7)
    resolve_leading_tones(tones, chord_at)
    _unique_climax(tones, chord_at)
    resolve_leading_tones(tones, chord_at)
    return tones


def augment(hook: Hook, chord_at: ChordAt) -> list[Tone]:
    """The hook at half speed (four bars): a bridge or intro quotes it."""
    rhythm = [(2 * s, 2 * n) for s, n in hook.rhythm]
    tones = realize(rhythm, list(hook.contour), hook.start, chord_at)
    tones[-1].degree = nearest_chord_degree(tones[-1].degree, chord_at(tones[-1].step).degrees)
    resolve_leading_tones(tones, chord_at)
    return tones
