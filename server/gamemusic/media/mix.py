"""Mix music under the game audio: level, ducking, fades, loudness and true peak.

Public signals are (samples, 2) float32 at 48 kHz; inside, planar (2, samples). The music sits
`MUSIC_UNDER_DB` below the game audio's loudness at the default volume (35%), dips a further
`duck_db` while the game or a voice is loud (attack ~50 ms, release ~400 ms), fades in and
out, and the sum is brought to -14 LUFS integrated with true peak <= -1 dBTP.

Speed: loudness is BS.1770 gated loudness computed from K-weighted power per 100 ms hop, the
K-weighting applied in the frequency domain of each hop. Because the mix is game + g·d(t)·music
with slowly varying gains, its hop powers follow from three spectra products (game, music and
their cross term) without filtering the mix again; the limiter works on 64-sample block peaks.
So finding the gains costs a few operations on small arrays, and the samples are touched once.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

import numpy as np

from gamemusic import defaults

SR = 48000
MUSIC_UNDER_DB = 18.0
DEFAULT_VOLUME = defaults.VOLUME
TARGET_LUFS = -14.0
PEAK_DBTP = -1.0
_PEAK_MARGIN_DB = 0.8  # headroom for the AAC encoder's overshoot
_ENV_HOP = 480  # 10 ms envelope frames for ducking
_HOP = 4800  # 100 ms loudness hops (a 400 ms gating block is 4 hops)
_BLOCK = 64  # limiter block
_SILENT_LUFS = -60.0

# BS.1770 K-weighting at 48 kHz: high shelf then high pass (biquad coefficients b, a).
_K_STAGES = (
    (
        (1.53512485958697, -2.69169618940638, 1.19839281085285),
        (1.0, -1.69065929318241, 0.73248077421585),
    ),
    ((1.0, -2.0, 1.0), (1.0, -1.99004745483398, 0.99007225036621)),
)


@dataclass(frozen=True)
class MixSettings:
    volume: float = DEFAULT_VOLUME
    duck: bool = defaults.DUCK
    duck_db: float = defaults.DUCK_DB
    fade_in_s: float = defaults.FADE_IN_S
    fade_out_s: float = defaults.FADE_OUT_S
    attack_s: float = 0.05
    release_s: float = 0.4
    target_lufs: float = TARGET_LUFS
    peak_dbtp: float = PEAK_DBTP


def _db(x: float) -> float:
    return float(20 * np.log10(max(x, 1e-9)))


def _upsample(values: np.ndarray, step: int, n: int) -> np.ndarray:
    """Linear interpolation of values given at the centers of `step`-sample frames onto n
    samples: (n,) float32. Regular grid, so no search: one broadcast per frame."""
    v = values.astype(np.float32)
    edges = np.concatenate([v[:1], (v[:-1] + v[1:]) / 2, v[-1:]])  # values at frame edges
    ramp = np.arange(step, dtype=np.float32) / step
    per_frame = edges[:-1, None] + (edges[1:] - edges[:-1])[:, None] * ramp[None, :]
    flat = per_frame.reshape(-1)
    if len(flat) < n:
        flat = np.pad(flat, (0, n - len(flat)), mode="edge")
    return flat[:n]


def _planar(audio: np.ndarray | None, n: int) -> np.ndarray:
    """(samples, 2) -> (2, n) float32, cut or zero-padded to n."""
    out = np.zeros((2, n), np.float32)
    if audio is not None and len(audio):
        k = min(n, len(audio))
        out[:, :k] = audio[:k].T
    return out


def _k_weight_power() -> np.ndarray:
    """|H(f)|^2 of the K-weighting on the rfft bins of a hop, with the one-sided factor."""
    z = np.exp(-1j * np.pi * np.arange(_HOP // 2 + 1) / (_HOP // 2))
    h = np.ones_like(z)
    for b, a in _K_STAGES:
        h *= (b[0] + b[1] * z + b[2] * z**2) / (a[0] + a[1] * z + a[2] * z**2)
    w = np.abs(h) ** 2
    w[1:-1] *= 2  # one-sided spectrum: every bin but DC and Nyquist stands for two
    return (w / _HOP**2).astype(np.float32)


_KW = _k_weight_power()


def _fft() -> ModuleType:
    """scipy.fft, imported on first use (0.1-0.2 s) so start-up does not wait for it."""
    import scipy.fft

    return scipy.fft


def _hop_spectra(x: np.ndarray) -> np.ndarray:
    """rfft of each whole 100 ms hop of planar x: (2, hops, HOP/2+1) complex64."""
    sfft = _fft()
    hops = x.shape[1] // _HOP
    return sfft.rfft(x[:, : hops * _HOP].reshape(2, hops, _HOP), axis=2, workers=-1)


def _hop_power(a: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
    """K-weighted mean-square per hop, summed over channels: (hops,). With b, the cross term
    Re(a·conj(b))."""
    prod = a.real**2 + a.imag**2 if b is None else a.real * b.real + a.imag * b.imag
    return (prod @ _KW).sum(axis=0)


def _gated(hop_power: np.ndarray) -> float:
    """BS.1770 gated integrated loudness from 100 ms hop powers."""
    if len(hop_power) < 4:
        mean = float(hop_power.mean()) if len(hop_power) else 0.0
        return -0.691 + 10 * np.log10(mean) if mean > 0 else -70.0
    c = np.concatenate([[0.0], np.cumsum(hop_power, dtype=np.float64)])
    z = (c[4:] - c[:-4]) / 4
    z = z[z > 10 ** ((-70.0 + 0.691) / 10)]
    if not len(z):
        return -70.0
    relative = 10 ** ((-0.691 + 10 * np.log10(z.mean()) - 10.0 + 0.691) / 10)
    z = z[z > relative]
    return float(-0.691 + 10 * np.log10(z.mean())) if len(z) else -70.0


def _short_lufs(x: np.ndarray) -> float:
    """Ungated loudness of planar audio shorter than one gating block."""
    n = x.shape[1]
    if n == 0:
        return -70.0
    padded = np.zeros((2, _HOP), np.float32)
    padded[:, : min(n, _HOP)] = x[:, :_HOP]
    p = float(_hop_power(_fft().rfft(padded, axis=1)[:, None, :])[0]) * _HOP / min(n, _HOP)
    return -0.691 + 10 * np.log10(p) if p > 0 else -70.0


def integrated_lufs(audio: np.ndarray) -> float:
    """Integrated loudness (BS.1770, gated) of (samples, 2) float audio at 48 kHz."""
    x = _planar(audio, len(audio))
    if x.shape[1] < 4 * _HOP:
        return _short_lufs(x)
    return _gated(_hop_power(_hop_spectra(x)))


def _moving(x: np.ndarray, size: int, how: str) -> np.ndarray:
    """Centered moving min or mean over `size` samples (edges repeat)."""
    if size <= 1:
        return x
    padded = np.pad(x, (size // 2, size - 1 - size // 2), mode="edge")
    if how == "min":
        return np.lib.stride_tricks.sliding_window_view(padded, size).min(axis=1)
    c = np.concatenate([[0.0], np.cumsum(padded, dtype=np.float64)])
    return ((c[size:] - c[:-size]) / size).astype(x.dtype)


def envelope_db(x: np.ndarray, hop: int = _ENV_HOP) -> np.ndarray:
    """Short-term level of planar audio per `hop` samples, dB RMS of the mono sum: (frames,)."""
    mono = x.mean(axis=0)
    frames = len(mono) // hop
    if frames == 0:
        return np.full(1, -120.0, np.float32)
    power = np.square(mono[: frames * hop].reshape(frames, hop)).mean(axis=1)
    power = _moving(power, 5, "mean") if hop == _ENV_HOP else power
    return (10 * np.log10(np.maximum(power, 1e-12))).astype(np.float32)


def intensity_curve(audio: np.ndarray | None, duration_s: float, step_s: float = 0.5) -> np.ndarray:
    """Game-audio energy per `step_s`, 0..1 (for the composer): shape (ceil(duration/step),)."""
    n = max(1, int(np.ceil(duration_s / step_s)))
    if audio is None or not len(audio):
        return np.full(n, 0.5, np.float32)
    env = envelope_db(_planar(audio, len(audio)), hop=int(step_s * SR))[:n]
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
    for i, t in enumerate(target_db.tolist()):  # 100 frames per second: cheap
        coeff = a_att if t < g else a_rel
        g = coeff * g + (1 - coeff) * t
        out[i] = g
    return out


def duck_gain(game: np.ndarray, settings: MixSettings, game_lufs: float) -> np.ndarray:
    """Per-sample music gain (linear, (n,) for planar game (2, n)) that dips while the game
    or a voice is loud: none 9 dB below the game's loudness, full duck_db 3 dB above it."""
    n = game.shape[1]
    env = envelope_db(game)
    depth = np.clip((env - (game_lufs - 9.0)) / 6.0, 0.0, 1.0)
    frame_s = _ENV_HOP / SR
    smoothed = _smooth_gain(
        -settings.duck_db * depth, settings.attack_s / frame_s, settings.release_s / frame_s
    )
    return (10 ** (_upsample(smoothed, _ENV_HOP, n) / 20)).astype(np.float32)


