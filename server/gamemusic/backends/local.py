"""The embedded engine: no account, no network. Edits are parsed locally into the draft;
export composes music for the draft, mixes it under the game audio and renders with ffmpeg."""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import anyio
import numpy as np

from gamemusic import words
from gamemusic.backends.base import Credits, EditOutcome, Progress, Rendered, no_progress
from gamemusic.draft import Draft, timeline_summary
from gamemusic.errors import BadInput
from gamemusic.media import render, soundtrack
from gamemusic.media.analysis import Consumer
from gamemusic.media.fonts import font_path
from gamemusic.media.meter import SR, Measured
from gamemusic.media.mix import MixSettings
from gamemusic.media.probe import MAX_DURATION_S, MediaInfo, inspect
from gamemusic.media.soundtrack import MusicSpec
from gamemusic.sessions import Job, Media, Project, Session
from gamemusic.words import EditPlan, apply_plan, new_draft

DEFAULT_STILL_S = 10.0
MAX_LOCAL_S = MAX_DURATION_S  # the soundtrack streams: memory does not grow with length
MAX_TP_DBTP = -1.0  # checked on the decoded output
LOUDNESS_TOLERANCE_LU = 0.5
log = logging.getLogger("gamemusic.local")


def media_from_info(info: MediaInfo, media_id: str, still_duration_s: float) -> Media:
    w, h = info.display_size
    seconds = info.duration_s if info.kind in ("video", "audio") else still_duration_s
    if info.container == "gif" and info.duration_s > 0 and still_duration_s == DEFAULT_STILL_S:
        seconds = info.duration_s if info.duration_s >= 3 else still_duration_s
    return Media(
        id=media_id,
        name=info.path.name,
        source=str(info.path),
        kind=info.kind,
        duration_ms=round(seconds * 1000),
        width=w,
        height=h,
        has_audio=info.has_audio,
        size_bytes=info.size_bytes,
    )


def mix_settings(draft: Draft) -> MixSettings:
    """The draft's mix choices, the module defaults where it has none."""
    base = MixSettings()
    game_volume = draft.meta.game_volume
    game = base.game_volume if game_volume is None else game_volume
    bgm = draft.music
    if bgm is None:
        return replace(base, game_volume=game)
    m = bgm.meta
    return replace(
        base,
        volume=base.volume if m.volume is None else m.volume,
        duck=base.duck if m.duck is None else m.duck,
        duck_db=base.duck_db if m.duck_db is None else m.duck_db,
        fade_in_s=base.fade_in_s if m.fade_in is None else m.fade_in,
        fade_out_s=base.fade_out_s if m.fade_out is None else m.fade_out,
        game_volume=game,
    )


def music_spec(draft: Draft, n: int) -> MusicSpec | None:
    """The draft's music as placed on a timeline of n samples (None: no music)."""
    bgm = draft.music
    if bgm is None or not bgm.segments:
        return None
    seg = bgm.segments[0]
    start = min(n, round(seg.start_ms / 1000 * SR))
    end = min(n, round(min(seg.end_ms, draft.duration_ms or seg.end_ms) / 1000 * SR))
    length_s = max(0.0, (end - start) / SR)
    if length_s <= 0.05:
        return None
    m = bgm.meta
    return MusicSpec(
        m.style or "chiptune",
        length_s,
        start,
        m.seed or 0,
        m.bpm,
        arc=m.arc or "auto",
        stingers=m.stingers is not False,
        climax_s=None if m.climax_ms is None else m.climax_ms / 1000,
    )


async def build_soundtrack(
    draft: Draft,
    info: MediaInfo,
    seconds: float,
    *,
    consumers: Sequence[Consumer] = (),
    on_progress: Callable[[float], Awaitable[None]] | None = None,
    settings: MixSettings | None = None,
) -> soundtrack.Prepared:
    """Analyse the input's sound and the draft's music and plan the mix of an output
    `seconds` long; `soundtrack.stream(prepared)` then gives its blocks."""
    n = round(seconds * SR)
    keep_game = draft.meta.original_audio != "mute"
    return await soundtrack.prepare(
        info,
        n,
        music_spec(draft, n),
        settings or mix_settings(draft),
        keep_game=keep_game,
        consumers=consumers,
        on_progress=on_progress,
    )


def output_estimate(info: MediaInfo, seconds: float, copy: bool) -> int:
    """Bytes the output may need: the input's picture when copied, else ~12 Mbit/s of
    1080p H.264; 192 kbit/s of AAC; an index and some slack."""
    video = info.size_bytes if copy and info.kind == "video" else int(seconds * 12e6 / 8)
    return video + int(seconds * 192e3 / 8) + (64 << 20)


