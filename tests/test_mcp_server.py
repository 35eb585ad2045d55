"""The MCP server through a real in-memory client: every tool, errors, progress, resources."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import anyio
import numpy as np
import pytest
from mcp import Client

from gamemusic.config import Settings
from gamemusic.mcp_server import build_server
from helpers import decode_audio, loudness, make_video, probe

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def server(tmp_path: Path) -> Any:
    return build_server(Settings.from_env())


async def call(client: Client, tool: str, **args: Any) -> dict[str, Any]:
    result = await client.call_tool(tool, args)
    assert not result.is_error, result.content
    assert result.structured_content is not None
    return result.structured_content


async def error_text(client: Client, tool: str, **args: Any) -> str:
    result = await client.call_tool(tool, args)
    assert result.is_error
    return " ".join(c.text for c in result.content if c.type == "text")


async def test_upload_edit_state_export_produces_the_mp4(server: Any, tmp_path: Path) -> None:
    src = make_video(tmp_path / "ranked match.mp4", seconds=3)
    async with Client(server) as client:
        up = await call(client, "upload", path=str(src))
        sid = up["session_id"]
        assert up["media"]["duration_s"] == pytest.approx(3, abs=0.05)
        edited = await call(
            client, "edit", session_id=sid, instruction="add retro chiptune background music"
        )
        assert edited["action"] == "edit"
        assert "BGM: Retro Chiptune (0-3s, 35%)" in edited["timeline"]
        st = await call(client, "state", session_id=sid)
        assert st["timeline"] == (
            "Timeline (2 tracks): 1. Video: ranked match (0-3s) 2. BGM: Retro Chiptune (0-3s, 35%)"
        )
        assert st["draft"]["t"][1]["tt"] == 1
        done = await call(client, "export", session_id=sid, wait_s=50)
    assert done["done"] is True
    out = Path(done["job"]["output_path"])
    assert out.is_absolute() and out.exists()
    assert out.parent == tmp_path / "gm-out"
    assert (probe(out).width, probe(out).height) == (1920, 1080)
    assert done["job"]["size_bytes"] == out.stat().st_size
    assert str(out) in done["text"]
    assert loudness(decode_audio(out)) == pytest.approx(-14, abs=1)


async def test_export_returns_a_job_id_when_the_wait_runs_out_and_reports_later(
    server: Any, tmp_path: Path
) -> None:
    src = make_video(tmp_path / "clip.mp4", seconds=3)
    async with Client(server) as client:
        sid = (await call(client, "upload", path=str(src)))["session_id"]
        await call(client, "edit", session_id=sid, instruction="add boss battle music")
        first = await call(client, "export", session_id=sid, wait_s=0)
        assert first["done"] is False
        assert first["job"]["status"] in ("queued", "running")
        assert "export or state again" in first["text"]
        with anyio.fail_after(60):
            while True:
                again = await call(client, "export", session_id=sid, wait_s=5)
                if again["done"]:
                    break
        assert again["job"]["job_id"] == first["job"]["job_id"], "the same job, not a new one"
        st = await call(client, "state", session_id=sid)
        assert st["jobs"][0]["status"] == "done"


async def test_progress_notifications_arrive_while_export_waits(
    server: Any, tmp_path: Path
) -> None:
    src = make_video(tmp_path / "clip.mp4", seconds=3)
    seen: list[tuple[float, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append((progress, message))

    async with Client(server) as client:
        sid = (await call(client, "upload", path=str(src)))["session_id"]
        await call(client, "edit", session_id=sid, instruction="add synthwave music")
        result = await client.call_tool(
            "export", {"session_id": sid, "wait_s": 50}, progress_callback=on_progress
        )
    assert result.structured_content and result.structured_content["done"]
    assert seen, "at least one progress notification"
    assert all(m for _, m in seen)


async def test_edit_that_reads_as_status_runs_state_and_says_so(
    server: Any, tmp_path: Path
) -> None:
    src = make_video(tmp_path / "clip.mp4", seconds=2)
    async with Client(server) as client:
        sid = (await call(client, "upload", path=str(src)))["session_id"]
        routed = await call(client, "edit", session_id=sid, instruction="状态")
        assert routed["action"] == "state"
        assert routed["text"].startswith("这是状态查询")
        credits = await call(client, "edit", session_id=sid, instruction="how many credits")
        assert credits["action"] == "credits"


async def test_errors_come_back_as_tool_errors_with_the_user_message(
    server: Any, tmp_path: Path
) -> None:
    (tmp_path / "notes.mp4").write_text("not a video")
    async with Client(server) as client:
        text = await error_text(client, "upload", path=str(tmp_path / "notes.mp4"))
        assert "is a text file" in text
        text = await error_text(client, "state", session_id="s-00000000")
        assert "Unknown session" in text
        text = await error_text(client, "upload", path="../../etc/passwd")
        assert "outside the workspace" in text
        make_video(tmp_path / "boss_fight.mp4", seconds=1)
        text = await error_text(client, "upload", path="boss_figth.mp4")
        assert "Did you mean" in text and "boss_fight.mp4" in text
        # The server is still alive and answering.
        tools = await client.list_tools()
        assert len(tools.tools) == 6


async def test_edit_it_cannot_understand_says_what_it_can_do(server: Any, tmp_path: Path) -> None:
    src = make_video(tmp_path / "clip.mp4", seconds=1)
    async with Client(server) as client:
        sid = (await call(client, "upload", path=str(src)))["session_id"]
        text = await error_text(
            client, "edit", session_id=sid, instruction="make the explosions purple"
        )
        assert "purple" in text or "explosions" in text


async def test_timeline_resource_and_tool_list(server: Any, tmp_path: Path) -> None:
    src = make_video(tmp_path / "clip.mp4", seconds=2)
    async with Client(server) as client:
        sid = (await call(client, "upload", path=str(src)))["session_id"]
        res = await client.read_resource(f"gamemusic://sessions/{sid}/timeline")
        body = json.loads(res.contents[0].text)
        assert body["summary"].startswith("Timeline (1 track): 1. Video: clip")
        tools = {t.name: t for t in (await client.list_tools()).tools}
    assert set(tools) == {"upload", "edit", "state", "credits", "export", "preview"}
    assert tools["state"].annotations.read_only_hint is True
    assert tools["credits"].annotations.read_only_hint is True
    assert tools["export"].annotations.read_only_hint is False
    assert tools["export"].output_schema is not None
    assert "session_id" in tools["edit"].input_schema["required"]


async def test_export_with_stems_writes_voice_and_layer_wavs_beside_the_mp4(
    server: Any, tmp_path: Path
) -> None:
    import soundfile  # librosa's dependency, a test extra

    src = make_video(tmp_path / "clip.mp4", seconds=4)
    async with Client(server) as client:
        sid = (await call(client, "upload", path=str(src)))["session_id"]
        await call(client, "edit", session_id=sid, changes={"style": "synthwave"})
        done = await call(client, "export", session_id=sid, wait_s=50, stems=True)
    assert done["done"] is True
    folder = Path(done["stems_dir"])
    assert folder.name == Path(done["job"]["output_path"]).stem + "_stems"
    manifest = json.loads((folder / "manifest.json").read_text())
    layers = sorted(folder.glob("layer_*.wav"))
    voices = [w for w in folder.glob("*.wav") if not w.name.startswith("layer_")]
    assert len(layers) >= 3 and len(voices) >= 4 and manifest
    lengths = {soundfile.info(str(w)).frames for w in [*layers, *voices]}
    assert len(lengths) == 1  # every stem has the music's length
    assert lengths.pop() / 48000 == pytest.approx(4.0, abs=0.05)
    mix = sum(soundfile.read(str(w), dtype="float32")[0] for w in layers)
    assert np.abs(mix).max() > 0.01  # not silence
