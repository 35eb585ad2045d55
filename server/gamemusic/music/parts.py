"""The pitched parts: lead, counter-melody, bass, stabs/riffs, pads and arpeggios.

`Parts` turns one bar's chords and one phrase's melody into `Note` events for each voice.
Pitches come from each chord's local scale (theory.Chord.local) in the section's key, so
chromatic chords (bVII, V/V, bII) sound right in every part.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from gamemusic.music.form import Grid
from gamemusic.music.melody import STEPS, ChordAt, Tone
from gamemusic.music.spec import Style, Voice
from gamemusic.music.theory import Chord, degree_to_pitch

ARP_SHAPES = {
    "up": (0, 1, 2, 3),
    "down": (3, 2, 1, 0),
    "updown": (0, 1, 2, 3, 2, 1),
    "broken": (0, 2, 1, 3),
    "alberti": (0, 2, 1, 2),
    "pedal": (0, 3, 1, 3, 2, 3),
}


@dataclass(slots=True)
class Note:
    """One note event. Drums use General MIDI drum keys as `pitch`.

    glide: the note starts `glide` semitones away from `pitch` (negative = from below) and
    slides onto it; 0 = no slide.
    """

    start_s: float
    dur_s: float
    pitch: int  # MIDI note number
    velocity: int  # 1..127
    voice: str  # the style voice (instrument) that plays it
    glide: int = 0


class Parts:
    def __init__(self, style: Style, grid: Grid, out: list[Note]) -> None:
        self.style, self.grid, self.out = style, grid, out
        self.voicing: dict[str, float] = {}  # voice -> centre pitch of its last chord
        self.counter_last: int | None = None
        self.folds = 0  # notes the last fit() had to move by an octave on their own
        self.octave = 0  # the octave shift the last fit() chose

    def emit(
        self,
        v: Voice,
        beat0: float,
        beat1: float,
        pitch: int,
        vel: float,
        art: float | None = None,
        glide: int = 0,
    ) -> None:
        t0 = self.grid.time(beat0)
        t1 = self.grid.time(beat1)
        a = v.articulation if art is None else art
        self.out.append(
            Note(
                t0,
                max(0.02, (t1 - t0) * a),
                int(pitch),
                max(1, min(127, round(vel))),
                v.name,
                glide,
            )
        )

    # --- melody ------------------------------------------------------------------------
    def fit(
        self,
        tones: list[Tone],
        chord_at: ChordAt,
        tonic: int,
        v: Voice,
        where: float,
        prefer: int = 0,
    ) -> list[int]:
        """Pitches of a phrase, moved by whole octaves so the phrase fits the voice's range.

        where: 0..1, the part of the range the phrase's centre aims at (B sits higher).
        """
        base = [degree_to_pitch(t.degree, tonic, chord_at(t.step).local) for t in tones]
        if not base:
            return []
        lo, hi = min(base), max(base)
        centre = sum(base) / len(base)
        aim = v.low + where * (v.high - v.low)
        best, cost = 0, 1e9
        for k in range(-3, 4):
            over = max(0, hi + 12 * k - v.high) + max(0, v.low - lo - 12 * k)
            c = 10 * over + abs(centre + 12 * k - aim) + 30 * abs(k - prefer)
            if c < cost:
                best, cost = k, c
        out = []
        self.folds, self.octave = 0, best
        for p in base:
            p += 12 * best
            q = p
            while q > v.high:
                q -= 12
            while q < v.low:
                q += 12
            self.folds += q != p
            out.append(q)
        return out

    def line(
        self,
        v: Voice,
        bar0: int,
        tones: list[Tone],
        pitches: list[int],
        e: float,
        rng: random.Random,
        lo_step: int = 0,
        hi_step: int = 10**9,
        glide: float = 0.0,
        vel_k: float = 1.0,
    ) -> None:
        prev: int | None = None
        for t, p in zip(tones, pitches, strict=True):
            if not lo_step <= t.step < hi_step:
                prev = None
                continue
            end = min(t.step + t.length, hi_step)
            accent = 10 if t.step % 4 == 0 else 4 if t.step % 2 == 0 else 0
            vel = (v.velocity * (0.72 + 0.35 * e) + accent) * vel_k * rng.uniform(0.94, 1.04)
            g = 0
            if glide and prev is not None and abs(prev - p) >= 3 and rng.random() < glide:
                g = max(-7, min(7, prev - p))
            self.emit(v, bar0 + t.step / 4, bar0 + end / 4, p, vel, glide=g)
            prev = p

    def counter(
        self,
        v: Voice,
        bar0: int,
        tones: list[Tone],
        lead: list[int],
        chord_at: ChordAt,
        tonic: int,
        nsteps: int,
        e: float,
        mode: str,
        rng: random.Random,
    ) -> None:
        """thirds: a diatonic third under the lead; counter: a slower guide-tone line in
        contrary motion that answers the lead's rests with an echo of its last notes."""
        if mode == "thirds":
            lowered = [Tone(t.step, t.length, t.degree - 2) for t in tones]
            ps = [
                min(p - 3, max(q, p - 9))
                for p, q in zip(lead, self.fit(lowered, chord_at, tonic, v, 0.6), strict=True)
            ]
            self.line(v, bar0, lowered, ps, e, rng, vel_k=0.85)
            return
        onsets = {t.step: p for t, p in zip(tones, lead, strict=True)}
        prev_lead = lead[0] if lead else v.low + 12
        for half in range(0, nsteps, 8):
            chord = chord_at(half)
            lead_here = [p for s, p in onsets.items() if half <= s < half + 8]
            busy = len(lead_here)
            top = min(lead_here) - 3 if lead_here else v.high
            target = self.counter_last if self.counter_last is not None else v.low + 10
            direction = -1 if lead_here and lead_here[-1] > prev_lead else 1
            cands = [
                degree_to_pitch(d + 7 * o, tonic, chord.local)
                for d in chord.degrees[1:]
                for o in range(-2, 3)
            ]
            cands = [p for p in cands if v.low <= p <= min(v.high, top)] or [
                degree_to_pitch(chord.degrees[0], tonic, chord.local) + 12 * o for o in range(-2, 3)
            ]
            cands = [p for p in cands if v.low - 12 <= p <= v.high] or cands
            pick = min(
                cands,
                key=lambda p: (
                    abs(p - target - 2 * direction) + (0 if (p - target) * direction >= 0 else 1.5)
                ),
            )
            if busy <= 1 and rng.random() < 0.6 and lead_here:  # answer the lead's rest
                for k, p in enumerate((pick, pick + (2 if direction > 0 else -2), pick)):
                    s = half + 2 + 2 * k
                    self.emit(
                        v, bar0 + s / 4, bar0 + (s + 2) / 4, p, v.velocity * 0.8 * (0.7 + 0.35 * e)
                    )
            else:
                self.emit(
                    v,
                    bar0 + half / 4,
                    bar0 + (half + 8) / 4,
                    pick,
                    v.velocity * 0.75 * (0.7 + 0.35 * e),
                )
            self.counter_last = pick
            if lead_here:
                prev_lead = lead_here[-1]

    # --- chords ------------------------------------------------------------------------
    def chord_pitches(self, v: Voice, chord: Chord, tonic: int, spread: float) -> list[int]:
        """Voice-led chord in the voice's range: the inversion nearest the previous one."""
        if v.shape == "power":
            root = degree_to_pitch(chord.degrees[0], tonic, chord.local)
            while root < v.low:
                root += 12
            while root > v.low + 11:
                root -= 12
            return [root, root + 7, root + 12]
        degs = list(chord.degrees)
        if v.shape == "seventh" and len(degs) == 3:
            degs.append(degs[0] + 6)
        mid = v.low + spread * (v.high - v.low)
        target = 0.5 * self.voicing.get(v.name, mid) + 0.5 * mid
        best: list[int] = []
        for inv in range(len(degs)):
            ds = [*degs[inv:], *(d + 7 for d in degs[:inv])]
            ps = [degree_to_pitch(d, tonic, chord.local) for d in ds]
            while ps[0] < v.low:
                ps = [p + 12 for p in ps]
            while ps[0] > v.low + 11:
                ps = [p - 12 for p in ps]
            if not best or abs(sum(ps) / len(ps) - target) < abs(sum(best) / len(best) - target):
                best = ps
        self.voicing[v.name] = sum(best) / len(best)
        return best

    def bass(
        self,
        v: Voice,
        bar0: int,
        chords: list[Chord],
        nxt: Chord,
        tonic: int,
        pat: str,
        lo: int,
        hi: int,
        e: float,
        rng: random.Random,
    ) -> None:
        onsets = [s for s in range(lo, hi) if pat[s % len(pat)] != "."]
        for j, s in enumerate(onsets):
            end = onsets[j + 1] if j + 1 < len(onsets) else hi
            chord = chords[s * len(chords) // STEPS]
            root = degree_to_pitch(chord.degrees[0], tonic, chord.local)
            while root < v.low:
                root += 12
            while root > v.low + 11:
                root -= 12
            ch = pat[s % len(pat)]
            art = None
            if ch == "A":
                after = (
                    chords[(s * len(chords) // STEPS) + 1]
                    if (s * len(chords) // STEPS) + 1 < len(chords)
                    else nxt
                )
                r2 = degree_to_pitch(after.degrees[0], tonic, after.local)
                r2 += 12 * round((root - r2) / 12)
                p = r2 - 1 if r2 <= root else r2 + 1
            elif ch == "m":
                p, art = root, 0.35
            else:
                k = {"R": 0, "O": 12, "5": 7, "3": 0, "7": 0}.get(ch, 0)
                if ch == "3":
                    k = degree_to_pitch(chord.degrees[1], tonic, chord.local) - degree_to_pitch(
                        chord.degrees[0], tonic, chord.local
                    )
                elif ch == "7":
                    k = (
                        degree_to_pitch(chord.degrees[0] + 6, tonic, chord.local)
                        - degree_to_pitch(chord.degrees[0], tonic, chord.local)
                        - 12
                    )
                p = root + k
            if p < v.low:
                p += 12
            vel = v.velocity * (0.7 + 0.35 * e) + (8 if s % 4 == 0 else 0)
            vel *= (0.7 if ch == "m" else 1.0) * rng.uniform(0.93, 1.05)
            self.emit(v, bar0 + s / 4, bar0 + end / 4, p, vel, art)

    def stab(
        self,
        v: Voice,
        bar0: int,
        chords: list[Chord],
        tonic: int,
        pat: str,
        lo: int,
        hi: int,
        e: float,
        rng: random.Random,
        spread: float,
    ) -> None:
        onsets = [s for s in range(lo, hi) if pat[s % len(pat)] != "."]
        for j, s in enumerate(onsets):
            end = onsets[j + 1] if j + 1 < len(onsets) else hi
            ch = pat[s % len(pat)]
            ps = self.chord_pitches(v, chords[s * len(chords) // STEPS], tonic, spread)
            art = None
            vel = v.velocity * (0.62 + 0.3 * e) * rng.uniform(0.93, 1.05)
            if ch == "m":
                ps, art, vel = ps[:2], 0.3, vel * 0.75
            elif ch == "b":
                ps = [p + 1 for p in ps]
            for p in ps:
                self.emit(v, bar0 + s / 4, bar0 + end / 4, p, vel, art)

    def pad(
        self,
        v: Voice,
        bar0: int,
        chords: list[Chord],
        tonic: int,
        lo: int,
        hi: int,
        e: float,
        spread: float,
    ) -> None:
        n = len(chords)
        for i, chord in enumerate(chords):
            s0 = max(lo, i * STEPS // n)
            s1 = min(hi, (i + 1) * STEPS // n)
            if s1 <= s0:
                continue
            for p in self.chord_pitches(v, chord, tonic, spread):
                self.emit(v, bar0 + s0 / 4, bar0 + s1 / 4, p, v.velocity * (0.6 + 0.3 * e), 1.0)

    def arp(
        self,
        v: Voice,
        bar0: int,
        chords: list[Chord],
        tonic: int,
        lo: int,
        hi: int,
        e: float,
        shape: str,
        spread: float,
    ) -> None:
        order = ARP_SHAPES.get(shape, ARP_SHAPES["up"])
        n = len(chords)
        step_len = 4 / v.rate  # sixteenths per arp note
        k = 0
        s = float(lo)
        seqs: dict[int, list[int]] = {}
        while s < hi - 1e-9:
            i = min(n - 1, int(s) * n // STEPS)
            if i not in seqs:  # one voicing per chord
                ps = self.chord_pitches(v, chords[i], tonic, spread)
                seqs[i] = [*ps[:3], ps[0] + 12]
            seq = seqs[i]
            p = seq[order[k % len(order)] % len(seq)]
            vel = v.velocity * (0.6 + 0.35 * e) + (10 if k % v.rate == 0 else 0)
            self.emit(v, bar0 + s / 4, bar0 + min(hi, s + step_len) / 4, p, vel)
            s += step_len
            k += 1