def check_free_space(folder: Path, needed: int) -> None:
    """Raise BadInput when the output's folder has less free space than `needed` bytes."""
    probe_dir = folder
    while not probe_dir.exists() and probe_dir != probe_dir.parent:
        probe_dir = probe_dir.parent
    free = shutil.disk_usage(probe_dir).free
    if free < needed:
        raise BadInput(
            f"Not enough free disk space in '{folder}': the video needs about "
            f"{needed / 1e9:.1f} GB and {free / 1e9:.1f} GB is free.",
            hint="Free some space or choose another output folder (-o).",
            code="disk_full",
        )


def titles_of(draft: Draft) -> tuple[render.Title, ...]:
    return tuple(
        render.Title(
            text=t.meta.text or "",
            start_s=t.start_ms / 1000,
            end_s=t.end_ms / 1000,
            position=t.meta.position or "center",
        )
        for t in draft.titles
        if t.meta.text
    )


def title_font(titles: tuple[render.Title, ...]) -> Path | None:
    """The packaged font that covers every title's text (None when there are no titles)."""
    if not titles:
        return None
    return font_path(" ".join(t.text for t in titles))


def _step_history(project: Project, *, undo: bool, zh: bool) -> str:
    """Move one step back (undo) or forward (redo) in the project's history; its words."""
    source, target = (project.undo, project.redo) if undo else (project.redo, project.undo)
    if not source:
        what = ("撤销" if undo else "重做") if zh else ("undo" if undo else "redo")
        raise BadInput(
            f"没有可{what}的操作。" if zh else f"Nothing to {what}.",
            hint="先做一次修改。" if zh else "Make a change first.",
            code="nothing_to_undo",
        )
    target.append(project.draft)
    project.draft = source.pop()
    return ("已撤销" if undo else "已重做") if zh else ("Undone" if undo else "Redone")


