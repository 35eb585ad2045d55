"""One-shot commands: add music to a video (add, demo), list the styles, write music alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from gamemusic import defaults
from gamemusic.cli.base import (
    BackendOpt,
    JsonOpt,
    add_app,
    app,
    emit_export,
    load_settings,
    progress_bar,
    run,
)
from gamemusic.errors import BadInput
from gamemusic.memory import reuse_freed_memory


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

    settings = load_settings(backend, workspace=Path.cwd())
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
        app_ = add_app(settings, preset, crf)
        try:
            return await app_.add(request, progress=update)
        finally:
            await app_.aclose()

    with bar:
        result = run(go, settings)
    emit_export(result, as_json)


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
    settings = load_settings("local", workspace=folder)
    clip = folder / "demo_gameplay.mp4"
    bar, update = progress_bar(not as_json)

    async def go() -> Any:
        await update(None, "Making a demo gameplay clip")
        await make_demo_clip(clip, seconds)
        app_ = add_app(settings)
        try:
            return await app_.add(AddRequest(str(clip), style=style, force=True), progress=update)
        finally:
            await app_.aclose()

    with bar:
        result = run(go, settings)
    emit_export(result, as_json, text=result.job.output_path)


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
    settings = load_settings()

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