def fade_curve(n: int, fade_in_s: float, fade_out_s: float) -> np.ndarray:
    """Equal-power fade-in/out gains: (n,) float32."""
    g = np.ones(n, np.float32)
    for seconds, rising in ((fade_in_s, True), (fade_out_s, False)):
        k = min(n, int(seconds * SR))
        if k > 1:
            ramp = np.sin(np.linspace(0, np.pi / 2, k, dtype=np.float32)) ** 2
            if rising:
                g[:k] *= ramp
            else:
                g[-k:] *= ramp[::-1]
    return g


def _upsampled_peaks(x: np.ndarray, blocks: np.ndarray, factor: int = 4) -> np.ndarray:
    """Peaks of the given 64-sample blocks of planar x, band-limited interpolation x`factor`
    (FFT over each block with 32 samples of context each side)."""
    ctx = 32
    padded = np.pad(x, ((0, 0), (ctx, ctx + _BLOCK)))
    idx = blocks[:, None] * _BLOCK + np.arange(_BLOCK + 2 * ctx)[None, :]
    taper = np.ones(_BLOCK + 2 * ctx, np.float32)
    ramp = np.sin(np.linspace(0, np.pi / 2, ctx, dtype=np.float32)) ** 2
    taper[:ctx], taper[-ctx:] = ramp, ramp[::-1]  # flat over the block itself
    segs = padded[:, idx] * taper
    m = segs.shape[-1]
    sfft = _fft()
    spec = sfft.rfft(segs, axis=-1)
    up = sfft.irfft(spec, n=m * factor, axis=-1) * factor
    center = np.abs(up[..., factor * ctx : factor * (ctx + _BLOCK)])
    return center.max(axis=(0, 2))


