"""The analysis pass: one reader of the recording's sound, extra consumers fed the same blocks."""

from __future__ import annotations

from pathlib import Path

import anyio
import numpy as np
import pyloudnorm
import pytest

from gamemusic.media.analysis import analyse
from gamemusic.media.probe import inspect_media
from helpers import decode_audio, make_video


def test_consumers_see_every_decoded_block_the_meter_sees(tmp_path: Path) -> None:
    clip = make_video(tmp_path / "tone.mp4", seconds=5, tone_hz=440.0)
    info = inspect_media(clip)
    blocks: list[np.ndarray] = []
    found = anyio.run(lambda: analyse(info, consumers=[blocks.append]))
    assert found is not None
    heard = np.concatenate(blocks)
    assert all(b.shape[1:] == (2,) and b.dtype == np.float32 for b in blocks)
    decoded = decode_audio(clip)[: len(heard)]
    assert len(heard) == pytest.approx(5 * 48000, abs=1024)
    assert np.allclose(heard, decoded, atol=1e-6)
    reference = pyloudnorm.Meter(48000).integrated_loudness(heard.astype(np.float64))
    assert found.lufs == pytest.approx(reference, abs=0.1)
    assert len(found.hop_db) == len(heard) // 4800 and found.hop_s == 0.1
    assert np.all(np.abs(found.hop_db[2:-2] - found.hop_db[2]) < 0.5), "a steady tone"


def test_a_recording_without_sound_has_no_analysis(tmp_path: Path) -> None:
    clip = make_video(tmp_path / "silent.mp4", seconds=2, tone_hz=None)
    seen: list[np.ndarray] = []
    assert anyio.run(lambda: analyse(inspect_media(clip), consumers=[seen.append])) is None
    assert seen == []
