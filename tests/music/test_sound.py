"""What the voices do over a note: vibrato, glides, NES duty frames; the bus's low cut, the
reverb without images, and a boss that is bright."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import numpy as np
import pytest

from gamemusic.music import Note, compose, render_music, synthesize

SR = 48000
sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
from music_spectrum import band_shares  # noqa: E402


def _solo(style: str, notes: list[Note], seconds: float = 10.0) -> np.ndarray:
    """The style's piece replaced by `notes`: mono, no reverb (the fade starts at 8 s)."""
    piece = compose(style, seconds, seed=1, ending="fade")
    dry = dataclasses.replace(piece.style, reverb_wet=0.0, vinyl=0.0)
    return synthesize(dataclasses.replace(piece, style=dry, notes=notes)).mean(axis=1)


def _pitch_track(x: np.ndarray, hz: float, hop: int = 480) -> np.ndarray:
    """Frequency near `hz` per hop: parabolic peak of a zero-padded 4096 FFT of 2048 samples."""
    out = []
    for i in range(0, len(x) - 2048, hop):
        spec = np.abs(np.fft.rfft(x[i : i + 2048] * np.hanning(2048), 16384))
        f = np.fft.rfftfreq(16384, 1 / SR)
        band = (f > hz * 0.85) & (f < hz * 1.15)
        k = np.flatnonzero(band)[np.argmax(spec[band])]
        a, b, c = np.log(spec[k - 1 : k + 2] + 1e-12)
        out.append(f[k] + 0.5 * (a - c) / (a - 2 * b + c) * (f[1] - f[0]))
    return np.array(out)


def test_a_long_lead_note_gets_delayed_vibrato() -> None:
    x = _solo("chiptune", [Note(0.0, 1.5, 69, 110, "lead")])[: int(1.5 * SR)]
    cents = 1200 * np.log2(_pitch_track(x, 440.0) / 440.0)
    t = np.arange(len(cents)) * 0.01 + 2048 / SR / 2
    assert np.abs(cents[(t > 0.09) & (t < 0.15)]).max() < 4  # steady before the delay
    late = cents[(t > 0.45) & (t < 1.3)]
    assert 15 < late.max() < 35 and -35 < late.min() < -15
    crossings = np.flatnonzero(np.diff(np.sign(late)) > 0)
    assert 5.0 < (len(crossings) - 1) / ((crossings[-1] - crossings[0]) * 0.01) < 6.6


def test_a_glide_bends_into_the_pitch_within_80_ms() -> None:
    x = _solo("synthwave", [Note(0.0, 0.8, 69, 110, "lead", glide=-2)])[: int(0.8 * SR)]
    track = _pitch_track(np.concatenate([np.zeros(1024), x]), 440.0, hop=240)
    t = np.arange(len(track)) * 0.005
    cents = 1200 * np.log2(track / 440.0)
    assert cents[0] < -100  # starts well below
    assert np.abs(cents[(t > 0.12) & (t < 0.2)]).max() < 10  # landed


def test_chiptune_pulse_switches_duty_in_its_first_frames() -> None:
    """50% duty has no even harmonics; the later 12.5% duty has a strong second one."""
    x = _solo("chiptune", [Note(0.0, 0.5, 69, 110, "lead")])

    def second_harmonic_db(a: int, b: int) -> float:
        spec = np.abs(np.fft.rfft(x[a:b] * np.hanning(b - a), 1 << 15))
        f = np.fft.rfftfreq(1 << 15, 1 / SR)
        h1 = spec[np.abs(f - 440) < 20].max()
        h2 = spec[np.abs(f - 880) < 20].max()
        return float(20 * np.log10(h2 / h1))

    assert second_harmonic_db(0, 700) < -20  # frame 1: 50%
    assert second_harmonic_db(3 * 800, 3 * 800 + 700) > -6  # frame 4: 12.5%


@pytest.mark.parametrize("style", ["boss", "dungeon", "lofi"])
def test_nothing_sounds_below_the_low_cut(style: str) -> None:
    audio = render_music(style, 20, seed=2)
    spec = np.abs(np.fft.rfft(audio.mean(axis=1))) ** 2
    f = np.fft.rfftfreq(len(audio), 1 / SR)
    assert spec[f < 25].sum() / spec.sum() < 10 ** (-30 / 10)


def test_the_reverb_leaves_no_images_above_its_band() -> None:
    """A pure 440 Hz tone through a long, wet reverb: nothing at 6 kHz - f, 12 kHz - f, ..."""
    piece = compose("lofi", 6, seed=1, ending="fade")
    wet = dataclasses.replace(piece.style, reverb_wet=0.8, vinyl=0.0)
    notes = [Note(t, 0.4, 69, 110, "lead") for t in np.arange(0.0, 5.0, 0.5)]
    audio = synthesize(dataclasses.replace(piece, style=wet, notes=notes)).mean(axis=1)
    spec = np.abs(np.fft.rfft(audio)) ** 2
    f = np.fft.rfftfreq(len(audio), 1 / SR)
    assert spec[f > 4000].sum() / spec.sum() < 1e-6


def test_the_boss_is_brighter_than_the_dungeon_and_lofi() -> None:
    shares = {s: band_shares(render_music(s, 30, seed=1)) for s in ("boss", "dungeon", "lofi")}
    assert shares["boss"]["presence2-5k"] > -18
    assert shares["boss"]["presence2-5k"] > shares["dungeon"]["presence2-5k"] + 1
    assert shares["boss"]["presence2-5k"] > shares["lofi"]["presence2-5k"] + 8
    assert shares["boss"]["sub60"] < -7
