"""Procedural game music: style presets -> notes (compose) -> stereo audio (synthesize).

piece = compose("chiptune", 90.0, seed=3, cuts=[12.4, 40.0])
audio = synthesize(piece)          # (samples, 2) float32, 48 kHz
write_wav("theme.wav", audio); write_midi(piece, "theme.mid")
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np

from gamemusic.music.compose import Note, Piece, Section, compose
from gamemusic.music.export import write_midi, write_wav
from gamemusic.music.styles import STYLES, Style, get_style
from gamemusic.music.synth import synthesize

__all__ = [
    "STYLES",
    "Note",
    "Piece",
    "Section",
    "Style",
    "compose",
    "get_style",
    "render_music",
    "synthesize",
    "write_midi",
    "write_wav",
]


def render_music(
    style: str,
    duration_s: float,
    *,
    seed: int = 0,
    bpm: float | None = None,
    cuts: Sequence[float] = (),
    intensity: np.ndarray | None = None,
    ending: Literal["cadence", "fade", "auto", "loop"] = "cadence",
    arcs: Sequence[tuple[float, float, str]] | None = None,
    stingers: Sequence[float] = (),
    sr: int = 48000,
) -> np.ndarray:
    """compose + synthesize: shape (round(duration_s * sr), 2) float32, peak <= 0.9.

    With ending="loop" the duration is first snapped to whole bars (see compose)."""
    piece = compose(
        style,
        duration_s,
        seed=seed,
        bpm=bpm,
        cuts=cuts,
        intensity=intensity,
        ending=ending,
        arcs=arcs,
        stingers=stingers,
    )
    return synthesize(piece, sr)
