"""Style presets by id, in the order `gamemusic styles` lists them, and `get_style`.

Each style is a preset (spec.py): tempo range, mode, chord progressions, voices, drum
patterns, swing and form. The presets live in presets_arcade.py and presets_mood.py.
"""

from __future__ import annotations

from gamemusic.errors import BadInput
from gamemusic.music import presets_arcade, presets_mood
from gamemusic.music.spec import (
    CLAP,
    CRASH,
    HAT,
    KICK,
    OPEN,
    RIDE,
    RIM,
    SHAKER,
    SNARE,
    TOM,
    DrumPart,
    Role,
    Style,
    Timbre,
    Voice,
)

__all__ = [
    "CLAP",
    "CRASH",
    "HAT",
    "KICK",
    "OPEN",
    "RIDE",
    "RIM",
    "SHAKER",
    "SNARE",
    "STYLES",
    "TOM",
    "DrumPart",
    "Role",
    "Style",
    "Timbre",
    "Voice",
    "get_style",
]

_ORDER = (
    "chiptune",
    "16bit",
    "boss",
    "rpg",
    "dungeon",
    "synthwave",
    "lofi",
    "platformer",
    "racing",
)
_ALL = {s.id: s for s in (*presets_arcade.PRESETS, *presets_mood.PRESETS)}
STYLES: dict[str, Style] = {sid: _ALL[sid] for sid in _ORDER}


def get_style(style_id: str) -> Style:
    """The preset for `style_id`; an unknown id raises BadInput(code="unknown_style")."""
    try:
        return STYLES[style_id]
    except KeyError:
        raise BadInput(
            f"Unknown style '{style_id}'.",
            hint="Styles: " + ", ".join(STYLES) + ".",
            code="unknown_style",
        ) from None
