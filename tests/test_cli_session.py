"""The session commands (upload, edit, state, export): the MCP flow from a terminal."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from gamemusic.cli import app
from helpers import make_video, probe

runner = CliRunner()


def test_a_terminal_session_uploads_edits_in_chinese_and_exports(tmp_path: Path) -> None:
    src = make_video(tmp_path / "boss fight.mp4", seconds=2)
    up = runner.invoke(app, ["upload", str(src), "--json"])
    assert up.exit_code == 0, up.stderr
    sid = json.loads(up.stdout)["session_id"]
    edited = runner.invoke(app, ["edit", sid, "加一段Boss战音乐"])
    assert edited.exit_code == 0, edited.stderr
    assert edited.stdout.startswith("已加音乐") and "背景音乐：Boss战（0-2 秒，35%）" in edited.stdout
    state = runner.invoke(app, ["state", sid])
    assert "2. 背景音乐：Boss战（0-2 秒，35%）" in state.stdout
    out = tmp_path / "final.mp4"
    exported = runner.invoke(app, ["export", sid, "-o", str(out)])
    assert exported.exit_code == 0, exported.stderr
    assert exported.stdout.startswith(f"已完成：{out}")
    assert probe(out).width == 1920


def test_session_commands_fail_in_one_line_with_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["state", "s-00000000"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "Unknown session" in result.stderr
    src = make_video(tmp_path / "clip.mp4", seconds=1)
    sid = json.loads(runner.invoke(app, ["upload", str(src), "--json"]).stdout)["session_id"]
    result = runner.invoke(app, ["edit", sid, "make it sparkle"])
    assert result.exit_code == 2 and "make it sparkle" in result.stderr
