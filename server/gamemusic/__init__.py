"""video-game-music: add game-style background music to gameplay videos.

The calls the CLI and the MCP server make are importable for scripts and agent frameworks:

    from gamemusic import App
    app = App()                                   # local engine; App(backend=...) for others
    up = await app.upload("clip.mp4")
    await app.edit(up.session_id, "add boss music, quieter under my voice")
    done = await app.export(up.session_id, wait_s=float("inf"))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "1.0.0"
__all__ = ["App", "__version__"]

if TYPE_CHECKING:
    from gamemusic.app import App


def __getattr__(name: str) -> Any:
    """`gamemusic.App` without importing the engine for `import gamemusic` alone."""
    if name == "App":
        from gamemusic.app import App

        return App
    raise AttributeError(f"module 'gamemusic' has no attribute {name!r}")
