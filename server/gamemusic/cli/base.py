"""What every `gamemusic` command shares: the typer app, the options, running one engine call
with its errors mapped (once, here: BadInput -> one line, exit 2; our other errors -> one
line, exit 1; anything else -> one line plus the log's path, exit 1), the progress bar and
printing results."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Coroutine
from contextlib import AbstractContextManager, nullcontext
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

from gamemusic.config import Settings
from gamemusic.errors import BadInput, GameMusicError
from gamemusic.logsetup import setup as setup_logging

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


def fail(message: str, code: int) -> None:
    err.print(Text.assemble(("error: ", "bold red"), message), highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def run(coro_fn: Callable[[], Coroutine[Any, Any, T]], settings: Settings) -> T:
    """Run one engine call and map every failure to one line and an exit code."""
    log_file = setup_logging(settings.log_file, stderr_level=logging.CRITICAL)
    try:
        return asyncio.run(coro_fn())
    except BadInput as exc:
        log.info("bad input: %s %s", exc.code, exc.context)
        fail(exc.user_text(), 2)
    except GameMusicError as exc:
        log.warning("failed: %s %s", exc.code, exc.context)
        fail(exc.user_text(), 1)
    except KeyboardInterrupt:
        fail("Cancelled; no output was written.", 130)
    except Exception as exc:  # the CLI edge: no traceback for users, the log has it
        log.exception("unexpected error")
        fail(f"Internal error ({type(exc).__name__}). Details: {log_file}", 1)
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


def load_settings(backend: str | None = None, **overrides: Any) -> Settings:
    return Settings.from_env(backend=backend, **overrides)


def add_app(settings: Settings, preset: str = "veryfast", crf: int = 20) -> Any:
    """An App for `add`: the local engine with these libx264 settings, or the cloud."""
    from gamemusic.app import App

    if settings.backend != "local":
        return App(settings)
    from gamemusic.backends.local import LocalBackend

    return App(settings, LocalBackend(preset=preset, crf=crf))


def emit(result: Any, as_json: bool, text: str | None = None) -> None:
    if as_json:
        typer.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False))
    else:
        typer.echo(text if text is not None else result.text)


def emit_export(result: Any, as_json: bool, text: str | None = None) -> None:
    """An export that ended without its file is a failure: one line on stderr, exit 1
    (with --json the result is still printed on stdout for scripts)."""
    if result.done:
        emit(result, as_json, text)
        return
    if as_json:
        emit(result, True)
    fail(result.job.error or result.text, 1)
