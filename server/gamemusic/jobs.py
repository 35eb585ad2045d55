"""Renders run as jobs, so no client waits longer than it wants to.

A job is stored in its session from the moment it is queued; its progress lives in memory and
is written back at most every few seconds (and whenever the backend set something that must
survive a restart, such as a cloud render id). At most `workers` renders run at once. A job
found "running" in a session with no task behind it was cut short by a restart: the caller
resumes it (cloud) or starts it again (local).

Cloud renders outlive this process: a job with a NemoVideo render id that is cancelled here
(shutdown, a caller that went away) stays "running" with its id, and the next export or state
follows the same render again. Local renders die with us (ffmpeg is our child): on shutdown
they are cancelled and say so. An output name claimed by `reserve_output` is released when
its render has ended, however it ended.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import anyio

from gamemusic.backends.base import Backend
from gamemusic.errors import GameMusicError
from gamemusic.paths import release_output
from gamemusic.sessions import Job, SessionStore

log = logging.getLogger("gamemusic.jobs")

_SAVE_EVERY_S = 3.0
_CLOSE_WAIT_S = 15.0


class JobManager:
    def __init__(self, store: SessionStore, backend: Backend, workers: int = 2):
        self.store = store
        self.backend = backend
        self.limiter = anyio.CapacityLimiter(max(1, workers))
        self.live: dict[str, Job] = {}
        self.tasks: dict[str, asyncio.Task[None]] = {}
        self._changed: dict[str, asyncio.Event] = {}
        self._closing = False
        self._sessions: dict[str, str] = {}  # job id -> session id

    def running(self, job_id: str) -> bool:
        task = self.tasks.get(job_id)
        return task is not None and not task.done()

    async def start(self, session_id: str, job: Job, out_path: Path) -> Job:
        """Queue `job` (already stored in the session) and run it in the background."""
        self.live[job.id] = job
        self._sessions[job.id] = session_id
        self._changed[job.id] = asyncio.Event()
        self.tasks[job.id] = asyncio.create_task(
            self._run(session_id, job, out_path), name=f"render-{job.id}"
        )
        return job

    @staticmethod
    def new_job(media_id: str, output: Path, *, reserved: bool = False) -> Job:
        return Job(
            id=f"j-{secrets.token_hex(4)}",
            media_id=media_id,
            output=str(output),
            message="Queued",
            reserved=reserved,
        )

    async def _save(self, session_id: str, job: Job) -> None:
        async with self.store.writing(session_id) as session:
            session.jobs[job.id] = job.model_copy()

    def _notify(self, job_id: str) -> None:
        event = self._changed.get(job_id)
        if event:
            event.set()

    async def _run(self, session_id: str, job: Job, out_path: Path) -> None:
        last_save = 0.0
        last_cloud_id = job.cloud_render_id

        async def progress(fraction: float | None, message: str) -> None:
            nonlocal last_save, last_cloud_id
            if fraction is not None:
                job.progress = max(job.progress, min(1.0, fraction))
            job.message = message
            self._notify(job.id)
            now = time.monotonic()
            if job.cloud_render_id != last_cloud_id or now - last_save > _SAVE_EVERY_S:
                last_cloud_id, last_save = job.cloud_render_id, now
                await self._save(session_id, job)

        try:
            async with self.limiter:
                job.status = "running"
                job.message = "Starting"
                await self._save(session_id, job)
                session = self.store.load(session_id)
                project = session.project(job.media_id)
                rendered = await self.backend.export(
                    session, project, job, out_path, progress=progress
                )
            job.status, job.progress, job.message = "done", 1.0, "Done"
            job.output = str(rendered.path)
            job.result.update(
                duration_s=round(rendered.duration_s, 3),
                width=rendered.width,
                height=rendered.height,
                size_bytes=rendered.size_bytes,
            )
            if rendered.music is not None:
                job.result["music"] = rendered.music
        except asyncio.CancelledError:
            self._stopped(job)
            with contextlib.suppress(Exception):
                await asyncio.shield(self._finish(session_id, job))
            raise
        except GameMusicError as exc:
            job.status, job.error, job.message = "failed", exc.user_text(), "Failed"
        except Exception as exc:  # the job boundary: one failed render never takes the server down
            log.exception("render %s crashed", job.id)
            job.status, job.message = "failed", "Failed"
            job.error = f"Internal error while rendering ({type(exc).__name__}); see the log."
        await self._finish(session_id, job)

    def _stopped(self, job: Job) -> None:
        """Record a render cancelled here: a cloud render goes on and stays resumable."""
        if job.cloud_render_id:
            log.info("stopped following cloud render %s (%s)", job.cloud_render_id, job.id)
            if job.reserved:  # the resume claims its name again
                release_output(Path(job.output or ""))
            job.message = (
                "Stopped following the NemoVideo render here; it goes on in the cloud, and "
                "export or state picks it up again."
            )
            return
        job.status, job.message = "cancelled", "Cancelled"
        if self._closing:
            log.warning("local render %s cancelled: the server is shutting down", job.id)
            job.error = (
                "The server shut down during the render, so it was stopped; no file was "
                "written. Call export again."
            )
        else:
            job.error = "The render was cancelled; no file was written."

    async def _finish(self, session_id: str, job: Job) -> None:
        if not job.active:
            job.finished = time.time()
            if job.reserved:
                release_output(Path(job.output or ""))
        await self._save(session_id, job)
        self._notify(job.id)

    async def wait(
        self,
        job_id: str,
        timeout_s: float,
        on_progress: Callable[[Job], Awaitable[None]] | None = None,
        tick_s: float = 5.0,
        *,
        cancel_on_abort: bool = False,
    ) -> Job | None:
        """Wait up to `timeout_s` for the job to end, calling `on_progress` on changes and at
        least every `tick_s`. Returns the live job (None if not running here).

        With `cancel_on_abort`, a waiter that is itself cancelled (a cancelled MCP request, a
        dropped client, Ctrl-C) cancels the render too: ffmpeg is killed, no file is left."""
        job = self.live.get(job_id)
        task = self.tasks.get(job_id)
        if job is None or task is None:
            return None
        try:
            await self._wait(job, task, timeout_s, on_progress, tick_s)
        except BaseException:
            if cancel_on_abort and not task.done():
                log.info("the caller of %s went away; cancelling the render", job_id)
                task.cancel()  # the task kills ffmpeg and records the job as cancelled
            raise
        if task.done():
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.shield(task)
        return job

    async def _wait(
        self,
        job: Job,
        task: asyncio.Task[None],
        timeout_s: float,
        on_progress: Callable[[Job], Awaitable[None]] | None,
        tick_s: float,
    ) -> None:
        deadline = time.monotonic() + max(0.0, timeout_s)
        event = self._changed[job.id]
        while not task.done():
            left = deadline - time.monotonic()
            if left <= 0:
                break
            event.clear()
            # asyncio.timeout, not wait_for: on 3.11 wait_for can lose a cancel (Ctrl-C) that
            # lands as the event fires, and the render would then run on to the end
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(min(tick_s, left)):
                    await event.wait()
            if on_progress and not task.done():
                await on_progress(job)

    async def cancel(self, job_id: str) -> None:
        task = self.tasks.get(job_id)
        if task and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def aclose(self) -> None:
        """Stop every render and wait until each has killed its ffmpeg and removed its
        partial file, even when the caller is itself being cancelled (a dropped client).
        Cloud renders are only left, to be followed again after a restart."""
        self._closing = True
        tasks = {job_id: task for job_id, task in self.tasks.items() if not task.done()}
        for task in tasks.values():
            task.cancel()
        if not tasks:
            return
        with anyio.move_on_after(_CLOSE_WAIT_S, shield=True):
            await asyncio.gather(*tasks.values(), return_exceptions=True)
            for job_id in tasks:  # cancelled before they ever ran: recorded here
                job = self.live[job_id]
                if job.status == "queued" and not job.cloud_render_id:
                    self._stopped(job)
                    await self._finish(self._sessions[job_id], job)
