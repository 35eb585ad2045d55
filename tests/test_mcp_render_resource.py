"""Renders offered as MCP resources: the server names them, the engine does not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mcp import Client

from gamemusic.config import Settings
from gamemusic.mcp_server import build_server
from helpers import make_video

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def call(client: Client, tool: str, **args: Any) -> dict[str, Any]:
    result = await client.call_tool(tool, args)
    assert not result.is_error, result.content
    assert result.structured_content is not None
    return result.structured_content


@pytest.mark.parametrize("mode", ["files", "both"])
async def test_a_finished_render_is_offered_as_a_resource_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    monkeypatch.setenv("GAMEMUSIC_OUTPUT_MODE", mode)
    src = make_video(tmp_path / "clip.mp4", seconds=2)
    async with Client(build_server(Settings.from_env())) as client:
        sid = (await call(client, "upload", path=str(src)))["session_id"]
        await call(client, "edit", session_id=sid, instruction="add chiptune music")
        job = (await call(client, "export", session_id=sid, wait_s=50))["job"]
        listed = (await call(client, "state", session_id=sid))["jobs"][0]
        if mode == "files":
            assert job["resource_uri"] is None and listed["resource_uri"] is None
            return
        uri = f"gamemusic://renders/{sid}/{job['job_id']}"
        assert job["resource_uri"] == uri and listed["resource_uri"] == uri
        read = await client.read_resource(uri)
    blob = read.contents[0]
    assert len(getattr(blob, "blob", "")) > 0
    assert Path(job["output_path"]).stat().st_size > 0
