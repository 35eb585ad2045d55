"""Read the gameplay cheaply: game-audio loudness and onsets, scene cuts, and motion from the
video's packet sizes (no video decode), turned into arcs and stingers for the composer.

    reader = GameplayReader()
    for block in game_audio_blocks:       # (n, 2) float32 at 48 kHz, any n
        reader.feed(block)
    gameplay = reader.finish(info.duration_s, scene_cuts(info), packet_rate(info))
    gameplay.arcs      # [(0.0, 20.0, "explore"), (20.0, 40.0, "combat"), ...]
    describe(gameplay) # "0:00-0:20 explore, 0:20-0:40 combat, ..., stinger at 0:50"

The reader keeps two numbers per 20 ms frame (1.4 MB per hour), so it can ride along any
pass that decodes the game audio; `read_gameplay` decodes it itself (a muted recording still
has arcs).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import anyio
import av
import numpy as np

from gamemusic.media import arcs as arcs_mod
from gamemusic.media import ffmpeg
from gamemusic.media.onsets import FLOOR_DB, SR, FrameFeatures, onset_frames
from gamemusic.media.probe import MediaInfo
from gamemusic.media.scenes import scene_cuts

log = logging.getLogger("gamemusic.media")

STEP_S = 0.5  # feature curves' step: the composer's intensity hop
_FRAME = 960  # 20 ms
_DENSITY_WINDOW_S = 2.0
_CUT_WINDOW_S = 8.0


@dataclass(frozen=True)
class Gameplay:
    """What the recording does over time.

    arcs: (start_s, end_s, kind) covering 0..duration_s in order, kind one of "explore",
    "tension", "combat", "resolution". stingers: times (s) of big moments, >= 7 s apart.
    Curves have one value per `step_s` (the i-th covers [i, i+1) * step_s), shape (steps,)
    float32: loudness_db (game audio, None without sound), onsets_per_s (None without sound),
    cuts_per_s, motion (video bytes per second, None without a picture), energy (0..1, the
    combined and smoothed reading the arcs come from; usable as the composer's intensity).
    """

    duration_s: float
    arcs: list[tuple[float, float, str]]
    stingers: list[float]
    cuts_s: tuple[float, ...]
    energy: np.ndarray
    cuts_per_s: np.ndarray
    loudness_db: np.ndarray | None = None
    onsets_per_s: np.ndarray | None = None
    motion: np.ndarray | None = None
    step_s: float = STEP_S

    def arc_at(self, t: float) -> str:
        """The arc kind at time t (s)."""
        for a, b, kind in self.arcs:
            if a <= t < b:
                return kind
        return self.arcs[-1][2] if self.arcs else "explore"


class GameplayReader:
    """Keeps per-frame loudness and spectral flux of successive game-audio blocks."""

    def __init__(self) -> None:
        self._features = FrameFeatures(_FRAME)

    def feed(self, block: np.ndarray) -> None:
        """Take the next block of game audio: (n, 2) float32 at 48 kHz, any n (even 0)."""
        self._features.feed(block)

    @property
    def seconds(self) -> float:
        """Audio fed so far, in seconds."""
        return self._features.samples / SR

    def finish(
        self,
        duration_s: float,
        cuts_s: Sequence[float] = (),
        motion: np.ndarray | None = None,
        *,
        motion_step_s: float = STEP_S,
    ) -> Gameplay:
        """The gameplay of a recording `duration_s` long, from the audio fed (none fed: no
        sound), its scene cuts (s) and its motion (video bytes per second per motion_step_s,
        from `packet_rate`; None without a picture)."""
        duration_s = max(0.0, float(duration_s))
        steps = max(1, int(np.ceil(duration_s / STEP_S - 1e-9)))
        feats = self._features
        level, flux = feats.level_db(), feats.flux()
        per = round(STEP_S / feats.frame_s)
        loud = onsets = None
        stingers: list[float] = []
        if len(level):
            loud = _per_step_db(level, per, steps)
            hits = np.zeros(len(flux), np.float32)
            hits[onset_frames(flux, feats.frame_s)] = 1.0
            window = round(_DENSITY_WINDOW_S / STEP_S)
            onsets = arcs_mod.moving_mean(_per_step_sum(hits, per, steps), window) / STEP_S
            stingers = [t for t in arcs_mod.stingers_from_levels(level, feats.frame_s)
                        if t < duration_s]  # fmt: skip
        cuts = tuple(sorted(float(c) for c in cuts_s if 0 <= c <= duration_s))
        cut_hits = np.zeros(steps, np.float32)
        for c in cuts:
            cut_hits[min(steps - 1, int(c / STEP_S))] += 1
        cuts_per_s = arcs_mod.moving_mean(cut_hits, round(_CUT_WINDOW_S / STEP_S)) / STEP_S
        moving = None
        if motion is not None and len(motion):
            moving = _resample(np.asarray(motion, np.float64), motion_step_s, steps)
        e = arcs_mod.energy(STEP_S, loud, onsets, moving, cuts_per_s)
        return Gameplay(
            duration_s=duration_s,
            arcs=arcs_mod.arcs_from_energy(e, STEP_S, duration_s),
            stingers=stingers,
            cuts_s=cuts,
            energy=e,
            cuts_per_s=cuts_per_s.astype(np.float32),
            loudness_db=loud,
            onsets_per_s=None if onsets is None else onsets.astype(np.float32),
            motion=None if moving is None else moving.astype(np.float32),
        )


def _fit(values: np.ndarray, per: int, steps: int, fill: float) -> np.ndarray:
    """values cut or padded (with `fill`) to steps * per, shaped (steps, per)."""
    need = steps * per
    v = values[:need]
    if len(v) < need:
        v = np.concatenate([v, np.full(need - len(v), fill, v.dtype)])
    return v.reshape(steps, per)


def _per_step_db(level_db: np.ndarray, per: int, steps: int) -> np.ndarray:
    """Frame levels (dB) -> level of each step's mean power (dB): (steps,) float32."""
    fill = float(level_db[-1]) if len(level_db) else FLOOR_DB
    power = 10 ** (_fit(level_db.astype(np.float64), per, steps, fill) / 10)
    return (10 * np.log10(power.mean(axis=1) + 1e-12)).astype(np.float32)


def _per_step_sum(values: np.ndarray, per: int, steps: int) -> np.ndarray:
    return _fit(values, per, steps, 0.0).sum(axis=1).astype(np.float32)


def _resample(curve: np.ndarray, step_s: float, steps: int) -> np.ndarray:
    """A curve given per step_s, as values per STEP_S: (steps,)."""
    if abs(step_s - STEP_S) < 1e-9:
        return np.resize(curve, steps) if len(curve) < steps else curve[:steps]
    t = (np.arange(steps) + 0.5) * STEP_S
    return np.interp(t, (np.arange(len(curve)) + 0.5) * step_s, curve)


def describe(gameplay: Gameplay, lang: str = "en") -> str:
    """The arcs and stingers in words: '0:00-0:40 explore, 0:40-1:10 combat, stinger at
    0:52'; lang 'zh' gives '0:00-0:40 探索，0:40-1:10 战斗，重音在0:52'."""
    return arcs_mod.describe_arcs(gameplay.arcs, gameplay.stingers, lang)


# ---- motion from packet sizes -------------------------------------------------------------


def _open(source: MediaInfo | Path | str) -> tuple[av.container.InputContainer, float | None]:
    if isinstance(source, MediaInfo):
        container = av.open(
            str(source.path), format=source.demuxer, options={"protocol_whitelist": "file"}
        )
        return container, source.duration_s
    return av.open(str(source), options={"protocol_whitelist": "file"}), None


def packet_rate(source: MediaInfo | Path | str, step_s: float = STEP_S) -> np.ndarray:
    """Video bytes per second in each `step_s` window from the start: (steps,) float64, a
    cheap proxy for on-screen motion. No frame is decoded.

    Read from the container's index when it lists every frame (MP4, MOV, AVI): each frame's
    size. Keyframes are left out (their size says nothing about motion) unless every frame is
    one. With a keyframe-only index (MKV cues), bytes between keyframe positions. Without an
    index, the packets are demuxed (the file is read, nothing decoded). Empty for no video."""
    try:
        container, duration = _open(source)
    except (av.FFmpegError, OSError, ValueError) as exc:
        log.info("no packet sizes for %s: %s", source, exc)
        return np.zeros(0)
    with container:
        if not container.streams.video:
            return np.zeros(0)
        stream = container.streams.video[0]
        base = float(stream.time_base or 0)
        if duration is None:
            duration = (container.duration or 0) / 1e6
        entries = stream.index_entries
        if len(entries) < 2:  # Matroska reads its cues (keyframe index) on the first seek
            with contextlib.suppress(av.FFmpegError):
                container.seek(0, stream=stream)
            entries = stream.index_entries
        n = len(entries)
        if base and n:
            stamps = np.fromiter((e.timestamp for e in entries), np.float64, n)
            sizes = np.fromiter((e.size for e in entries), np.float64, n)
            is_key = np.fromiter((e.is_keyframe for e in entries), bool, n)
            pos = np.fromiter((e.pos for e in entries), np.float64, n)
            if not is_key.all() and (sizes > 0).all():
                return _rate_from_frames((stamps - stamps.min()) * base, sizes, is_key,
                                         duration, step_s)  # fmt: skip
            if n >= 2 and (pos >= 0).all() and np.all(np.diff(pos) > 0):
                others = sum(_byte_rate(container, s) for s in container.streams if s is not stream)
                size = Path(container.name).stat().st_size
                t = (stamps - stamps.min()) * base
                return _rate_from_positions(t, pos, size, others, duration, step_s)
        return _rate_by_demux(container, stream, duration, step_s)


def _steps(duration_s: float, step_s: float) -> int:
    return max(1, int(np.ceil(duration_s / step_s - 1e-9)))


def _rate_from_frames(
    t: np.ndarray, sizes: np.ndarray, is_key: np.ndarray, duration_s: float, step_s: float
) -> np.ndarray:
    """Mean size of the non-key frames in each step times the frame rate."""
    steps = _steps(duration_s or float(t.max()) + step_s, step_s)
    fps = len(t) / max(duration_s or float(t.max()), 1e-3)
    use = ~is_key if (~is_key).any() else np.ones(len(t), bool)
    k = np.clip((t[use] / step_s).astype(int), 0, steps - 1)
    total = np.bincount(k, weights=sizes[use], minlength=steps)
    count = np.bincount(k, minlength=steps)
    mean = np.divide(total, count, out=np.zeros(steps), where=count > 0)
    if (count == 0).any() and (count > 0).any():  # steps holding only a keyframe
        idx = np.flatnonzero(count > 0)
        mean = np.interp(np.arange(steps), idx, mean[idx])
    return mean * fps


def _rate_from_positions(
    t: np.ndarray,
    pos: np.ndarray,
    file_size: int,
    other_rate: float,
    duration_s: float,
    step_s: float,
) -> np.ndarray:
    """Bytes between successive keyframes spread evenly over the time between them (up to
    the end of the file after the last one), less the other streams' bit rate."""
    duration_s = max(duration_s, float(t[-1]) + step_s)
    steps = _steps(duration_s, step_s)
    t = np.append(t, duration_s)
    pos = np.append(pos, max(file_size, pos[-1] + 1))
    cumulative = np.interp(np.arange(steps + 1) * step_s, t, pos - pos[0])
    rate = np.diff(cumulative) / step_s
    return np.maximum(rate - other_rate, 0.05 * rate)


def _byte_rate(container: av.container.InputContainer, stream: av.stream.Stream) -> float:
    """A stream's bytes per second: its stated bit rate, or measured on its first 5 s."""
    stated = stream.bit_rate or stream.codec_context.bit_rate
    if stated:
        return stated / 8
    base = float(stream.time_base or 0)
    total, first, last = 0, None, None
    with contextlib.suppress(av.FFmpegError):
        container.seek(0, stream=stream)
        for packet in container.demux(stream):
            if packet.pts is None or not base:
                continue
            first = packet.pts if first is None else first
            last = packet.pts
            total += packet.size
            if (last - first) * base >= 5.0:
                break
    span = 0.0 if first is None or last is None else (last - first) * base
    return total / span if span > 0.5 else 0.0


def _rate_by_demux(
    container: av.container.InputContainer,
    stream: av.video.stream.VideoStream,
    duration_s: float,
    step_s: float,
) -> np.ndarray:
    stamps: list[float] = []
    sizes: list[int] = []
    keys: list[bool] = []
    base = float(stream.time_base or 0)
    for packet in container.demux(stream):
        stamp = packet.pts if packet.pts is not None else packet.dts
        if stamp is None or not packet.size:
            continue
        stamps.append(stamp * base)
        sizes.append(packet.size)
        keys.append(bool(packet.is_keyframe))
    if not stamps:
        return np.zeros(0)
    t = np.asarray(stamps)
    return _rate_from_frames(t - t.min(), np.asarray(sizes, float), np.asarray(keys),
                             duration_s, step_s)  # fmt: skip


# ---- the whole recording --------------------------------------------------------------------


async def read_gameplay(info: MediaInfo, *, timeout: float | None = None) -> Gameplay:
    """Decode the recording's game audio (by an ffmpeg child, streamed: memory stays flat)
    into a GameplayReader, and read its scene cuts and motion from the container."""
    reader = GameplayReader()
    if info.has_audio:
        pending = bytearray()

        async def take(chunk: bytes) -> None:
            pending.extend(chunk)
            whole = len(pending) // 8 * 8
            if whole:
                reader.feed(np.frombuffer(bytes(pending[:whole]), "<f4").reshape(-1, 2))
                del pending[:whole]

        await ffmpeg.run(
            [*ffmpeg.WHITELIST, "-f", info.demuxer, "-i", str(info.path), "-map", "0:a:0",
             "-vn", "-ac", "2", "-ar", str(SR), "-f", "f32le", "pipe:1"],
            on_stdout=take, timeout=timeout, what="Reading the game audio",
        )  # fmt: skip
    cuts = await anyio.to_thread.run_sync(scene_cuts, info)
    motion = await anyio.to_thread.run_sync(packet_rate, info) if info.kind == "video" else None
    return reader.finish(info.duration_s, cuts, motion)
