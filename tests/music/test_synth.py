from __future__ import annotations

import numpy as np
import pytest

from gamemusic.music import STYLES, compose, render_music, synthesize
from gamemusic.music.synth import TARGET_LUFS

SR = 48000
librosa = pytest.importorskip("librosa")


def _mono22k(style: str, seconds: float, **kw: object) -> np.ndarray:
    """The style rendered straight at librosa's 22050 Hz, mono, shape (samples,)."""
    return render_music(style, seconds, sr=22050, **kw).mean(axis=1)  # type: ignore[arg-type]


@pytest.mark.parametrize("seconds", [1.0, 7.3333, 12.345678])
def test_the_length_is_exact_to_the_sample(seconds: float) -> None:
    audio = render_music("platformer", seconds, seed=1)
    assert audio.shape == (round(seconds * SR), 2)
    assert audio.dtype == np.float32


@pytest.mark.parametrize("style", list(STYLES))
def test_every_style_sits_near_the_documented_level_and_never_clips(style: str) -> None:
    import pyloudnorm

    audio = render_music(style, 12, seed=3)
    assert np.isfinite(audio).all()
    assert np.abs(audio).max() < 0.9
    lufs = pyloudnorm.Meter(SR).integrated_loudness(audio.astype(np.float64))
    assert TARGET_LUFS - 4 < lufs < TARGET_LUFS + 3


@pytest.mark.parametrize("ending", ["cadence", "fade"])
def test_the_ending_lands_on_the_last_sample(ending: str) -> None:
    audio = render_music("synthwave", 20, seed=2, ending=ending)
    assert np.abs(audio[-1]).max() < 1e-6
    last_quarter_s = np.abs(audio[-SR // 4 :]).max()
    assert last_quarter_s < 0.1 * np.abs(audio).max()


def test_one_seed_twice_gives_identical_samples() -> None:
    assert np.array_equal(render_music("16bit", 6, seed=11), render_music("16bit", 6, seed=11))


def test_two_seeds_give_different_music() -> None:
    a, b = render_music("16bit", 6, seed=11), render_music("16bit", 6, seed=12)
    assert np.abs(a - b).mean() > 0.01


def test_an_other_sample_rate_keeps_the_length_exact() -> None:
    piece = compose("lofi", 5.55)
    assert synthesize(piece, sr=44100).shape == (round(5.55 * 44100), 2)


def test_pulse_waves_do_not_alias() -> None:
    """A high chiptune note: nearly no energy between its harmonics (aliases land there)."""
    from gamemusic.music.tables import Shape, table

    tab = table(Shape("pulse", 0.125), 1975.5, SR)  # B6
    spec = np.abs(np.fft.rfft(np.tile(tab, 8) * np.hanning(8 * len(tab)))) ** 2
    freqs = np.fft.rfftfreq(8 * len(tab), 1 / SR)
    harmonic = np.abs(freqs / 1975.5 - np.round(freqs / 1975.5)) * 1975.5 < 30
    assert spec[~harmonic].sum() / spec.sum() < 1e-4


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_styles_differ_in_brightness_and_rhythm_density() -> None:
    features = {}
    for style in STYLES:
        y = _mono22k(style, 16, seed=1)
        centroid = float(np.median(librosa.feature.spectral_centroid(y=y, sr=22050)))
        onsets = len(librosa.onset.onset_detect(y=y, sr=22050, units="time")) / 16
        features[style] = (centroid, onsets)
    assert features["chiptune"][0] > 1.6 * features["lofi"][0]
    assert features["dungeon"][1] < 0.5 * features["racing"][1]
    styles = list(features)
    for i, a in enumerate(styles):
        for b in styles[i + 1 :]:
            (ca, oa), (cb, ob) = features[a], features[b]
            assert abs(ca - cb) > 0.05 * max(ca, cb) or abs(oa - ob) > 0.05 * max(oa, ob), (a, b)


@pytest.mark.parametrize(("style", "bpm"), [("chiptune", 140), ("16bit", 120)])
def test_librosa_finds_the_requested_tempo_within_two_percent(style: str, bpm: float) -> None:
    """Drum-led styles near librosa's 120 bpm prior, so no double/half-tempo folding is needed.

    Two estimates: librosa's global tempo, and the slope of the tracked beat times.
    """
    y = _mono22k(style, 24, seed=3, bpm=bpm)
    tempo, beats = librosa.beat.beat_track(y=y, sr=22050, hop_length=256, units="time")
    assert float(np.atleast_1d(tempo)[0]) == pytest.approx(bpm, rel=0.02)
    period = np.polyfit(np.arange(len(beats)), beats, 1)[0]
    assert 60 / period == pytest.approx(bpm, rel=0.02)
