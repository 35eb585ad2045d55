"""Typed edit fields: the same draft as their sentence form (a property over random fields),
the one sentence the cloud agent receives, and `gamemusic edit` with options."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from typer.testing import CliRunner

from gamemusic.cli import app
from gamemusic.sessions import Media
from gamemusic.words import (
    EditFields,
    apply_plan,
    cloud_sentence,
    new_draft,
    parse,
    plan_from_fields,
)
from gamemusic.words.fields import sentence
from helpers import make_video

MEDIA = Media(id="m1", name="match.mp4", source="/x/match.mp4", kind="video", duration_ms=600_000,
              width=1920, height=1080, has_audio=True, size_bytes=1)  # fmt: skip
STYLES = ["chiptune", "16bit", "boss", "rpg", "dungeon", "synthwave", "lofi", "platformer",
          "racing"]  # fmt: skip


def _num(lo: float, hi: float, places: int = 2) -> st.SearchStrategy[float]:
    return st.floats(lo, hi, allow_nan=False).map(lambda v: round(v, places)).filter(
        lambda v: lo <= v <= hi
    )


def _opt(s: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), s)


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
                min_size=1, max_size=30).filter(lambda t: t.strip() != "")  # fmt: skip
_TITLE = st.fixed_dictionaries({
    "text": _TEXT, "start_s": _opt(_num(0, 500, 1)), "duration_s": _opt(_num(0.5, 60, 1)),
    "position": _opt(st.sampled_from(["top", "center", "bottom"])),
    "kind": st.sampled_from(["title", "text"]),
})  # fmt: skip


@st.composite
def edit_fields(draw: st.DrawFn) -> EditFields:
    values: dict[str, Any] = {
        "style": draw(_opt(st.sampled_from(STYLES))),
        "music_volume" if draw(st.booleans()) else "music_volume_factor": draw(_opt(_num(0.1, 1))),
        "game_volume" if draw(st.booleans()) else "game_volume_factor": draw(_opt(_num(0.1, 2))),
        "game_audio": draw(_opt(st.sampled_from(["keep", "mute"]))),
        "fade_in_s": draw(_opt(_num(0, 30, 1))),
        "fade_out_s": draw(_opt(_num(0, 30, 1))),
        "tempo_bpm": draw(_opt(st.integers(40, 240))),
        "tempo_factor": draw(_opt(_num(0.5, 2))),
        "new_take": draw(_opt(st.booleans())),
        "seed": draw(_opt(st.integers(0, 10**6))),
        "stingers": draw(_opt(st.booleans())),
        "arc": draw(_opt(st.sampled_from(["auto", "calm", "intense"]))),
        "climax_s": draw(_opt(_num(0, 500, 1))),
        "remove_titles": draw(_opt(st.booleans())),
        "aspect": draw(_opt(st.sampled_from(["auto", "16:9", "9:16", "1:1"]))),
        "titles": draw(_opt(st.lists(_TITLE, max_size=2))),
    }
    if values["tempo_bpm"] is not None and draw(st.booleans()):
        values["tempo_factor"] = None  # one or the other: together they are rejected
    elif values["tempo_bpm"] is not None:
        values["tempo_bpm"] = None
    ducking = draw(st.sampled_from(["none", "on", "off", "db"]))
    if ducking != "none":
        values["ducking"] = {"on": True, "off": False, "db": None}[ducking]
        if ducking == "db":
            values["ducking_db"] = draw(_num(1, 24, 1))
    where = draw(st.sampled_from(["none", "last", "span", "from", "until", "whole", "early"]))
    if where == "last":
        values["music_last_s"] = draw(_num(1, 500, 1))
    elif where == "early":
        values["music_stops_before_end_s"] = draw(_num(1, 120, 1))
        if draw(st.booleans()):
            values["music_start_s"] = draw(_num(1, 300, 1))
    elif where in ("span", "from"):
        values["music_start_s"] = draw(_num(1, 300, 1))
        if where == "span":
            values["music_end_s"] = values["music_start_s"] + draw(_num(1, 200, 1))
    elif where == "until":
        values["music_end_s"] = draw(_num(1, 500, 1))
    elif where == "whole":
        values["music_start_s"] = 0.0
    values["undo"] = draw(st.booleans())
    if draw(st.booleans()):
        values["remove_music"] = True
        for key in list(values):
            if key not in ("remove_music", "game_audio", "game_volume", "game_volume_factor",
                           "titles", "remove_titles", "aspect", "undo"):  # fmt: skip
                values.pop(key)
    if values["game_audio"] == "mute":
        values.pop("game_volume", None), values.pop("game_volume_factor", None)
    return EditFields.model_validate({k: v for k, v in values.items() if v is not None})


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edit_fields())
def test_typed_fields_and_their_sentence_give_the_same_draft(fields: EditFields) -> None:
    said = sentence(fields)
    typed_plan = plan_from_fields(fields)
    draft = new_draft(MEDIA)
    if fields.is_empty:
        assert said == ""
        return
    spoken = parse(said)
    assert spoken.ignored == [], said
    assert spoken.changed() == typed_plan.changed(), said
    typed, _ = apply_plan(draft, typed_plan, media=MEDIA)
    heard, _ = apply_plan(draft, spoken, media=MEDIA)
    assert heard.dump() == typed.dump()


def test_the_cloud_agent_gets_one_clear_sentence_then_the_users_words() -> None:
    fields = EditFields(style="boss", game_volume=0.5, music_last_s=20, aspect="9:16")
    said = cloud_sentence(fields, "and make it epic")
    assert said == ("make it 9:16, game audio at 50%, music in the last 20s, switch the style to "
                    "boss. and make it epic")  # fmt: skip
    assert cloud_sentence(None, "quieter") == "quieter"
    early = EditFields(music_start_s=5, music_stops_before_end_s=10)
    assert cloud_sentence(early, None) == "music from 5s until 10s before the end"


@pytest.mark.parametrize(
    "values",
    [{"music_volume": 2}, {"undo": True, "redo": True}, {"music_last_s": 5, "music_start_s": 1},
     {"music_stops_before_end_s": 5, "music_end_s": 60},
     {"ducking": False, "ducking_db": 10}, {"remove_music": True, "fade_in_s": 1},
     {"titles": [{"text": "   "}]}, {"tempo_bpm": 500}, {"nope": 1}],
)
def test_fields_that_cannot_be_applied_are_rejected_by_validation(values: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        EditFields.model_validate(values)


runner = CliRunner()


@pytest.mark.parametrize(
    ("where", "segment"),
    [(["--last", "1"], {"s": 1000, "e": 2000}), (["--stop-before-end", "0.5"], {"s": 0, "e": 1500})],
)
def test_gamemusic_edit_takes_the_same_changes_as_options(
    tmp_path: Path, where: list[str], segment: dict[str, int]
) -> None:
    src = make_video(tmp_path / "clip.mp4", seconds=2)
    sid = json.loads(runner.invoke(app, ["upload", str(src), "--json"]).stdout)["session_id"]
    edited = runner.invoke(app, ["edit", sid, "--style", "8-bit", "--game-volume", "0.5", *where,
                                 "--no-stingers", "--title", "GG", "--json"])  # fmt: skip
    assert edited.exit_code == 0, edited.stderr
    state = json.loads(runner.invoke(app, ["state", sid, "--json"]).stdout)["draft"]
    bgm = next(t for t in state["t"] if t["tt"] == 1)
    assert bgm["m"]["style"] == "chiptune" and bgm["m"]["stingers"] is False
    assert bgm["sg"] == [segment]
    assert state["m"]["game_volume"] == 0.5
    assert next(t for t in state["t"] if t["tt"] == 7)["m"]["text"] == "GG"
    both = runner.invoke(app, ["edit", sid, "louder", "--aspect", "1:1", "--json"])
    assert both.exit_code == 0, both.stderr
    assert any("Volume" in c for c in json.loads(both.stdout)["changes"])


def test_gamemusic_edit_rejects_options_that_contradict_in_one_line(tmp_path: Path) -> None:
    src = make_video(tmp_path / "clip.mp4", seconds=1)
    sid = json.loads(runner.invoke(app, ["upload", str(src), "--json"]).stdout)["session_id"]
    for args in (["--undo", "--redo"], ["--start", "5", "--end", "2"], []):
        result = runner.invoke(app, ["edit", sid, *args])
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1
