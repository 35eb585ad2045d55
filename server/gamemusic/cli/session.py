"""Session commands, the same calls the MCP tools make: upload, edit, state, export."""

from __future__ import annotations

import math
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from gamemusic.cli.base import (
    BackendOpt,
    JsonOpt,
    app,
    emit,
    emit_export,
    fail,
    load_settings,
    progress_bar,
    run,
)
from gamemusic.memory import reuse_freed_memory


def _session_call(
    as_json: bool,
    backend: str | None,
    call: Callable[[Any], Coroutine[Any, Any, Any]],
    *,
    bar: bool = False,
    emit: Callable[[Any, bool], None] = emit,
) -> None:
    """Run one App call on a session (the same ones the MCP tools make) and print its text."""
    from gamemusic.app import App

    settings = load_settings(backend, workspace=Path.cwd())
    context, update = progress_bar(bar and not as_json)

    async def go() -> Any:
        app_ = App(settings)
        try:
            return await call((app_, update))
        finally:
            await app_.aclose()

    with context:
        result = run(go, settings)
    emit(result, as_json)


SessionArg = Annotated[str, typer.Argument(help="Session id printed by upload, e.g. s-3f9a2c1b.")]


@app.command()
def upload(
    source: Annotated[str, typer.Argument(help="Video/image/audio path or http(s) URL.")],
    session: Annotated[str | None, typer.Option(help="Add to this session.")] = None,
    backend: BackendOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Start a session with a file (then: edit, state, export)."""
    _session_call(as_json, backend, lambda a: a[0].upload(source, session, progress=a[1]))


def _opt(help_text: str, **kw: Any) -> Any:
    return typer.Option(help=help_text, rich_help_panel="Typed changes", **kw)


@app.command()
def edit(
    session: SessionArg,
    instruction: Annotated[
        str | None, typer.Argument(help='e.g. "add boss music, quieter", "撤销".')
    ] = None,
    style: Annotated[str | None, _opt("Music style (see `gamemusic styles`).")] = None,
    music_volume: Annotated[float | None, _opt("Music volume 0-1.", min=0, max=1)] = None,
    music_volume_factor: Annotated[
        float | None, _opt("Scale the music volume (0.6 quieter, 1.5 louder).", min=0.1, max=4)
    ] = None,
    game_volume: Annotated[
        float | None, _opt("Game-audio gain 0-2 (1 = as recorded).", min=0, max=2)
    ] = None,
    game_volume_factor: Annotated[
        float | None, _opt("Scale the game audio (0.6 softer, 1.5 louder).", min=0.1, max=4)
    ] = None,
    game_audio: Annotated[
        Literal["keep", "mute"] | None, _opt("Keep or mute the game audio.")
    ] = None,
    remove_music: Annotated[bool, _opt("Take the music out.")] = False,
    start: Annotated[float | None, _opt("Music starts here, seconds.", min=0)] = None,
    end: Annotated[float | None, _opt("Music ends here, seconds.", min=0)] = None,
    last: Annotated[float | None, _opt("Music only in the final N seconds.", min=0)] = None,
    stop_before_end: Annotated[
        float | None, _opt("Music stops N seconds before the video ends.", min=0)
    ] = None,
    fade_in: Annotated[float | None, _opt("Fade-in seconds (0 = none).", min=0, max=30)] = None,
    fade_out: Annotated[float | None, _opt("Fade-out seconds (0 = none).", min=0, max=30)] = None,
    ducking: Annotated[
        bool | None, _opt("Dip the music under loud game audio or a voice.", show_default=False)
    ] = None,
    ducking_db: Annotated[float | None, _opt("Ducking depth, dB.", min=1, max=24)] = None,
    bpm: Annotated[int | None, _opt("Tempo in BPM.", min=40, max=240)] = None,
    tempo_factor: Annotated[
        float | None, _opt("Scale the tempo (1.15 faster, 0.87 slower).", min=0.5, max=2)
    ] = None,
    new_take: Annotated[bool, _opt("Another composition, same style.")] = False,
    seed: Annotated[int | None, _opt("Composition seed.", min=0)] = None,
    stingers: Annotated[
        bool | None, _opt("Accent hits on big game moments.", show_default=False)
    ] = None,
    arc: Annotated[
        Literal["auto", "calm", "intense"] | None, _opt("Follow the gameplay, or hold it.")
    ] = None,
    climax: Annotated[float | None, _opt("Build up to a climax here, seconds.", min=0)] = None,
    title: Annotated[str | None, _opt("Add a title with this text.")] = None,
    title_start: Annotated[float | None, _opt("When the title appears, seconds.", min=0)] = None,
    title_duration: Annotated[
        float | None, _opt("How long the title shows, seconds.", min=0.5, max=60)
    ] = None,
    title_position: Annotated[
        Literal["top", "center", "bottom"] | None, _opt("Where the title sits.")
    ] = None,
    remove_titles: Annotated[bool, _opt("Remove every title.")] = False,
    aspect: Annotated[Literal["auto", "16:9", "9:16", "1:1"] | None, _opt("Output shape.")] = None,
    undo: Annotated[bool, _opt("Undo the last edit first.")] = False,
    redo: Annotated[bool, _opt("Redo the last undone edit.")] = False,
    backend: BackendOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Change a session with a sentence and/or typed changes, as an agent would."""
    values = {
        "style": style, "music_volume": music_volume, "music_volume_factor": music_volume_factor,
        "game_volume": game_volume, "game_volume_factor": game_volume_factor,
        "game_audio": game_audio, "remove_music": remove_music or None, "music_start_s": start,
        "music_end_s": end, "music_last_s": last,
        "music_stops_before_end_s": stop_before_end, "fade_in_s": fade_in, "fade_out_s": fade_out,
        "ducking": ducking, "ducking_db": ducking_db, "tempo_bpm": bpm,
        "tempo_factor": tempo_factor, "new_take": new_take or None, "seed": seed,
        "stingers": stingers, "arc": arc, "climax_s": climax,
        "remove_titles": remove_titles or None, "aspect": aspect, "undo": undo or None,
        "redo": redo or None,
    }  # fmt: skip
    if title is not None:
        values["titles"] = [{"text": title, "start_s": title_start,
                             "duration_s": title_duration, "position": title_position}]  # fmt: skip
    fields = _edit_fields({k: v for k, v in values.items() if v is not None})
    if instruction is None and fields is None:
        fail("Give an instruction or at least one option (see gamemusic edit --help).", 2)
    _session_call(
        as_json, backend,
        lambda a: a[0].edit(session, instruction, fields=fields, progress=a[1]), bar=True,
    )  # fmt: skip


def _edit_fields(values: dict[str, Any]) -> Any:
    """The typed changes, validated; one line and exit 2 when they do not fit together."""
    if not values:
        return None
    from pydantic import ValidationError

    from gamemusic.words import EditFields, resolve_style

    if "style" in values:
        values["style"] = resolve_style(values["style"]) or values["style"]
    try:
        return EditFields.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "options"
        fail(f"{where}: {first['msg']}", 2)
    return None


@app.command()
def state(session: SessionArg, backend: BackendOpt = None, as_json: JsonOpt = False) -> None:
    """Show a session's timeline and renders."""
    _session_call(as_json, backend, lambda a: a[0].state(session))


@app.command()
def export(
    session: SessionArg,
    output: Annotated[str | None, typer.Option("-o", "--output", help="Output MP4.")] = None,
    backend: BackendOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Render a session's timeline to an MP4 (waits until it is done)."""
    reuse_freed_memory()
    _session_call(
        as_json, backend,
        lambda a: a[0].export(session, output=output, wait_s=math.inf, progress=a[1]), bar=True,
        emit=emit_export,
    )  # fmt: skip
