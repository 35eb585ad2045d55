"""The passes that run before the rules: typing slips, "it", numbers in words, and what a
partial-range volume becomes (a named refusal, never a moved range)."""

from __future__ import annotations

import pytest

from gamemusic.words import parse
from gamemusic.words.refer import resolve
from gamemusic.words.text import en_number, normalize
from gamemusic.words.typos import correct


@pytest.mark.parametrize(
    ("slip", "fixed"),
    [("musci is too lowd", "music is too loud"), ("make it quiter", "make it quieter"),
     ("fatser tempo", "faster tempo"), ("vertcal", "vertical")],
)  # fmt: skip
def test_a_slip_one_edit_from_a_keyword_is_corrected(slip: str, fixed: str) -> None:
    assert correct(slip) == fixed


@pytest.mark.parametrize(
    "text", ["quite loud", "master volume", "the pacing is off", "a cute tune", "lower power"]
)
def test_real_words_are_never_rewritten(text: str) -> None:
    assert correct(text) == text


def test_it_after_the_game_audio_is_the_game_audio_only_before_a_level() -> None:
    assert resolve("keep the game audio but lower it a little") == (
        "keep the game audio but lower the game audio a little"
    )
    assert resolve("keep the game audio, keep it calm") == "keep the game audio, keep it calm"
    assert resolve("add music and make it louder") == "add music and make it louder"


@pytest.mark.parametrize(
    ("words", "value"),
    [("twenty", 20), ("seventy five", 75), ("a hundred and twenty", 120), ("one twenty", 120),
     ("bit", None)],
)  # fmt: skip
def test_numbers_in_words(words: str, value: int | None) -> None:
    assert en_number(words) == value


def test_numbers_in_words_become_digits_only_next_to_a_unit_or_a_key() -> None:
    assert normalize("twenty percent volume") == "20 percent volume"
    assert normalize("set bpm to one twenty") == "set bpm to 120"
    assert normalize("one more take") == "one more take"
    assert normalize("音乐音量二十") == "音乐音量20"
    assert normalize("音量一半") == "音量一半"


@pytest.mark.parametrize(
    "text", ["louder in the last 30 seconds", "music way too loud in the first 10 seconds",
             "最后一分钟音乐大声点", "louder toward the end please"],
)  # fmt: skip
def test_a_volume_over_part_of_the_video_is_refused_and_no_range_is_set(text: str) -> None:
    plan = parse(text)
    assert plan.unsupported and plan.is_empty  # the router refuses it, naming the part


def test_a_partial_volume_beside_a_real_request_keeps_only_the_real_one() -> None:
    plan = parse("add boss music and make it louder in the last 30 seconds")
    assert plan.style == "boss" and plan.range is None and plan.volume_factor is None
    assert plan.unsupported
