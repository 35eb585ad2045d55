"""What the engine returns: pydantic models, so MCP clients get schemas and structured content,
and the CLI's --json prints the same fields. Each carries `text`, a line an agent can show."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from gamemusic.sessions import Media
from gamemusic.words.text import say


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
