"""The music report's figures against independent measurements of the finished file:
ffmpeg's ebur128 filter for loudness and true peak, librosa's beat tracker for the tempo,
the decoded sound for the ending, PyAV for the last frame."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
from pathlib import Path

import anyio
import numpy as np
import pytest

from gamemusic.media.onsets import FrameFeatures
from gamemusic.media.report import (
    MusicReport,
    MusicTrace,
    cuts_on_grid,
    measure_tempo,
    music_report,
)
from gamemusic.music import Piece, compose, synthesize, write_wav
from helpers import FFMPEG, decode_audio, ffmpeg, video_duration

SECONDS = 30.0


@dataclasses.dataclass
class Render:
    piece: Piece
    music: np.ndarray
    path: Path


@pytest.fixture(scope="module")
def render(tmp_path_factory: pytest.TempPathFactory) -> Render:
    folder = tmp_path_factory.mktemp("report")
    piece = compose("chiptune", SECONDS, seed=4, cuts=[10.3, 20.1])
    piece = dataclasses.replace(
        piece, arcs=((0.0, 12.0, "explore"), (12.0, 30.0, "combat")), stingers=(12.0,)
    )
    music = synthesize(piece)
    write_wav(folder / "music.wav", music)
    out = folder / "out.mp4"
    ffmpeg(
        "-f", "lavfi", "-i", f"testsrc2=size=320x180:rate=30:duration={SECONDS}",
        "-i", str(folder / "music.wav"), "-c:v", "libx264", "-preset", "ultrafast",
        "-c:a", "aac", "-b:a", "192k", "-t", str(SECONDS), str(out),
    )  # fmt: skip
    return Render(piece, music, out)


@pytest.fixture(scope="module")
def report(render: Render) -> MusicReport:
    return anyio.run(lambda: music_report(render.piece, render.path, music=render.music))


def ebur128(path: Path) -> tuple[float, float]:
    err = subprocess.run(
        [FFMPEG, "-hide_banner", "-nostats", "-i", str(path), "-map", "0:a",
         "-af", "ebur128=peak=true", "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    ).stderr  # fmt: skip
    lufs = float(re.findall(r"I:\s+(-?[\d.]+) LUFS", err)[-1])
    peak = float(re.findall(r"Peak:\s+(-?[\d.]+) dBFS", err)[-1])
    return lufs, peak


def test_loudness_and_true_peak_match_ffmpeg_ebur128(render: Render, report: MusicReport) -> None:
    lufs, peak = ebur128(render.path)
    assert report.lufs == pytest.approx(lufs, abs=0.2)
    assert report.true_peak_dbtp == pytest.approx(peak, abs=0.3)


@pytest.mark.slow  # librosa's first beat tracking compiles for seconds
def test_the_tempo_matches_librosa_beat_tracking(render: Render, report: MusicReport) -> None:
    import librosa

    mono = librosa.resample(render.music.mean(axis=1), orig_sr=48000, target_sr=22050)
    tempo, _ = librosa.beat.beat_track(y=mono, sr=22050)
    found = float(np.atleast_1d(tempo)[0])
    assert report.measured_bpm is not None
    # a beat tracker may lock onto half or double time; the tempo itself must agree
    assert min(abs(found * k / report.measured_bpm - 1) for k in (0.5, 1, 2)) < 0.03
    assert report.measured_bpm == pytest.approx(render.piece.bpm, rel=0.01)
    # breaks, fills and drop-outs leave some 8 s windows without a clear pulse
    assert report.tempo_stability is not None and report.tempo_stability >= 0.75


def test_the_ending_is_where_the_sound_stops_before_the_last_frame(
    render: Render, report: MusicReport
) -> None:
    assert report.duration_s == pytest.approx(video_duration(render.path), abs=1 / 30)
    sound = decode_audio(render.path)
    level = np.abs(sound).max(axis=1)
    last = np.flatnonzero(level > level.max() * 10 ** (-60 / 20))[-1] / 48000
    heard_ms = (last - report.duration_s) * 1000
    assert report.ending_ms == pytest.approx(heard_ms, abs=30)
    assert -400 < report.ending_ms <= 40  # the cadence rings out up to the last frame


def test_without_the_music_the_figures_come_from_the_files_sound(
    render: Render, report: MusicReport
) -> None:
    alone = anyio.run(lambda: music_report(render.piece, render.path))
    assert alone.measured_bpm == pytest.approx(report.measured_bpm, rel=0.01)
    assert (alone.lufs, alone.true_peak_dbtp) == (report.lufs, report.true_peak_dbtp)
    assert alone.cuts == len(render.piece.cuts_s) and alone.cuts_on_beat == 1.0


def test_cuts_are_counted_on_beats_and_downbeats(render: Render) -> None:
    grid = render.piece.grid
    downbeat = (grid.phase + 4 * grid.beats_per_bar) * grid.beat_s
    beat = downbeat + grid.beat_s  # the second beat of that bar
    off = beat + 0.3 * grid.beat_s
    assert cuts_on_grid(render.piece, [downbeat, beat, off]) == (2 / 3, 1 / 3)
    late = downbeat + 0.05
    assert cuts_on_grid(render.piece, [late + 2.0], music_start_s=2.0) == (1.0, 1.0)
    assert cuts_on_grid(render.piece, []) == (None, None)


def test_the_key_arcs_and_stingers_are_reported(report: MusicReport) -> None:
    # borrowed and secondary-dominant chords, and tension arcs darkening major chords, leave
    # some notes outside the scale; the key profile still has to match clearly
    assert report.in_key >= 0.75 and report.key_correlation > 0.5
    assert [(a.start_s, a.end_s, a.kind) for a in report.arcs] == [
        (0.0, 12.0, "explore"),
        (12.0, 30.0, "combat"),
    ]
    assert report.stingers_s == [12.0]


def test_the_report_is_json_with_a_one_line_summary(report: MusicReport) -> None:
    data = json.loads(report.model_dump_json())
    assert MusicReport.model_validate(data) == report
    text = report.text
    assert "\n" not in text and text.startswith("Ends ") and text.endswith("dBTP.")
    assert "0:00-0:12 explore, 0:12-0:30 combat, stinger at 0:12" in text
    assert f"{report.lufs:.1f} LUFS" in text


def clicks(bpm: float, seconds: float) -> np.ndarray:
    """A click (5 ms of noise) on every beat: (samples, 2) float32."""
    out = np.zeros((int(seconds * 48000), 2), np.float32)
    burst = np.random.default_rng(0).uniform(-0.5, 0.5, (240, 2)).astype(np.float32)
    for t in np.arange(0, seconds - 0.01, 60 / bpm):
        out[int(t * 48000) : int(t * 48000) + 240] = burst
    return out


def tempo_of(audio: np.ndarray, bpm: float) -> tuple[float | None, float | None]:
    frames = FrameFeatures(480)
    frames.feed(audio)
    return measure_tempo(frames.flux(), frames.frame_s, bpm)


def test_a_steady_click_is_measured_to_a_tenth_of_a_percent_and_a_drift_is_seen() -> None:
    measured, stability = tempo_of(clicks(123.0, 32), 123.0)
    assert measured == pytest.approx(123.0, rel=1e-3) and stability == 1.0
    measured, stability = tempo_of(np.concatenate([clicks(120, 16), clicks(132, 16)]), 120.0)
    assert stability is not None and 0.25 <= stability <= 0.75
    assert tempo_of(np.zeros((48000 * 10, 2), np.float32), 120.0) == (None, None)


def test_a_trace_fed_while_synthesizing_gives_the_same_figures(
    render: Render, report: MusicReport
) -> None:
    trace = MusicTrace()
    for i in range(0, len(render.music), 4000):  # as a streaming synthesizer would hand it over
        trace.feed(render.music[i : i + 4000])
    streamed = anyio.run(lambda: music_report(render.piece, render.path, music=trace))
    assert streamed.measured_bpm == pytest.approx(report.measured_bpm, abs=0.05)
    assert streamed.tempo_stability == report.tempo_stability
    assert abs(streamed.ending_ms - report.ending_ms) <= 10
