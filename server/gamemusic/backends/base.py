"""The contract every backend keeps.

A backend works on a `Session` that the caller loaded and will save; it mutates the session's
projects and jobs in place. Long steps report through `Progress`: an async callable taking a
fraction (0-1, or None when unknown) and a short message for the user.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from gamemusic.draft import Draft
from gamemusic.sessions import Job, Project, Session
from gamemusic.words.plan import EditPlan

Progress = Callable[[float | None, str], Awaitable[None]]


async def no_progress(fraction: float | None, message: str) -> None:
    return None


@dataclass
class EditOutcome:
    """What an edit did: the message for the user and the draft after it."""

    message: str
    draft: Draft
    changes: list[str] = field(default_factory=list)


@dataclass
class Credits:
    available: float | None
    frozen: float | None = None
    total: float | None = None
    note: str = ""


@dataclass
class Rendered:
    """A finished MP4 on the local disk."""

    path: Path
    duration_s: float
    width: int
    height: int
    size_bytes: int
    music: dict[str, Any] | None = None  # the music report (media/report.MusicReport), local


class Backend(Protocol):
    name: str

    async def upload(
        self,
        session: Session,
        source: str,
        *,
        still_duration_s: float = 10.0,
        progress: Progress = no_progress,
    ) -> Project:
        """Add a local path (already resolved) or an http(s) URL to the session and make it the
        active project. Still images become clips of `still_duration_s`."""
        ...

    async def edit(
        self,
        session: Session,
        project: Project,
        instruction: str | EditPlan,
        *,
        progress: Progress = no_progress,
    ) -> EditOutcome:
        """Apply one instruction to the project's draft: a sentence, or a plan the caller
        already understood (the local engine; the cloud is always sent a sentence)."""
        ...

    async def state(self, session: Session, project: Project) -> Draft:
        """The project's current draft (the cloud's copy for the cloud backend)."""
        ...

    async def credits(self) -> Credits: ...

    async def export(
        self,
        session: Session,
        project: Project,
        job: Job,
        out_path: Path,
        *,
        progress: Progress = no_progress,
    ) -> Rendered:
        """Render the project's draft to `out_path` (written atomically)."""
        ...

    async def aclose(self) -> None: ...