class LocalBackend:
    name = "local"

    def __init__(
        self, *, preset: str = "veryfast", crf: int = 20, render_timeout_s: float | None = None
    ):
        self.preset = preset
        self.crf = crf
        self.render_timeout_s = render_timeout_s
        # Extra readers of each decoded game-audio block of the analysis pass ((m, 2)
        # float32, 48 kHz), e.g. the gameplay reader.
        self.consumers: list[Consumer] = []

    async def upload(
        self,
        session: Session,
        source: str,
        *,
        still_duration_s: float = 10.0,
        progress: Progress = no_progress,
    ) -> Project:
        await progress(None, "Checking the file")
        info = await inspect(Path(source))
        media = media_from_info(info, session.next_media_id(), still_duration_s)
        if media.duration_ms > MAX_LOCAL_S * 1000:
            raise BadInput(
                f"'{media.name}' lasts {media.duration_ms / 3600000:.1f} hours; this machine's "
                f"engine renders up to {MAX_LOCAL_S / 3600:g} hours at a time.",
                hint="Trim the part you want to share.",
                code="too_long",
            )
        project = Project(media=media, draft=new_draft(media))
        session.projects[media.id] = project
        session.active = media.id
        return project

    async def edit(
        self,
        session: Session,
        project: Project,
        instruction: str | EditPlan,
        *,
        progress: Progress = no_progress,
    ) -> EditOutcome:
        """Apply one sentence or plan: undo or redo first when it asks for that, then the rest
        ("undo and make it louder" replaces the last change with a louder one)."""
        plan = words.parse(instruction) if isinstance(instruction, str) else instruction
        zh = session.lang == "zh"
        changes: list[str] = []
        if plan.undo or plan.redo:
            changes.append(_step_history(project, undo=plan.undo, zh=zh))
        if plan.has_edits or not changes:
            new, applied = apply_plan(project.draft, plan, media=project.media, lang=session.lang)
            said = instruction if isinstance(instruction, str) else plan.said or "; ".join(applied)
            project.push(new, said, timeline_summary(new, session.lang))
            changes += applied
        summary = timeline_summary(project.draft, session.lang)
        joined = ("；" if zh else "; ").join(changes)
        return EditOutcome(
            message=f"{joined}{'。' if zh else '.'} {summary}" if joined else summary,
            draft=project.draft,
            changes=changes,
        )

    async def state(self, session: Session, project: Project) -> Draft:
        return project.draft

    async def credits(self) -> Credits:
        return Credits(
            available=None,
            note="The local engine is free and has no credits; "
            "credits only apply to the NemoVideo cloud backend.",
        )

    async def export(
        self,
        session: Session,
        project: Project,
        job: Job,
        out_path: Path,
        *,
        progress: Progress = no_progress,
    ) -> Rendered:
        draft = project.draft
        await progress(0.01, "Checking the source file")
        info = await inspect(Path(project.media.source))
        seconds = info.duration_s if info.kind in ("video", "audio") else draft.duration_ms / 1000
        width, height = render.target_size(info, draft.meta.aspect)
        titles = titles_of(draft)
        opts = render.EncodeOptions(
            width=width,
            height=height,
            fps=render.output_fps(info),
            preset=self.preset,
            crf=self.crf,
            titles=titles,
            font=title_font(titles),
            timeout_s=self.render_timeout_s,
        )
        copy = render.can_copy(info, opts)
        check_free_space(out_path.parent, output_estimate(info, seconds, copy))
        settings = mix_settings(draft)
        n = round(seconds * SR)
        goal = settings.target_lufs
        for attempt in range(2):
            found, prepared = await self._render(draft, info, n, out_path, opts, settings, progress)
            over = found.peak_dbtp - MAX_TP_DBTP
            off = found.lufs - goal
            log.info(
                "output %s: %.2f LUFS, %.2f dBTP (attempt %d)",
                out_path.name, found.lufs, found.peak_dbtp, attempt + 1,
            )  # fmt: skip
            if (over <= 0 and abs(off) <= LOUDNESS_TOLERANCE_LU) or found.lufs <= -60:
                break
            if attempt == 0:  # once more, with the error folded back in
                settings = replace(
                    settings,
                    target_lufs=settings.target_lufs - off,
                    codec_margin_db=settings.codec_margin_db + max(0.0, over + 0.3),
                )
                log.warning("re-rendering %s: %+.2f LU, %+.2f dB over the peak", out_path.name,
                            off, over)  # fmt: skip
            else:
                log.warning("%s stays off target after a second pass", out_path.name)
        out = await inspect(out_path)
        music = await _music_report(prepared, out_path, found)
        await progress(1.0, "Done")
        return Rendered(
            path=out_path,
            duration_s=out.duration_s,
            width=out.width,
            height=out.height,
            size_bytes=out.size_bytes,
            music=music,
        )

    async def write_stems(self, project: Project, folder: Path) -> None:
        """The draft's music as stems in `folder` (one WAV per voice and per layer, and
        manifest.json), composed exactly as the export composes it."""
        draft = project.draft
        info = await inspect(Path(project.media.source))
        seconds = info.duration_s if info.kind in ("video", "audio") else draft.duration_ms / 1000
        prepared = await build_soundtrack(draft, info, seconds)
        if prepared.piece is None:
            raise BadInput("This draft has no music to split into stems.",
                           hint="Add music with edit first.", code="no_music")  # fmt: skip
        from gamemusic.music import write_stems

        await anyio.to_thread.run_sync(write_stems, prepared.piece, folder)

    async def _render(
        self,
        draft: Draft,
        info: MediaInfo,
        n: int,
        out_path: Path,
        opts: render.EncodeOptions,
        settings: MixSettings,
        progress: Progress,
    ) -> tuple[Measured, soundtrack.Prepared]:
        """One render: the analysis pass runs while ffmpeg opens the input and the encoders
        start; the soundtrack then streams into them. Returns the output's audio, measured,
        and the soundtrack's plan."""
        listening = "Listening to the game audio and the music"
        await progress(0.02, listening)

        async def analysed(fraction: float) -> None:
            await progress(0.02 + 0.1 * fraction, listening)

        planning = asyncio.ensure_future(
            build_soundtrack(draft, info, n / SR, consumers=self.consumers,
                             on_progress=analysed, settings=settings)
        )  # fmt: skip

        async def blocks() -> AsyncIterator[np.ndarray]:
            prepared = await planning
            await progress(0.12, "Rendering")
            async for block in soundtrack.stream(prepared):
                yield block

        async def rendering(fraction: float) -> None:
            if fraction > 0:
                await progress(0.12 + 0.85 * fraction, "Rendering")

        try:
            found = await render.encode(info, blocks, n, out_path, opts, on_progress=rendering)
        finally:
            if not planning.done():
                planning.cancel()
            await asyncio.gather(planning, return_exceptions=True)
        if found is None:
            await progress(0.97, "Checking the loudness of the result")
            found = await soundtrack.measure_file(out_path)
        return found, planning.result()

    async def aclose(self) -> None:
        return None


async def _music_report(
    prepared: soundtrack.Prepared, out_path: Path, found: Measured
) -> dict[str, Any] | None:
    """The music report of a finished render (None without music): its figures come from the
    piece, the music as synthesized and the output's audio as the render measured it."""
    if prepared.piece is None or prepared.trace is None:
        return None
    from gamemusic.media.report import music_report

    report = await music_report(
        prepared.piece,
        out_path,
        music_start_s=prepared.plan.music_start / SR,
        cuts_s=prepared.cuts_s,
        music=prepared.trace,
        loudness=(found.lufs, found.peak_dbtp),
    )
    return report.model_dump(mode="json")
