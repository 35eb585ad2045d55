"""synthesize() and synthesize_blocks(): render a Piece to stereo float32 audio, in blocks.

The engine works in fixed internal chunks of CHUNK samples, whatever block size the caller
asks for, so every block size gives the same samples and `synthesize` is simply the
concatenation of `synthesize_blocks`. Notes are rendered whole (their own slices, see
voices.py) into an accumulator that holds one chunk plus the longest note; reverb and echo are
streaming convolutions; a loop's tail (releases, reverb) is rendered first from a window
before its end and added onto its start. Memory is bounded by the chunk, the longest note and
the reverb, not by the piece's length.

Level: no normalisation (it would need the whole track). The mix is scaled by a fixed
OUTPUT_GAIN times the style's trim (LEVEL_TRIM_DB), then a memoryless soft clip keeps every
sample under 0.9. The same piece always gives the same samples.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

from gamemusic import fastscipy
from gamemusic.music.compose import Piece
from gamemusic.music.drums import LEVEL, PAN, drum_hit
from gamemusic.music.effects import (
    DECIMATE,
    FIR_TAPS,
    Reverb,
    add_vinyl,
    fade_gain,
    impulse_response,
    soft_clip_gains,
)
from gamemusic.music.form import tail_seconds
from gamemusic.music.parts import Note
from gamemusic.music.theory import midi_to_hz
from gamemusic.music.voices import NoteSynth

saxpy = fastscipy.saxpy()

CHUNK = 1 << 16  # internal block in samples (a multiple of DECIMATE)
OUTPUT_GAIN = 0.55  # the mix's fixed level before the soft clip
TARGET_LUFS = -16.0
# Per-style trims (dB) that put each style near TARGET_LUFS integrated (measured on 40 s of
# seeds 1 and 2; `python benchmarks/music_bench.py --levels` prints them again).
LEVEL_TRIM_DB: dict[str, float] = {
    "chiptune": -0.1,
    "16bit": 1.2,
    "boss": 0.5,
    "rpg": -0.2,
    "dungeon": 0.8,
    "synthwave": 1.7,
    "lofi": 3.6,
    "platformer": 2.3,
    "racing": 1.3,
}
VINYL_LEVEL = 0.35  # vinyl noise, relative to a full-scale mix, per unit of Style.vinyl

__all__ = ["CHUNK", "synthesize", "synthesize_blocks"]


def _pan(p: float) -> tuple[float, float]:
    """Constant-power pan gains (left, right) for p in -1..1."""
    a = (p + 1) * math.pi / 4
    return math.cos(a) * math.sqrt(2), math.sin(a) * math.sqrt(2)


class Engine:
    """Raw (pre-level, pre-clip) bus signals of a piece, chunk by chunk.

    bus_of: voice name -> bus index (all voices on bus 0 when None); `vinyl_bus` takes the
    vinyl noise. Each bus has its own reverb, so buses sum to the one-bus mix.
    chunks(first, last) yields (buses, 2, CHUNK) float32 arrays (channel-major) for the
    chunks of samples [first * CHUNK, last * CHUNK); past the piece's end they hold the
    ring-out."""

    def __init__(
        self,
        piece: Piece,
        sr: int,
        bus_of: dict[str, int] | None = None,
        vinyl_bus: int = 0,
        synth: NoteSynth | None = None,
    ) -> None:
        self.piece, self.sr = piece, sr
        st = piece.style
        self.voices = {v.name: v for v in st.voices}
        self.bus_of = bus_of or {}
        self.buses = 1 + max([vinyl_bus, *self.bus_of.values()])
        self.vinyl_bus = vinyl_bus
        self.n = round(piece.duration_s * sr)
        self.synth = synth or NoteSynth(sr)  # its caches never change what a note sounds like
        self.notes = sorted(piece.notes, key=lambda nt: nt.start_s)
        self.starts = [round(nt.start_s * sr) for nt in self.notes]
        self.lengths = [self._length(nt) for nt in self.notes]
        self.maxlen = max([n for _, n in self.lengths] + [1])
        for nt, (_, n) in zip(self.notes, self.lengths, strict=True):
            timbre = self.voices[nt.voice].timbre
            if timbre is not None and not nt.glide:
                self.synth.expect(timbre, midi_to_hz(nt.pitch), n)
        self.echo_s = st.echo_beats * 60.0 / piece.bpm
        ir = impulse_response(sr / DECIMATE, st.reverb_s, self.echo_s)
        self.ring = ir.shape[1] * DECIMATE + 2 * FIR_TAPS  # samples the reverb rings on
        self.vinyl = st.vinyl > 0
        self._route()

    def _route(self) -> None:
        """Per note its gain, destination ((bus, left, right, send) gains) and drum hit."""
        pans = {v.name: _pan(v.pan) for v in self.piece.style.voices}
        self.gains: list[float] = []
        self.dests: list[tuple[int, float, float, float]] = []
        self.hits: list[np.ndarray | None] = []  # a drum note's samples, None for a tone
        for nt in self.notes:
            v = self.voices[nt.voice]
            vel = (nt.velocity / 127) ** 1.5
            self.hits.append(drum_hit(v.kit, nt.pitch, self.sr) if v.role == "drums" else None)
            if v.role == "drums":
                self.gains.append(v.gain * LEVEL.get(nt.pitch, 0.7) * vel)
                gl, gr = _pan(PAN.get(nt.pitch, 0.0))
            else:
                self.gains.append(v.gain * vel)
                gl, gr = pans[v.name]
            self.dests.append((self.bus_of.get(nt.voice, 0), gl, gr, v.send))

    def _length(self, note: Note) -> tuple[int, int]:
        """(samples on, samples rendered) of a note."""
        v = self.voices[note.voice]
        if v.role == "drums":
            n = len(drum_hit(v.kit, note.pitch, self.sr))
            return n, n
        assert v.timbre is not None
        n_on = max(1, round(note.dur_s * self.sr))
        return n_on, n_on + round(v.timbre.release_s * self.sr)

    def chunks(self, first: int, last: int) -> Iterator[np.ndarray]:
        sr, buses = self.sr, self.buses
        cap = 4 * CHUNK + 2 * self.maxlen  # >= origin + CHUNK + maxlen: one shift per few chunks
        acc = np.zeros((buses, 2, cap), dtype=np.float32)
        send = np.zeros((buses, cap), dtype=np.float32)
        st = self.piece.style
        reverbs = [Reverb(sr, CHUNK, st.reverb_s, self.echo_s, st.reverb_wet) for _ in range(buses)]
        origin, base = 0, first * CHUNK  # acc[:, :, origin] is sample `base` of the piece
        lead_in = self.maxlen  # notes that start this long before `first` still sound in it
        i = int(np.searchsorted(self.starts, base - lead_in))
        for c in range(first, last):
            end = (c + 1) * CHUNK
            while i < len(self.notes) and self.starts[i] < end:
                if self.starts[i] + self.lengths[i][1] > base:
                    self._add(i, self.starts[i] - base + origin, acc, send, origin)
                i += 1
            span = slice(origin, origin + CHUNK)
            out = np.empty((buses, 2, CHUNK), dtype=np.float32)
            for b in range(buses):
                np.add(acc[b, :, span], reverbs[b].process(send[b, span]), out=out[b])
            if self.vinyl:
                add_vinyl(out[self.vinyl_bus], c * CHUNK, sr, VINYL_LEVEL * st.vinyl)
            acc[:, :, span] = 0.0
            send[:, span] = 0.0
            origin += CHUNK
            base += CHUNK
            if origin + CHUNK + self.maxlen > cap:  # only [origin, origin + maxlen) holds notes
                for buf in (acc, send):
                    buf[..., : self.maxlen] = buf[..., origin : origin + self.maxlen]
                    buf[..., origin : origin + self.maxlen] = 0.0
                origin = 0
            yield out

    def _add(self, i: int, at: int, acc: np.ndarray, send: np.ndarray, origin: int) -> None:
        """Render note i into the accumulator at index `at` (< origin for a note that began
        before the first chunk: only its part from `origin` on is added)."""
        sig = self.hits[i]
        if sig is None:
            note = self.notes[i]
            timbre = self.voices[note.voice].timbre
            assert timbre is not None
            n_on, n = self.lengths[i]
            sig = self.synth.tone(timbre, note, n_on, n, self.starts[i])
        if at < origin:
            sig = sig[origin - at :]
            at = origin
        n = len(sig)
        gain = self.gains[i]
        b, gl, gr, gs = self.dests[i]
        saxpy(sig, acc[b, 0], n=n, a=gain * gl, offy=at)
        saxpy(sig, acc[b, 1], n=n, a=gain * gr, offy=at)
        if gs > 0:
            saxpy(sig, send[b], n=n, a=gain * gs, offy=at)


def output_gain(piece: Piece) -> float:
    """The fixed gain from raw engine units to output samples for this piece's style."""
    return OUTPUT_GAIN * 10 ** (LEVEL_TRIM_DB.get(piece.style.id, 0.0) / 20)


