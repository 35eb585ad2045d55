"""`gamemusic`: add game music to a gameplay video from the terminal, or serve MCP.

Thin on purpose: parse arguments, call `App`, print. Errors are mapped here, once:
BadInput -> one line, exit 2; our other errors -> one line, exit 1; anything else -> one line
plus the log's path, exit 1.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import sys
from collections.abc import Awaitable, Callable, Coroutine
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from gamemusic import __version__, defaults
from gamemusic.config import Settings
from gamemusic.errors import BadInput, GameMusicError
from gamemusic.logsetup import setup as setup_logging
from gamemusic.memory import reuse_freed_memory, single_thread_blas

T = TypeVar("T")
err = Console(stderr=True)
log = logging.getLogger("gamemusic.cli")

app = typer.Typer(
    help="Add game-style background music to gameplay videos (offline by default).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

BackendOpt = Annotated[
    Literal["local", "nemo"] | None,
    typer.Option("--backend", help="local (default, offline) or nemo (NemoVideo cloud)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object on stdout.")]


def _fail(message: str, code: int) -> None:
    err.print(Text.assemble(("error: ", "bold red"), message), highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def run(coro_fn: Callable[[], Coroutine[Any, Any, T]], settings: Settings) -> T:
    """Run one engine call and map every failure to one line and an exit code."""
    log_file = setup_logging(settings.log_file, stderr_level=logging.CRITICAL)
    try:
        return asyncio.run(coro_fn())
    except BadInput as exc:
        log.info("bad input: %s %s", exc.code, exc.context)
        _fail(exc.user_text(), 2)
    except GameMusicError as exc:
        log.warning("failed: %s %s", exc.code, exc.context)
        _fail(exc.user_text(), 1)
    except KeyboardInterrupt:
        _fail("Cancelled; no output was written.", 130)
    except Exception as exc:  # the CLI edge: no traceback for users, the log has it
        log.exception("unexpected error")
        _fail(f"Internal error ({type(exc).__name__}). Details: {log_file}", 1)
    raise AssertionError("unreachable")


def progress_bar(
    enabled: bool,
) -> tuple[AbstractContextManager[Any], Callable[[float | None, str], Awaitable[None]]]:
    """A rich progress bar on stderr when it is a terminal (elapsed time and an estimate of
    the time left); otherwise silence."""
    if not enabled or not err.is_terminal:

        async def quiet(fraction: float | None, message: str) -> None:
            return None

        return nullcontext(), quiet
    bar = Progress(
        TextColumn("{task.description:<36}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    )
    task = bar.add_task("Starting", total=1.0)

    async def update(fraction: float | None, message: str) -> None:
        bar.update(
            task, completed=fraction if fraction is not None else None, description=message[:36]
        )

    return bar, update


def _settings(backend: str | None = None, **overrides: Any) -> Settings:
    return Settings.from_env(backend=backend, **overrides)


def _add_app(settings: Settings, preset: str = "veryfast", crf: int = 20) -> Any:
    """An App for `add`: the local engine with these libx264 settings, or the cloud."""
    from gamemusic.app import App

    if settings.backend != "local":
        return App(settings)
    from gamemusic.backends.local import LocalBackend

    return App(settings, LocalBackend(preset=preset, crf=crf))


def _emit(result: Any, as_json: bool, text: str | None = None) -> None:
    if as_json:
        typer.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False))
    else:
        typer.echo(text if text is not None else result.text)


def _emit_export(result: Any, as_json: bool, text: str | None = None) -> None:
    """An export that ended without its file is a failure: one line on stderr, exit 1
    (with --json the result is still printed on stdout for scripts)."""
    if result.done:
        _emit(result, as_json, text)
        return
    if as_json:
        _emit(result, True)
    _fail(result.job.error or result.text, 1)


@app.command()
def add(
    video: Annotated[str, typer.Argument(help="Gameplay video (or image, GIF, audio file).")],
    output: Annotated[
        str | None,
        typer.Option(
            "-o", "--output", help="Output MP4 path (default: <name>_music.mp4 beside the input)."
        ),
    ] = None,
    style: Annotated[
        str, typer.Option("--style", "-s", help="Music style; see `gamemusic styles`.")
    ] = "chiptune",
    volume: Annotated[
        float,
        typer.Option(
            min=0.0,
            max=1.0,
            help=f"Music volume 0-1 ({defaults.VOLUME:g} puts it about 18 dB under the game "
            "audio).",
        ),
    ] = defaults.VOLUME,
    seed: Annotated[int, typer.Option(min=0, help="Another number gives another take.")] = 0,
    bpm: Annotated[float | None, typer.Option(min=40, max=240, help="Tempo override.")] = None,
    mode: Annotated[
        Literal["duck", "mix", "mute-game", "no-music"],
        typer.Option(
            help="duck: music dips under loud game audio (default); mix: no ducking; "
            "mute-game: music only; no-music: keep the game audio alone."
        ),
    ] = "duck",
    aspect: Annotated[
        Literal["auto", "16:9", "9:16", "1:1"],
        typer.Option(help="auto follows the input (landscape 1920x1080, vertical 1080x1920)."),
    ] = "auto",
    duration: Annotated[
        float, typer.Option(min=1, max=1800, help="Clip length for still images, seconds.")
    ] = 10.0,
    preset: Annotated[str, typer.Option(help="libx264 preset when re-encoding.")] = "veryfast",
    crf: Annotated[int, typer.Option(min=0, max=51, help="libx264 CRF when re-encoding.")] = 20,
    force: Annotated[
        bool, typer.Option("--force", "-f", help="Replace an existing output.")
    ] = False,
    backend: BackendOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Add game music to a video and write a 1080p MP4."""
    reuse_freed_memory()  # a one-shot process: keep freed buffers warm (see memory.py)
    from gamemusic.add_request import AddRequest

    settings = _settings(backend, workspace=Path.cwd())
    request = AddRequest(
        source=video,
        output=output,
        style=style,
        volume=volume,
        seed=seed,
        bpm=bpm,
        mode=mode,
        aspect=aspect,
        still_duration_s=duration,
        force=force,
    )
    bar, update = progress_bar(not as_json)

    async def go() -> Any:
        app_ = _add_app(settings, preset, crf)
        try:
            return await app_.add(request, progress=update)
        finally:
            await app_.aclose()

    with bar:
        result = run(go, settings)
    _emit_export(result, as_json)


