"""What the engine returns: pydantic models, so MCP clients get schemas and structured content,
and the CLI's --json prints the same fields. Each carries `text`, a line an agent can show."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from gamemusic.sessions import Media
from gamemusic.words.text import say

if TYPE_CHECKING:
    from gamemusic.preview import Preview


class MediaSummary(BaseModel):
    id: str = Field(description="Media id within the session.")
    name: str = Field(description="File name.")
    kind: Literal["video", "image", "audio"]
    duration_s: float = Field(ge=0)
    width: int = Field(ge=0)
    height: int = Field(ge=0)
    has_audio: bool


class UploadResult(BaseModel):
    text: str = Field(description="A short message to show the user.")
    session_id: str = Field(description="Pass this to edit, state and export.")
    media: MediaSummary
    timeline: str = Field(description="The timeline summary.")


class EditResult(BaseModel):
    text: str = Field(description="What was done, to show the user as is.")
    session_id: str
    action: Literal["edit", "export", "credits", "state", "upload"] = Field(
        description="What the instruction was routed to; not 'edit' means another action ran."
    )
    changes: list[str] = Field(default_factory=list, description="Each change in words.")
    timeline: str = Field("", description="The timeline summary after the edit.")
    result: dict[str, Any] | None = Field(
        None, description="The other action's result when the text routed elsewhere."
    )
    notes: list[str] = Field(
        default_factory=list, description="What was skipped or cannot be done, in words."
    )
    question: list[str] | None = Field(
        None, description="Nothing changed yet: the request was vague; ask the user to pick one "
        "of these styles, then call edit with style set.",
    )


class JobInfo(BaseModel):
    job_id: str
    status: Literal["queued", "running", "done", "failed", "cancelled"]
    progress: float = Field(ge=0, le=1, description="0 to 1.")
    message: str = ""
    output_path: str | None = Field(None, description="Absolute path of the MP4 when done.")
    resource_uri: str | None = Field(None, description="MCP resource of the MP4, when offered.")
    duration_s: float | None = None
    width: int | None = None
    height: int | None = None
    size_bytes: int | None = None
    error: str | None = None


class StateResult(BaseModel):
    text: str = Field(description="The timeline summary and render status, to show as is.")
    session_id: str
    backend: str
    timeline: str
    draft: dict[str, Any] = Field(description="The short-key draft JSON.")
    media: list[MediaSummary] = Field(default_factory=list)
    active_media: str | None = None
    jobs: list[JobInfo] = Field(default_factory=list, description="Renders, newest first.")
    lang: Literal["en", "zh"] = Field("en", description="The language the replies are in.")


class CreditsResult(BaseModel):
    text: str
    backend: str
    available: float | None = None
    frozen: float | None = None
    total: float | None = None


class ExportResult(BaseModel):
    text: str = Field(description="Where the MP4 is, or how far the render got; show as is.")
    session_id: str
    job: JobInfo
    done: bool = Field(description="True when the MP4 is ready; otherwise call export again.")


class PreviewResult(BaseModel):
    text: str = Field(description="Where the preview is; show as is.")
    session_id: str
    path: str = Field(description="Absolute path of the preview (MP4, or M4A for audio only).")
    resource_uri: str | None = Field(None, description="MCP resource of the preview file.")
    mime_type: Literal["video/mp4", "audio/mp4"]
    start_s: float = Field(ge=0, description="Where the previewed stretch starts in the clip.")
    duration_s: float = Field(ge=0)
    width: int = Field(0, ge=0, description="0 for audio only.")
    height: int = Field(0, ge=0)
    size_bytes: int = Field(ge=0)
    clip_s: float = Field(ge=0, description="The whole clip's length.")
    curve_step_s: float | None = Field(None, description="Seconds per loudness point.")
    loudness_db: list[float] | None = Field(
        None, description="The soundtrack's level per step over the whole clip, dB (for the App)."
    )
    cuts_s: list[float] | None = Field(None, description="Scene cuts, seconds (for the App).")


def media_summary(m: Media) -> MediaSummary:
    return MediaSummary(
        id=m.id,
        name=m.name,
        kind=m.kind,
        duration_s=m.duration_ms / 1000,
        width=m.width,
        height=m.height,
        has_audio=m.has_audio,
    )


def job_line(lang: str, info: JobInfo) -> str:
    """One line on a render: where the MP4 is, why it failed, or how far it got."""
    pct = round(info.progress * 100)
    if info.status == "done":
        size = (info.size_bytes or 0) / 2**20
        return say(
            lang,
            f"Ready: {info.output_path} ({info.duration_s or 0:.1f} s, "
            f"{info.width}x{info.height}, {size:.1f} MB).",
            f"已完成：{info.output_path}（{info.duration_s or 0:.1f} 秒，"
            f"{info.width}x{info.height}，{size:.1f} MB）。",
        )
    if info.status in ("failed", "cancelled"):
        return say(
            lang,
            f"Render {info.job_id} {info.status}: {info.error}",
            f"渲染 {info.job_id} 失败：{info.error}",
        )
    return say(
        lang,
        f"Rendering (job {info.job_id}, {pct}%: {info.message}). "
        "Call export or state again to check.",
        f"正在渲染（任务 {info.job_id}，{pct}%：{info.message}）。稍后再调用 export 或 state 查看。",
    )


def preview_result(lang: str, session_id: str, done: Preview) -> PreviewResult:
    what = say(lang, "audio", "音频") if done.audio_only else f"{done.height}p"
    return PreviewResult(
        text=say(
            lang,
            f"Preview ({what}, {done.duration_s:.1f} s from {done.start_s:.1f} s): {done.path}",
            f"预览（{what}，从 {done.start_s:.1f} 秒起 {done.duration_s:.1f} 秒）：{done.path}",
        ),
        session_id=session_id,
        path=str(done.path),
        mime_type="audio/mp4" if done.audio_only else "video/mp4",
        start_s=done.start_s,
        duration_s=done.duration_s,
        width=done.width,
        height=done.height,
        size_bytes=done.size_bytes,
        clip_s=done.clip_s,
        curve_step_s=done.curve_step_s,
        loudness_db=done.loudness_db,
        cuts_s=done.cuts_s,
    )
