"""The arranger: turns a form plan into note events, bar by bar, voice by voice.

Roles: lead (motif-based melody), harmony (a diatonic third under the lead), bass (pattern
over chord roots), pad (held voice-led chords), stab (rhythmic chord hits), arp (broken
chords), drums (patterns by energy tier, fills and crashes at section changes).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np

from gamemusic.music.form import BASE_ENERGY, Plan, Section, mean_intensity
from gamemusic.music.melody import STEPS, MelodyNote, Motif, displace, ornament, realize
from gamemusic.music.styles import CRASH, KICK, SNARE, Style, Voice
from gamemusic.music.theory import (
    chord_degrees,
    degree_to_pitch,
    fit_range,
    nearest_chord_degree,
    progression,
)

_CENTER = {"intro": 4, "A": 4, "B": 7, "bridge": 2, "outro": 4}
_PROG = {"intro": 0, "A": 0, "B": 1, "bridge": 2, "outro": 0}
_ROLES = ("statement", "answer", "statement", "cadence")


@dataclass(frozen=True)
class Note:
    """One note event. Drums use General MIDI drum keys as `pitch`."""

    start_s: float
    dur_s: float
    pitch: int  # MIDI note number
    velocity: int  # 1..127
    voice: str  # the style voice (instrument) that plays it
    glide: int = 0  # semitones the note slides in from (0 = none); the synth bends to pitch


class Arranger:
    def __init__(
        self,
        style: Style,
        plan: Plan,
        tonic: int,
        scale: tuple[int, ...],
        motifs: dict[str, Motif],
        rng: random.Random,
        intensity: np.ndarray | None,
    ) -> None:
        self.style, self.plan, self.tonic, self.scale = style, plan, tonic, scale
        self.motifs, self.rng, self.intensity = motifs, rng, intensity
        self.grid = plan.grid
        self.notes: list[Note] = []
        self.voicing: dict[str, float] = {}  # voice -> centre pitch of its last chord
        self.last_lead = 4
        self.progs = [progression(p) for p in style.progressions]
        self.cadence = progression(style.cadence)
        self.cut_set = set(plan.cut_beats)

    # --- helpers -------------------------------------------------------------------------
    def pitch(self, degree: int) -> int:
        return degree_to_pitch(degree, self.tonic, self.scale)

    def emit(
        self,
        voice: Voice,
        beat0: float,
        beat1: float,
        pitch: int,
        vel: float,
        articulation: float | None = None,
    ) -> None:
        t0, t1 = self.grid.time(beat0), self.grid.time(beat1)
        art = voice.articulation if articulation is None else articulation
        dur = max(0.02, (t1 - t0) * art)
        self.notes.append(Note(t0, dur, int(pitch), int(np.clip(round(vel), 1, 127)), voice.name))

    def first_down(self, sec: Section) -> int:
        g = self.grid
        return g.phase + math.ceil((sec.start_beat - g.phase) / g.beats_per_bar) * g.beats_per_bar

    def chord_root(self, sec: Section, beat: int) -> int:
        cb = self.style.chord_beats
        final = self.plan.final_beat
        if final is not None and beat >= final:
            return 0  # the final tonic chord
        if sec.name == "outro" and final is not None:
            k = (final - 1 - beat) // cb
            if k < len(self.cadence):
                return self.cadence[len(self.cadence) - 1 - k]
        prog = self.progs[_PROG[sec.name]]
        return prog[((beat - self.first_down(sec)) // cb) % len(prog)]

    def energy(self, sec: Section, b0: int, b1: int) -> float:
        base = BASE_ENERGY[sec.name] + 0.04 * min(sec.variation, 3)
        level = mean_intensity(self.intensity, self.grid.time(b0), self.grid.time(b1))
        return float(np.clip(base if level is None else 0.35 * base + 0.65 * level, 0.0, 1.0))

    def chord_pitches(self, voice: Voice, root: int) -> list[int]:
        """Voice-led chord: the inversion whose centre is nearest the previous chord's."""
        degs = chord_degrees(root, voice.shape)
        mid = (voice.low + voice.high) / 2
        target = 0.5 * self.voicing.get(voice.name, mid) + 0.5 * mid
        inversions = range(1) if voice.shape == "power" else range(len(degs))
        best: list[int] = []
        for inv in inversions:
            ds = [*degs[inv:], *(d + 7 for d in degs[:inv])]
            shift = fit_range(ds[0], voice.low, voice.low + 11, self.tonic, self.scale) - ds[0]
            ps = [self.pitch(d + shift) for d in ds]
            if not best or abs(sum(ps) / len(ps) - target) < abs(sum(best) / len(best) - target):
                best = ps
        self.voicing[voice.name] = sum(best) / len(best)
        return best

    # --- the piece -----------------------------------------------------------------------
    def arrange(self) -> list[Note]:
        secs = self.plan.sections
        for i, sec in enumerate(secs):
            nxt = secs[i + 1] if i + 1 < len(secs) else None
            self.section(sec, nxt)
        if self.plan.final_beat is not None:
            self.final_chord(self.plan.final_beat)
        return self.notes

    def section(self, sec: Section, nxt: Section | None) -> None:
        bpb = self.grid.beats_per_bar
        srng = random.Random(f"{self.rng.random()}:{sec.name}:{sec.variation}")
        first = self.first_down(sec)
        bar0 = first - bpb if first > sec.start_beat else first
        crash = (
            self.style.fills
            and sec.name != "intro"
            and (sec.start_beat in self.cut_set or (sec.start_beat == first and sec.start_beat > 0))
        )
        if crash:
            self.emit(self._drums(), sec.start_beat, sec.start_beat + 1, CRASH, 105, 1.0)
        for bar_beat in range(bar0, sec.end_beat, bpb):
            lo = max(0, (sec.start_beat - bar_beat) * 4)
            hi = min(STEPS, (sec.end_beat - bar_beat) * 4)
            if hi <= lo:
                continue
            bi = (bar_beat - first) // bpb
            e = self.energy(sec, max(bar_beat, sec.start_beat), min(bar_beat + bpb, sec.end_beat))
            last_bar = bar_beat + bpb >= sec.end_beat
            for v in self.style.voices:
                if e < v.min_energy and v.role not in ("drums", "pad", "bass"):
                    continue
                if v.role == "lead" and sec.name != "intro" and bi >= 0:
                    self.lead(v, sec, bar_beat, lo, hi, bi, e, last_bar, srng)
                elif v.role == "bass" and bi >= 0:
                    self.pattern_part(v, sec, bar_beat, lo, hi, e, bass=True)
                elif v.role == "stab" and bi >= 0:
                    self.pattern_part(v, sec, bar_beat, lo, hi, e, bass=False)
                elif v.role in ("pad", "arp") and bi >= 0:
                    self.chords(v, sec, bar_beat, lo, hi, e)
                elif v.role == "drums":
                    fill = (
                        self.style.fills
                        and last_bar
                        and nxt is not None
                        and e >= 0.4
                        and hi == STEPS
                        and sec.end_beat - sec.start_beat >= 2 * bpb
                    )
                    self.drums(v, bar_beat, lo, hi, e if bi >= 0 else 0.0, fill)

    def _drums(self) -> Voice:
        return next(v for v in self.style.voices if v.role == "drums")

    def lead(
        self,
        v: Voice,
        sec: Section,
        bar_beat: int,
        lo: int,
        hi: int,
        bi: int,
        e: float,
        last_bar: bool,
        srng: random.Random,
    ) -> None:
        motif = self.motifs.get(sec.name, self.motifs["A"])
        root = self.chord_root(sec, bar_beat)
        chord = chord_degrees(root)
        var = sec.variation % 4
        role = "cadence" if last_bar and bi > 0 else _ROLES[bi % 4]
        center = _CENTER[sec.name] + (2 if var == 3 else 0)
        seq = srng.choice((2, -1, 1, -2))
        anchor = center + (seq if role == "answer" else 0)
        anchor = (anchor + self.last_lead) // 2 if role != "statement" else anchor
        final = None
        if role == "cadence" and (last_bar or bi % 8 == 7):
            final = nearest_chord_degree(self.last_lead, (root,))
        notes = realize(
            motif,
            chord,
            anchor,
            invert=(role == "answer" and var == 2),
            role=role,
            energy=e,
            final_degree=final,
        )
        if var == 1 and role != "cadence":
            notes = ornament(notes)
        if var == 2 and role == "statement" and bi % 8 >= 4:
            notes = displace(notes)
        harmony = next((h for h in self.style.voices if h.role == "harmony"), None)
        self._line(v, bar_beat, lo, hi, notes, e)
        if harmony is not None and e >= harmony.min_energy:
            lowered = [MelodyNote(n.step, n.length, n.degree - 2) for n in notes]
            self._line(harmony, bar_beat, lo, hi, lowered, e * 0.85)
        if notes:
            self.last_lead = notes[-1].degree

    def _line(
        self, v: Voice, bar_beat: int, lo: int, hi: int, notes: list[MelodyNote], e: float
    ) -> None:
        for n in notes:
            if n.step < lo or n.step >= hi:
                continue
            end = min(n.step + n.length, hi)
            d = fit_range(n.degree, v.low, v.high, self.tonic, self.scale)
            accent = 10 if n.step % 4 == 0 else 0
            vel = v.velocity * (0.72 + 0.35 * e) + accent
            self.emit(v, bar_beat + n.step / 4, bar_beat + end / 4, self.pitch(d), vel)

    def pattern_part(
        self, v: Voice, sec: Section, bar_beat: int, lo: int, hi: int, e: float, *, bass: bool
    ) -> None:
        pat = v.patterns[0 if e < 0.42 else 1 if e < 0.72 else 2]
        onsets = [s for s in range(lo, hi) if pat[s % len(pat)] != "."]
        for j, s in enumerate(onsets):
            end = onsets[j + 1] if j + 1 < len(onsets) else hi
            beat = bar_beat + s // 4
            root = self.chord_root(sec, beat)
            vel = v.velocity * (0.7 + 0.35 * e) + (8 if s % 4 == 0 else 0)
            if not bass:
                for p in self.chord_pitches(v, root):
                    self.emit(v, bar_beat + s / 4, bar_beat + end / 4, p, vel * 0.8)
                continue
            r = fit_range(root, v.low, v.low + 11, self.tonic, self.scale)
            ch = pat[s % len(pat)]
            if ch == "A":
                nxt_root = self.chord_root(sec, bar_beat + 4)
                d = fit_range(nxt_root, v.low, v.low + 11, self.tonic, self.scale) - 1
            else:
                d = r + {"R": 0, "O": 7, "5": 4, "3": 2}.get(ch, 0)
            d = fit_range(d, v.low, v.high, self.tonic, self.scale)
            self.emit(v, bar_beat + s / 4, bar_beat + end / 4, self.pitch(d), vel)

    def chords(self, v: Voice, sec: Section, bar_beat: int, lo: int, hi: int, e: float) -> None:
        cb = self.style.chord_beats
        s = lo
        while s < hi:
            beat = bar_beat + s // 4
            offset = (beat - self.first_down(sec)) % cb
            span_end = min(hi, s + (cb - offset) * 4 - s % 4)
            root = self.chord_root(sec, beat)
            ps = self.chord_pitches(v, root)
            if v.role == "pad":
                if offset == 0 or s == lo:
                    vel = v.velocity * (0.6 + 0.3 * e)
                    end_beat = bar_beat + span_end / 4
                    if offset == 0 and cb > 4:
                        end_beat = min(beat + cb, sec.end_beat)
                    for p in ps:
                        self.emit(v, bar_beat + s / 4, end_beat, p, vel, 1.0)
            else:
                seq = [*ps, ps[0] + 12]
                if v.rate <= 2:
                    seq = seq + seq[-2:0:-1]
                n = (span_end - s) * v.rate // 4
                for k in range(n):
                    start = bar_beat + s / 4 + k / v.rate
                    vel = v.velocity * (0.6 + 0.35 * e) + (10 if k % v.rate == 0 else 0)
                    self.emit(v, start, start + 1 / v.rate, seq[k % len(seq)], vel)
            s = span_end

    def drums(self, v: Voice, bar_beat: int, lo: int, hi: int, e: float, fill: bool) -> None:
        tier = 0 if e < 0.42 else 1 if e < 0.72 else 2
        scale = 0.8 + 0.3 * e
        for part in self.style.drums:
            pat = part.patterns[tier]
            for s in range(lo, hi):
                ch = pat[s % len(pat)]
                if ch == "." or (fill and s >= 12 and part.key != KICK):
                    continue
                vel = {"X": 122, "x": part.velocity, "g": 42}[ch] * scale
                self.emit(v, bar_beat + s / 4, bar_beat + (s + 1) / 4, part.key, vel, 1.0)
        if fill:
            for k, s in enumerate(range(12, 16)):
                self.emit(v, bar_beat + s / 4, bar_beat + (s + 1) / 4, SNARE, 70 + 15 * k, 1.0)

    def final_chord(self, beat: int) -> None:
        """The tonic chord on the final downbeat, ringing to the end."""
        start = self.grid.time(beat)
        for v in self.style.voices:
            if v.role == "drums":
                for key in (KICK, CRASH) if self.style.fills else (KICK,):
                    self.notes.append(Note(start, 0.1, key, 110, v.name))
                continue
            if v.role in ("lead", "harmony"):
                d = nearest_chord_degree(
                    self.last_lead - (2 if v.role == "harmony" else 0),
                    (0, 2, 4) if v.role == "harmony" else (0,),
                )
                pitches = [self.pitch(fit_range(d, v.low, v.high, self.tonic, self.scale))]
            elif v.role == "bass":
                pitches = [self.pitch(fit_range(0, v.low, v.low + 11, self.tonic, self.scale))]
            else:
                pitches = self.chord_pitches(v, 0)
            for k, p in enumerate(pitches):
                roll = 0.025 * k if v.role in ("arp", "stab") else 0.0
                self.notes.append(Note(start + roll, 1e9, p, int(v.velocity * 0.9), v.name))
