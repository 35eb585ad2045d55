"""SIGKILL at several moments of an edit and of an export: every session stays readable, no
partial output survives the next export, and two processes editing one session serialize."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import anyio
import pytest
from anyio.abc import Process

from gamemusic.app import App
from gamemusic.config import Settings
from gamemusic.sessions import SessionStore
from helpers import probe
from reliability.support import alive, ffmpeg_pids, partials, until

pytestmark = pytest.mark.anyio

DRIVER = str(Path(__file__).with_name("driver.py"))


class Lines:
    """The driver's stdout, line by line, each wait bounded."""

    def __init__(self, proc: Process):
        self.proc = proc
        self.buffer = b""
        self.seen: list[str] = []

    async def until(self, prefix: str, timeout: float = 60.0) -> str:
        assert self.proc.stdout is not None
        with anyio.fail_after(timeout):
            while True:
                while b"\n" in self.buffer:
                    raw, self.buffer = self.buffer.split(b"\n", 1)
                    line = raw.decode()
                    self.seen.append(line)
                    if line.startswith(prefix):
                        return line
                self.buffer += await self.proc.stdout.receive()


async def spawn(*args: str) -> Process:
    return await anyio.open_process([sys.executable, DRIVER, *args], stderr=None)


async def kill(proc: Process) -> None:
    proc.send_signal(signal.SIGKILL)
    with anyio.fail_after(10):
        await proc.wait()
    assert proc.returncode == -signal.SIGKILL


async def session_with_music(clip: Path) -> str:
    app = App(Settings.from_env())
    try:
        sid = (await app.upload(str(clip))).session_id
        await app.edit(sid, "add retro chiptune background music")
    finally:
        await app.aclose()
    return sid


def every_session_readable(settings: Settings) -> None:
    store = SessionStore(settings.sessions_dir)
    folders = [p for p in settings.sessions_dir.iterdir() if p.is_dir()]
    for folder in folders:
        store.load(folder.name)  # raises if torn or damaged
    assert len(store.list()) == len(folders)


@pytest.mark.parametrize("after_edits", [0, 1, 3, 8])
async def test_a_process_killed_while_editing_leaves_the_session_readable_and_unlocked(
    after_edits: int, small_clip: Path
) -> None:
    settings = Settings.from_env()
    sid = await session_with_music(small_clip)
    proc = await spawn("edit", sid, "a", "0")  # edits until killed
    async with proc:
        await Lines(proc).until(f"edit {after_edits}" if after_edits else "ready")
        await kill(proc)
    every_session_readable(settings)
    store = SessionStore(settings.sessions_dir)
    assert len(store.load(sid).project().history) >= 1 + after_edits
    # The dead writer's lock went with it: the next edit goes through and sweeps its temp file.
    app = App(settings)
    try:
        with anyio.fail_after(10):
            result = await app.edit(sid, "music volume 50%")
    finally:
        await app.aclose()
    assert "50%" in result.timeline
    assert store.load(sid).project().draft.music.meta.volume == 0.5  # type: ignore[union-attr]
    assert list((settings.sessions_dir / sid).glob(".session.json.*")) == []


async def test_two_processes_editing_one_session_take_turns_and_lose_no_edit(
    small_clip: Path,
) -> None:
    settings = Settings.from_env()
    sid = await session_with_music(small_clip)
    a, b = await spawn("edit", sid, "a", "6"), await spawn("edit", sid, "b", "6")
    async with a, b:
        with anyio.fail_after(60):
            assert await a.wait() == 0
            assert await b.wait() == 0
    history = SessionStore(settings.sessions_dir).load(sid).project().history
    said = [h.instruction for h in history]
    assert len(said) == 1 + 12
    assert sum(s in ("music volume 20%", "music volume 30%") for s in said) == 6
    assert sum(s in ("music volume 60%", "music volume 70%") for s in said) == 6


@pytest.mark.parametrize(
    "moment",
    [
        pytest.param("Listening", marks=pytest.mark.slow),  # analysis and composing
        "Rendering",
    ],
)
async def test_a_process_killed_while_exporting_leaves_no_partial_output_after_the_next_export(
    moment: str, slow_clip: Path, tmp_path: Path
) -> None:
    settings = Settings.from_env()
    out_dir = settings.output_dir
    sid = await session_with_music(slow_clip)
    proc = await spawn("export", sid, "veryslow")
    async with proc:
        lines = Lines(proc)
        line = ""
        while moment not in line:
            line = await lines.until("progress", 60)
        if moment == "Rendering":
            await until(lambda: partials(out_dir), 30)  # ffmpeg is writing
        await kill(proc)
    every_session_readable(settings)
    final = out_dir / "long take_music.mp4"
    assert not final.exists(), "a killed export leaves no file under the output's name"
    if moment == "Rendering":
        assert partials(out_dir), "the killed process could not remove its partial file"
    # ffmpeg runs under a parent-death signal: killing its parent kills it too (Linux).
    await until(lambda: not ffmpeg_pids(tmp_path), 10)
    orphans = ffmpeg_pids(tmp_path)
    app = App(settings)
    try:
        state = await app.state(sid)
        assert state.jobs[0].status == "failed"
        assert state.jobs[0].error == "The render was interrupted by a restart; call export again."
        with anyio.fail_after(120):
            result = await app.export(sid, wait_s=120)
    finally:
        await app.aclose()
        for pid in alive(orphans):  # test hygiene: do not leave the CPU busy
            os.kill(pid, signal.SIGKILL)
    assert result.done, result.text
    assert Path(result.job.output_path or "") == final
    assert probe(final).duration == pytest.approx(6, abs=0.1)
    assert partials(out_dir) == [], "the next export swept the killed one's partial file"
