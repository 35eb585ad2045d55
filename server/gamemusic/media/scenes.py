"""Scene cuts without decoding a frame: encoders put a keyframe at a cut, so a keyframe that
arrives well before the regular keyframe interval marks one. Read from the container's index
(PyAV demuxer metadata only), so it costs milliseconds even for long 1080p60 recordings."""

from __future__ import annotations

import logging

import av
import numpy as np

from gamemusic.media.probe import MediaInfo

log = logging.getLogger("gamemusic.media")

MIN_GAP_S = 2.0


def keyframe_times(info: MediaInfo) -> list[float]:
    """Keyframe times in seconds from the start, from the container index ([] if none)."""
    if info.kind != "video":
        return []
    try:
        with av.open(
            str(info.path), format=info.demuxer, options={"protocol_whitelist": "file"}
        ) as container:
            stream = container.streams.video[0]
            base = stream.time_base
            stamps = [e.timestamp for e in stream.index_entries if e.is_keyframe]
    except (av.FFmpegError, OSError, ValueError, IndexError) as exc:
        log.info("no keyframe index for %s: %s", info.path, exc)
        return []
    if not stamps or base is None:
        return []
    first = min(stamps)
    return sorted(float((s - first) * base) for s in stamps)


def scene_cuts(info: MediaInfo) -> list[float]:
    """Likely scene-cut times: keyframes that came early (< 80% of the usual keyframe
    interval after the previous one), at least MIN_GAP_S apart and away from the ends."""
    times = keyframe_times(info)
    if len(times) < 4:
        return []
    gaps = np.diff(times)
    regular = float(np.median(gaps))
    cuts: list[float] = []
    for t, gap in zip(times[1:], gaps, strict=True):
        early = gap < 0.8 * regular
        inside = MIN_GAP_S <= t <= info.duration_s - MIN_GAP_S
        if early and inside and (not cuts or t - cuts[-1] >= MIN_GAP_S):
            cuts.append(round(t, 3))
    return cuts
