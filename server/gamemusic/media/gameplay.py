"""Read the gameplay cheaply: game-audio loudness and onsets, scene cuts, and motion from the
video's packet sizes (no video decode), turned into arcs and stingers for the composer.

    reader = GameplayReader()
    for block in game_audio_blocks:       # (n, 2) float32 at 48 kHz, any n
        reader.feed(block)
    gameplay = reader.finish(info.duration_s, scene_cuts(info), packet_rate(info))
    gameplay.arcs      # [(0.0, 20.0, "explore"), (20.0, 40.0, "combat"), ...]
    describe(gameplay) # "0:00-0:20 explore, 0:20-0:40 combat, ..., stinger at 0:50"

The reader keeps two numbers per 20 ms frame (1.4 MB per hour), so it can ride along any
pass that decodes the game audio; `read_gameplay` decodes it itself (a muted recording still
has arcs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

import anyio
import numpy as np

from gamemusic.media import arcs as arcs_mod
from gamemusic.media.analysis import game_blocks
from gamemusic.media.motion import packet_rate
from gamemusic.media.onsets import FLOOR_DB, SR, FrameFeatures, onset_frames
from gamemusic.media.probe import MediaInfo
from gamemusic.media.scenes import scene_cuts

__all__ = ["STEP_S", "Gameplay", "GameplayReader", "describe", "packet_rate", "read_gameplay"]

STEP_S = 0.5  # feature curves' step: the composer's intensity hop
_FRAME = 960  # 20 ms
_DENSITY_WINDOW_S = 2.0
_CUT_WINDOW_S = 8.0
BUILD_S = 16.0  # a requested climax is built up to over this long
COMBAT_S = 16.0  # and lasts at least this long


@dataclass(frozen=True)
class Gameplay:
    """What the recording does over time.

    arcs: (start_s, end_s, kind) covering 0..duration_s in order, kind one of "explore",
    "tension", "combat", "resolution". stingers: times (s) of big moments, >= 7 s apart.
    Curves have one value per `step_s` (the i-th covers [i, i+1) * step_s), shape (steps,)
    float32: loudness_db (game audio, None without sound), onsets_per_s (None without sound),
    cuts_per_s, motion (video bytes per second, None without a picture), energy (0..1, the
    combined and smoothed reading the arcs come from; usable as the composer's intensity).
    """

    duration_s: float
    arcs: list[tuple[float, float, str]]
    stingers: list[float]
    cuts_s: tuple[float, ...]
    energy: np.ndarray
    cuts_per_s: np.ndarray
    loudness_db: np.ndarray | None = None
    onsets_per_s: np.ndarray | None = None
    motion: np.ndarray | None = None
    step_s: float = STEP_S

    def arc_at(self, t: float) -> str:
        """The arc kind at time t (s)."""
        for a, b, kind in self.arcs:
            if a <= t < b:
                return kind
        return self.arcs[-1][2] if self.arcs else "explore"

    def within(self, start_s: float, end_s: float) -> Gameplay:
        """The stretch start_s..end_s, on its own clock (0 at start_s): for music that covers
        only part of the recording."""
        start_s = max(0.0, start_s)
        end_s = min(self.duration_s, max(start_s, end_s))
        i0 = int(start_s / self.step_s)
        i1 = max(i0 + 1, int(np.ceil(end_s / self.step_s - 1e-9)))

        def cut(curve: np.ndarray | None) -> np.ndarray | None:
            return None if curve is None else curve[i0:i1]

        duration = end_s - start_s
        energy = self.energy[i0:i1]
        return replace(
            self,
            duration_s=duration,
            arcs=arcs_mod.arcs_from_energy(energy, self.step_s, duration),
            stingers=[round(t - start_s, 3) for t in self.stingers if start_s <= t < end_s],
            cuts_s=tuple(c - start_s for c in self.cuts_s if start_s <= c <= end_s),
            energy=energy,
            cuts_per_s=self.cuts_per_s[i0:i1],
            loudness_db=cut(self.loudness_db),
            onsets_per_s=cut(self.onsets_per_s),
            motion=cut(self.motion),
        )

    def steer(
        self,
        *,
        arc: Literal["auto", "calm", "intense"] = "auto",
        stingers: bool = True,
        climax_s: float | None = None,
    ) -> Gameplay:
        """The gameplay as an edit asks for it: "keep it calm" (arc="calm": one explore arc,
        energy at most 0.3), "keep it intense" (one combat arc, energy at least 0.7), "no
        stingers", "build up to the boss at 1:20" (climax_s=80: tension over the BUILD_S
        before it, combat from it for at least COMBAT_S, then a resolution)."""
        d = self.duration_s
        arcs, energy = list(self.arcs), self.energy.copy()
        if arc == "calm":
            arcs, energy = [(0.0, d, "explore")], energy * np.float32(0.3)
        elif arc == "intense":
            arcs, energy = [(0.0, d, "combat")], np.float32(0.7) + energy * np.float32(0.3)
        if climax_s is not None and 0 <= climax_s < d:
            fight_end = min(d, climax_s + COMBAT_S)
            for a, b, kind in self.arcs:  # an ongoing fight keeps going
                if kind == "combat" and a <= fight_end < b:
                    fight_end = b
            build_s = max(  # the build-up starts once an earlier fight is over
                [climax_s - BUILD_S, 0.0]
                + [b for _, b, kind in arcs if kind == "combat" and b <= climax_s]
            )
            spans = [
                (build_s, climax_s, "tension"),
                (climax_s, fight_end, "combat"),
            ]
            if fight_end < d:
                spans.append((fight_end, min(d, fight_end + arcs_mod.RESOLUTION_S), "resolution"))
            arcs = arcs_mod.overlay(arcs, spans, d)
            t = (np.arange(len(energy)) + 0.5) * self.step_s
            build = (t >= build_s) & (t < climax_s)
            ramp = 0.4 + 0.5 * (t[build] - build_s) / max(climax_s - build_s, 1e-3)
            energy[build] = np.maximum(energy[build], ramp)
            fight = (t >= climax_s) & (t < fight_end)
            energy[fight] = np.maximum(energy[fight], 0.9)
        return replace(self, arcs=arcs, energy=energy, stingers=self.stingers if stingers else [])


class GameplayReader:
    """Keeps per-frame loudness and spectral flux of successive game-audio blocks."""

    def __init__(self) -> None:
        self._features = FrameFeatures(_FRAME)

    def feed(self, block: np.ndarray) -> None:
        """Take the next block of game audio: (n, 2) float32 at 48 kHz, any n (even 0)."""
        self._features.feed(block)

    @property
    def seconds(self) -> float:
        """Audio fed so far, in seconds."""
        return self._features.samples / SR

    def finish(
        self,
        duration_s: float,
        cuts_s: Sequence[float] = (),
        motion: np.ndarray | None = None,
        *,
        motion_step_s: float = STEP_S,
    ) -> Gameplay:
        """The gameplay of a recording `duration_s` long, from the audio fed (none fed: no
        sound), its scene cuts (s) and its motion (video bytes per second per motion_step_s,
        from `packet_rate`; None without a picture)."""
        duration_s = max(0.0, float(duration_s))
        steps = max(1, int(np.ceil(duration_s / STEP_S - 1e-9)))
        feats = self._features
        level, flux = feats.level_db(), feats.flux()
        per = round(STEP_S / feats.frame_s)
        loud = onsets = None
        stingers: list[float] = []
        if len(level):
            loud = _per_step_db(level, per, steps)
            hits = np.zeros(len(flux), np.float32)
            hits[onset_frames(flux, feats.frame_s)] = 1.0
            window = round(_DENSITY_WINDOW_S / STEP_S)
            onsets = arcs_mod.moving_mean(_per_step_sum(hits, per, steps), window) / STEP_S
            stingers = [t for t in arcs_mod.stingers_from_levels(level, feats.frame_s)
                        if t < duration_s]  # fmt: skip
        cuts = tuple(sorted(float(c) for c in cuts_s if 0 <= c <= duration_s))
        cut_hits = np.zeros(steps, np.float32)
        for c in cuts:
            cut_hits[min(steps - 1, int(c / STEP_S))] += 1
        cuts_per_s = arcs_mod.moving_mean(cut_hits, round(_CUT_WINDOW_S / STEP_S)) / STEP_S
        moving = None
        if motion is not None and len(motion):
            moving = _resample(np.asarray(motion, np.float64), motion_step_s, steps)
        e = arcs_mod.energy(STEP_S, loud, onsets, moving, cuts_per_s)
        return Gameplay(
            duration_s=duration_s,
            arcs=arcs_mod.arcs_from_energy(e, STEP_S, duration_s),
            stingers=stingers,
            cuts_s=cuts,
            energy=e,
            cuts_per_s=cuts_per_s.astype(np.float32),
            loudness_db=loud,
            onsets_per_s=None if onsets is None else onsets.astype(np.float32),
            motion=None if moving is None else moving.astype(np.float32),
        )


def _fit(values: np.ndarray, per: int, steps: int, fill: float) -> np.ndarray:
    """values cut or padded (with `fill`) to steps * per, shaped (steps, per)."""
    need = steps * per
    v = values[:need]
    if len(v) < need:
        v = np.concatenate([v, np.full(need - len(v), fill, v.dtype)])
    return v.reshape(steps, per)


def _per_step_db(level_db: np.ndarray, per: int, steps: int) -> np.ndarray:
    """Frame levels (dB) -> level of each step's mean power (dB): (steps,) float32."""
    fill = float(level_db[-1]) if len(level_db) else FLOOR_DB
    power = 10 ** (_fit(level_db.astype(np.float64), per, steps, fill) / 10)
    return (10 * np.log10(power.mean(axis=1) + 1e-12)).astype(np.float32)


