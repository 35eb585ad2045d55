"""Helpers for the reliability tests: processes by pid, temporary files, bounded polling."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import anyio


def _running(pid: int) -> bool:
    """True while `pid` exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def ffmpeg_pids(marker: str | Path) -> list[int]:
    """Live ffmpeg processes whose command line mentions `marker` (e.g. the test's tmp_path)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if (
            argv
            and b"ffmpeg" in Path(os.fsdecode(argv[0])).name.encode()
            and any(os.fsencode(str(marker)) in a for a in argv)
            and _running(int(entry.name))
        ):
            found.append(int(entry.name))
    return found


def alive(pids: list[int]) -> list[int]:
    return [pid for pid in pids if _running(pid)]


def partials(folder: Path) -> list[Path]:
    """Temporary render files (`.<name>.partial-...`) anywhere under `folder`."""
    return sorted(p for p in folder.rglob("*") if ".partial-" in p.name)


async def until(check: Callable[[], object], timeout: float = 30.0, what: str = "") -> object:
    """Poll `check` until it returns something truthy, failing after `timeout` seconds."""
    with anyio.fail_after(timeout):
        while not (value := check()):
            await anyio.sleep(0.02)
    return value


def wait_sync(check: Callable[[], object], timeout: float = 30.0) -> object:
    return anyio.run(until, check, timeout)
