"""The analysis pass: one reader of the recording's sound, any number of consumers.

An ffmpeg child decodes the game audio to (samples, 2) float32 at 48 kHz, read one block at a
time; each block goes to a Meter (loudness per 100 ms hop, level and peak per 10 ms frame)
and to every extra consumer, e.g. the gameplay reader. Nothing but those small per-hop and
per-frame arrays is kept, so an hour of audio costs a few MB.

    found = await analyse(info, consumers=[my_reader.feed])
    found.lufs, found.hop_db, found.hop_s   # integrated and per-hop loudness
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass

import anyio
import numpy as np

from gamemusic.media import ffmpeg
from gamemusic.media.meter import FRAME_S, HOP_S, SR, Measured, Meter
from gamemusic.media.probe import MediaInfo

BLOCK = SR  # samples per decoded block (1 s, 384 KB)
Consumer = Callable[[np.ndarray], None]


@dataclass
class GameAnalysis:
    """The game audio of the first n samples of the output timeline, measured.

    lufs: integrated loudness (BS.1770). hop_db: (hops,) momentary loudness per `hop_s`
    (100 ms). frame_power / frame_peak: (frames,) mono mean-square and sample peak per
    `frame_s` (10 ms), what the ducking and the intensity curve read."""

    measured: Measured
    hop_s: float = HOP_S
    frame_s: float = FRAME_S

    @property
    def lufs(self) -> float:
        return self.measured.lufs

    @property
    def hop_db(self) -> np.ndarray:
        return self.measured.hop_db

    @property
    def frame_power(self) -> np.ndarray:
        return self.measured.frame_power

    @property
    def frame_peak(self) -> np.ndarray:
        return self.measured.frame_peak

    def intensity(self, start_s: float, duration_s: float, step_s: float = 0.5) -> np.ndarray:
        """Game-audio energy per `step_s` over [start_s, start_s + duration_s), 0..1 (for the
        composer): (ceil(duration / step),) float32."""
        steps = max(1, int(np.ceil(duration_s / step_s)))
        per = max(1, round(step_s / self.frame_s))
        first = round(start_s / self.frame_s)
        power = self.frame_power[first : first + steps * per]
        if not len(power):
            return np.full(steps, 0.5, np.float32)
        full = len(power) // per
        chunks = [power[: full * per].reshape(full, per).mean(axis=1)] if full else []
        if len(power) > full * per:
            chunks.append(power[full * per :].mean(keepdims=True))
        env = 10 * np.log10(np.maximum(np.concatenate(chunks), 1e-12))[:steps]
        env = np.pad(env, (0, steps - len(env)), mode="edge")
        lo, hi = np.percentile(env, 10), np.percentile(env, 95)
        if hi - lo < 3:
            return np.full(steps, 0.5, np.float32)
        return np.clip((env - lo) / (hi - lo), 0, 1).astype(np.float32)


def decode_args(info: MediaInfo) -> list[str]:
    """ffmpeg arguments writing the input's first audio stream as f32le stereo 48 kHz."""
    return [*ffmpeg.WHITELIST, "-f", info.demuxer, "-i", str(info.path), "-map", "0:a:0",
            "-vn", "-ac", "2", "-ar", str(SR), "-f", "f32le", "pipe:1"]  # fmt: skip


async def game_blocks(info: MediaInfo, n: int, block: int = BLOCK) -> AsyncIterator[np.ndarray]:
    """The input's sound as (m, 2) float32 blocks of `block` samples (the last shorter), at
    most n samples in all; ends early if the recording's sound is shorter."""
    left = n
    async with ffmpeg.reading(decode_args(info), what="Reading the game audio") as reader:
        while left > 0:
            raw = await reader.read(min(block, left) * 8)
            if len(raw) < 8:
                break
            data = np.frombuffer(raw[: len(raw) // 8 * 8], dtype="<f4").reshape(-1, 2)
            left -= len(data)
            yield data
            if reader.eof:
                break


class Kept:
    """Decoded blocks kept for a second pass, as 16 bits with a scale per block (half the
    bytes of float32, never clipped, 90+ dB under each block's peak), while they fit in
    `budget` bytes; past it, nothing is kept (`blocks` is None) and the audio is decoded again."""

    def __init__(self, budget: int) -> None:
        self.blocks: list[tuple[np.float32, np.ndarray]] | None = []
        self._left = budget

    def feed(self, block: np.ndarray) -> None:
        if self.blocks is None:
            return
        self._left -= block.size * 2
        if self._left < 0:
            self.blocks = None
            return
        peak = np.float32(np.abs(block).max(initial=0.0))
        scale = peak / np.float32(32767) if peak > 0 else np.float32(1.0)
        self.blocks.append((scale, np.rint(block / scale).astype(np.int16)))

    async def replay(self) -> AsyncIterator[np.ndarray]:
        """The kept blocks again, as (m, 2) float32."""
        for scale, q in self.blocks or ():
            yield q * scale


async def analyse(
    info: MediaInfo,
    n: int | None = None,
    consumers: Sequence[Consumer] = (),
    *,
    on_progress: Callable[[float], Awaitable[None]] | None = None,
) -> GameAnalysis | None:
    """Measure the first n samples (default: the whole recording) of the input's sound,
    handing every decoded block ((m, 2) float32, 48 kHz, read-only, in order, about 1 s each)
    to each consumer, in a worker thread. None when the input has no sound."""
    n = round(info.duration_s * SR) if n is None else n
    if not info.has_audio or n <= 0:
        return None
    meter = Meter(codec_band=True)  # planned on what the AAC encoder keeps

    def take(block: np.ndarray) -> None:
        meter.feed(block)
        for consume in consumers:
            consume(block)

    done = 0
    blocks = game_blocks(info, n)
    try:
        async for block in blocks:
            await anyio.to_thread.run_sync(take, block)
            done += len(block)
            if on_progress:
                await on_progress(done / n)
    finally:
        await blocks.aclose()
    return GameAnalysis(meter.finish())
