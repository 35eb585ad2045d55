"""Conversational editing end to end: iterative sentences through the MCP tools, checked on the
rendered files.

The clips are 1920x1080 H.264 with a pure tone as the game audio, so renders without titles
take the copy path and the music is what is left of the output's spectrum once the tone's
band is taken out. Levels are compared as music-to-tone ratios, which the final loudness
normalization does not change.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from mcp import Client

from gamemusic.config import Settings
from gamemusic.mcp_server import build_server
from gamemusic.media.fonts import font_path
from helpers import FFMPEG, decode_audio, ffmpeg, make_video, probe

pytestmark = pytest.mark.anyio

TONE_HZ = 1000.0
SR = 48000
W, H = 1920, 1080


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def server() -> Any:
    return build_server(Settings.from_env())


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    return make_video(tmp_path / "boss fight.mp4", seconds=5, size=(W, H), tone_hz=TONE_HZ)


async def call(client: Client, tool: str, **args: Any) -> dict[str, Any]:
    result = await client.call_tool(tool, args)
    assert not result.is_error, result.content
    assert result.structured_content is not None
    return result.structured_content


async def edit(client: Client, sid: str, instruction: str) -> dict[str, Any]:
    return await call(client, "edit", session_id=sid, instruction=instruction)


async def export(client: Client, sid: str, name: str) -> Path:
    done = await call(client, "export", session_id=sid, output=name, wait_s=50)
    assert done["done"] is True, done["text"]
    return Path(done["job"]["output_path"])


def levels_db(path: Path, start_s: float, end_s: float) -> tuple[float, float]:
    """(tone, music) energy in dB over [start_s, end_s): the tone's +-30 Hz band, and the
    rest of the spectrum above 40 Hz."""
    x = decode_audio(path)[round(start_s * SR) : round(end_s * SR)].mean(axis=1)
    spec = np.abs(np.fft.rfft(x.astype(np.float64) * np.blackman(len(x)))) ** 2
    freqs = np.fft.rfftfreq(len(x), 1 / SR)
    in_band = np.abs(freqs - TONE_HZ) < 30
    tone = spec[in_band].sum()
    rest = spec[~in_band & (freqs > 40)].sum()
    return 10 * np.log10(tone + 1e-20), 10 * np.log10(rest + 1e-20)


def music_vs_tone_db(path: Path, start_s: float, end_s: float) -> float:
    tone, rest = levels_db(path, start_s, end_s)
    return rest - tone


def frame(path: Path, t: float) -> np.ndarray:
    """The frame shown at `t` seconds as (H, W) float32 luma."""
    raw = subprocess.run(
        [FFMPEG, "-nostdin", "-loglevel", "error", "-ss", f"{t}", "-i", str(path),
         "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "-"],
        check=True, capture_output=True,
    ).stdout  # fmt: skip
    return np.frombuffer(raw, np.uint8).reshape(H, W).astype(np.float32)


def frame_diff(a: Path, b: Path, t: float) -> float:
    """Mean absolute luma difference at `t` in the middle band, where centred titles go."""
    return float(np.abs(frame(a, t) - frame(b, t))[H * 3 // 8 : H * 5 // 8].mean())


async def test_chiptune_quieter_range_title_undo_export(
    server: Any, clip: Path, tmp_path: Path
) -> None:
    async with Client(server) as client:
        sid = (await call(client, "upload", path=str(clip)))["session_id"]
        added = await edit(client, sid, "add chiptune music")
        assert "BGM: Retro Chiptune (0-5s, 35%)" in added["timeline"]
        loud = await export(client, sid, "before-quieter.mp4")
        quieter = await edit(client, sid, "quieter")
        assert "21%" in quieter["timeline"]
        soft = await export(client, sid, "after-quieter.mp4")
        ranged = await edit(client, sid, "only from 0:01 to 0:03")
        assert "BGM: Retro Chiptune (1-3s, 21%)" in ranged["timeline"]
        titled = await edit(client, sid, "add title 'Boss Rush' for 2 s")
        assert 'Title: "Boss Rush" (0-2s)' in titled["timeline"]
        muted = await edit(client, sid, "mute the game audio")
        assert muted["changes"]
        undone = await edit(client, sid, "undo")
        assert undone["timeline"] == titled["timeline"]
        final = await export(client, sid, "final.mp4")

    # Quieter: the music sits lower against the (unchanged) game tone, by about 0.6x (-4.4 dB).
    drop = music_vs_tone_db(soft, 1.0, 3.0) - music_vs_tone_db(loud, 1.0, 3.0)
    assert -6.5 < drop < -2.5
    # Music only inside 0:01-0:03: well above the source's floor inside, at it outside.
    inside = music_vs_tone_db(final, 1.2, 2.8) - music_vs_tone_db(clip, 1.2, 2.8)
    assert inside > 10
    for start, end in ((0.1, 0.9), (3.2, 4.9)):
        assert abs(music_vs_tone_db(final, start, end) - music_vs_tone_db(clip, start, end)) < 3
    # The undone mute did not stick: the game tone is as loud as in the render before it.
    assert levels_db(final, 1.0, 3.0)[0] == pytest.approx(levels_db(soft, 1.0, 3.0)[0], abs=1.5)
    # The title changes the picture while it is shown (0-2 s), and only then.
    for t in (0.5, 1.5):
        assert frame_diff(final, clip, t) > 1.5
    for t in (2.5, 4.0):
        assert frame_diff(final, clip, t) < 0.5
    assert (probe(final).width, probe(final).height, probe(final).duration) == (
        W,
        H,
        pytest.approx(5, abs=0.1),
    )


async def test_chinese_session_ends_with_export_routed_through_edit(
    server: Any, clip: Path
) -> None:
    async with Client(server) as client:
        sid = (await call(client, "upload", path=str(clip)))["session_id"]
        assert "35%" in (await edit(client, sid, "加芯片音乐"))["timeline"]
        assert "21%" in (await edit(client, sid, "调低音乐"))["timeline"]
        ranged = await edit(client, sid, "最后2秒")
        assert "复古芯片音乐（3-5 秒，21%）" in ranged["timeline"]
        titled = await edit(client, sid, "加标题「首杀」")
        assert "首杀" in titled["timeline"]
        undone = await edit(client, sid, "撤销")
        assert "已撤销" in undone["text"]
        assert undone["timeline"] == ranged["timeline"]
        exported = await edit(client, sid, "导出")
    assert exported["action"] == "export"
    assert "导出" in exported["text"]
    job = exported["result"]["job"]
    assert job["status"] == "done"
    out = Path(job["output_path"])
    # Music only in the last 2 s.
    assert music_vs_tone_db(out, 3.2, 4.8) - music_vs_tone_db(clip, 3.2, 4.8) > 10
    assert abs(music_vs_tone_db(out, 0.2, 2.8) - music_vs_tone_db(clip, 0.2, 2.8)) < 3
    # The undone title is not drawn: no titles left, so the picture is the source's, untouched.
    for t in (0.5, 1.5):
        assert frame_diff(out, clip, t) == 0


async def test_export_with_a_style_in_one_sentence_edits_then_exports(
    server: Any, clip: Path
) -> None:
    async with Client(server) as client:
        sid = (await call(client, "upload", path=str(clip)))["session_id"]
        await edit(client, sid, "add chiptune music")
        both = await edit(client, sid, "export it with boss music")
    assert both["action"] == "edit"
    assert "Boss Battle" in both["timeline"] and "Chiptune" not in both["timeline"]
    assert "exported" in both["text"]
    job = both["result"]["job"]
    assert job["status"] == "done"
    out = Path(job["output_path"])
    assert out.exists() and job["output_path"] in both["text"]
    assert music_vs_tone_db(out, 1.0, 3.0) - music_vs_tone_db(clip, 1.0, 3.0) > 10


async def test_export_to_a_named_path_through_edit_writes_there(
    server: Any, clip: Path, tmp_path: Path
) -> None:
    target = tmp_path / "named" / "out.mp4"
    target.parent.mkdir()
    async with Client(server) as client:
        sid = (await call(client, "upload", path=str(clip)))["session_id"]
        await edit(client, sid, "add lofi music")
        done = await edit(client, sid, f"export to {target}")
    assert done["action"] == "export"
    assert done["result"]["job"]["output_path"] == str(target)
    assert target.exists()


async def test_upload_sentence_with_an_edit_uploads_then_edits(
    server: Any, clip: Path, tmp_path: Path
) -> None:
    second = make_video(tmp_path / "round2.mp4", seconds=2, size=(320, 240), tone_hz=None)
    async with Client(server) as client:
        sid = (await call(client, "upload", path=str(clip)))["session_id"]
        both = await edit(client, sid, f"upload {second.name} and add boss music")
        state = await call(client, "state", session_id=sid)
    assert both["action"] == "upload"
    assert both["result"]["media"]["name"] == "round2.mp4"
    assert "Boss Battle" in both["timeline"] and "round2" in both["timeline"]
    assert both["changes"]
    assert state["active_media"] == both["result"]["media"]["id"]
    assert state["timeline"] == both["timeline"]


async def test_undo_and_a_change_in_one_sentence_does_both(server: Any, clip: Path) -> None:
    async with Client(server) as client:
        sid = (await call(client, "upload", path=str(clip)))["session_id"]
        await edit(client, sid, "add chiptune music")
        await edit(client, sid, "add title 'GG' for 1 s")
        both = await edit(client, sid, "undo and make it louder")
        assert "Title" not in both["timeline"]
        assert "BGM: Retro Chiptune (0-5s, 52%)" in both["timeline"]
        assert both["changes"][0] == "Undone" and len(both["changes"]) == 2
        # One history step for the louder change: undo now brings back the 35% music only.
        back = await edit(client, sid, "undo")
        assert "35%" in back["timeline"] and "Title" not in back["timeline"]


async def test_nothing_to_undo_is_a_tool_error_that_says_so(server: Any, clip: Path) -> None:
    async with Client(server) as client:
        sid = (await call(client, "upload", path=str(clip)))["session_id"]
        result = await client.call_tool("edit", {"session_id": sid, "instruction": "撤销"})
    assert result.is_error
    assert "没有可撤销的操作" in " ".join(c.text for c in result.content if c.type == "text")


def test_the_title_font_draws_real_chinese_glyphs(tmp_path: Path) -> None:
    """Two different ideographs give two different pictures (a font without them draws the
    same empty box for both), and Latin text draws too."""
    font = font_path("首杀 Boss Rush")
    assert font.is_file() and font.suffix in (".ttf", ".ttc", ".otf")

    def draw(text: str) -> np.ndarray:
        out = tmp_path / f"{ord(text[0])}.gray"
        ffmpeg(
            "-f", "lavfi", "-i", "color=c=black:s=160x160:d=1",
            "-vf", f"drawtext=fontfile='{font.as_posix()}':text='{text}':fontsize=120:"
            "fontcolor=white:x=20:y=20",
            "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", str(out),
        )  # fmt: skip
        return np.fromfile(out, np.uint8).astype(np.float32)

    shou, sha, latin = draw("首"), draw("杀"), draw("B")
    assert (shou > 128).mean() > 0.02 and (sha > 128).mean() > 0.02
    assert np.abs(shou - sha).mean() > 10
    assert (latin > 128).mean() > 0.01
