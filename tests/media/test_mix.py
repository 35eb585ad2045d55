"""The mixer's measurements and decisions, on signals the tests make."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import pytest

from gamemusic.media.mix import SR, MixSettings, integrated_lufs, mix, true_peak

rng = np.random.default_rng(7)


def tone(hz: float, seconds: float, amp: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * SR)) / SR
    return (amp * np.sin(2 * np.pi * hz * t)).astype(np.float32)[:, None].repeat(2, axis=1)


@pytest.mark.parametrize(
    "signal",
    [
        tone(1000, 5),
        tone(60, 5),
        (rng.standard_normal((SR * 8, 2)) * 0.1).astype(np.float32),
        np.concatenate([tone(440, 3, 0.6), tone(440, 6, 0.001)]),
    ],
)
def test_loudness_matches_the_reference_meter_within_a_tenth_of_a_lu(signal: np.ndarray) -> None:
    reference = pyloudnorm.Meter(SR).integrated_loudness(signal.astype(np.float64))
    assert integrated_lufs(signal) == pytest.approx(reference, abs=0.1)


def test_true_peak_finds_the_peak_between_samples() -> None:
    t = np.arange(4800) / SR
    x = np.sin(2 * np.pi * 12000 * t + np.pi / 4).astype(np.float32)[:, None].repeat(2, axis=1)
    assert np.abs(x).max() == pytest.approx(0.707, abs=0.01)
    assert true_peak(x) == pytest.approx(1.0, abs=0.03)


def test_mix_hits_minus_14_lufs_and_stays_under_the_peak_ceiling() -> None:
    game = (rng.standard_normal((SR * 10, 2)) * 0.05).astype(np.float32)
    game[SR * 4 : SR * 5] *= 12  # an explosion
    music = tone(220, 10, 0.3)
    out = mix(game, music, SR * 10)
    assert out.shape == (SR * 10, 2) and out.dtype == np.float32
    assert integrated_lufs(out) == pytest.approx(-14, abs=0.5)
    assert 20 * np.log10(true_peak(out)) <= -1.0


def test_music_sits_about_18_db_under_the_game_at_the_default_volume() -> None:
    game = tone(1000, 10, 0.3)
    music = tone(300, 10, 0.3)
    out = mix(game, music, SR * 10, settings=MixSettings(duck=False, fade_in_s=0, fade_out_s=0))
    spec = np.abs(np.fft.rfft(out[:, 0]))
    freqs = np.fft.rfftfreq(len(out), 1 / SR)

    def level(hz: float) -> float:
        return 20 * np.log10(spec[(freqs > hz - 3) & (freqs < hz + 3)].max())

    # K-weighting barely differs between 300 Hz and 1 kHz, so loudness gap ~ level gap.
    assert level(1000) - level(300) == pytest.approx(18, abs=1.5)


def test_music_ducks_while_the_game_is_loud() -> None:
    game = np.zeros((SR * 12, 2), np.float32)
    game[SR * 6 : SR * 9] = tone(1000, 3, 0.5)
    game[: SR * 6] = tone(1000, 6, 0.05)
    music = tone(300, 12, 0.3)
    settings = MixSettings(duck_db=8, fade_in_s=0, fade_out_s=0)
    ducked = mix(game, music, SR * 12, settings=settings)
    flat = mix(game, music, SR * 12, settings=MixSettings(duck=False, fade_in_s=0, fade_out_s=0))

    def music_rms(x: np.ndarray, a: float, b: float) -> float:
        seg = x[int(a * SR) : int(b * SR), 0].astype(np.float64)
        spec = np.fft.rfft(seg)
        freqs = np.fft.rfftfreq(len(seg), 1 / SR)
        return float(np.abs(spec[(freqs > 290) & (freqs < 310)]).max())

    # Relative to the undipped mix, the music drops about 8 dB in the loud part only.
    loud = 20 * np.log10(music_rms(ducked, 7, 8.5) / music_rms(flat, 7, 8.5))
    quiet = 20 * np.log10(music_rms(ducked, 2, 4) / music_rms(flat, 2, 4))
    assert loud - quiet == pytest.approx(-8, abs=2)


def test_silence_in_gives_silence_out_without_errors() -> None:
    out = mix(None, None, SR * 3)
    assert not out.any()


def test_a_clip_shorter_than_a_gating_block_is_still_normalized() -> None:
    out = mix(tone(500, 0.2, 0.9), None, int(0.2 * SR))
    assert 20 * np.log10(true_peak(out)) <= -1.0
