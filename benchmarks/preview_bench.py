"""The quick preview against the full export of the same session, timed side by side in one run.

Clips: a 2-minute 1080p60 H.264 + AAC clip (the export copies the picture) and, with
--reencode, a 2-minute 720p30 one (the export scales it to 1080p with libx264). Each run:
upload, add music, then `App.preview` (480p, the busiest 18 s, the export's soundtrack for it)
and `App.export` (the full MP4), alternating, in one process. Prints best-of-N seconds and
the ratio. The clips are cached in benchmarks/.cache.

    python benchmarks/preview_bench.py [--seconds 120] [--runs 3] [--reencode]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from add_bench import make_clip
from gamemusic.app import App
from gamemusic.config import Settings


async def one_run(clip: Path, home: Path) -> tuple[float, float, float, int]:
    os.environ["GAMEMUSIC_HOME"] = str(home)
    app = App(Settings.from_env(output_dir=home / "out"))
    try:
        sid = (await app.upload(str(clip))).session_id
        await app.edit(sid, "add boss battle music")
        t0 = time.perf_counter()
        preview = await app.preview(sid)
        t1 = time.perf_counter()
        done = await app.export(sid, wait_s=600)
        t2 = time.perf_counter()
        assert done.done, done.text
        return t1 - t0, t2 - t1, preview.start_s, preview.size_bytes
    finally:
        await app.aclose()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reencode", action="store_true")
    args = parser.parse_args()
    size, fps = ("1280x720", 30) if args.reencode else ("1920x1080", 60)
    clip = make_clip(args.seconds, size, fps)
    previews, exports = [], []
    for i in range(args.runs):
        with tempfile.TemporaryDirectory(dir="/dev/shm" if Path("/dev/shm").is_dir() else None) as d:
            p, e, start, size_b = await one_run(clip, Path(d))
        previews.append(p)
        exports.append(e)
        print(f"run {i + 1}: preview {p:.2f} s (from {start:.0f} s, {size_b / 2**20:.1f} MB), "
              f"export {e:.2f} s", flush=True)  # fmt: skip
    best_p, best_e = min(previews), min(exports)
    path = "re-encode" if args.reencode else "copy"
    print(f"{args.seconds:g} s {size}@{fps} ({path} path): preview {best_p:.2f} s, "
          f"full export {best_e:.2f} s, preview/export = {best_p / best_e:.2f}x")  # fmt: skip


if __name__ == "__main__":
    asyncio.run(main())
