"""Free text -> action, by DESIGN.md's intent table, in English and Chinese."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gamemusic.words import Intent, detect_lang, find_path, parse, route


@pytest.mark.parametrize(
    ("text", "action"),
    [
        # export, download, send me the video, render, 导出, 下载
        ("export", "export"),
        ("EXPORT IT", "export"),
        ("download", "export"),
        ("download the video please", "export"),
        ("send me the video", "export"),
        ("render", "export"),
        ("render it now", "export"),
        ("导出", "export"),
        ("帮我导出视频", "export"),
        ("下载", "export"),
        ("把视频发给我", "export"),
        ("looks good, ship it", "export"),
        # credits, balance, 积分, 余额
        ("credits", "credits"),
        ("how many credits do I have left?", "credits"),
        ("Balance", "credits"),
        ("积分", "credits"),
        ("我的余额", "credits"),
        # status, show tracks, timeline, 状态, 轨道
        ("status", "state"),
        ("show tracks", "state"),
        ("show me the timeline", "state"),
        ("timeline", "state"),
        ("状态", "state"),
        ("看看轨道", "state"),
        ("导出进度", "state"),
        ("export status?", "state"),
        ("is it done yet?", "state"),
        ("how's the render going", "state"),
        ("where's my video", "state"),
        ("好了没", "state"),
        ("渲染好了吗", "state"),
        # upload, 上传, or a path / URL
        ("upload", "upload"),
        ("I want to upload a video", "upload"),
        ("上传", "upload"),
        ("上传视频", "upload"),
        ("/home/me/ranked match.mp4", "upload"),
        ("https://example.com/clip.mp4", "upload"),
        # anything else
        ("add chiptune music", "edit"),
        ("make it louder", "edit"),
        ("加芯片音乐", "edit"),
        ("调低音乐", "edit"),
        ("make it purple", "edit"),
        ("undo", "edit"),
        ("", "edit"),
    ],
)
def test_the_intent_table_routes_each_phrase(text: str, action: str) -> None:
    assert route(text).action == action


@pytest.mark.parametrize(
    ("text", "lang"),
    [("export", "en"), ("导出", "zh"), ("add Boss战 music", "zh"), ("", "en"), ("1080p", "en")],
)
def test_language_is_chinese_as_soon_as_there_is_a_chinese_character(text: str, lang: str) -> None:
    assert detect_lang(text) == lang
    assert route(text).lang == lang


@pytest.mark.parametrize(
    ("text", "action"),
    [("导出", "export"), ("积分", "credits"), ("状态", "state"), ("export it", "export"),
     ("show tracks", "state"), ("what's my balance", "credits")],
)  # fmt: skip
def test_text_given_to_edit_that_routes_elsewhere_is_recognised_as_that_action(
    text: str, action: str
) -> None:
    intent = route(text)
    assert intent.action == action
    assert intent.instruction is None


@pytest.mark.parametrize(
    ("text", "instruction"),
    [
        ("export it with chiptune music", "it with chiptune music"),
        ("render in 9:16", "in 9:16"),
        ("导出竖屏版本", "竖屏版本"),
        ("download it without music", "it without music"),
    ],
)
def test_an_export_request_that_also_asks_for_an_edit_is_an_edit_then_export(
    text: str, instruction: str
) -> None:
    intent = route(text)
    assert intent == Intent("edit", intent.lang, instruction=instruction, and_export=True)
    assert parse(intent.instruction or "").has_edits


def test_an_export_with_only_unknown_extra_words_is_still_an_export() -> None:
    assert route("export it for my friends").action == "export"


def test_an_export_whose_extra_words_are_partly_edits_goes_to_edit_so_the_error_is_shown() -> None:
    intent = route("export with chiptune and purple sparkles")
    assert (intent.action, intent.and_export) == ("edit", True)


def test_a_status_request_with_an_edit_is_an_edit() -> None:
    intent = route("make it louder and show the timeline")
    assert (intent.action, intent.and_export) == ("edit", False)
    assert parse(intent.instruction or "").changed() == {"volume_factor": 1.5}


@pytest.mark.parametrize(
    "text",
    [
        'add title "Export"',
        "add title 'Show tracks' for 2 s",
        "加标题「导出」",
        'add text "credits"',
    ],
)
def test_keywords_inside_quotes_do_not_route(text: str) -> None:
    assert route(text).action == "edit"


@pytest.mark.parametrize(
    ("text", "path", "instruction"),
    [
        ("/home/me/clip.mp4", "/home/me/clip.mp4", None),
        ("upload ~/Videos/run.mov", "~/Videos/run.mov", None),
        ("upload './my clips/boss fight.mkv'", "./my clips/boss fight.mkv", None),
        ('upload "/tmp/My Clip.mov" and add boss music', "/tmp/My Clip.mov", "and add boss music"),
        ("add music to clip.mp4", "clip.mp4", "add music to"),
        ("C:\\Users\\me\\clip.mp4", "C:\\Users\\me\\clip.mp4", None),
        ("https://example.com/v.mp4?x=1.", "https://example.com/v.mp4?x=1", None),
        ("上传clip.mp4", "clip.mp4", None),
        ("上传 /data/游戏.mp4 加芯片音乐", "/data/游戏.mp4", "加芯片音乐"),
    ],
)
def test_a_path_or_url_routes_to_upload_with_the_path_and_any_edit(
    text: str, path: str, instruction: str | None
) -> None:
    assert route(text) == Intent("upload", route(text).lang, path, instruction)


def test_export_to_a_path_is_an_export_that_keeps_the_path_as_output() -> None:
    assert route("export to /tmp/out.mp4") == Intent("export", "en", "/tmp/out.mp4")


@pytest.mark.parametrize("text", ["16:9", "0:30-1:00", "9/16", "add title 'a/b'", "and/or"])
def test_times_ratios_and_slashes_are_not_paths(text: str) -> None:
    assert find_path(text) is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_route_never_crashes_on_any_text(text: str) -> None:
    intent = route(text)
    assert intent.action in {"export", "credits", "state", "upload", "edit"}
    assert intent.lang in {"en", "zh"}
