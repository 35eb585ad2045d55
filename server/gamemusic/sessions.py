"""Durable sessions: one folder per session, one JSON file written atomically.

    HOME/sessions/<id>/session.json     the Session model below
    HOME/sessions/<id>/.lock            flock'd by the one writer of that session

A session holds uploads ("projects"), each with its own draft, undo/redo history and renders
(jobs). Every change goes through `SessionStore.save` (temp file, fsync, rename, fsync of the
folder), so a process killed at any moment leaves the previous or the next version, never a
torn one. Readers never lock; writers hold `SessionStore.writing(id)`, which also removes the
temp file of a writer that was killed between writing and renaming.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import secrets
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, Literal

import anyio
from pydantic import BaseModel, Field, ValidationError

from gamemusic.draft import Draft
from gamemusic.errors import BadInput, NotFound
from gamemusic.paths import replacing, sweep_partials

SESSION_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{2,63}$")
MAX_UNDO = 50

JobStatus = Literal["queued", "running", "done", "failed", "cancelled"]


class Media(BaseModel):
    id: str = Field(description="Media id within the session, e.g. m1.")
    name: str = Field(description="File name as the user knows it.")
    source: str = Field(description="Absolute local path, or the URL it came from.")
    kind: Literal["video", "image", "audio"]
    duration_ms: int = Field(ge=0)
    width: int = Field(0, ge=0)
    height: int = Field(0, ge=0)
    has_audio: bool = False
    size_bytes: int = Field(0, ge=0)
    cloud_url: str | None = Field(None, description="CDN URL after a cloud upload.")


class HistoryEntry(BaseModel):
    at: float
    instruction: str
    summary: str


class Job(BaseModel):
    id: str
    media_id: str
    status: JobStatus = "queued"
    progress: float = Field(0.0, ge=0, le=1)
    message: str = ""
    output: str | None = Field(None, description="Absolute path of the finished MP4.")
    error: str | None = None
    cloud_render_id: str | None = Field(None, description="NemoVideo render id, for resuming.")
    reserved: bool = Field(
        False, description="`output` is a name this server chose and claimed (paths.py)."
    )
    created: float = Field(default_factory=time.time)
    finished: float | None = None
    result: dict[str, Any] = Field(default_factory=dict)

    @property
    def active(self) -> bool:
        return self.status in ("queued", "running")


class Project(BaseModel):
    media: Media
    draft: Draft
    undo: list[Draft] = Field(default_factory=list)
    redo: list[Draft] = Field(default_factory=list)
    history: list[HistoryEntry] = Field(default_factory=list)

    def push(self, new: Draft, instruction: str, summary: str) -> None:
        """Make `new` the current draft, keeping the old one for undo."""
        self.undo = [*self.undo, self.draft][-MAX_UNDO:]
        self.redo = []
        self.draft = new
        self.history.append(HistoryEntry(at=time.time(), instruction=instruction, summary=summary))


class Session(BaseModel):
    id: str
    created: float = Field(default_factory=time.time)
    updated: float = Field(default_factory=time.time)
    backend: str = "local"
    lang: Literal["en", "zh"] = "en"
    active: str | None = Field(None, description="Media id edits and exports apply to.")
    projects: dict[str, Project] = Field(default_factory=dict)
    jobs: dict[str, Job] = Field(default_factory=dict)
    cloud: dict[str, Any] = Field(default_factory=dict, description="Cloud session ids.")

    def project(self, media_id: str | None = None) -> Project:
        key = media_id or self.active
        if key is None or not self.projects:
            raise BadInput(
                f"Session {self.id} has no video yet.",
                hint="Call upload with a video file first.",
                code="no_media",
            )
        if key not in self.projects:
            known = ", ".join(self.projects)
            raise NotFound(f"No media {key!r} in session {self.id}.", hint=f"Known: {known}.")
        return self.projects[key]

    def next_media_id(self) -> str:
        return f"m{len(self.projects) + 1}"


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write `data` to `path` so that a crash leaves either the old or the new content."""
    with replacing(path, durable=True) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, mode)


def _sweep_temp_files(directory: Path) -> None:
    """Remove `atomic_write` temp files of writers killed before their rename."""
    sweep_partials(directory)


class SessionStore:
    def __init__(self, root: Path):
        self.root = root
        self._locks: dict[str, anyio.Lock] = {}

    def _dir(self, session_id: str) -> Path:
        if not SESSION_ID.match(session_id or ""):
            raise BadInput(
                f"{session_id!r} is not a session id.",
                hint="Session ids look like s-3f9a2c1b; call upload to start one.",
                code="bad_session_id",
            )
        return self.root / session_id

    def create(self, backend: str = "local", lang: Literal["en", "zh"] = "en") -> Session:
        session = Session(id=f"s-{secrets.token_hex(4)}", backend=backend, lang=lang)
        self.save(session)
        return session

    def load(self, session_id: str) -> Session:
        path = self._dir(session_id) / "session.json"
        try:
            raw = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            recent = ", ".join(s.id for s in self.list()[:3])
            hint = f"Recent sessions: {recent}." if recent else "Call upload to start a session."
            raise NotFound(f"Unknown session {session_id!r}.", hint=hint) from None
        try:
            return Session.model_validate_json(raw)
        except ValidationError as exc:
            raise BadInput(
                f"Session {session_id} is damaged and cannot be read.",
                hint="Start a new session with upload.",
                code="session_damaged",
                detail=str(exc),
            ) from None

    def save(self, session: Session) -> None:
        session.updated = time.time()
        directory = self._dir(session.id)
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write(directory / "session.json", session.model_dump_json(indent=1).encode())

    def list(self) -> list[Session]:
        """Readable sessions, newest first."""
        found = []
        if self.root.is_dir():
            for path in self.root.glob("*/session.json"):
                with contextlib.suppress(ValidationError, OSError):
                    found.append(Session.model_validate_json(path.read_bytes()))
        return sorted(found, key=lambda s: s.updated, reverse=True)

    @contextlib.asynccontextmanager
    async def writing(self, session_id: str) -> AsyncIterator[Session]:
        """Hold the session's write lock (in this process and across processes), load it,
        and save it on a clean exit."""
        directory = self._dir(session_id)
        lock = self._locks.setdefault(session_id, anyio.Lock())
        async with lock:
            session = self.load(session_id)
            fd = os.open(directory / ".lock", os.O_CREAT | os.O_RDWR, 0o600)
            try:
                await anyio.to_thread.run_sync(fcntl.flock, fd, fcntl.LOCK_EX)
                _sweep_temp_files(directory)
                session = self.load(session_id)
                yield session
                self.save(session)
            finally:
                os.close(fd)
