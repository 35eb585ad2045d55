"""The arranger follows gameplay arcs, places stingers and ends or loops as asked."""

from __future__ import annotations

import pytest

from gamemusic.music import STYLES, compose

ARCS = [(0.0, 30.0, "explore"), (30.0, 60.0, "combat"), (60.0, 90.0, "resolution")]


def _stretch(piece, a: float, b: float) -> tuple[float, int]:
    notes = [n for n in piece.notes if a <= n.start_s < b]
    return len(notes) / (b - a), len({n.voice for n in notes})


@pytest.mark.parametrize("style", list(STYLES))
def test_density_and_layers_rise_in_combat_and_fall_after(style: str) -> None:
    piece = compose(style, 90, seed=2, arcs=ARCS)
    calm, fight, after = (_stretch(piece, a + 4, b - 4) for a, b, _ in ARCS)
    assert fight[0] > 1.15 * calm[0] and fight[0] > 1.15 * after[0]
    assert fight[1] >= calm[1] and fight[1] >= after[1]
    assert fight[1] > min(calm[1], after[1])
    assert piece.arcs == tuple(ARCS)
    # section changes sit on bar lines
    downbeats = {piece.grid.phase + 4 * k for k in range(400)}
    assert all(s.start_beat in downbeats for s in piece.sections[1:])

    def at(t: float) -> str:
        return next(s.name for s in piece.sections if s.start_s <= t < s.end_s)

    assert at(45) == "B" and at(15) != "B" and at(75) != "B"


def test_tension_darkens_the_harmony() -> None:
    calm = compose("platformer", 60, seed=1, arcs=[(0, 60, "explore")])
    tense = compose("platformer", 60, seed=1, arcs=[(0, 60, "tension")])

    def minor_share(p) -> float:
        body = [c for c in p.chords if c.start_s > 8 and len(c.pcs) >= 3]
        return sum((c.pcs[1] - c.pcs[0]) % 12 == 3 for c in body) / len(body)

    assert minor_share(tense) > minor_share(calm) + 0.2


def test_stingers_land_within_a_beat_at_most_one_every_few_bars() -> None:
    asked = [12.3, 12.9, 30.2, 47.75, 48.1, 70.0]
    piece = compose("boss", 80, seed=1, stingers=asked)
    beat = 60 / piece.bpm
    assert len(piece.stingers) >= 4
    for t in piece.stingers:
        assert min(abs(t - a) for a in asked) <= beat
        crash = [n for n in piece.notes if n.voice == "drums" and n.pitch == 49]
        assert any(abs(n.start_s - t) < 0.01 for n in crash)
    gaps = [b - a for a, b in zip(piece.stingers, piece.stingers[1:], strict=False)]
    assert all(g >= 4 * 4 * beat - 1e-6 for g in gaps)
    loud = [n for n in piece.notes if n.velocity >= 115 and n.voice == "stabs"]
    assert {round(n.start_s, 3) for n in loud} >= {round(t, 3) for t in piece.stingers}


def test_auto_ending_cadences_after_combat_and_fades_after_calm() -> None:
    fight = compose(
        "chiptune", 60, seed=1, ending="auto", arcs=[(0, 30, "explore"), (30, 60, "combat")]
    )
    calm = compose("chiptune", 60, seed=1, ending="auto", arcs=[(0, 60, "explore")])
    assert fight.ending == "cadence" and calm.ending == "fade"
    outro = [c.name for c in fight.chords if c.start_s >= fight.sections[-1].start_s]
    assert outro[:2] == ["bVI", "bVII"]  # the victory cadence


@pytest.mark.parametrize("style", ["chiptune", "lofi", "boss"])
def test_a_loop_is_whole_bars_and_its_last_bar_leads_home(style: str) -> None:
    piece = compose(style, 41.0, seed=3, ending="loop")
    bar = 4 * 60 / piece.bpm
    assert piece.ending == "loop"
    assert abs(piece.duration_s / bar - round(piece.duration_s / bar)) < 1e-9
    assert piece.grid.phase == 0 and piece.sections[0].name != "intro"
    last = piece.chords[-1]
    assert last.pcs[0] != (piece.tonic % 12)  # not the tonic: it resolves into bar 1
    assert piece.chords[0].pcs[0] == piece.tonic % 12 or piece.chords[0].name.startswith("b")
    assert all(n.dur_s < 1e3 for n in piece.notes)  # no ring-out chord
    assert compose(style, 41.0, seed=3, ending="loop").notes == piece.notes
