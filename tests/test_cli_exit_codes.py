"""The CLI's exit codes when work fails: 0 only with the file written; otherwise one line on
stderr, nothing half-written (local backend; the cloud's are in tests/nemo/test_nemo_cli.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gamemusic.cli import app
from helpers import make_video


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    return make_video(tmp_path / "run.mp4", seconds=1.0, size=(320, 180))


def invoke(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_an_export_whose_source_vanished_exits_1_with_one_line_and_no_file(
    clip: Path, tmp_path: Path
) -> None:
    up = invoke("upload", str(clip), "--json")
    assert up.exit_code == 0, up.stderr
    sid = json.loads(up.stdout)["session_id"]
    clip.rename(tmp_path / "moved.mp4")
    result = invoke("export", sid)
    assert result.exit_code == 1 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "File not found" in lines[0]
    assert files_in(tmp_path / "gm-out") == []


def test_a_failed_export_with_json_prints_the_result_and_still_exits_1(
    clip: Path, tmp_path: Path
) -> None:
    sid = json.loads(invoke("upload", str(clip), "--json").stdout)["session_id"]
    clip.unlink()
    result = invoke("export", sid, "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["done"] is False and data["job"]["status"] == "failed"
    assert len(result.stderr.strip().splitlines()) == 1


def test_add_into_a_path_under_a_file_is_bad_input_exit_2_before_any_work(
    clip: Path, tmp_path: Path
) -> None:
    (tmp_path / "notes").write_text("a file, not a folder")
    result = invoke("add", str(clip), "-o", str(tmp_path / "notes" / "out.mp4"))
    assert result.exit_code == 2 and result.stdout == ""
    assert "is a file, not a folder" in result.stderr
    assert not (tmp_path / "gm-home" / "sessions").exists()


def test_add_that_succeeds_exits_0_and_prints_the_path(clip: Path, tmp_path: Path) -> None:
    out = tmp_path / "done.mp4"
    result = invoke("add", str(clip), "-o", str(out), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["job"]["output_path"] == str(out) and out.stat().st_size > 0
