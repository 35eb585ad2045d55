"""`gamemusic add --backend nemo`: upload, edit, export and download against the simulator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gamemusic.cli import app
from helpers import probe
from nemo.simulator import Simulator


def test_add_on_the_cloud_backend_uploads_edits_exports_and_downloads(
    sim: Simulator, clip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEMO_API_BASE", sim.base_url)
    monkeypatch.setenv("NEMO_POLL_INTERVAL", "0.01")
    out = tmp_path / "cloud.mp4"
    result = CliRunner().invoke(
        app, ["add", str(clip), "--backend", "nemo", "--style", "boss", "-o", str(out), "--json"]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["done"] is True and data["job"]["output_path"] == str(out)
    assert sim.messages == ["music volume 35%, switch the style to boss"]
    assert probe(out).video_codec == "h264"
    assert "nmv_usr_" not in result.stdout + result.stderr, "the token is never printed"


def test_add_whose_cloud_render_is_refused_exits_1_with_one_line_and_no_file(
    sim: Simulator, clip: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEMO_API_BASE", sim.base_url)
    sim.refuse_renders = 402
    out = tmp_path / "cloud.mp4"
    result = CliRunner().invoke(app, ["add", str(clip), "--backend", "nemo", "-o", str(out)])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Register or upgrade the plan" in lines[0]
    assert not out.exists() and not list(tmp_path.glob("*cloud*"))
