"""A cancelled export request, a dropped MCP client or a render timeout stops ffmpeg (checked by
pid) and leaves no temporary file; the user is told what happened."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import Client, StdioServerParameters

from gamemusic.app import App
from gamemusic.backends.local import LocalBackend
from gamemusic.config import Settings
from gamemusic.mcp_server import build_server
from reliability.support import alive, ffmpeg_pids, partials, until

pytestmark = pytest.mark.anyio


def slow_server(tmp_path: Path, **backend: Any) -> Any:
    """An MCP server whose renders are slow enough to interrupt (libx264 veryslow at 1080p)."""
    settings = Settings.from_env()
    return build_server(settings, app=App(settings, LocalBackend(preset="veryslow", **backend)))


async def call(client: Client, tool: str, **args: Any) -> dict[str, Any]:
    result = await client.call_tool(tool, args)
    assert not result.is_error, result.content
    assert result.structured_content is not None
    return result.structured_content


async def ready_session(client: Client, clip: Path) -> str:
    sid = (await call(client, "upload", path=str(clip)))["session_id"]
    await call(client, "edit", session_id=sid, instruction="add boss battle music")
    return sid


async def settled_job(client: Client, sid: str) -> dict[str, Any]:
    """The session's latest job once it is no longer queued or running."""
    with anyio.fail_after(15):
        while True:
            job = (await call(client, "state", session_id=sid))["jobs"][0]
            if job["status"] not in ("queued", "running"):
                return job
            await anyio.sleep(0.02)


def render_pids(tmp_path: Path) -> list[int]:
    """ffmpeg processes writing a partial file into this test's output folder."""
    return ffmpeg_pids(tmp_path / "gm-out")


async def test_a_cancelled_export_request_kills_ffmpeg_and_leaves_no_file(
    tmp_path: Path, slow_clip: Path
) -> None:
    out_dir = tmp_path / "gm-out"
    async with Client(slow_server(tmp_path)) as client:
        sid = await ready_session(client, slow_clip)
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: client.call_tool("export", {"session_id": sid, "wait_s": 50}))
            pids = await until(lambda: partials(out_dir) and render_pids(tmp_path), 60)
            tg.cancel_scope.cancel()  # the client abandons the request: notifications/cancelled
        await until(lambda: not alive(pids), 15)
        job = await settled_job(client, sid)
    assert partials(out_dir) == []
    assert list(out_dir.glob("*.mp4")) == []
    assert job["status"] == "cancelled"
    assert job["error"] == "The render was cancelled; no file was written."


async def test_a_dropped_client_stops_the_render_it_left_running(
    tmp_path: Path, slow_clip: Path
) -> None:
    out_dir = tmp_path / "gm-out"
    async with Client(slow_server(tmp_path)) as client:
        sid = await ready_session(client, slow_clip)
        first = await call(client, "export", session_id=sid, wait_s=0)
        assert first["done"] is False
        pids = await until(lambda: render_pids(tmp_path), 60)
    # The client is gone and the server with it: its renders must not outlive it.
    await until(lambda: not alive(pids), 15)
    assert partials(out_dir) == []
    assert list(out_dir.glob("*.mp4")) == []


async def test_a_render_over_its_time_limit_fails_clearly_and_cleans_up(
    tmp_path: Path, slow_clip: Path
) -> None:
    out_dir = tmp_path / "gm-out"
    async with Client(slow_server(tmp_path, render_timeout_s=0.5)) as client:
        sid = await ready_session(client, slow_clip)
        with anyio.fail_after(60):
            result = await client.call_tool("export", {"session_id": sid, "wait_s": 50})
        assert result.is_error  # an error result, with what happened and what to try
        text = " ".join(c.text for c in result.content if hasattr(c, "text"))
        assert (
            "Rendering the video took longer than 0.5 s and was stopped. Try a shorter clip."
        ) in text
        job = (await call(client, "state", session_id=sid))["jobs"][0]
        assert job["status"] == "failed"
    assert render_pids(tmp_path) == []
    assert partials(out_dir) == []
    assert list(out_dir.glob("*.mp4")) == []


async def test_the_worker_pool_size_comes_from_gamemusic_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GAMEMUSIC_WORKERS", "3")
    assert Settings.from_env().workers == 3
    assert Settings.from_env(workers=1).workers == 1


@pytest.mark.slow
async def test_a_stdio_client_that_goes_away_takes_the_servers_renders_with_it(
    tmp_path: Path, slow_clip: Path
) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k.startswith(("GAMEMUSIC_", "XDG_", "PATH", "HOME", "LANG"))
    }
    params = StdioServerParameters(command=sys.executable, args=["-m", "gamemusic", "mcp"], env=env)
    out_dir = tmp_path / "gm-out"
    async with Client(params, read_timeout_seconds=60) as client:
        sid = await ready_session(client, slow_clip)
        first = await call(client, "export", session_id=sid, wait_s=0)
        assert first["done"] is False
        pids = await until(lambda: partials(out_dir) and render_pids(tmp_path), 60)
    # stdin closed: the server shuts down and stops its render on the way out
    await until(lambda: not alive(pids), 15)
    assert partials(out_dir) == []
    assert list(out_dir.glob("*.mp4")) == []
