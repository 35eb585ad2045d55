"""What `add` asks for: upload, one edit, export, as a single request (see `App.add`).

The options become the `edit` tool's typed fields, so the local editor and the cloud agent
(which receives them as one sentence) get the same request.
"""

from __future__ import annotations

from dataclasses import dataclass

from gamemusic import defaults
from gamemusic.words import EditFields


@dataclass(frozen=True)
class AddRequest:
    source: str
    output: str | None = None
    style: str = "chiptune"
    volume: float = defaults.VOLUME
    seed: int = 0
    bpm: float | None = None
    mode: str = "duck"  # duck | mix | mute-game | no-music
    aspect: str = "auto"
    still_duration_s: float = 10.0
    force: bool = False


def edit_fields(req: AddRequest, style_id: str, *, seed: bool = True) -> EditFields:
    """The request as typed edit fields; `seed` False leaves the seed out (the cloud has none)."""
    aspect = None if req.aspect == "auto" else req.aspect
    if req.mode == "no-music":
        return EditFields(game_audio="keep", aspect=aspect)  # type: ignore[arg-type]
    return EditFields(
        style=style_id,  # type: ignore[arg-type]
        music_volume=req.volume,
        tempo_bpm=round(req.bpm) if req.bpm else None,
        ducking=False if req.mode == "mix" else None,
        game_audio="mute" if req.mode == "mute-game" else None,
        seed=req.seed if seed else None,
        aspect=aspect,  # type: ignore[arg-type]
    )