def _per_step_sum(values: np.ndarray, per: int, steps: int) -> np.ndarray:
    return _fit(values, per, steps, 0.0).sum(axis=1).astype(np.float32)


def _resample(curve: np.ndarray, step_s: float, steps: int) -> np.ndarray:
    """A curve given per step_s, as values per STEP_S: (steps,)."""
    if abs(step_s - STEP_S) < 1e-9:
        return arcs_mod.fit_length(curve, steps)
    t = (np.arange(steps) + 0.5) * STEP_S
    return np.interp(t, (np.arange(len(curve)) + 0.5) * step_s, curve)


def describe(gameplay: Gameplay, lang: str = "en") -> str:
    """The arcs and stingers in words: '0:00-0:40 explore, 0:40-1:10 combat, stinger at
    0:52'; lang 'zh' gives '0:00-0:40 探索，0:40-1:10 战斗，重音在0:52'."""
    return arcs_mod.describe_arcs(gameplay.arcs, gameplay.stingers, lang)


# ---- the whole recording --------------------------------------------------------------------


async def read_gameplay(info: MediaInfo) -> Gameplay:
    """Decode the recording's game audio (by an ffmpeg child, streamed: memory stays flat)
    into a GameplayReader, and read its scene cuts and motion from the container."""
    reader = GameplayReader()
    if info.has_audio:
        blocks = game_blocks(info, round(info.duration_s * SR))
        try:
            async for block in blocks:
                reader.feed(block)
        finally:
            await blocks.aclose()  # type: ignore[attr-defined]
    cuts = await anyio.to_thread.run_sync(scene_cuts, info)
    motion = await anyio.to_thread.run_sync(packet_rate, info) if info.kind == "video" else None
    return reader.finish(info.duration_s, cuts, motion)
