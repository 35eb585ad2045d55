"""Where things live, read once from the environment.

GAMEMUSIC_HOME         data folder: sessions, cloud token, logs (default: the platform's user data dir)
GAMEMUSIC_OUTPUT_DIR   where MCP exports go when no output path is given (default: HOME/outputs)
GAMEMUSIC_WORKSPACE    base folder for relative input paths (default: the current directory)
GAMEMUSIC_OUTPUT_MODE  files | resources | both: how MCP hands back the MP4 (default: files)
GAMEMUSIC_BACKEND      local | nemo (default: local)
GAMEMUSIC_WORKERS      renders that may run at once (default: 2)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import platformdirs

OutputMode = Literal["files", "resources", "both"]
BackendName = Literal["local", "nemo"]


def _path(var: str, default: Path) -> Path:
    value = os.environ.get(var, "").strip()
    return Path(value).expanduser().resolve() if value else default


@dataclass(frozen=True)
class Settings:
    home: Path
    output_dir: Path
    workspace: Path
    output_mode: OutputMode = "files"
    backend: BackendName = "local"
    workers: int = 2
    export_wait_s: float = 40.0

    @property
    def sessions_dir(self) -> Path:
        return self.home / "sessions"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "gamemusic.log"

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        home = _path("GAMEMUSIC_HOME", Path(platformdirs.user_data_dir("gamemusic")))
        mode = os.environ.get("GAMEMUSIC_OUTPUT_MODE", "files").strip().lower() or "files"
        backend = os.environ.get("GAMEMUSIC_BACKEND", "local").strip().lower() or "local"
        values: dict[str, object] = dict(
            home=home,
            output_dir=_path("GAMEMUSIC_OUTPUT_DIR", home / "outputs"),
            workspace=_path("GAMEMUSIC_WORKSPACE", Path.cwd()),
            output_mode=mode if mode in ("files", "resources", "both") else "files",
            backend=backend if backend in ("local", "nemo") else "local",
            workers=max(1, int(os.environ.get("GAMEMUSIC_WORKERS", "2") or 2)),
            export_wait_s=float(os.environ.get("GAMEMUSIC_EXPORT_WAIT", "40") or 40),
        )
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
