"""Integrated loudness (ITU-R BS.1770-4, gated) and true peak of a stream of audio blocks.

For measuring a finished file of any length in flat memory: feed it block by block as it is
decoded. The K-weighting runs in the time domain with its filter state carried across blocks,
so the result does not depend on the block size; the true peak is the peak of a 4x
oversampled copy (polyphase FIR), computed only for blocks whose sample peak comes within
4 dB of the largest true peak so far (oversampling adds less than that).
"""

from __future__ import annotations

import math

import numpy as np
from scipy.signal import firwin, sosfilt

SR = 48000
_HOP = SR // 10  # 100 ms; a gating block is 4 hops with 75 % overlap
_CTX = 32  # samples of context kept around each block for the oversampling filter
# K-weighting at 48 kHz (BS.1770-4 table 1 and 2): pre-filter shelf, then RLB high pass.
_SOS = np.array(
    [
        [1.53512485958697, -2.69169618940638, 1.19839281085285, 1.0, -1.69065929318241,
         0.73248077421585],
        [1.0, -2.0, 1.0, 1.0, -1.99004745483398, 0.99007225036621],
    ]
)  # fmt: skip
_SOS32 = _SOS.astype(np.float32)
# 4x interpolation filter (the one scipy's resample_poly designs), as its three in-between
# phases: the value at n + r/4 is _KERNEL[:, r-1] . x[n + _OFFSETS]. Phase 0 falls on the
# samples themselves (the windowed sinc is zero at every 4th tap): the sample peak covers it.
_UP = 4
_FIR = firwin(20 * _UP + 1, 1 / _UP, window=("kaiser", 5.0)) * _UP
_KERNEL = np.stack([_FIR[r::_UP] for r in range(1, _UP)], axis=1).astype(np.float32)
_HALF = len(_KERNEL) // 2  # 10 samples of context each side
_OFFSETS = _HALF - np.arange(len(_KERNEL))  # x[n + 10], x[n + 9], ..., x[n - 9]
_GATE_DB = 6.0


class LoudnessMeter:
    """Feed (n, 2) float32 blocks at 48 kHz; read `lufs()` and `true_peak_dbtp()` at any time."""

    def __init__(self) -> None:
        self._zi = np.zeros((len(_SOS), 2, 2), np.float32)  # (sections, channels, 2)
        self._carry = np.zeros(0)  # K-weighted squared samples of an unfinished hop, summed
        self._hops: list[float] = []
        self._tail = np.zeros((_CTX, 2), np.float32)  # last samples, for the oversampler
        self._sample_peak = 0.0
        self._true_peak = 0.0
        self.samples = 0

    def feed(self, block: np.ndarray) -> None:
        x = np.asarray(block, dtype=np.float32).reshape(-1, 2)
        if not len(x):
            return
        self.samples += len(x)
        weighted, self._zi = sosfilt(_SOS32, x.T, axis=1, zi=self._zi)
        energy = np.square(weighted, dtype=np.float64).sum(axis=0)  # channels summed (L, R: 1)
        if len(self._carry):
            energy = np.concatenate([self._carry, energy])
        whole = len(energy) // _HOP
        if whole:
            self._hops.extend(energy[: whole * _HOP].reshape(whole, _HOP).mean(axis=1).tolist())
        self._carry = energy[whole * _HOP :]
        self._peaks(x)

    def _peaks(self, x: np.ndarray) -> None:
        ext = np.concatenate([self._tail, x])
        self._tail = ext[-_CTX:].copy()
        self._sample_peak = max(self._sample_peak, float(np.abs(x).max()))
        self._true_peak = max(self._true_peak, self._oversampled_peak(ext))

    def _oversampled_peak(self, ext: np.ndarray) -> float:
        """Largest 4x-interpolated value of `ext` (context + samples) between samples that
        could beat the best so far: beside a local maximum of |x| within _GATE_DB of it, or
        near a jump that large (where a band-limited signal rings). Samples without _HALF
        of context on each side are left to the next block, whose context they are."""
        n = len(ext)
        if n < 2 * _HALF + 4:
            return 0.0
        gate = self._true_peak * 10 ** (-_GATE_DB / 20)
        mag = np.abs(ext)
        mid = mag[1:-1]
        hot = np.zeros((n, ext.shape[1]), bool)
        hot[1:-1] = (mid >= mag[:-2]) & (mid >= mag[2:]) & (mid >= gate)
        jump = np.abs(np.diff(ext, axis=0)) >= gate
        hot[:-1] |= jump
        hot[1:] |= jump
        near = hot.copy()  # the intervals around: from two samples before to one after
        for shift in (1, 2):
            near[:-shift] |= hot[shift:]
        near[1:] |= hot[:-1]
        near[: _HALF - 1] = False
        near[n - _HALF :] = False
        count = int(near.sum())
        if count == 0:
            return 0.0
        if count > near.size // 8:  # dense (noise-like): every interval, by convolution
            best = 0.0
            for ch in range(ext.shape[1]):
                column = np.ascontiguousarray(ext[:, ch])
                for taps in _KERNEL.T:  # "valid": only points with samples on both sides
                    best = max(best, float(np.abs(np.convolve(column, taps, "valid")).max()))
            return best
        base, chan = np.nonzero(near)  # interval (base, base + 1) of channel chan
        rows = ext[base[:, None] + _OFFSETS[None, :], chan[:, None]]  # (k, taps)
        return float(np.abs(rows @ _KERNEL).max())

    def lufs(self) -> float:
        """Gated integrated loudness in LUFS (-70 for silence or under 400 ms)."""
        hops = np.asarray(self._hops)
        if len(hops) < 4:
            return -70.0
        c = np.concatenate([[0.0], np.cumsum(hops)])
        z = (c[4:] - c[:-4]) / 4
        z = z[z > 10 ** ((-70.0 + 0.691) / 10)]
        if not len(z):
            return -70.0
        z = z[z > z.mean() * 10 ** (-10 / 10)]
        return float(-0.691 + 10 * math.log10(z.mean())) if len(z) else -70.0

    def true_peak_dbtp(self) -> float:
        """True peak in dBTP (at least the sample peak; -120 for silence)."""
        end = np.concatenate([self._tail, np.zeros((_CTX, 2), np.float32)])  # then silence
        peak = max(self._true_peak, self._sample_peak, self._oversampled_peak(end))
        return 20 * math.log10(peak) if peak > 1e-6 else -120.0
