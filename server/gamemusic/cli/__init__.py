"""`gamemusic`: add game music to a gameplay video from the terminal, or serve MCP.

Thin on purpose: parse arguments, call `App`, print. base.py holds the app, the error mapping
and the output; oneshot.py (add, demo, styles, music) and session.py (upload, edit, state,
export) add their commands to it, in the order `--help` lists them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from typing import Annotated, Literal

import typer

from gamemusic import __version__
from gamemusic.cli import oneshot, session  # noqa: F401  (their commands join `app`, in order)
from gamemusic.cli.base import BackendOpt, app, load_settings
from gamemusic.logsetup import setup as setup_logging
from gamemusic.memory import single_thread_blas


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

    settings = load_settings(backend)
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
    """The `gamemusic` command. When it is done, everything is written, flushed and closed,
    so the process ends at once: the interpreter's own teardown (freeing a render's buffers
    and a hundred modules) would add ~65 ms to every command."""
    single_thread_blas()
    try:
        app(prog_name="gamemusic")
        code: object = 0
    except SystemExit as done:
        code = done.code
    if not isinstance(code, int):
        if code is not None:
            print(code, file=sys.stderr)
        code = 0 if code is None else 1
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing left to say
            stream.flush()
    os._exit(code)
