"""Fixtures for the reliability tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import make_video


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def slow_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """6 s at 640x360: always re-encoded to 1080p, which takes long enough to interrupt."""
    return make_video(tmp_path_factory.mktemp("slow") / "long take.mp4", seconds=6)


@pytest.fixture(scope="session")
def small_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_video(
        tmp_path_factory.mktemp("small") / "small clip.mp4", seconds=2, size=(320, 180)
    )
