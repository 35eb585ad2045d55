"""Band-limited wavetables: one exact period of a waveform at a given pitch, cached.

A note of constant pitch is periodic, so the synthesizer renders a few cycles once and tiles
them into each note's slice (`fill`). The table holds `k` whole cycles in `L` samples (L >= MIN_LEN), built in the frequency
domain with only the harmonics below ~18 kHz, so pulse and saw waves do not alias. Tuning
error is at most 1 / (2 L), under half a cent.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from gamemusic.music.styles import Timbre

CYCLE = 8192  # samples of the naive high-resolution cycle the harmonics are read from
MAX_HARMONIC = 1024
MIN_LEN = 2048
TOP_HZ = 18000.0

Shape = tuple[str, float, int, float, float]  # wave, duty, fm ratio, fm index, cutoff Hz


def _cycle(wave: str, duty: float, ratio: int, index: float) -> np.ndarray:
    """One naive cycle, shape (CYCLE,) float64, over phase 0..1."""
    ph = np.arange(CYCLE) / CYCLE
    two_pi = 2 * np.pi
    if wave == "pulse":
        return np.where(ph < duty, 1.0, -1.0)
    if wave == "triangle":  # NES triangle: 32 steps of a 4-bit ramp up and down
        steps = np.concatenate([np.arange(15, -1, -1), np.arange(16)])
        return steps[(ph * 32).astype(int)] / 7.5 - 1.0
    if wave == "saw":
        return 1.0 - 2.0 * ph
    if wave == "sine":
        return np.sin(two_pi * ph)
    if wave == "flute":
        return (
            np.sin(two_pi * ph)
            + 0.22 * np.sin(2 * two_pi * ph)
            + 0.07 * np.sin(3 * two_pi * ph)
            + 0.03 * np.sin(4 * two_pi * ph)
        )
    if wave == "organ":
        return sum(
            a * np.sin(h * two_pi * ph)
            for h, a in ((1, 1.0), (2, 0.6), (3, 0.35), (4, 0.3), (6, 0.12), (8, 0.15))
        )
    if wave == "fm":
        return np.sin(two_pi * ph + index * np.sin(ratio * two_pi * ph))
    raise ValueError(f"unknown wave {wave!r}")


@lru_cache(maxsize=128)
def harmonics(wave: str, duty: float, ratio: int, index: float) -> np.ndarray:
    """Complex amplitudes of harmonics 1..MAX_HARMONIC, shape (MAX_HARMONIC,), peak-normalized."""
    cyc = _cycle(wave, duty, ratio, index)
    cyc = cyc - cyc.mean()
    spec = np.fft.rfft(cyc)[1 : MAX_HARMONIC + 1] / (CYCLE / 2)
    return spec / max(1e-9, float(np.abs(cyc).max()))


def table_shape(timbre: Timbre, bright: bool) -> Shape:
    """(wave, duty, fm ratio, fm index, cutoff) of the sustained or the bright attack tone."""
    index = timbre.fm_index
    cutoff = timbre.cutoff_hz
    if bright:
        index = timbre.attack_fm_index if timbre.attack_fm_index is not None else index
        cutoff = timbre.attack_cutoff_hz if timbre.attack_cutoff_hz is not None else cutoff
    return (timbre.wave, timbre.duty, timbre.fm_ratio, index, cutoff)


@lru_cache(maxsize=4096)
def table(shape: Shape, hz: float, sr: int) -> np.ndarray:
    """A whole number of cycles of `shape` at `hz`, shape (L,) float32, L >= MIN_LEN."""
    wave, duty, ratio, index, cutoff = shape
    k = max(1, math.ceil(MIN_LEN * hz / sr))
    length = max(2, round(k * sr / hz))
    f0 = k * sr / length  # the pitch actually played, within half a cent of hz
    top = min(TOP_HZ, 0.45 * sr)
    n_h = min(MAX_HARMONIC, int(top / f0), (length // 2) // k)
    spec = np.zeros(length // 2 + 1, dtype=np.complex128)
    if n_h >= 1:
        h = np.arange(1, n_h + 1)
        f = h * f0
        weight = 1.0 / np.sqrt(1.0 + (f / cutoff) ** 4)  # 2-pole low-pass
        weight *= np.clip((top - f) / (0.15 * top), 0.0, 1.0)  # fade out near the top
        spec[k * h] = harmonics(wave, duty, ratio, index)[:n_h] * weight * (length / 2)
    return np.fft.irfft(spec, length).astype(np.float32)


def fill(buf: np.ndarray, tab: np.ndarray) -> np.ndarray:
    """Write `tab` (shape (L,)) periodically into `buf` (shape (n,)) and return `buf`."""
    n, length = len(buf), len(tab)
    q, r = divmod(n, length)
    if q:
        buf[: q * length].reshape(q, length)[...] = tab
    buf[q * length :] = tab[:r]
    return buf
