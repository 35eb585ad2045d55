"""Drum hits, synthesized once per (kit, key, sample rate) and cached.

Kits: chip (NES-style sample-and-hold noise and a triangle kick), fm, rock, orch (timpani-like
toms, march snare, shaker), deep (low heartbeat), electro (808-like), dusty (low-passed,
lo-fi). Unknown keys fall back to the snare. Every hit is shape (n,) float32, peak about 1,
high-passed at HIGHPASS_HZ like every other source. The electro snare and clap carry a gated
reverb (a dense burst of decaying noise cut off after ~220 ms, the 80s sound); the rock kit
hits harder, with a brighter crack (presence at 2-5 kHz).
"""

from __future__ import annotations

import zlib
from functools import lru_cache

import numpy as np

from gamemusic.music.dsp import highpass1, lowpass1
from gamemusic.music.styles import CLAP, CRASH, HAT, KICK, OPEN, RIDE, RIM, SHAKER, SNARE, TOM
from gamemusic.music.tables import HIGHPASS_HZ

PAN = {HAT: 0.3, OPEN: 0.3, SHAKER: 0.35, CRASH: -0.3, RIDE: 0.25, TOM: -0.15, CLAP: 0.1}
LEVEL = {
    KICK: 1.0,
    SNARE: 0.75,
    CLAP: 0.6,
    RIM: 0.4,
    HAT: 0.3,
    OPEN: 0.3,
    SHAKER: 0.28,
    CRASH: 0.4,
    RIDE: 0.3,
    TOM: 0.8,
}


def _rng(kit: str, key: int) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32(f"{kit}:{key}".encode()))


def _t(seconds: float, sr: int) -> np.ndarray:
    return np.arange(int(seconds * sr)) / sr


def _sweep(t: np.ndarray, f0: float, f1: float, tau: float, decay: float) -> np.ndarray:
    """Sine falling from f0 to f1 Hz with time constant tau, exponential amplitude decay."""
    phase = 2 * np.pi * (f1 * t + (f0 - f1) * tau * (1 - np.exp(-t / tau)))
    return np.sin(phase) * np.exp(-t / decay)


_highpass = highpass1
_lowpass = lowpass1