def _level_curve(piece: Piece, sr: int, start: int, length: int) -> np.ndarray | None:
    """Output gain times fades for samples start..start+length, shape (length,), or None
    where it is the constant output gain."""
    n = round(piece.duration_s * sr)
    g = output_gain(piece)
    curve: np.ndarray | None = None
    if piece.ending != "loop":
        fade_in = int(0.004 * sr)
        if start < fade_in:
            curve = np.ones(length, dtype=np.float32)
            k = min(length, fade_in - start)
            curve[:k] = (np.arange(start, start + k) / fade_in).astype(np.float32)
        if piece.ending == "fade":
            f0 = n - round(min(max(2.0, 0.2 * piece.duration_s), 6.0, piece.duration_s) * sr)
            shape = "cos"
        else:
            final_s = piece.sections[-1].end_beat * piece.grid.beat_s
            tail = piece.duration_s - final_s
            f0 = round((final_s + min(0.35 * tail, 0.6 * tail_seconds(piece.bpm))) * sr)
            shape = "cube"
        if start + length > f0:
            fg = fade_gain(start, length, f0, n - 1, shape)
            curve = fg if curve is None else curve * fg
    if curve is None:
        return None
    curve *= np.float32(g)
    return curve


def leveled_chunks(piece: Piece, sr: int, engine: Engine) -> Iterator[np.ndarray]:
    """(buses, 2, m) float32 output chunks: level, fades, loop wrap and soft clip applied,
    the clip's gain computed on the buses' sum and applied to each bus (so they still sum to
    the mix). The last chunk is cut at the piece's length."""
    n = engine.n
    total = -(-n // CHUNK)
    wrap = _loop_tail(piece, sr, engine) if piece.ending == "loop" else None
    g = np.float32(output_gain(piece))
    for c, raw in enumerate(engine.chunks(0, total)):
        start = c * CHUNK
        m = min(CHUNK, n - start)
        raw = raw[:, :, :m]
        if wrap is not None and start < wrap.shape[-1]:
            k = min(m, wrap.shape[-1] - start)
            raw[:, :, :k] += wrap[:, :, start : start + k]
        curve = _level_curve(piece, sr, start, m)
        if curve is None:
            raw *= g
        else:
            raw *= curve
        mix = raw[0] if engine.buses == 1 else raw.sum(axis=0)
        for ch, (idx, gains) in enumerate(soft_clip_gains(mix)):
            if len(idx):
                raw[:, ch, idx] *= gains
        yield raw


def _loop_tail(piece: Piece, sr: int, main: Engine) -> np.ndarray:
    """What sounds past a loop's end (releases, reverb, echoes), folded onto its first
    samples: shape (buses, 2, min(n, tail)) float32, rendered from a window before the end."""
    n = main.n
    tail = main.maxlen + main.ring
    first = max(0, (n - tail - main.maxlen) // CHUNK)
    last = -(-(n + tail) // CHUNK)
    engine = Engine(piece, sr, main.bus_of, main.vinyl_bus, main.synth)
    engine.buses, engine.vinyl = main.buses, False  # the vinyl loops by itself: no tail
    ring = np.concatenate(list(engine.chunks(first, last)), axis=-1)[:, :, n - first * CHUNK :]
    folded = np.zeros((main.buses, 2, min(n, ring.shape[-1])), dtype=np.float32)
    for k in range(0, ring.shape[-1], n):
        part = ring[:, :, k : k + n]
        folded[:, :, : part.shape[-1]] += part
    return folded


def interleave(x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """(2, m) channel-major -> C-contiguous (m, 2), into `out` if given (two strided copies,
    several times faster than copying a transposed view)."""
    if out is None:
        out = np.empty((x.shape[1], 2), dtype=np.float32)
    flat = out.reshape(-1)
    flat[0::2] = x[0]
    flat[1::2] = x[1]
    return out


def _rechunk(chunks: Iterator[np.ndarray], size: int) -> Iterator[np.ndarray]:
    """(m, 2) pieces regrouped into C-contiguous (size, 2) blocks (the last one shorter)."""
    pending: list[np.ndarray] = []
    have = 0
    for part in chunks:
        pending.append(part)
        have += len(part)
        while have >= size:
            joined = np.concatenate(pending) if len(pending) > 1 else pending[0]
            yield np.ascontiguousarray(joined[:size])
            rest = joined[size:]
            pending, have = ([rest] if len(rest) else []), len(rest)
    if have:
        yield np.ascontiguousarray(np.concatenate(pending))


def _check_sr(sr: int) -> int:
    if sr < 8000:
        raise ValueError("sample rate must be at least 8000 Hz")
    return int(sr)


def synthesize_blocks(piece: Piece, sr: int = 48000, block_s: float = 1.0) -> Iterator[np.ndarray]:
    """Render `piece` as C-contiguous (n_i, 2) float32 blocks of round(block_s * sr) samples
    (the last one shorter), in order; their concatenation is `synthesize(piece, sr)` for any
    block_s. Memory stays bounded whatever the piece's length; peaks stay under 0.9."""
    sr = _check_sr(sr)
    size = max(1, round(block_s * sr))
    engine = Engine(piece, sr)
    stereo = (interleave(c[0]) for c in leveled_chunks(piece, sr, engine))
    return _rechunk(stereo, size)


def synthesize(piece: Piece, sr: int = 48000) -> np.ndarray:
    """Render `piece` as stereo audio, shape (round(duration_s * sr), 2) float32.

    Peaks stay under 0.9 (fixed output level and a soft clip, no normalisation); the first
    and last samples are silent unless the piece loops; the same piece always gives the same
    samples, equal to the concatenation of `synthesize_blocks`. The array is the transpose of
    channel-major memory (no interleaving copy); np.ascontiguousarray gives interleaved bytes."""
    sr = _check_sr(sr)
    engine = Engine(piece, sr)
    out = np.empty((2, engine.n), dtype=np.float32)
    for c, chunk in enumerate(leveled_chunks(piece, sr, engine)):
        out[:, c * CHUNK : c * CHUNK + chunk.shape[-1]] = chunk[0]
    return out.T