@app.command()
def demo(
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Folder for the demo clip and its result (default: ./gamemusic-demo).",
        ),
    ] = None,
    style: Annotated[str, typer.Option("--style", "-s")] = "chiptune",
    seconds: Annotated[float, typer.Option(min=3, max=120)] = 30.0,
    as_json: JsonOpt = False,
) -> None:
    """Make a ~30 s gameplay-like clip, add music to it, and print the output path."""
    reuse_freed_memory()
    from gamemusic.add_request import AddRequest
    from gamemusic.demo import make_demo_clip

    folder = (output or Path.cwd() / "gamemusic-demo").resolve()
    settings = _settings("local", workspace=folder)
    clip = folder / "demo_gameplay.mp4"
    bar, update = progress_bar(not as_json)

    async def go() -> Any:
        await update(None, "Making a demo gameplay clip")
        await make_demo_clip(clip, seconds)
        app_ = _add_app(settings)
        try:
            return await app_.add(AddRequest(str(clip), style=style, force=True), progress=update)
        finally:
            await app_.aclose()

    with bar:
        result = run(go, settings)
    _emit_export(result, as_json, text=result.job.output_path)


@app.command()
def styles(as_json: JsonOpt = False) -> None:
    """List the music styles, one line each."""
    from gamemusic.music import STYLES

    if as_json:
        typer.echo(
            json.dumps(
                [{"id": s.id, "title": s.title, "summary": s.summary} for s in STYLES.values()],
                ensure_ascii=False,
            )
        )
        return
    width = max(len(s.id) for s in STYLES.values())
    for s in STYLES.values():
        typer.echo(f"{s.id:<{width}}  {s.title}: {s.summary}")


