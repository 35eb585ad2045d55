"""Mix music under the game audio, block by block, with gains decided beforehand.

Signals are (samples, 2) float32 at 48 kHz. `plan_mix` reads what the analysis pass measured
(media/meter.py: K-weighted power per 100 ms hop, level and peak per 10 ms frame, for the game
audio and for the music) and decides everything: the music sits `MUSIC_UNDER_DB` below the
game audio's loudness at the default volume (35%), dips a further `duck_db` while the game or a
voice is loud (attack ~50 ms, release ~400 ms), fades in and out; the game audio is scaled by
`game_volume`; one gain brings the sum to -14 LUFS integrated. The game and the music are
independent signals, so the mix's power per hop is the sum of their powers under those gains;
what the limiter will take off is predicted from the frames' peaks and folded into that gain.

`Mixer` then applies the plan to each block and runs the look-ahead true-peak limiter
(media/limiter.py), whose ceiling sits `codec_margin_db` below the target true peak to leave
room for the AAC encoder's overshoot. The encoded result is measured again afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gamemusic import defaults
from gamemusic.media.limiter import Limiter, gain_curve
from gamemusic.media.meter import (
    FRAME,
    HOP,
    SILENT_LUFS,
    SR,
    Measured,
    gated_lufs,
    integrated_lufs,
    measure,
    true_peak,
)

__all__ = [
    "SR",
    "MixPlan",
    "MixSettings",
    "Mixer",
    "integrated_lufs",
    "mix",
    "plan_mix",
    "true_peak",
]

MUSIC_UNDER_DB = 18.0
DEFAULT_VOLUME = defaults.VOLUME
TARGET_LUFS = -14.0
PEAK_DBTP = -1.0
CODEC_MARGIN_DB = 1.5  # room for the AAC encoder's overshoot
_PER_HOP = HOP // FRAME


@dataclass(frozen=True)
class MixSettings:
    volume: float = DEFAULT_VOLUME
    duck: bool = defaults.DUCK
    duck_db: float = defaults.DUCK_DB
    fade_in_s: float = defaults.FADE_IN_S
    fade_out_s: float = defaults.FADE_OUT_S
    game_volume: float = defaults.GAME_VOLUME
    attack_s: float = 0.05
    release_s: float = 0.4
    target_lufs: float = TARGET_LUFS
    peak_dbtp: float = PEAK_DBTP
    codec_margin_db: float = CODEC_MARGIN_DB


@dataclass
class MixPlan:
    """Gains for the whole output: n samples; the music occupies [music_start, music_end).
    duck_db: (frames,) music dip per 10 ms frame of the timeline (None: no ducking)."""

    n: int
    game_gain: float
    music_gain: float
    music_start: int
    music_end: int
    fade_in: int
    fade_out: int
    duck_db: np.ndarray | None
    ceiling: float
    predicted_lufs: float


def _db(x: float) -> float:
    return float(20 * np.log10(max(x, 1e-9)))


def _fit(values: np.ndarray, size: int) -> np.ndarray:
    out = np.zeros(size, np.float32)
    k = min(size, len(values))
    out[:k] = values[:k]
    return out


def _smooth_gain(target_db: np.ndarray, attack_frames: float, release_frames: float) -> np.ndarray:
    """One-pole smoothing of a gain curve in dB: falls at the attack rate, recovers at release."""
    a_att = float(np.exp(-1.0 / max(attack_frames, 1e-3)))
    a_rel = float(np.exp(-1.0 / max(release_frames, 1e-3)))
    out = np.empty(len(target_db), np.float32)
    g = 0.0
    for i, t in enumerate(target_db.tolist()):  # 100 frames per second: cheap
        coeff = a_att if t < g else a_rel
        g = coeff * g + (1 - coeff) * t
        out[i] = g
    return out


def duck_curve(frame_power: np.ndarray, game_lufs: float, s: MixSettings) -> np.ndarray:
    """The music's dip in dB per 10 ms frame: none while the game is 9 dB under its own
    loudness, the full duck_db from 3 dB over it. (frames,) float32."""
    padded = np.pad(frame_power.astype(np.float64), 2, mode="edge")
    c = np.concatenate([[0.0], np.cumsum(padded)])
    env = 10 * np.log10(np.maximum((c[5:] - c[:-5]) / 5, 1e-12))
    depth = np.clip((env - (game_lufs - 9.0)) / 6.0, 0.0, 1.0)
    frame_s = FRAME / SR
    return _smooth_gain(-s.duck_db * depth, s.attack_s / frame_s, s.release_s / frame_s)


def fade_gains(
    positions: np.ndarray, start: int, end: int, fade_in: int, fade_out: int
) -> np.ndarray:
    """Equal-power fade gains of the music at timeline sample positions (any shape)."""
    g = np.ones(positions.shape, np.float32)
    if fade_in > 1:
        x = np.clip((positions - start) / (fade_in - 1), 0.0, 1.0)
        g *= (np.sin(x * (np.pi / 2)) ** 2).astype(np.float32)
    if fade_out > 1:
        x = np.clip((end - 1 - positions) / (fade_out - 1), 0.0, 1.0)
        g *= (np.sin(x * (np.pi / 2)) ** 2).astype(np.float32)
    return g


def fade_span(
    pos: int, m: int, start: int, end: int, fade_in: int, fade_out: int
) -> np.ndarray | None:
    """`fade_gains` of timeline samples pos..pos+m: (m,) float32, or None where every one of
    them is 1 (between the two fades: most of the music)."""
    if pos >= start + fade_in and pos + m <= end - fade_out:
        return None
    return fade_gains(np.arange(pos, pos + m, dtype=np.float64), start, end, fade_in, fade_out)


def plan_mix(
    game: Measured | None,
    music: Measured | None,
    n: int,
    *,
    music_start: int = 0,
    settings: MixSettings = MixSettings(),
) -> MixPlan:
    """Decide the gains of the mix. `game` measures the timeline's first n samples of game
    audio; `music` the music placed on the timeline, faded in and out as `fade_gains` does
    with these settings (so its hops line up with the game's: it measured music_start samples
    of silence first, and its loudness is what will be heard). Either may be None."""
    s = settings
    a = max(0.0, s.game_volume)
    music_len = 0 if music is None else max(0, min(music.n, n) - music_start)
    end = music_start + music_len
    fade_in = min(music_len, int(s.fade_in_s * SR))
    fade_out = min(music_len, int(s.fade_out_s * SR))
    game_lufs = game.lufs if game is not None else -70.0
    music_lufs = music.lufs if music is not None and music_len else -70.0
    have_game = game is not None and game_lufs > SILENT_LUFS and a > 0
    gm = 0.0
    duck = None
    if music_lufs > SILENT_LUFS:
        if game is not None and game_lufs > SILENT_LUFS:
            level = game_lufs - MUSIC_UNDER_DB + _db(s.volume / DEFAULT_VOLUME)
            gm = 10 ** ((level - music_lufs) / 20)
            if s.duck:
                duck = duck_curve(game.frame_power, game_lufs, s)
        else:
            gm = min(1.0, s.volume / DEFAULT_VOLUME)
    ceiling = 10 ** ((s.peak_dbtp - s.codec_margin_db) / 20)

    frames = -(-n // FRAME)
    centers = (np.arange(frames) + 0.5) * FRAME
    m_frame = np.zeros(frames, np.float32)
    if gm > 0:
        m_frame = ((centers >= music_start) & (centers < end)).astype(np.float32)
        if duck is not None:
            m_frame *= 10 ** (_fit(duck, frames) / 20)
        m_frame *= np.float32(gm)
    g_peak = _fit(game.frame_peak, frames) * a if have_game and game else np.zeros(frames)
    m_peak = _fit(music.frame_peak, frames) * m_frame if music is not None else 0.0
    peak = (g_peak + m_peak).astype(np.float32)

    hops = n // HOP
    if hops >= 4:
        # Within a hop, the limiter's gain weighs by where the power is (a burst is where the
        # gain dips): weights from the 10 ms frames' power.
        fp = np.zeros(frames, np.float64)
        if have_game and game is not None:
            fp += a * a * _fit(game.frame_power, frames)
        if gm > 0 and music is not None:
            fp += (m_frame.astype(np.float64) ** 2) * _fit(music.frame_power, frames)
        fp_h = fp[: hops * _PER_HOP].reshape(hops, _PER_HOP)
        total = fp_h.sum(axis=1, keepdims=True)
        weights = np.where(total > 0, fp_h / np.maximum(total, 1e-30), 1.0 / _PER_HOP)
        hop_power = np.zeros(hops, np.float64)
        if have_game and game is not None:
            hop_power += a * a * _fit(game.hop_power, hops)
        if gm > 0 and music is not None:
            m2 = (m_frame[: hops * _PER_HOP] ** 2).reshape(hops, _PER_HOP).mean(axis=1)
            hop_power += m2 * _fit(music.hop_power, hops)
        lufs = gated_lufs(hop_power)
    else:  # under 400 ms: ungated, fades and ducking left out
        p = (a * a * game.short_power if have_game and game else 0.0) + (
            gm * gm * music.short_power if music is not None else 0.0
        )
        hop_power = None
        lufs = -0.691 + 10 * np.log10(p) if p > 0 else -70.0
    if lufs <= SILENT_LUFS:
        return MixPlan(n, a, gm, music_start, end, fade_in, fade_out, duck, ceiling, lufs)

    gain_db = s.target_lufs - lufs
    achieved = lufs + gain_db
    if hop_power is not None:
        for _ in range(5):
            scale = 10 ** (gain_db / 20)
            need = np.minimum(1.0, ceiling / np.maximum(peak * scale, 1e-9))
            lim = gain_curve(need, hold=6, ramp=5)  # the limiter's windows, in 10 ms frames
            lim2 = (weights * (_fit(lim, hops * _PER_HOP) ** 2).reshape(hops, _PER_HOP)).sum(1)
            achieved = gated_lufs(hop_power * scale**2 * lim2)
            if abs(s.target_lufs - achieved) < 0.05:
                break
            gain_db += s.target_lufs - achieved
    scale = 10 ** (gain_db / 20)
    return MixPlan(
        n, a * scale, gm * scale, music_start, end, fade_in, fade_out, duck, ceiling, achieved
    )


class Mixer:
    """Apply a MixPlan block by block: `process(pos, m, game, music)` with the game and
    music samples at timeline positions pos..pos+m (each (m, 2) or None), returns the limited output so
    far (delayed by the look-ahead); `finish()` returns the rest."""

    def __init__(self, plan: MixPlan) -> None:
        self.plan = plan
        self.limiter = Limiter(plan.ceiling)
        self._duck = (
            None if plan.duck_db is None else (10 ** (plan.duck_db / 20)).astype(np.float32)
        )

    def music_gains(self, pos: int, m: int) -> np.ndarray:
        """Per-sample music gain for timeline samples pos..pos+m: (m,) float32."""
        p = self.plan
        fade = fade_span(pos, m, p.music_start, p.music_end, p.fade_in, p.fade_out)
        g = (
            np.full(m, np.float32(p.music_gain))
            if fade is None
            else fade * np.float32(p.music_gain)
        )
        if self._duck is not None and len(self._duck):
            lo = max(0, pos // FRAME - 1)
            hi = min(len(self._duck), (pos + m) // FRAME + 2)
            if hi > lo:
                xp = (np.arange(lo, hi) + 0.5) * FRAME
                positions = np.arange(pos, pos + m, dtype=np.float64)
                g *= np.interp(positions, xp, self._duck[lo:hi]).astype(np.float32)
        return g

    def process(
        self, pos: int, m: int, game: np.ndarray | None, music: np.ndarray | None
    ) -> np.ndarray:
        out = np.zeros((m, 2), np.float32)
        if game is not None and self.plan.game_gain > 0:
            np.multiply(game, np.float32(self.plan.game_gain), out=out)
        if music is not None and self.plan.music_gain > 0:
            out += music * self.music_gains(pos, m)[:, None]
        return self.limiter.feed(out)

    def finish(self) -> np.ndarray:
        return self.limiter.finish()


def mix(
    game: np.ndarray | None,
    music: np.ndarray | None,
    n: int,
    *,
    music_start: int = 0,
    settings: MixSettings = MixSettings(),
) -> np.ndarray:
    """Whole-array convenience (tests, short clips): mix `music` (placed at sample
    `music_start`) under `game` over n samples; returns (n, 2) float32."""

    def on_timeline(x: np.ndarray | None, start: int) -> np.ndarray | None:
        if x is None or not len(x):
            return None
        out = np.zeros((n, 2), np.float32)
        k = max(0, min(len(x), n - start))
        out[start : start + k] = x[:k]
        return out

    g, mu = on_timeline(game, 0), on_timeline(music, music_start)
    faded = None
    if mu is not None and music is not None:
        end = music_start + min(len(music), n - music_start)
        k = end - music_start
        gains = fade_gains(
            np.arange(end, dtype=np.float64), music_start, end,
            min(k, int(settings.fade_in_s * SR)), min(k, int(settings.fade_out_s * SR)),
        )  # fmt: skip
        faded = measure(mu[:end] * gains[:, None])
    plan = plan_mix(
        measure(g) if g is not None else None,
        faded,
        n,
        music_start=music_start,
        settings=settings,
    )
    mixer = Mixer(plan)
    out = [mixer.process(0, n, g, mu)]
    out.append(mixer.finish())
    return np.concatenate(out)
