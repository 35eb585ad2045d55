"""GUI wording -> actions: the pure translation."""

from __future__ import annotations

import pytest

from gamemusic.backends.nemo.gui import Action, done, translate


@pytest.mark.parametrize(
    ("reply", "kept", "kinds"),
    [
        ("Added chiptune at 35%. Click Export to download it!", "Added chiptune at 35%.",
         ["export"]),
        ("Done. Preview it in the timeline.", "Done.", ["timeline"]),
        ("Music added. Open the asset panel to see it.", "Music added.", ["state"]),
        ("Click Apply to confirm.", "", ["state"]),
        ("Tap the credits badge to check your balance.", "", ["credits"]),
        ("Click Upload to add another clip.", "", ["upload"]),
        ("已添加背景音乐。点击导出按钮下载视频。", "已添加背景音乐。", ["export"]),
        ("请打开素材库查看。", "", ["state"]),
        ("音乐已加好，可以在时间线上预览。", "", ["timeline"]),
        ("The beat is 140 BPM, matching the action.",
         "The beat is 140 BPM, matching the action.", []),
    ],
)  # fmt: skip
def test_gui_instructions_are_taken_out_and_turned_into_actions(
    reply: str, kept: str, kinds: list[str]
) -> None:
    result = translate(reply)
    assert result.text == kept
    assert [a.kind for a in result.actions] == kinds


def test_a_drag_instruction_becomes_a_message_for_the_editor_to_do_it() -> None:
    result = translate("Music is in. Drag the BGM track so it starts at 0:05.")
    assert result.text == "Music is in."
    assert result.actions == [
        Action(
            "message", "Please make this change yourself: Drag the BGM track so it starts at 0:05."
        )
    ]


def test_chinese_drag_wording_is_a_message_too() -> None:
    result = translate("拖拽音乐轨道到0:05。")
    assert result.actions[0].kind == "message" and "拖拽音乐轨道到0:05" in result.actions[0].detail


def test_the_same_action_asked_twice_is_done_once_and_lines_are_kept() -> None:
    result = translate("Line one.\nClick Export.\n\nLine two. Press export when ready.")
    assert result.text == "Line one.\n\nLine two."
    assert result.actions == [Action("export")]


def test_no_gui_wording_leaves_the_text_alone() -> None:
    text = "Chiptune music now plays under the whole match at 35% volume."
    assert translate(text).text == text and translate(text).actions == []


def test_what_was_done_is_worded_in_the_users_language() -> None:
    line = "Timeline (1 track): 1. Video: boss (0-3s)"
    assert done(Action("timeline"), "en", timeline=line) == f"Preview: {line}"
    assert done(Action("state"), "zh", timeline=line) == f"当前项目：{line}"
    assert done(Action("credits"), "en", timeline=line, credits=87.0) == "Credits: 87 available."
    assert "导出" in done(Action("export"), "zh", timeline=line)
    assert "click" not in done(Action("export"), "en", timeline=line).lower()


@pytest.mark.parametrize(
    "reply",
    [
        "Drag the BGM track onto the timeline if you want to move it.",
        "You can drag the music anywhere you like.",
        "Feel free to drag the title to another spot.",
        "如果想调整位置，可以拖动音乐轨道。",
    ],
)
def test_an_optional_move_is_a_tip_for_the_user_never_a_message(reply: str) -> None:
    result = translate(reply)
    assert [a.kind for a in result.actions] == ["tip"] and result.text == ""
    assert "just say so" in done(result.actions[0], "en", timeline="")


def test_a_move_is_still_missing_only_when_the_state_lacks_it() -> None:
    from gamemusic.backends.nemo.gui import still_missing
    from gamemusic.draft import Draft

    def music_from(start_ms: int) -> Draft:
        return Draft.model_validate(
            {"t": [{"tt": 0, "sg": [{"s": 0, "e": 9000}]},
                   {"tt": 1, "m": {"name": "x"}, "sg": [{"s": start_ms, "e": 9000}]}], "d": 9000}
        )  # fmt: skip

    video_only = Draft.model_validate({"t": [{"tt": 0, "sg": [{"s": 0, "e": 9000}]}], "d": 9000})
    move = translate("Drag the music so it starts at 0:05.").actions[0]
    assert still_missing(move, "add music", video_only, music_from(0))
    assert not still_missing(move, "add music", video_only, music_from(5000))
    onto = translate("Drag the BGM track onto the timeline.").actions[0]
    assert still_missing(onto, "add music", video_only, video_only)
    assert not still_missing(onto, "add music", video_only, music_from(0))
    vague = translate("Now drag it into place.").actions[0]
    assert not still_missing(vague, "start the music at 0:05", video_only, music_from(5000))
    assert still_missing(vague, "make it nicer", video_only, video_only)
