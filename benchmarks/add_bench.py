"""`gamemusic add` against bare ffmpeg, timed side by side in one run, with our peak memory.

Copy path: H.264 + AAC input already at 1080p. Baseline: ffmpeg copies the video and
AAC-encodes a ready-made WAV of music of the same length (+faststart, as we write). Goals: <= 1.0x on
the 2-minute 1080p60 clip (aim 0.8x), <= 1.1x on a 60-minute 1080p VOD (made at 2 fps so it is
cheap to make); peak RSS <= 250 MB and <= 300 MB. Re-encode path (--reencode): a 720p clip
scaled/padded to 1080p with libx264, same preset and CRF as ours. Goal: <= 1.05x.

    python benchmarks/add_bench.py [--clips 2min,60min] [--runs 1] [--reencode]
                                   [--mode duck|no-music|...]

Each line: seconds for each side (best of --runs, the two alternating), the ratio, and the
peak RSS of the gamemusic process (from wait4; its ffmpeg children are not counted). Clips are
cached in benchmarks/.cache; both commands write to RAM (/dev/shm) by default.

The baseline is what a user would type: ffmpeg's default AAC (two-loop, 192 kbit/s). Ours is
its fast coder without intensity stereo at 256 kbit/s, which stays closer to the source for
less CPU; `benchmarks/aac_quality.py` measures both.
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
CLIPS = {"2min": (120.0, "1920x1080", 60), "60min": (3600.0, "1920x1080", 2)}


def ff(*args: str) -> None:
    subprocess.run(
        [FFMPEG, "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *args], check=True
    )


def make_clip(seconds: float, size: str, fps: int) -> Path:
    CACHE.mkdir(exist_ok=True)
    clip = CACHE / f"clip_{size}_{fps}_{seconds:g}.mp4"
    if not clip.exists():
        print(f"making {clip.name} (once) ...", flush=True)
        tmp = clip.with_name(f".{clip.name}.part.mp4")
        ff("-f", "lavfi", "-i", f"testsrc2=size={size}:rate={fps}:duration={seconds}",
           "-f", "lavfi",
           "-i", f"sine=frequency=300:beep_factor=4:duration={seconds}:sample_rate=48000",
           "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", str(fps * 2),
           "-c:a", "aac", "-ac", "2", "-shortest", str(tmp))  # fmt: skip
        tmp.rename(clip)
    return clip


def make_wav(seconds: float) -> Path:
    """A ready-made soundtrack for the baseline: two minutes of our own music (16-bit WAV),
    looped to the length. Music, not a sine: ffmpeg's AAC encoder spends ~30% more time on
    music than on a pure tone (measured here: 2.36 s against 1.83 s of CPU for 2 minutes)."""
    piece = CACHE / "music_120.wav"
    if not piece.exists():
        subprocess.run([sys.executable, "-m", "gamemusic", "music", "-o", str(piece),
                        "--duration", "120"], check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    if seconds == 120:
        return piece
    wav = CACHE / f"music_{seconds:g}.wav"
    if not wav.exists():
        ff("-stream_loop", "-1", "-i", str(piece), "-t", f"{seconds:g}", "-c:a", "pcm_s16le",
           str(wav))  # fmt: skip
    return wav


def timed(cmd: list[str]) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KB) and CPU seconds (with its children) of one command."""
    os.sync()  # no dirty pages from the previous run write back during this one
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def compare(ours: list[str], baseline: list[str], runs: int) -> tuple[float, float, int, str]:
    """Best of `runs` for each, the two alternating so that drift hits both alike; also the
    peak RSS and the CPU seconds of each (a figure less at the mercy of a busy machine)."""
    a, b, rss, cpu_a, cpu_b = [], [], 0, [], []
    for _ in range(runs):
        seconds, _, cpu = timed(baseline)
        b.append(seconds)
        cpu_b.append(cpu)
        seconds, peak, cpu = timed(ours)
        a.append(seconds)
        cpu_a.append(cpu)
        rss = max(rss, peak)
    cpu = f"CPU {min(cpu_a):.2f} s vs {min(cpu_b):.2f} s ({min(cpu_a) / min(cpu_b):.2f}x)"
    return min(a), min(b), rss, cpu


def gamemusic(mode: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "gamemusic", "add", *args, "--mode", mode, "--force"]


def load() -> str:
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clips", default="2min,60min", help="comma-separated: 2min, 60min")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--mode", default="duck", help="gamemusic add --mode (default duck)")
    ap.add_argument("--reencode", action="store_true", help="also run the re-encode comparison")
    ap.add_argument("--out-dir", type=Path, default=Path("/dev/shm") if Path("/dev/shm").is_dir()
                    else CACHE, help="where both write their MP4 (default: RAM, to keep disk "
                    "writeback out of the timings)")  # fmt: skip
    args = ap.parse_args()
    out = args.out_dir / "gamemusic_bench_out.mp4"
    base_out = args.out_dir / "gamemusic_bench_baseline.mp4"
    bare = [FFMPEG, "-nostdin", "-loglevel", "error", "-y"]
    audio = ["-map", "0:v:0", "-map", "1:a:0", "-c:a", "aac", "-b:a", "192k"]
    tail = ["-movflags", "+faststart", str(base_out)]
    goals = {"2min": (1.0, 250), "60min": (1.1, 300)}

    for name in args.clips.split(","):
        seconds, size, fps = CLIPS[name]
        clip, wav = make_clip(seconds, size, fps), make_wav(seconds)
        ours, baseline, rss, cpu = compare(
            gamemusic(args.mode, str(clip), "-o", str(out)),
            [*bare, "-i", str(clip), "-i", str(wav), *audio, "-c:v", "copy", *tail],
            args.runs,
        )
        ratio_goal, rss_goal = goals[name]
        print(
            f"copy path, {name} {size}@{fps}, --mode {args.mode}: gamemusic add {ours:.2f} s, "
            f"bare ffmpeg copy+AAC {baseline:.2f} s, ratio {ours / baseline:.2f}x "
            f"(goal <= {ratio_goal}x); peak RSS {rss / 1024:.0f} MB (goal <= {rss_goal} MB); "
            f"{cpu}; {load()}",
            flush=True,
        )
    if args.reencode:
        clip720, wav = make_clip(120.0, "1280x720", 30), make_wav(120.0)
        vf = (
            "scale=1920:1080:force_original_aspect_ratio=decrease:flags=bicubic,"
            "pad=1920:1080:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,fps=30,format=yuv420p"
        )
        x264 = ["-vf", vf, "-c:v", "libx264", "-preset", "veryfast", "-crf", "20"]
        ours, baseline, rss, cpu = compare(
            gamemusic(args.mode, str(clip720), "-o", str(out)),
            [*bare, "-i", str(clip720), "-i", str(wav), *audio, *x264, *tail],
            args.runs,
        )
        print(
            f"re-encode path, 2min 720p30 -> 1080p, --mode {args.mode}: gamemusic add "
            f"{ours:.2f} s, bare ffmpeg scale+libx264 {baseline:.2f} s, ratio "
            f"{ours / baseline:.2f}x (goal <= 1.05x); peak RSS {rss / 1024:.0f} MB; {cpu}; "
            f"{load()}"
        )


if __name__ == "__main__":
    try:
        main()
    finally:
        for name in ("gamemusic_bench_out.mp4", "gamemusic_bench_baseline.mp4"):
            Path("/dev/shm", name).unlink(missing_ok=True)
