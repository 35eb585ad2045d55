"""The quick preview: a small 480p MP4 of the 15-20 s around the busiest part of the clip, or
the whole soundtrack as audio only, rendered in a few seconds.

Its music is the full export's music for that stretch: the soundtrack is built by the same
builder the export uses (`backends.local.build_soundtrack`), then cut to the window, so the
gain, ducking and the composition's form are those of the finished video. The picture is
scaled down with libx264 ultrafast, which is where the time goes in a full render.

"Busiest" is cheap to find: the game audio's loudness per second (read at 8 kHz mono) plus
the scene cuts from the container index. The finished soundtrack's loudness curve over the
whole clip is what the App draws.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from gamemusic.backends.local import build_soundtrack, title_font, titles_of
from gamemusic.draft import Draft
from gamemusic.media import ffmpeg, render, soundtrack
from gamemusic.media.mix import SR
from gamemusic.media.probe import MediaInfo, inspect
from gamemusic.media.scenes import scene_cuts
from gamemusic.paths import partial_path
from gamemusic.sessions import atomic_write

WINDOW_S = 18.0  # the preview's length; clips up to MAX_WHOLE_S are previewed whole
MAX_WHOLE_S = 20.0
SHORT_SIDE = 480
MAX_FPS = 30.0
CURVE_POINTS = 400  # at most this many points in the loudness curve
_LEVEL_SR = 8000  # the game audio read for choosing the window
_CUT_WEIGHT = 0.35  # one scene cut counts as much as 35% of the loudness range, per second


@dataclass(frozen=True)
class Preview:
    """A finished preview file and what the App draws beside it."""

    path: Path
    audio_only: bool
    start_s: float  # where the window starts in the clip
    duration_s: float
    width: int  # 0 for audio only
    height: int
    size_bytes: int
    clip_s: float  # the whole clip's length
    curve_step_s: float
    loudness_db: list[float]  # the soundtrack's level per curve step, whole clip
    cuts_s: list[float]


def busiest_window(level_db: np.ndarray, cuts: list[float], window_s: float) -> float:
    """Start (s) of the `window_s` stretch with the most going on: loudness per second
    (`level_db`, (seconds,)) scaled 0..1 between its 10th and 95th percentiles, plus the
    scene cuts in each second."""
    seconds = len(level_db)
    win = round(window_s)
    if seconds <= win:
        return 0.0
    lo, hi = np.percentile(level_db, 10), np.percentile(level_db, 95)
    activity = np.clip((level_db - lo) / max(hi - lo, 1e-6), 0, 1) if hi - lo >= 1 else (
        np.zeros(seconds)
    )
    for c in cuts:
        if 0 <= int(c) < seconds:
            activity[int(c)] += _CUT_WEIGHT
    sums = np.convolve(activity, np.ones(win), mode="valid")  # (seconds - win + 1,)
    return float(np.argmax(sums))


class LevelCurve:
    """RMS level of the mono mix per `step_s`, fed block by block ((m, 2) or (m,) float32)."""

    def __init__(self, step_s: float, sr: int = SR) -> None:
        self.hop = max(1, round(step_s * sr))
        self._sums: list[float] = []
        self._acc, self._filled = 0.0, 0

    def feed(self, block: np.ndarray) -> None:
        mono = block.mean(axis=1, dtype=np.float32) if block.ndim == 2 else block
        sq = np.square(mono, dtype=np.float64)
        i = 0
        while i < len(sq):
            k = min(self.hop - self._filled, len(sq) - i)
            self._acc += float(sq[i : i + k].sum())
            self._filled += k
            i += k
            if self._filled == self.hop:
                self._sums.append(self._acc)
                self._acc, self._filled = 0.0, 0

    def db(self) -> np.ndarray:
        """(ceil(samples / hop),) float32 dB, floor -90 (a last partial step is zero-padded)."""
        sums = self._sums + ([self._acc] if self._filled else [])
        power = np.asarray(sums, np.float64) / self.hop
        return np.maximum(10 * np.log10(np.maximum(power, 1e-12)), -90.0).astype(np.float32)


def preview_size(info: MediaInfo, aspect: str | None) -> tuple[int, int]:
    """The export's frame shape at a 480-pixel short side (even numbers)."""
    w, h = render.target_size(info, aspect)
    scale = SHORT_SIDE / min(w, h)
    return round(w * scale / 2) * 2, round(h * scale / 2) * 2