def _block_peaks(x: np.ndarray, near: float) -> np.ndarray:
    """Per-64-sample-block peak of planar x; blocks above `near` get their true (4x) peak."""
    n = x.shape[1]
    blocks = -(-n // _BLOCK)
    padded = np.zeros((2, blocks * _BLOCK), np.float32)
    padded[:, :n] = x
    peaks = np.abs(padded).reshape(2, blocks, _BLOCK).max(axis=(0, 2))
    hot = np.flatnonzero(peaks > near)
    if len(hot):
        peaks[hot] = np.maximum(peaks[hot], _upsampled_peaks(padded, hot))
    return peaks


def true_peak(audio: np.ndarray) -> float:
    """Linear true peak of (samples, 2) audio: max of the 4x band-limited interpolation."""
    if not len(audio):
        return 0.0
    return float(_block_peaks(_planar(audio, len(audio)), near=0.0).max())


def _limiter_gain(peaks: np.ndarray, ceiling: float) -> np.ndarray:
    """Per-block gain keeping every block's peak under the ceiling: look-ahead of 2 blocks,
    recovery over ~75 blocks (100 ms)."""
    need = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-9))
    if need.min() >= 1.0:
        return need
    need = _moving(need, 5, "min")
    release = _moving(_moving(need, 75, "min"), 75, "mean")
    return _moving(np.minimum(need, release), 3, "min")


def _per_hop(block_values: np.ndarray, hops: int) -> np.ndarray:
    """Mean of per-block values over each hop (75 blocks): (hops,)."""
    per = _HOP // _BLOCK
    v = block_values[: hops * per]
    if len(v) < hops * per:
        v = np.pad(v, (0, hops * per - len(v)), mode="edge")
    return v.reshape(hops, per).mean(axis=1)


@dataclass
class GameBed:
    """The game audio made ready for mixing: planar samples (2, n) and, for clips of 400 ms
    or more, its hop spectra, hop powers, loudness and ducking curve (n,)."""

    x: np.ndarray
    spectra: np.ndarray | None = None
    hop_power: np.ndarray | None = None
    lufs: float = -70.0
    duck: np.ndarray | None = None


def analyse_game(game: np.ndarray | None, n: int, settings: MixSettings = MixSettings()) -> GameBed:
    """Everything the mix needs from the game audio; independent of the music, so it can run
    while the music is synthesized."""
    bed = GameBed(x=_planar(game, n))
    if n < 4 * _HOP:
        return bed
    bed.spectra = _hop_spectra(bed.x)
    bed.hop_power = _hop_power(bed.spectra)
    bed.lufs = _gated(bed.hop_power)
    if settings.duck and bed.lufs > _SILENT_LUFS:
        bed.duck = duck_gain(bed.x, settings, bed.lufs)
    return bed


