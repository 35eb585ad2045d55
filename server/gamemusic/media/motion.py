"""Motion from the video's packet sizes: bytes per second, with no frame decoded.

An encoder spends bits on what changes between frames, so a still menu costs little and a
firefight with a shaking camera a lot. MP4, MOV and AVI index every frame's size (read in
milliseconds, even for an hour at 60 fps); Matroska indexes keyframe positions; anything
else is demuxed (read, not decoded).
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

import av
import numpy as np

from gamemusic.media.probe import MediaInfo

log = logging.getLogger("gamemusic.media")

STEP_S = 0.5


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
