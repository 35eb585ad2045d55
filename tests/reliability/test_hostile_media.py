"""Crafted and absurd inputs are refused by content with a clear message, before a decoder
follows a reference or allocates for a claimed size; odd file names work end to end; outputs
never overwrite the input nor leave the output folder."""

from __future__ import annotations

import hashlib
import json
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from mcp import Client
from typer.testing import CliRunner

from gamemusic.cli import app as cli
from gamemusic.config import Settings
from gamemusic.mcp_server import build_server
from helpers import ffmpeg, make_video, probe

pytestmark = pytest.mark.anyio

SECRET = "/etc/passwd"


@pytest.fixture
def server() -> Any:
    return build_server(Settings.from_env())


async def upload_error(server: Any, path: Path) -> str:
    async with Client(server) as client:
        result = await client.call_tool("upload", {"path": str(path)})
    assert result.is_error, result.structured_content
    return " ".join(c.text for c in result.content if c.type == "text")


def png_header(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` x `height`."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 200))
        + chunk(b"IEND", b"")
    )


PLAYLISTS = {
    "bom-hls.mp4": (
        "\ufeff#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n"
        f"subfile,,start,0,end,4096,,:{SECRET}\n#EXT-X-ENDLIST\n",
        "is an HLS playlist, not a video file",
    ),
    "crlf-hls.mkv": (
        f"\r\n  #EXTM3U\r\n#EXTINF:1,\r\nconcat:{SECRET}|{SECRET}\r\n",
        "is an HLS playlist, not a video file",
    ),
    "list.avi": (
        f"ffconcat version 1.0\nfile 'subfile,,start,0,end,4096,,:{SECRET}'\n",
        "is a concat list, not a video file",
    ),
    "bare-list.webm": (f"file '{SECRET}'\nfile 'clip.mp4'\n", "is a concat list, not a video file"),
    "notes.mp4": ("just some notes about my match\n" * 4, "is a text file"),
}


@pytest.mark.parametrize("name", list(PLAYLISTS))
async def test_playlists_and_lists_disguised_as_videos_are_refused_by_content(
    name: str, server: Any, tmp_path: Path
) -> None:
    text, said = PLAYLISTS[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    message = await upload_error(server, path)
    assert f"'{name}' {said}" in message
    assert "Send a file of one of: mp4, mov" in message


async def test_a_playlist_behind_a_matroska_signature_is_read_as_matroska_only(
    server: Any, tmp_path: Path
) -> None:
    path = tmp_path / "trick.mkv"
    path.write_bytes(b"\x1a\x45\xdf\xa3" + f"\n#EXTM3U\n#EXTINF:1,\nfile:{SECRET}\n".encode())
    message = await upload_error(server, path)
    assert "'trick.mkv' is damaged or truncated and cannot be read" in message


async def test_the_size_cap_is_checked_before_reading_a_sparse_21_gb_file(
    server: Any, tmp_path: Path
) -> None:
    path = tmp_path / "huge.mp4"
    with path.open("wb") as f:
        f.write(b"#EXTM3U\n")  # content that would be refused too, if it were read first
        f.truncate(21 * 2**30)
    message = await upload_error(server, path)
    assert message.endswith(
        "'huge.mp4' is 21.0 GB; the limit is 20.0 GB. Trim the clip or compress it, then try again."
    )


@pytest.mark.parametrize("size", [(20000, 20000), (16000, 16000), (9000, 9000)])
async def test_an_image_claiming_a_huge_resolution_is_refused_from_its_header(
    size: tuple[int, int], server: Any, tmp_path: Path
) -> None:
    path = tmp_path / "poster.png"
    path.write_bytes(png_header(*size))
    message = await upload_error(server, path)
    w, h = size
    assert message.endswith(
        f"'poster.png' is {w}x{h}, larger than 8K. Scale it down to 4K or less."
    )


async def test_a_video_lasting_days_is_refused(server: Any, tmp_path: Path) -> None:
    path = tmp_path / "marathon.mkv"
    ffmpeg(
        "-f", "lavfi", "-i", "testsrc=size=64x64:rate=1:duration=3",
        "-vf", "setpts=N*100000/TB", "-fps_mode", "passthrough",
        "-c:v", "libx264", "-preset", "ultrafast", str(path),
    )  # fmt: skip
    message = await upload_error(server, path)
    assert "'marathon.mkv' lasts 55.6 hours; the limit is 6 hours." in message


async def test_a_file_with_a_thousand_streams_is_refused(server: Any, tmp_path: Path) -> None:
    path = tmp_path / "streams.mkv"
    maps = [arg for _ in range(1000) for arg in ("-map", "0:a")]
    ffmpeg("-f", "lavfi", "-i", "sine=duration=0.02:sample_rate=8000", *maps,
           "-c:a", "pcm_s16le", str(path))  # fmt: skip
    message = await upload_error(server, path)
    assert "'streams.mkv' has 1000 streams. Export it with one video and one audio stream." in (
        message
    )


@pytest.mark.parametrize(("real", "named"), [(".mkv", "clip.mp4"), (".mp4", "clip.mkv")])
async def test_a_video_whose_extension_lies_is_probed_and_rendered_by_content(
    real: str, named: str, server: Any, tmp_path: Path
) -> None:
    made = make_video(tmp_path / f"made{real}", seconds=2, size=(320, 180))
    path = made.rename(tmp_path / named)
    async with Client(server) as client:
        up = await client.call_tool("upload", {"path": str(path)})
        assert not up.is_error, up.content
        sid = up.structured_content["session_id"]  # type: ignore[index]
        done = await client.call_tool("export", {"session_id": sid, "wait_s": 50})
    assert not done.is_error, done.content
    out = Path(done.structured_content["job"]["output_path"])  # type: ignore[index]
    assert probe(out).duration == pytest.approx(2, abs=0.1)


async def test_export_outputs_stay_in_the_output_folder_and_never_replace_the_input(
    server: Any, tmp_path: Path
) -> None:
    src = make_video(tmp_path / "input.mp4", seconds=1, size=(320, 180))
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    out_dir = tmp_path / "gm-out"
    out_dir.mkdir()
    (out_dir / "link.mp4").symlink_to(src)
    async with Client(server) as client:
        sid = (await client.call_tool("upload", {"path": str(src)})).structured_content[
            "session_id"
        ]  # type: ignore[index]

        async def refused(output: str) -> str:
            result = await client.call_tool("export", {"session_id": sid, "output": output})
            assert result.is_error, result.structured_content
            return " ".join(c.text for c in result.content if c.type == "text")

        for escape in ("../x.mp4", "sub/../../x.mp4", "../gm-home/sessions/x"):
            assert f"Output '{escape}' points outside the output folder" in await refused(escape)
        (out_dir / "hardlink.mp4").hardlink_to(src)
        for same in (str(src), str(src.with_suffix("")), "hardlink.mp4"):
            assert "is the input file; it will not be overwritten" in await refused(same)
        # A link in the output folder is followed to where it really points: the input.
        assert "points outside the output folder" in await refused("link.mp4")
    assert not (tmp_path / "x.mp4").exists()
    assert not list((tmp_path / "gm-home").rglob("x.mp4"))
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("ranked match 2.mp4", ["ranked match 2.mp4"]),
        ("中文 对局.mp4", ["中文 对局.mp4"]),
        ("-clip.mp4", ["--", "-clip.mp4"]),
        ("-clip.mp4", ["./-clip.mp4"]),
    ],
)
def test_odd_file_names_work_end_to_end_through_the_cli(
    name: str, args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_video(tmp_path / name, seconds=1, size=(320, 180))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["add", "--json", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    out = Path(json.loads(result.stdout)["job"]["output_path"])
    assert out == tmp_path / f"{Path(name).stem}_music.mp4"
    assert probe(out).duration == pytest.approx(1, abs=0.1)
