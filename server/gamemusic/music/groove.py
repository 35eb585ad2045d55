"""Drums: groove families by section, fills into new sections, ghost notes, humanising.

A groove is a set of drum parts with three energy tiers each (spec.DrumPart). Fills: a
snare run, a 32nd roll, a tom run, a drop-out (the kit stops for two beats, a pickup brings
it back) and stop-time hits; every section downbeat after the intro gets a crash. Velocity
and timing are humanised from a seeded generator, so a seed always plays the same take.
"""

from __future__ import annotations

import random

from gamemusic.music.form import Grid
from gamemusic.music.parts import Note
from gamemusic.music.spec import CRASH, KICK, OPEN, SNARE, TOM, Groove, Style, Voice

FILLS = ("snare", "roll", "toms", "drop", "stops")
_VEL = {"X": 122, "g": 38}


class Drummer:
    def __init__(self, style: Style, grid: Grid, out: list[Note], rng: random.Random) -> None:
        self.style, self.grid, self.out, self.rng = style, grid, out, rng
        self.grooves: tuple[Groove, ...] = (style.drums, *style.alt_drums)
        self.lay_back = 0.012 if style.swing else 0.0  # lo-fi: the snare sits behind the beat

    def hit(self, v: Voice, beat: float, key: int, vel: float, spread: float = 0.004) -> None:
        rng = self.rng
        t = self.grid.time(beat)
        if beat % 1 or key not in (KICK, CRASH):
            t += rng.uniform(-spread, spread)
        if key == SNARE and self.lay_back:
            t += self.lay_back
        vel *= rng.uniform(0.9, 1.06)
        self.out.append(Note(max(0.0, t), 0.1, key, max(1, min(127, round(vel))), v.name))

    def bar(
        self,
        v: Voice,
        bar0: int,
        lo: int,
        hi: int,
        e: float,
        groove: int,
        fill: str | None,
        *,
        sparse: bool = False,
    ) -> None:
        """One bar (steps lo..hi) of groove `groove` at energy e, ending with `fill`."""
        tier = 0 if e < 0.42 else 1 if e < 0.72 else 2
        parts = self.grooves[groove % len(self.grooves)]
        scale = 0.8 + 0.3 * e
        cut = {"snare": 12, "roll": 12, "toms": 8, "drop": 8, "stops": 8}.get(fill or "", 16)
        used_snare: set[int] = set()
        for part in parts:
            if sparse and part.key not in (KICK, OPEN) and part.key < 42:
                continue
            pat = part.patterns[tier]
            for s in range(lo, hi):
                ch = pat[s % len(pat)]
                if ch == ".":
                    continue
                if s >= cut and not (part.key == KICK and fill in ("snare", "roll")):
                    continue
                vel = _VEL.get(ch, part.velocity) * scale
                if s % 4 and ch != "X" and part.key not in (KICK, SNARE):
                    vel *= 0.82  # off-beat hats lighter
                self.hit(v, bar0 + s / 4, part.key, vel)
                if part.key == SNARE:
                    used_snare.add(s)
        if self.style.ghosts and tier >= 1 and not sparse:
            for s in (3, 7, 10, 15):
                if lo <= s < min(hi, cut) and s not in used_snare and self.rng.random() < 0.3:
                    self.hit(v, bar0 + s / 4, SNARE, 34 + 8 * self.rng.random())
        if fill and hi == 16:
            self.fill(v, bar0, fill, e)

    def fill(self, v: Voice, bar0: int, kind: str, e: float) -> None:
        k = 0.85 + 0.25 * e
        if kind == "snare":
            for j, s in enumerate(range(12, 16)):
                self.hit(v, bar0 + s / 4, SNARE, (70 + 15 * j) * k)
        elif kind == "roll":
            for j in range(8):
                self.hit(v, bar0 + 3 + j / 8, SNARE, (55 + 8 * j) * k, 0.002)
        elif kind == "toms":
            for j, s in enumerate((8, 10, 12, 13, 14, 15)):
                self.hit(v, bar0 + s / 4, TOM if j % 3 != 2 else SNARE, (80 + 7 * j) * k)
            self.hit(v, bar0 + 3.75, KICK, 100 * k)
        elif kind == "drop":  # two beats of silence, then a pickup
            self.hit(v, bar0 + 3.5, SNARE, 88 * k)
            self.hit(v, bar0 + 3.75, SNARE, 100 * k)
        else:  # stops: unison hits
            for s in (8, 11, 14):
                self.hit(v, bar0 + s / 4, KICK, 112 * k)
                self.hit(v, bar0 + s / 4, SNARE, 105 * k)
            self.hit(v, bar0 + 8 / 4, CRASH, 90 * k)

    def small_fill(self, v: Voice, bar0: int, e: float) -> None:
        """The end of a 4-bar phrase inside a section: a one-beat pickup."""
        if self.rng.random() < 0.5:
            self.hit(v, bar0 + 3.5, SNARE, 80 * (0.8 + 0.3 * e))
            self.hit(v, bar0 + 3.75, SNARE, 92 * (0.8 + 0.3 * e))
        else:
            self.hit(v, bar0 + 3.5, OPEN, 85 * (0.8 + 0.3 * e))

    def crash(self, v: Voice, beat: float, vel: float = 108) -> None:
        self.hit(v, beat, CRASH, vel)
        self.hit(v, beat, KICK, vel)

    def pickup(self, v: Voice, beats: int) -> None:
        """A pickup before the first downbeat: snare eighths rising into bar 1."""
        n = min(2 * beats, 4)
        for j in range(n):
            self.hit(v, beats - (n - j) / 2, SNARE, 60 + 12 * j)
