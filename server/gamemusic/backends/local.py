"""The embedded engine: no account, no network. Edits are parsed locally into the draft;
export composes music for the draft, mixes it under the game audio and renders with ffmpeg."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from pathlib import Path

import anyio
import numpy as np

from gamemusic.backends.base import Credits, EditOutcome, Progress, Rendered, no_progress
from gamemusic.draft import Draft, timeline_summary
from gamemusic.errors import BadInput
from gamemusic.media import render
from gamemusic.media.fonts import font_path
from gamemusic.media.mix import SR, MixSettings, analyse_game, intensity_curve, mix
from gamemusic.media.probe import MediaInfo, inspect
from gamemusic.media.scenes import scene_cuts
from gamemusic.sessions import Job, Media, Project, Session
from gamemusic.words import EditPlan, apply_plan, new_draft, parse

DEFAULT_STILL_S = 10.0
# The soundtrack is processed whole in memory: about 220 MB per minute at peak (measured:
# 600 MB for a 2-minute clip), so 30 minutes stays within a laptop's reach.
MAX_LOCAL_S = 30 * 60
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


async def build_soundtrack(draft: Draft, info: MediaInfo, seconds: float) -> np.ndarray:
    """Compose the draft's music for its range and mix it under the input's own audio:
    (samples, 2) float32 at 48 kHz, exactly `seconds` long.

    The game audio is decoded by an ffmpeg child while the music engine is imported and the
    scene cuts are read; the music follows the cuts and the game audio's intensity."""
    clock = time.perf_counter()
    n = round(seconds * SR)
    keep_game = draft.meta.original_audio != "mute"
    decoding = asyncio.ensure_future(render.decode_audio(info)) if keep_game else None
    try:
        render_music = await anyio.to_thread.run_sync(_music_engine)
        cuts = await anyio.to_thread.run_sync(scene_cuts, info)
        game = await decoding if decoding else None
    finally:
        if decoding and not decoding.done():
            decoding.cancel()  # kills the ffmpeg child
            await asyncio.wait([decoding])
    log.debug("soundtrack: decoded and analysed in %.2f s", time.perf_counter() - clock)
    music, start, settings = None, 0, MixSettings()
    bgm = draft.music
    if bgm is not None and bgm.segments:
        m = bgm.meta
        seg = bgm.segments[0]
        start = min(n, round(seg.start_ms / 1000 * SR))
        end = min(n, round(min(seg.end_ms, draft.duration_ms or seg.end_ms) / 1000 * SR))
        length_s = max(0.0, (end - start) / SR)
        settings = MixSettings(
            volume=m.volume if m.volume is not None else MixSettings.volume,
            duck=m.duck if m.duck is not None else True,
            duck_db=m.duck_db if m.duck_db is not None else MixSettings.duck_db,
            fade_in_s=m.fade_in if m.fade_in is not None else MixSettings.fade_in_s,
            fade_out_s=m.fade_out if m.fade_out is not None else MixSettings.fade_out_s,
        )
    else:
        length_s = 0.0

    def compose() -> np.ndarray | None:
        if length_s <= 0.05 or bgm is None:
            return None
        m = bgm.meta
        offset = start / SR
        part = None if game is None else game[start : start + round(length_s * SR)]
        return render_music(
            m.style or "chiptune",
            length_s,
            seed=m.seed or 0,
            bpm=m.bpm,
            cuts=[c - offset for c in cuts if 0 < c - offset < length_s],
            intensity=intensity_curve(part, length_s),
            sr=SR,
        )

    # Composing the music and analysing the game audio are independent: one core each.
    music, bed = await asyncio.gather(
        anyio.to_thread.run_sync(compose),
        anyio.to_thread.run_sync(lambda: analyse_game(game, n, settings)),
    )
    log.debug("soundtrack: music and analysis ready at %.2f s", time.perf_counter() - clock)
    audio = await anyio.to_thread.run_sync(
        lambda: mix(bed, music, n, music_start=start, settings=settings)
    )
    log.debug("soundtrack: mixed at %.2f s", time.perf_counter() - clock)
    return audio


def _music_engine() -> Callable[..., np.ndarray]:
    """Import the music engine (and the FFT the mix uses) while the game audio decodes."""
    import scipy.fft  # noqa: F401

    from gamemusic.music import render_music

    return render_music


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
                f"'{media.name}' lasts {media.duration_ms / 60000:.0f} minutes; this machine's "
                f"engine renders up to {MAX_LOCAL_S // 60} minutes at a time.",
                hint="Trim the part you want to share, or use the cloud backend (--backend nemo).",
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
        plan = parse(instruction) if isinstance(instruction, str) else instruction
        zh = session.lang == "zh"
        changes: list[str] = []
        if plan.undo or plan.redo:
            changes.append(_step_history(project, undo=plan.undo, zh=zh))
        if plan.has_edits or not changes:
            new, applied = apply_plan(project.draft, plan, media=project.media, lang=session.lang)
            said = instruction if isinstance(instruction, str) else plan.said or "; ".join(applied)
            project.push(new, said, timeline_summary(new))
            changes += applied
        summary = timeline_summary(project.draft)
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
        await progress(0.03, "Composing and mixing the music")
        soundtrack = await build_soundtrack(draft, info, seconds)
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
        await progress(
            0.15, "Copying the picture, encoding audio" if copy else "Encoding the video"
        )

        async def on_progress(fraction: float) -> None:
            await progress(0.15 + 0.84 * fraction, "Rendering")

        await render.encode(info, soundtrack, out_path, opts, on_progress=on_progress)
        out = await inspect(out_path)
        await progress(1.0, "Done")
        return Rendered(
            path=out_path,
            duration_s=out.duration_s,
            width=out.width,
            height=out.height,
            size_bytes=out.size_bytes,
        )

    async def aclose(self) -> None:
        return None
