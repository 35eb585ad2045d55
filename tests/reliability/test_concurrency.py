"""Four exports at once in one MCP server finish correctly on a bounded worker pool."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import Client

from gamemusic.config import Settings
from gamemusic.mcp_server import build_server
from helpers import make_video, probe

pytestmark = pytest.mark.anyio


async def call(client: Client, tool: str, **args: Any) -> dict[str, Any]:
    result = await client.call_tool(tool, args)
    assert not result.is_error, result.content
    assert result.structured_content is not None
    return result.structured_content


async def test_four_exports_at_once_all_finish_with_at_most_two_rendering(tmp_path: Path) -> None:
    clips = [
        make_video(tmp_path / f"match {i}.mp4", seconds=3, size=(480, 270), tone_hz=300 + 100 * i)
        for i in range(4)
    ]
    server = build_server(Settings.from_env(workers=2))
    async with Client(server) as client:
        sessions = []
        for clip in clips:
            sid = (await call(client, "upload", path=str(clip)))["session_id"]
            await call(client, "edit", session_id=sid, instruction="add synthwave music")
            sessions.append(sid)
        async with anyio.create_task_group() as tg:  # four export requests in flight together
            for sid in sessions:
                tg.start_soon(lambda sid=sid: call(client, "export", session_id=sid, wait_s=0))
        most_running, saw_waiting = 0, False
        with anyio.fail_after(180):
            while True:
                jobs = [(await call(client, "state", session_id=s))["jobs"][0] for s in sessions]
                statuses = [j["status"] for j in jobs]
                running = statuses.count("running")
                most_running = max(most_running, running)
                saw_waiting |= running == 2 and "queued" in statuses
                if all(s in ("done", "failed", "cancelled") for s in statuses):
                    break
                await anyio.sleep(0.02)
    assert most_running <= 2
    assert saw_waiting, "with two workers, two of the four renders wait their turn"
    assert [j["status"] for j in jobs] == ["done"] * 4, [j["error"] for j in jobs]
    outputs = [Path(j["output_path"]) for j in jobs]
    assert len(set(outputs)) == 4
    for clip, out in zip(clips, outputs, strict=True):
        assert out.name == f"{clip.stem}_music.mp4"
        p = probe(out)
        assert (p.width, p.height) == (1920, 1080)
        assert p.duration == pytest.approx(3, abs=0.1)