@app.command()
def music(
    output: Annotated[Path, typer.Option("-o", "--output", help="WAV file to write.")],
    style: Annotated[str, typer.Option("--style", "-s")] = "chiptune",
    duration: Annotated[float, typer.Option(min=1, max=1800, help="Seconds.")] = 60.0,
    seed: Annotated[int, typer.Option(min=0)] = 0,
    bpm: Annotated[float | None, typer.Option(min=40, max=240)] = None,
    midi: Annotated[Path | None, typer.Option(help="Also write the piece as MIDI here.")] = None,
    stems: Annotated[
        Path | None,
        typer.Option(
            help="Also write one WAV per voice and per layer (drums, bass, harmony, melody) "
            "into this folder, with manifest.json; they sum to the mix."
        ),
    ] = None,
    loop: Annotated[
        bool,
        typer.Option(
            "--loop",
            help="Compose a seamless loop: loop points in the WAV's smpl chunk and a .json "
            "sidecar (loop samples, bpm, bars, key).",
        ),
    ] = False,
) -> None:
    """Write the soundtrack alone (WAV, and MIDI, stems or a loop if asked)."""
    settings = _settings()

    async def go() -> Path:
        from gamemusic.music import (
            compose,
            get_style,
            synthesize,
            write_loop,
            write_midi,
            write_stems,
            write_wav,
        )

        get_style(style)
        if output.suffix.lower() != ".wav":
            raise BadInput(f"'{output.name}' should end in .wav.")
        ending = "loop" if loop else "cadence"
        piece = compose(style, duration, seed=seed, bpm=bpm, ending=ending)  # type: ignore[arg-type]
        if loop:
            write_loop(piece, output)
        else:
            write_wav(output, synthesize(piece))
        if stems:
            write_stems(piece, stems)
        if midi:
            write_midi(piece, midi)
        return output.resolve()

    typer.echo(str(run(go, settings)))


def _session_call(
    as_json: bool,
    backend: str | None,
    call: Callable[[Any], Coroutine[Any, Any, Any]],
    *,
    bar: bool = False,
    emit: Callable[[Any, bool], None] = _emit,
) -> None:
    """Run one App call on a session (the same ones the MCP tools make) and print its text."""
    from gamemusic.app import App

    settings = _settings(backend, workspace=Path.cwd())
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
    game_audio: Annotated[Literal["keep", "mute"] | None, _opt("Keep or mute the game audio.")] = None,
    remove_music: Annotated[bool, _opt("Take the music out.")] = False,
    start: Annotated[float | None, _opt("Music starts here, seconds.", min=0)] = None,
    end: Annotated[float | None, _opt("Music ends here, seconds.", min=0)] = None,
    last: Annotated[float | None, _opt("Music only in the final N seconds.", min=0)] = None,
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
        "music_end_s": end, "music_last_s": last, "fade_in_s": fade_in, "fade_out_s": fade_out,
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
        _fail("Give an instruction or at least one option (see gamemusic edit --help).", 2)
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
        _fail(f"{where}: {first['msg']}", 2)
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
        emit=_emit_export,
    )  # fmt: skip


@app.command()
def mcp(
    transport: Annotated[
        Literal["stdio", "streamable-http"],
        typer.Option(help="stdio (default) or streamable-http."),
    ] = "stdio",
    host: Annotated[str, typer.Option(help="HTTP host.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="HTTP port.")] = 8765,
    backend: BackendOpt = None,
) -> None:
    """Serve the MCP tools (upload, edit, state, credits, export)."""
    from gamemusic.mcp_server import serve

    settings = _settings(backend)
    setup_logging(settings.log_file, stderr_level=logging.WARNING)
    serve(settings, transport=transport, host=host, port=port)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"gamemusic {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Add game-style background music to gameplay videos (offline by default)."""


def main() -> None:
    single_thread_blas()
    app(prog_name="gamemusic")


if __name__ == "__main__":
    sys.exit(main())
