"""Logging: details to a log file (and stderr when asked); never stdout, which may be MCP's."""

from __future__ import annotations

import logging
import sys
from pathlib import Path


def setup(log_file: Path, *, stderr_level: int = logging.WARNING) -> Path:
    root = logging.getLogger("gamemusic")
    if getattr(root, "_gm_configured", False):
        return log_file
    root.setLevel(logging.DEBUG)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        fh = logging.FileHandler(log_file, encoding="utf-8")
        fh.setLevel(logging.DEBUG)
        fh.setFormatter(fmt)
        root.addHandler(fh)
    except OSError:
        pass
    sh = logging.StreamHandler(sys.stderr)
    sh.setLevel(stderr_level)
    sh.setFormatter(fmt)
    root.addHandler(sh)
    root._gm_configured = True  # type: ignore[attr-defined]
    return log_file
