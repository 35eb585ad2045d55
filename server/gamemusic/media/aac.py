"""AAC in parallel, from a stream: ffmpeg's AAC encoder is single-threaded and is the slowest
part of a copy-path render (about 0.9 s of CPU per 2 minutes of stereo). The soundtrack is cut at
frame boundaries into parts of about a minute; each part gets its own encoder as soon as its
first samples exist, so two or more encode at once, and their ADTS frame streams are spliced:

    part 0:  samples [0, b1 + 2048)               keep its packets 0 .. b1/1024
    part i:  samples [bi - 4096, b(i+1) + 2048)   drop its first 4096/1024 + 1 packets, keep
                                                  (b(i+1) - bi)/1024 (the last part: the rest)

With 1024 samples of encoder delay, packet j carries input samples [(j-1)·1024, j·1024), so
the spliced stream is what one encoder would have produced, up to quantization at the seams;
each part has 2048+ samples of context there, so both sides see the same windows. Frames are
passed on in order as they are made, in chunks of whatever is ready. PCM waiting for an encoder is bounded (`BUDGET_BYTES`):
the soundtrack's producer waits when the encoders fall behind.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import numpy as np

from gamemusic.media import ffmpeg
from gamemusic.media.meter import SR

FRAME = 1024
PRE_ROLL = 4 * FRAME
POST_ROLL = 2 * FRAME
MIN_SPLIT_S = 20.0  # shorter soundtracks are encoded in one piece
PART_S = 60.0
BUDGET_BYTES = 64 << 20  # PCM queued for the encoders (~2.9 min of float32 stereo)
PRIMING_S = FRAME / SR  # the encoder delay, undone with -itsoffset in the final mux
BITRATE = "256k"


def _adts_frames(buf: bytearray) -> list[bytes]:
    """Pop every complete ADTS frame from the front of `buf`."""
    frames = []
    while len(buf) >= 7:
        if buf[0] != 0xFF or buf[1] & 0xF0 != 0xF0:
            raise ValueError("not an ADTS stream")
        length = ((buf[3] & 0x03) << 11) | (buf[4] << 3) | (buf[5] >> 5)
        if length < 7 or len(buf) < length:
            break
        frames.append(bytes(buf[:length]))
        del buf[:length]
    return frames


def codec_args(bitrate: str = BITRATE) -> list[str]:
    """ffmpeg's AAC encoder as we use it. Its fast coder without intensity stereo at 256 kbit/s
    is closer to the source than the default (two-loop, 192 kbit/s) in every band above 500 Hz
    and in the stereo difference, for 45% of its CPU time (`benchmarks/aac_quality.py`); it
    keeps 0-20.2 kHz."""
    return ["-c:a", "aac", "-aac_coder", "fast", "-aac_is", "0", "-b:a", bitrate]


PCM_IN = ["-f", "s16le", "-ar", str(SR), "-ac", "2", "-i", "pipe:0"]


def pcm16(block: np.ndarray) -> bytes:
    """(m, 2) float32 as the 16-bit PCM an encoder reads from PCM_IN: half the bytes of
    float32 through the pipe, and the soundtrack is limited under full scale already."""
    return np.clip(np.rint(block * 32768.0), -32768, 32767).astype("<i2").tobytes()


def _encoder_args(bitrate: str) -> list[str]:
    return [*PCM_IN, *codec_args(bitrate), "-f", "adts", "pipe:1"]


@dataclass(frozen=True)
class PartSpec:
    """One encoder's share: input samples [lo, hi); of its packets, skip `skip`, then keep
    `keep` (None: all the rest)."""

    lo: int
    hi: int
    skip: int
    keep: int | None


def plan_parts(n: int, part_s: float = PART_S) -> list[PartSpec]:
    """How to cut n samples (a multiple of FRAME) among encoders."""
    if n < MIN_SPLIT_S * SR:
        return [PartSpec(0, n, 0, None)]
    k = max(2, round(n / (part_s * SR)))
    bounds = [round(i * n / k / FRAME) * FRAME for i in range(k)] + [n]
    specs = []
    for i in range(k):
        last = i == k - 1
        lo = 0 if i == 0 else bounds[i] - PRE_ROLL
        hi = n if last else bounds[i + 1] + POST_ROLL
        skip = 0 if i == 0 else PRE_ROLL // FRAME + 1
        keep = None if last else (bounds[i + 1] - bounds[i]) // FRAME + (1 if i == 0 else 0)
        specs.append(PartSpec(lo, hi, skip, keep))
    return specs


@dataclass
class _Part:
    spec: PartSpec
    queue: asyncio.Queue[bytes | None] = field(default_factory=asyncio.Queue)
    frames: deque[bytes] = field(default_factory=deque)
    task: asyncio.Task[None] | None = None
    closed: bool = False
    seen: int = 0


class _Budget:
    """Bytes of PCM waiting in the encoders' queues, bounded."""

    def __init__(self, limit: int) -> None:
        self.limit, self.used = limit, 0
        self._cond = asyncio.Condition()

    async def acquire(self, k: int) -> None:
        async with self._cond:
            await self._cond.wait_for(lambda: self.used == 0 or self.used + k <= self.limit)
            self.used += k

    async def release(self, k: int) -> None:
        async with self._cond:
            self.used -= k
            self._cond.notify_all()


