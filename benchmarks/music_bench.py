"""Compose + synthesize 120 s of stereo 48 kHz music per style, single-threaded.

Prints, per style, compose and synthesis seconds for the first call in the process (cold
caches) and the best of three later calls with other seeds, both as wall time and as CPU time
of this process (less sensitive to a loaded machine), and the ratio to real time. The bar:
0.25 s for 120 s. With --levels: integrated loudness and peak per style and the trims that
would put each at synth.TARGET_LUFS. With --stream: the streaming API on a long piece (block
count, largest block, time per minute of music, RSS growth).

    python benchmarks/music_bench.py [--seconds 120] [--levels] [--stream MINUTES]
        [--baseline /work/main/server]
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from gamemusic.music import STYLES, compose, synthesize, synthesize_blocks  # noqa: E402
from gamemusic.music import synth as _synth  # noqa: E402

BAR_S = 0.25


def timed(style: str, seconds: float, seed: int) -> tuple[float, float, float, float]:
    """(compose wall, synth wall, compose cpu, synth cpu) seconds."""
    w0, c0 = time.perf_counter(), time.process_time()
    piece = compose(style, seconds, seed=seed)
    w1, c1 = time.perf_counter(), time.process_time()
    audio = synthesize(piece)
    w2, c2 = time.perf_counter(), time.process_time()
    assert audio.shape == (round(seconds * 48000), 2)
    return w1 - w0, w2 - w1, c1 - c0, c2 - c1


def baseline(path: str, seconds: float) -> dict[str, float]:
    """Best-of-3 CPU seconds per style of another checkout (e.g. /work/main/server), run in a
    subprocess in the same breath, for ratios that a loaded machine distorts less."""
    import json
    import subprocess
    import sys

    code = (
        "import json,time\n"
        "from gamemusic.music import STYLES, compose, synthesize\n"
        "out={}\n"
        "for st in STYLES:\n"
        "    r=[]\n"
        "    for s in (0,1,2,3):\n"
        f"        c=time.process_time(); synthesize(compose(st, {seconds!r}, seed=s))\n"
        "        r.append(time.process_time()-c)\n"
        "    out[st]=min(r[1:])\n"
        "print(json.dumps(out))\n"
    )
    env = {**os.environ, "PYTHONPATH": path}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    return json.loads(done.stdout)


def speed(seconds: float, base: dict[str, float]) -> None:
    worst = 0.0
    print(
        f"{'style':<11}{'compose':>9}{'synth':>8}{'total':>8}{'cpu':>8}{'cold':>8}  (s, best of 3)"
    )
    for style in STYLES:
        cold = timed(style, seconds, seed=0)
        runs = [timed(style, seconds, seed=s) for s in (1, 2, 3)]
        best = min(runs, key=lambda r: r[0] + r[1])
        cpu = min(r[2] + r[3] for r in runs)
        total = best[0] + best[1]
        worst = max(worst, cpu)
        print(
            f"{style:<11}{best[0]:>9.3f}{best[1]:>8.3f}{total:>8.3f}{cpu:>8.3f}"
            f"{cold[0] + cold[1]:>8.3f}  = {seconds / total:.0f}x real time"
            + (f", CPU {cpu / base[style]:.2f}x the baseline's" if style in base else "")
        )
    bar = BAR_S * seconds / 120
    verdict = "meets" if worst <= bar else "MISSES"
    print(f"slowest best-of-3 CPU time {worst:.3f} s: {verdict} the {bar:.2f} s bar")


def levels() -> None:
    import pyloudnorm

    meter = pyloudnorm.Meter(48000)
    print(f"{'style':<11}{'LUFS':>7}{'peak':>7}{'trim now':>10}{'trim to target':>16}")
    for style in STYLES:
        loud, peaks = [], []
        for seed in (1, 2):
            audio = synthesize(compose(style, 40, seed=seed)).astype(np.float64)
            loud.append(meter.integrated_loudness(audio))
            peaks.append(float(np.abs(audio).max()))
        now = _synth.LEVEL_TRIM_DB.get(style, 0.0)
        lufs = float(np.mean(loud))
        print(
            f"{style:<11}{lufs:>7.1f}{max(peaks):>7.2f}{now:>10.1f}"
            f"{now + _synth.TARGET_LUFS - lufs:>16.1f}"
        )


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def stream(minutes: float) -> None:
    piece = compose("synthwave", minutes * 60, seed=4)
    t0 = time.perf_counter()
    count, biggest, marks = 0, 0, []
    for block in synthesize_blocks(piece, block_s=1.0):
        count += 1
        biggest = max(biggest, block.nbytes)
        if count % 600 == 0:
            marks.append(round(_rss_mb()))
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"stream {minutes:.0f} min: {count} blocks, largest {biggest / 1024:.0f} KiB, "
        f"{elapsed / minutes:.2f} s per minute, RSS every 10 min {marks} MB, peak {peak:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--levels", action="store_true")
    parser.add_argument("--stream", type=float, default=0.0, metavar="MINUTES")
    parser.add_argument("--baseline", default="", help="another checkout's server/ folder")
    args = parser.parse_args()
    if args.levels:
        levels()
    elif args.stream:
        stream(args.stream)
    else:
        speed(args.seconds, baseline(args.baseline, args.seconds) if args.baseline else {})


if __name__ == "__main__":
    main()
