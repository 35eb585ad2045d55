"""What the engine returns: pydantic models, so MCP clients get schemas and structured content,
and the CLI's --json prints the same fields. Each carries `text`, a line an agent can show."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


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
