"""Song form: the beat grid and the sections (intro, A, B, bridge, outro) sized to a duration.

Bars are aligned to the *end*: with a cadence ending the final chord falls on a downbeat
`tail` seconds before the end, and any leftover beats become a pickup at the start. Scene cuts
become section boundaries, nudged onto the nearest bar line when within a quarter bar of it,
otherwise onto the nearest beat.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from gamemusic.music.styles import Style

BASE_ENERGY = {"intro": 0.3, "A": 0.55, "B": 0.8, "bridge": 0.38, "outro": 0.62}
INTENSITY_HOP_S = 0.5  # one intensity value per half second


@dataclass(frozen=True)
class Section:
    """A stretch of the piece: `name` is intro | A | B | bridge | outro.

    start_beat/end_beat are beat indices (end exclusive); for the outro end_beat is the beat of
    the final chord, which then rings to end_s. `variation` counts earlier sections of the
    same name, so a repeat can vary its material.
    """

    name: str
    start_s: float
    end_s: float
    start_beat: int
    end_beat: int
    variation: int = 0


@dataclass(frozen=True)
class Grid:
    """Beat grid: beat b starts at b * beat_s; downbeats are at phase + k * beats_per_bar."""

    bpm: float
    beats_per_bar: int
    phase: int
    swing: float

    @property
    def beat_s(self) -> float:
        return 60.0 / self.bpm

    def time(self, beat: float) -> float:
        """Seconds at a (fractional) beat, with swing on off-beat sixteenths."""
        step = beat * 4.0
        t = beat * self.beat_s
        if self.swing and abs(step - round(step)) < 1e-6 and round(step) % 2 == 1:
            t += self.swing * self.beat_s / 12.0
        return t

    def bar_of(self, beat: int) -> int:
        """Index of the bar holding `beat`; the pickup before the first downbeat is bar -1."""
        return (beat - self.phase) // self.beats_per_bar


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
    """A cut time as a beat index: a bar line if within a quarter bar, else the nearest beat."""
    x = cut_s / grid.beat_s
    bpb = grid.beats_per_bar
    bar_line = grid.phase + round((x - grid.phase) / bpb) * bpb
    if abs(x - bar_line) <= bpb / 4:
        return int(bar_line)
    return round(x)


def _sizes(n_bars: int, section_bars: int) -> list[int]:
    q, r = divmod(n_bars, section_bars)
    sizes = [section_bars] * q
    if r >= section_bars // 2 or not sizes:
        sizes.append(r)
    else:
        sizes[-1] += r
    return sizes


def mean_intensity(intensity: np.ndarray | None, t0: float, t1: float) -> float | None:
    """Mean of the intensity curve over [t0, t1) seconds, or None without a curve."""
    if intensity is None or len(intensity) == 0:
        return None
    i0 = min(int(t0 / INTENSITY_HOP_S), len(intensity) - 1)
    i1 = max(i0 + 1, min(math.ceil(t1 / INTENSITY_HOP_S), len(intensity)))
    return float(np.clip(intensity[i0:i1], 0.0, 1.0).mean())


def plan_form(
    style: Style,
    duration_s: float,
    bpm: float,
    cuts: Sequence[float],
    ending: str,
    intensity: np.ndarray | None,
) -> Plan:
    beat_s = 60.0 / bpm
    bpb = style.beats_per_bar
    if ending == "cadence":
        final: int | None = max(0, math.floor((duration_s - tail_seconds(bpm)) / beat_s + 1e-9))
        end_beat = final
    else:
        final = None
        end_beat = math.ceil(duration_s / beat_s - 1e-9)
    phase = end_beat % bpb if final is not None else 0
    grid = Grid(bpm, bpb, phase, style.swing)
    n_bars = (end_beat - phase) // bpb

    outro_bars = 0 if final is None or n_bars == 0 else 1 if n_bars < 8 else 2 if n_bars < 24 else 4
    intro_bars = min(1 if n_bars < 12 else 2 if n_bars < 40 else 4, n_bars - outro_bars)
    body_start = phase + intro_bars * bpb
    body_end = end_beat - outro_bars * bpb
    if body_end - body_start < 2 * bpb:  # too short for a body: intro and ending only
        body_start = body_end

    accepted: list[int] = []
    for c in sorted(cuts):
        b = snap_cut(float(c), grid)
        lo = accepted[-1] if accepted else 0
        if b - lo >= 2 and body_end - b >= 2 and b > 1:
            accepted.append(b)
    if accepted and accepted[0] < body_start:  # a cut inside the intro ends the intro there
        body_start = accepted[0]
    cut_set = set(accepted)
    bounds = sorted({body_start, body_end, *(b for b in accepted if body_start < b < body_end)})

    sections: list[Section] = []
    seen: dict[str, int] = {}

    def add(name: str, b0: int, b1: int) -> None:
        if b1 <= b0:
            return
        sections.append(Section(name, b0 * beat_s, b1 * beat_s, b0, b1, seen.get(name, 0)))
        seen[name] = seen.get(name, 0) + 1

    add("intro", 0, body_start)
    section_bars = 8 if body_end - body_start >= 16 * bpb else 4
    cursor = 0
    for a, b in itertools.pairwise(bounds):
        first_bar = phase + math.ceil((a - phase) / bpb) * bpb
        sizes = _sizes(max(0, (b - first_bar) // bpb), section_bars)
        edges = [a]
        for s in sizes[:-1]:
            edges.append((edges[-1] if len(edges) > 1 else first_bar) + s * bpb)
        edges.append(b)
        for i, (s0, s1) in enumerate(itertools.pairwise(edges)):
            name = style.form[cursor % len(style.form)]
            prev = sections[-1].name if sections else ""
            if i == 0 and a in cut_set:
                level = mean_intensity(intensity, s0 * beat_s, s1 * beat_s)
                if level is not None and level >= 0.7 and prev != "B":
                    name = "B"
                elif level is not None and level <= 0.25 and prev != "bridge":
                    name = "bridge"
                while name == prev:
                    cursor += 1
                    name = style.form[cursor % len(style.form)]
            add(name, s0, s1)
            cursor += 1
    if final is not None:
        sections.append(
            Section("outro", body_end * beat_s, duration_s, body_end, final, seen.get("outro", 0))
        )
    else:  # the last section runs to the last sample
        last = sections[-1]
        sections[-1] = Section(
            last.name, last.start_s, duration_s, last.start_beat, end_beat, last.variation
        )
    starts = {sec.start_beat for sec in sections}
    return Plan(grid, sections, final, tuple(b for b in accepted if b in starts))
