"""Shutdown: local renders die with the process (ffmpeg is our child), so they are cancelled,
leave no file and say why; cloud ones are left running (tests/nemo/test_nemo_restart.py)."""

from __future__ import annotations

from pathlib import Path

import anyio
import pytest

from gamemusic.app import App
from gamemusic.config import Settings
from gamemusic.sessions import SessionStore
from helpers import make_video

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.parametrize("moment", ["queued", "encoding"])
async def test_a_local_render_running_at_shutdown_is_cancelled_and_says_the_server_stopped(
    tmp_path: Path, moment: str
) -> None:
    clip = make_video(tmp_path / "long.mp4", seconds=4.0, size=(640, 360))
    settings = Settings.from_env()
    app = App(settings)
    with anyio.fail_after(60):
        sid = (await app.upload(str(clip))).session_id
        await app.edit(sid, "add chiptune music")
        started = await app.export(sid, wait_s=0)
        live = app.jobs.live[started.job.job_id]
        while moment == "encoding" and live.progress < 0.15:  # ffmpeg is at work
            await anyio.sleep(0.02)
        await app.aclose()
    job = SessionStore(settings.sessions_dir).load(sid).jobs[started.job.job_id]
    assert job.status == "cancelled"
    assert job.error and job.error.startswith("The server shut down during the render")
    out = settings.output_dir
    assert not out.exists() or [p.name for p in out.iterdir()] == []
