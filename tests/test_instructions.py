"""Edit sentences -> EditPlan: a phrase table (English and 中文), errors that name the part
not understood, and a property: parse never crashes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gamemusic.errors import BadInput
from gamemusic.instructions import EditPlan, TextOverlay, TimeRange, parse, resolve_style

R = TimeRange
T = TextOverlay

ENGLISH: list[tuple[str, dict[str, object]]] = [
    # styles and synonyms
    ("add retro chiptune background music to my gameplay video", {"style": "chiptune"}),
    ("make it 8-bit", {"style": "chiptune"}),
    ("NES style please", {"style": "chiptune"}),
    ("switch to 16-bit", {"style": "16bit"}),
    ("SNES music", {"style": "16bit"}),
    ("boss fight music", {"style": "boss"}),
    ("make it more epic", {"style": "boss"}),
    ("RPG music", {"style": "rpg"}),
    ("fantasy adventure vibe", {"style": "rpg"}),
    ("dungeon music", {"style": "dungeon"}),
    ("horror", {"style": "dungeon"}),
    ("retro synthwave please", {"style": "synthwave"}),
    ("80s music", {"style": "synthwave"}),
    ("lo fi", {"style": "lofi"}),
    ("something chill", {"style": "lofi"}),
    ("racing music", {"style": "racing"}),
    ("PLATFORMER", {"style": "platformer"}),
    ("add music", {"add_music": True}),
    # volume
    ("set the volume to 35%", {"volume": 0.35}),
    ("volume 50", {"volume": 0.5}),
    ("music at 20 percent", {"volume": 0.2}),
    ("quieter", {"volume_factor": 0.6}),
    ("much quieter", {"volume_factor": 0.36}),
    ("a bit quieter", {"volume_factor": 0.8}),
    ("louder", {"volume_factor": 1.5}),
    ("way louder", {"volume_factor": 2.25}),
    ("turn it down", {"volume_factor": 0.6}),
    ("lower the music", {"volume_factor": 0.6}),
    ("half the volume", {"volume_factor": 0.5}),
    ("lower the volume to 20%", {"volume": 0.2}),
    ("make the background music quieter, like 20%.", {"add_music": True, "volume": 0.2}),
    # ranges
    ("from 0:30 to 1:20", {"range": R(30, 80)}),
    ("only the first 30 seconds", {"range": R(0, 30)}),
    ("last 10 seconds", {"range": R(last=10)}),
    ("0:30-1:00", {"range": R(30, 60)}),
    ("between 1:00 and 1:30", {"range": R(60, 90)}),
    ("from 30 to 45 seconds", {"range": R(30, 45)}),
    ("start the music at 0:30", {"range": R(30)}),
    ("stop the music at 1:30", {"range": R(0, 90)}),
    ("the first minute", {"range": R(0, 60)}),
    ("music starts at 0:10 and ends at 1:50", {"range": R(10, 110)}),
    ("from the start to 0:45", {"range": R(0, 45)}),
    ("last 1:30", {"range": R(last=90)}),
    ("the whole video", {"range": R()}),
    # fades
    ("fade in 2 seconds", {"fade_in": 2.0}),
    ("fade out over 3s", {"fade_out": 3.0}),
    ("fade in and out", {"fade_in": 1.5, "fade_out": 2.5}),
    ("2-second fade in", {"fade_in": 2.0}),
    ("no fades", {"fade_in": 0.0, "fade_out": 0.0}),
    ("longer fade out", {"fade_out": 4.0}),
    ("make the fade in longer", {"fade_in": 4.0}),
    # ducking
    ("duck under my commentary", {"duck": True}),
    ("quieter under my voice", {"duck": True, "duck_step": 4.0}),
    ("lower the music when I talk", {"duck": True, "duck_step": 4.0}),
    ("much quieter when I speak", {"duck": True, "duck_step": 6.0}),
    ("a little quieter when I talk", {"duck": True, "duck_step": 2.0}),
    ("no ducking", {"duck": False}),
    ("stronger ducking", {"duck": True, "duck_db": 12.0}),
    ("light ducking", {"duck": True, "duck_db": 5.0}),
    ("duck by 10 dB", {"duck": True, "duck_db": 10.0}),
    # tempo and takes
    ("120 bpm", {"bpm": 120.0}),
    ("tempo 140", {"bpm": 140.0}),
    ("set tempo to 90 bpm", {"bpm": 90.0}),
    ("faster", {"tempo_factor": 1.15}),
    ("slow it down a bit", {"tempo_factor": 0.93}),
    ("much faster", {"tempo_factor": 1.3}),
    ("another take", {"new_take": True}),
    ("try again", {"new_take": True}),
    ("seed 42", {"seed": 42}),
    # game audio, music off
    ("mute the original audio", {"original_audio": "mute"}),
    ("mute the game", {"original_audio": "mute"}),
    ("keep the game sound", {"original_audio": "keep"}),
    ("remove the music", {"remove_music": True}),
    ("no music", {"remove_music": True}),
    ("keep original only", {"remove_music": True, "original_audio": "keep"}),
    # titles
    ("add title 'Boss Rush' for 3 s", {"titles": [T("Boss Rush", duration=3.0)]}),
    ('add text "GG" at 1:00 for 2 seconds', {"titles": [T("GG", "text", at=60.0, duration=2.0)]}),
    ('add a title "Victory" at the end', {"titles": [T("Victory", range=R(last=3.0))]}),
    (
        'add title "Round 1" at the top from 0:05 to 0:08',
        {"titles": [T("Round 1", range=R(5, 8), position="top")]},
    ),
    ("add title: Boss Rush", {"titles": [T("Boss Rush")]}),
    ('put "GG EZ" at 1:00 for 2 seconds', {"titles": [T("GG EZ", "text", at=60.0, duration=2.0)]}),
    ("remove the titles", {"remove_titles": True}),
    # picture
    ("make it vertical", {"aspect": "9:16"}),
    ("9:16", {"aspect": "9:16"}),
    ("for TikTok", {"aspect": "9:16"}),
    ("YouTube Shorts version", {"aspect": "9:16"}),
    ("Reels", {"aspect": "9:16"}),
    ("16:9", {"aspect": "16:9"}),
    ("for YouTube", {"aspect": "16:9"}),
    ("landscape", {"aspect": "16:9"}),
    ("square", {"aspect": "1:1"}),
    ("1:1", {"aspect": "1:1"}),
    ("original aspect ratio", {"aspect": "auto"}),
    ("1080p", {"height": 1080}),
    # history
    ("undo", {"undo": True}),
    ("undo that", {"undo": True}),
    ("redo", {"redo": True}),
    # several clauses
    (
        "add boss music, quieter, only the last 30 seconds, and make it vertical",
        {"style": "boss", "volume_factor": 0.6, "range": R(last=30), "aspect": "9:16"},
    ),
    (
        "louder, 120 bpm, fade out 4 seconds, 16:9, 1080p",
        {"volume_factor": 1.5, "bpm": 120.0, "fade_out": 4.0, "aspect": "16:9", "height": 1080},
    ),
    (
        "remove the music and add synthwave",
        {"remove_music": True, "style": "synthwave"},
    ),
    (
        "undo and make it louder",
        {"undo": True, "volume_factor": 1.5},
    ),
]

CHINESE: list[tuple[str, dict[str, object]]] = [
    ("加复古背景音乐", {"style": "chiptune"}),
    ("换成像素风", {"style": "chiptune"}),
    ("8位音乐", {"style": "chiptune"}),
    ("来点芯片音乐", {"style": "chiptune"}),
    ("Boss战音乐", {"style": "boss"}),
    ("史诗一点", {"style": "boss"}),
    ("角色扮演风格", {"style": "rpg"}),
    ("恐怖", {"style": "dungeon"}),
    ("合成器浪潮", {"style": "synthwave"}),
    ("低保真", {"style": "lofi"}),
    ("赛车音乐", {"style": "racing"}),
    ("加个音乐", {"add_music": True}),
    ("音量调到30%", {"volume": 0.3}),
    ("把音量调到百分之五十", {"volume": 0.5}),
    ("调低音乐", {"volume_factor": 0.6}),
    ("大声一点", {"volume_factor": 1.5}),
    ("音乐小很多", {"volume_factor": 0.36}),
    ("从0:30到1:20", {"range": R(30, 80)}),
    ("前30秒", {"range": R(0, 30)}),
    ("最后10秒", {"range": R(last=10)}),
    ("最后十秒", {"range": R(last=10)}),
    ("从1分钟开始", {"range": R(60)}),
    ("全程", {"range": R()}),
    ("淡入2秒", {"fade_in": 2.0}),
    ("淡出三秒", {"fade_out": 3.0}),
    ("不要淡入淡出", {"fade_in": 0.0, "fade_out": 0.0}),
    ("说话时把音乐调低", {"duck": True, "duck_step": 4.0}),
    ("解说时音乐再低一点", {"duck": True, "duck_step": 4.0}),
    ("解说的时候音乐小一点", {"duck": True, "duck_step": 4.0}),
    ("关闭闪避", {"duck": False}),
    ("加强闪避", {"duck": True, "duck_db": 12.0}),
    ("节奏快一点", {"tempo_factor": 1.15}),
    ("慢一点", {"tempo_factor": 0.87}),
    ("速度120", {"bpm": 120.0}),
    ("换一首", {"new_take": True}),
    ("静音原声", {"original_audio": "mute"}),
    ("保留游戏声音", {"original_audio": "keep"}),
    ("去掉音乐", {"remove_music": True}),
    ("只保留原声", {"remove_music": True, "original_audio": "keep"}),
    ("加标题「Boss Rush」3秒", {"titles": [T("Boss Rush", duration=3.0)]}),
    ("加标题「首杀」在0:05显示2秒", {"titles": [T("首杀", at=5.0, duration=2.0)]}),
    ("0:05加字幕「首杀」显示2秒", {"titles": [T("首杀", kind="text", at=5.0, duration=2.0)]}),
    ("在1:00加文字“GG”持续2秒", {"titles": [T("GG", "text", at=60.0, duration=2.0)]}),
    ("加字幕「胜利」在顶部", {"titles": [T("胜利", "text", position="top")]}),
    ("在开头加标题「第一关」持续5秒", {"titles": [T("第一关", at=0.0, duration=5.0)]}),
    ("在最后加文字「谢谢观看」", {"titles": [T("谢谢观看", "text", range=R(last=3.0))]}),
    ("加字幕：GG", {"titles": [T("GG", "text")]}),
    ("人声出现时音乐自动降低", {"duck": True}),
    ("只要前1分钟有音乐", {"range": R(0, 60)}),
    ("来点史诗感的战斗音乐", {"style": "boss"}),
    ("低保真，放松，慢一点", {"style": "lofi", "tempo_factor": 0.87}),
    ("请把音乐换成赛车风格并且调大音量", {"style": "racing", "volume_factor": 1.5}),
    ("从第30秒到第60秒", {"range": R(30, 60)}),
    ("原声关掉", {"original_audio": "mute"}),
    ("取消撤销", {"redo": True}),
    ("竖屏", {"aspect": "9:16"}),
    ("发抖音用", {"aspect": "9:16"}),
    ("横屏", {"aspect": "16:9"}),
    ("方形", {"aspect": "1:1"}),
    ("高清1080p", {"height": 1080}),
    ("撤销", {"undo": True}),
    ("重做", {"redo": True}),
    (
        "加Boss战音乐，小声一点，只要最后30秒，做成竖屏",
        {"style": "boss", "volume_factor": 0.6, "range": R(last=30), "aspect": "9:16"},
    ),
]


def test_the_phrase_table_is_big_enough() -> None:
    assert len(ENGLISH) + len(CHINESE) >= 80
    assert len(CHINESE) >= 25


@pytest.mark.parametrize(("text", "expected"), ENGLISH + CHINESE, ids=lambda v: str(v)[:40])
def test_each_phrasing_gives_the_expected_plan(text: str, expected: dict[str, object]) -> None:
    plan = parse(text)
    assert plan.changed() == expected
    assert plan.lang == ("zh" if any("\u4e00" <= c <= "\u9fff" for c in text) else "en")


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("make it purple", "make it purple"),
        ("add chiptune and make it sparkle", "make it sparkle"),
        ("add boss music with kazoo solos", "kazoo solos"),
        ("hello there", "hello there"),
        ("变成紫色", "变成紫色"),
        ("加芯片音乐，再加点烟花", "加点烟花"),
    ],
)
def test_a_sentence_with_unknown_words_is_rejected_naming_exactly_that_part(
    text: str, part: str
) -> None:
    with pytest.raises(BadInput) as err:
        parse(text)
    assert err.value.code == "not_understood"
    assert part in err.value.message
    assert "chiptune" in err.value.hint or "芯片音乐" in err.value.hint


def test_the_error_for_chinese_text_is_in_chinese() -> None:
    with pytest.raises(BadInput) as err:
        parse("变成紫色")
    assert err.value.message == "没听懂：“变成紫色”。"
    assert err.value.hint.startswith("我能做的")


@pytest.mark.parametrize("text", ["", "   ", "please", "make it", "the music", "谢谢"])
def test_a_sentence_that_asks_for_nothing_is_an_error_not_a_no_op(text: str) -> None:
    with pytest.raises(BadInput) as err:
        parse(text)
    assert err.value.code == "not_understood"


def test_a_title_without_quotes_or_colon_gets_a_hint_about_quotes() -> None:
    with pytest.raises(BadInput) as err:
        parse("add a title at 1:00")
    assert "add a title at 1:00" in err.value.message
    assert "quotes" in err.value.hint


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("volume 150%", "out_of_range"),
        ("300 bpm", "out_of_range"),
        ("fade in 60 seconds", "out_of_range"),
        ("from 1:00 to 0:30", "out_of_range"),
        ("duck by 40 dB", "out_of_range"),
        ("last 0 seconds", "out_of_range"),
        ("volume " + "9" * 400, "out_of_range"),
        ("fade in " + "9" * 400 + " s", "out_of_range"),
        ("render it in 4K", "unsupported"),
        ("720p please", "unsupported"),
        ("导出4K", "unsupported"),
        ("make the game quieter", "unsupported"),
        ("music from 0:30 to 1:00 and also the last 10 seconds", "not_understood"),
        ("undo and redo", "not_understood"),
        ("remove the music and make it quieter", "not_understood"),
    ],
)
def test_values_it_cannot_do_are_clear_errors(text: str, code: str) -> None:
    with pytest.raises(BadInput) as err:
        parse(text)
    assert err.value.code == code


def test_4k_error_says_1080p_is_what_is_supported() -> None:
    with pytest.raises(BadInput) as err:
        parse("export in 4K")
    assert "1080p" in err.value.message


def test_title_text_keeps_its_case_and_does_not_count_as_instructions() -> None:
    plan = parse('add title "Export The BOSS, Louder!" at 0:10')
    assert plan.changed() == {"titles": [T("Export The BOSS, Louder!", at=10.0)]}


@pytest.mark.parametrize(
    ("word", "style"),
    [
        ("chiptune", "chiptune"),
        ("8-bit", "chiptune"),
        ("Retro Chiptune", "chiptune"),
        ("snes", "16bit"),
        ("16-bit FM", "16bit"),
        ("Boss战", "boss"),
        ("boss battle music", "boss"),
        ("角色扮演", "rpg"),
        ("horror", "dungeon"),
        ("80s", "synthwave"),
        ("合成器浪潮", "synthwave"),
        ("lo fi", "lofi"),
        ("Lo-fi Chill", "lofi"),
        ("platformer", "platformer"),
        ("赛车", "racing"),
        ("polka", None),
        ("", None),
    ],
)
def test_resolve_style_maps_ids_titles_and_synonyms(word: str, style: str | None) -> None:
    assert resolve_style(word) == style


def test_an_empty_plan_reports_nothing_changed() -> None:
    assert EditPlan().is_empty
    assert not EditPlan(undo=True).has_edits
    assert EditPlan(undo=True, style="boss").has_edits


_PIECES = [p for p, _ in ENGLISH + CHINESE] + ["and", ",", "then", "x", "0:30", "%", "'", '"']


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(st.text(max_size=80), st.lists(st.sampled_from(_PIECES), max_size=5).map(" ".join))
)
def test_parse_never_crashes_it_returns_a_plan_or_raises_bad_input(text: str) -> None:
    try:
        plan = parse(text)
    except BadInput as exc:
        assert exc.code in {"not_understood", "out_of_range", "unsupported"}
        assert exc.message
    else:
        assert not plan.is_empty
