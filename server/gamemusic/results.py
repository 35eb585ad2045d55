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


ON_BEAT_S = 0.06  # a cut this close to a beat is on it (about a frame and a half at 30 fps)
TEMPO_WINDOW_S = 8.0  # the music report checks the tempo per window of this length
TEMPO_TOLERANCE = 0.02
ArcKind = Literal["explore", "tension", "combat", "resolution"]


class ArcSpan(BaseModel):
    start_s: float = Field(ge=0, description="Start on the output's timeline, seconds.")
    end_s: float = Field(ge=0, description="End on the output's timeline, seconds.")
    kind: ArcKind = Field(description="What the gameplay does here; the music follows it.")


class MusicReport(BaseModel):
    """Figures about the music of a finished render, measured where they can be."""

    text: str = Field(description="The figures in one line, to show as is.")
    duration_s: float = Field(ge=0, description="End of the output's last video frame, s.")
    ending: Literal["cadence", "fade", "loop"] = Field(description="How the music ends.")
    ending_ms: float = Field(
        description="Where the music's final note or fade becomes inaudible (60 dB under its "
        "peak), minus the end of the last frame, ms; negative ends before it."
    )
    cuts: int = Field(ge=0, description="Scene cuts under the music, checked against its beats.")
    cuts_on_beat: float | None = Field(
        None, ge=0, le=1, description=f"Share of the cuts within {ON_BEAT_S * 1000:.0f} ms of "
        "a beat (None without cuts)."
    )  # fmt: skip
    cuts_on_downbeat: float | None = Field(
        None, ge=0, le=1, description="Share of the cuts on the first beat of a bar."
    )
    tempo_bpm: float = Field(gt=0, description="The tempo the music was written in, bpm.")
    measured_bpm: float | None = Field(
        None, description="Tempo measured from the rendered music's onsets, bpm (None: no pulse)."
    )
    tempo_stability: float | None = Field(
        None, ge=0, le=1,
        description=f"Share of {TEMPO_WINDOW_S:.0f} s windows with a clear pulse whose "
        f"measured tempo is within {TEMPO_TOLERANCE:.0%} of the written one.",
    )  # fmt: skip
    key: str = Field(description="The key the music was written in, e.g. 'A aeolian'.")
    in_key: float = Field(ge=0, le=1, description="Share of pitched note time in the key.")
    key_correlation: float = Field(
        ge=-1, le=1, description="Correlation of the notes' pitch classes with the key's "
        "Krumhansl profile (about 0.6 or more: clearly in that key)."
    )  # fmt: skip
    arcs: list[ArcSpan] = Field(default_factory=list, description="Gameplay arcs followed.")
    stingers_s: list[float] = Field(default_factory=list, description="Stinger hits, s.")
    lufs: float = Field(description="Integrated loudness of the output's sound, LUFS.")
    true_peak_dbtp: float = Field(description="True peak of the output's sound, dBTP.")



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
    music: MusicReport | None = Field(
        None, description="The music as measured on the finished file (local engine)."
    )


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
    stems_dir: str | None = Field(
        None, description="Folder of the music's stems (one WAV per voice and per layer, and "
        "manifest.json), when asked for and the render is done.",
    )


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
