"""A child process for the crash tests. It prints one line per step (flushed) so the test can
SIGKILL it at a known moment:

    python driver.py edit SESSION TAG COUNT    COUNT edits (0: forever), "edit N" after each
    python driver.py export SESSION PRESET     one export, "progress F MESSAGE" lines, "done PATH"
"""

from __future__ import annotations

import asyncio
import math
import sys

from gamemusic.app import App
from gamemusic.backends.local import LocalBackend
from gamemusic.config import Settings

VOLUMES = {"a": (20, 30), "b": (60, 70)}


async def edits(session_id: str, tag: str, count: int) -> None:
    app = App(Settings.from_env())
    try:
        print("ready", flush=True)
        i = 0
        while count == 0 or i < count:
            volume = VOLUMES[tag][i % 2]
            await app.edit(session_id, f"music volume {volume}%")
            i += 1
            print(f"edit {i}", flush=True)
    finally:
        await app.aclose()


async def export(session_id: str, preset: str) -> None:
    app = App(Settings.from_env(), LocalBackend(preset=preset))

    async def progress(fraction: float | None, message: str) -> None:
        print(f"progress {fraction or 0:.3f} {message}", flush=True)

    try:
        result = await app.export(session_id, wait_s=math.inf, progress=progress)
        print(f"done {result.job.output_path}", flush=True)
    finally:
        await app.aclose()


if __name__ == "__main__":
    command, session_id, *rest = sys.argv[1:]
    if command == "edit":
        asyncio.run(edits(session_id, rest[0], int(rest[1])))
    else:
        asyncio.run(export(session_id, rest[0]))
