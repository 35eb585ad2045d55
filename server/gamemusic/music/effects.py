"""Mix effects, all streaming (state carried from block to block): reverb with tempo echoes,
vinyl noise, fades and the output soft clip.

The reverb runs on a mono send at an eighth of the output rate: a polyphase FIR decimates it,
a uniformly partitioned FFT convolution applies the stereo response, a 96-tap polyphase FIR
brings it back. The response (diffuse tail and ping-pong echoes) is band-limited to 0.75 of
the low rate's Nyquist (2.25 kHz at 48 kHz, a dark tail as before), so its images (at 6 kHz
minus f and up) meet the interpolator's stopband (> 60 dB); the decimator's own droop is
undone in the response.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from gamemusic import fastscipy as sfft
from gamemusic.music.dsp import Decimator, Interpolator, PartitionedConvolver, kaiser_lowpass
from gamemusic.music.tables import HIGHPASS_HZ

DECIMATE = 8
DOWN_TAPS = 32  # decimation FIR: its droop is undone in the response
UP_TAPS = 96  # interpolation FIR: images of the wet signal stay under -60 dB
FIR_TAPS = DOWN_TAPS + UP_TAPS
WET_GAIN = 4.0  # the response has unit energy; this sets the wet level per unit send
CEILING = 0.9  # soft clip: no output sample reaches it
KNEE = 0.7  # soft clip: below this the output is the input


@lru_cache(maxsize=32)
def impulse_response(rate: float, decay_s: float, echo_s: float) -> np.ndarray:
    """Stereo reverb and ping-pong echo response at `rate` Hz, shape (2, n) float32.

    Decorrelated decaying noise after a 10 ms pre-delay (plus the FIRs' 2 ms), highs dying twice as fast as lows
    (RT60 = decay_s below ~1.5 kHz), plus echoes every `echo_s` seconds (0 = none)
    alternating left and right. The diffuse part has unit energy per side. Band-limited in
    the frequency domain: high-passed at HIGHPASS_HZ, gone by 0.75 of Nyquist.
    """
    n_tail = int(rate * (decay_s + 0.05))
    n = n_tail + (int(4 * echo_s * rate) + 1 if echo_s > 0 else 0)
    t = np.arange(n_tail) / rate
    rng = np.random.default_rng(int(decay_s * 1000) + int(echo_s * 1e6))
    on = t > 0.010
    low = rng.standard_normal((2, n_tail)) * np.exp(-6.9 * t / decay_s) * on
    high = rng.standard_normal((2, n_tail)) * np.exp(-13.8 * t / decay_s) * on
    size = 1 << math.ceil(math.log2(2 * n))
    f = np.fft.rfftfreq(size, 1 / rate)
    nyq = rate / 2
    split = 1.0 / np.sqrt(1.0 + (f / 1500.0) ** 4)  # |low|^2 + |high|^2 = 1
    cut = np.clip((0.75 * nyq - f) / (0.1 * nyq), 0.0, 1.0)
    cut = (0.5 - 0.5 * np.cos(np.pi * cut)) / np.sqrt(1.0 + (HIGHPASS_HZ / np.maximum(f, 1)) ** 4)
    cut /= np.maximum(_droop(size), 0.25)
    tail = sfft.rfft(low, size) * split + sfft.rfft(high, size) * np.sqrt(1 - split**2)
    tail = sfft.irfft(tail * cut, size)[:, :n_tail]
    tail /= np.sqrt((tail**2).sum(axis=1, keepdims=True))
    ir = np.zeros((2, n))
    if echo_s > 0:  # echo k: the band-limiting kernel, circularly shifted to its time
        kernel = sfft.irfft(cut * 0.8, size)
        for k in range(1, 5):
            at = int(k * echo_s * rate)
            ir[(k + 1) % 2] += 0.75 * 0.5**k * np.roll(kernel, at)[:n]
    ir[:, :n_tail] += tail
    return ir.astype(np.float32)


@lru_cache(maxsize=8)
def _droop(size: int) -> np.ndarray:
    """|response| of the decimation FIR at the bins of a `size`-point FFT at the low rate."""
    return np.abs(sfft.rfft(_fir(DOWN_TAPS), DECIMATE * size)[: size // 2 + 1])


@lru_cache(maxsize=2)
def _fir(taps: int) -> np.ndarray:
    """Low-pass at the low rate's Nyquist (Kaiser, about -63 dB stopband)."""
    return kaiser_lowpass(taps, 0.5 / DECIMATE, beta=6.0)


class Reverb:
    """Streaming stereo reverb of a mono send. process(send (B,)) -> wet (2, B) float32, B a
    multiple of DECIMATE and the same every call."""

    def __init__(self, sr: int, block: int, decay_s: float, echo_s: float, wet: float) -> None:
        ir = impulse_response(sr / DECIMATE, decay_s, echo_s) * np.float32(wet * WET_GAIN)
        self.down = Decimator(DECIMATE, _fir(DOWN_TAPS))
        self.conv = PartitionedConvolver(ir, block // DECIMATE)
        self.up = Interpolator(DECIMATE, _fir(UP_TAPS), 2)

    def process(self, send: np.ndarray) -> np.ndarray:
        return self.up.process(self.conv.process(self.down.process(send)))


@lru_cache(maxsize=4)
def vinyl_loop(sr: int) -> np.ndarray:
    """Four seconds (less a cross-fade) of hiss and crackle, shape (2, n) float32, high-passed."""
    from gamemusic.music.dsp import highpass1, lowpass1

    rng = np.random.default_rng(33)
    n = 4 * sr
    hiss = rng.standard_normal((2, n)) * 0.012
    hiss = lowpass1(hiss, 4000, sr)
    crackle = np.zeros((2, n))
    for _ in range(60):
        i = int(rng.integers(0, n - 200))
        ch = int(rng.integers(0, 2))
        pop = rng.standard_normal(40) * np.exp(-np.arange(40) / 6) * rng.uniform(0.03, 0.18)
        crackle[ch, i : i + 40] += pop
    hum = 0.004 * np.sin(2 * np.pi * 60 * np.arange(n) / sr)
    loop = highpass1(highpass1(hiss + crackle + hum, HIGHPASS_HZ, sr), HIGHPASS_HZ, sr)
    edge = int(0.05 * sr)  # cross-fade the loop's ends so the tiling has no click
    ramp = np.linspace(0, 1, edge)
    loop[:, :edge] = loop[:, :edge] * ramp + loop[:, n - edge :] * (1 - ramp)
    return loop[:, : n - edge].astype(np.float32)


def add_vinyl(out: np.ndarray, start: int, sr: int, level: float) -> None:
    """Add the vinyl loop to `out` (shape (2, B)), which begins at sample `start` of the piece."""
    loop = vinyl_loop(sr)
    length = loop.shape[1]
    i, n = 0, out.shape[1]
    while i < n:
        pos = (start + i) % length
        j = min(n, i + length - pos)
        out[:, i:j] += loop[:, pos : pos + j - i] * np.float32(level)
        i = j


def fade_gain(start: int, n: int, fade_start: int, fade_end: int, shape: str) -> np.ndarray:
    """Gains for samples start..start+n of a fade from 1 at `fade_start` to 0 at `fade_end`
    (the last sample), shape (n,) float32; "cos" (cos^2) or "cube" ((1 - x)^3)."""
    idx = np.arange(start, start + n, dtype=np.float64)
    x = np.clip((idx - fade_start) / max(1, fade_end - fade_start), 0.0, 1.0)
    curve = np.cos(0.5 * np.pi * x) ** 2 if shape == "cos" else (1 - x) ** 3
    return curve.astype(np.float32)


def soft_clip_gains(x: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """Where and how much to turn each row of x (shape (c, m)) down so that |x| above KNEE
    maps smoothly under CEILING: per row (indices, gains float32), only the samples above the
    knee (the gain is 1 elsewhere). Deterministic and memoryless."""
    room = 0.999 * CEILING - KNEE  # float32 rounding must not reach the ceiling
    out = []
    for row in x:
        if row.max(initial=0.0) <= KNEE and row.min(initial=0.0) >= -KNEE:
            out.append((np.empty(0, dtype=np.intp), np.empty(0, dtype=np.float32)))
            continue
        a = np.abs(row)
        idx = np.flatnonzero(a > KNEE)
        a = a[idx]
        target = KNEE + room * np.tanh((a - KNEE) / room)
        out.append((idx, (target / a).astype(np.float32)))
    return out
