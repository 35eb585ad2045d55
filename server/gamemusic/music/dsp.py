"""Two small filters without scipy.signal (whose import alone costs ~0.5-1 s of start-up):
a first-order IIR as a blocked scan, and FFT convolution."""

from __future__ import annotations

import numpy as np
import scipy.fft as sfft

_L = 64  # scan block length


def iir1(x: np.ndarray, b0: float, b1: float, p: float) -> np.ndarray:
    """y[n] = b0·x[n] + b1·x[n-1] + p·y[n-1] along the last axis (zero initial state).

    Vectorized: each block of 64 samples is a matrix product with the (64, 64) decay matrix;
    only the block ends are carried in a loop (n / 64 steps)."""
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[-1]
    v = b0 * x
    if b1:
        v[..., 1:] += b1 * x[..., :-1]
    blocks = -(-n // _L)
    pad = blocks * _L - n
    v = np.pad(v, [(0, 0)] * (v.ndim - 1) + [(0, pad)]).reshape(*x.shape[:-1], blocks, _L)
    j = np.arange(_L)
    decay = np.where(j[:, None] >= j[None, :], p ** (j[:, None] - j[None, :]).clip(0), 0.0)
    local = v @ decay.T  # (..., blocks, L): response within each block
    carry_gain = p ** (j + 1)  # how the previous block's last value reaches each sample
    ends = local[..., -1].copy()
    pl = p**_L
    for b in range(1, blocks):
        ends[..., b] += pl * ends[..., b - 1]
    local[..., 1:, :] += ends[..., :-1, None] * carry_gain
    return local.reshape(*x.shape[:-1], blocks * _L)[..., :n]


def lowpass1(x: np.ndarray, hz: float, sr: float) -> np.ndarray:
    """One-pole low pass."""
    a = float(np.exp(-2 * np.pi * hz / sr))
    return iir1(x, 1.0 - a, 0.0, a)


def highpass1(x: np.ndarray, hz: float, sr: float) -> np.ndarray:
    """One-zero, one-pole high pass (DC blocker)."""
    a = float(np.exp(-2 * np.pi * hz / sr))
    return iir1(x, 1.0, -1.0, a)


def fft_convolve(x: np.ndarray, ir: np.ndarray, n_out: int) -> np.ndarray:
    """First `n_out` samples of the linear convolution of x (shape (m,) or (c, m)) with each row
    of ir (shape (k,) or (c, k)), broadcast over rows."""
    size = sfft.next_fast_len(x.shape[-1] + ir.shape[-1] - 1, real=True)
    spec = sfft.rfft(x, size, axis=-1, workers=-1) * sfft.rfft(ir, size, axis=-1, workers=-1)
    return sfft.irfft(spec, size, axis=-1, workers=-1)[..., :n_out]
