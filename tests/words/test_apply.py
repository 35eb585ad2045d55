"""EditPlan -> Draft: the short-key JSON the renderers read, the change texts, the timeline."""

from __future__ import annotations

import pytest
from corpus_check import load
from hypothesis import given, settings
from hypothesis import strategies as st

from gamemusic.draft import Draft, timeline_summary
from gamemusic.errors import BadInput
from gamemusic.music import STYLES
from gamemusic.sessions import Media
from gamemusic.words import EditPlan, apply_plan, new_draft, parse
from gamemusic.words.vocabulary import STYLE_TITLES

MEDIA = Media(
    id="m1", name="ranked match.mp4", source="/v/ranked match.mp4", kind="video",
    duration_ms=120_000, width=1920, height=1080, has_audio=True,
)  # fmt: skip
VIDEO = {"tt": 0, "sg": [{"s": 0, "e": 120000}], "m": {"name": "ranked match", "media": "m1"}}
BGM_META = {"name": "Retro Chiptune", "style": "chiptune", "volume": 0.35, "seed": 1,
            "fade_in": 1.5, "fade_out": 2.5, "duck": True, "duck_db": 8.0}  # fmt: skip


def edit(draft: Draft, *sentences: str, lang: str = "en") -> tuple[Draft, list[str]]:
    changes: list[str] = []
    for sentence in sentences:
        draft, said = apply_plan(draft, parse(sentence), media=MEDIA, lang=lang)
        changes += said
    return draft, changes


def bgm(draft: Draft) -> dict:
    return next(t for t in draft.dump()["t"] if t["tt"] == 1)


def test_a_new_draft_is_the_video_alone_named_after_the_file() -> None:
    assert new_draft(MEDIA).dump() == {"t": [VIDEO], "d": 120000}


def test_adding_chiptune_creates_the_bgm_track_with_every_default() -> None:
    draft, changes = edit(new_draft(MEDIA), "add retro chiptune background music")
    assert draft.dump() == {
        "t": [VIDEO, {"tt": 1, "sg": [{"s": 0, "e": 120000}], "m": BGM_META}],
        "d": 120000,
    }
    assert changes == ["Added music: Retro Chiptune (0:00-2:00, 35%)"]


def test_apply_plan_returns_a_new_draft_and_leaves_the_input_alone() -> None:
    before = new_draft(MEDIA)
    snapshot = before.dump()
    after, _ = edit(before, "add boss music, vertical, add title 'GO'")
    assert before.dump() == snapshot
    assert after is not before


def test_the_iterative_session_of_the_issue_gives_the_expected_timeline() -> None:
    draft, changes = edit(
        new_draft(MEDIA), "add chiptune", "quieter", "only 0:30-1:00", "add title 'Boss Rush'"
    )
    assert changes[1:] == [
        "Volume 35% -> 21%",
        "Music plays 0:30-1:00",
        'Title "Boss Rush" 0:00-0:03 (center)',
    ]
    assert timeline_summary(draft) == (
        "Timeline (3 tracks): 1. Video: ranked match (0-120s) "
        '2. BGM: Retro Chiptune (30-60s, 21%) 3. Title: "Boss Rush" (0-3s)'
    )
    assert bgm(draft)["sg"] == [{"s": 30000, "e": 60000}]
    assert draft.dump()["t"][2] == {
        "tt": 7, "sg": [{"s": 0, "e": 3000}], "m": {"text": "Boss Rush", "position": "center"}
    }  # fmt: skip


@pytest.mark.parametrize(
    ("sentences", "volume"),
    [
        (["add chiptune", "quieter"], 0.21),
        (["add chiptune", "much quieter"], 0.126),
        (["add chiptune", "louder"], 0.525),
        (["add chiptune", "volume 90%", "louder"], 1.0),
        (["add chiptune", "volume 6%", "quieter"], 0.05),
        (["add chiptune", "set the volume to 50%"], 0.5),
    ],
)
def test_volume_changes_scale_and_clamp(sentences: list[str], volume: float) -> None:
    draft, _ = edit(new_draft(MEDIA), *sentences)
    assert bgm(draft)["m"]["volume"] == volume


def test_a_volume_change_without_music_adds_the_default_style_and_says_so() -> None:
    draft, changes = edit(new_draft(MEDIA), "louder")
    assert bgm(draft)["m"] == BGM_META | {"volume": 0.525}
    assert changes == ["No music yet, so I added Retro Chiptune first (35%)", "Volume 35% -> 52%"]


