"""One pitched note as samples: wavetables tiled or looked up, brightness sweep, NES duty
frames, vibrato, glide, unison, breath noise and the (optionally 4-bit stepped) envelope.

Constant-pitch notes tile cached band-limited tables (tables.py). A vibrato or gliding note
reads one band-limited cycle at a phase-accumulated position (linear interpolation); the
phase per hertz is cached per (vibrato, glide), so a note costs a multiply and two gathers,
and the attack tone's difference is read at the same positions. Every note of a (timbre,
pitch) slices one cached body of its oscillators. All work is on the note's own slice.
"""

from __future__ import annotations

import math

import numpy as np

from gamemusic.music.parts import Note
from gamemusic.music.spec import Timbre
from gamemusic.music.tables import Shape, cycle, fill, played_hz, shape_of, sweep_steps, table
from gamemusic.music.theory import midi_to_hz

BODY_S = 6.0  # notes up to this long slice a cached body
CACHE_BYTES = 24 << 20  # for each of the two caches (bodies, finished notes)
NOTE_CACHE_MAX = 288000  # samples (BODY_S at 48 kHz): longer finished notes are not kept
FRAME_HZ = 60.0  # NES frame rate: duty and volume steps change once per frame
VIBRATO_RAMP_S = 0.12


def _interp(
    base: np.ndarray, slope: np.ndarray, idx: np.ndarray, frac: np.ndarray, out: np.ndarray
) -> np.ndarray:
    """Linear interpolation out = base[idx] + frac * slope[idx] (all (n,); out float32)."""
    np.take(base, idx, out=out)
    tmp = np.take(slope, idx)
    tmp *= frac
    out += tmp
    return out


