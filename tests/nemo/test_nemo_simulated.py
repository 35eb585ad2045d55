"""The NemoVideo backend against the loopback simulator: real HTTP, real SSE, real MP4."""

from __future__ import annotations

from pathlib import Path

import anyio
import pytest

from gamemusic.backends.nemo import NemoBackend
from gamemusic.sessions import Job, Session
from nemo.simulator import Simulator

pytestmark = pytest.mark.anyio


async def test_a_gameplay_clip_goes_from_upload_to_a_downloaded_mp4(
    backend: NemoBackend, sim: Simulator, session: Session, clip: Path, tmp_path: Path
) -> None:
    with anyio.fail_after(10):
        project = await backend.upload(session, str(clip))
        outcome = await backend.edit(session, project, "add retro chiptune music")
        job = Job(id="j1", media_id=project.media.id)
        out = tmp_path / "out" / "final.mp4"
        rendered = await backend.export(session, project, job, out)
    assert outcome.draft.music is not None
    assert rendered.path == out and out.is_file()
    assert rendered.width == 320
