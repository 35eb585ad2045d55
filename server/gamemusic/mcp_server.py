"""The MCP server: six tools over `App`, a timeline resource per session, rendered MP4s and
previews as resources, an MCP App (`ui://`) bound to the session tools for hosts that render
it, and prompts for the usual requests. Thin: validate, call, format.

Our errors become tool error results carrying the user message (ToolError); the server never
dies on bad input. stdout is the MCP channel on stdio: logs go to stderr and the log file.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

from mcp.server.apps import Apps, client_supports_apps
from mcp.server.elicitation import ElicitationResult
from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ResourceNotFoundError, ToolError
from mcp.server.mcpserver.resolve import Resolve
from mcp_types import (
    CallToolResult,
    CreateMessageResult,
    ResourceLink,
    TextContent,
    ToolAnnotations,
)
from pydantic import Field

from gamemusic import __version__
from gamemusic.app import App
from gamemusic.config import Settings
from gamemusic.errors import GameMusicError
from gamemusic.mcp_client_abilities import StyleChoice, ask_model, ask_style, asker, interpreter
from gamemusic.media.fetch import require_http_url
from gamemusic.results import (
    CreditsResult,
    EditResult,
    ExportResult,
    JobInfo,
    PreviewResult,
    StateResult,
    UploadResult,
)
from gamemusic.words import EditFields

log = logging.getLogger("gamemusic.mcp")
P = ParamSpec("P")
R = TypeVar("R")

INSTRUCTIONS = """\
Adds game-style background music to gameplay videos and renders a 1080p MP4.
Flow: upload (a video path or URL) -> edit (typed `changes` filled from the user's words, and/or
the sentence itself, English or Chinese, e.g. "add retro chiptune music, quieter under my
commentary") -> export (returns the MP4 path; long renders
return a job id: call export or state again to follow it). state shows the timeline.
preview renders a quick 480p look at the busiest 18 s (or the soundtrack alone) in seconds.
Styles: chiptune, 16bit, boss, rpg, dungeon, synthwave, lofi, platformer, racing."""

# MCP Apps: hosts that render them show this page for upload, edit, state, export and preview
# results (timeline, loudness, style chips, preview player); other clients get the same text
# and structured results as before.
APP_URI = "ui://video-game-music/app.html"
UI = {"ui": {"resourceUri": APP_URI}}
PREVIEW_MAX_BYTES = 24 * 2**20  # what the App reads through the host, base64 on the wire
_PREVIEW_NAME = re.compile(r"^[0-9a-f]{16}\.(?:mp4|m4a)$")

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
    apps = Apps()
    apps.add_html_resource(
        APP_URI,
        resources.files("gamemusic").joinpath("ui/app.html").read_text("utf-8"),
        name="video-game-music-app",
        title="Video Game Music",
        description="Timeline, loudness, style chips, preview player and export.",
        prefers_border=True,
    )
    server: MCPServer = MCPServer(
        name="video-game-music",
        title="Video Game Music",
        version=__version__,
        instructions=INSTRUCTIONS,
        lifespan=lifespan,
        extensions=[apps],
    )

    @server.tool(
        annotations=ToolAnnotations(
            title="Upload a video",
            read_only_hint=False,
            destructive_hint=False,
            open_world_hint=True,
        ),
        meta=UI,
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
        ),
        meta=UI,
    )
    @_errors
    async def edit(
        ctx: Context,
        session_id: SessionId,
        changes: Annotated[
            EditFields | None,
            Field(
                description="Typed changes: fill these from the user's words (style, music and "
                "game-audio volume, where the music plays, fades, ducking, tempo, another take, "
                "stingers, arc, climax, titles, aspect, undo/redo). Leave out what was not asked."
            ),
        ] = None,
        instruction: Annotated[
            str | None,
            Field(
                description="The user's words, English or Chinese, for whatever no field covers.",
                min_length=1,
                max_length=2000,
                examples=[
                    "quieter under my commentary",
                    "make it sound like an old NES game",
                    "加一段Boss战音乐",
                ],
            ),
        ] = None,
        answer: Annotated[ElicitationResult[StyleChoice], Resolve(ask_style)] = None,  # type: ignore[assignment]
        sampled: Annotated[CreateMessageResult | None, Resolve(ask_model)] = None,
    ) -> EditResult:
        """Change the session's music and timeline. Fill `changes` from what the user said
        (you understand their language better than any grammar); pass `instruction` only for
        what no field covers, or when unsure. At least one of them. Styles: chiptune, 16bit,
        boss, rpg, dungeon, synthwave, lofi, platformer, racing. The reply lists what changed,
        what was skipped and what cannot be done (4K, frame rate, filters). A vague request
        returns `question` (styles to choose from) and changes nothing. An instruction that
        asks for export/credits/status runs that instead and says so."""
        if instruction is None and (changes is None or changes.is_empty):
            raise ToolError("Give instruction, or changes with at least one field.")
        return await _app(ctx).edit(
            session_id,
            instruction,
            fields=changes,
            ask=asker(answer),
            interpret=interpreter(sampled),
            progress=_progress(ctx),
        )

    @server.tool(
        annotations=ToolAnnotations(
            title="Show the timeline", read_only_hint=True, open_world_hint=cloud
        ),
        meta=UI,
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
        ),
        meta=UI,
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
        stems: Annotated[
            bool,
            Field(
                description="Also write the music's stems (one WAV per voice and per layer, "
                "summing to the music, with an FMOD/Wwise-style manifest.json) beside the MP4."
            ),
        ] = False,
    ) -> ExportResult:
        """Render the current timeline to a 1080p MP4. Returns the file's absolute path,
        duration, resolution and size; if the render takes longer than wait_s, returns the
        job id and progress: call export (or state) again to follow it. A render that failed
        is an error result saying why and what to try."""
        engine = _app(ctx)
        result = await engine.export(
            session_id,
            output=output,
            wait_s=wait_s,
            media_id=media_id,
            stems=stems,
            progress=_progress(ctx),
        )
        if result.job.status in ("failed", "cancelled"):
            log.info("tool export: job %s %s", result.job.job_id, result.job.status)
            raise ToolError(result.text)
        return result.model_copy(update={"job": _offered(engine, session_id, result.job)})

    @server.tool(
        annotations=ToolAnnotations(
            title="Quick preview",
            read_only_hint=False,
            destructive_hint=False,
            idempotent_hint=True,
            open_world_hint=False,
        ),
        meta=UI,
    )
    @_errors
    async def preview(
        ctx: Context,
        session_id: SessionId,
        audio_only: Annotated[
            bool, Field(description="The whole soundtrack as audio (M4A) instead of a clip.")
        ] = False,
        media_id: Annotated[
            str | None,
            Field(description="Which upload to preview (default: the latest).", max_length=16),
        ] = None,
    ) -> Annotated[CallToolResult, PreviewResult]:
        """Render a quick preview in a few seconds: 480p, the 15-20 s around the busiest part
        of the clip with the music the export would put there (or, with audio_only, the whole
        soundtrack). Returns its path and resource; export renders the full video."""
        result = await _app(ctx).preview(
            session_id, audio_only=audio_only, media_id=media_id, progress=_progress(ctx)
        )
        name = Path(result.path).name
        uri = f"gamemusic://previews/{session_id}/{name}"
        update: dict[str, object] = {"resource_uri": uri}
        if not client_supports_apps(ctx):  # the curve is for the App; keep the rest lean
            update.update(curve_step_s=None, loudness_db=None, cuts_s=None)
        result = result.model_copy(update=update)
        link = ResourceLink(
            uri=uri, name=name, mime_type=result.mime_type, size=result.size_bytes
        )
        return CallToolResult(
            content=[TextContent(text=result.text), link],
            structured_content=result.model_dump(mode="json"),
        )

    @server.resource(
        "gamemusic://previews/{session_id}/{name}",
        mime_type="video/mp4",
        description="A quick preview (MP4, or audio-only MP4 named .m4a), for clients and "
        "Apps without the filesystem.",
    )
    async def previewed(session_id: str, name: str, ctx: Context) -> bytes:
        engine = _app(ctx)
        try:
            session = engine.store.load(session_id)
        except GameMusicError as exc:
            raise ResourceNotFoundError(exc.user_text()) from None
        path = engine.store.root / session.id / "previews" / name
        if not _PREVIEW_NAME.match(name) or not path.is_file():
            raise ResourceNotFoundError(f"No preview {name} in session {session_id}: call preview.")
        if path.stat().st_size > PREVIEW_MAX_BYTES:
            raise ResourceNotFoundError(f"Preview {name} is too large to send; open {path}.")
        return path.read_bytes()

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