async def _soundtrack(
    draft: Draft, info: MediaInfo, seconds: float, curve: LevelCurve
) -> AsyncIterator[np.ndarray]:
    """The export's soundtrack as it streams, (m, 2) float32 blocks at 48 kHz, each also
    fed to `curve`."""
    prepared = await build_soundtrack(draft, info, seconds)
    async for block in soundtrack.stream(prepared):
        curve.feed(block)
        yield block


async def _window(blocks: AsyncIterator[np.ndarray], start: int, end: int) -> np.ndarray:
    """Samples start..end of the stream, read to its end (the curve covers the whole clip)."""
    kept, pos = [], 0
    async for block in blocks:
        a, b = max(start, pos), min(end, pos + len(block))
        if a < b:
            kept.append(block[a - pos : b - pos])
        pos += len(block)
    return np.concatenate(kept) if kept else np.zeros((0, 2), np.float32)


def _picture_args(info: MediaInfo, start_s: float, length_s: float, fps: float) -> list[str]:
    if info.kind == "video":
        seek = ["-ss", f"{start_s:.3f}"] if start_s > 0 else []
        return [*ffmpeg.WHITELIST, *seek, "-t", f"{length_s:.3f}", "-f", info.demuxer,
                "-i", str(info.path)]  # fmt: skip
    if info.container == "gif":
        return [*ffmpeg.WHITELIST, "-ignore_loop", "0", "-f", "gif", "-i", str(info.path)]
    return [*ffmpeg.WHITELIST, "-loop", "1", "-framerate", f"{fps:g}", "-f", info.demuxer,
            "-i", str(info.path)]  # fmt: skip


def _picture_only_args(
    info: MediaInfo, draft: Draft, out: Path, start_s: float, length_s: float
) -> tuple[list[str], int, int]:
    """The window's picture alone, 480p: frames dropped to <= 30 fps before scaling."""
    width, height = preview_size(info, draft.meta.aspect)
    fps = min(render.output_fps(info), MAX_FPS)
    shifted = tuple(
        render.Title(t.text, max(0.0, t.start_s - start_s), t.end_s - start_s, t.position)
        for t in titles_of(draft)
        if t.end_s > start_s and t.start_s < start_s + length_s
    )
    font = title_font(shifted)
    chain = [
        f"fps={fps:g}",
        f"scale={width}:{height}:force_original_aspect_ratio=decrease:flags=fast_bilinear",
        f"pad={width}:{height}:(ow-iw)/2:(oh-ih)/2:color=black",
        "setsar=1",
        "tpad=stop_mode=clone:stop=-1",
        *(render._title_filter(t, font, width, height) for t in shifted),
        "format=yuv420p",
    ]
    args = [
        *_picture_args(info, start_s, length_s, fps),
        "-map", "0:v:0", "-an", "-vf", ",".join(chain),
        "-c:v", "libx264", "-preset", "ultrafast", "-crf", "30", "-maxrate", "1200k",
        "-bufsize", "2400k", "-pix_fmt", "yuv420p", "-fps_mode", "cfr",
        "-t", f"{length_s:.6f}", "-map_metadata", "-1", "-sn", "-dn", "-f", "mp4", "-y", str(out),
    ]  # fmt: skip
    return args, width, height


def _with_sound_args(picture: Path | None, out: Path, length_s: float) -> list[str]:
    """The finished preview: the picture copied (if any) and the soundtrack from stdin."""
    video = [*ffmpeg.WHITELIST, "-f", "mp4", "-i", str(picture)] if picture else []
    maps = ["-map", "0:v:0", "-map", "1:a:0", "-c:v", "copy"] if picture else []
    return [
        *video, "-f", "f32le", "-ar", str(SR), "-ac", "2", "-i", "pipe:0", *maps,
        "-c:a", "aac", "-b:a", "96k" if picture else "128k", "-t", f"{length_s:.6f}",
        "-map_metadata", "-1", "-movflags", "+faststart", "-f", "mp4", "-y", str(out),
    ]  # fmt: skip


