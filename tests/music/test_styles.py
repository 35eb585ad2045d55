from __future__ import annotations

import pytest

from gamemusic.errors import BadInput
from gamemusic.music import STYLES, get_style
from gamemusic.music.theory import MODES, parse_bars


def test_the_nine_styles_are_listed_in_order_with_their_titles() -> None:
    assert [(s.id, s.title) for s in STYLES.values()] == [
        ("chiptune", "Retro Chiptune"),
        ("16bit", "16-bit FM"),
        ("boss", "Boss Battle"),
        ("rpg", "RPG Overworld"),
        ("dungeon", "Dungeon Ambient"),
        ("synthwave", "Synthwave"),
        ("lofi", "Lo-fi Chill"),
        ("platformer", "Platformer"),
        ("racing", "Racing"),
    ]


def test_every_style_is_a_complete_preset() -> None:
    for s in STYLES.values():
        low, high = s.bpm_range
        assert low <= s.default_bpm <= high
        assert s.mode in MODES and len(set(s.keys)) >= 6 and len(s.families) >= 3
        for fam in s.families:  # every numeral parses; periods of 8 bars, bridges of 4
            assert len(parse_bars(fam.a, MODES[s.mode])) == 8
            assert len(parse_bars(fam.b, MODES[s.mode])) == 8
            assert len(parse_bars(fam.bridge, MODES[s.mode])) == 4
            assert parse_bars(fam.tail, MODES[s.mode])
        assert "\n" not in s.summary and s.summary
        roles = {v.role for v in s.voices}
        assert {"lead", "bass", "drums"} <= roles
        grooves = (s.drums, *s.alt_drums)
        assert len(grooves) >= 2
        assert all(len(p) == 16 for g in grooves for d in g for p in d.patterns)
        for v in s.voices:
            for pats in (v.patterns, *v.alt_patterns):
                assert all(len(p) == 16 for p in pats if p)


def test_chiptune_uses_nes_pulse_duties_and_a_triangle_bass() -> None:
    voices = get_style("chiptune").voices
    duties = {v.timbre.duty for v in voices if v.timbre and v.timbre.wave == "pulse"}
    assert duties == {0.125, 0.25, 0.5}
    assert next(v for v in voices if v.role == "bass").timbre.wave == "triangle"  # type: ignore[union-attr]


def test_lofi_swings_and_has_vinyl_noise() -> None:
    lofi = get_style("lofi")
    assert lofi.swing > 0 and lofi.vinyl > 0


def test_an_unknown_style_is_bad_input_naming_the_styles() -> None:
    with pytest.raises(BadInput) as err:
        get_style("polka")
    assert err.value.code == "unknown_style"
    assert err.value.message == "Unknown style 'polka'."
    assert "chiptune, 16bit, boss" in err.value.hint
