from __future__ import annotations

import numpy as np
import pytest
from inline_snapshot import snapshot

from gamemusic.errors import BadInput
from gamemusic.music import STYLES, compose


@pytest.mark.parametrize("style", list(STYLES))
def test_pitched_notes_stay_in_the_style_scale(style: str) -> None:
    piece = compose(style, 90, seed=5)
    drums = {v.name for v in piece.style.voices if v.role == "drums"}
    pitched = [n for n in piece.notes if n.voice not in drums]
    assert pitched
    assert [n for n in pitched if not piece.in_scale(n.pitch)] == []


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


def test_given_cuts_become_section_changes_within_a_beat() -> None:
    cuts = [10.0, 23.7, 31.2]
    piece = compose("racing", 50, seed=1, cuts=cuts)
    beat = 60 / piece.bpm
    starts = [s.start_s for s in piece.sections]
    for cut in cuts:
        assert min(abs(s - cut) for s in starts) <= beat
    by_start = {round(s.start_s, 6): i for i, s in enumerate(piece.sections)}
    for cut in piece.cuts_s:
        i = by_start[round(cut, 6)]
        assert piece.sections[i].name != piece.sections[i - 1].name


def test_a_cut_near_a_bar_line_is_nudged_onto_it_and_others_onto_a_beat() -> None:
    plain = compose("16bit", 40)
    beat = 60 / plain.bpm
    bar_line = (plain.grid.phase + 4 * 8) * beat
    near, far = bar_line + 0.2 * beat * 4 * 0.9, bar_line + 4 * 4 * beat + 2.3 * beat
    piece = compose("16bit", 40, cuts=[near, far])
    assert piece.cuts_s == pytest.approx((bar_line, bar_line + 4 * 4 * beat + 2 * beat))


def test_high_game_intensity_makes_denser_music_than_low() -> None:
    quiet = compose("platformer", 60, seed=1, intensity=np.full(120, 0.05))
    loud = compose("platformer", 60, seed=1, intensity=np.full(120, 0.95))
    assert len(loud.notes) > 1.3 * len(quiet.notes)


def test_the_same_seed_composes_the_same_notes_and_another_seed_does_not() -> None:
    assert compose("lofi", 30, seed=8).notes == compose("lofi", 30, seed=8).notes
    assert compose("lofi", 30, seed=8).notes != compose("lofi", 30, seed=9).notes


def test_a_requested_bpm_is_used_exactly() -> None:
    assert compose("chiptune", 20, bpm=133).bpm == 133


def test_the_first_note_events_of_a_seeded_piece_are_stable() -> None:
    piece = compose("chiptune", 30, seed=42)
    first = piece.notes[:3] + [n for n in piece.notes if n.voice == "lead"][:5]
    events = [(round(n.start_s, 3), round(n.dur_s, 3), n.pitch, n.velocity, n.voice) for n in first]
    assert events == snapshot(
        [
            (0.0, 0.64, 41, 88, "bass"),
            (0.0, 0.1, 36, 89, "drums"),
            (0.0, 0.1, 42, 62, "drums"),
            (3.2, 0.17, 72, 101, "lead"),
            (3.4, 0.51, 69, 91, "lead"),
            (4.0, 0.17, 72, 101, "lead"),
            (4.2, 0.34, 77, 91, "lead"),
            (4.6, 0.17, 69, 91, "lead"),
        ]
    )


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