class NoteSynth:
    """Renders notes of any timbre at one sample rate; caches are bounded by the number of
    distinct (timbre, pitch) pairs, never by the piece's length."""

    def __init__(self, sr: int) -> None:
        self.sr = sr
        self.frame = max(1, round(sr / FRAME_HZ))
        self._ads: dict[int, np.ndarray] = {}  # by id(timbre): a piece's timbres outlive us
        self._bright: dict[float, np.ndarray] = {}
        self._units: dict[tuple[float, float, float], np.ndarray] = {}
        self._bends: dict[tuple[float, float, float, float, int], np.ndarray] = {}
        self._cycles: dict[tuple[Shape, float, float], tuple[np.ndarray, np.ndarray]] = {}
        self._cycle_diffs: dict[
            tuple[Shape, Shape, float, float], tuple[np.ndarray, np.ndarray]
        ] = {}
        self._diffs: dict[tuple[Shape, Shape, float], np.ndarray] = {}
        self._noise: np.ndarray | None = None
        self._raw: dict[tuple[int, float], np.ndarray] = {}  # (id(timbre), hz)
        self._raw_bytes = 0
        self._want: dict[tuple[int, float], int] = {}  # (id(timbre), hz) -> longest note
        self._notes: dict[tuple[int, int, int, int, int], np.ndarray] = {}
        self._note_bytes = 0
        self._release: dict[int, np.ndarray] = {}
        self.bufs = [np.empty(0, dtype=np.float32) for _ in range(5)]
        self.buf64 = np.empty(0, dtype=np.float64)

    def scratch(self, n: int, which: int) -> np.ndarray:
        if len(self.bufs[which]) < n:
            self.bufs[which] = np.empty(max(n, 2 * len(self.bufs[which])), dtype=np.float32)
        return self.bufs[which][:n]

    def scratch64(self, n: int) -> np.ndarray:
        if len(self.buf64) < n:
            self.buf64 = np.empty(max(n, 2 * len(self.buf64)), dtype=np.float64)
        return self.buf64[:n]

    # --- envelopes -----------------------------------------------------------------------
    def ads(self, tb: Timbre, n: int) -> np.ndarray:
        """Attack-decay-sustain curve of at least n samples (cached, grown on demand)."""
        env = self._ads.get(id(tb))
        if env is None or len(env) < n:
            length = max(n, int(0.5 * self.sr), 2 * (0 if env is None else len(env)))
            t = np.arange(length, dtype=np.float64) / self.sr
            att = max(tb.attack_s, 0.002)
            env = tb.sustain + (1 - tb.sustain) * np.exp(-np.maximum(t - att, 0) / tb.decay_s)
            env *= np.minimum(t / att, 1.0)
            if tb.steps:
                env = self._stepped(env, tb.steps)
            env = env.astype(np.float32)
            self._ads[id(tb)] = env
        return env

    def _stepped(self, env: np.ndarray, steps: int) -> np.ndarray:
        """Hold each 60 Hz frame at its last value, rounded up to 1/steps (the NES volume register)."""
        f = self.frame
        n = len(env)
        ends = env[np.minimum(np.arange(f - 1, n + f - 1, f), n - 1)]  # each frame's last value
        held = np.ceil(ends * steps - 1e-6) / steps
        return np.repeat(held, f)[:n].astype(env.dtype)

    def envelope(self, tb: Timbre, n_on: int, n: int) -> np.ndarray:
        """(n,) float32 scratch: ADS for n_on samples, then a linear release to 0."""
        env = self.scratch(n, 2)
        k = min(n, n_on)
        env[:k] = self.ads(tb, k)[:k]
        if n > n_on:
            ramp = self._release.get(id(tb))
            if ramp is None or len(ramp) != n - n_on:
                ramp = np.linspace(1.0, 0.0, n - n_on + 1, dtype=np.float32)[1:]
                self._release[id(tb)] = ramp
            tail = env[n_on:]
            np.multiply(ramp, env[n_on - 1], out=tail)
            if tb.steps:
                tail[:] = self._stepped(tail, tb.steps)
        else:
            k = min(n, max(2, int(0.004 * self.sr)))
            env[n - k :] *= np.linspace(1.0, 0.0, k, dtype=np.float32)
        return env

    def bright(self, tau: float) -> np.ndarray:
        """exp(-t / tau) until it is negligible, shape (6 tau sr,) float32."""
        env = self._bright.get(tau)
        if env is None:
            length = max(1, int(6 * tau * self.sr))
            env = np.exp(-np.arange(length, dtype=np.float32) / np.float32(tau * self.sr))
            self._bright[tau] = env
        return env

    # --- sources -------------------------------------------------------------------------
    def _vibrato(self, tb: Timbre, length: int) -> np.ndarray:
        """Instantaneous frequency per hertz of the played pitch, shape (length,) float64:
        1, then the delayed vibrato faded in. Pitch offsets are small, so 2^(c / 1200) is
        taken to first order (error < 0.2 cent)."""
        freq = np.ones(length)
        k = min(length, max(0, int(tb.vibrato_delay_s * self.sr)))
        if tb.vibrato_cents and k < length:
            tv = np.arange(k, length, dtype=np.float64) / self.sr
            depth = np.minimum((tv - tb.vibrato_delay_s) / VIBRATO_RAMP_S, 1.0)
            depth *= np.sin(2 * np.pi * tb.vibrato_hz * tv)
            freq[k:] += (tb.vibrato_cents * math.log(2) / 1200) * depth
        return freq

    def _unit_phase(self, tb: Timbre, n: int) -> np.ndarray:
        """Phase in cycles per hertz of the played pitch from the note's start, shape (>= n,)
        float64: a note at f0 has phase f0 times it. Cached per vibrato, so all pitches and
        unison copies share it."""
        key = (tb.vibrato_cents, tb.vibrato_hz, tb.vibrato_delay_s)
        unit = self._units.get(key)
        if unit is not None and len(unit) >= n:
            return unit
        length = max(n, self.sr, 0 if unit is None else 2 * len(unit))
        unit = np.cumsum(self._vibrato(tb, length))
        unit -= unit[0]
        unit /= self.sr
        if length <= BODY_S * self.sr:
            self._units[key] = unit
        return unit

    def _bend(self, tb: Timbre, glide: int) -> np.ndarray:
        """Phase per hertz that a glide in from `glide` semitones adds to _unit_phase, shape
        (glide_s sr + 1,) float64; constant (its last value) after that. The bend is exact."""
        key = (tb.vibrato_cents, tb.vibrato_hz, tb.vibrato_delay_s, tb.glide_s, glide)
        bend = self._bends.get(key)
        if bend is None:
            k = int(tb.glide_s * self.sr) + 1
            x = 1.0 - np.arange(k, dtype=np.float64) / self.sr / tb.glide_s
            extra = self._vibrato(tb, k) * (np.exp2(glide * x * x / 12.0) - 1.0)
            bend = np.cumsum(extra)
            bend -= extra[0]
            bend /= self.sr
            self._bends[key] = bend
        return bend

    def _slopes(self, s: Shape, f0: float, head: float) -> tuple[np.ndarray, np.ndarray]:
        """One band-limited cycle of s (tables.cycle) as (samples, slopes), each (size,)
        float32, size a power of two: sample i + x reads samples[i] + x slopes[i]."""
        key = (s, f0, head)
        pair = self._cycles.get(key)
        if pair is None:
            one = cycle(s, f0, self.sr, head)
            pair = one[:-1], np.diff(one)
            self._cycles[key] = pair
        return pair

    def _swept_diff(self, tb: Timbre, f0: float, head: float) -> tuple[np.ndarray, np.ndarray]:
        """_slopes of the attack tone minus the sustained tone (same size, same phase)."""
        key = (shape_of(tb), shape_of(tb, 1.0), f0, head)
        pair = self._cycle_diffs.get(key)
        if pair is None:
            lo, dlo = self._slopes(shape_of(tb), f0, head)
            hi, dhi = self._slopes(shape_of(tb, 1.0), f0, head)
            pair = hi - lo, dhi - dlo
            self._cycle_diffs[key] = pair
        return pair

    def _looked_up(self, out: np.ndarray, tb: Timbre, f0: float, glide: int) -> None:
        """Phase-accumulated rendering of the note (vibrato, glide) into out, shape (n,):
        linear interpolation in one cycle, plus the attack tone's difference faded by the
        brightness envelope, both read at the same positions."""
        n = len(out)
        head = 2.0 ** (max(0, -glide) / 12) * 1.03  # band-limit for the glide's top pitch
        base, slope = self._slopes(shape_of(tb), f0, head)
        size = len(base)
        scale = f0 * size  # phase per hertz -> position in the cycle
        pos = np.multiply(self._unit_phase(tb, n)[:n], scale, out=self.scratch64(n))
        if glide:  # starts at pitch + glide
            bend = self._bend(tb, glide)
            k = min(n, len(bend))
            pos[:k] += bend[:k] * scale
            pos[k:] += bend[-1] * scale
        idx = pos.astype(np.int64)
        pos -= idx
        frac = self.scratch(n, 4)
        frac[:] = pos
        idx &= size - 1
        _interp(base, slope, idx, frac, out)
        if tb.attack_fm_index is not None or tb.attack_cutoff_hz is not None:
            env = self.bright(tb.bright_s)
            nb = min(n, len(env))
            dbase, dslope = self._swept_diff(tb, f0, head)
            hi = _interp(dbase, dslope, idx[:nb], frac[:nb], self.scratch(nb, 1))
            hi *= env[:nb]
            out[:nb] += hi

    def _tiled(self, out: np.ndarray, tb: Timbre, f: float, i0: int, duty: float | None) -> None:
        """Write samples i0.. of the note into out: tables, swept in `sweep_steps` stages."""
        sr, n = self.sr, len(out)
        steps = sweep_steps(tb)
        shapes = [shape_of(tb, j / (steps - 1) if steps > 1 else 0.0, duty) for j in range(steps)]
        base = table(shapes[0], f, sr)
        fill(out, base, i0)
        if steps == 1:
            return
        env = self.bright(tb.bright_s)
        if i0 >= len(env):
            return
        # stage j holds u = (steps - 1) exp(-t / tau) in [j, j + 1): T_j + (T_{j+1} - T_j)(u - j)
        tau = tb.bright_s * sr
        top = min(n, len(env) - i0)
        for j in range(steps - 1):
            lo = max(0, math.ceil(tau * math.log((steps - 1) / (j + 1))) - i0)
            hi = top if j == 0 else min(top, math.ceil(tau * math.log((steps - 1) / j)) - i0)
            if hi <= lo:
                continue
            seg = out[lo:hi]
            if j:
                fill(seg, table(shapes[j], f, sr), i0 + lo)
            extra = fill(self.scratch(hi - lo, 1), self._diff(shapes[j], shapes[j + 1], f), i0 + lo)
            u = self.scratch(hi - lo, 3)
            np.multiply(env[i0 + lo : i0 + hi], np.float32(steps - 1), out=u)
            u -= np.float32(j)
            extra *= u
            seg += extra

    def _diff(self, a: Shape, b: Shape, f: float) -> np.ndarray:
        key = (a, b, f)
        d = self._diffs.get(key)
        if d is None:
            d = table(b, f, self.sr) - table(a, f, self.sr)
            self._diffs[key] = d
        return d

    def _copy(self, out: np.ndarray, tb: Timbre, hz: float, glide: int, n_on: int) -> None:
        """One oscillator of the note (before unison and envelope) into out, shape (n,)."""
        sr, n = self.sr, len(out)
        f0 = played_hz(hz, sr)
        vib = tb.vibrato_cents > 0 and n_on > tb.vibrato_delay_s * sr
        if glide or vib:
            self._looked_up(out, tb, f0, glide)
        else:
            self._tiled(out, tb, hz, 0, None)
        if tb.duty_seq and tb.wave == "pulse" and not glide:
            for j, duty in enumerate(tb.duty_seq):
                a, b = j * self.frame, min(n, (j + 1) * self.frame)
                if a >= n:
                    break
                self._tiled(out[a:b], tb, hz, a, duty)

    def _oscillators(self, tb: Timbre, hz: float, glide: int, n_on: int, n: int) -> np.ndarray:
        """All unison copies of the note summed, times the timbre's level: shape (n,)."""
        out = np.empty(n, dtype=np.float32)
        self._copy(out, tb, hz, glide, n_on)
        level = tb.level
        if tb.detune_cents:
            cents = (tb.detune_cents, -tb.detune_cents)[: max(1, tb.unison - 1)]
            other = np.empty(n, dtype=np.float32)
            for c in cents:
                self._copy(other, tb, hz * 2 ** (c / 1200), glide, n_on)
                out += other
            level *= 0.6 if len(cents) == 1 else 0.5
        if level != 1.0:
            out *= np.float32(level)
        return out

    def expect(self, tb: Timbre, hz: float, n: int) -> None:
        """Announce a note of n samples (no glide) so its pitch's body is rendered once at the
        longest length needed instead of grown."""
        if n <= BODY_S * self.sr:
            key = (id(tb), hz)
            self._want[key] = max(n, self._want.get(key, 0))

    def raw(self, tb: Timbre, hz: float, glide: int, n_on: int, n: int) -> np.ndarray:
        """The note's oscillators before the envelope, shape (n,); do not write into it.

        Every note of a (timbre, pitch) starts at phase 0, so its samples are a prefix of one
        cached body (as long as the longest note `expect`ed, else grown by doubling from one
        second): later notes only slice it. Gliding notes and notes longer than BODY_S are
        rendered on their own; the cache holds at most CACHE_BYTES."""
        if glide or n > BODY_S * self.sr:
            return self._oscillators(tb, hz, glide, n_on, n)
        key = (id(tb), hz)
        body = self._raw.get(key)
        if body is None or len(body) < n:
            cap = round(BODY_S * self.sr)
            grown = 0 if body is None else 2 * len(body)
            length = min(cap, max(n, self._want.get(key, self.sr), grown))
            if body is not None:
                self._raw_bytes -= body.nbytes
            body = self._oscillators(tb, hz, 0, cap, length)  # n_on: as if held (vibrato)
            self._raw[key] = body
            self._raw_bytes += body.nbytes
            while self._raw_bytes > CACHE_BYTES and len(self._raw) > 1:
                old = self._raw.pop(next(iter(self._raw)))
                self._raw_bytes -= old.nbytes
        return body[:n]

    def tone(self, tb: Timbre, note: Note, n_on: int, n: int, start: int) -> np.ndarray:
        """The note's samples times its envelope, shape (n,) float32; read-only (cached per
        timbre, pitch and length, or a scratch buffer valid until the next call). `start`: its
        first sample in the piece (places the breath noise)."""
        key = (id(tb), note.pitch, note.glide, n_on, n)
        sig = self._notes.get(key)
        if sig is None:
            raw = self.raw(tb, midi_to_hz(note.pitch), note.glide, n_on, n)
            sig = raw * self.envelope(tb, n_on, n)
            if n <= NOTE_CACHE_MAX:
                self._notes[key] = sig
                self._note_bytes += sig.nbytes
                while self._note_bytes > CACHE_BYTES and len(self._notes) > 1:
                    self._note_bytes -= self._notes.pop(next(iter(self._notes))).nbytes
        if tb.breath:
            air = self._breath(n, tb.breath, start)
            air *= self.envelope(tb, n_on, n)
            air += sig
            return air
        return sig

    def _breath(self, n: int, amount: float, start: int) -> np.ndarray:
        """Band-passed noise (air) with a louder 30 ms chiff at the attack, shape (n,)."""
        if self._noise is None:
            from gamemusic.music.dsp import highpass1, lowpass1

            rng = np.random.default_rng(7)
            x = highpass1(rng.standard_normal(self.sr), 1800, self.sr)
            x = lowpass1(lowpass1(x, 6000, self.sr), 6000, self.sr)
            self._noise = (x / np.abs(x).max()).astype(np.float32)
        air = fill(self.scratch(n, 1), self._noise, start * 7)
        k = min(n, int(0.03 * self.sr))
        air[:k] *= np.linspace(3.0, 1.0, k, dtype=np.float32)
        air *= np.float32(amount)
        return air
