"""Media the tests make for themselves with the bundled ffmpeg, and ways to measure outputs."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import av
import imageio_ffmpeg
import numpy as np

FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()


def ffmpeg(*args: str) -> None:
    subprocess.run(
        [FFMPEG, "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *args],
        check=True,
        stdin=subprocess.DEVNULL,
    )


def make_video(
    path: Path,
    *,
    seconds: float = 3.0,
    size: tuple[int, int] = (640, 360),
    fps: int = 30,
    tone_hz: float | None = 440.0,
    vcodec: str = "libx264",
    extra: tuple[str, ...] = (),
) -> Path:
    """A moving test picture with a sine tone (or no audio when tone_hz is None)."""
    w, h = size
    args = ["-f", "lavfi", "-i", f"testsrc2=size={w}x{h}:rate={fps}:duration={seconds}"]
    if tone_hz is not None:
        args += [
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency={tone_hz}:sample_rate=48000:duration={seconds}",
        ]
    args += ["-c:v", vcodec, "-pix_fmt", "yuv420p"]
    if vcodec == "libx264":
        args += ["-preset", "ultrafast"]
    if tone_hz is not None:
        args += [
            "-c:a",
            "aac"
            if path.suffix in (".mp4", ".mov", ".mkv")
            else "libvorbis"
            if path.suffix == ".webm"
            else "pcm_s16le",
            "-ac",
            "2",
        ]
    args += [*extra, "-shortest", str(path)]
    ffmpeg(*args)
    return path


def make_image(path: Path, size: tuple[int, int] = (800, 600)) -> Path:
    w, h = size
    ffmpeg(
        "-f", "lavfi", "-i", f"testsrc2=size={w}x{h}:rate=1:duration=1", "-frames:v", "1", str(path)
    )
    return path


def make_audio(path: Path, seconds: float = 3.0, tone_hz: float = 440.0) -> Path:
    ffmpeg(
        "-f",
        "lavfi",
        "-i",
        f"sine=frequency={tone_hz}:sample_rate=48000:duration={seconds}",
        "-ac",
        "2",
        str(path),
    )
    return path


@dataclass
class Probe:
    duration: float
    video_codec: str | None
    audio_codec: str | None
    width: int
    height: int
    fps: float
    frames: int | None


def probe(path: Path) -> Probe:
    with av.open(str(path)) as c:
        v = next(iter(c.streams.video), None)
        a = next(iter(c.streams.audio), None)
        return Probe(
            duration=(c.duration or 0) / 1_000_000,
            video_codec=v.codec_context.name if v else None,
            audio_codec=a.codec_context.name if a else None,
            width=v.codec_context.width if v else 0,
            height=v.codec_context.height if v else 0,
            fps=float(v.average_rate) if v and v.average_rate else 0.0,
            frames=v.frames if v else None,
        )


def video_duration(path: Path) -> float:
    """Duration of the video stream, from its last frame's end."""
    with av.open(str(path)) as c:
        v = c.streams.video[0]
        last = 0.0
        for frame in c.decode(v):
            last = float(frame.pts * v.time_base) + 1 / float(v.average_rate)
        return last


def decode_audio(path: Path, sr: int = 48000) -> np.ndarray:
    """The file's audio as (samples, 2) float32 at `sr`."""
    out = subprocess.run(
        [
            FFMPEG,
            "-nostdin",
            "-loglevel",
            "error",
            "-i",
            str(path),
            "-vn",
            "-f",
            "f32le",
            "-ac",
            "2",
            "-ar",
            str(sr),
            "-",
        ],
        check=True,
        capture_output=True,
    ).stdout
    return np.frombuffer(out, dtype="<f4").reshape(-1, 2).copy()


def loudness(samples: np.ndarray, sr: int = 48000) -> float:
    import pyloudnorm

    return float(pyloudnorm.Meter(sr).integrated_loudness(samples.astype(np.float64)))


def tone_level_db(samples: np.ndarray, hz: float, sr: int = 48000) -> float:
    """Level of a pure tone in the mono mix relative to the whole spectrum's energy, dB."""
    mono = samples.mean(axis=1).astype(np.float64)
    spec = np.abs(np.fft.rfft(mono * np.hanning(len(mono)))) ** 2
    freqs = np.fft.rfftfreq(len(mono), 1 / sr)
    band = (freqs > hz - 5) & (freqs < hz + 5)
    return float(10 * np.log10(spec[band].sum() / spec.sum()))
