"""synthesize(): render a Piece to stereo float32 audio with numpy.

Per note: slice a cached, tiled band-limited wavetable (tables.py), multiply by a cached
envelope, and add it into the stereo mix and the reverb send with BLAS axpy (one fused pass
each). No per-sample Python loops and no whole-track buffers per voice: the mix is (2, N),
plus one mono reverb send.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.linalg.blas import saxpy

from gamemusic.music.compose import Piece
from gamemusic.music.drums import LEVEL, PAN, drum_hit
from gamemusic.music.effects import add_reverb, add_vinyl, fade, fade_in, peak, to_interleaved
from gamemusic.music.form import tail_seconds
from gamemusic.music.parts import Note
from gamemusic.music.styles import Timbre, Voice
from gamemusic.music.tables import fill, table, table_shape
from gamemusic.music.theory import midi_to_hz


def _pan(p: float) -> tuple[float, float]:
    """Constant-power pan gains (left, right) for p in -1..1."""
    a = (p + 1) * math.pi / 4
    return math.cos(a) * math.sqrt(2), math.sin(a) * math.sqrt(2)


class _Envelopes:
    """ADSR (and brightness) envelopes, cached by (timbre, samples on, samples total)."""

    def __init__(self, sr: int) -> None:
        self.sr = sr
        self._amp: dict[tuple[Timbre, int, int], np.ndarray] = {}
        self._bright: dict[float, np.ndarray] = {}

    def amp(self, tb: Timbre, n_on: int, n: int) -> np.ndarray:
        """Shape (n,) float32: attack, decay to sustain, linear release after n_on."""
        key = (tb, n_on, n)
        env = self._amp.get(key)
        if env is None:
            sr = self.sr
            t = np.arange(n, dtype=np.float32) / np.float32(sr)
            att = max(tb.attack_s, 0.002)
            env = tb.sustain + (1 - tb.sustain) * np.exp(-np.maximum(t - att, 0) / tb.decay_s)
            env *= np.minimum(t / att, 1.0)
            if n > n_on:
                env[n_on:] *= np.linspace(1.0, 0.0, n - n_on, dtype=np.float32)
            else:
                k = min(n, max(2, int(0.004 * sr)))
                env[n - k :] *= np.linspace(1.0, 0.0, k, dtype=np.float32)
            env = env.astype(np.float32)
            self._amp[key] = env
        return env

    def bright(self, tau: float) -> np.ndarray:
        """exp(-t / tau) until it is negligible, shape (6 tau sr,) float32."""
        env = self._bright.get(tau)
        if env is None:
            length = max(1, int(6 * tau * self.sr))
            env = np.exp(-np.arange(length, dtype=np.float32) / np.float32(tau * self.sr))
            self._bright[tau] = env
        return env


class _Renderer:
    def __init__(self, piece: Piece, sr: int) -> None:
        self.piece, self.sr = piece, sr
        self.n = round(piece.duration_s * sr)
        self.out = np.zeros((2, self.n), dtype=np.float32)
        self.send = np.zeros(self.n, dtype=np.float32)
        self.envs = _Envelopes(sr)
        self.bufs = [np.empty(0, dtype=np.float32), np.empty(0, dtype=np.float32)]
        self.diffs: dict[tuple[Timbre, float], np.ndarray] = {}

    def scratch(self, n: int, which: int) -> np.ndarray:
        """A reusable float32 buffer of n samples (two independent ones, which = 0 or 1)."""
        if len(self.bufs[which]) < n:
            self.bufs[which] = np.empty(max(n, 2 * len(self.bufs[which])), dtype=np.float32)
        return self.bufs[which][:n]

    def mix(self, sig: np.ndarray, start: int, gain: float, pan: float, send: float) -> None:
        gl, gr = _pan(pan)
        n = len(sig)
        # BLAS axpy adds a*x into the slice in one pass, with no temporary.
        saxpy(sig, self.out[0], n=n, a=gain * gl, offy=start)
        saxpy(sig, self.out[1], n=n, a=gain * gr, offy=start)
        if send > 0:
            saxpy(sig, self.send, n=n, a=gain * send, offy=start)

    def tone(self, v: Voice, note: Note) -> None:
        tb = v.timbre
        assert tb is not None
        sr = self.sr
        start = round(note.start_s * sr)
        if start >= self.n:
            return
        n_on = max(1, round(note.dur_s * sr))
        n = min(n_on + round(tb.release_s * sr), self.n - start)
        if n <= 0:
            return
        env = self.envs.amp(tb, min(n_on, n), n)
        hz = midi_to_hz(note.pitch)
        sustain = table_shape(tb, bright=False)
        sig = fill(self.scratch(n, 0), table(sustain, hz, sr))
        if tb.attack_fm_index is not None or tb.attack_cutoff_hz is not None:
            bright = self.envs.bright(tb.bright_s)
            nb = min(n, len(bright))
            diff = self.diffs.get((tb, hz))
            if diff is None:
                diff = table(table_shape(tb, bright=True), hz, sr) - table(sustain, hz, sr)
                self.diffs[(tb, hz)] = diff
            extra = fill(self.scratch(nb, 1), diff)
            extra *= bright[:nb]
            sig[:nb] += extra
        level = tb.level
        if tb.detune_cents:
            sig += fill(self.scratch(n, 1), table(sustain, hz * 2 ** (tb.detune_cents / 1200), sr))
            level *= 0.6
        sig *= env
        gain = v.gain * level * (note.velocity / 127) ** 1.5
        self.mix(sig, start, gain, v.pan, v.send)

    def drum(self, v: Voice, note: Note) -> None:
        start = round(note.start_s * self.sr)
        hit = drum_hit(v.kit, note.pitch, self.sr)
        n = min(len(hit), self.n - start)
        if n <= 0:
            return
        gain = v.gain * LEVEL.get(note.pitch, 0.7) * (note.velocity / 127) ** 1.5
        self.mix(hit[:n], start, gain, PAN.get(note.pitch, 0.0), v.send)

    def render(self) -> np.ndarray:
        piece, st, sr = self.piece, self.piece.style, self.sr
        voices = {v.name: v for v in st.voices}
        for note in piece.notes:
            v = voices[note.voice]
            if v.role == "drums":
                self.drum(v, note)
            else:
                self.tone(v, note)
        echo_s = st.echo_beats * 60.0 / piece.bpm
        add_reverb(self.out, self.send, sr, st.reverb_s, echo_s, st.reverb_wet)
        if st.vinyl:
            add_vinyl(self.out, sr, 0.5 * st.vinyl * peak(self.out))
        fade_in(self.out, int(0.004 * sr))
        if piece.ending == "fade":
            length = min(max(2.0, 0.2 * piece.duration_s), 6.0, piece.duration_s)
            fade(self.out, self.n - round(length * sr))
        else:
            final_s = piece.sections[-1].end_beat * piece.grid.beat_s
            tail = piece.duration_s - final_s
            keep = min(0.35 * tail, 0.6 * tail_seconds(piece.bpm))
            fade(self.out, round((final_s + keep) * sr), shape="cube")
        return to_interleaved(self.out)


def synthesize(piece: Piece, sr: int = 48000) -> np.ndarray:
    """Render `piece` as stereo audio, shape (round(duration_s * sr), 2) float32.

    The peak is 0.89 (below 0.9), the first and last samples are silent, and the same piece
    always gives the same samples. The array is the transpose of channel-major memory (no
    interleaving copy); use np.ascontiguousarray if interleaved bytes are needed.
    """
    if sr < 8000:
        raise ValueError("sample rate must be at least 8000 Hz")
    return _Renderer(piece, int(sr)).render()
