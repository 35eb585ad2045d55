"""NemoBackend: the Backend protocol over the NemoVideo cloud API.

    upload   POST /api/upload-video/nemo_agent/me/<sid>     (multipart `files`, or JSON urls)
    edit     GET state, POST /run_sse, GUI translation, GET state, describe what changed
    state    GET /api/state/nemo_agent/me/<sid>/latest
    credits  GET /api/credits/balance/simple
    export   POST /api/render/proxy/lambda, then renders.py: GET .../<id> every
             poll_interval (30 s, NEMO_POLL_INTERVAL), download

Cloud ids live in `session.cloud` (session_id, task_id, user_id); a render id lives in
`job.cloud_render_id` from the moment it is posted, so an export after a restart resumes it.
A session the cloud has forgotten (1002) is replaced once, and the session's media attached
to the new one again.
"""

from __future__ import annotations

import logging
import mimetypes
import os
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import anyio
import httpx

from gamemusic.backends.base import Credits, EditOutcome, Progress, Rendered, no_progress
from gamemusic.backends.nemo import gui
from gamemusic.backends.nemo.clock import REAL_CLOCK, Clock
from gamemusic.backends.nemo.http import REGISTER_URL, NemoApi
from gamemusic.backends.nemo.models import (
    CreditsData,
    RenderPoll,
    RenderRequest,
    SessionData,
    StateData,
    UploadData,
    UploadedFile,
)
from gamemusic.backends.nemo.renders import download, wait_for_render
from gamemusic.backends.nemo.sse import Turn, run_turn
from gamemusic.config import Settings
from gamemusic.draft import (
    VIDEO,
    Draft,
    DraftMeta,
    Segment,
    Track,
    TrackMeta,
    describe_changes,
    timeline_summary,
)
from gamemusic.errors import CloudError
from gamemusic.media.probe import CLOUD_MAX_BYTES, inspect_media
from gamemusic.results import say
from gamemusic.sessions import Job, Media, Project, Session

log = logging.getLogger("gamemusic.nemo")
T = TypeVar("T")


POLL_INTERVAL_S = 30.0
HEARTBEAT_S = 120.0
SSE_CAP_S = 900.0
UPLOAD_TIMEOUT = httpx.Timeout(60.0, write=300.0, read=600.0)


def _env_poll_interval() -> float:
    """NEMO_POLL_INTERVAL (seconds between render polls), read like NEMO_API_BASE."""
    raw = os.environ.get("NEMO_POLL_INTERVAL", "").strip()
    if not raw:
        return POLL_INTERVAL_S
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        log.warning("NEMO_POLL_INTERVAL=%r is not a number of seconds; using 30", raw)
        return POLL_INTERVAL_S
    return value


def _span(seconds: float) -> tuple[str, str]:
    """A wait in words, English and Chinese: minutes from one minute on, never "0 min"."""
    if seconds >= 60:
        minutes = round(seconds / 60)
        return f"{minutes} min", f"{minutes} 分钟"
    whole = max(1, round(seconds))
    return f"{whole} s", f"{whole} 秒"


