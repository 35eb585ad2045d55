"""Whole-mix effects: reverb with tempo echoes, vinyl noise, fades, peak normalization.

The reverb runs on a mono send at a reduced rate (sr / DECIMATE): its tail is dark anyway,
and the FFT convolution then costs a few tens of milliseconds for minutes of audio.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from gamemusic.music.dsp import fft_convolve, lowpass1

DECIMATE = 8
PEAK = 0.89
WET_GAIN = 4.0  # the response has unit energy; this sets the wet level per unit send


@lru_cache(maxsize=32)
def impulse_response(rate: int, decay_s: float, echo_s: float) -> np.ndarray:
    """Stereo reverb (and ping-pong echo) response at `rate` Hz, shape (2, n) float32.

    Decorrelated exponentially decaying noise (RT60 = decay_s) after a 12 ms pre-delay, plus
    echoes every `echo_s` seconds (0 = none) alternating left and right. Unit energy per side.
    """
    n = int(rate * (decay_s + 4 * echo_s + 0.05))
    t = np.arange(n) / rate
    rng = np.random.default_rng(int(decay_s * 1000) + int(echo_s * 1e6))
    ir = rng.standard_normal((2, n)) * np.exp(-6.9 * t / decay_s) * (t > 0.012)
    ir = lowpass1(ir, 2500, rate)
    ir /= np.sqrt((ir**2).sum(axis=1, keepdims=True))
    if echo_s > 0:
        for k in range(1, 5):
            i = int(k * echo_s * rate)
            if i < n:
                ir[(k + 1) % 2, i] += 0.75 * 0.5**k
    return ir.astype(np.float32)


def add_reverb(
    out: np.ndarray, send: np.ndarray, sr: int, decay_s: float, echo_s: float, wet: float
) -> None:
    """Mix the reverb of `send` (shape (N,)) into `out` (shape (2, N)) in place.

    Down: box-filter and decimate by DECIMATE. Convolve. Up: linear interpolation to twice the
    low rate, then hold each value for DECIMATE / 2 samples (its images sit above 10 kHz, far
    under the dark tail).
    """
    n = send.shape[0]
    m = n // DECIMATE
    if m < 2:
        return
    low = send[0 : m * DECIMATE : DECIMATE].copy()
    for j in range(1, DECIMATE):
        low += send[j : m * DECIMATE : DECIMATE]
    ir = impulse_response(sr // DECIMATE, decay_s, echo_s)
    wet_low = fft_convolve(low[None, :], ir, m)
    wet_low = (wet_low * (wet * WET_GAIN / DECIMATE)).astype(np.float32)
    twice = np.empty((2, 2 * m), dtype=np.float32)
    twice[:, 0::2] = wet_low
    twice[:, 1:-1:2] = 0.5 * (wet_low[:, :-1] + wet_low[:, 1:])
    twice[:, -1] = wet_low[:, -1]
    hold = DECIMATE // 2
    for ch in range(2):
        out[ch, : m * DECIMATE] += np.repeat(twice[ch], hold)


@lru_cache(maxsize=4)
def _vinyl_loop(sr: int) -> np.ndarray:
    """Four seconds of hiss and crackle, shape (2, 4 * sr) float32."""
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
    loop = hiss + crackle + hum
    edge = int(0.05 * sr)  # cross-fade the loop's ends so the tiling has no click
    ramp = np.linspace(0, 1, edge)
    loop[:, :edge] = loop[:, :edge] * ramp + loop[:, n - edge :] * (1 - ramp)
    return loop[:, : n - edge].astype(np.float32)


def add_vinyl(out: np.ndarray, sr: int, level: float) -> None:
    """Add looped vinyl noise to `out` (shape (2, N)) in place."""
    loop = _vinyl_loop(sr) * np.float32(level)
    n, length = out.shape[1], loop.shape[1]
    for i in range(0, n, length):
        j = min(n, i + length)
        out[:, i:j] += loop[:, : j - i]


def fade(out: np.ndarray, start: int, shape: str = "cos") -> None:
    """Fade `out` (shape (2, N)) from sample `start` to silence on the last sample."""
    n = out.shape[1] - start
    if n <= 0:
        return
    x = np.linspace(0.0, 1.0, n, dtype=np.float32)
    curve = np.cos(0.5 * np.pi * x) ** 2 if shape == "cos" else (1 - x) ** 3
    out[:, start:] *= curve.astype(np.float32)


def fade_in(out: np.ndarray, n: int) -> None:
    n = min(n, out.shape[1])
    out[:, :n] *= np.linspace(0.0, 1.0, n, dtype=np.float32)


def peak(out: np.ndarray) -> float:
    """Largest absolute sample of `out` (two passes, no temporary array)."""
    return max(float(out.max(initial=0.0)), -float(out.min(initial=0.0)))


def to_interleaved(out: np.ndarray) -> np.ndarray:
    """Scale the (2, N) mix in place so its peak is PEAK; return it as (N, 2) (a view)."""
    top = peak(out)
    out *= np.float32(PEAK / top) if top > 1e-9 else np.float32(0.0)
    return out.T
