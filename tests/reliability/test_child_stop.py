"""A stopped ffmpeg child is reaped even when its output pipe is full and nobody reads it:
the render ends with its error instead of waiting for ever (a hang seen on a loaded machine)."""

from __future__ import annotations

import asyncio
import os

import anyio
import pytest

from gamemusic.errors import RenderError
from gamemusic.media import ffmpeg

pytestmark = pytest.mark.anyio

# Ten minutes of noise as raw float32 on stdout: far more than any pipe or reader buffer holds.
NOISE = ["-f", "lavfi", "-i", "anoisesrc=d=600:sample_rate=48000", "-f", "f32le", "pipe:1"]


async def test_a_timed_out_child_with_a_full_pipe_is_reaped() -> None:
    stuck = asyncio.Event()
    pids: list[int] = []

    async def never_done(chunk: bytes) -> None:  # a consumer that stalls: the pipe fills up
        pids.extend(int(p) for p in os.listdir("/proc") if p.isdigit() and _is_noise(int(p)))
        await stuck.wait()

    with anyio.fail_after(20):
        with pytest.raises(RenderError) as err:
            await ffmpeg.run(NOISE, on_stdout=never_done, timeout=1.0, what="Making noise")
    assert err.value.code == "timeout"
    assert pids and not any(_is_noise(p) for p in pids)


async def test_a_reader_left_early_reaps_its_child() -> None:
    with anyio.fail_after(20):
        async with ffmpeg.reading(NOISE, what="Making noise") as reader:
            assert len(await reader.read(1 << 16)) == 1 << 16
            await anyio.sleep(0.5)  # the pipe and the reader's buffer fill up meanwhile
    assert not [p for p in os.listdir("/proc") if p.isdigit() and _is_noise(int(p))]


def _is_noise(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"anoisesrc=d=600" in f.read()
    except OSError:
        return False
