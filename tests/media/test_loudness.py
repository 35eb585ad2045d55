"""The streaming loudness meter, on signals the tests make."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import pytest

from gamemusic.media.loudness import SR, LoudnessMeter

rng = np.random.default_rng(5)


def tone(hz: float, seconds: float, amp: float, phase: float = 0.0) -> np.ndarray:
    t = np.arange(int(seconds * SR)) / SR
    x = (amp * np.sin(2 * np.pi * hz * t + phase)).astype(np.float32)
    return x[:, None].repeat(2, axis=1)


def metered(x: np.ndarray, block: int) -> LoudnessMeter:
    meter = LoudnessMeter()
    for i in range(0, len(x), block):
        meter.feed(x[i : i + block])
    return meter


@pytest.mark.parametrize(
    "signal",
    [
        tone(1000, 6, 0.5),
        (rng.standard_normal((SR * 8, 2)) * 0.05).astype(np.float32),
        np.concatenate([tone(440, 3, 0.6), tone(440, 6, 0.001)]),  # the quiet part is gated
    ],
)
def test_loudness_matches_the_reference_meter_whatever_the_block_size(signal: np.ndarray) -> None:
    reference = pyloudnorm.Meter(SR).integrated_loudness(signal.astype(np.float64))
    for block in (441, 4096, SR * 2):
        assert metered(signal, block).lufs() == pytest.approx(reference, abs=0.1)


def test_the_true_peak_is_found_between_samples() -> None:
    x = tone(12000, 1, 1.0, phase=np.pi / 4)  # every sample at 0.707 of the real peak
    meter = metered(x, 1000)
    assert 20 * np.log10(np.abs(x).max()) == pytest.approx(-3.0, abs=0.05)
    assert meter.true_peak_dbtp() == pytest.approx(0.0, abs=0.15)


def test_silence_reads_as_the_floor() -> None:
    meter = metered(np.zeros((SR, 2), np.float32), 4800)
    assert meter.lufs() == -70.0 and meter.true_peak_dbtp() == -120.0


def square(hz: float, seconds: float, amp: float) -> np.ndarray:
    t = np.arange(int(seconds * SR)) / SR
    return (amp * np.sign(np.sin(2 * np.pi * hz * t))).astype(np.float32)[:, None].repeat(2, 1)


@pytest.mark.parametrize(
    "signal",
    [
        square(1000, 1, 0.5),  # rings at every edge
        tone(440, 1.01, 0.5, phase=0.2),  # stops dead near a crest
        (rng.standard_normal((SR * 3, 2)) * 0.1).astype(np.float32),
        np.concatenate([tone(300, 2, 0.05), tone(3000, 0.5, 0.4), tone(300, 2, 0.05)]),
    ],
)
def test_the_true_peak_agrees_with_oversampling_the_whole_signal(signal: np.ndarray) -> None:
    from scipy.signal import resample_poly

    padded = np.concatenate([signal, np.zeros((64, 2), np.float32)])  # it ends in silence
    whole = 20 * np.log10(np.abs(resample_poly(padded, 4, 1, axis=0)).max())
    assert metered(signal, 3000).true_peak_dbtp() == pytest.approx(whole, abs=0.02)
