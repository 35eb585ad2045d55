"""The engine's front door: upload, edit, state, credits, export (and `add`, all in one).

The CLI and the MCP server are thin layers over `App`; so is `import gamemusic` for scripts.
`App` owns the session store, the chosen backend and the render jobs, routes free text through
the intent table, and speaks English or Chinese as the user does.
"""

from __future__ import annotations

import hashlib
import json
import math
import secrets
from pathlib import Path

import anyio

from gamemusic import words
from gamemusic.add_request import AddRequest, edit_fields
from gamemusic.backends.base import Backend, Progress, no_progress
from gamemusic.config import Settings
from gamemusic.draft import timeline_summary
from gamemusic.errors import BadInput
from gamemusic.jobs import JobManager
from gamemusic.media.arcs import describe_arcs
from gamemusic.paths import is_url, reserve_output, resolve_input, resolve_output
from gamemusic.results import (
    CreditsResult,
    EditResult,
    ExportResult,
    JobInfo,
    PreviewResult,
    StateResult,
    UploadResult,
    job_line,
    media_summary,
    preview_result,
    say,
)
from gamemusic.sessions import Job, Project, Session, SessionStore
from gamemusic.words import Ask, EditFields, EditPlan, Interpret, Lang


def make_backend(settings: Settings, name: str | None = None) -> Backend:
    chosen = name or settings.backend
    if chosen == "nemo":
        from gamemusic.backends.nemo import NemoBackend

        return NemoBackend(settings)
    if chosen != "local":
        raise BadInput(f"Unknown backend '{chosen}'.", hint="Use local or nemo.")
    from gamemusic.backends.local import LocalBackend

    return LocalBackend()


