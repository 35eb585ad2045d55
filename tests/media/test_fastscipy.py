"""The FFT, saxpy and running median we load without scipy's packages give scipy's answers."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
import scipy.fft
from scipy.linalg.blas import saxpy as scipy_saxpy
from scipy.ndimage import median_filter

from gamemusic import fastscipy
from gamemusic.media.onsets import running_median

RNG = np.random.default_rng(7)


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int16])
@pytest.mark.parametrize("n", [None, 100, 256, 1000])
@pytest.mark.parametrize("axis", [-1, 0, 1])
def test_rfft_and_irfft_match_scipy(dtype: type, n: int | None, axis: int) -> None:
    x = (RNG.standard_normal((3, 300, 2)) * 1000).astype(dtype)
    ours, theirs = fastscipy.rfft(x, n, axis=axis), scipy.fft.rfft(x, n, axis=axis)
    assert ours.dtype == theirs.dtype and ours.shape == theirs.shape
    np.testing.assert_array_equal(ours, theirs)
    back = fastscipy.irfft(ours, n, axis=axis, workers=-1)
    np.testing.assert_array_equal(back, scipy.fft.irfft(theirs, n, axis=axis))


def test_next_fast_len_matches_scipy() -> None:
    for target in (1, 7, 97, 1000, 48_001, 1 << 20):
        assert fastscipy.next_fast_len(target, real=True) == scipy.fft.next_fast_len(target, True)


def test_saxpy_adds_in_place_at_an_offset() -> None:
    x = RNG.standard_normal(50).astype(np.float32)
    y1, y2 = np.zeros(80, np.float32), np.zeros(80, np.float32)
    fastscipy.saxpy()(x, y1, n=50, a=0.5, offy=20)
    scipy_saxpy(x, y2, n=50, a=0.5, offy=20)
    np.testing.assert_array_equal(y1, y2)
    assert y1[:20].max() == 0 and y1[20:70].any()


@pytest.mark.parametrize(("n", "width"), [(1, 3), (5, 3), (30, 47), (5000, 47)])
def test_running_median_matches_scipy_nearest(n: int, width: int) -> None:
    x = RNG.standard_normal(n).astype(np.float32)
    ours = running_median(x, width, chunk=700)
    np.testing.assert_array_equal(ours, median_filter(x, size=width, mode="nearest"))


def test_making_and_measuring_music_loads_no_scipy_package() -> None:
    """scipy.fft, scipy.linalg and scipy.ndimage cost 0.15-0.5 s to import: none of them is
    on the path from a piece to its measured, onset-read sound."""
    code = (
        "import sys, numpy as np, gamemusic.music as gm\n"
        "from gamemusic.media.meter import Meter\n"
        "from gamemusic.media.onsets import onset_frames\n"
        "x = gm.synthesize(gm.compose('lofi', 8.0, seed=1))\n"
        "m = Meter(); m.feed(x); m.finish()\n"
        "onset_frames(np.abs(x[::480, 0]), 0.01)\n"
        "print(sorted(k for k in sys.modules if k in ('scipy', 'scipy.fft', 'scipy.linalg',"
        " 'scipy.ndimage', 'scipy.signal')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_linear_filter_matches_lfilter() -> None:
    from scipy.signal import lfilter

    x = RNG.standard_normal((2, 5000))
    b, a = np.array([1.0, -1.0]), np.array([1.0, -0.995])
    np.testing.assert_array_equal(fastscipy.linear_filter(b, a, x), lfilter(b, a, x, axis=-1))
