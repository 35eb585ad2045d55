"""A cloud render outlives the server: `gamemusic mcp` over stdio is closed mid-render and
started again, and the next call follows the same render (one render request in all)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import anyio
import pytest
from mcp import Client, StdioServerParameters

from gamemusic.config import Settings
from gamemusic.sessions import SessionStore
from helpers import probe
from nemo.simulator import Simulator

pytestmark = [pytest.mark.anyio, pytest.mark.slow]


def server(sim: Simulator) -> StdioServerParameters:
    env = {
        k: v
        for k, v in os.environ.items()
        if k.startswith(("GAMEMUSIC_", "XDG_", "PYTHONPATH", "PATH", "HOME", "LANG"))
    }
    env.update(GAMEMUSIC_BACKEND="nemo", NEMO_API_BASE=sim.base_url, NEMO_POLL_INTERVAL="0.05")
    return StdioServerParameters(command=sys.executable, args=["-m", "gamemusic", "mcp"], env=env)


def render_requests(sim: Simulator) -> int:
    return sum(r.method == "POST" and r.path == "/api/render/proxy/lambda" for r in sim.requests)


async def test_closing_the_server_mid_render_and_starting_it_again_resumes_the_same_render(
    sim: Simulator, clip: Path
) -> None:
    sim.hold_renders = True
    with anyio.fail_after(90):
        async with Client(server(sim), read_timeout_seconds=60) as client:
            up = await client.call_tool("upload", {"path": str(clip)})
            assert not up.is_error, up.content
            sid = up.structured_content["session_id"]
            ed = await client.call_tool(
                "edit", {"session_id": sid, "instruction": "add boss music"}
            )
            assert not ed.is_error, ed.content
            ex = await client.call_tool("export", {"session_id": sid, "wait_s": 1})
            assert not ex.is_error and ex.structured_content["job"]["status"] == "running"
        # the server has shut down: the job still says running, with its render id
        stored = SessionStore(Settings.from_env().sessions_dir).load(sid)
        (job,) = stored.jobs.values()
        assert job.status == "running" and job.cloud_render_id in sim.renders
        sim.hold_renders = False
        async with Client(server(sim), read_timeout_seconds=60) as client:
            st = await client.call_tool("state", {"session_id": sid})
            assert not st.is_error, st.content
            again = await client.call_tool("export", {"session_id": sid, "wait_s": 30})
            assert not again.is_error, again.content
    done = again.structured_content["job"]
    assert done["status"] == "done" and done["job_id"] == job.id
    assert render_requests(sim) == 1 and len(sim.renders) == 1
    assert probe(Path(done["output_path"])).width == 320