async def encode_stream(
    blocks: AsyncIterator[np.ndarray],
    n: int,
    *,
    bitrate: str = BITRATE,
    timeout: float | None = None,
    part_s: float = PART_S,
) -> AsyncIterator[bytes]:
    """The ADTS stream, in order, of the first n samples (a multiple of FRAME) of `blocks`
    ((m, 2) float32), encoded in parts at once: chunks of whole frames as they are ready."""
    parts = [_Part(spec) for spec in plan_parts(n, part_s)]
    changed = asyncio.Event()
    budget = _Budget(BUDGET_BYTES)

    async def run_part(part: _Part) -> None:
        buf = bytearray()

        async def feed(stdin: asyncio.StreamWriter) -> None:
            while (chunk := await part.queue.get()) is not None:
                stdin.write(chunk)
                await stdin.drain()
                await budget.release(len(chunk))

        async def take(chunk: bytes) -> None:
            buf.extend(chunk)
            part.frames.extend(_adts_frames(buf))
            changed.set()

        try:
            await ffmpeg.run(
                _encoder_args(bitrate), feed=feed, on_stdout=take, timeout=timeout,
                what="Encoding the audio",
            )  # fmt: skip
        finally:
            changed.set()

    def close(part: _Part) -> None:
        if not part.closed:
            part.closed = True
            part.queue.put_nowait(None)

    async def pump() -> None:
        pos = 0
        try:
            async for block in blocks:
                end = pos + len(block)
                for part in parts:
                    lo, hi = max(part.spec.lo, pos), min(part.spec.hi, end)
                    if lo >= hi:
                        continue
                    if part.task is None:
                        part.task = asyncio.ensure_future(run_part(part))
                    raw = pcm16(block[lo - pos : hi - pos])
                    await budget.acquire(len(raw))
                    part.queue.put_nowait(raw)
                    if hi == part.spec.hi:
                        close(part)
                pos = end
                if pos >= n:
                    break
        finally:
            for part in parts:
                close(part)
            changed.set()

    for part in parts[:2]:  # the first encoders start at once, before the first samples
        part.task = asyncio.ensure_future(run_part(part))
    pumping = asyncio.ensure_future(pump())
    try:
        for part in parts:
            while True:
                ready = []
                while part.frames:
                    frame = part.frames.popleft()
                    index, part.seen = part.seen, part.seen + 1
                    keep = part.spec.keep
                    if index >= part.spec.skip and (keep is None or index < part.spec.skip + keep):
                        ready.append(frame)
                if ready:
                    yield b"".join(ready)
                if pumping.done() and not pumping.cancelled() and pumping.exception():
                    pumping.result()
                if part.task is None and pumping.done():
                    break  # the soundtrack ended before this part
                if part.task is not None and part.task.done():
                    part.task.result()
                    if not part.frames:
                        break
                    continue
                changed.clear()
                await changed.wait()
        pumping.result()
    finally:
        tasks = [pumping, *(p.task for p in parts if p.task is not None)]
        for task in tasks:
            if not task.done():
                task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
