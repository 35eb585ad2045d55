"""compose(): a style, a duration and a seed in; a Piece of note events out.

A Piece is plain data: the beat grid, the key, the sections and a time-sorted list of
`Note(start_s, dur_s, pitch, velocity, voice)`. `synthesize` renders it and `write_midi`
exports it; both see exactly the same events.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from gamemusic.errors import BadInput
from gamemusic.music.form import Grid, Section, plan_form
from gamemusic.music.melody import make_motif
from gamemusic.music.parts import Arranger, Note
from gamemusic.music.styles import Style, get_style
from gamemusic.music.theory import MODES

MAX_DURATION_S = 4 * 3600.0
_DENSITY = {"A": 1.0, "B": 1.25, "bridge": 0.7}

__all__ = ["Note", "Piece", "Section", "compose"]


@dataclass
class Piece:
    """A composed piece.

    notes: `Note` events sorted by start_s; every note ends by duration_s. Drum notes (voice of
    role "drums") carry General MIDI drum keys as pitch.
    sections: `Section(name, start_s, end_s, start_beat, end_beat, variation)` in order, the
    first starting at 0 and the last ending at duration_s.
    tonic: MIDI pitch of the key's tonic; scale: its semitone steps (e.g. (0, 2, 4, 5, 7, 9, 11)).
    cuts_s: the scene cuts that became section changes, after nudging onto the beat grid.
    arcs: gameplay arcs the arrangement followed, (start_s, end_s, kind) with kind one of
    "explore", "tension", "combat", "resolution"; empty when none were given.
    stingers: times in seconds (on the beat grid) where a stinger hit was placed.
    """

    style: Style
    seed: int
    bpm: float
    duration_s: float
    ending: Literal["cadence", "fade"]
    tonic: int
    scale: tuple[int, ...]
    grid: Grid
    sections: list[Section]
    notes: list[Note]
    cuts_s: tuple[float, ...] = field(default=())
    arcs: tuple[tuple[float, float, str], ...] = field(default=())
    stingers: tuple[float, ...] = field(default=())

    def voice_names(self) -> list[str]:
        return [v.name for v in self.style.voices]

    def in_scale(self, pitch: int) -> bool:
        return (pitch - self.tonic) % 12 in self.scale


def _check(duration_s: float, bpm: float, ending: str) -> None:
    if not math.isfinite(duration_s) or not 0 < duration_s <= MAX_DURATION_S:
        raise BadInput(
            f"Music duration {duration_s} s is out of range.",
            hint="Ask for more than 0 and at most 4 hours.",
            code="bad_duration",
        )
    if not math.isfinite(bpm) or not 30 <= bpm <= 300:
        raise BadInput(
            f"Tempo {bpm} bpm is out of range.", hint="Pick 30 to 300 bpm.", code="bad_bpm"
        )
    if ending not in ("cadence", "fade"):
        raise BadInput(
            f"Unknown ending '{ending}'.", hint="Use 'cadence' or 'fade'.", code="bad_ending"
        )


def compose(
    style: str,
    duration_s: float,
    *,
    seed: int = 0,
    bpm: float | None = None,
    cuts: Sequence[float] = (),
    intensity: np.ndarray | None = None,
    ending: Literal["cadence", "fade"] = "cadence",
) -> Piece:
    """Compose `duration_s` seconds of music in a style, deterministically for a seed.

    intensity: game-audio loudness, shape (n,) with one value per 0.5 s in 0..1 (None = flat);
    it raises or lowers the density and energy of each bar. cuts: scene-cut times in seconds;
    each becomes a section change on the beat grid (cuts in the first bar or the ending are
    ignored). ending: "cadence" lands a final chord with a short ring-out on the last sample,
    "fade" keeps playing and fades out.
    """
    st = get_style(style)
    tempo = float(st.default_bpm if bpm is None else bpm)
    duration_s = float(duration_s)
    _check(duration_s, tempo, ending)
    curve = None
    if intensity is not None:
        curve = np.nan_to_num(np.asarray(intensity, dtype=np.float64).reshape(-1), nan=0.0)
        curve = np.clip(curve, 0.0, 1.0)
    rng = random.Random(f"{st.id}:{seed}")
    pc = rng.choice(st.keys)
    tonic = 60 + pc - (12 if pc > 6 else 0)
    scale = MODES[st.mode]
    plan = plan_form(st, duration_s, tempo, cuts, ending, curve)
    motifs = {
        name: make_motif(rng, min(1.0, st.melody_density * k), st.leap)
        for name, k in _DENSITY.items()
    }
    raw = Arranger(st, plan, tonic, scale, motifs, rng, curve).arrange()
    order = {v.name: i for i, v in enumerate(st.voices)}
    notes = sorted(
        (
            Note(n.start_s, min(n.dur_s, duration_s - n.start_s), n.pitch, n.velocity, n.voice)
            for n in raw
            if n.start_s < duration_s - 1e-3
        ),
        key=lambda n: (n.start_s, order[n.voice], n.pitch),
    )
    cuts_s = tuple(b * plan.grid.beat_s for b in plan.cut_beats)
    return Piece(
        st, seed, tempo, duration_s, ending, tonic, scale, plan.grid, plan.sections, notes, cuts_s
    )
