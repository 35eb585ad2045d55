"""What `add` asks for: upload, one edit, export, as a single request (see `App.add`).

The options become one instruction sentence, the same a user could type, so the local parser
and the cloud agent receive the same request; settings a sentence cannot carry (the seed) are
set on the draft afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

from gamemusic import defaults


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


def instruction_for(req: AddRequest, style_id: str) -> str:
    if req.mode == "no-music":
        parts = ["no music", "keep the game sound"]
    else:
        parts = [f"add {style_id} background music", f"volume {round(req.volume * 100)}%"]
        if req.bpm:
            parts.append(f"{req.bpm:g} bpm")
        if req.mode == "mix":
            parts.append("no ducking")
        if req.mode == "mute-game":
            parts.append("mute the original audio")
    if req.aspect != "auto":
        parts.append(f"make it {req.aspect}")
    return ", ".join(parts)
