"""Procedural game music: style presets -> notes (compose) -> stereo audio (synthesize).

piece = compose("chiptune", 90.0, seed=3, cuts=[12.4, 40.0])
audio = synthesize(piece)          # (samples, 2) float32, 48 kHz
write_wav("theme.wav", audio); write_midi(piece, "theme.mid")
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
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
    ending: Literal["cadence", "fade"] = "cadence",
    sr: int = 48000,
) -> np.ndarray:
    """compose + synthesize: shape (round(duration_s * sr), 2) float32, peak <= 0.9."""
    piece = compose(
        style, duration_s, seed=seed, bpm=bpm, cuts=cuts, intensity=intensity, ending=ending
    )
    return synthesize(piece, sr)


# stand-in until the sound helper's synthesize_blocks lands
def synthesize_blocks(piece: Piece, sr: int = 48000, block_s: float = 1.0) -> Iterator[np.ndarray]:
    """`synthesize(piece)` in consecutive (n_i, 2) float32 C-contiguous blocks."""
    audio = synthesize(piece, sr)
    step = max(1, round(block_s * sr))
    for i in range(0, len(audio), step):
        yield np.ascontiguousarray(audio[i : i + step])
