"""Procedural game music: style presets -> notes (compose) -> stereo audio (synthesize).

piece = compose("chiptune", 90.0, seed=3, cuts=[12.4, 40.0])
audio = synthesize(piece)          # (samples, 2) float32, 48 kHz, peaks < 0.9
for block in synthesize_blocks(piece, block_s=1.0): ...   # the same samples, streamed
write_wav("theme.wav", audio); write_midi(piece, "theme.mid")
write_stems(piece, "stems/"); write_loop(loop_piece, "loop.wav")
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np

from gamemusic.music.compose import Note, Piece, Section, compose
from gamemusic.music.export import write_midi, write_wav
from gamemusic.music.stems import StemFiles, write_loop, write_stems
from gamemusic.music.styles import STYLES, Style, get_style
from gamemusic.music.synth import synthesize, synthesize_blocks

__all__ = [
    "STYLES",
    "Note",
    "Piece",
    "Section",
    "StemFiles",
    "Style",
    "compose",
    "get_style",
    "render_music",
    "synthesize",
    "synthesize_blocks",
    "write_loop",
    "write_midi",
    "write_stems",
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
    """compose + synthesize: shape (round(duration_s * sr), 2) float32, peak < 0.9.

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
