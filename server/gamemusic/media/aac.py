"""AAC in parallel: ffmpeg's AAC encoder is single-threaded and is the slowest part of a
copy-path render (about 2 s per 2 minutes of stereo). We cut the soundtrack in two at a frame
boundary, encode both halves at once (one per core) to ADTS, and splice the frame streams:

    half A: samples [0, S + 2048)          keep its packets 0 .. S/1024
    half B: samples [S - 4096, n)          drop its first 4096/1024 + 1 packets, keep the rest

With 1024 samples of encoder delay, packet j carries input samples [(j-1)·1024, j·1024), so
the spliced stream is what one encoder would have produced, up to quantization at the seam;
each half has 2048+ samples of context there, so both see the same windows. A's packets are
passed on as they are made, so the final mux runs alongside the encoders.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import numpy as np

from gamemusic.media import ffmpeg
from gamemusic.media.mix import SR

FRAME = 1024
PRE_ROLL = 4 * FRAME
POST_ROLL = 2 * FRAME
MIN_SPLIT_S = 20.0  # shorter soundtracks are encoded in one piece
PRIMING_S = FRAME / SR  # the encoder delay, undone with -itsoffset in the final mux


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


def _encoder_args(bitrate: str) -> list[str]:
    return ["-f", "f32le", "-ar", str(SR), "-ac", "2", "-i", "pipe:0",
            "-c:a", "aac", "-b:a", bitrate, "-f", "adts", "pipe:1"]  # fmt: skip


async def _encode(
    pcm: np.ndarray,
    bitrate: str,
    timeout: float | None,
    sink: asyncio.Queue[bytes | None] | None = None,
) -> list[bytes]:
    """Encode interleaved float32 PCM to ADTS frames; with `sink`, also stream them there."""
    buf = bytearray()
    frames: list[bytes] = []

    async def feed(stdin: asyncio.StreamWriter) -> None:
        for i in range(0, len(pcm), SR):  # interleave one second at a time
            stdin.write(np.ascontiguousarray(pcm[i : i + SR], dtype="<f4").tobytes())
            await stdin.drain()

    async def take(chunk: bytes) -> None:
        buf.extend(chunk)
        for frame in _adts_frames(buf):
            frames.append(frame)
            if sink is not None:
                await sink.put(frame)

    await ffmpeg.run(
        _encoder_args(bitrate),
        feed=feed,
        on_stdout=take,
        timeout=timeout,
        what="Encoding the audio",
    )
    return frames


def split_point(n: int) -> int | None:
    """Where to cut n samples (a frame boundary near the middle), or None for one piece."""
    if n < MIN_SPLIT_S * SR:
        return None
    return (n // 2) // FRAME * FRAME


async def spliced_adts(
    audio: np.ndarray, *, bitrate: str = "192k", timeout: float | None = None
) -> AsyncIterator[bytes]:
    """ADTS frames of (samples, 2) float32 audio, encoded in two halves at once, in order."""
    n = len(audio)
    s = split_point(n)
    if s is None:
        for frame in await _encode(audio, bitrate, timeout):
            yield frame
        return
    queue: asyncio.Queue[bytes | None] = asyncio.Queue(maxsize=256)
    keep_a = s // FRAME + 1

    async def first_half() -> None:
        try:
            await _encode(audio[: s + POST_ROLL], bitrate, timeout, sink=queue)
        finally:
            await queue.put(None)

    a_task = asyncio.ensure_future(first_half())
    b_task = asyncio.ensure_future(_encode(audio[s - PRE_ROLL :], bitrate, timeout))
    try:
        sent = 0
        while (frame := await queue.get()) is not None:
            if sent < keep_a:
                sent += 1
                yield frame
        await a_task
        for frame in (await b_task)[PRE_ROLL // FRAME + 1 :]:
            yield frame
    finally:
        for task in (a_task, b_task):
            if not task.done():
                task.cancel()
        await asyncio.gather(a_task, b_task, return_exceptions=True)
