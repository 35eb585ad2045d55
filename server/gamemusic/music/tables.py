"""Band-limited wavetables: exact periods of a waveform at a given pitch, cached.

A note of constant pitch is periodic, so the synthesizer renders a few cycles once and tiles
them into each note's slice (`fill`). The table holds `k` whole cycles in `L` samples
(L >= MIN_LEN), built in the frequency domain with only the harmonics below ~18 kHz, so pulse
and saw waves do not alias. Tuning error is at most 1 / (2 L), under half a cent.
Every table is high-passed at HIGHPASS_HZ (2-pole, 12 dB/oct): with the drum hits and the
reverb response filtered the same way, that is the music bus's low cut, for free.
`cycle` gives one period for phase-accumulated lookup (vibrato, glides).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from gamemusic.music.fm import fm4_cycle
from gamemusic.music.spec import Timbre

CYCLE = 8192  # samples of the naive high-resolution cycle the harmonics are read from
MAX_HARMONIC = 1024
MIN_LEN = 2048
TOP_HZ = 18000.0
HIGHPASS_HZ = 38.0


class Shape(NamedTuple):
    """What fixes one cycle's waveform: the timbre's sound at one brightness."""

    wave: str
    duty: float = 0.5
    ratio: int = 1
    index: float = 0.0
    cutoff: float = 18000.0
    resonance: float = 0.707
    drive: float = 0.0
    ops: tuple[tuple[int, float], ...] = ()
    algo: int = 0
    feedback: float = 0.0


def _cycle(s: Shape) -> np.ndarray:
    """One naive cycle, shape (CYCLE,) float64, over phase 0..1."""
    ph = np.arange(CYCLE) / CYCLE
    two_pi = 2 * np.pi
    wave = s.wave
    if wave == "pulse":
        return np.where(ph < s.duty, 1.0, -1.0)
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
    if wave == "pluck":  # string plucked at `duty` of its length: sin(pi h duty) / h^2
        h = np.arange(1, 200)
        amp = np.sin(np.pi * h * s.duty) / h**2
        return (amp[:, None] * np.sin(two_pi * h[:, None] * ph[None, :])).sum(axis=0)
    if wave == "fm":
        return np.sin(two_pi * ph + s.index * np.sin(s.ratio * two_pi * ph))
    if wave == "fm4":
        return fm4_cycle(ph, s.ops, s.algo, s.feedback, s.index)
    raise ValueError(f"unknown wave {wave!r}")


@lru_cache(maxsize=256)
def harmonics(s: Shape) -> np.ndarray:
    """Complex amplitudes of harmonics 1..MAX_HARMONIC, shape (MAX_HARMONIC,), peak-normalized.

    The cutoff is not applied here (it depends on the pitch); the drive is."""
    cyc = _cycle(s)
    if s.drive > 0:
        cyc = cyc / max(1e-9, float(np.abs(cyc).max()))
        cyc = np.tanh(s.drive * cyc) / math.tanh(s.drive)
    cyc = cyc - cyc.mean()
    spec = np.fft.rfft(cyc)[1 : MAX_HARMONIC + 1] / (CYCLE / 2)
    return spec / max(1e-9, float(np.abs(cyc).max()))


def shape_of(tb: Timbre, bright: float = 0.0, duty: float | None = None) -> Shape:
    """The cycle shape of `tb` at brightness `bright` (0 sustained .. 1 attack tone).

    FM index moves linearly, the cutoff geometrically between the two ends."""
    index, cutoff = tb.fm_index, tb.cutoff_hz
    if bright > 0:
        if tb.attack_fm_index is not None:
            index += bright * (tb.attack_fm_index - index)
        if tb.attack_cutoff_hz is not None:
            cutoff *= (tb.attack_cutoff_hz / cutoff) ** bright
    return Shape(
        tb.wave,
        tb.duty if duty is None else duty,
        tb.fm_ratio,
        round(index, 4),
        round(cutoff, 1),
        tb.resonance,
        tb.drive,
        tb.ops,
        tb.algo,
        tb.feedback,
    )


def sweep_steps(tb: Timbre) -> int:
    """How many tables the attack sweep passes through (1 = no sweep): half-octave steps of
    cutoff, steps of 1.0 in FM index, at least 2 when anything moves."""
    steps = 1
    if tb.attack_cutoff_hz is not None and tb.attack_cutoff_hz != tb.cutoff_hz:
        steps = max(steps, 1 + math.ceil(abs(math.log2(tb.attack_cutoff_hz / tb.cutoff_hz)) * 2))
    if tb.attack_fm_index is not None and tb.attack_fm_index != tb.fm_index:
        steps = max(steps, 1 + math.ceil(abs(tb.attack_fm_index - tb.fm_index)))
    return min(steps, 6)


def _weights(s: Shape, f: np.ndarray, top: float) -> np.ndarray:
    """Gain per harmonic frequency: resonant 2-pole low-pass, 2-pole high-pass, top fade."""
    r = f / s.cutoff
    weight = 1.0 / np.sqrt((1.0 - r * r) ** 2 + (r / s.resonance) ** 2)
    weight /= np.sqrt(1.0 + (HIGHPASS_HZ / f) ** 4)
    weight *= np.clip((top - f) / (0.15 * top), 0.0, 1.0)  # fade out near the top
    return weight


@lru_cache(maxsize=4096)
def table(s: Shape, hz: float, sr: int) -> np.ndarray:
    """A whole number of cycles of `s` at `hz`, shape (L,) float32, L >= MIN_LEN."""
    k = max(1, math.ceil(MIN_LEN * hz / sr))
    length = max(2, round(k * sr / hz))
    f0 = k * sr / length  # the pitch actually played, within half a cent of hz
    top = min(TOP_HZ, 0.45 * sr)
    n_h = min(MAX_HARMONIC, int(top / f0), (length // 2) // k)
    spec = np.zeros(length // 2 + 1, dtype=np.complex128)
    if n_h >= 1:
        h = np.arange(1, n_h + 1)
        spec[k * h] = harmonics(s)[:n_h] * _weights(s, h * f0, top) * (length / 2)
    return np.fft.irfft(spec, length).astype(np.float32)


def played_hz(hz: float, sr: int) -> float:
    """The frequency `table(.., hz, sr)` actually plays."""
    k = max(1, math.ceil(MIN_LEN * hz / sr))
    return k * sr / max(2, round(k * sr / hz))


@lru_cache(maxsize=1024)
def cycle(s: Shape, hz: float, sr: int, headroom: float = 1.03) -> np.ndarray:
    """One period of `s` band-limited for pitches up to hz * headroom, shape (size + 1,)
    float32 with the first sample repeated at the end (for linear interpolation)."""
    top = min(TOP_HZ, 0.45 * sr)
    n_h = max(1, min(MAX_HARMONIC, int(top / (hz * headroom))))
    size = 2048 if n_h <= 96 else 8192
    n_h = min(n_h, size // 8)
    spec = np.zeros(size // 2 + 1, dtype=np.complex128)
    h = np.arange(1, n_h + 1)
    spec[h] = harmonics(s)[:n_h] * _weights(s, h * hz, top) * (size / 2)
    one = np.fft.irfft(spec, size).astype(np.float32)
    return np.append(one, one[:1])


def fill(buf: np.ndarray, tab: np.ndarray, offset: int = 0) -> np.ndarray:
    """Write `tab` (shape (L,)) periodically into `buf` (shape (n,)), starting at phase
    `offset` samples into the table, and return `buf`."""
    n, length = len(buf), len(tab)
    offset %= length
    head = min(n, length - offset)
    buf[:head] = tab[offset : offset + head]
    rest = buf[head:]
    q, r = divmod(len(rest), length)
    if q:
        rest[: q * length].reshape(q, length)[...] = tab
    rest[q * length :] = tab[:r]
    return buf
