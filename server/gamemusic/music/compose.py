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
from gamemusic.music.arrange import Arranger, ChordEvent
from gamemusic.music.form import Grid, Section, plan_form
from gamemusic.music.melody import make_hook
from gamemusic.music.parts import Note
from gamemusic.music.styles import Style, get_style
from gamemusic.music.theory import MODES

MAX_DURATION_S = 6 * 3600.0  # the local engine takes recordings up to 6 hours
ENDINGS = ("cadence", "fade", "auto", "loop")
ARC_KINDS = ("explore", "tension", "combat", "resolution")

__all__ = ["ChordEvent", "Note", "Piece", "Section", "compose"]


@dataclass
class Piece:
    """A composed piece.

    notes: `Note` events sorted by start_s; every note ends by duration_s. Drum notes (voice of
    role "drums") carry General MIDI drum keys as pitch.
    sections: `Section(name, start_s, end_s, start_beat, end_beat, variation, shift, cycle)`
    in order, the first starting at 0 and the last ending at duration_s.
    tonic: MIDI pitch of the key's tonic; scale: its semitone steps (e.g. (0, 2, 4, 5, 7, 9, 11)).
    A section's `shift` transposes it (a step-up key change for a late repeat).
    chords: the chords as heard, `ChordEvent(start_s, end_s, name, pcs, scale)`.
    cuts_s: the scene cuts that became section changes, after moving onto bar lines.
    arcs: gameplay arcs the arrangement followed, (start_s, end_s, kind) with kind one of
    "explore", "tension", "combat", "resolution"; empty when none were given.
    stingers: times in seconds (on the beat grid) where a stinger hit was placed.
    ending: "cadence" (final chord and ring-out), "fade" or "loop" ("auto" is resolved).
    """

    style: Style
    seed: int
    bpm: float
    duration_s: float
    ending: Literal["cadence", "fade", "loop"]
    tonic: int
    scale: tuple[int, ...]
    grid: Grid
    sections: list[Section]
    notes: list[Note]
    cuts_s: tuple[float, ...] = field(default=())
    arcs: tuple[tuple[float, float, str], ...] = field(default=())
    stingers: tuple[float, ...] = field(default=())
    chords: list[ChordEvent] = field(default_factory=list)

    def voice_names(self) -> list[str]:
        return [v.name for v in self.style.voices]

    def in_scale(self, pitch: int) -> bool:
        return (pitch - self.tonic) % 12 in self.scale


def _check(duration_s: float, bpm: float, ending: str) -> None:
    if not math.isfinite(duration_s) or not 0 < duration_s <= MAX_DURATION_S:
        raise BadInput(
            f"Music duration {duration_s} s is out of range.",
            hint="Ask for more than 0 and at most 6 hours.",
            code="bad_duration",
        )
    if not math.isfinite(bpm) or not 30 <= bpm <= 300:
        raise BadInput(
            f"Tempo {bpm} bpm is out of range.", hint="Pick 30 to 300 bpm.", code="bad_bpm"
        )
    if ending not in ENDINGS:
        raise BadInput(
            f"Unknown ending '{ending}'.",
            hint="Use 'cadence', 'fade', 'auto' or 'loop'.",
            code="bad_ending",
        )


def _tempo(st: Style, rng: random.Random) -> float:
    """A seeded tempo in the style's range, most often near its default."""
    low, high = st.bpm_range
    return float(round(rng.triangular(low, high, st.default_bpm)))


def compose(
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
) -> Piece:
    """Compose `duration_s` seconds of music in a style, deterministically for a seed.

    The seed picks the key, the tempo (unless `bpm` is given), the progression family, the
    form, the hooks, the patterns and the voicings. intensity: game-audio loudness, shape (n,)
    with one value per 0.5 s in 0..1 (None = flat); it raises or lowers each bar's energy.
    cuts: scene-cut times in seconds; each becomes a section change on the nearest bar line
    (cuts closer than 4 bars to the previous change are ignored). ending: "cadence" lands a
    final chord with a short ring-out on the last sample, "fade" keeps playing and fades out,
    "loop" snaps the duration to whole bars (no intro, no ring-out) and ends its last bar on
    the dominant side so it leads back into bar 1, "auto" is a cadence for a clip ending in
    combat or tension (a victory-style bVI-bVII-I) and a fade for a calm one.
    arcs: gameplay arcs (start_s, end_s, kind), kind explore | tension | combat | resolution;
    they start sections, set the layers and drum density, and darken harmony in tension.
    stingers: times of big moments; each gets an accented chord hit with crash and kick on the
    nearest beat, at most one every 4 bars (the placed times are Piece.stingers).
    """
    st = get_style(style)
    rng = random.Random(f"{st.id}:{seed}")
    pc = rng.choice(st.keys)
    chosen = _tempo(st, rng)
    tempo = float(chosen if bpm is None else bpm)
    duration_s = float(duration_s)
    _check(duration_s, tempo, ending)
    curve = None
    if intensity is not None:
        curve = np.nan_to_num(np.asarray(intensity, dtype=np.float64).reshape(-1), nan=0.0)
        curve = np.clip(curve, 0.0, 1.0)
    arc_list = tuple((float(a), float(b), str(k)) for a, b, k in (arcs or ()) if k in ARC_KINDS)
    resolved = ending
    if ending == "auto":
        last = next((k for a, _, k in reversed(arc_list) if a < duration_s), "")
        resolved = "cadence" if last in ("combat", "tension") or not arc_list else "fade"
    tonic = 60 + pc - (12 if pc > 6 else 0)
    scale = MODES[st.mode]
    if resolved == "loop":  # whole bars, so the end meets the start on a downbeat
        bar_s = st.beats_per_bar * 60.0 / tempo
        duration_s = max(1, round(duration_s / bar_s)) * bar_s
    plan = plan_form(st, duration_s, tempo, cuts, resolved, curve, rng, arc_list)
    hook_a = make_hook(rng, st.melody_density, st.leap)
    hook_b = make_hook(rng, st.melody_density, st.leap, contrast=hook_a)
    last_arc = next((k for a, _, k in reversed(arc_list) if a < duration_s), "")
    arranger = Arranger(
        st,
        plan,
        tonic,
        scale,
        rng,
        curve,
        (hook_a, hook_b),
        arc_list,
        victory=ending == "auto" and last_arc == "combat",
        loop=resolved == "loop",
    )
    raw, chords = arranger.arrange()
    placed = arranger.stingers(stingers, duration_s)
    order = {v.name: i for i, v in enumerate(st.voices)}
    end = duration_s - 1e-3
    notes = [n for n in raw if n.start_s < end]
    for n in notes:
        n.dur_s = min(n.dur_s, duration_s - n.start_s)
    notes.sort(key=lambda n: (n.start_s, order[n.voice], n.pitch))
    cuts_s = tuple(b * plan.grid.beat_s for b in plan.cut_beats)
    return Piece(
        st,
        seed,
        tempo,
        duration_s,
        resolved,
        tonic,
        scale,
        plan.grid,
        plan.sections,
        notes,
        cuts_s,
        arc_list,
        placed,
        chords,
    )
