"""Measure audio in a stream of blocks: BS.1770 loudness, short-term level and true peak.

Blocks are (samples, 2) float32 at 48 kHz, of any length. A `Meter` keeps only its small
per-hop and per-frame results (a few bytes per 10 ms), so it can follow hours of audio:

- K-weighted mean-square per 100 ms hop (a 400 ms gating block is 4 hops), the K-weighting
  applied in the frequency domain of each hop; integrated loudness is gated from those;
- per 10 ms frame: mean-square of the mono sum (ducking, intensity) and the sample peak;
- optionally the true peak (4x band-limited interpolation), computed only where the sample
  peak comes near the level that matters.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

import numpy as np

SR = 48000
HOP = 4800  # 100 ms loudness hops
FRAME = 480  # 10 ms level frames
HOP_S = HOP / SR
FRAME_S = FRAME / SR
TP_BLOCK = 64  # true-peak evaluation block
_CTX = 32  # samples of context each side for the interpolation
SILENT_LUFS = -60.0

# BS.1770 K-weighting at 48 kHz: high shelf then high pass (biquad coefficients b, a).
_K_STAGES = (
    (
        (1.53512485958697, -2.69169618940638, 1.19839281085285),
        (1.0, -1.69065929318241, 0.73248077421585),
    ),
    ((1.0, -2.0, 1.0), (1.0, -1.99004745483398, 0.99007225036621)),
)


def fft() -> ModuleType:
    """scipy's FFT, loaded on first use so that start-up does not wait for it."""
    from gamemusic import fastscipy

    return fastscipy