def mix(
    game: np.ndarray | GameBed | None,
    music: np.ndarray | None,
    n: int,
    *,
    music_start: int = 0,
    settings: MixSettings = MixSettings(),
) -> np.ndarray:
    """Mix `music` (placed at sample `music_start`) under `game` (samples, or a GameBed from
    `analyse_game` with the same n and settings); returns (n, 2) float32 (a transposed view
    of planar memory: use np.ascontiguousarray for interleaved bytes).

    `game` None or silent: the music carries the clip. `music` None: the game audio alone."""
    bed = game if isinstance(game, GameBed) else analyse_game(game, n, settings)
    m_x = np.zeros((2, n), np.float32)
    if music is not None and len(music):
        k = max(0, min(len(music), n - music_start))
        m_x[:, music_start : music_start + k] = music[:k].T
        m_x[:, music_start : music_start + k] *= fade_curve(
            k, settings.fade_in_s, settings.fade_out_s
        )
    if bed.spectra is None or bed.hop_power is None:
        return _mix_short(bed.x, m_x, settings)

    hops = n // _HOP
    have_game = bed.lufs > _SILENT_LUFS
    p_mm = p_gm = np.zeros(hops, np.float32)
    gain = np.ones(n, np.float32)
    if music is not None and len(music):
        ms = _hop_spectra(m_x)
        p_mm = _hop_power(ms)
        p_gm = _hop_power(bed.spectra, ms) if have_game else p_gm
        music_lufs = _gated(p_mm)
        if have_game and music_lufs > _SILENT_LUFS:
            level = bed.lufs - MUSIC_UNDER_DB + _db(settings.volume / DEFAULT_VOLUME)
            gain *= np.float32(10 ** ((level - music_lufs) / 20))
            if bed.duck is not None:
                gain *= bed.duck
        else:
            gain *= np.float32(min(1.0, settings.volume / DEFAULT_VOLUME))
    d1 = _per_hop(_block_mean(gain), hops)
    d2 = _per_hop(_block_mean(gain * gain), hops)
    m_x *= gain  # in place: every fresh 46 MB array costs page faults
    m_x += bed.x
    return _normalize(m_x, bed.hop_power + 2 * d1 * p_gm + d2 * p_mm, settings)


def _block_mean(values: np.ndarray) -> np.ndarray:
    blocks = -(-len(values) // _BLOCK)
    padded = np.pad(values, (0, blocks * _BLOCK - len(values)), mode="edge")
    return padded.reshape(blocks, _BLOCK).mean(axis=1)


def _normalize(x: np.ndarray, hop_power: np.ndarray, settings: MixSettings) -> np.ndarray:
    """Scale planar x (whose K-weighted hop powers are given) to the target loudness, with a
    limiter keeping the true peak under the ceiling; returns (samples, 2).

    The gain is found on block arrays (hop powers x mean limiter gain per hop); the result
    is then measured for real once and corrected if the estimate missed by > 0.2 LU."""
    lufs = _gated(hop_power)
    if lufs <= _SILENT_LUFS:
        return x.T
    ceiling = 10 ** ((settings.peak_dbtp - _PEAK_MARGIN_DB) / 20)
    peaks = _block_peaks(x, near=ceiling * 10 ** ((lufs - settings.target_lufs) / 20) * 0.5)
    hops = len(hop_power)
    gain_db = settings.target_lufs - lufs
    for attempt in range(3):
        for _ in range(4):
            scale = 10 ** (gain_db / 20)
            limiter = _limiter_gain(peaks * scale, ceiling)
            achieved = _gated(hop_power * scale**2 * _per_hop(limiter**2, hops))
            shortfall = settings.target_lufs - achieved
            if abs(shortfall) < 0.1:
                break
            gain_db += shortfall
        out = x * _upsample(limiter * scale, _BLOCK, x.shape[1])
        error = settings.target_lufs - _gated(_hop_power(_hop_spectra(out)))
        if abs(error) < 0.2 or attempt == 2:
            break
        hop_power = hop_power * 10 ** (-error / 10)  # fold what the estimate missed back in
    np.clip(out, -1.0, 1.0, out=out)
    return out.T  # (samples, 2), a view of the planar buffer


def _mix_short(g_x: np.ndarray, m_x: np.ndarray, settings: MixSettings) -> np.ndarray:
    """Clips under 400 ms: plain sum at the music's relative level, ungated loudness."""
    game_lufs, music_lufs = _short_lufs(g_x), _short_lufs(m_x)
    if game_lufs > _SILENT_LUFS and music_lufs > _SILENT_LUFS:
        level = game_lufs - MUSIC_UNDER_DB + _db(settings.volume / DEFAULT_VOLUME)
        m_x *= np.float32(10 ** ((level - music_lufs) / 20))
    x = g_x + m_x
    lufs = _short_lufs(x)
    if lufs <= _SILENT_LUFS:
        return x.T
    x *= np.float32(10 ** ((settings.target_lufs - lufs) / 20))
    ceiling = 10 ** ((settings.peak_dbtp - _PEAK_MARGIN_DB) / 20)
    peak = float(_block_peaks(x, near=0.0).max())
    if peak > ceiling:
        x *= np.float32(ceiling / peak)
    return x.T
