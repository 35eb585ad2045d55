"""Scene cuts from the keyframe index."""

from __future__ import annotations

from pathlib import Path

import anyio

from gamemusic.media.probe import inspect
from gamemusic.media.scenes import scene_cuts
from helpers import ffmpeg


def test_a_hard_cut_between_two_scenes_is_found_near_its_time(tmp_path: Path) -> None:
    clip = tmp_path / "cut.mp4"
    ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30:duration=7",
        "-f", "lavfi", "-i", "mandelbrot=size=320x180:rate=30",
        "-filter_complex", "[1]trim=duration=7[b];[0][b]concat=n=2:v=1:a=0[v]",
        "-map", "[v]", "-c:v", "libx264", "-preset", "veryfast", "-g", "60", str(clip),
    )  # fmt: skip
    cuts = scene_cuts(anyio.run(inspect, clip))
    assert len(cuts) == 1 and abs(cuts[0] - 7.0) < 0.2


def test_a_steady_shot_has_no_cuts(tmp_path: Path) -> None:
    clip = tmp_path / "steady.mp4"
    ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30:duration=10",
        "-c:v", "libx264", "-preset", "veryfast", "-g", "60", str(clip),
    )  # fmt: skip
    assert scene_cuts(anyio.run(inspect, clip)) == []
