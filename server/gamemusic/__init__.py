"""video-game-music: add game-style background music to gameplay videos.

The same calls the CLI and the MCP server make are importable: see `gamemusic.app.App`.
"""

__version__ = "1.0.0"