def draft_hash(project: Project) -> str:
    """Identifies a draft's content: an unchanged draft re-uses its finished render."""
    blob = json.dumps(project.draft.dump(), sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


class App:
    def __init__(self, settings: Settings | None = None, backend: Backend | None = None):
        self.settings = settings or Settings.from_env()
        self.backend = backend or make_backend(self.settings)
        self.store = SessionStore(self.settings.sessions_dir)
        self.jobs = JobManager(self.store, self.backend, self.settings.workers)
        self._previews = anyio.CapacityLimiter(1)

    async def aclose(self) -> None:
        await self.jobs.aclose()
        await self.backend.aclose()

    # --- upload -------------------------------------------------------------------------
    async def _source(self, raw: str, session: Session) -> str:
        if is_url(raw):
            from gamemusic.media.fetch import download  # httpx only when a link is given

            if self.backend.name != "local":
                return raw.strip()
            folder = self.store.root / session.id / "downloads"
            return str(await download(raw.strip(), folder))
        return str(resolve_input(raw, self.settings.workspace))

    async def upload(
        self,
        source: str,
        session_id: str | None = None,
        *,
        still_duration_s: float = 10.0,
        progress: Progress = no_progress,
    ) -> UploadResult:
        lang = words.detect_lang(source)
        if session_id:
            async with self.store.writing(session_id) as session:
                self._check_backend(session)
                project = await self._upload_into(session, source, still_duration_s, progress)
        else:
            if not is_url(source):  # check before a session exists, so bad input leaves none
                resolve_input(source, self.settings.workspace)
            session = Session(id=f"s-{secrets.token_hex(4)}", backend=self.backend.name, lang=lang)
            project = await self._upload_into(session, source, still_duration_s, progress)
            self.store.save(session)
        m = project.media
        text = say(
            session.lang,
            f"Uploaded {m.name} ({m.duration_ms / 1000:.1f} s) to session {session.id}. "
            "Say what music you want, e.g. 'add retro chiptune music'.",
            f"已上传 {m.name}（{m.duration_ms / 1000:.1f} 秒），会话 {session.id}。"
            "告诉我想要什么音乐，例如“加复古芯片音乐”。",
        )
        return UploadResult(
            text=text,
            session_id=session.id,
            media=media_summary(m),
            timeline=timeline_summary(project.draft, session.lang),
        )

    async def _upload_into(
        self, session: Session, source: str, still_duration_s: float, progress: Progress
    ) -> Project:
        src = await self._source(source, session)
        return await self.backend.upload(
            session, src, still_duration_s=still_duration_s, progress=progress
        )

    # --- edit ---------------------------------------------------------------------------
    async def edit(
        self,
        session_id: str,
        instruction: str | None = None,
        *,
        fields: EditFields | None = None,
        ask: Ask | None = None,
        interpret: Interpret | None = None,
        progress: Progress = no_progress,
    ) -> EditResult:
        """Change the draft by a sentence, typed fields, or both. A sentence alone is routed
        by the intent table ("export it with chiptune music" edits, then exports; "credits"
        answers that instead). `ask` and `interpret` are the client's abilities, when it has
        them: put a question to the user, read words the parser could not place."""
        intent = words.route(instruction) if instruction and instruction.strip() else None
        typed = fields is not None and not fields.is_empty
        if intent is not None and intent.action != "edit" and not typed:
            return await self._routed(session_id, intent, progress)
        text = intent.instruction if intent is not None and intent.action == "edit" else None
        lang = intent.lang if intent is not None else self.store.load(session_id).lang
        edited = await self._apply(
            session_id, text, lang, progress, fields=fields, ask=ask, interpret=interpret
        )
        if intent is None or not (intent.and_export or intent.action == "export"):
            return edited
        found = words.find_path(instruction or "")
        exported = await self.export(
            session_id, output=found[0] if found else None, progress=progress
        )
        then = say(lang, " Then exported: ", " 然后导出：")
        return edited.model_copy(
            update={
                "text": edited.text + then + exported.text,
                "result": exported.model_dump(mode="json"),
            }
        )

    async def _apply(
        self,
        session_id: str,
        instruction: str | None,
        lang: Lang,
        progress: Progress,
        *,
        fields: EditFields | None = None,
        ask: Ask | None = None,
        interpret: Interpret | None = None,
    ) -> EditResult:
        request: str | EditPlan
        notes: list[str] = []
        if self.backend.name == "local":
            understood = await words.understand(
                instruction, fields, lang, interpret=interpret, ask=ask
            )
            if understood.question is not None:
                return EditResult(
                    text=words.question_text(understood.question, lang),
                    session_id=session_id,
                    action="edit",
                    question=list(understood.question.choices),
                )
            request, notes = understood.plan, understood.said + words.notes(understood.plan)
        else:  # the cloud agent reads language itself: the fields become one sentence
            request = words.cloud_sentence(fields, instruction)
        async with self.store.writing(session_id) as session:
            self._check_backend(session)
            session.lang = lang
            project = session.project()
            outcome = await self.backend.edit(session, project, request, progress=progress)
        return EditResult(
            text=" ".join([outcome.message, *notes]),
            session_id=session_id,
            action="edit",
            changes=outcome.changes,
            timeline=timeline_summary(outcome.draft, lang),
            notes=notes,
        )

    async def _routed(
        self, session_id: str, intent: words.Intent, progress: Progress
    ) -> EditResult:
        lang = intent.lang
        result: UploadResult | ExportResult | CreditsResult | StateResult
        edited: EditResult | None = None
        if intent.action != "credits":  # answer in the language of this sentence
            async with self.store.writing(session_id) as session:
                self._check_backend(session)
                session.lang = lang
        if intent.action == "export":
            result = await self.export(session_id, output=intent.path, progress=progress)
            lead = say(
                lang, "That is an export request, so I exported: ", "这是导出请求，已执行导出："
            )
        elif intent.action == "credits":
            result = await self.credits(lang=lang)
            lead = say(lang, "That is a credits question: ", "这是积分查询：")
        elif intent.action == "state":
            result = await self.state(session_id)
            lead = say(lang, "That is a status request: ", "这是状态查询：")
        else:
            if not intent.path:
                raise BadInput(
                    say(lang, "Which file should I upload?", "要上传哪个文件？"),
                    hint=say(lang, "Call upload with its path.", "请用 upload 并给出路径。"),
                )
            result = await self.upload(intent.path, session_id, progress=progress)
            lead = say(lang, "That is an upload: ", "这是上传：")
            if intent.instruction:
                edited = await self._apply(session_id, intent.instruction, lang, progress)
        text = lead + result.text
        if edited is not None:
            text += say(lang, " Then edited: ", " 然后修改：") + edited.text
        return EditResult(
            text=text,
            session_id=session_id,
            action=intent.action,
            changes=edited.changes if edited else [],
            timeline=edited.timeline if edited else "",
            result=result.model_dump(mode="json"),
        )

    def _check_backend(self, session: Session) -> None:
        if session.backend != self.backend.name:
            where = {"local": "the local engine", "nemo": "the NemoVideo cloud"}
            raise BadInput(
                f"Session {session.id} belongs to {where.get(session.backend, session.backend)}, "
                f"but this server uses {where.get(self.backend.name, self.backend.name)}.",
                hint="Upload the video again to start a session here.",
                code="wrong_backend",
            )

    # --- state and credits ----------------------------------------------------------------
    def job_info(self, session_id: str, job: Job) -> JobInfo:
        live = self.jobs.live.get(job.id, job)
        r = live.result
        return JobInfo(
            job_id=live.id,
            status=live.status,
            progress=round(live.progress, 3),
            message=live.message,
            output_path=live.output if live.status == "done" else None,
            duration_s=r.get("duration_s"),
            width=r.get("width"),
            height=r.get("height"),
            size_bytes=r.get("size_bytes"),
            error=live.error,
            music=r.get("music"),
        )

    async def state(self, session_id: str) -> StateResult:
        session = await self._reconcile(session_id)
        if session.projects and self.backend.name != "local":
            async with self.store.writing(session_id) as session:
                await self.backend.state(session, session.project())
        project = session.projects.get(session.active or "")
        summary = (
            timeline_summary(project.draft, session.lang)
            if project
            else say(session.lang, "No video yet: call upload.", "还没有视频：请先上传。")
        )
        jobs = sorted(session.jobs.values(), key=lambda j: j.created, reverse=True)
        infos = [self.job_info(session_id, j) for j in jobs]
        text = summary
        latest = next(
            (i for j, i in zip(jobs, infos, strict=True) if j.media_id == session.active), None
        )
        if latest:
            text += "\n" + job_line(session.lang, latest)
        music = next((i.music for i in infos if i.music and i.music.arcs), None)
        if music is not None:
            text += "\n" + say(session.lang, "Music follows the gameplay: ", "音乐随游戏变化：")
            text += describe_arcs(
                [(a.start_s, a.end_s, a.kind) for a in music.arcs], music.stingers_s, session.lang
            )
        return StateResult(
            text=text,
            session_id=session.id,
            backend=session.backend,
            timeline=summary,
            draft=project.draft.dump() if project else {},
            media=[media_summary(p.media) for p in session.projects.values()],
            active_media=session.active,
            jobs=infos,
            lang=session.lang,
        )

    async def credits(self, lang: str = "en") -> CreditsResult:
        c = await self.backend.credits()
        if c.available is None:
            text = c.note or say(lang, "No credits needed.", "无需积分。")
        else:
            text = say(
                lang,
                f"Credits: {c.available:g} available, {c.frozen or 0:g} frozen, "
                f"{c.total if c.total is not None else c.available:g} total.",
                f"积分：可用 {c.available:g}，冻结 {c.frozen or 0:g}，"
                f"总计 {c.total if c.total is not None else c.available:g}。",
            )
            if c.note:
                text += " " + c.note
        return CreditsResult(
            text=text,
            backend=self.backend.name,
            available=c.available,
            frozen=c.frozen,
            total=c.total,
        )

    # --- export -------------------------------------------------------------------------
    async def _reconcile(self, session_id: str) -> Session:
        """Jobs stored as active with no task here were cut short by a restart: resume cloud
        renders that have an id, mark the others as interrupted."""
        session = self.store.load(session_id)
        self._check_backend(session)
        stale = [j for j in session.jobs.values() if j.active and not self.jobs.running(j.id)]
        if not stale:
            return session
        async with self.store.writing(session_id) as session:
            for job in stale:
                job = session.jobs[job.id]
                if job.cloud_render_id and self.backend.name != "local":
                    self._claim_again(job)
                    await self.jobs.start(session_id, job, Path(job.output or ""))
                else:
                    job.status, job.message = "failed", "Interrupted"
                    job.error = "The render was interrupted by a restart; call export again."
        return session

    async def export(
        self,
        session_id: str,
        *,
        output: str | None = None,
        wait_s: float | None = None,
        media_id: str | None = None,
        overwrite: bool = True,
        stems: bool = False,
        progress: Progress = no_progress,
    ) -> ExportResult:
        """Render the draft (or follow its render). `stems`: once the MP4 is done, also write
        the music's stems into `<output>_stems/` (local engine)."""
        if stems and self.backend.name != "local":
            raise BadInput(
                "Stems come from the local engine only.",
                hint="Export without stems, or use the local backend.",
                code="no_stems",
            )
        await self._reconcile(session_id)
        async with self.store.writing(session_id) as session:
            lang = session.lang
            project = session.project(media_id)
            digest = draft_hash(project)
            job = self._reusable_job(session, project, digest, output)
            start = False
            if job is None and (job := self._resumable_job(session, project, digest, output)):
                job.status, job.error, job.message = "queued", None, "Resuming the cloud render"
                job.finished, start = None, True
                self._claim_again(job)
            elif job is None:
                inputs = [Path(project.media.source)] if not is_url(project.media.source) else []
                stem = f"{Path(project.media.name).stem or 'video'}_music"
                reserve = output is None or not output.strip()
                if reserve:  # a name of our choosing: claimed at once, never shared
                    out = reserve_output(
                        self.settings.output_dir, stem, self.settings.home / "locks"
                    )
                else:
                    default = self.settings.output_dir / f"{stem}.mp4"
                    out = resolve_output(output, default, self.settings.output_dir, inputs)
                if out.exists() and not overwrite and not reserve:
                    raise BadInput(
                        f"'{out}' already exists.", hint="Use --force to replace it.", code="exists"
                    )
                job = JobManager.new_job(project.media.id, out, reserved=reserve)
                job.result["draft_hash"] = digest
                session.jobs[job.id] = job
                start = True
        if start:
            await self.jobs.start(session_id, job, Path(job.output or ""))

        async def report(j: Job) -> None:
            await progress(j.progress, j.message)

        waited = await self.jobs.wait(
            job.id,
            self.settings.export_wait_s if wait_s is None else wait_s,
            report,
            cancel_on_abort=start,  # a cancelled request stops the render it started
        )
        info = self.job_info(session_id, waited or job)
        result = ExportResult(
            text=job_line(lang, info),
            session_id=session_id,
            job=info,
            done=info.status == "done",
        )
        if stems and result.done and info.output_path:
            folder = Path(info.output_path).with_name(Path(info.output_path).stem + "_stems")
            await self.backend.write_stems(project, folder)  # type: ignore[attr-defined]
            result.stems_dir = str(folder)
            result.text += say(lang, f" Stems: {folder}", f" 分轨：{folder}")
        return result

    def _claim_again(self, job: Job) -> None:
        """A resumed render whose output name we chose: its claim ended with the process or
        the failure, so claim a free name again (the same one unless it was taken)."""
        if job.reserved:
            stem = Path(job.output or "video_music.mp4").stem
            locks = self.settings.home / "locks"
            job.output = str(reserve_output(self.settings.output_dir, stem, locks))

    def _resumable_job(
        self, session: Session, project: Project, digest: str, output: str | None
    ) -> Job | None:
        """The latest render of this draft when it failed on our side of a cloud render that
        may still finish (status unreadable, download broken): it is followed again."""
        jobs = [j for j in session.jobs.values() if j.media_id == project.media.id]
        latest = max(jobs, key=lambda j: j.created, default=None)
        if (
            latest is not None
            and latest.status == "failed"
            and latest.cloud_render_id
            and latest.result.get("draft_hash") == digest
            and (output is None or Path(output).name == Path(latest.output or "").name)
        ):
            return latest
        return None

    # --- add: upload, one edit, export ---------------------------------------------------
    async def add(self, req: AddRequest, *, progress: Progress = no_progress) -> ExportResult:
        """Upload `req.source`, apply the request as one sentence, export and wait (the CLI's
        `add`). The output path is checked before any work is done."""
        style_id = words.resolve_style(req.style)
        if style_id is None:
            from gamemusic.music import STYLES

            raise BadInput(
                f"Unknown style '{req.style}'.",
                hint=f"Styles: {', '.join(STYLES)}.",
                code="unknown_style",
            )
        if is_url(req.source):
            default, inputs = self.settings.workspace / "video_music.mp4", []
        else:
            src = resolve_input(req.source, self.settings.workspace)
            default, inputs = src.with_name(f"{src.stem}_music.mp4"), [src]
        out = resolve_output(req.output, default, self.settings.workspace, inputs)
        if out.exists() and not req.force:
            raise BadInput(
                f"'{out}' already exists.", hint="Pass --force to replace it.", code="exists"
            )
        up = await self.upload(req.source, still_duration_s=req.still_duration_s, progress=progress)
        fields = edit_fields(req, style_id, seed=self.backend.name == "local")
        await self.edit(up.session_id, fields=fields, progress=progress)
        return await self.export(
            up.session_id, output=str(out), wait_s=math.inf, overwrite=True, progress=progress
        )

    def _reusable_job(
        self, session: Session, project: Project, digest: str, output: str | None
    ) -> Job | None:
        """A running render of this project, or a finished one of the same draft whose file is
        still there (when no other output was asked for)."""
        for job in sorted(session.jobs.values(), key=lambda j: j.created, reverse=True):
            if job.media_id != project.media.id:
                continue
            if self.jobs.running(job.id):
                return self.jobs.live[job.id]
            if (
                output is None
                and job.status == "done"
                and job.result.get("draft_hash") == digest
                and job.output
                and Path(job.output).exists()
            ):
                return job
        return None

    # --- preview ------------------------------------------------------------------------
    async def preview(
        self,
        session_id: str,
        *,
        audio_only: bool = False,
        media_id: str | None = None,
        progress: Progress = no_progress,
    ) -> PreviewResult:
        """A quick look before the full render: 480p, the 15-20 s around the busiest part (or
        the whole soundtrack as audio only), with the export's music for that stretch."""
        from gamemusic.preview import render_preview  # the engine only when asked

        session = await self._reconcile(session_id)
        project = session.project(media_id)
        if self.backend.name != "local" or is_url(project.media.source):
            raise BadInput(
                say(
                    session.lang,
                    "Previews are rendered by the local engine from a local file; this session "
                    "renders in the cloud.",
                    "预览由本地引擎根据本地文件生成；此会话在云端渲染。",
                ),
                hint=say(session.lang, "Call export instead.", "请直接调用 export。"),
                code="no_preview",
            )
        audio_only = audio_only or project.media.kind == "audio"
        suffix = "m4a" if audio_only else "mp4"
        out = self.store.root / session.id / "previews" / f"{draft_hash(project)}.{suffix}"

        async def on_progress(fraction: float) -> None:
            await progress(0.3 + 0.7 * fraction, "Rendering the preview")

        async with self._previews:
            await progress(0.0, "Composing the music")
            done = await render_preview(
                project.draft, Path(project.media.source), out,
                audio_only=audio_only, on_progress=on_progress,
            )  # fmt: skip
        await progress(1.0, "Done")
        return preview_result(session.lang, session.id, done)