def _held_noise(rng: np.random.Generator, n: int, rate_hz: float, sr: int) -> np.ndarray:
    """NES-like noise: random +-1 values held at `rate_hz`."""
    hold = max(1, int(sr / rate_hz))
    vals = rng.choice((-1.0, 1.0), size=n // hold + 1)
    return np.repeat(vals, hold)[:n]


def _gated_tail(rng: np.random.Generator, t: np.ndarray, sr: int) -> np.ndarray:
    """A gated reverb: dense noise swelling then held, cut off hard at 220 ms."""
    room = _lowpass(_highpass(rng.standard_normal(len(t)), 400, sr), 6000, sr)
    env = np.clip(t / 0.01, 0, 1) * np.exp(-t / 0.5) * (t < 0.22)
    gate = np.clip((0.235 - t) / 0.015, 0, 1)  # 15 ms release, no click
    return 0.35 * room * np.maximum(env, gate * (t >= 0.22) * np.exp(-0.22 / 0.5))


def _hit(kit: str, key: int, sr: int) -> np.ndarray:
    rng = _rng(kit, key)
    noise = rng.standard_normal
    if kit == "chip":
        if key == KICK:
            t = _t(0.22, sr)
            tri = 2 * np.abs(2 * ((np.cumsum(140 * np.exp(-t / 0.03) + 45) / sr) % 1) - 1) - 1
            return np.round(tri * 7.5) / 7.5 * np.exp(-t / 0.09)
        t = _t({HAT: 0.06, OPEN: 0.25, CRASH: 0.9}.get(key, 0.18), sr)
        rate = {HAT: 22000.0, OPEN: 16000.0, CRASH: 12000.0, SHAKER: 20000.0}.get(key, 5000.0)
        dec = {HAT: 0.018, OPEN: 0.08, CRASH: 0.35}.get(key, 0.06)
        return _held_noise(rng, len(t), rate, sr) * np.exp(-t / dec)
    dark = kit in ("dusty", "deep")
    if key == KICK:
        f0, f1, decay = {
            "electro": (150, 52, 0.35),
            "deep": (110, 56, 0.4),
            "dusty": (110, 50, 0.22),
        }.get(kit, (160, 52, 0.18))
        t = _t(min(1.0, decay * 5), sr)
        x = _sweep(t, f0, f1, 0.035, decay)
        click = _highpass(noise(len(t)), 2000, sr) * np.exp(-t / 0.004)
        click *= 0.5 if kit == "rock" else 0.3
        x = x + (0 if dark else click)
    elif key in (SNARE, CLAP, RIM):
        t = _t(0.45 if kit == "electro" else 0.3, sr)
        body = _sweep(t, 240, 180, 0.02, 0.05) * (0.7 if key == SNARE else 0.1)
        hiss = _highpass(noise(len(t)), 1200 if key == SNARE else 900, sr)
        dec = 0.14 if kit == "electro" else 0.075 if kit != "orch" else 0.1
        env = np.exp(-t / dec)
        if key == CLAP:  # three quick bursts and a tail
            env = sum(
                np.exp(-np.clip(t - d, 0, None) / 0.012) * (t >= d) for d in (0.0, 0.011, 0.022)
            ) * 0.5 + np.exp(-t / 0.09) * (t >= 0.022)
        x = body + 0.5 * hiss * env
        if kit == "rock" and key == SNARE:  # harder crack: a 3.5 kHz band burst
            crack = _highpass(_lowpass(noise(len(t)), 5000, sr), 2500, sr)
            x = x + 1.2 * crack * np.exp(-t / 0.035)
        if kit == "electro" and key in (SNARE, CLAP):
            x = x + _gated_tail(rng, t, sr)
        if key == RIM:
            x = _sweep(t, 1700, 1600, 1.0, 0.01)
    elif key in (HAT, OPEN, SHAKER, RIDE, CRASH):
        length, dec = {
            HAT: (0.12, 0.025),
            OPEN: (0.5, 0.14),
            SHAKER: (0.15, 0.04),
            RIDE: (0.9, 0.35),
            CRASH: (1.6, 0.55),
        }[key]
        t = _t(length, sr)
        if kit == "fm" and key in (HAT, OPEN):  # metallic: inharmonic square partials
            x = sum(np.sign(np.sin(2 * np.pi * f * t)) for f in (317, 421, 563, 811, 1093, 1567))
            x = _highpass(x / 6 + 0.3 * noise(len(t)), 6000, sr)
        else:
            x = _highpass(_highpass(noise(len(t)), 5000 if key != SHAKER else 3500, sr), 5000, sr)
        att = np.clip(t / 0.012, 0, 1) if key == SHAKER else 1.0
        x = x * np.exp(-t / dec) * att
    elif key == TOM:
        f0, f1, decay = (110, 82, 0.7) if kit == "orch" else (150, 90, 0.3)
        t = _t(decay * 3, sr)
        x = _sweep(t, f0, f1, 0.08, decay) + 0.3 * _sweep(t, f0 * 1.5, f1 * 1.5, 0.08, decay / 2)
        x = x + 0.15 * _lowpass(noise(len(t)), 600, sr) * np.exp(-t / 0.05)
    else:
        return _hit(kit, SNARE, sr)
    if dark:
        x = _lowpass(_lowpass(x, 3500, sr), 3500, sr)
        x = np.tanh(1.5 * x)
    return x


@lru_cache(maxsize=256)
def drum_hit(kit: str, key: int, sr: int) -> np.ndarray:
    """One hit of `key` (General MIDI drum number) on `kit`, shape (n,) float32, peak 1."""
    x = np.asarray(_hit(kit, key, sr), dtype=np.float64)
    x = highpass1(highpass1(x, HIGHPASS_HZ, sr), HIGHPASS_HZ, sr)
    fade = min(len(x), int(0.01 * sr))
    x[len(x) - fade :] *= np.linspace(1.0, 0.0, fade)
    return (x / max(1e-9, float(np.abs(x).max()))).astype(np.float32)
