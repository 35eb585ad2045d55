"""`gamemusic add`: upload, one edit, export, as a single call — on either backend.

The options become one instruction sentence, the same a user could type, so the local parser
and the cloud agent receive the same request; settings a sentence cannot carry (the seed) are
set on the draft afterwards.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from gamemusic.app import App, make_backend
from gamemusic.backends.base import Progress, no_progress
from gamemusic.config import Settings
from gamemusic.errors import BadInput
from gamemusic.paths import is_url, resolve_input, resolve_output
from gamemusic.results import ExportResult
from gamemusic.words import resolve_style


@dataclass(frozen=True)
class AddRequest:
    source: str
    output: str | None = None
    style: str = "chiptune"
    volume: float = 0.35
    seed: int = 0
    bpm: float | None = None
    mode: str = "duck"  # duck | mix | mute-game | no-music
    aspect: str = "auto"
    still_duration_s: float = 10.0
    preset: str = "veryfast"
    crf: int = 20
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


def _check_output(settings: Settings, req: AddRequest) -> Path:
    """The output path, checked before any work is done."""
    if is_url(req.source):
        default = settings.workspace / "video_music.mp4"
        inputs: list[Path] = []
    else:
        src = resolve_input(req.source, settings.workspace)
        default = src.with_name(f"{src.stem}_music.mp4")
        inputs = [src]
    out = resolve_output(req.output, default, settings.workspace, inputs)
    if out.exists() and not req.force:
        raise BadInput(
            f"'{out}' already exists.", hint="Pass --force to replace it.", code="exists"
        )
    return out


async def add_music(
    settings: Settings, req: AddRequest, *, progress: Progress = no_progress
) -> ExportResult:
    style_id = resolve_style(req.style)
    if style_id is None:
        from gamemusic.music import STYLES

        raise BadInput(
            f"Unknown style '{req.style}'.",
            hint=f"Styles: {', '.join(STYLES)}.",
            code="unknown_style",
        )
    out = _check_output(settings, req)
    backend = make_backend(settings)
    if backend.name == "local":
        from gamemusic.backends.local import LocalBackend

        backend = LocalBackend(preset=req.preset, crf=req.crf)
    app = App(settings, backend)
    try:
        up = await app.upload(req.source, still_duration_s=req.still_duration_s, progress=progress)
        await app.edit(up.session_id, instruction_for(req, style_id), progress=progress)
        if backend.name == "local" and req.mode != "no-music":
            async with app.store.writing(up.session_id) as session:
                music = session.project().draft.music
                if music is not None:
                    music.meta.seed = req.seed
        return await app.export(
            up.session_id, output=str(out), wait_s=math.inf, overwrite=True, progress=progress
        )
    finally:
        await app.aclose()
