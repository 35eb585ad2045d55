from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every data, output and cache folder points into tmp_path; no real cloud settings leak in."""
    home = tmp_path / "gm-home"
    monkeypatch.setenv("GAMEMUSIC_HOME", str(home))
    monkeypatch.setenv("GAMEMUSIC_OUTPUT_DIR", str(tmp_path / "gm-out"))
    monkeypatch.setenv("GAMEMUSIC_WORKSPACE", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    for var in (
        "NEMO_TOKEN",
        "NEMO_API_BASE",
        "GAMEMUSIC_BACKEND",
        "GAMEMUSIC_OUTPUT_MODE",
        "NEMO_SKILL_PLATFORM",
    ):
        monkeypatch.delenv(var, raising=False)
    return home
