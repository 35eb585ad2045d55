"""NemoVideo reply payloads, validated loosely: extra keys kept, the UNCONFIRMED variants of
NEMO_PROTOCOL.md accepted through aliases (user id, render status and output URL spellings)."""

from __future__ import annotations

from typing import Any

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from gamemusic.draft import Draft

_ID = AliasChoices("user_id", "userId", "uid")


class _Loose(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True, coerce_numbers_to_str=True)


class SessionData(_Loose):
    session_id: str = Field(validation_alias=AliasChoices("session_id", "sessionId"))
    task_id: str | None = Field(None, validation_alias=AliasChoices("task_id", "taskId"))
    user_id: str | None = Field(None, validation_alias=_ID)


class UploadedFile(_Loose):
    filename: str | None = Field(None, validation_alias=AliasChoices("filename", "name"))
    file_type: str | None = Field(None, validation_alias=AliasChoices("file_type", "type"))
    cdn_url: str = Field(validation_alias=AliasChoices("cdn_url", "cdnUrl", "url"))
    duration: float | None = Field(None, ge=0, description="Seconds (UNCONFIRMED unit).")
    width: int | None = Field(None, ge=0)
    height: int | None = Field(None, ge=0)
    fps: float | None = Field(None, ge=0)
    size: int | None = Field(None, ge=0, description="Bytes, when sent.")


class UploadData(_Loose):
    files: list[UploadedFile] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _shapes(cls, value: Any) -> Any:
        if isinstance(value, list):
            return {"files": value}
        if isinstance(value, dict) and "files" not in value:
            return {"files": [value]}
        return value


class CreditsData(_Loose):
    available: float | None = None
    frozen: float | None = None
    total: float | None = None


class CloudState(_Loose):
    draft: Draft | None = None
    video_infos: Any = None
    generated_media: Any = None

    @field_validator("draft", mode="before")
    @classmethod
    def _empty(cls, value: Any) -> Any:
        return value or None


class StateData(_Loose):
    state: CloudState = Field(default_factory=CloudState)
    user_id: str | None = Field(None, validation_alias=_ID)


class RenderOutput(BaseModel):
    format: str = "mp4"
    quality: str = "high"


class RenderRequest(BaseModel):
    id: str = Field(pattern=r"^render_\d+$")
    session_id: str = Field(serialization_alias="sessionId")
    draft: dict[str, Any]
    output: RenderOutput = Field(default_factory=RenderOutput)


class RenderInfo(_Loose):
    """A render's status, wherever the reply puts it (UNCONFIRMED variants)."""

    status: str | None = Field(None, validation_alias=AliasChoices("status", "state"))
    output: dict[str, Any] | str | None = None
    output_url: str | None = Field(
        None, validation_alias=AliasChoices("outputUrl", "output_url", "url", "downloadUrl")
    )
    progress: float | None = Field(None, ge=0)
    error: Any = Field(None, validation_alias=AliasChoices("error", "reason", "message"))

    @property
    def url(self) -> str | None:
        if isinstance(self.output, str):
            return self.output
        if isinstance(self.output, dict) and isinstance(self.output.get("url"), str):
            return self.output["url"]
        return self.output_url


class RenderPoll(RenderInfo):
    code: int = 0
    data: RenderInfo | None = None

    def merged(self) -> RenderInfo:
        inner = self.data or RenderInfo()
        return RenderInfo(
            status=inner.status or self.status,
            output_url=inner.url or self.url,
            progress=inner.progress if inner.progress is not None else self.progress,
            error=inner.error or (self.error if self.code else None),
        )


DONE = {"completed", "complete", "done", "success", "succeeded", "finished"}
FAILED = {"failed", "failure", "error", "errored", "cancelled", "canceled"}
