"""A look-ahead true-peak limiter for a stream of (samples, 2) float32 blocks.

Per 64-sample block the limiter knows the gain that keeps the block's true peak (4x
interpolated, meter.block_peaks) under the ceiling. The gain it applies is that need, held
for +/- `hold` blocks (a moving minimum) and then smoothed by a moving mean over +/- `ramp`
blocks: a straight ramp of ~50 ms down before the peak and back up after it, with the held
minimum in place over the whole peak block. Slow, smooth gain changes keep the codec from
overshooting where a fast limiter would put a click into the spectrum.

Because hold >= ramp + 1, the gain applied anywhere in block k (interpolated between the
block-edge gains g[k] and g[k+1]) never exceeds block k's need. The look-ahead, and so the
delay of the stream, is (hold + ramp + 2) blocks: ~107 ms.
"""

from __future__ import annotations

import numpy as np

from gamemusic.media.meter import _CTX, TP_BLOCK, block_peaks

HOLD = 40
RAMP = 39


def _min_valid(b: np.ndarray, r: int) -> np.ndarray:
    """Moving minimum over 2r+1 values, 'valid' part: (len(b) - 2r,)."""
    return np.lib.stride_tricks.sliding_window_view(b, 2 * r + 1).min(axis=1)


def _mean_valid(m: np.ndarray, r: int) -> np.ndarray:
    """Moving mean over 2r+1 values, 'valid' part: (len(m) - 2r,)."""
    c = np.concatenate([[0.0], np.cumsum(m, dtype=np.float64)])
    w = 2 * r + 1
    return ((c[w:] - c[:-w]) / w).astype(np.float32)


def gain_curve(need: np.ndarray, hold: int = HOLD, ramp: int = RAMP) -> np.ndarray:
    """The limiter's gain per block for a whole array of per-block needs (1.0 outside):
    same shape as `need`. Used to predict what the limiter will take off the loudness."""
    if need.min(initial=1.0) >= 1.0:
        return np.ones_like(need)
    pad = hold + ramp
    padded = np.pad(need, pad, constant_values=1.0)
    return _mean_valid(_min_valid(padded, hold), ramp)


class Limiter:
    """feed() blocks in, get limited blocks out (delayed by the look-ahead); finish() flushes.
    Together the outputs have exactly as many samples as the inputs."""

    def __init__(self, ceiling: float, *, hold: int = HOLD, ramp: int = RAMP) -> None:
        self.ceiling = float(ceiling)
        self.hold, self.ramp = hold, ramp
        # Sample peaks 2.5 dB under the ceiling or more are taken as they are (an inter-sample
        # peak that much higher needs content near Nyquist; the output check would see it).
        self._near = self.ceiling * 10 ** (-2.5 / 20)
        # Samples from block `_out` on, after _CTX samples of left context.
        self._buf = np.zeros((_CTX, 2), np.float32)
        self._out = 0  # next block to output
        self._evaluated = 0  # blocks whose need is known
        # Needs of blocks _out - (hold + ramp) .. _evaluated (1.0 before the stream).
        self._need = np.ones(hold + ramp, np.float32)
        self._n_in = 0
        self._n_out = 0
        self.min_gain = 1.0

    def feed(self, block: np.ndarray) -> np.ndarray:
        self._buf = np.concatenate([self._buf, block])
        self._n_in += len(block)
        return self._step(final=False)

    def finish(self) -> np.ndarray:
        pad = (self.hold + self.ramp + 3) * TP_BLOCK + 2 * _CTX
        self._buf = np.concatenate([self._buf, np.zeros((pad, 2), np.float32)])
        return self._step(final=True)

    def _step(self, *, final: bool) -> np.ndarray:
        base = self._out  # block index of self._buf[_CTX]
        have = (len(self._buf) - 2 * _CTX) // TP_BLOCK  # blocks (from base) with right context
        new = have - (self._evaluated - base)
        if new > 0:
            first = _CTX + (self._evaluated - base) * TP_BLOCK
            peaks = block_peaks(self._buf, first, new, self._near)
            need = np.minimum(1.0, self.ceiling / np.maximum(peaks, 1e-9)).astype(np.float32)
            self._need = np.concatenate([self._need, need])
            self._evaluated += new
        lead = self.hold + self.ramp + 1
        ready = self._evaluated - lead - base  # blocks whose gains g[k], g[k+1] are known
        if final:
            ready = min(ready, -(-(self._n_in - self._n_out) // TP_BLOCK))
        if ready <= 0:
            return np.zeros((0, 2), np.float32)
        # self._need[i] is the need of block base - hold - ramp + i; gains of base..base+ready.
        window = self._need[: ready + 1 + 2 * (self.hold + self.ramp)]
        gains = _mean_valid(_min_valid(window, self.hold), self.ramp)[: ready + 1]
        self.min_gain = min(self.min_gain, float(gains.min()))
        ramp = np.arange(TP_BLOCK, dtype=np.float32) / np.float32(TP_BLOCK)
        per_sample = (gains[:-1, None] + (gains[1:] - gains[:-1])[:, None] * ramp).reshape(-1)
        body = self._buf[_CTX : _CTX + ready * TP_BLOCK]
        out = body * per_sample[:, None]
        np.clip(out, -1.0, 1.0, out=out)
        keep_from = ready * TP_BLOCK
        self._buf = self._buf[keep_from:]  # the last _CTX output samples stay as context
        self._need = self._need[ready:]
        self._out += ready
        if final:
            out = out[: self._n_in - self._n_out]
        self._n_out += len(out)
        return out