async def game_level(info: MediaInfo) -> np.ndarray:
    """The recording's own sound, dB RMS per second: (seconds,) float32 (silence: -90)."""
    seconds = max(1, int(np.ceil(info.duration_s)))
    if not info.has_audio:
        return np.full(seconds, -90.0, np.float32)
    curve = LevelCurve(1.0, sr=_LEVEL_SR)
    pending = bytearray()

    async def take(chunk: bytes) -> None:  # as it comes: hours of audio are never held
        pending.extend(chunk)
        whole = len(pending) // 4 * 4
        curve.feed(np.frombuffer(bytes(pending[:whole]), dtype="<f4"))
        del pending[:whole]

    await ffmpeg.run(
        [*ffmpeg.WHITELIST, "-f", info.demuxer, "-i", str(info.path), "-map", "0:a:0", "-vn",
         "-ac", "1", "-ar", str(_LEVEL_SR), "-f", "f32le", "pipe:1"],
        on_stdout=take, what="Reading the game audio",
    )  # fmt: skip
    return curve.db()


async def _together(steps: list[Awaitable[object]]) -> list[object]:
    """Run `steps` at once; the first failure cancels the others (killing their ffmpeg)."""
    tasks = [asyncio.ensure_future(step) for step in steps]
    try:
        return list(await asyncio.gather(*tasks))
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def render_preview(
    draft: Draft,
    source: Path,
    out: Path,
    *,
    audio_only: bool = False,
    on_progress: Callable[[float], Awaitable[None]] | None = None,
) -> Preview:
    """Write `out` atomically (MP4, or M4A when `audio_only` or the source has no picture),
    or return the one already there: `out` is named after the draft, and what the App draws
    is kept beside it (`out` with .json).

    The window is chosen from a cheap read of the game audio (8 kHz mono) and the scene cuts;
    then the window's picture is encoded while the soundtrack is built (one core each), and
    the two are put together with the soundtrack's AAC."""
    kept = _kept(out)
    if kept is not None:
        return kept
    info = await inspect(source)
    clip_s = info.duration_s if info.kind in ("video", "audio") else draft.duration_ms / 1000
    audio_only = audio_only or info.kind == "audio"
    cuts = await asyncio.to_thread(scene_cuts, info)
    if audio_only:
        start, length = 0.0, clip_s
    else:
        length = clip_s if clip_s <= MAX_WHOLE_S else WINDOW_S
        start = busiest_window(await game_level(info), cuts, length) if length < clip_s else 0.0
    width = height = 0
    picture = None if audio_only else partial_path(out.with_name(out.stem + "-picture.mp4"))
    try:
        step = max(0.25, clip_s / CURVE_POINTS)
        curve = LevelCurve(step)
        blocks = _soundtrack(draft, info, clip_s, curve)
        if picture is None:  # the whole soundtrack, streamed into the encoder
            source: AsyncIterator[np.ndarray] = blocks
        else:
            args, width, height = _picture_only_args(info, draft, picture, start, length)
            out.parent.mkdir(parents=True, exist_ok=True)
            window = await _together([
                _window(blocks, round(start * SR), round((start + length) * SR)),
                ffmpeg.run(args, total_s=length, on_progress=on_progress,
                           what="Rendering the preview"),
            ])  # fmt: skip
            kept = window[0]
            assert isinstance(kept, np.ndarray)
            length = len(kept) / SR

            async def once() -> AsyncIterator[np.ndarray]:
                yield kept

            source = once()

        async def feed(stdin: asyncio.StreamWriter) -> None:
            async for block in source:
                for i in range(0, len(block), SR):
                    stdin.write(np.ascontiguousarray(block[i : i + SR], dtype="<f4").tobytes())
                    await stdin.drain()

        async with ffmpeg.partial_file(out) as tmp:
            await ffmpeg.run(
                _with_sound_args(picture, tmp, length), feed=feed, what="Rendering the preview"
            )
    finally:
        if picture is not None:
            picture.unlink(missing_ok=True)
    done = Preview(
        path=out,
        audio_only=audio_only,
        start_s=round(start, 3),
        duration_s=round(length, 3),
        width=width,
        height=height,
        size_bytes=out.stat().st_size,
        clip_s=round(clip_s, 3),
        curve_step_s=round(step, 4),
        loudness_db=[round(float(v), 1) for v in curve.db()],
        cuts_s=cuts,
    )
    fields = {k: v for k, v in asdict(done).items() if k != "path"}
    atomic_write(out.with_suffix(".json"), json.dumps(fields).encode(), mode=0o644)
    return done


def _kept(out: Path) -> Preview | None:
    """The preview already rendered for this draft, if its file and notes are both there."""
    try:
        fields = json.loads(out.with_suffix(".json").read_text("utf-8"))
        if out.stat().st_size != fields["size_bytes"]:
            return None
        return Preview(path=out, **fields)
    except (OSError, ValueError, KeyError, TypeError):
        return None
