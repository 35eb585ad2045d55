"""One small error hierarchy, mapped once at the edges (CLI exit codes, MCP tool errors).

    GameMusicError(code, message, hint)     anything we raise on purpose
    ├── BadInput                            the user can fix it: file, path, instruction, session
    │   └── NotFound                        a file, session or job that does not exist
    └── BackendError                        the engine or the cloud failed
        ├── RenderError                     ffmpeg or the synthesizer failed, or a render was cancelled
        └── CloudError(cloud_code)          NemoVideo answered with an error (see NEMO_PROTOCOL.md)

`message` is one line written for whoever acts next (usually an LLM); `hint` says what to do.
Context travels as keyword arguments and is logged, never shown.
"""

from __future__ import annotations

from typing import Any


class GameMusicError(Exception):
    code = "error"

    def __init__(self, message: str, *, hint: str = "", code: str | None = None, **context: Any):
        super().__init__(message)
        self.message = message
        self.hint = hint
        if code:
            self.code = code
        self.context = context

    def user_text(self) -> str:
        """The one line a user or agent reads."""
        return f"{self.message} {self.hint}".strip()


class BadInput(GameMusicError):
    code = "bad_input"


class NotFound(BadInput):
    code = "not_found"


class BackendError(GameMusicError):
    code = "backend_error"


class RenderError(BackendError):
    code = "render_failed"


class CloudError(BackendError):
    code = "cloud_error"

    def __init__(self, message: str, *, cloud_code: int | None = None, **kw: Any):
        super().__init__(message, **kw)
        self.cloud_code = cloud_code
