from __future__ import annotations

import numpy as np
import pytest

from gamemusic.errors import BadInput
from gamemusic.music import STYLES, compose


def _chord_at(piece, t: float):
    return next((c for c in piece.chords if c.start_s - 1e-6 <= t < c.end_s), None)


@pytest.mark.parametrize("style", list(STYLES))
def test_pitched_notes_follow_the_chord_scales(style: str) -> None:
    piece = compose(style, 90, seed=5)
    drums = {v.name for v in piece.style.voices if v.role == "drums"}
    lead = piece.style.voices[0].name
    pitched = [n for n in piece.notes if n.voice not in drums and n.dur_s < 1e3]
    assert pitched
    outside = []
    for n in pitched:
        chord = _chord_at(piece, n.start_s + 1e-4)
        if chord is not None and n.pitch % 12 not in chord.scale:
            outside.append(n)
    # chromatic colour (bass approach notes, a boss riff's flat second) stays rare ...
    assert len(outside) <= 0.08 * len(pitched)
    # ... and the melody never leaves the scale of its chord
    assert [n for n in outside if n.voice == lead] == []


@pytest.mark.parametrize("style", list(STYLES))
def test_every_voice_plays_and_notes_end_by_the_end(style: str) -> None:
    piece = compose(style, 60, seed=2)
    assert {n.voice for n in piece.notes} == {v.name for v in piece.style.voices}
    assert all(n.start_s >= 0 and n.start_s + n.dur_s <= 60 + 1e-9 for n in piece.notes)
    assert [n.start_s for n in piece.notes] == sorted(n.start_s for n in piece.notes)


def test_sections_tile_the_piece_from_intro_to_outro() -> None:
    piece = compose("rpg", 150, seed=1)
    names = [s.name for s in piece.sections]
    assert names[0] == "intro" and names[-1] == "outro"
    assert {"A", "B", "bridge"} <= set(names)
    assert piece.sections[0].start_s == 0 and piece.sections[-1].end_s == 150
    for a, b in zip(piece.sections, piece.sections[1:], strict=False):
        assert a.end_s == pytest.approx(b.start_s)


@pytest.mark.parametrize("seconds", [1.0, 2.5, 6.0])
def test_a_short_clip_is_an_intro_and_an_ending_only(seconds: float) -> None:
    piece = compose("chiptune", seconds)
    assert {s.name for s in piece.sections} <= {"intro", "outro"}
    assert piece.sections[-1].name == "outro" and piece.sections[-1].end_s == seconds


def test_an_hour_loops_its_sections_with_variation() -> None:
    piece = compose("synthwave", 3600, seed=4)
    a_sections = [s for s in piece.sections if s.name == "A"]
    assert len(a_sections) > 20
    assert max(s.variation for s in a_sections) == len(a_sections) - 1
    lead = [
        [n.pitch for n in piece.notes if n.voice == "lead" and s.start_s <= n.start_s < s.end_s]
        for s in a_sections[:4]
    ]
    assert len({tuple(x) for x in lead}) > 1  # repeats are varied, not copies


def test_the_cadence_ends_on_the_tonic_chord() -> None:
    piece = compose("boss", 45, seed=3)
    final_s = max(n.start_s for n in piece.notes if n.voice == "bass")
    last = [n for n in piece.notes if n.start_s >= final_s - 1e-9 and n.voice == "bass"]
    assert [(n.pitch - piece.tonic) % 12 for n in last] == [0]
    assert final_s <= 45 - 1.2 and last[0].start_s + last[0].dur_s == pytest.approx(45)


def test_given_cuts_become_section_changes_on_the_nearest_bar_line() -> None:
    cuts = [10.0, 23.7, 31.2]
    piece = compose("racing", 50, seed=1, cuts=cuts)
    bar = 4 * 60 / piece.bpm
    starts = [s.start_s for s in piece.sections]
    for cut in piece.cuts_s:
        assert min(abs(s - cut) for s in starts) < 1e-6
        assert min(abs(cut - c) for c in cuts) <= bar / 2 + 1e-6
    assert len(piece.cuts_s) >= 2
    by_start = {round(s.start_s, 6): i for i, s in enumerate(piece.sections)}
    for cut in piece.cuts_s:
        i = by_start[round(cut, 6)]
        assert piece.sections[i].name != piece.sections[i - 1].name
    downbeats = {piece.grid.phase + 4 * k for k in range(200)}
    assert all(s.start_beat in downbeats for s in piece.sections[1:])


def test_cuts_too_close_together_do_not_chop_the_music() -> None:
    piece = compose("chiptune", 60, seed=2, cuts=[float(t) for t in range(5, 55, 2)])
    lengths = [(s.end_beat - s.start_beat) // 4 for s in piece.sections if s.name in "AB"]
    assert lengths and min(lengths) >= 4


def test_high_game_intensity_makes_denser_music_than_low() -> None:
    quiet = compose("platformer", 60, seed=1, intensity=np.full(120, 0.05))
    loud = compose("platformer", 60, seed=1, intensity=np.full(120, 0.95))
    assert len(loud.notes) > 1.3 * len(quiet.notes)


def test_the_same_seed_composes_the_same_notes_and_another_seed_does_not() -> None:
    assert compose("lofi", 30, seed=8).notes == compose("lofi", 30, seed=8).notes
    assert compose("lofi", 30, seed=8).notes != compose("lofi", 30, seed=9).notes
    a, b = compose("lofi", 60, seed=1), compose("lofi", 60, seed=2)
    assert [c.name for c in a.chords] != [c.name for c in b.chords] or a.tonic != b.tonic


def test_a_requested_bpm_is_used_exactly() -> None:
    assert compose("chiptune", 20, bpm=133).bpm == 133


def test_a_seed_picks_the_tempo_in_the_style_range_and_bpm_overrides_it() -> None:
    tempos = {compose("boss", 10, seed=s).bpm for s in range(8)}
    low, high = compose("boss", 10).style.bpm_range
    assert len(tempos) >= 3 and all(low <= t <= high for t in tempos)


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"duration_s": 0}, "bad_duration"),
        ({"duration_s": float("nan")}, "bad_duration"),
        ({"duration_s": 10, "bpm": 5}, "bad_bpm"),
        ({"duration_s": 10, "ending": "explode"}, "bad_ending"),
    ],
)
def test_impossible_requests_are_bad_input(kwargs: dict, code: str) -> None:
    with pytest.raises(BadInput) as err:
        compose("chiptune", **kwargs)
    assert err.value.code == code
