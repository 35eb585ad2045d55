"""Song form: the beat grid and the sections (intro, A, B, bridge, break, outro) of a duration.

Bars are aligned to the *end*: with a cadence ending the final chord falls on a downbeat
`tail` seconds before the end, and leftover beats become a pickup at the start. The body is
made of whole phrases (8 or 4 bars); the intro takes the bars left over (0 to 4). Scene cuts
become section boundaries on the nearest bar line; a stretch between cuts that is not a
whole number of phrases ends with a 1-3 bar `break` (a drum fill or drop-out into the cut).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from gamemusic.music.spec import Style

BASE_ENERGY = {
    "intro": 0.3,
    "A": 0.55,
    "B": 0.8,
    "bridge": 0.36,
    "break": 0.5,
    "outro": 0.62,
}
INTENSITY_HOP_S = 0.5  # one intensity value per half second
MIN_CUT_BARS = 4  # a cut closer than this to the previous section change is ignored


@dataclass(frozen=True)
class Section:
    """A stretch of the piece: `name` is intro | A | B | bridge | break | outro.

    start_beat/end_beat are beat indices (end exclusive); for the outro end_beat is the beat of
    the final chord, which then rings to end_s. `variation` counts earlier sections of the
    same name, so a repeat can vary its material. `shift` is a key change in semitones (a
    step up for a late repeat); `cycle` counts passes through the form.
    """

    name: str
    start_s: float
    end_s: float
    start_beat: int
    end_beat: int
    variation: int = 0
    shift: int = 0
    cycle: int = 0


@dataclass(frozen=True)
class Grid:
    """Beat grid: beat b starts at b * beat_s; downbeats are at phase + k * beats_per_bar.

    swing (0..1) delays the off-beat eighth towards a triplet (at 1 it sits 2/3 into the beat);
    the sixteenths around it follow proportionally.
    """

    bpm: float
    beats_per_bar: int
    phase: int
    swing: float

    @property
    def beat_s(self) -> float:
        return 60.0 / self.bpm

    def time(self, beat: float) -> float:
        """Seconds at a (fractional) beat, with swing on the off-beat eighths."""
        if self.swing:
            whole = math.floor(beat)
            frac = beat - whole
            mid = 0.5 + self.swing / 6.0
            frac = frac * 2 * mid if frac < 0.5 else mid + (frac - 0.5) * 2 * (1 - mid)
            beat = whole + frac
        return beat * self.beat_s

    def bar_of(self, beat: int) -> int:
        """Index of the bar holding `beat`; the pickup before the first downbeat is bar -1."""
        return (beat - self.phase) // self.beats_per_bar

    def downbeat(self, bar: int) -> int:
        return self.phase + bar * self.beats_per_bar


@dataclass(frozen=True)
class Plan:
    grid: Grid
    sections: list[Section]
    final_beat: int | None  # beat of the final chord (cadence ending), None for a fade
    cut_beats: tuple[int, ...]  # accepted cuts, as beat indices


def tail_seconds(bpm: float) -> float:
    """Shortest ring-out after the final chord."""
    return max(1.2, 2 * 60.0 / bpm)


def snap_cut(cut_s: float, grid: Grid) -> int:
    """A cut time as the beat index of the nearest bar line."""
    x = cut_s / grid.beat_s
    bpb = grid.beats_per_bar
    return int(grid.phase + round((x - grid.phase) / bpb) * bpb)


def mean_intensity(intensity: np.ndarray | None, t0: float, t1: float) -> float | None:
    """Mean of the intensity curve over [t0, t1) seconds, or None without a curve."""
    if intensity is None or len(intensity) == 0:
        return None
    i0 = min(int(t0 / INTENSITY_HOP_S), len(intensity) - 1)
    i1 = max(i0 + 1, min(math.ceil(t1 / INTENSITY_HOP_S), len(intensity)))
    return float(np.clip(intensity[i0:i1], 0.0, 1.0).mean())


def _phrases(n_bars: int, first: int) -> list[int]:
    """A stretch of bars as phrase lengths: 8s, then a 4, then a 1-3 bar break if needed."""
    sizes: list[int] = []
    if first and n_bars >= first:
        sizes.append(first)
        n_bars -= first
    sizes += [8] * (n_bars // 8)
    if n_bars % 8 >= 4:
        sizes.append(4)
    if n_bars % 4:
        sizes.append(-(n_bars % 4))  # negative: a break
    return sizes


def plan_form(
    style: Style,
    duration_s: float,
    bpm: float,
    cuts: Sequence[float],
    ending: str,
    intensity: np.ndarray | None,
    rng: random.Random,
    arcs: Sequence[tuple[float, float, str]] = (),
) -> Plan:
    """Grid and sections for a duration; `arcs` (start_s, end_s, kind) start sections too and
    name them: combat plays B, explore and tension A, resolution a bridge first."""
    beat_s = 60.0 / bpm
    bpb = style.beats_per_bar
    final: int | None = None
    if ending == "cadence":
        final = max(0, math.floor((duration_s - tail_seconds(bpm)) / beat_s + 1e-9))
        end_beat = final
        phase = end_beat % bpb
        n_bars = (end_beat - phase) // bpb
    elif ending == "loop":
        phase = 0
        n_bars = max(1, round(duration_s / beat_s / bpb))
        end_beat = n_bars * bpb
    else:
        end_beat = math.ceil(duration_s / beat_s - 1e-9)
        phase = 0
        n_bars = math.ceil(end_beat / bpb)
    grid = Grid(bpm, bpb, phase, style.swing)

    outro = 0 if final is None or n_bars < 4 else 1 if n_bars < 12 else 2
    rest = n_bars - outro
    if ending == "loop":
        intro = 0
    elif rest < 8:  # a short clip: one 4-bar phrase if it fits, the rest intro
        intro = rest if rest < 4 else rest - 4
    else:
        intro = rest % 4 or (4 if rest >= 16 else 0)
    body0, body1 = intro, n_bars - outro  # in bars

    arc_starts = [a for a, _, _ in arcs if a > 0]
    accepted: list[int] = []
    for c in sorted([*cuts, *arc_starts]):
        bar = round((float(c) / beat_s - phase) / bpb)
        prev = accepted[-1] if accepted else body0
        if bar - prev >= MIN_CUT_BARS and body1 - bar >= 2:
            accepted.append(bar)
    bounds = [body0, *accepted, body1]

    form = rng.choice(style.forms)
    shift_up = rng.choice((2, 2, 1))
    raw: list[tuple[str, int, int, bool]] = []  # name, bar0, bar1, starts at a cut
    cursor = 0
    for k in range(len(bounds) - 1):
        a, b = bounds[k], bounds[k + 1]
        bar = a
        for j, size in enumerate(_phrases(b - a, 0)):
            if size < 0:
                raw.append(("break", bar, bar - size, False))
                bar -= size
                continue
            name = form[cursor % len(form)]
            prev = raw[-1][0] if raw else ""
            at_cut = j == 0 and k > 0
            if at_cut:
                level = mean_intensity(
                    intensity, grid.time(grid.downbeat(bar)), grid.time(grid.downbeat(bar + size))
                )
                if level is not None and level >= 0.7 and prev != "B":
                    name = "B"
                elif level is not None and level <= 0.25 and prev != "bridge":
                    name = "bridge"
                while name == prev:
                    cursor += 1
                    name = form[cursor % len(form)]
            mid = grid.time(grid.downbeat(bar) + size * bpb / 2)
            kind = next((k for a0, a1, k in arcs if a0 <= mid < a1), None)
            if kind == "combat":
                name = "B"
            elif kind == "resolution":
                name = "bridge" if prev not in ("bridge", "A") else "A"
            elif kind in ("explore", "tension") and name == "B":
                name = "A"
            raw.append((name, bar, bar + size, at_cut))
            cursor += 1
            bar += size

    sections: list[Section] = []
    seen: dict[str, int] = {}
    body_bars = body1 - body0
    n_body = sum(1 for r in raw if r[0] != "break")

    def add(name: str, b0: int, b1: int, shift: int = 0, cycle: int = 0) -> None:
        start = grid.downbeat(b0) if sections else 0
        stop = grid.downbeat(b1)
        sec = Section(
            name, start * beat_s, stop * beat_s, start, stop, seen.get(name, 0), shift, cycle
        )
        sections.append(sec)
        seen[name] = seen.get(name, 0) + 1

    if intro or phase:
        add("intro", 0, body0)
    count = 0
    for name, b0, b1, _ in raw:
        cycle = count // len(form)
        shift = 0
        if name != "break":
            count += 1
            late = count == n_body and count > len(form) // 2 and body_bars >= 40
            every = cycle % 3 == 2 and body_bars >= 160
            if late or every:
                shift = shift_up
        elif sections and sections[-1].shift:
            shift = sections[-1].shift
        add(name, b0, b1, shift=shift, cycle=cycle)
    if final is not None:
        shift = sections[-1].shift if sections else 0
        cycle = sections[-1].cycle if sections else 0
        start = grid.downbeat(body1) if sections else 0
        sections.append(
            Section(
                "outro",
                start * beat_s,
                duration_s,
                start,
                final,
                seen.get("outro", 0),
                shift,
                cycle,
            )
        )
    else:  # the last section runs to the last sample
        last = sections[-1]
        sections[-1] = Section(
            last.name,
            last.start_s,
            duration_s,
            last.start_beat,
            end_beat,
            last.variation,
            last.shift,
            last.cycle,
        )
    cut_beats = tuple(grid.downbeat(b) for b in accepted)
    return Plan(grid, sections, final, cut_beats)
