"""The arranger: a form plan, two hooks and the style's families in; note events out.

Section by section it picks the chords (harmony.py), the melody (melody.py), the patterns
and the layers: a sparse intro, a full A, new colour in B (counter-melody, another arp shape,
another groove), a breakdown bridge, a break into a cut, and the outro's tail into the final
chord. Energy per bar comes from the section, the game's loudness and the gameplay arcs.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace

import numpy as np

from gamemusic.music.form import BASE_ENERGY, Plan, Section, mean_intensity
from gamemusic.music.groove import FILLS, Drummer
from gamemusic.music.harmony import section_bars
from gamemusic.music.hits import final_chord, place_stingers
from gamemusic.music.melody import STEPS, Hook, Tone, augment, period
from gamemusic.music.parts import Note, Parts
from gamemusic.music.spec import Style, Voice
from gamemusic.music.theory import Chord, parse_chord

_WHERE = {"A": 0.4, "B": 0.68, "bridge": 0.3, "outro": 0.45}
ARC_ENERGY = {"explore": 0.42, "tension": 0.62, "combat": 0.95, "resolution": 0.38}


@dataclass(frozen=True, slots=True)
class ChordEvent:
    """A chord as heard: absolute pitch classes (C = 0) of its tones and of its local scale."""

    start_s: float
    end_s: float
    name: str
    pcs: tuple[int, ...]
    scale: tuple[int, ...]


class Arranger:
    def __init__(
        self,
        style: Style,
        plan: Plan,
        tonic: int,
        mode: tuple[int, ...],
        rng: random.Random,
        intensity: np.ndarray | None,
        hooks: tuple[Hook, Hook],
        arcs: tuple[tuple[float, float, str], ...] = (),
        *,
        victory: bool = False,
        loop: bool = False,
    ) -> None:
        self.style, self.plan, self.tonic, self.mode = style, plan, tonic, mode
        self.rng, self.intensity, self.hooks, self.arcs = rng, intensity, hooks, arcs
        self.victory, self.loop = victory, loop
        roles = {v.role for v in style.voices}
        drops = {"stab", "harmony"} | ({"arp"} if "pad" in roles else set())
        self.calm_drops = (drops & roles) or {"drums"}  # what a calm arc leaves out
        self.bar_chords: dict[int, tuple[list[Chord], int]] = {}  # downbeat -> chords, tonic
        self.grid = plan.grid
        self.notes: list[Note] = []
        self.chords: list[ChordEvent] = []
        self.parts = Parts(style, self.grid, self.notes)
        self.drummer = Drummer(style, self.grid, self.notes, random.Random(rng.random()))
        self.family0 = rng.randrange(len(style.families))
        self.picks = {k: rng.randrange(97) for k in ("bass", "stab", "drums", "arp", "spread")}
        self.voices = {v.role: v for v in style.voices}
        self.last_degree = 4
        self.last_pitch: int | None = None
        self.placed: dict[str, float] = {}  # section name -> mean lead pitch of its hook
        self.frames: dict[str, int] = {}  # section name -> octave shift of its first phrase

    def place(self, name: str, hook: Hook, aim: float, make) -> Hook:
        """The hook's start degree (a tonic chord tone) whose phrase sits nearest `aim`."""
        best, score = hook, 1e9
        for start in range(-7, 14):
            cand = replace(hook, start=start)
            pitches = make(cand)
            if not pitches:
                return hook
            mean = sum(pitches) / len(pitches)
            cost = abs(mean - aim) + 4 * self.parts.folds
            if cost < score:
                best, score = cand, cost
                self.placed[name] = mean
        return best

    # --- plan helpers --------------------------------------------------------------------
    def first_down(self, sec: Section) -> int:
        g = self.grid
        return g.phase + math.ceil((sec.start_beat - g.phase) / g.beats_per_bar) * g.beats_per_bar

    def arc_at(self, t: float) -> str | None:
        for a, b, kind in self.arcs:
            if a <= t < b:
                return kind
        return None

    def energy(self, sec: Section, b0: float, b1: float) -> float:
        base = BASE_ENERGY[sec.name] + 0.04 * min(sec.variation, 3)
        t0, t1 = self.grid.time(b0), self.grid.time(b1)
        arc = self.arc_at(0.5 * (t0 + t1))
        if arc is not None:
            base = 0.3 * base + 0.7 * ARC_ENERGY[arc]
        level = mean_intensity(self.intensity, t0, t1)
        return float(np.clip(base if level is None else 0.35 * base + 0.65 * level, 0.0, 1.0))

    def pick(self, what: str, sec: Section, n: int) -> int:
        """A seeded choice per section kind (and every other repeat) among n options."""
        salt = {"A": 0, "B": 1, "bridge": 2, "break": 2, "intro": 0, "outro": 0}[sec.name]
        return (self.picks[what] + 7 * salt + sec.variation // 2 * 3 + sec.cycle) % n

    # --- the piece -----------------------------------------------------------------------
    def arrange(self) -> tuple[list[Note], list[ChordEvent]]:
        secs = self.plan.sections
        if self.grid.phase and "drums" in self.voices and self.style.fills:
            self.drummer.pickup(self.voices["drums"], self.grid.phase)
        for i, sec in enumerate(secs):
            self.section(sec, secs[i + 1] if i + 1 < len(secs) else None)
        if self.plan.final_beat is not None:
            final_chord(self, self.plan.final_beat, secs[-1].shift if secs else 0)
        return self.notes, self.chords

    def section(self, sec: Section, nxt: Section | None) -> None:
        st, bpb = self.style, self.grid.beats_per_bar
        first = self.first_down(sec)
        end = sec.end_beat
        n_bars = max(0, math.ceil((end - first) / bpb))
        if n_bars == 0:
            return
        family = st.families[(self.family0 + sec.cycle // 2) % len(st.families)]
        dark = any(
            self.arc_at(self.grid.time(first + b * bpb)) == "tension" for b in range(0, n_bars, 2)
        )
        if self.victory and sec.name == "outro":
            family = replace(family, tail="bVI bVII")
        bars = section_bars(family, sec, n_bars, self.mode, dark=dark)
        if self.loop and end >= self.plan.sections[-1].end_beat:  # lead back into bar 1
            tail = parse_chord(family.tail.split()[-1], self.mode)
            bars[-1] = [bars[-1][0], tail] if len(bars[-1]) == 1 else [tail]
        tonic = self.tonic + sec.shift
        for b, chords in enumerate(bars):
            self.bar_chords[first + b * bpb] = (chords, tonic)
        nxt_chord = parse_chord(family.a.split("|")[0].split()[0], self.mode)

        def chord_at(step: int) -> Chord:
            bar = bars[min(len(bars) - 1, max(0, step // STEPS))]
            return bar[min(len(bar) - 1, (step % STEPS) * len(bar) // STEPS)]

        for b, chords in enumerate(bars):
            for i, c in enumerate(chords):
                b0 = first + b * bpb + i * bpb / len(chords)
                b1 = min(end, first + b * bpb + (i + 1) * bpb / len(chords))
                if b1 > b0:
                    self.chords.append(
                        ChordEvent(
                            self.grid.time(b0),
                            self.grid.time(b1),
                            c.name,
                            tuple((tonic + p) % 12 for p in c.pcs),
                            tuple(sorted((tonic + p) % 12 for p in c.local)),
                        )
                    )

        srng = random.Random(f"{self.picks['spread']}:{sec.name}:{sec.variation}:{sec.cycle}")
        energies = [
            self.energy(sec, first + b * bpb, min(end, first + (b + 1) * bpb))
            for b in range(n_bars)
        ]
        self.melody(sec, first, n_bars, end, chord_at, tonic, energies, srng)

        spread = 0.35 + 0.3 * ((self.picks["spread"] + sec.variation) % 3) / 2
        for b, chords in enumerate(bars):
            bar0 = first + b * bpb
            hi = min(STEPS, (end - bar0) * 4)
            e = energies[b]
            after = bars[b + 1][0] if b + 1 < len(bars) else nxt_chord
            for v in st.voices:
                if not self.plays(v, sec, b, n_bars, e):
                    continue
                if v.role == "bass":
                    pats = (v.patterns, *v.alt_patterns)[
                        self.pick("bass", sec, 1 + len(v.alt_patterns))
                    ]
                    tier = 0 if sec.name in ("bridge", "intro") else self.tier(e)
                    self.parts.bass(v, bar0, chords, after, tonic, pats[tier], 0, hi, e, srng)
                elif v.role == "stab":
                    pats = (v.patterns, *v.alt_patterns)[
                        self.pick("stab", sec, 1 + len(v.alt_patterns))
                    ]
                    self.parts.stab(
                        v, bar0, chords, tonic, pats[self.tier(e)], 0, hi, e, srng, spread
                    )
                elif v.role == "pad":
                    self.parts.pad(v, bar0, chords, tonic, 0, hi, e, spread)
                elif v.role == "arp":
                    shape = st.arps[self.pick("arp", sec, len(st.arps))]
                    self.parts.arp(v, bar0, chords, tonic, 0, hi, e, shape, spread)
                elif v.role == "drums":
                    self.drums(v, sec, nxt, b, n_bars, bar0, hi, e)

    def tier(self, e: float) -> int:
        return 0 if e < 0.42 else 1 if e < 0.72 else 2

    def plays(self, v: Voice, sec: Section, b: int, n_bars: int, e: float) -> bool:
        """Vertical layering: which voices sound in bar b of a section."""
        name, role = sec.name, v.role
        if role in ("lead", "harmony"):
            return False  # melody() handles them
        arc = self.arc_at(sec.start_s + 1e-3)
        if arc in ("explore", "resolution") and role in self.calm_drops:
            return False  # calm stretches: the colour layers stay out
        if arc == "combat" and role != "drums" and name not in ("intro", "break"):
            return True  # the fight: every layer in
        bed = "pad" in self.voices or "arp" in self.voices
        if role == "drums":  # an intro opens on its chords; the kit comes in halfway
            return not (name == "intro" and b < n_bars // 2)
        if role == "bass":
            return not (name == "intro" and b < n_bars // 2)
        if role == "stab":
            if name == "intro":
                return not bed  # the intro's bed when there is no pad or arp
            return name in ("A", "B", "outro") and e >= v.min_energy
        if role == "pad":
            return e >= v.min_energy or name in ("intro", "bridge", "break")
        if role == "arp":
            if name == "intro":
                return b >= n_bars // 2 or "pad" not in self.voices
            return e >= v.min_energy or name == "bridge"
        return True

    # --- melody --------------------------------------------------------------------------
    def melody(
        self,
        sec: Section,
        first: int,
        n_bars: int,
        end: int,
        chord_at,
        tonic: int,
        energies: list[float],
        srng: random.Random,
    ) -> None:
        lead = self.voices.get("lead")
        if lead is None or sec.name in ("intro", "break"):
            return
        e = sum(energies) / len(energies)
        which = 1 if sec.name == "B" else 0
        hook = self.hooks[which]
        if sec.name in ("A", "B") and sec.name not in self.placed:
            # A in the lower part of the lead's range, B a fourth or so above it
            span = lead.high - lead.low
            aim = lead.low + 0.25 * span
            if sec.name == "B":
                aim = min(lead.high - 6, max(self.placed.get("A", aim) + 5, lead.low + 0.6 * span))
            state = srng.getstate()

            def make(h: Hook) -> list[int]:
                srng.setstate(state)
                ts = self.phrase(sec, h, chord_at, n_bars, lead, srng)
                return self.parts.fit(ts, chord_at, tonic, lead, _WHERE.get(sec.name, 0.45))

            hook = self.place(sec.name, hook, aim, make)
            srng.setstate(state)
            self.hooks = (hook, self.hooks[1]) if which == 0 else (self.hooks[0], hook)
        tones: list[Tone]
        if sec.name == "bridge":
            offset = (n_bars - 4) * STEPS if n_bars >= 8 else 0
            quote = augment(hook, lambda s: chord_at(s + offset))
            tones = [
                Tone(t.step + offset, t.length, t.degree)
                for t in quote
                if t.step + offset < n_bars * STEPS
            ]
        elif sec.name == "outro":
            tones = (
                [
                    t
                    for t in period(srng, hook, chord_at, 4, variant=sec.variation)
                    if t.step < 2 * STEPS
                ]
                if n_bars >= 2
                else []
            )
        else:
            tones = self.phrase(sec, hook, chord_at, n_bars, lead, srng)
        if not tones:
            return
        frame = self.frames.get(sec.name, 0)
        pitches = self.parts.fit(tones, chord_at, tonic, lead, _WHERE.get(sec.name, 0.45), frame)
        if self.parts.folds and sec.name in ("A", "B"):  # too wide: a narrower phrase instead
            state = srng.getstate()
            for narrow in (1, 2, 3):
                srng.setstate(state)
                cand = self.phrase(sec, hook, chord_at, n_bars, lead, srng, narrow)
                got = self.parts.fit(cand, chord_at, tonic, lead, _WHERE[sec.name], frame)
                if not self.parts.folds:
                    tones, pitches = cand, got
                    break
        self.frames.setdefault(sec.name, self.parts.octave)
        hi_step = (end - first) * 4
        vel_k = 0.8 if sec.name == "bridge" else 1.0
        self.parts.line(
            lead,
            first,
            tones,
            pitches,
            e,
            srng,
            hi_step=hi_step,
            glide=self.style.glide,
            vel_k=vel_k,
        )
        self.last_degree = tones[-1].degree
        self.last_pitch = pitches[-1]
        harmony = self.voices.get("harmony")
        arc = self.arc_at(sec.start_s + 1e-3)
        calm = arc in ("explore", "resolution")
        if harmony is None or sec.name == "bridge" or (calm and "harmony" in self.calm_drops):
            return
        if e < harmony.min_energy - 0.1 and arc != "combat":
            return
        mode = self.style.counter
        if mode == "mixed":
            mode = "counter" if sec.name == "B" else "thirds"
        if sec.name == "A" and sec.variation == 0 and mode == "thirds":
            return  # the first A is the lead alone
        keep = [(t, p) for t, p in zip(tones, pitches, strict=True) if t.step < hi_step]
        self.parts.counter(
            harmony,
            first,
            [t for t, _ in keep],
            [p for _, p in keep],
            chord_at,
            tonic,
            min(hi_step, n_bars * STEPS),
            e,
            mode,
            srng,
        )

    def phrase(
        self,
        sec: Section,
        hook: Hook,
        chord_at,
        n_bars: int,
        lead: Voice,
        srng: random.Random,
        narrow: int = 0,
    ) -> list[Tone]:
        last = chord_at(n_bars * STEPS - 1)
        end_deg = 0 if last.is_tonic else 4 if last.is_dominant else last.degrees[0]
        span = max(4, min(8, (lead.high - lead.low - 6) * 7 // 12) - narrow)
        return period(
            srng, hook, chord_at, min(8, n_bars), variant=sec.variation, end=end_deg, span=span
        )

    # --- drums ---------------------------------------------------------------------------
    def drums(
        self,
        v: Voice,
        sec: Section,
        nxt: Section | None,
        b: int,
        n_bars: int,
        bar0: int,
        hi: int,
        e: float,
    ) -> None:
        st = self.style
        groove = self.pick("drums", sec, 1 + len(st.alt_drums))
        if b == 0 and st.fills and sec.name not in ("intro",) and sec.start_beat > 0:
            self.drummer.crash(v, bar0, 112 if sec.name in ("A", "B", "outro") else 80)
        last = b == n_bars - 1
        fill = None
        into_fight = nxt is not None and self.arc_at(nxt.start_s + 1e-3) == "combat"
        if st.fills and last and nxt is not None and hi == STEPS and e >= 0.35:
            kinds = FILLS if nxt.name in ("A", "B") else ("snare", "drop", "roll")
            fill = kinds[self.drummer.rng.randrange(len(kinds))]
            if sec.name == "break":
                fill = "roll" if e >= 0.5 else "drop"
        if last and into_fight and hi == STEPS and self.arc_at(sec.start_s + 1e-3) != "combat":
            fill = "roll"  # a riser into the fight
        sparse = sec.name in ("bridge", "intro") or (sec.name == "break" and b < n_bars - 1)
        self.drummer.bar(
            v, bar0, 0, hi, e if sec.name != "intro" else min(e, 0.4), groove, fill, sparse=sparse
        )
        if st.fills and not last and b % 4 == 3 and sec.name in ("A", "B"):
            self.drummer.small_fill(v, bar0, e)

    def stingers(self, times, duration_s: float) -> tuple[float, ...]:
        return place_stingers(self, times, duration_s)