def test_changing_style_keeps_every_other_setting() -> None:
    draft, changes = edit(
        new_draft(MEDIA), "add chiptune", "volume 40%, fade in 3 s, no ducking, last 20 seconds"
    )
    draft, changes = edit(draft, "switch to synthwave")
    assert bgm(draft) == {
        "tt": 1,
        "sg": [{"s": 100000, "e": 120000}],
        "m": BGM_META | {"name": "Synthwave", "style": "synthwave", "volume": 0.4,
                         "fade_in": 3.0, "duck": False},
    }  # fmt: skip
    assert changes == ["Style: Retro Chiptune -> Synthwave"]


def test_tempo_follows_the_style_default_then_the_current_bpm() -> None:
    draft, changes = edit(new_draft(MEDIA), "add boss music", "faster")
    boss = STYLES["boss"].default_bpm
    assert bgm(draft)["m"]["bpm"] == round(boss * 1.15)
    draft, changes = edit(draft, "120 bpm", "slower")
    assert bgm(draft)["m"]["bpm"] == round(120 * 0.87)
    assert changes == [f"Tempo {round(boss * 1.15)} -> 120 BPM", "Tempo 120 -> 104 BPM"]


def test_another_take_bumps_the_seed_deterministically() -> None:
    draft, changes = edit(new_draft(MEDIA), "add lofi", "another take", "try again")
    assert bgm(draft)["m"]["seed"] == 3
    assert changes[1:] == ["New take (seed 2)", "New take (seed 3)"]


def test_ducking_and_fades_write_their_fields() -> None:
    draft, changes = edit(new_draft(MEDIA), "add rpg", "stronger ducking, no fade in, fade out 3 s")
    assert bgm(draft)["m"] == BGM_META | {
        "name": "RPG Overworld", "style": "rpg", "duck_db": 12.0, "fade_in": 0.0, "fade_out": 3.0
    }  # fmt: skip
    assert changes[1:] == ["Fade in off", "Fade out 3 s", "Ducking on (12 dB under voice and loud game audio)"]  # fmt: skip


def test_remove_music_mute_and_keep_original_audio() -> None:
    draft, changes = edit(new_draft(MEDIA), "add chiptune", "mute the game audio")
    assert draft.dump()["m"] == {"original_audio": "mute"}
    draft, changes = edit(draft, "keep original only")
    assert draft.dump() == {"t": [VIDEO], "d": 120000, "m": {"original_audio": "keep"}}
    assert changes == ["Game audio kept", "Music removed (Retro Chiptune)"]
    _, changes = edit(draft, "remove the music")
    assert changes == ["There was no music to remove"]


def test_aspect_and_1080p_go_to_the_draft_meta() -> None:
    draft, changes = edit(new_draft(MEDIA), "make it vertical for TikTok in 1080p")
    assert draft.dump()["m"] == {"aspect": "9:16", "height": 1080}
    assert changes == ["Aspect: vertical 9:16", "Output 1080p"]


@pytest.mark.parametrize(
    ("sentence", "segment", "position"),
    [
        ("add title 'Boss Rush'", {"s": 0, "e": 3000}, "center"),
        ("add title 'Boss Rush' for 5 s", {"s": 0, "e": 5000}, "center"),
        ('add text "GG" at 1:00 for 2 seconds', {"s": 60000, "e": 62000}, "bottom"),
        ("add title 'The End' at the end", {"s": 117000, "e": 120000}, "center"),
        ("add text 'late' at 1:59 for 5 s", {"s": 119000, "e": 120000}, "bottom"),
        ("add title 'Round 1' from 0:05 to 0:08 at the top", {"s": 5000, "e": 8000}, "top"),
        ("在1:00加文字“GG”持续2秒", {"s": 60000, "e": 62000}, "bottom"),
    ],
)
def test_titles_get_their_time_clipped_to_the_video_and_a_default_place(
    sentence: str, segment: dict, position: str
) -> None:
    draft, _ = edit(new_draft(MEDIA), sentence)
    title = draft.dump()["t"][-1]
    assert (title["tt"], title["sg"], title["m"]["position"]) == (7, [segment], position)


def test_tracks_stay_in_order_video_bgm_titles() -> None:
    draft, _ = edit(new_draft(MEDIA), "add title 'A'", "add synthwave", "add text 'B' at 0:10")
    assert [t["tt"] for t in draft.dump()["t"]] == [0, 1, 7, 7]


@pytest.mark.parametrize(
    "sentence",
    ["from 3:00 to 3:30", "add title 'late' at 2:30", "from 2:00", "from " + "9" * 400 + " s"],
)
def test_a_range_past_the_end_names_the_videos_length(sentence: str) -> None:
    with pytest.raises(BadInput) as err:
        edit(new_draft(MEDIA), sentence)
    assert err.value.code == "out_of_range"
    assert "2:00" in err.value.message


