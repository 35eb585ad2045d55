"""The quick preview through a real MCP client: its size and length, where it starts, that its
music is the export's for that stretch, and what clients with and without Apps receive."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from mcp import Client
from mcp.client.extension import advertise
from mcp.shared.exceptions import MCPError

from gamemusic.config import Settings
from gamemusic.mcp_server import build_server
from helpers import decode_audio, ffmpeg, probe

pytestmark = pytest.mark.anyio
APPS = advertise("io.modelcontextprotocol/ui", {"mimeTypes": ["text/html;profile=mcp-app"]})


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def server(tmp_path: Path) -> Any:
    return build_server(Settings.from_env())


def make_loud_middle(path: Path, seconds: int = 40, loud: tuple[int, int] = (24, 30)) -> Path:
    """A 1080p clip (10 fps, cheap) whose sound is quiet except for a loud stretch."""
    a, b = loud
    ffmpeg(
        "-f", "lavfi", "-i", f"testsrc2=size=1920x1080:rate=10:duration={seconds}",
        "-f", "lavfi", "-i", f"sine=frequency=330:sample_rate=48000:duration={seconds}",
        "-af", f"volume='if(between(t,{a},{b}),1.0,0.02)':eval=frame",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-ac", "2", "-shortest", str(path),
    )  # fmt: skip
    return path


async def call(client: Client, tool: str, **args: Any) -> dict[str, Any]:
    result = await client.call_tool(tool, args)
    assert not result.is_error, result.content
    assert result.structured_content is not None
    return result.structured_content


async def session_with_music(client: Client, src: Path) -> str:
    sid = (await call(client, "upload", path=str(src)))["session_id"]
    await call(client, "edit", session_id=sid, instruction="add boss battle music")
    return sid


async def test_preview_is_480p_18_seconds_around_the_loud_part(server: Any, tmp_path: Path) -> None:
    src = make_loud_middle(tmp_path / "match.mp4")
    async with Client(server) as client:
        sid = await session_with_music(client, src)
        result = await client.call_tool("preview", {"session_id": sid})
    assert not result.is_error
    got = result.structured_content or {}
    out = Path(got["path"])
    p = probe(out)
    assert (p.width, p.height) == (854, 480)
    assert (p.video_codec, p.audio_codec) == ("h264", "aac")
    assert p.duration == pytest.approx(18, abs=0.1)
    assert got["duration_s"] == pytest.approx(18, abs=0.05)
    assert 12 <= got["start_s"] <= 24  # the loud 24-30 s stretch is inside the window
    assert got["size_bytes"] == out.stat().st_size < 4 * 2**20
    text = [c.text for c in result.content if c.type == "text"]
    assert text == [got["text"]] and str(out) in got["text"]
    link = next(c for c in result.content if c.type == "resource_link")
    assert link.uri == got["resource_uri"] and link.mime_type == "video/mp4"
    assert "loudness_db" not in text[0]  # the model reads one line, not the curve


async def test_preview_resource_serves_the_file_for_clients_without_the_filesystem(
    server: Any, tmp_path: Path
) -> None:
    src = make_loud_middle(tmp_path / "clip.mp4", seconds=12, loud=(4, 6))
    async with Client(server) as client:
        sid = await session_with_music(client, src)
        got = await call(client, "preview", session_id=sid)
        read = await client.read_resource(got["resource_uri"])
        for name in ("..%2Fsession.json", "session.json", "0123456789abcdef.mp4"):
            with pytest.raises(MCPError):
                await client.read_resource(f"gamemusic://previews/{sid}/{name}")
    blob = base64.b64decode(read.contents[0].blob)
    assert blob == Path(got["path"]).read_bytes()
    assert got["duration_s"] == pytest.approx(12, abs=0.05)  # short clips are previewed whole


async def test_audio_only_preview_is_the_whole_soundtrack(server: Any, tmp_path: Path) -> None:
    src = make_loud_middle(tmp_path / "clip.mp4", seconds=30, loud=(10, 12))
    async with Client(server) as client:
        sid = await session_with_music(client, src)
        got = await call(client, "preview", session_id=sid, audio_only=True)
    p = probe(Path(got["path"]))
    assert p.video_codec is None and p.audio_codec == "aac"
    assert p.duration == pytest.approx(30, abs=0.1)
    assert got["mime_type"] == "audio/mp4" and got["width"] == 0


async def test_apps_clients_get_the_loudness_curve_and_cuts_others_do_not(
    server: Any, tmp_path: Path
) -> None:
    src = make_loud_middle(tmp_path / "clip.mp4", seconds=30, loud=(10, 14))
    async with Client(server) as plain:
        sid = await session_with_music(plain, src)
        lean = await call(plain, "preview", session_id=sid)
    async with Client(server, extensions=[APPS]) as app_host:
        full = await call(app_host, "preview", session_id=sid)
    assert lean["loudness_db"] is None and lean["cuts_s"] is None
    curve = np.array(full["loudness_db"])
    assert len(curve) == pytest.approx(30 / full["curve_step_s"], abs=1)
    step = full["curve_step_s"]
    loud = curve[int(10.5 / step) : int(13.5 / step)].mean()
    quiet = curve[int(18 / step) : int(25 / step)].mean()
    assert loud > quiet + 10
    assert full["cuts_s"] == []


@pytest.mark.slow
async def test_preview_music_is_the_exports_music_for_that_stretch(
    server: Any, tmp_path: Path
) -> None:
    src = make_loud_middle(tmp_path / "match.mp4")
    async with Client(server) as client:
        sid = await session_with_music(client, src)
        got = await call(client, "preview", session_id=sid)
        done = await call(client, "export", session_id=sid, wait_s=50)
    assert done["done"]
    sr = 48000
    quick = decode_audio(Path(got["path"])).mean(axis=1)
    full = decode_audio(Path(done["job"]["output_path"])).mean(axis=1)
    start = round(got["start_s"] * sr)
    window = full[start : start + len(quick)]
    n = min(len(window), len(quick)) - sr  # both AAC: compare all but the last second
    corr = np.corrcoef(window[:n], quick[:n])[0, 1]
    assert corr > 0.95
    # The preview's picture is a fraction of the export's work: pixels x frames.
    big, small = probe(Path(done["job"]["output_path"])), probe(Path(got["path"]))
    full_work = big.width * big.height * big.duration * big.fps
    assert small.width * small.height * small.duration * small.fps < full_work / 10


async def test_an_unchanged_draft_reuses_its_preview_and_an_edit_makes_a_new_one(
    server: Any, tmp_path: Path
) -> None:
    src = make_loud_middle(tmp_path / "clip.mp4", seconds=8, loud=(2, 4))
    async with Client(server, extensions=[APPS]) as client:
        sid = await session_with_music(client, src)
        first = await call(client, "preview", session_id=sid)
        made = Path(first["path"]).stat().st_mtime_ns
        again = await call(client, "preview", session_id=sid)
        await call(client, "edit", session_id=sid, instruction="switch to lofi music")
        other = await call(client, "preview", session_id=sid)
    assert again == first
    assert Path(first["path"]).stat().st_mtime_ns == made  # not rendered twice
    assert other["path"] != first["path"] and Path(other["path"]).exists()


async def test_preview_of_an_unknown_session_says_so(server: Any) -> None:
    async with Client(server) as client:
        result = await client.call_tool("preview", {"session_id": "s-00000000"})
    assert result.is_error
    assert "Unknown session" in " ".join(c.text for c in result.content if c.type == "text")
