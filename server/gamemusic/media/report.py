"""The music report: figures about a finished render that a creator or an agent can check.

    report = await music_report(piece, Path("out.mp4"), music=music, cuts_s=gameplay.cuts_s)
    report.text   # "Ends 4 ms before the last frame (cadence); 7 of 8 cuts on a beat, ..."

Measured, not restated: the last frame's end and the audio's loudness and true peak come from
the finished file (the audio decoded by an ffmpeg child and metered block by block, so memory
stays flat); the tempo from the onsets of the rendered music (or of the file's sound when the
music is not given); the ending from the music's last audible sample. From the Piece: the
beat grid the cuts are checked against, the notes for key consistency, the arcs and stingers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import anyio
import av
import numpy as np

from gamemusic.media import ffmpeg
from gamemusic.media.arcs import clock, describe_arcs
from gamemusic.media.onsets import SR, FrameFeatures
from gamemusic.results import ON_BEAT_S, TEMPO_TOLERANCE, TEMPO_WINDOW_S, ArcSpan, MusicReport

if TYPE_CHECKING:
    from gamemusic.media.loudness import LoudnessMeter
    from gamemusic.music.compose import Piece

_PULSE = 0.1  # a window's beat peak in the autocorrelation, relative to lag 0, to count
_AUDIBLE_DB = -60.0  # the music has ended once it stays this far under its peak
_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")
# Krumhansl-Kessler key profiles, tonic first.
_MAJOR = (6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88)
_MINOR = (6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17)

# ---- figures from the Piece ---------------------------------------------------------------


def cuts_on_grid(
    piece: Piece, cuts_s: Sequence[float], music_start_s: float = 0.0
) -> tuple[float | None, float | None]:
    """Shares of cuts (output time, s) within ON_BEAT_S of a beat and of a downbeat."""
    grid = piece.grid
    inside = [c - music_start_s for c in cuts_s if 0 <= c - music_start_s <= piece.duration_s]
    if not inside:
        return None, None
    beats = [c / grid.beat_s for c in inside]
    nearest = [round(b) for b in beats]
    on = [abs(b - k) * grid.beat_s <= ON_BEAT_S for b, k in zip(beats, nearest, strict=True)]
    down = [
        hit and (k - grid.phase) % grid.beats_per_bar == 0
        for hit, k in zip(on, nearest, strict=True)
    ]
    return sum(on) / len(on), sum(down) / len(down)


def key_figures(piece: Piece) -> tuple[str, float, float]:
    """Key name, share of pitched note time in the scale, and profile correlation."""
    drums = {v.name for v in piece.style.voices if v.role == "drums"}
    hist = np.zeros(12)
    for n in piece.notes:
        if n.voice not in drums:
            hist[(n.pitch - piece.tonic) % 12] += n.dur_s
    name = f"{_NAMES[piece.tonic % 12]} {piece.style.mode.replace('_', ' ')}"
    total = hist.sum()
    if total <= 0:
        return name, 1.0, 0.0
    in_key = float(sum(hist[d] for d in set(piece.scale)) / total)
    profile = np.asarray(_MAJOR if 4 in piece.scale else _MINOR)
    corr = float(np.corrcoef(hist, profile)[0, 1]) if hist.std() > 0 else 0.0
    return name, in_key, corr


def _written_end(piece: Piece) -> float:
    """Where the last note's release ends (capped at the piece's end), s."""
    release = {v.name: (v.timbre.release_s if v.timbre else 0.3) for v in piece.style.voices}
    ends = (n.start_s + n.dur_s + release.get(n.voice, 0.0) for n in piece.notes)
    return min(piece.duration_s, max(ends, default=0.0))


class MusicTrace:
    """What the report needs of the music, taken block by block as it is synthesized (so the
    whole piece never has to be in memory): onset strength and peak per 10 ms frame."""

    def __init__(self) -> None:
        self.frames = FrameFeatures(480)
        self._peaks: list[np.ndarray] = []
        self._pending = np.zeros((0, 2), np.float32)

    def feed(self, block: np.ndarray) -> None:
        """The next block of the music alone: (n, 2) float32 at 48 kHz, any n."""
        x = np.asarray(block, np.float32).reshape(-1, 2)
        self.frames.feed(x)
        x = np.concatenate([self._pending, x]) if len(self._pending) else x
        whole = len(x) // self.frames.frame * self.frames.frame
        if whole:
            mag = np.abs(x[:whole]).reshape(-1, self.frames.frame * 2)
            self._peaks.append(mag.max(axis=1))
        self._pending = x[whole:].copy()

    def audible_end_s(self) -> float:
        """Time (s) after which the music stays _AUDIBLE_DB under its peak (10 ms steps)."""
        peaks = list(self._peaks)
        if len(self._pending):
            peaks.append(np.abs(self._pending).max(axis=1).max(keepdims=True))
        level = np.concatenate(peaks) if peaks else np.zeros(0, np.float32)
        if not len(level) or level.max() <= 0:
            return 0.0
        loud = np.flatnonzero(level > level.max() * 10 ** (_AUDIBLE_DB / 20))
        return min(float(loud[-1] + 1) * self.frames.frame_s, self.frames.samples / SR)


def trace_of(music: np.ndarray) -> MusicTrace:
    """A MusicTrace of a whole rendered piece ((samples, 2) float32), read 10 s at a time."""
    trace = MusicTrace()
    for i in range(0, len(music), 10 * SR):
        trace.feed(music[i : i + 10 * SR])
    return trace


# ---- tempo from onsets ----------------------------------------------------------------------


def _lag_of_peak(ac: np.ndarray, lo: int, hi: int) -> tuple[float, float]:
    """Autocorrelation peak in [lo, hi): (lag refined by a parabola, height / ac[0])."""
    hi = min(hi, len(ac) - 1)
    if hi <= lo or ac[0] <= 0:
        return 0.0, 0.0
    k = lo + int(np.argmax(ac[lo:hi]))
    y0, y1, y2 = ac[k - 1], ac[k], ac[k + 1]
    bend = y0 - 2 * y1 + y2
    shift = 0.5 * (y0 - y2) / bend if bend < 0 else 0.0
    return k + float(np.clip(shift, -0.5, 0.5)), float(y1 / ac[0])


def _autocorr(x: np.ndarray) -> np.ndarray:
    x = x - x.mean()
    n = 1 << (2 * len(x) - 1).bit_length()
    spec = np.fft.rfft(x, n)
    return np.fft.irfft(spec * np.conj(spec), n)[: len(x)]


def _beat_lag(ac: np.ndarray, lo: int, hi: int) -> tuple[float, float]:
    """Beat period in frames from an autocorrelation, and the peak's relative height. The
    peak near the beat is refined by the peaks at its multiples (up to 8 beats: the frame
    grid's rounding shrinks with each), fitted as lag_m = m * period."""
    lag, strength = _lag_of_peak(ac, lo, hi)
    if lag <= 0 or strength < 0.05:
        return 0.0, strength
    num, den = lag, 1.0
    for m in range(2, 9):
        guess = m * num / den
        a, b = math.floor(guess * 0.98), math.ceil(guess * 1.02) + 1
        if b >= len(ac) - 1:
            break
        lag_m, height = _lag_of_peak(ac, a, b)
        if lag_m <= 0 or height < 0.5 * strength:
            break
        num, den = num + m * lag_m, den + m * m
    return num / den, strength


def measure_tempo(
    flux: np.ndarray, frame_s: float, bpm: float
) -> tuple[float | None, float | None]:
    """Tempo near `bpm` (within -15 %/+18 %, clear of the sixteenth-note neighbours) from an
    onset-strength curve, over the whole and per window: (measured bpm, share of windows
    within 2 % of bpm, among the windows with a clear pulse). (None, None) without a pulse."""
    period = 60.0 / bpm / frame_s
    lo, hi = max(2, math.floor(0.85 * period)), math.ceil(1.18 * period) + 1
    lag, _ = _beat_lag(_autocorr(flux), lo, hi)
    if lag <= 0:
        return None, None
    measured = 60.0 / (lag * frame_s)
    width = round(TEMPO_WINDOW_S / frame_s)
    steady = checked = 0
    for start in range(0, len(flux) - width + 1, width // 2):
        w_lag, w_strength = _beat_lag(_autocorr(flux[start : start + width]), lo, hi)
        if w_lag <= 0 or w_strength < _PULSE:
            continue  # a drumless intro or a held chord: no pulse to measure
        checked += 1
        steady += abs(60.0 / (w_lag * frame_s) / bpm - 1) <= TEMPO_TOLERANCE
    return round(measured, 2), (steady / checked if checked else None)


# ---- the finished file ----------------------------------------------------------------------


def video_end_s(path: Path) -> float:
    """End of the last video frame of our own output file, from its stream duration."""
    with av.open(str(path), options={"protocol_whitelist": "file"}) as container:
        if container.streams.video:
            v = container.streams.video[0]
            if v.duration and v.time_base:
                return float((v.duration + (v.start_time or 0)) * v.time_base)
        return (container.duration or 0) / 1e6


async def _meter_file(
    path: Path, tempo: FrameFeatures | None, timeout: float | None
) -> LoudnessMeter:
    from gamemusic.media.loudness import LoudnessMeter  # scipy.signal: 0.4 s to import

    meter = LoudnessMeter()
    pending = bytearray()

    async def take(chunk: bytes) -> None:
        pending.extend(chunk)
        whole = len(pending) // 8 * 8
        if whole:
            block = np.frombuffer(bytes(pending[:whole]), "<f4").reshape(-1, 2)
            del pending[:whole]
            meter.feed(block)
            if tempo is not None:
                tempo.feed(block)

    await ffmpeg.run(
        [*ffmpeg.WHITELIST, "-i", str(path), "-map", "0:a:0", "-vn", "-ac", "2",
         "-ar", str(SR), "-f", "f32le", "pipe:1"],
        on_stdout=take, timeout=timeout, what="Measuring the output's sound",
    )  # fmt: skip
    return meter


async def music_report(
    piece: Piece,
    output: Path,
    *,
    music_start_s: float = 0.0,
    cuts_s: Sequence[float] | None = None,
    music: np.ndarray | MusicTrace | None = None,
    loudness: tuple[float, float] | None = None,
    timeout: float | None = None,
) -> MusicReport:
    """Measure the finished `output` and the music in it.

    piece: the composed music, placed at `music_start_s` on the output's timeline. cuts_s: the
    recording's scene cuts in output time (default: the cuts the piece changed section on); those
    outside the music's stretch are not counted.
    music: the rendered music alone, (samples, 2) float32 at 48 kHz, or its MusicTrace (fed
    block by block while it was synthesized), for the tempo and the ending; without it the tempo is measured on the output's sound (exact when the game sound
    is muted) and the ending is the written one.
    loudness: the output's (integrated LUFS, true peak dBTP) when the render measured them
    already; with `music` given too, the file is then not decoded again."""
    from_file = FrameFeatures(480) if music is None else None
    if loudness is None or from_file is not None:
        meter = await _meter_file(output, from_file, timeout)
        loudness = loudness or (meter.lufs(), meter.true_peak_dbtp())
    frame_end = await anyio.to_thread.run_sync(video_end_s, output)

    def tempo_and_end() -> tuple[float | None, float | None, float]:
        if from_file is not None:  # the output's sound: only the music's stretch of it
            a = round(music_start_s / from_file.frame_s)
            flux = from_file.flux()[a : a + round(piece.duration_s / from_file.frame_s)]
            return (*measure_tempo(flux, from_file.frame_s, piece.bpm), _written_end(piece))
        trace = music if isinstance(music, MusicTrace) else trace_of(np.asarray(music))
        flux = trace.frames.flux()
        return (*measure_tempo(flux, trace.frames.frame_s, piece.bpm), trace.audible_end_s())

    measured, stability, end_s = await anyio.to_thread.run_sync(tempo_and_end)
    every = list(piece.cuts_s) if cuts_s is None else [float(c) for c in cuts_s]
    cuts = [c for c in every if 0 <= c - music_start_s <= piece.duration_s]
    on_beat, on_downbeat = cuts_on_grid(piece, cuts, music_start_s)
    key, in_key, corr = key_figures(piece)
    arcs = [
        ArcSpan.model_validate({"start_s": a + music_start_s, "end_s": b + music_start_s,
                                "kind": kind})
        for a, b, kind in piece.arcs
    ]  # fmt: skip
    report = MusicReport(
        text="",
        duration_s=round(frame_end, 3),
        ending=piece.ending,
        ending_ms=round((music_start_s + end_s - frame_end) * 1000, 1),
        cuts=len(cuts),
        cuts_on_beat=on_beat,
        cuts_on_downbeat=on_downbeat,
        tempo_bpm=piece.bpm,
        measured_bpm=measured,
        tempo_stability=stability,
        key=key,
        in_key=round(in_key, 4),
        key_correlation=round(max(-1.0, min(1.0, corr)), 3),
        arcs=arcs,
        stingers_s=[round(t + music_start_s, 3) for t in piece.stingers],
        lufs=round(loudness[0], 2),
        true_peak_dbtp=round(loudness[1], 2),
    )
    return report.model_copy(update={"text": summary(report)})


def summary(r: MusicReport) -> str:
    """One line: ending, cuts, tempo, key, arcs, loudness."""
    ms = abs(r.ending_ms)
    where = "on" if ms < 0.5 else f"{ms:.0f} ms {'before' if r.ending_ms < 0 else 'after'}"
    parts = [f"Ends {where} the last frame ({r.ending})"]
    if r.cuts and r.cuts_on_beat is not None and r.cuts_on_downbeat is not None:
        parts.append(
            f"{round(r.cuts_on_beat * r.cuts)} of {r.cuts} cuts on a beat, "
            f"{round(r.cuts_on_downbeat * r.cuts)} on a downbeat"
        )
    tempo = f"{r.tempo_bpm:g} bpm"
    if r.measured_bpm is not None:
        tempo += f" (measured {r.measured_bpm:.1f}"
        if r.tempo_stability is not None:
            tempo += f", steady {r.tempo_stability:.0%}"
        tempo += ")"
    parts.append(tempo)
    parts.append(f"{r.key}, {r.in_key:.0%} of notes in key")
    if r.arcs:
        arcs = [(a.start_s, a.end_s, a.kind) for a in r.arcs]
        parts.append(describe_arcs(arcs, r.stingers_s))
    elif r.stingers_s:
        parts.append("stingers at " + ", ".join(clock(t) for t in r.stingers_s))
    parts.append(f"{r.lufs:.1f} LUFS, {r.true_peak_dbtp:.1f} dBTP")
    return "; ".join(parts) + "."
