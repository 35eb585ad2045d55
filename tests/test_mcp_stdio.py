"""`gamemusic mcp` spawned as a real process, driven by the SDK's stdio client."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from mcp import Client, StdioServerParameters

from helpers import make_video, probe

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_stdio_server_runs_upload_edit_state_export(tmp_path: Path) -> None:
    src = make_video(tmp_path / "speedrun.mp4", seconds=2)
    env = {
        k: v
        for k, v in os.environ.items()
        if k.startswith(("GAMEMUSIC_", "XDG_", "PATH", "HOME", "LANG"))
    }
    params = StdioServerParameters(command=sys.executable, args=["-m", "gamemusic", "mcp"], env=env)
    async with Client(params, read_timeout_seconds=120) as client:
        up = await client.call_tool("upload", {"path": str(src)})
        assert not up.is_error, up.content
        sid = up.structured_content["session_id"]
        ed = await client.call_tool(
            "edit", {"session_id": sid, "instruction": "add lo-fi chill music, 40%"}
        )
        assert not ed.is_error, ed.content
        st = await client.call_tool("state", {"session_id": sid})
        assert "BGM: Lo-fi Chill (0-2s, 40%)" in st.structured_content["timeline"]
        ex = await client.call_tool("export", {"session_id": sid, "wait_s": 50})
        assert not ex.is_error, ex.content
        bad = await client.call_tool("state", {"session_id": "s-deadbeef"})
        assert bad.is_error
        again = await client.call_tool("state", {"session_id": sid})
        assert not again.is_error, "the server survived the bad call"
    out = Path(ex.structured_content["job"]["output_path"])
    assert probe(out).width == 1920
