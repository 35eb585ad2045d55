"""Mix music under the game audio: level, ducking, fades, loudness and true peak.

All signals are (samples, 2) float32 at 48 kHz. The music sits `MUSIC_UNDER_DB` below the
game audio's loudness at the default volume (35%), dips a further `duck_db` while the game or
a voice is loud (attack ~50 ms, release ~400 ms), fades in and out, and the sum is brought to
-14 LUFS integrated with true peak <= -1 dBTP (4x oversampled, look-ahead limiter).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyloudnorm
from scipy.ndimage import minimum_filter1d, uniform_filter1d
from scipy.signal import resample_poly, sosfilt

SR = 48000
MUSIC_UNDER_DB = 18.0
DEFAULT_VOLUME = 0.35
TARGET_LUFS = -14.0
PEAK_DBTP = -1.0
_PEAK_MARGIN_DB = 0.6  # headroom for the AAC encoder's overshoot
_HOP = 480  # 10 ms envelope frames
_SILENT_LUFS = -60.0


@dataclass(frozen=True)
class MixSettings:
    volume: float = DEFAULT_VOLUME
    duck: bool = True
    duck_db: float = 8.0
    fade_in_s: float = 1.5
    fade_out_s: float = 2.5
    attack_s: float = 0.05
    release_s: float = 0.4
    target_lufs: float = TARGET_LUFS
    peak_dbtp: float = PEAK_DBTP


def _db(x: np.ndarray | float) -> np.ndarray | float:
    return 20 * np.log10(np.maximum(x, 1e-9))


def _k_weighting_sos(sr: int) -> np.ndarray:
    """BS.1770 K-weighting (high shelf + high pass) as second-order sections."""
    meter = pyloudnorm.Meter(sr)
    sos = []
    for f in meter._filters.values():  # the same two biquads pyloudnorm uses
        b, a = f.b, f.a
        sos.append(np.concatenate([b / a[0], a / a[0]]))
    return np.asarray(sos)


_SOS: dict[int, np.ndarray] = {}


def integrated_lufs(audio: np.ndarray, sr: int = SR) -> float:
    """Integrated loudness (BS.1770-4, gated) of (samples, channels) audio, vectorized.
    Returns -70 for silence; very short audio is measured ungated."""
    if not len(audio):
        return -70.0
    sos = _SOS.get(sr)
    if sos is None:
        sos = _SOS[sr] = _k_weighting_sos(sr)
    weighted = sosfilt(sos, audio.astype(np.float64, copy=False), axis=0)
    power = np.square(weighted).sum(axis=1)  # channel weights are 1 for L/R
    hop, block = int(0.1 * sr), int(0.4 * sr)
    if len(power) < block:
        mean = float(power.mean())
        return -0.691 + 10 * np.log10(mean) if mean > 0 else -70.0
    csum = np.concatenate([[0.0], np.cumsum(power)])
    starts = np.arange(0, len(power) - block + 1, hop)
    z = (csum[starts + block] - csum[starts]) / block
    loud = -0.691 + 10 * np.log10(np.maximum(z, 1e-20))
    z = z[loud > -70.0]
    if not len(z):
        return -70.0
    relative = -0.691 + 10 * np.log10(z.mean()) - 10.0
    z = z[-0.691 + 10 * np.log10(z) > relative]
    return float(-0.691 + 10 * np.log10(z.mean())) if len(z) else -70.0


def envelope_db(audio: np.ndarray, hop: int = _HOP) -> np.ndarray:
    """Short-term level per `hop` samples, dB RMS of the mono sum: shape (frames,)."""
    mono = audio.mean(axis=1) if audio.ndim == 2 else audio
    frames = len(mono) // hop
    if frames == 0:
        return np.full(1, -120.0, np.float32)
    power = np.square(mono[: frames * hop].reshape(frames, hop)).mean(axis=1)
    power = uniform_filter1d(power, size=5)  # 50 ms window
    return (10 * np.log10(np.maximum(power, 1e-12))).astype(np.float32)


def intensity_curve(audio: np.ndarray | None, duration_s: float, step_s: float = 0.5) -> np.ndarray:
    """Game-audio energy per `step_s`, 0..1 (for the composer): shape (ceil(duration/step),)."""
    n = max(1, int(np.ceil(duration_s / step_s)))
    if audio is None or not len(audio):
        return np.full(n, 0.5, np.float32)
    env = envelope_db(audio, hop=int(step_s * SR))[:n]
    env = np.pad(env, (0, n - len(env)), mode="edge")
    lo, hi = np.percentile(env, 10), np.percentile(env, 95)
    if hi - lo < 3:
        return np.full(n, 0.5, np.float32)
    return np.clip((env - lo) / (hi - lo), 0, 1).astype(np.float32)


def _smooth_gain(target_db: np.ndarray, attack_frames: float, release_frames: float) -> np.ndarray:
    """One-pole smoothing of a gain curve in dB: falls at the attack rate, recovers at release."""
    a_att = np.exp(-1.0 / max(attack_frames, 1e-3))
    a_rel = np.exp(-1.0 / max(release_frames, 1e-3))
    out = np.empty_like(target_db)
    g = 0.0
    for i, t in enumerate(target_db.tolist()):  # ~100 frames per second: cheap
        coeff = a_att if t < g else a_rel
        g = coeff * g + (1 - coeff) * t
        out[i] = g
    return out


def duck_gain(game: np.ndarray, n: int, settings: MixSettings, game_lufs: float) -> np.ndarray:
    """Per-sample music gain (linear, shape (n,)) that dips while the game or a voice is loud."""
    env = envelope_db(game)
    # Fully ducked 3 dB above the game's loudness, not at all 9 dB below it: a ramp between.
    depth = np.clip((env - (game_lufs - 9.0)) / 6.0, 0.0, 1.0)
    target = -settings.duck_db * depth
    frame_s = _HOP / SR
    smoothed = _smooth_gain(target, settings.attack_s / frame_s, settings.release_s / frame_s)
    positions = (np.arange(len(smoothed)) + 0.5) * _HOP
    per_sample = np.interp(np.arange(n), positions, smoothed).astype(np.float32)
    return (10 ** (per_sample / 20)).astype(np.float32)


def apply_fades(audio: np.ndarray, fade_in_s: float, fade_out_s: float) -> np.ndarray:
    """Equal-power fades in place on (samples, 2) audio; returns it."""
    n = len(audio)
    for seconds, rising in ((fade_in_s, True), (fade_out_s, False)):
        k = min(n, int(seconds * SR))
        if k <= 1:
            continue
        ramp = np.sin(np.linspace(0, np.pi / 2, k, dtype=np.float32)) ** 2
        if rising:
            audio[:k] *= ramp[:, None]
        else:
            audio[-k:] *= ramp[::-1, None]
    return audio


def _peak(audio: np.ndarray) -> np.ndarray:
    """Per-sample max of |left|, |right|: shape (samples,)."""
    return np.maximum(np.abs(audio[:, 0]), np.abs(audio[:, 1]))


def true_peak(audio: np.ndarray) -> float:
    """Linear true peak: max of the 4x oversampled signal."""
    if not len(audio):
        return 0.0
    return float(max(_peak(resample_poly(audio, 4, 1, axis=0)).max(), _peak(audio).max()))


def _block_true_peaks(padded: np.ndarray, blocks: np.ndarray, block: int) -> np.ndarray:
    """4x-oversampled peaks of the given blocks (with 16 samples of context each side)."""
    ctx = 16
    edge = np.pad(padded, ((ctx, ctx), (0, 0)))
    idx = blocks[:, None] * block + np.arange(block + 2 * ctx)[None, :]
    segs = edge[idx]  # (hot, block + 2 ctx, 2)
    up = resample_poly(segs, 4, 1, axis=1)[:, 4 * ctx : 4 * (ctx + block)]
    return np.maximum(np.abs(up[..., 0]), np.abs(up[..., 1])).max(axis=1)


def limit(audio: np.ndarray, ceiling_db: float, block: int = 64) -> np.ndarray:
    """Look-ahead peak limiter on (samples, 2) audio: gain never lets the 4x true peak of a
    block exceed the ceiling; gain changes are smoothed over ~5 ms / recover over ~100 ms."""
    ceiling = 10 ** (ceiling_db / 20)
    n = len(audio)
    blocks = -(-n // block)
    padded = np.zeros((blocks * block, 2), np.float32)
    padded[:n] = audio
    peaks = _peak(padded).reshape(blocks, block).max(axis=1)
    # Oversample only blocks near the ceiling: inter-sample peaks exceed sample peaks by < 3 dB.
    hot = np.flatnonzero(peaks > ceiling * 0.7)
    if len(hot):
        peaks[hot] = np.maximum(peaks[hot], _block_true_peaks(padded, hot, block))
    need = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-9))
    if need.min() >= 1.0:
        return audio
    need = minimum_filter1d(need, size=5, mode="nearest")  # look ahead and behind 2 blocks
    release = uniform_filter1d(minimum_filter1d(need, size=75, mode="nearest"), size=75)
    gain_blocks = minimum_filter1d(np.minimum(need, release), size=3, mode="nearest")
    centers = (np.arange(blocks) + 0.5) * block
    gain = np.interp(np.arange(n), centers, gain_blocks).astype(np.float32)
    return audio * gain[:, None]


def normalize(audio: np.ndarray, settings: MixSettings) -> np.ndarray:
    """Bring to the target loudness with true peak under the ceiling."""
    ceiling = settings.peak_dbtp - _PEAK_MARGIN_DB
    lufs = integrated_lufs(audio)
    if lufs <= _SILENT_LUFS:
        return audio
    gain_db = settings.target_lufs - lufs
    out = audio
    for _ in range(3):
        out = limit(audio * np.float32(10 ** (gain_db / 20)), ceiling)
        shortfall = settings.target_lufs - integrated_lufs(out)
        if abs(shortfall) < 0.3:
            break
        gain_db += shortfall  # the limiter took some loudness: push a little harder
    return np.clip(out, -1.0, 1.0).astype(np.float32)


def mix(
    game: np.ndarray | None,
    music: np.ndarray | None,
    n: int,
    *,
    music_start: int = 0,
    settings: MixSettings = MixSettings(),
) -> np.ndarray:
    """Mix `music` (placed at sample `music_start`) under `game`; output (n, 2) float32.

    `game` None or silent: the music carries the clip. `music` None: the game audio alone,
    normalized."""
    out = np.zeros((n, 2), np.float32)
    game_lufs = -70.0
    if game is not None and len(game):
        k = min(n, len(game))
        out[:k] = game[:k]
        game_lufs = integrated_lufs(out)
    if music is not None and len(music):
        k = max(0, min(len(music), n - music_start))
        placed = apply_fades(
            music[:k].astype(np.float32, copy=True), settings.fade_in_s, settings.fade_out_s
        )
        music_lufs = integrated_lufs(placed)
        if game_lufs > _SILENT_LUFS and music_lufs > _SILENT_LUFS:
            level = game_lufs - MUSIC_UNDER_DB + float(_db(settings.volume / DEFAULT_VOLUME))
            placed *= np.float32(10 ** ((level - music_lufs) / 20))
            if settings.duck:
                placed *= duck_gain(out, n, settings, game_lufs)[
                    music_start : music_start + k, None
                ]
        elif music_lufs > _SILENT_LUFS:
            placed *= np.float32(min(1.0, settings.volume / DEFAULT_VOLUME))
        out[music_start : music_start + k] += placed
    return normalize(out, settings)
