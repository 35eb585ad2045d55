"""Per-frame loudness and onset strength of a stream of audio blocks, block size independent.

`FrameFeatures` cuts the incoming (n, 2) float32 blocks into fixed frames (leftover samples
wait for the next block), and keeps two numbers per frame: the mono level in dB and the
spectral flux (mean rise, in dB, of the band levels of 20 log-spaced bands from 100 Hz to
16 kHz since the previous frame). Both are relative measures: flux in dB does not change
when the recording is louder or quieter, so a quiet recording has the same onsets.
"""

from __future__ import annotations

import numpy as np

from gamemusic.media.meter import fft

SR = 48000
FLOOR_DB = -100.0  # band and frame levels never go below this (digital silence)
_BANDS = 20
_BATCH = 32  # frames analysed together at least


def _band_edges(frame: int) -> np.ndarray:
    """rfft bin edges of the bands, log-spaced from 100 Hz to 16 kHz."""
    hz = SR / frame
    edges = np.unique(np.round(np.geomspace(100 / hz, 16000 / hz, _BANDS + 1)).astype(int))
    return edges[edges <= frame // 2]


class FrameFeatures:
    """Level (dB) and spectral flux (dB) per `frame` samples of 48 kHz stereo blocks."""

    def __init__(self, frame: int = 960) -> None:
        self.frame = frame
        self._window = np.hanning(frame).astype(np.float32)
        self._edges = _band_edges(frame)
        self._queue: list[np.ndarray] = []
        self._queued = 0
        self._prev: np.ndarray | None = None  # band dB of the last frame
        self._level: list[np.ndarray] = []
        self._flux: list[np.ndarray] = []
        self.samples = 0

    @property
    def frame_s(self) -> float:
        return self.frame / SR

    def feed(self, block: np.ndarray) -> None:
        """Take the next block of audio: (n, 2) or (n,) float32 at 48 kHz, any n."""
        x = np.asarray(block, dtype=np.float32)
        if x.ndim == 2:  # a mean over the short axis would be 10x slower than this
            mono = (x[:, 0] + x[:, 1]) * np.float32(0.5) if x.shape[1] == 2 else x[:, 0].copy()
        else:
            mono = x.reshape(-1)
        self.samples += len(mono)
        self._queue.append(mono)
        self._queued += len(mono)
        if self._queued >= _BATCH * self.frame:  # small blocks wait: fewer, larger FFTs
            self._drain()

    def _drain(self) -> None:
        """Analyse every whole frame queued; the leftover samples wait for more."""
        if not self._queued:
            return
        mono = np.concatenate(self._queue) if len(self._queue) > 1 else self._queue[0]
        whole = len(mono) // self.frame
        rest = mono[whole * self.frame :].copy()
        self._queue, self._queued = [rest], len(rest)
        if whole:
            self._frames(mono[: whole * self.frame].reshape(whole, self.frame))

    def _frames(self, frames: np.ndarray) -> None:
        power = np.einsum("ij,ij->i", frames, frames) / self.frame
        self._level.append(np.maximum(10 * np.log10(power + 1e-12), FLOOR_DB).astype(np.float32))
        spec = fft().rfft(frames * self._window, axis=1)
        mag = spec.real**2 + spec.imag**2
        bands = np.add.reduceat(mag, self._edges[:-1], axis=1)[:, : len(self._edges) - 1]
        widths = np.diff(self._edges).astype(np.float32)
        scale = np.float32(self.frame * self._window.sum() / 2)  # a full-scale sine -> ~0 dB
        db = 10 * np.log10(bands / (widths * scale) + 1e-10)
        db = np.maximum(db, FLOOR_DB)
        prev = db[:1] if self._prev is None else self._prev[None, :]
        rise = np.diff(np.concatenate([prev, db]), axis=0)
        self._flux.append(np.maximum(rise, 0).mean(axis=1).astype(np.float32))
        self._prev = db[-1]

    def level_db(self) -> np.ndarray:
        """Level of each whole frame so far, dB (mono mean square): (frames,) float32."""
        self._drain()
        return np.concatenate(self._level) if self._level else np.zeros(0, np.float32)

    def flux(self) -> np.ndarray:
        """Spectral flux of each whole frame so far, dB: (frames,) float32."""
        self._drain()
        return np.concatenate(self._flux) if self._flux else np.zeros(0, np.float32)


def running_median(x: np.ndarray, width: int, chunk: int = 1 << 14) -> np.ndarray:
    """Median of each odd `width` window of 1-D x centred on each sample, the ends extended
    with the edge values (scipy.ndimage.median_filter's mode "nearest", without the 0.3 s
    import): same shape and dtype as x. Windows are taken `chunk` at a time, so memory
    stays flat for a 6-hour flux."""
    half = width // 2
    padded = np.pad(x, half, mode="edge")
    windows = np.lib.stride_tricks.sliding_window_view(padded, width)
    out = np.empty_like(x)
    for lo in range(0, len(x), chunk):
        out[lo : lo + chunk] = np.median(windows[lo : lo + chunk], axis=1)
    return out


def onset_frames(flux: np.ndarray, frame_s: float, delta_db: float = 3.0) -> np.ndarray:
    """Indices of onsets: local peaks of the flux at least `delta_db` above its median over
    the surrounding second, at least 50 ms apart."""
    if len(flux) < 3:
        return np.zeros(0, int)
    width = max(3, round(1.0 / frame_s) | 1)
    threshold = running_median(flux, width) + delta_db
    peak = (flux[1:-1] > flux[:-2]) & (flux[1:-1] >= flux[2:]) & (flux[1:-1] > threshold[1:-1])
    idx = np.flatnonzero(peak) + 1
    gap = max(1, round(0.05 / frame_s))
    keep: list[int] = []
    for i in idx.tolist():
        if not keep or i - keep[-1] >= gap:
            keep.append(i)
    return np.asarray(keep, int)