class NemoBackend:
    name = "nemo"

    def __init__(
        self,
        settings: Settings,
        *,
        client: httpx.AsyncClient | None = None,
        base_url: str | None = None,
        token: str | None = None,
        poll_interval: float | None = None,
        retry_delay: float = 30.0,
        heartbeat_interval: float = HEARTBEAT_S,
        sse_timeout: float = SSE_CAP_S,
        clock: Clock = REAL_CLOCK,
    ):
        self.settings = settings
        self.clock = clock
        self.api = NemoApi(
            settings,
            client=client,
            base_url=base_url,
            token=token,
            retry_delay=retry_delay,
            clock=clock,
        )
        self.poll_interval = poll_interval if poll_interval is not None else _env_poll_interval()
        self.heartbeat_interval = heartbeat_interval
        self.sse_timeout = sse_timeout

    # ---- cloud session ------------------------------------------------------------------
    async def _new_session(self, session: Session) -> str:
        data = await self.api.call(
            "POST",
            "/api/tasks/me/with-session/nemo_agent",
            SessionData,
            json={"task_name": "project", "language": session.lang},
        )
        self.api.note_user(data.user_id)
        session.cloud.update(
            session_id=data.session_id, task_id=data.task_id, user_id=self.api.user_id
        )
        log.info("cloud session %s for %s", data.session_id, session.id)
        for project in session.projects.values():  # hand the session's media over again
            media = project.media
            if media.cloud_url or Path(media.source).is_file():
                got = await self._attach(data.session_id, media.cloud_url or media.source)
                media.cloud_url = got.cdn_url
        return data.session_id

    async def _in_session(self, session: Session, step: Callable[[str], Awaitable[T]]) -> T:
        """Run `step(session_id)`; when the cloud forgot the session (1002), make a new one
        (media attached again) and run it once more."""
        sid = session.cloud.get("session_id") or await self._new_session(session)
        try:
            return await step(sid)
        except CloudError as exc:
            if exc.cloud_code != 1002:
                raise
        log.info("cloud session %s not found; starting a new one", sid)
        return await step(await self._new_session(session))

    async def _attach(self, sid: str, source: str) -> UploadedFile:
        path = f"/api/upload-video/nemo_agent/me/{sid}"
        if source.startswith(("http://", "https://")):
            body = {"urls": [source], "source_type": "url"}
            data = await self.api.call("POST", path, UploadData, json=body)
            return data.files[0]
        name = Path(source).name
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        with open(source, "rb") as f:

            def files() -> dict[str, Any]:
                f.seek(0)
                return {"files": (name, f, mime)}

            data = await self.api.call(
                "POST", path, UploadData, files=files, timeout=UPLOAD_TIMEOUT
            )
        return data.files[0]

    async def _read_state(self, session: Session) -> StateData:
        async def read(sid: str) -> StateData:
            return await self.api.call("GET", f"/api/state/nemo_agent/me/{sid}/latest", StateData)

        data = await self._in_session(session, read)
        self.api.note_user(data.user_id)
        return data

    # ---- the protocol -------------------------------------------------------------------
    async def upload(
        self,
        session: Session,
        source: str,
        *,
        still_duration_s: float = 10.0,
        progress: Progress = no_progress,
    ) -> Project:
        is_url = source.startswith(("http://", "https://"))
        local = (
            None
            if is_url
            else await anyio.to_thread.run_sync(inspect_media, Path(source), CLOUD_MAX_BYTES)
        )
        name = httpx.URL(source).path.rsplit("/", 1)[-1] if is_url else Path(source).name
        await progress(None, f"Uploading {name or 'the video'} to NemoVideo...")
        got = await self._in_session(session, lambda sid: self._attach(sid, source))
        kind = local.kind if local else (got.file_type or "video").split("/")[0]
        kind = kind if kind in ("video", "image", "audio") else "video"
        seconds = local.duration_s if local else got.duration or 0.0
        media = Media(
            id=session.next_media_id(),
            name=got.filename or name or "video",
            source=source,
            kind=kind,
            duration_ms=round((still_duration_s if kind == "image" else seconds) * 1000),
            width=local.width if local else got.width or 0,
            height=local.height if local else got.height or 0,
            has_audio=bool(local and local.has_audio),
            size_bytes=local.size_bytes if local else got.size or 0,
            cloud_url=got.cdn_url,
        )
        stem = Path(media.name).stem
        track = Track(
            type=VIDEO,
            segments=[Segment(start_ms=0, end_ms=media.duration_ms, source=media.cloud_url)],
            meta=TrackMeta(name=stem, media=media.id),
        )
        draft = Draft(tracks=[track], duration_ms=media.duration_ms, meta=DraftMeta(name=stem))
        project = Project(media=media, draft=draft)
        session.projects[media.id] = project
        session.active = media.id
        await progress(1.0, f"Uploaded {media.name}.")
        return project

    async def state(self, session: Session, project: Project) -> Draft:
        data = await self._read_state(session)
        if data.state.draft is not None:
            project.draft = data.state.draft
        return project.draft

    async def credits(self) -> Credits:
        data = await self.api.call("GET", "/api/credits/balance/simple", CreditsData)
        note = ""
        if self.api.anonymous:
            bind = f"?bind={self.api.user_id}" if self.api.user_id else ""
            note = f"Free anonymous workspace: register at {REGISTER_URL}{bind} to keep it."
        return Credits(available=data.available, frozen=data.frozen, total=data.total, note=note)

    async def edit(
        self,
        session: Session,
        project: Project,
        instruction: str,
        *,
        progress: Progress = no_progress,
    ) -> EditOutcome:
        await progress(None, "Sending the edit to NemoVideo...")
        before = (await self._read_state(session)).state.draft or project.draft
        turn = await self._turn(session, instruction, progress)
        said = gui.translate(turn.text)
        lines = [said.text] if said.text else []
        actions = [a for a in said.actions if a.kind != "message"]
        moves = [a for a in said.actions if a.kind == "message"]
        after = (await self._read_state(session)).state.draft or project.draft
        move = next((m for m in moves if gui.still_missing(m, instruction, before, after)), None)
        if move is not None and turn.ending == "closed":
            # the one follow-up of this edit (each message is charged); GUI wording in its
            # reply is carried out or worded, never sent again
            await progress(None, "Making the move the editor asked for...")
            second = gui.translate((await self._turn(session, move.detail, progress)).text)
            lines += [second.text] if second.text else []
            actions += [a for a in second.actions if a.kind != "message" and a not in actions]
            after = (await self._read_state(session)).state.draft or project.draft
        changed = before.dump() != after.dump()
        summary = describe_changes(before, after)
        if turn.ending != "closed":
            lines.insert(0, self._cut_short(turn, session.lang))
            lines.append(say(session.lang, "What changed so far: ", "目前的改动：") + summary)
        elif not lines:
            nothing = say(session.lang, "NemoVideo finished without changing anything.",
                          "NemoVideo 完成了，但没有改动任何内容。")  # fmt: skip
            lines.append(summary if changed else nothing)
        for action in actions:
            lines.append(await self._carry_out(action, after, session.lang))
        if changed:
            project.push(after, instruction, summary)
        return EditOutcome(
            message="\n".join(lines), draft=project.draft, changes=[summary] if changed else []
        )

    async def _turn(self, session: Session, message: str, progress: Progress) -> Turn:
        async def send(sid: str) -> Turn:
            return await run_turn(
                self.api,
                sid,
                message,
                progress=progress,
                heartbeat_interval=self.heartbeat_interval,
                timeout=self.sse_timeout,
                clock=self.clock,
            )

        return await self._in_session(session, send)

    def _cut_short(self, turn: Turn, lang: str) -> str:
        if turn.ending == "dropped":
            return say(
                lang,
                "The connection to NemoVideo dropped before the reply ended; the message was "
                "not sent again (each one is charged), so here is the timeline as it is now.",
                "与 NemoVideo 的连接在回复结束前断开；消息没有重发（每条都计费），"
                "以下是时间线现在的样子。",
            )
        en, zh = _span(self.sse_timeout)
        return say(
            lang,
            f"NemoVideo was still working after {en}; I stopped waiting and did not "
            "send the message again. Call state later to see if more arrives.",
            f"NemoVideo 工作超过 {zh}，我不再等待，也没有重发消息。稍后调用 state 查看结果。",
        )

    async def _carry_out(self, action: gui.Action, draft: Draft, lang: str) -> str:
        """Do what the editor asked the user to do in its GUI; say what was done."""
        left = (await self.credits()).available if action.kind == "credits" else None
        return gui.done(action, lang, timeline=timeline_summary(draft, lang), credits=left)

    # ---- export -------------------------------------------------------------------------
    async def export(
        self,
        session: Session,
        project: Project,
        job: Job,
        out_path: Path,
        *,
        progress: Progress = no_progress,
    ) -> Rendered:
        if job.cloud_render_id:
            await progress(None, "Resuming the NemoVideo render...")
        else:
            data = await self._read_state(session)
            draft = data.state.draft or project.draft
            request = RenderRequest(
                id=f"render_{int(time.time() * 1000)}",
                session_id=session.cloud["session_id"],
                draft=draft.dump(),
            )
            # once posted, the render runs in the cloud whatever happens here: finish the
            # request and record its id (the caller saves it) even when being cancelled
            with anyio.CancelScope(shield=True):
                await self.api.call(
                    "POST",
                    "/api/render/proxy/lambda",
                    RenderPoll,
                    json=request.model_dump(by_alias=True),
                )
                job.cloud_render_id = request.id
                await progress(0.02, "Render queued on NemoVideo.")
        url = await wait_for_render(
            self.api, job, progress, poll_interval=self.poll_interval, clock=self.clock
        )
        return await download(self.api, url, out_path, progress)

    async def aclose(self) -> None:
        await self.api.aclose()
