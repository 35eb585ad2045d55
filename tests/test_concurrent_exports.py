"""Exports started at the same moment into the default output folder each get their own file,
even when every upload has the same name."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import anyio
import pytest

from gamemusic.app import App
from gamemusic.config import Settings
from helpers import make_video, probe

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.slow
async def test_eight_concurrent_exports_of_same_named_inputs_give_eight_distinct_valid_files(
    tmp_path: Path,
) -> None:
    source = make_video(tmp_path / "src.mp4", seconds=0.5, size=(160, 90))
    clips = []
    for i in range(8):
        folder = tmp_path / f"user{i}"
        folder.mkdir()
        clips.append(folder / "commentary.mp4")
        clips[-1].write_bytes(source.read_bytes())
    settings = Settings.from_env()
    app = App(settings)
    try:
        with anyio.fail_after(120):
            sids = [(await app.upload(str(c))).session_id for c in clips]
            for sid in sids:
                await app.edit(sid, "add chiptune music")
            results: list = [None] * 8

            async def export(i: int) -> None:
                results[i] = await app.export(sids[i], wait_s=120)

            async with anyio.create_task_group() as tg:
                for i in range(8):
                    tg.start_soon(export, i)
    finally:
        await app.aclose()
    paths = [Path(r.job.output_path) for r in results if r.done]
    assert len(paths) == 8 and len(set(paths)) == 8
    assert {p.parent for p in paths} == {settings.output_dir}
    assert sorted(p.name for p in settings.output_dir.iterdir()) == sorted(p.name for p in paths)
    for path in paths:
        assert probe(path).width == 1920 and abs(probe(path).duration - 0.5) < 0.1


@pytest.mark.slow
def test_processes_claiming_names_in_one_folder_at_once_never_share_one(tmp_path: Path) -> None:
    claim = (
        "import sys, time; from pathlib import Path; from gamemusic.paths import reserve_output;"
        "time.sleep(max(0, float(sys.argv[1]) - time.time()));"
        "print(reserve_output(Path(sys.argv[2]), 'clip_music', Path(sys.argv[3])).name, flush=True);"
        "time.sleep(1.5)"  # still rendering: the claim holds while the process lives
    )
    at = str(time.time() + 1.0)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", claim, at, str(tmp_path / "out"), str(tmp_path / "locks")],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    names = [p.communicate(timeout=30)[0].strip() for p in procs]
    assert len(set(names)) == 6 and "clip_music.mp4" in names