def test_a_range_running_past_the_end_is_clipped() -> None:
    draft, changes = edit(new_draft(MEDIA), "add chiptune from 1:30 to 5:00")
    assert bgm(draft)["sg"] == [{"s": 90000, "e": 120000}]
    assert changes[-1] == "Music plays 1:30-2:00"


@pytest.mark.parametrize(
    ("sentence", "segment", "said"),
    [
        ("stop the music 10 seconds before the end", (0, 110000), "Music plays 0:00-1:50"),
        ("最后10秒不要音乐", (0, 110000), "音乐播放区间 0:00-1:50"),
        ("music from 0:05 until 20s before the end", (5000, 100000), "Music plays 0:05-1:40"),
    ],
)
def test_an_end_before_the_videos_end_is_measured_from_its_length(
    sentence: str, segment: tuple[int, int], said: str
) -> None:
    draft, changes = edit(new_draft(MEDIA), "add chiptune", sentence, lang=parse(sentence).lang)
    assert bgm(draft)["sg"] == [{"s": segment[0], "e": segment[1]}]
    assert changes[-1] == said


def test_a_gap_before_the_end_longer_than_the_music_names_the_videos_length() -> None:
    with pytest.raises(BadInput) as err:
        edit(new_draft(MEDIA), "from 1:00 stop the music 90 seconds before the end")
    assert err.value.code == "out_of_range"
    assert "2:00" in err.value.message and "1:30" in err.value.message


def test_undo_and_redo_are_left_to_the_caller() -> None:
    draft = new_draft(MEDIA)
    same, changes = apply_plan(draft, EditPlan(undo=True), media=MEDIA)
    assert (same.dump(), changes) == (draft.dump(), [])


def test_change_texts_are_in_chinese_for_chinese_users() -> None:
    draft, changes = edit(
        new_draft(MEDIA), "加芯片音乐", "调低音乐", "最后30秒", "加标题「胜利」", "竖屏", lang="zh"
    )
    assert changes == [
        "已加音乐：复古芯片音乐（0:00-2:00，35%）",
        "音量 35% -> 21%",
        "音乐播放区间 1:30-2:00",
        "标题“胜利” 0:00-0:03（居中）",
        "画幅：竖屏 9:16",
    ]
    assert timeline_summary(draft) == (
        "Timeline (3 tracks): 1. Video: ranked match (0-120s) "
        '2. BGM: Retro Chiptune (90-120s, 21%) 3. Title: "胜利" (0-3s)'
    )
    assert timeline_summary(draft, "zh") == (
        "时间线（3 条轨道）：1. 视频：ranked match（0-120 秒） "
        "2. 背景音乐：复古芯片音乐（90-120 秒，21%） 3. 标题：“胜利”（0-3 秒）"
    )


def test_unknown_cloud_keys_survive_an_edit() -> None:
    raw = new_draft(MEDIA).dump() | {"cloud_rev": 7}
    raw["t"][0]["m"]["fx"] = "grain"
    draft, _ = edit(Draft.model_validate(raw), "add chiptune")
    assert draft.dump()["cloud_rev"] == 7
    assert draft.dump()["t"][0]["m"]["fx"] == "grain"


def test_style_titles_match_the_music_registry() -> None:
    assert {k: s.title for k, s in STYLES.items()} == STYLE_TITLES


_SENTENCES = [c.text for c in load() if "_refuse" not in c.expected]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=4), st.integers(0, 200_000))
def test_any_parsed_plan_applied_to_a_draft_round_trips_through_the_model(
    sentences: list[str], duration_ms: int
) -> None:
    media = MEDIA.model_copy(update={"duration_ms": duration_ms})
    draft = new_draft(media)
    for sentence in sentences:
        try:
            draft, _ = apply_plan(draft, parse(sentence), media=media)
        except BadInput as exc:  # a range past a short video's end
            assert exc.code == "out_of_range"
    assert Draft.model_validate(draft.dump()).dump() == draft.dump()
    types = [t.type for t in draft.tracks]
    assert types == sorted(types)


def test_quieter_under_my_voice_deepens_the_dip_each_time_it_is_asked() -> None:
    draft, _ = edit(new_draft(MEDIA), "add boss music")
    assert bgm(draft)["m"]["duck_db"] == 8.0
    draft, changes = edit(draft, "quieter under my commentary")
    assert bgm(draft)["m"]["duck_db"] == 12.0 and "12 dB" in changes[-1]
    draft, _ = edit(draft, "解说时音乐再低一点", lang="zh")
    assert bgm(draft)["m"]["duck_db"] == 16.0
    draft, _ = edit(draft, "no ducking", "quieter when I talk")
    assert bgm(draft)["m"]["duck"] is True and bgm(draft)["m"]["duck_db"] == 16.0, "back on"
