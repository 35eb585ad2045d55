"""Bad input: one line on stderr, exit code 2, no traceback, no output file."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gamemusic.cli import app
from helpers import make_video

runner = CliRunner()


def _empty(d: Path) -> Path:
    (d / "empty.mp4").touch()
    return d / "empty.mp4"


def _random(d: Path) -> Path:
    (d / "noise.mp4").write_bytes(os.urandom(50_000))
    return d / "noise.mp4"


def _truncated(d: Path) -> Path:
    full = make_video(d / "full.mp4", seconds=2, extra=("-movflags", "+faststart"))
    cut = d / "cut.mp4"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    full.unlink()
    return cut


def _truncated_no_faststart(d: Path) -> Path:
    full = make_video(d / "full.mp4", seconds=2)
    cut = d / "cut2.mp4"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    full.unlink()
    return cut


def _renamed_text(d: Path) -> Path:
    (d / "notes.mp4").write_text("my speedrun splits\nlevel 1: 0:42\n" * 20)
    return d / "notes.mp4"


def _unsupported(d: Path) -> Path:
    (d / "song.flac").write_bytes(b"fLaC\x00\x00\x00\x22" + os.urandom(2000))
    return d / "song.flac"


def _missing(d: Path) -> Path:
    return d / "nope.mp4"


def _directory(d: Path) -> Path:
    (d / "clips").mkdir()
    return d / "clips"


def _hls_as_avi(d: Path) -> Path:
    secret = make_video(d / "secret.mp4", seconds=1)
    playlist = d / "trap.avi"
    playlist.write_text(f"#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\n{secret}\n#EXT-X-ENDLIST\n")
    return playlist


def _concat_as_mp4(d: Path) -> Path:
    secret = make_video(d / "secret.mp4", seconds=1)
    trap = d / "trap.mp4"
    trap.write_text(f"ffconcat version 1.0\nfile '{secret}'\n")
    return trap


def _files(root: Path) -> set[Path]:
    """Everything under root except our data folder (it holds the log)."""
    return {p for p in root.rglob("*") if "gm-home" not in p.parts}


CASES: dict[str, Callable[[Path], Path]] = {
    "empty": _empty,
    "random bytes": _random,
    "truncated faststart mp4": _truncated,
    "truncated mp4 without index": _truncated_no_faststart,
    "renamed text": _renamed_text,
    "unsupported format": _unsupported,
    "missing file": _missing,
    "directory": _directory,
    "hls playlist as avi": _hls_as_avi,
    "concat list as mp4": _concat_as_mp4,
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_gets_one_line_and_exit_2_and_no_output(tmp_path: Path, case: str) -> None:
    src = CASES[case](tmp_path)
    before = _files(tmp_path)
    result = runner.invoke(app, ["add", str(src)])
    assert result.exit_code == 2, (result.stdout, result.stderr, result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.stderr + result.stdout
    assert _files(tmp_path) - before == set(), "no output or partial file is left"


def test_missing_file_suggests_the_near_miss(tmp_path: Path) -> None:
    make_video(tmp_path / "ranked_match.mp4", seconds=1)
    result = runner.invoke(app, ["add", str(tmp_path / "ranked_mach.mp4")])
    assert result.exit_code == 2
    assert "Did you mean" in result.stderr and "ranked_match.mp4" in result.stderr


def test_unknown_style_lists_the_styles(tmp_path: Path) -> None:
    src = make_video(tmp_path / "clip.mp4", seconds=1)
    result = runner.invoke(app, ["add", str(src), "--style", "polka"])
    assert result.exit_code == 2
    assert "chiptune" in result.stderr
    assert not (tmp_path / "clip_music.mp4").exists()


def test_output_over_the_input_is_refused(tmp_path: Path) -> None:
    src = make_video(tmp_path / "clip.mp4", seconds=1)
    size = src.stat().st_size
    result = runner.invoke(app, ["add", str(src), "-o", str(src), "--force"])
    assert result.exit_code == 2 and "will not be overwritten" in result.stderr
    assert src.stat().st_size == size


def test_a_recording_longer_than_six_hours_is_refused_up_front(tmp_path: Path) -> None:
    from helpers import ffmpeg

    long = tmp_path / "marathon.mkv"
    ffmpeg("-f", "lavfi", "-i", "color=c=black:s=16x16:r=1:d=21700", "-c:v", "libx264",
           "-preset", "ultrafast", str(long))  # fmt: skip
    result = runner.invoke(app, ["add", str(long)])
    assert result.exit_code == 2
    assert "the limit is 6 hours" in result.stderr and "Trim" in result.stderr
    assert not (tmp_path / "marathon_music.mp4").exists()
