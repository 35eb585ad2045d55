"""The MCP server: five tools over `App`, a timeline resource per session, rendered MP4s as
resources, and prompts for the usual requests. Thin: validate, call, format.

Our errors become tool error results carrying the user message (ToolError); the server never
dies on bad input. stdout is the MCP channel on stdio: logs go to stderr and the log file.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ResourceNotFoundError, ToolError
from mcp_types import ToolAnnotations
from pydantic import Field

from gamemusic import __version__
from gamemusic.app import App
from gamemusic.config import Settings
from gamemusic.errors import GameMusicError
from gamemusic.media.fetch import require_http_url
from gamemusic.results import (
    CreditsResult,
    EditResult,
    ExportResult,
    JobInfo,
    StateResult,
    UploadResult,
)

log = logging.getLogger("gamemusic.mcp")
P = ParamSpec("P")
R = TypeVar("R")

INSTRUCTIONS = """\
Adds game-style background music to gameplay videos and renders a 1080p MP4.
Flow: upload (a video path or URL) -> edit (plain sentences, English or Chinese, e.g. "add retro
chiptune music, quieter under my commentary") -> export (returns the MP4 path; long renders
return a job id: call export or state again to follow it). state shows the timeline.
Styles: chiptune, 16bit, boss, rpg, dungeon, synthwave, lofi, platformer, racing."""

SessionId = Annotated[
    str,
    Field(
        description="Session id returned by upload, e.g. s-3f9a2c1b.",
        examples=["s-3f9a2c1b"],
        max_length=64,
    ),
]


def _errors(fn: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    """Map our errors to tool error results that carry the user message."""

    @functools.wraps(fn)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return await fn(*args, **kwargs)
        except GameMusicError as exc:
            log.info("tool %s: %s (%s)", fn.__name__, exc.code, exc.context)
            raise ToolError(exc.user_text()) from None

    return wrapper


def _app(ctx: Context) -> App:
    return ctx.request_context.lifespan_context


def _progress(ctx: Context) -> Callable[[float | None, str], Awaitable[None]]:
    async def report(fraction: float | None, message: str) -> None:
        await ctx.report_progress(round((fraction or 0.0) * 100, 1), 100, message)

    return report


RENDER_URI = "gamemusic://renders/{session_id}/{job_id}"


def _offered(engine: App, session_id: str, job: JobInfo) -> JobInfo:
    """The job with the MCP resource of its MP4, when renders are offered as resources."""
    if job.status != "done" or engine.settings.output_mode not in ("resources", "both"):
        return job
    uri = RENDER_URI.format(session_id=session_id, job_id=job.job_id)
    return job.model_copy(update={"resource_uri": uri})


def build_server(settings: Settings | None = None, app: App | None = None) -> MCPServer:
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(_: MCPServer) -> AsyncIterator[App]:
        engine = app or App(settings)
        try:
            yield engine
        finally:
            await engine.aclose()

    cloud = settings.backend == "nemo"
    server: MCPServer = MCPServer(
        name="video-game-music",
        title="Video Game Music",
        version=__version__,
        instructions=INSTRUCTIONS,
        lifespan=lifespan,
    )

    @server.tool(
        annotations=ToolAnnotations(
            title="Upload a video",
            read_only_hint=False,
            destructive_hint=False,
            open_world_hint=True,
        )
    )
    @_errors
    async def upload(
        ctx: Context,
        path: Annotated[
            str | None,
            Field(
                description="Video, image, GIF or audio file: absolute, or relative to the "
                "workspace folder.",
                examples=["/home/me/clips/ranked_match.mp4"],
            ),
        ] = None,
        url: Annotated[
            str | None,
            Field(
                description="An http(s) link to the file instead of a path.",
                examples=["https://example.com/clip.mp4"],
            ),
        ] = None,
        session_id: Annotated[
            str | None,
            Field(description="Add to this session instead of starting a new one.", max_length=64),
        ] = None,
        duration_s: Annotated[
            float, Field(description="Clip length for still images.", ge=1, le=1800)
        ] = 10.0,
    ) -> UploadResult:
        """Upload a gameplay video (mp4, mov, avi, webm, mkv; also jpg/png/gif/webp or
        mp3/wav/m4a/aac) and start a session. Returns the session_id for the other tools."""
        if not (path or url) or (path and url):
            raise ToolError("Give exactly one of path or url.")
        source = path or require_http_url(url or "")
        return await _app(ctx).upload(
            source, session_id, still_duration_s=duration_s, progress=_progress(ctx)
        )

    @server.tool(
        annotations=ToolAnnotations(
            title="Edit the music",
            read_only_hint=False,
            destructive_hint=False,
            idempotent_hint=False,
            open_world_hint=cloud,
        )
    )
    @_errors
    async def edit(
        ctx: Context,
        session_id: SessionId,
        instruction: Annotated[
            str,
            Field(
                description="What to change, in plain English or Chinese.",
                min_length=1,
                max_length=2000,
                examples=[
                    "add retro chiptune background music",
                    "quieter under my commentary",
                    "make it vertical for TikTok",
                    "加一段Boss战音乐",
                    "undo",
                ],
            ),
        ],
    ) -> EditResult:
        """Change the session's music and timeline with a sentence: style (chiptune, 16bit,
        boss, rpg, dungeon, synthwave, lofi, platformer, racing), volume, time range, fades,
        ducking, tempo, another take, titles, aspect (vertical/square), mute game audio, undo.
        Export/credits/status sentences run that action instead and say so."""
        return await _app(ctx).edit(session_id, instruction, progress=_progress(ctx))

    @server.tool(
        annotations=ToolAnnotations(
            title="Show the timeline", read_only_hint=True, open_world_hint=cloud
        )
    )
    @_errors
    async def state(ctx: Context, session_id: SessionId) -> StateResult:
        """The session's timeline summary, draft JSON, uploads and renders with progress."""
        engine = _app(ctx)
        result = await engine.state(session_id)
        jobs = [_offered(engine, session_id, j) for j in result.jobs]
        return result.model_copy(update={"jobs": jobs})

    @server.tool(
        annotations=ToolAnnotations(title="Credits", read_only_hint=True, open_world_hint=cloud)
    )
    @_errors
    async def credits(ctx: Context) -> CreditsResult:
        """Remaining credits (the local engine is free; credits apply to the cloud)."""
        return await _app(ctx).credits()

    @server.tool(
        annotations=ToolAnnotations(
            title="Export the MP4",
            read_only_hint=False,
            destructive_hint=False,
            idempotent_hint=True,
            open_world_hint=cloud,
        )
    )
    @_errors
    async def export(
        ctx: Context,
        session_id: SessionId,
        output: Annotated[
            str | None,
            Field(
                description="Output MP4: absolute, or a name inside the output folder. Default: "
                "<video>_music.mp4 in the output folder."
            ),
        ] = None,
        wait_s: Annotated[
            float | None,
            Field(
                description="How long to wait for the render before returning its job id "
                "(default 40 s).",
                ge=0,
                le=50,
            ),
        ] = None,
        media_id: Annotated[
            str | None,
            Field(description="Which upload to render (default: the latest).", max_length=16),
        ] = None,
    ) -> ExportResult:
        """Render the current timeline to a 1080p MP4. Returns the file's absolute path,
        duration, resolution and size; if the render takes longer than wait_s, returns the
        job id and progress: call export (or state) again to follow it."""
        engine = _app(ctx)
        result = await engine.export(
            session_id, output=output, wait_s=wait_s, media_id=media_id, progress=_progress(ctx)
        )
        return result.model_copy(update={"job": _offered(engine, session_id, result.job)})

    @server.resource(
        "gamemusic://sessions/{session_id}/timeline",
        mime_type="application/json",
        description="A session's timeline summary and draft JSON.",
    )
    async def timeline(session_id: str, ctx: Context) -> str:
        try:
            result = await _app(ctx).state(session_id)
        except GameMusicError as exc:
            raise ResourceNotFoundError(exc.user_text()) from None
        return json.dumps({"summary": result.timeline, "draft": result.draft}, ensure_ascii=False)

    @server.resource(
        RENDER_URI,
        mime_type="video/mp4",
        description="A finished render's MP4 (for clients without the filesystem).",
    )
    async def rendered(session_id: str, job_id: str, ctx: Context) -> bytes:
        engine = _app(ctx)
        try:
            job = engine.store.load(session_id).jobs.get(job_id)
        except GameMusicError as exc:
            raise ResourceNotFoundError(exc.user_text()) from None
        if job is None or job.status != "done" or not job.output:
            raise ResourceNotFoundError(f"No finished render {job_id} in session {session_id}.")
        if engine.settings.output_mode == "files":
            raise ResourceNotFoundError(
                "Renders are served as files; set GAMEMUSIC_OUTPUT_MODE=resources or both."
            )
        return Path(job.output).read_bytes()

    @server.resource(
        "gamemusic://styles", mime_type="text/plain", description="The music styles, one line each."
    )
    def styles() -> str:
        from gamemusic.music import STYLES

        return "\n".join(f"{s.id}: {s.title} — {s.summary}" for s in STYLES.values())

    @server.prompt(title="Add game music to a video")
    def add_game_music(path: str, style: str = "retro chiptune") -> str:
        """Upload a gameplay video and add background music in a style."""
        return (
            f"Upload {path} with the video-game-music tools, add {style} background music "
            "under the game audio, then export the MP4 and tell me where it is."
        )

    @server.prompt(title="Music quieter under commentary")
    def quieter_under_commentary(session_id: str) -> str:
        """Duck the music under the commentary."""
        return (
            f"In session {session_id}, make the music quieter under my commentary "
            "(stronger ducking), then show the timeline."
        )

    @server.prompt(title="Vertical for TikTok / Shorts")
    def vertical_for_tiktok(session_id: str) -> str:
        """Make the video vertical 1080x1920 and export it."""
        return f"In session {session_id}, make it vertical for TikTok, then export it."

    return server


def serve(
    settings: Settings, *, transport: str = "stdio", host: str = "127.0.0.1", port: int = 8765
) -> None:
    server = build_server(settings)
    if transport == "stdio":
        server.run("stdio")
    else:
        server.run("streamable-http", host=host, port=port)
