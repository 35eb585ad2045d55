"""`gamemusic add` end to end through the CLI, on clips the tests make."""

from __future__ import annotations

import json
from pathlib import Path

import av
import numpy as np
import pytest
from typer.testing import CliRunner

from gamemusic.cli import app
from gamemusic.media.mix import true_peak
from helpers import (
    decode_audio,
    loudness,
    make_audio,
    make_image,
    make_video,
    probe,
    tone_level_db,
    video_duration,
)

runner = CliRunner()


def add(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["add", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def add_json(*args: str) -> dict:
    code, out, err = add(*args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_landscape_clip_becomes_1080p_h264_aac_of_the_same_length(tmp_path: Path) -> None:
    src = make_video(tmp_path / "match.mp4", seconds=3, size=(1280, 720), fps=30)
    data = add_json(str(src))
    out = Path(data["job"]["output_path"])
    assert out == tmp_path / "match_music.mp4"
    p = probe(out)
    assert (p.width, p.height) == (1920, 1080)
    assert (p.video_codec, p.audio_codec) == ("h264", "aac")
    assert abs(video_duration(out) - video_duration(src)) <= 1 / 30 + 1e-6
    assert data["job"]["width"] == 1920 and data["job"]["duration_s"] == pytest.approx(3, abs=0.05)


def test_output_is_at_minus_14_lufs_with_true_peak_under_minus_1_dbtp(tmp_path: Path) -> None:
    src = make_video(tmp_path / "loud.mp4", seconds=4, size=(640, 360))
    out = Path(add_json(str(src))["job"]["output_path"])
    audio = decode_audio(out)
    assert loudness(audio) == pytest.approx(-14, abs=1.0)
    assert 20 * np.log10(true_peak(audio)) <= -1.0


def test_game_audio_tone_is_still_audible_over_the_music(tmp_path: Path) -> None:
    src = make_video(tmp_path / "tone.mp4", seconds=4, tone_hz=1234.0)
    out = Path(add_json(str(src), "--style", "chiptune")["job"]["output_path"])
    assert tone_level_db(decode_audio(out), 1234.0) > -6.0


def test_music_carries_a_clip_without_audio(tmp_path: Path) -> None:
    src = make_video(tmp_path / "silent.mp4", seconds=4, tone_hz=None)
    out = Path(add_json(str(src))["job"]["output_path"])
    assert probe(out).audio_codec == "aac"
    assert loudness(decode_audio(out)) == pytest.approx(-14, abs=1.0)


def test_vertical_clip_becomes_1080x1920_padded_not_stretched(tmp_path: Path) -> None:
    src = make_video(tmp_path / "phone.mp4", seconds=2, size=(360, 720))
    out = Path(add_json(str(src))["job"]["output_path"])
    p = probe(out)
    assert (p.width, p.height) == (1080, 1920)
    with av.open(str(out)) as c:
        frame = next(c.decode(video=0)).to_ndarray(format="gray")
    # 360x720 is 1:2; in 1080x1920 (9:16) it fills the height and leaves black side bars.
    assert frame[:, :60].mean() < 20 and frame[:, 500:580].mean() > 40


def test_1080p_h264_input_keeps_its_video_stream_untouched(tmp_path: Path) -> None:
    src = make_video(tmp_path / "ready.mp4", seconds=2, size=(1920, 1080))
    out = Path(add_json(str(src))["job"]["output_path"])

    def packets(path: Path) -> list[bytes]:
        with av.open(str(path)) as c:
            return [bytes(p) for p in c.demux(video=0) if p.size][:20]

    assert packets(out) == packets(src)


def test_still_image_becomes_a_clip_of_the_requested_duration(tmp_path: Path) -> None:
    src = make_image(tmp_path / "cover.png")
    out = Path(add_json(str(src), "--duration", "3")["job"]["output_path"])
    assert probe(out).duration == pytest.approx(3.0, abs=0.1)
    assert (probe(out).width, probe(out).height) == (1920, 1080)


def test_audio_file_gets_a_waveform_picture(tmp_path: Path) -> None:
    src = make_audio(tmp_path / "commentary.wav", seconds=3)
    out = Path(add_json(str(src))["job"]["output_path"])
    p = probe(out)
    assert (p.video_codec, p.width, p.height) == ("h264", 1920, 1080)
    assert p.duration == pytest.approx(3.0, abs=0.1)


def test_two_styles_give_measurably_different_music(tmp_path: Path) -> None:
    src = make_video(tmp_path / "quiet.mp4", seconds=4, tone_hz=None)

    def centroid(style: str) -> float:
        out = tmp_path / f"{style}.mp4"
        add_json(str(src), "--style", style, "-o", str(out))
        mono = decode_audio(out).mean(axis=1)
        spec = np.abs(np.fft.rfft(mono))
        freqs = np.fft.rfftfreq(len(mono), 1 / 48000)
        return float((spec * freqs).sum() / spec.sum())

    a, b = centroid("chiptune"), centroid("lofi")
    assert abs(a - b) / max(a, b) > 0.15


def test_mute_game_mode_removes_the_original_sound(tmp_path: Path) -> None:
    src = make_video(tmp_path / "tone.mp4", seconds=4, tone_hz=1234.0)
    out = Path(add_json(str(src), "--mode", "mute-game")["job"]["output_path"])
    assert tone_level_db(decode_audio(out), 1234.0) < -20.0


def test_existing_output_needs_force(tmp_path: Path) -> None:
    src = make_video(tmp_path / "clip.mp4", seconds=2)
    (tmp_path / "clip_music.mp4").write_bytes(b"keep me")
    code, _, err = add(str(src))
    assert code == 2 and "already exists" in err and "--force" in err
    assert (tmp_path / "clip_music.mp4").read_bytes() == b"keep me"
    code, _, err = add(str(src), "--force")
    assert code == 0, err
    assert probe(tmp_path / "clip_music.mp4").video_codec == "h264"


def test_styles_lists_one_line_per_style() -> None:
    result = runner.invoke(app, ["styles"])
    lines = result.stdout.strip().splitlines()
    assert result.exit_code == 0 and len(lines) >= 3
    assert lines[0].startswith("chiptune")


def test_a_phone_clip_stored_sideways_with_rotation_comes_out_vertical(tmp_path: Path) -> None:
    from helpers import ffmpeg

    coded = make_video(tmp_path / "coded.mp4", seconds=2, size=(640, 360))
    rotated = tmp_path / "phone.mp4"
    ffmpeg("-display_rotation", "90", "-i", str(coded), "-c", "copy", str(rotated))
    out = Path(add_json(str(rotated))["job"]["output_path"])
    assert (probe(out).width, probe(out).height) == (1080, 1920)


def test_variable_frame_rate_input_becomes_constant(tmp_path: Path) -> None:
    from helpers import ffmpeg

    vfr = tmp_path / "vfr.mkv"
    ffmpeg("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30:duration=3",
           "-vf", "select='not(mod(n\\,3))+lt(t\\,1)'", "-fps_mode", "vfr",
           "-c:v", "libx264", "-preset", "ultrafast", str(vfr))  # fmt: skip
    out = Path(add_json(str(vfr))["job"]["output_path"])
    with av.open(str(out)) as c:
        stream = c.streams.video[0]
        times = [float(f.pts * stream.time_base) for f in c.decode(stream)]
    gaps = np.diff(times)
    assert gaps.max() - gaps.min() < 1e-3, "every frame the same distance apart"
    assert abs(times[-1] + gaps.mean() - probe(vfr).duration) <= gaps.mean() + 1e-6


def top_level_boxes(path: Path) -> list[str]:
    import struct

    names, pos, size = [], 0, path.stat().st_size
    with path.open("rb") as f:
        while pos < size:
            f.seek(pos)
            length, kind = struct.unpack(">I4s", f.read(8))
            if length == 1:
                length = struct.unpack(">Q", f.read(8))[0]
            names.append(kind.decode())
            pos += length
    return names


@pytest.mark.parametrize("size", [(1920, 1080), (640, 360)], ids=["copy", "re-encode"])
def test_output_is_faststart_with_the_index_before_the_media(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    src = make_video(tmp_path / "clip.mp4", seconds=2, size=size)
    boxes = top_level_boxes(Path(add_json(str(src))["job"]["output_path"]))
    assert boxes.index("moov") < boxes.index("mdat")
