"""Two small filters without scipy.signal's package (whose import alone costs ~0.5-1 s of
start-up): a first-order IIR, and FFT convolution."""

from __future__ import annotations

import numpy as np

from gamemusic import fastscipy as sfft


def iir1(x: np.ndarray, b0: float, b1: float, p: float) -> np.ndarray:
    """y[n] = b0·x[n] + b1·x[n-1] + p·y[n-1] along the last axis (zero initial state),
    float64: scipy's compiled linear filter (lfilter's), loaded on its own."""
    x = np.asarray(x, dtype=np.float64)
    return sfft.linear_filter(np.array([b0, b1]), np.array([1.0, -p]), x)


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


def kaiser_lowpass(taps: int, cutoff: float, beta: float = 7.0) -> np.ndarray:
    """Windowed-sinc low-pass FIR, shape (taps,) float64, unit DC gain; `cutoff` in cycles
    per sample (0.5 = Nyquist)."""
    k = np.arange(taps) - (taps - 1) / 2
    h = 2 * cutoff * np.sinc(2 * cutoff * k) * np.kaiser(taps, beta)
    return h / h.sum()


def _rows(x: np.ndarray, count: int, width: int, step: int) -> np.ndarray:
    """(count, width) view of x whose row i is x[i * step : i * step + width]."""
    s = x.strides[-1]
    return np.lib.stride_tricks.as_strided(x, (count, width), (step * s, s), writeable=False)


class Decimator:
    """Streaming low-pass and keep every `factor`-th sample (polyphase FIR, state carried).

    process(x): x shape (B,) float32 with B a multiple of factor -> (B / factor,) float32.
    The input, viewed as rows of `factor` samples, meets the taps as a few matrix-vector
    products (one per `factor` taps), read from one reused buffer."""

    def __init__(self, factor: int, h: np.ndarray) -> None:
        self.factor = factor
        q = -(-len(h) // factor)
        rev = np.zeros(q * factor)
        rev[: len(h)] = h[::-1]
        self.bank = rev.reshape(q, factor).astype(np.float32)  # bank[q, r] = h_rev[f q + r]
        self.hist = np.zeros(len(h) - 1, dtype=np.float32)
        self.buf = np.empty(0, dtype=np.float32)

    def process(self, x: np.ndarray) -> np.ndarray:
        f, h = self.factor, len(self.hist)
        m = len(x) // f
        q = len(self.bank)
        if len(self.buf) != f * q - 1 + len(x):  # history, x, zeros for the padded taps
            self.buf = np.zeros(f * q - 1 + len(x), dtype=np.float32)
        xx = self.buf
        xx[:h] = self.hist
        xx[h : h + len(x)] = x
        # y[i] = sum_t h_rev[t] xx[f i + f - 1 + t] = sum_j rows[i + j] . bank[j]
        rows = xx[f - 1 :].reshape(m + q - 1, f)
        y = rows[:m] @ self.bank[0]
        for j in range(1, q):
            y += rows[j : j + m] @ self.bank[j]
        self.hist[:] = xx[len(x) : h + len(x)]
        return y


class Interpolator:
    """Streaming `factor`-times upsampling through a polyphase FIR, state carried.

    process(y): y shape (c, m) float32 -> (c, m * factor) float32 (gain `factor` restores the
    level lost to zero-stuffing)."""

    def __init__(self, factor: int, h: np.ndarray, channels: int) -> None:
        self.factor = factor
        k = -(-len(h) // factor)
        hp = np.zeros(k * factor)
        hp[: len(h)] = h * factor
        # bank[j, p] = h[factor * (k - 1 - j) + p]: row order matches the input window
        self.bank = np.ascontiguousarray(hp.reshape(k, factor)[::-1], dtype=np.float32)
        self.hist = np.zeros((channels, k - 1), dtype=np.float32)

    def process(self, y: np.ndarray) -> np.ndarray:
        yy = np.concatenate([self.hist, y], axis=1)
        c, m = y.shape
        k = self.bank.shape[0]
        out = np.empty((c, m * self.factor), dtype=np.float32)
        for ch in range(c):
            np.matmul(_rows(yy[ch], m, k, 1), self.bank, out=out[ch].reshape(m, self.factor))
        self.hist = yy[:, yy.shape[1] - (k - 1) :].copy()
        return out


class PartitionedConvolver:
    """Streaming convolution of a mono signal with a (c, L) response: uniformly partitioned,
    overlap-add, one FFT of 2m per block whatever L is (memory O(L), time O(L / m) per block).

    process(x): x shape (m,) -> (c, m) float32."""

    def __init__(self, ir: np.ndarray, m: int) -> None:
        c, length = ir.shape
        parts = max(1, -(-length // m))
        padded = np.zeros((c, parts * m), dtype=np.float32)
        padded[:, :length] = ir
        blocks = padded.reshape(c, parts, m).transpose(1, 0, 2)  # (P, c, m)
        self.spectra = sfft.rfft(blocks, 2 * m, axis=-1).astype(np.complex64)  # (P, c, m + 1)
        self.m = m
        self.fdl = np.zeros((parts, m + 1), dtype=np.complex64)  # past input spectra
        self.head = 0
        self.overlap = np.zeros((c, m), dtype=np.float32)

    def process(self, x: np.ndarray) -> np.ndarray:
        parts, m = len(self.fdl), self.m
        self.head = (self.head - 1) % parts
        self.fdl[self.head] = sfft.rfft(x, 2 * m)
        acc = self.spectra[0] * self.fdl[self.head]  # newest input meets partition 0
        for p in range(1, parts):
            acc += self.spectra[p] * self.fdl[(self.head + p) % parts]
        y = sfft.irfft(acc, 2 * m, axis=-1)
        out = y[:, :m]
        out += self.overlap
        self.overlap = y[:, m:]
        return out
