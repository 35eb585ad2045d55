"""Run the bundled ffmpeg as a child process: argument lists only, no shell, no network.

Every run gets `-nostdin` (unless we feed stdin), `-protocol_whitelist file,pipe` on each
input, and its own process group, so cancelling the awaiting task kills ffmpeg and whatever
it started. Its stderr is kept (the tail goes into errors and the log), never our stdout.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import functools
import logging
import os
import re
import shutil
import signal
import sys
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import imageio_ffmpeg

from gamemusic.errors import RenderError
from gamemusic.paths import replacing, sweep_partials

log = logging.getLogger("gamemusic.ffmpeg")

WHITELIST = ("-protocol_whitelist", "file,pipe")
_ROTATION = re.compile(r"rotation of (-?\d+(?:\.\d+)?) degrees")


@functools.cache
def _launcher() -> tuple[str, ...]:
    """On Linux, ffmpeg starts under `setpriv --pdeathsig KILL`: if we die, even by SIGKILL,
    the kernel kills it too (ffmpeg itself ignores a broken pipe and would render on)."""
    setpriv = shutil.which("setpriv") if sys.platform.startswith("linux") else None
    return (setpriv, "--pdeathsig", "KILL", "--") if setpriv else ()


def ffmpeg_exe() -> str:
    return imageio_ffmpeg.get_ffmpeg_exe()


def base_args() -> list[str]:
    return [*_launcher(), ffmpeg_exe(), "-hide_banner", "-nostats", "-loglevel", "error"]


_F_SETPIPE_SZ = 1031  # Linux fcntl
_PIPE_BYTES = 1 << 20


def _widen_pipes(proc: asyncio.subprocess.Process) -> None:
    """1 MB pipe buffers instead of 64 KB (Linux): raw audio then crosses in a sixteenth of the
    reads, writes and wake-ups. Best effort: any refusal keeps the default."""
    transport = getattr(proc, "_transport", None)  # the Process's SubprocessTransport
    if transport is None or not sys.platform.startswith("linux"):
        return
    for fd in (0, 1):
        pipe = transport.get_pipe_transport(fd)
        handle = pipe.get_extra_info("pipe") if pipe is not None else None
        if handle is not None:
            with contextlib.suppress(OSError, ValueError):
                fcntl.fcntl(handle.fileno(), _F_SETPIPE_SZ, _PIPE_BYTES)


def _kill(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)


async def _stop(proc: asyncio.subprocess.Process, tasks: list[asyncio.Future[None]]) -> None:
    """Kill the child, cancel the tasks that read and write it, and wait for it (the waiting
    goes on when we are cancelled meanwhile). Its pipes are read to their end: asyncio reports
    the exit only once every pipe is closed, and a full pipe nobody reads never closes."""
    _kill(proc)
    for task in tasks:
        task.cancel()

    async def drain(stream: asyncio.StreamReader | None) -> None:
        with contextlib.suppress(Exception):
            while stream is not None and await stream.read(1 << 16):
                pass

    async def reap() -> None:
        await asyncio.gather(*tasks, return_exceptions=True)
        await asyncio.gather(drain(proc.stdout), drain(proc.stderr), proc.wait())

    with contextlib.suppress(Exception):
        await asyncio.shield(reap())


async def run(
    args: list[str],
    *,
    total_s: float = 0.0,
    on_progress: Callable[[float], Awaitable[None]] | None = None,
    feed: Callable[[asyncio.StreamWriter], Awaitable[None]] | None = None,
    capture: bool = False,
    on_stdout: Callable[[bytes], Awaitable[None]] | None = None,
    timeout: float | None = None,
    what: str = "ffmpeg",
) -> bytes:
    """Run ffmpeg with `args` (without the executable). Progress comes from `-progress pipe:1`
    unless `capture` is set, in which case stdout is returned, or `on_stdout` is given, which
    receives stdout as it arrives. `feed` writes stdin."""
    capture = capture or on_stdout is not None
    cmd = base_args()
    if not capture:
        cmd += ["-progress", "pipe:1"]
    if feed is None:
        cmd.append("-nostdin")
    cmd += args
    log.debug("run %s", cmd)
    proc = await asyncio.create_subprocess_exec(
        *cmd,
        stdin=asyncio.subprocess.PIPE if feed else asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        start_new_session=True,
    )
    _widen_pipes(proc)
    tail: deque[str] = deque(maxlen=30)
    out = bytearray()

    async def read_err() -> None:
        assert proc.stderr
        async for line in proc.stderr:
            tail.append(line.decode(errors="replace").rstrip())

    async def read_out() -> None:
        assert proc.stdout
        if capture:
            while chunk := await proc.stdout.read(1 << 16):
                if on_stdout is None:
                    out.extend(chunk)
                else:
                    await on_stdout(chunk)
            return
        async for line in proc.stdout:
            key, _, value = line.decode(errors="replace").strip().partition("=")
            if key == "out_time_us" and on_progress and total_s > 0 and value.isdigit():
                await on_progress(min(1.0, int(value) / 1e6 / total_s))

    async def write_in() -> None:
        assert proc.stdin and feed
        try:
            await feed(proc.stdin)
            await proc.stdin.drain()
        except (BrokenPipeError, ConnectionResetError):
            pass  # ffmpeg stopped reading; its exit code tells why
        finally:
            proc.stdin.close()

    tasks = [
        asyncio.ensure_future(c) for c in (read_err(), read_out(), *([write_in()] if feed else []))
    ]
    try:
        async with asyncio.timeout(timeout):
            await asyncio.gather(*tasks)
            code = await proc.wait()
    except TimeoutError:
        await _stop(proc, tasks)
        raise RenderError(
            f"{what} took longer than {timeout:g} s and was stopped.",
            hint="Try a shorter clip.",
            code="timeout",
        ) from None
    except BaseException as exc:
        log.debug("%s stopped: %r", what, exc)
        await _stop(proc, tasks)
        raise
    if code != 0:
        detail = " | ".join(tail) or f"exit code {code}"
        log.warning("%s failed: %s", what, detail)
        raise RenderError(
            f"{what} failed: {tail[-1] if tail else f'exit code {code}'}",
            hint="The log has the details.",
            detail=detail,
        )
    return bytes(out)


class Reader:
    """Pull stdout of a running ffmpeg child in chunks (see `reading`)."""

    def __init__(self, stream: asyncio.StreamReader) -> None:
        self._stream = stream
        self.eof = False

    async def read(self, n: int) -> bytes:
        """Up to n bytes: exactly n unless the stream ended."""
        try:
            return await self._stream.readexactly(n)
        except asyncio.IncompleteReadError as exc:
            self.eof = True
            return exc.partial


@contextlib.asynccontextmanager
async def reading(args: list[str], *, what: str = "ffmpeg") -> AsyncIterator[Reader]:
    """Run ffmpeg with `args` writing to stdout and hand out a Reader of it. Leaving the block
    early (or by an error or a cancel) kills the child; after reading to the end, a failure
    of the child raises RenderError as `run` does."""
    cmd = [*base_args(), "-nostdin", *args]
    log.debug("read %s", cmd)
    proc = await asyncio.create_subprocess_exec(
        *cmd,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        start_new_session=True,
        limit=1 << 20,
    )
    _widen_pipes(proc)
    tail: deque[str] = deque(maxlen=30)

    async def read_err() -> None:
        assert proc.stderr
        async for line in proc.stderr:
            tail.append(line.decode(errors="replace").rstrip())

    errors = asyncio.ensure_future(read_err())
    assert proc.stdout
    reader = Reader(proc.stdout)
    try:
        yield reader
    except BaseException as exc:
        log.debug("%s stopped: %r", what, exc)
        await _stop(proc, [errors])
        raise
    if not reader.eof:
        await _stop(proc, [errors])  # the caller had what it wanted
        return
    await errors
    if (code := await proc.wait()) != 0:
        detail = " | ".join(tail) or f"exit code {code}"
        log.warning("%s failed: %s", what, detail)
        raise RenderError(
            f"{what} failed: {tail[-1] if tail else f'exit code {code}'}",
            hint="The log has the details.",
            detail=detail,
        )


async def display_rotation(path: Path, demuxer: str) -> int:
    """Rotation from the container's display matrix, read by an ffmpeg child (no decoding)."""
    proc = await asyncio.create_subprocess_exec(
        *_launcher(),
        ffmpeg_exe(),
        "-hide_banner",
        "-nostdin",
        *WHITELIST,
        "-f",
        demuxer,
        "-i",
        str(path),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
        start_new_session=True,
    )
    try:
        async with asyncio.timeout(20):  # not wait_for: on 3.11 it can lose a cancel
            _, err = await proc.communicate()
    except BaseException:
        _kill(proc)
        raise
    match = _ROTATION.search(err.decode(errors="replace"))
    return round(float(match.group(1))) % 360 if match else 0


@contextlib.asynccontextmanager
async def partial_file(final: Path) -> AsyncIterator[Path]:
    """A temporary path beside `final`, renamed onto it on success and removed otherwise.
    Partials left there by killed processes are swept first."""
    final.parent.mkdir(parents=True, exist_ok=True)
    sweep_partials(final.parent)
    with replacing(final) as tmp:
        yield tmp
