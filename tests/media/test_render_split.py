"""The copy path of a longer clip encodes its AAC in parts at once: the result must be
indistinguishable in timing from one encoder — same length as the picture, no offset, no
seam."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import numpy as np
import pytest
from typer.testing import CliRunner

from gamemusic.cli import app
from gamemusic.media import aac
from helpers import decode_audio, ffmpeg, loudness, probe, video_duration

SR = 48000


@pytest.fixture(scope="module")
def long_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    clip = tmp_path_factory.mktemp("split") / "long.mp4"
    ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30:duration=25",
        "-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.3:sample_rate=48000:duration=25",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-ac", "2", "-shortest", str(clip),
    )  # fmt: skip
    return clip


def seam_of(n: int) -> int:
    """The first boundary between encoder parts."""
    return aac.plan_parts(n)[1].lo + aac.PRE_ROLL


async def blocks_of(audio: np.ndarray, size: int = 7000) -> AsyncIterator[np.ndarray]:
    for i in range(0, len(audio), size):
        yield audio[i : i + size]


def lag_at(reference: np.ndarray, output: np.ndarray, second: float) -> int:
    """Sample offset of `output` against `reference` around `second` (noise: unambiguous)."""
    a = reference[int(second * SR) : int(second * SR) + 4096, 0].astype(np.float64)
    lo = int(second * SR) - 512
    b = output[lo : lo + 4096 + 1024, 0].astype(np.float64)
    return int(np.argmax(np.correlate(b, a, mode="valid"))) - 512


def test_a_long_copy_path_clip_is_split_encoded_without_offset_or_seam(
    tmp_path: Path, long_clip: Path
) -> None:
    assert len(aac.plan_parts(25 * SR // aac.FRAME * aac.FRAME)) == 2, "25 s is split"
    out = tmp_path / "out.mp4"
    result = CliRunner().invoke(app, ["add", str(long_clip), "-o", str(out), "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["job"]["output_path"] == str(out)
    p = probe(out)
    assert (p.video_codec, p.audio_codec, p.width) == ("h264", "aac", 1920)
    assert p.duration == pytest.approx(video_duration(long_clip), abs=1 / 30)
    source, mixed = decode_audio(long_clip), decode_audio(out)
    seam = seam_of(len(source) // aac.FRAME * aac.FRAME) / SR
    for second in (1.0, seam - 0.05, seam + 0.01, 23.0):
        assert lag_at(source, mixed, second) == 0, f"offset at {second:.2f} s"

    assert loudness(mixed) == pytest.approx(-14, abs=1)


def test_spliced_aac_has_no_more_error_at_the_seam_than_anywhere_else(tmp_path: Path) -> None:
    t = np.arange(30 * SR // aac.FRAME * aac.FRAME) / SR
    rng = np.random.default_rng(3)
    signal = 0.3 * np.sin(2 * np.pi * 440 * t) * (1 + 0.5 * np.sin(2 * np.pi * 0.7 * t))
    audio = np.stack([signal, signal], axis=1).astype(np.float32)
    audio += (rng.standard_normal(audio.shape) * 0.02).astype(np.float32)

    async def collect() -> bytes:
        return b"".join([f async for f in aac.encode_stream(blocks_of(audio), len(audio))])

    adts = tmp_path / "spliced.aac"
    adts.write_bytes(anyio.run(collect))
    decoded = decode_audio(adts)[aac.FRAME :]  # ADTS has no edit list: drop the priming
    n = min(len(decoded), len(audio))
    error = decoded[:n] - audio[:n]
    seam = seam_of(len(audio))

    def rms_db(x: np.ndarray) -> float:
        return float(10 * np.log10(np.mean(x.astype(np.float64) ** 2)))

    assert rms_db(error[seam - 2048 : seam + 2048]) < rms_db(error[SR : n - SR]) + 1.0
    assert rms_db(error[SR : n - SR]) < rms_db(audio) - 20  # a faithful encoding
