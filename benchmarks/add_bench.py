"""`gamemusic add` against bare ffmpeg, timed side by side in one run.

Copy path: a 2-minute 1080p60 H.264 + AAC clip. Baseline: ffmpeg copies the video and
AAC-encodes a ready-made WAV of the same length (+faststart, as we write). Goal: <= 1.5x.
Re-encode path (--reencode): a 720p clip scaled/padded to 1080p with libx264, same preset and
CRF as ours. Goal: <= 1.1x.

    python benchmarks/add_bench.py [--seconds 120] [--runs 3] [--reencode]

Prints best-of-N seconds for each (the two alternating) and the ratio. The clip is cached in
benchmarks/.cache; both commands write to RAM (/dev/shm) by default.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import imageio_ffmpeg

FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()
CACHE = Path(__file__).parent / ".cache"


def ff(*args: str) -> None:
    subprocess.run(
        [FFMPEG, "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *args], check=True
    )


def make_clip(seconds: float, size: str, fps: int) -> Path:
    CACHE.mkdir(exist_ok=True)
    clip = CACHE / f"clip_{size}_{fps}_{seconds:g}.mp4"
    if not clip.exists():
        print(f"making {clip.name} (once) ...", flush=True)
        ff(
            "-f",
            "lavfi",
            "-i",
            f"testsrc2=size={size}:rate={fps}:duration={seconds}",
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=300:beep_factor=4:duration={seconds}:sample_rate=48000",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-pix_fmt",
            "yuv420p",
            "-g",
            str(fps * 2),
            "-c:a",
            "aac",
            "-ac",
            "2",
            "-shortest",
            str(clip),
        )
    return clip


def make_wav(seconds: float) -> Path:
    wav = CACHE / f"music_{seconds:g}.wav"
    if not wav.exists():
        ff(
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=220:duration={seconds}:sample_rate=48000",
            "-ac",
            "2",
            "-c:a",
            "pcm_f32le",
            str(wav),
        )
    return wav


def timed(cmd: list[str]) -> float:
    os.sync()  # no dirty pages from the previous run write back during this one
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def compare(ours: list[str], baseline: list[str], runs: int) -> tuple[float, float]:
    """Best of `runs` for each, the two alternating so that drift hits both alike."""
    a, b = [], []
    for _ in range(runs):
        b.append(timed(baseline))
        a.append(timed(ours))
    return min(a), min(b)


def gamemusic(*args: str) -> list[str]:
    return [sys.executable, "-m", "gamemusic", "add", *args, "--force"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--reencode", action="store_true", help="also run the re-encode comparison")
    ap.add_argument("--out-dir", type=Path, default=Path("/dev/shm") if Path("/dev/shm").is_dir()
                    else CACHE, help="where both write their MP4 (default: RAM, to keep disk "
                    "writeback out of the timings)")  # fmt: skip
    args = ap.parse_args()
    out = args.out_dir / "gamemusic_bench_out.mp4"
    base_out = args.out_dir / "gamemusic_bench_baseline.mp4"
    wav = make_wav(args.seconds)
    bare = [FFMPEG, "-nostdin", "-loglevel", "error", "-y"]
    audio = ["-map", "0:v:0", "-map", "1:a:0", "-c:a", "aac", "-b:a", "192k"]
    tail = ["-movflags", "+faststart", str(base_out)]

    clip = make_clip(args.seconds, "1920x1080", 60)
    ours, baseline = compare(
        gamemusic(str(clip), "-o", str(out)),
        [*bare, "-i", str(clip), "-i", str(wav), *audio, "-c:v", "copy", *tail],
        args.runs,
    )
    print(
        f"copy path, {args.seconds:g} s 1080p60: gamemusic add {ours:.2f} s, "
        f"bare ffmpeg copy+AAC {baseline:.2f} s, ratio {ours / baseline:.2f}x (goal <= 1.5x)"
    )
    if args.reencode:
        clip720 = make_clip(args.seconds, "1280x720", 30)
        vf = (
            "scale=1920:1080:force_original_aspect_ratio=decrease:flags=bicubic,"
            "pad=1920:1080:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,fps=30,format=yuv420p"
        )
        x264 = ["-vf", vf, "-c:v", "libx264", "-preset", "veryfast", "-crf", "20"]
        ours, baseline = compare(
            gamemusic(str(clip720), "-o", str(out)),
            [*bare, "-i", str(clip720), "-i", str(wav), *audio, *x264, *tail],
            args.runs,
        )
        print(
            f"re-encode path, {args.seconds:g} s 720p30 -> 1080p: gamemusic add {ours:.2f} s, "
            f"bare ffmpeg scale+libx264 {baseline:.2f} s, ratio {ours / baseline:.2f}x "
            f"(goal <= 1.1x)"
        )


if __name__ == "__main__":
    try:
        main()
    finally:
        for name in ("gamemusic_bench_out.mp4", "gamemusic_bench_baseline.mp4"):
            Path("/dev/shm", name).unlink(missing_ok=True)
