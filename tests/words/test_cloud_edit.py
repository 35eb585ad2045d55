"""On the NemoVideo backend the typed fields reach the cloud agent as one clear sentence,
followed by the user's own words (the loopback simulator records what it was sent)."""

from __future__ import annotations

from pathlib import Path

import anyio
import pytest

from gamemusic.app import App
from gamemusic.backends.nemo import NemoBackend
from gamemusic.config import Settings
from gamemusic.words import EditFields
from helpers import make_video
from nemo.simulator import Simulator, serving

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_typed_fields_become_one_sentence_for_the_cloud_agent(tmp_path: Path) -> None:
    clip = make_video(tmp_path / "clip.mp4", seconds=1.0, size=(320, 180))
    settings = Settings.from_env(backend="nemo")
    with serving(Simulator(clip)) as sim:
        backend = NemoBackend(settings, base_url=sim.base_url, poll_interval=0.01,
                              retry_delay=0.0, heartbeat_interval=0.05, sse_timeout=5.0)  # fmt: skip
        app = App(settings, backend=backend)
        try:
            with anyio.fail_after(15):
                sid = (await app.upload(str(clip))).session_id
                fields = EditFields(style="synthwave", game_volume=0.6, fade_out_s=2)
                await app.edit(sid, "and make it feel like the 80s", fields=fields)
                await app.edit(sid, fields=EditFields(undo=True))
        finally:
            await app.aclose()
    assert sim.messages == [
        "fade out 2s, game audio at 60%, switch the style to synthwave. and make it feel like "
        "the 80s",
        "undo",
    ]