def _k_weight_power(band_hz: float | None = None) -> np.ndarray:
    """|H(f)|^2 of the K-weighting on the rfft bins of a hop, with the one-sided factor;
    zero above `band_hz` when given (what a codec's low-pass will leave)."""
    z = np.exp(-1j * np.pi * np.arange(HOP // 2 + 1) / (HOP // 2))
    h = np.ones_like(z)
    for b, a in _K_STAGES:
        h *= (b[0] + b[1] * z + b[2] * z**2) / (a[0] + a[1] * z + a[2] * z**2)
    w = np.abs(h) ** 2
    w[1:-1] *= 2  # one-sided spectrum: every bin but DC and Nyquist stands for two
    if band_hz is not None:
        w[np.arange(len(w)) * (SR / HOP) > band_hz] = 0.0
    return (w / HOP**2).astype(np.float32)


_KW = _k_weight_power()
# Our AAC encoding (media/aac.py) keeps 0-20.2 kHz (measured on white noise): the mix is
# planned on what survives it, or full-band noise bursts come out over 1 LU quieter.
CODEC_BAND_HZ = 20250.0
_KW_CODEC = _k_weight_power(CODEC_BAND_HZ)


def hop_powers(x: np.ndarray, kw: np.ndarray = _KW) -> np.ndarray:
    """K-weighted mean-square, summed over channels, of each whole hop of (n, 2) x: (hops,)."""
    hops = len(x) // HOP
    if hops == 0:
        return np.zeros(0, np.float32)
    planar = np.ascontiguousarray(x[: hops * HOP].T).reshape(2, hops, HOP)
    spec = fft().rfft(planar, axis=2)
    power = spec.real**2 + spec.imag**2  # (2, hops, bins)
    return ((power[0] + power[1]) @ kw).astype(np.float32)


def gated_lufs(hop_power: np.ndarray) -> float:
    """BS.1770 gated integrated loudness from 100 ms hop powers."""
    if len(hop_power) < 4:
        mean = float(hop_power.mean()) if len(hop_power) else 0.0
        return -0.691 + 10 * np.log10(mean) if mean > 0 else -70.0
    c = np.concatenate([[0.0], np.cumsum(hop_power, dtype=np.float64)])
    z = (c[4:] - c[:-4]) / 4
    z = z[z > 10 ** ((-70.0 + 0.691) / 10)]
    if not len(z):
        return -70.0
    relative = 10 ** ((-0.691 + 10 * np.log10(z.mean()) - 10.0 + 0.691) / 10)
    z = z[z > relative]
    return float(-0.691 + 10 * np.log10(z.mean())) if len(z) else -70.0


def _upsampled_max(x: np.ndarray, starts: np.ndarray, factor: int = 4) -> np.ndarray:
    """Max |x| of the 4x band-limited interpolation over x[s : s + TP_BLOCK] for each start
    s (needs _CTX samples of x on both sides): (len(starts),)."""
    width = TP_BLOCK + 2 * _CTX
    idx = (starts - _CTX)[:, None] + np.arange(width)[None, :]
    taper = np.ones(width, np.float32)
    ramp = np.sin(np.linspace(0, np.pi / 2, _CTX, dtype=np.float32)) ** 2
    taper[:_CTX], taper[-_CTX:] = ramp, ramp[::-1]  # flat over the block itself
    segs = x[idx] * taper[None, :, None]  # (blocks, width, 2)
    sfft = fft()
    up = sfft.irfft(sfft.rfft(segs, axis=1), n=width * factor, axis=1) * factor
    return np.abs(up[:, factor * _CTX : factor * (_CTX + TP_BLOCK)]).max(axis=(1, 2))


def block_peaks(x: np.ndarray, first: int, count: int, near: float) -> np.ndarray:
    """Peaks of `count` TP_BLOCK-sample blocks of (n, 2) x starting at sample `first`
    (x holds _CTX samples of context around them): the sample peak, or the true peak for
    blocks whose sample peak exceeds `near`. (count,) float32."""
    body = np.abs(x[first : first + count * TP_BLOCK]).reshape(count, TP_BLOCK * 2)
    peaks = body.max(axis=1)
    hot = np.flatnonzero(peaks > near)
    if len(hot):
        peaks[hot] = np.maximum(peaks[hot], _upsampled_max(x, first + hot * TP_BLOCK))
    return peaks


def true_peak(audio: np.ndarray) -> float:
    """Linear true peak of (samples, 2) audio: max of the 4x band-limited interpolation."""
    if not len(audio):
        return 0.0
    count = -(-len(audio) // TP_BLOCK)
    x = np.zeros((count * TP_BLOCK + 2 * _CTX, 2), np.float32)
    x[_CTX : _CTX + len(audio)] = audio
    return float(block_peaks(x, _CTX, count, near=0.0).max())


@dataclass
class Measured:
    """What a Meter found in n samples: hop_power (hops,) K-weighted mean-square per 100 ms;
    frame_power and frame_peak (frames,) per 10 ms (mono mean-square, sample peak over both
    channels; the last frame may be partial); true_peak linear (0 when not measured)."""

    n: int
    hop_power: np.ndarray
    frame_power: np.ndarray
    frame_peak: np.ndarray
    true_peak: float = 0.0
    short_power: float = 0.0  # mean K-weighted power of a clip under 400 ms

    @property
    def lufs(self) -> float:
        if len(self.hop_power) < 4:
            p = self.short_power
            return -0.691 + 10 * np.log10(p) if p > 0 else -70.0
        return gated_lufs(self.hop_power)

    @property
    def hop_db(self) -> np.ndarray:
        """Momentary loudness of each 100 ms hop, LUFS: (hops,) float32."""
        return (-0.691 + 10 * np.log10(np.maximum(self.hop_power, 1e-12))).astype(np.float32)

    @property
    def peak_dbtp(self) -> float:
        return float(20 * np.log10(max(self.true_peak, 1e-9)))


class Meter:
    """Feed (n, 2) float32 blocks in order, then `finish()`. With `true_peak_near`, the true
    peak is measured on 64-sample blocks whose sample peak exceeds it (0 = everywhere). With
    `codec_band`, loudness counts only what the AAC encoder keeps (0-20.2 kHz)."""

    def __init__(self, *, true_peak_near: float | None = None, codec_band: bool = False) -> None:
        self._kw = _KW_CODEC if codec_band else _KW
        self._rest = np.zeros((0, 2), np.float32)
        self._hops: list[np.ndarray] = []
        self._power: list[np.ndarray] = []
        self._peak: list[np.ndarray] = []
        self._near = true_peak_near
        self._tp_buf = np.zeros((_CTX, 2), np.float32)  # context before the next tp block
        self.true_peak = 0.0
        self.n = 0

    def feed(self, block: np.ndarray) -> None:
        self.n += len(block)
        if self._near is not None:
            self._feed_tp(block)
        x = np.concatenate([self._rest, block]) if len(self._rest) else block
        whole = len(x) // HOP * HOP
        if whole:
            self._measure(x[:whole])
        self._rest = np.array(x[whole:], np.float32)

    def _measure(self, x: np.ndarray) -> None:
        self._hops.append(hop_powers(x, self._kw))
        frames = len(x) // FRAME
        mono = ((x[:, 0] + x[:, 1]) * np.float32(0.5)).reshape(frames, FRAME)
        self._power.append(np.einsum("ij,ij->i", mono, mono) / np.float32(FRAME))
        self._peak.append(np.abs(x).reshape(frames, 2 * FRAME).max(axis=1))

    def _feed_tp(self, block: np.ndarray) -> None:
        y = np.concatenate([self._tp_buf, block])
        count = (len(y) - 2 * _CTX) // TP_BLOCK
        if count > 0:
            peaks = block_peaks(y, _CTX, count, self._near or 0.0)
            self.true_peak = max(self.true_peak, float(peaks.max()))
            y = y[count * TP_BLOCK :]
        self._tp_buf = np.array(y, np.float32)

    def finish(self) -> Measured:
        short = 0.0
        if self._near is not None:
            self._feed_tp(np.zeros((TP_BLOCK + 2 * _CTX, 2), np.float32))
        rest = self._rest
        hops = sum(len(h) for h in self._hops)
        if len(rest):
            frames = -(-len(rest) // FRAME)
            padded = np.zeros((frames * FRAME, 2), np.float32)
            padded[: len(rest)] = rest
            f = padded.reshape(frames, FRAME, 2)
            mono = f.sum(axis=2) * np.float32(0.5)
            self._power.append((mono * mono).mean(axis=1))
            self._peak.append(np.abs(f).reshape(frames, -1).max(axis=1))
            if hops < 4:  # too short to gate: ungated loudness of everything
                tail = np.zeros((HOP, 2), np.float32)
                tail[: len(rest)] = rest
                tail_power = float(hop_powers(tail, self._kw)[0]) * HOP / len(rest)
                whole = float(sum(h.sum() for h in self._hops))
                short = (whole * HOP + tail_power * len(rest)) / (hops * HOP + len(rest))
        elif 0 < hops < 4:
            short = float(np.concatenate(self._hops).mean())

        def cat(parts: list[np.ndarray]) -> np.ndarray:
            return np.concatenate(parts).astype(np.float32) if parts else np.zeros(0, np.float32)

        return Measured(
            n=self.n,
            hop_power=cat(self._hops),
            frame_power=cat(self._power),
            frame_peak=cat(self._peak),
            true_peak=self.true_peak,
            short_power=short,
        )


def measure(audio: np.ndarray, *, true_peak_near: float | None = None) -> Measured:
    """A Meter over one (samples, 2) array."""
    meter = Meter(true_peak_near=true_peak_near)
    meter.feed(np.ascontiguousarray(audio, dtype=np.float32))
    return meter.finish()


def integrated_lufs(audio: np.ndarray) -> float:
    """Integrated loudness (BS.1770, gated) of (samples, 2) float audio at 48 kHz."""
    return measure(audio).lufs
