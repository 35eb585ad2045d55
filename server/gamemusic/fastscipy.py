"""scipy's compiled FFT (pocketfft), linear filter and BLAS `saxpy`, loaded without scipy's
packages.

Importing scipy.fft, scipy.signal and scipy.linalg costs 0.15-1 s of start-up, nearly all of
it in scipy's array-API layer, on the path before a render's first mixed block; the extension
modules alone load in under 10 ms each. `rfft`, `irfft` and `next_fast_len` behave as scipy.fft's
(backward normalization, n pads or truncates along `axis`); where scipy's files are laid
out otherwise than expected, the public modules are imported instead.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np


def _extension(name: str, relative: str) -> ModuleType | None:
    """Load the compiled module scipy/<relative><suffix> as `name`, or None if absent."""
    spec = importlib.util.find_spec("scipy")
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(next(iter(spec.submodule_search_locations)))
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = root / f"{relative}{suffix}"
        if path.is_file():
            loader = importlib.machinery.ExtensionFileLoader(name, str(path))
            found = importlib.util.spec_from_file_location(name, path, loader=loader)
            if found is None:
                return None
            module = importlib.util.module_from_spec(found)
            loader.exec_module(module)
            return module
    return None


@cache
def _module(name: str) -> Any:
    """scipy's compiled module `name` (dotted), loaded alone; imported where that fails."""
    try:
        module = _extension(name, name.removeprefix("scipy.").replace(".", "/"))
    except ImportError:
        module = None
    return module if module is not None else importlib.import_module(name)


def _pocketfft() -> Any:
    return _module("scipy.fft._pocketfft.pypocketfft")


def _workers(workers: int) -> int:
    return workers + 1 + (os.cpu_count() or 1) if workers < 0 else workers


def _floats(x: Any) -> np.ndarray:
    x = np.asarray(x)
    if x.dtype.kind not in "fc" or x.dtype == np.float16:
        return x.astype(np.float32 if x.dtype == np.float16 else np.float64)
    return x


def _fit(x: np.ndarray, n: int, axis: int) -> np.ndarray:
    """x cut or zero-padded to length n along axis."""
    have = x.shape[axis]
    if have >= n:
        return x if have == n else np.take(x, np.arange(n), axis=axis)
    shape = list(x.shape)
    shape[axis] = n
    out = np.zeros(shape, x.dtype)
    index = [slice(None)] * x.ndim
    index[axis] = slice(0, have)
    out[tuple(index)] = x
    return out


def rfft(x: Any, n: int | None = None, axis: int = -1, workers: int = 1) -> np.ndarray:
    """scipy.fft.rfft: float32 in, complex64 out; float64 in, complex128 out."""
    x = _floats(x)
    if n is not None:
        x = _fit(x, n, axis)
    return _pocketfft().r2c(x, (axis,), True, 0, None, _workers(workers))


def irfft(x: Any, n: int | None = None, axis: int = -1, workers: int = 1) -> np.ndarray:
    """scipy.fft.irfft: n real samples from n // 2 + 1 bins (default 2 * (bins - 1))."""
    x = _floats(x)
    if x.dtype.kind != "c":
        x = x + 0j
    if n is None:
        n = 2 * (x.shape[axis] - 1)
    else:
        x = _fit(x, n // 2 + 1, axis)
    return _pocketfft().c2r(x, (axis,), n, False, 2, None, _workers(workers))


def next_fast_len(target: int, real: bool = False) -> int:
    return int(_pocketfft().good_size(target, real))


def saxpy() -> Callable[..., Any]:
    """BLAS saxpy (y += a * x on float32, in place): scipy.linalg.blas.saxpy."""
    return _module("scipy.linalg._fblas").saxpy


def linear_filter(b: np.ndarray, a: np.ndarray, x: np.ndarray) -> np.ndarray:
    """scipy.signal.lfilter(b, a, x) along the last axis, zero initial state."""
    return _module("scipy.signal._sigtools")._linear_filter(b, a, x, -1)
