"""What the product cannot do, named so the reply can say so and offer what it can: other
resolutions, frame rates, colour filters, cutting or speeding up the picture, changing the
game itself, a game's own copyrighted soundtrack; and parts of the video the words cannot put
a time on (`EARLY`). Requests too vague to guess are in `questions.py`."""

from __future__ import annotations

import re

from gamemusic.words.plan import Unsupported
from gamemusic.words.rules import Rule, State, group, registrar
from gamemusic.words.text import DUR, TIME
from gamemusic.words.vocabulary import FRANCHISE_RE, STYLE_RE, STYLE_TITLES, STYLE_ZH

EARLY: list[Rule] = []  # runs before the sound switches: they would mute the whole video
RULES: list[Rule] = []
early = registrar(EARLY)
rule = registrar(RULES)

_GAME_PART = (
    r"(?:the\s+)?(?:game|gameplay|original|in-game)(?:\s+(?:audio|sound|sounds|sfx|volume))?"
)


@early(
    r"(?:游戏声音?|游戏音效|原声|游戏的声音)(?:都)?(?:静音|关掉|去掉|关了|不要了?)[，,]\s*(?:但是?|不过|只)?(?:把)?"
    r"(?P<part>枪声|脚步声?|技能声|爆炸声|击杀声|提示音|音效)(?:要|得|还要|需要)?(?:保留|留着|留下|保住|留)"
    r"|只(?:保留|留|要)(?:游戏(?:里|中)?的?)?(?P<part2>枪声|脚步声?|技能声|爆炸声|击杀声|提示音)"
    r"|(?P<part4>(?:队友|队友们|开黑)(?:的)?(?:语音|声音|说话声?|麦))(?!\s*的?(?:时候|时|期间))"
    r"(?:(?:也|都)?(?:太|有点|好|很)?(?:吵|大声?|响|小声?|轻)(?:了|死了)?|(?:调|开|关)?(?:小|大|低|高|掉)(?:一?点|些)?)?",
    r"\b(?:remove|mute|cut|silence|get\s+rid\s+of|take\s+out|lower|turn\s+down|boost|keep\s+only)\s+"
    r"(?:all\s+)?(?:the\s+|my\s+)?(?P<part3>gun\s*(?:shots?|sounds?|fire)|footsteps?|explosions?|"
    r"(?:ui|menu|kill|hit)\s+sounds?|voice\s+chat|announcer)\b"
    r"(?=\s+(?:from|in|of)\s+(?:the\s+)?(?:game|gameplay|recording|clip|video)\b|\s*$)",
)
def _game_sounds_apart(m: re.Match[str], st: State) -> None:
    """游戏声静音，但是枪声要保留: the game's sounds come as one track; no mute is applied."""
    part = group(m, "part", "part2", "part3", "part4") or ""
    _no(st, f"'{part}' (one sound of the game, apart from the rest)", f"“{part}”（把游戏里的一种声音单独分开）",
        ("The game audio is one track: I can mute it or set its level.", "游戏原声是一整条音轨：可以静音或调音量。"))  # fmt: skip


@early(r"(?:游戏声音?|原声|游戏音效|游戏的声音)(?:也|再|要|也要)*(?:淡出|淡入|渐弱|渐强|慢慢消失)")
def _game_fade(m: re.Match[str], st: State) -> None:
    """游戏声也淡出: the fades are the music's; the game audio keeps its level throughout."""
    _no(st, "fading the game audio", "给原声做淡入淡出",
        ("Fades shape the music; the game audio can be muted or set to a level.", "淡入淡出只作用于音乐；原声可以静音或调音量。"))  # fmt: skip


@early(
    r"(?:前面|后面|中间|后半段|前半段)(?:那段|那部分|部分|一段)?的?(?:音乐|bgm|背景音乐|配乐)(?:都)?(?:删掉|去掉|不要了?|关掉|拿掉)"
    r"(?![^。；;!?\n]{0,12}?\d)",
    # 开头不要音乐, 前面别放bgm, 除了开头其他地方都放音乐: a part without a time, said with a negation
    r"(?:(?<=[,;。；!?！？\s])|^)(?:前面|后面|中间|后半段|前半段|开头|开始|一开始|片头|结尾|末尾|片尾)(?:那段|那部分|部分|一段|的时候|的地方)?"
    r"(?:都|就|先)?(?:不要|别放|不放|别要|不用|不需要|别加|不加|没有)(?:放|加|配)?(?:音乐|bgm|背景音乐|配乐)"
    r"(?![^。；;!?\n]{0,12}?\d)"
    r"|除了?(?:开头|开始|片头|结尾|末尾|片尾|中间|前面|后面)(?:以外|之外)?(?=[^。；;!?\n]{0,12}?(?:音乐|bgm|配乐))"
    r"(?![^。；;!?\n]{0,12}?\d)",
)
def _part_removed(m: re.Match[str], st: State) -> None:
    """前面的音乐删掉: a part with no time on it, not the whole video's music."""
    cannot_time(m, st)


@early(
    rf"\b(?:mute|silence|lower|raise|boost|turn\s+(?:up|down)|cut)\s+{_GAME_PART}\s+(?:(?:from|between)\s+{TIME}\s+"
    rf"(?:to|and|-|until|till)\s+{TIME}|(?:for|during|in)\s+the\s+(?:first|last|final)\s+(?:{DUR}|minute))"
    rf"|\b(?:(?:mute|silence|lower|raise|boost|cut|kill)\s+|no\s+|without\s+){_GAME_PART}\s+(?:(?:then|there)(?=\s*(?:$|[,;.!?\n]|too\b|as\s+well\b|please\b|pls\b))|at\s+that\s+(?:point|time|part)"
    r"|during\s+(?:that|it|those|them)|for\s+that(?:\s+part)?|in\s+that\s+part)\b",
    rf"(?:从|在)?\s*第?{TIME}\s*(?:到|至|-)\s*第?{TIME}\s*(?:的)?(?:原声|游戏声音?|游戏音效)(?:静音|关掉|调小|小一?点|调低)",
    rf"(?:(?:在)?(?:最后|结尾|前|开头|头)(?:的)?\s*{DUR}|第?{TIME}\s*(?:以后|之后|后|以前|之前))(?:的)?(?:时候)?[^,，。；;\n]{{0,8}}?"
    r"(?:不要|关掉|静音|去掉|调小|调大|小一?点|大一?点)(?:原声|游戏声音?|游戏音效)",
)
def _part_of_game(m: re.Match[str], st: State) -> None:
    _no(st, *GAME_PART)


# What a part of the video cannot have, and what can be done instead (`parts.py` too).
GAME_PART = ("changing the game audio over part of the video", "只改一段时间里的原声",
             ("I can mute the game audio or set its level for the whole video.",
              "原声可以整体静音或调整音量。"))  # fmt: skip
VOLUME_PART = ("a volume change over part of the video", "只改一段时间里的音量",
               ("A volume holds for the whole video; I can also limit where the music plays "
                "('music only in the last 30 seconds').",
                "音量只能整体调整；也可以限定音乐播放的时间段（“只在最后30秒放音乐”）。"))  # fmt: skip


@early(
    r"\b(?:the\s+)?(?:game'?s|in-game)\s+(?:own\s+|built-in\s+)?(?:music|bgm|soundtrack)\s+(?:is|are|'s)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:loud|quiet|soft|annoying|much|distracting)\b",
    r"(?:去掉|删掉|关掉|消掉|去除|消除)游戏(?:里|中|内|自带)(?:面)?的?(?:bgm|背景音乐|音乐|配乐)"
    r"|游戏(?:里|中|内|自带)(?:面)?的?(?:bgm|背景音乐|音乐|配乐)(?:都|也)?(?:去掉|删掉|关掉|消掉|去除|关了|去了|不要了?)"
    # 游戏里的bgm太吵了: a level of the game's own music, apart from the rest of its sound
    r"|游戏(?:里|中|内|自带)(?:面)?的?(?:bgm|背景音乐|音乐|配乐)(?:的?(?:声音|音量))?(?:也|都|再)?"
    r"(?:(?:太|有点|好|很)?(?:吵|大声?|响|小声?|轻|低|高)了?|(?:调|开|关|弄)?(?:小|大|低|高)(?:一?点|一些|些)?)"
)
def _game_own_music(m: re.Match[str], st: State) -> None:
    """把游戏里的bgm去掉: the game's own music is mixed into its sound, not a track of ours."""
    _no(st, "changing the game's own music apart from the rest of its sound", "单独去掉或调整游戏自带的音乐",
        ("The game audio is one sound: I can mute it or set its level, and add music of my own.",
         "游戏原声是一整条声音：可以静音或调音量，再配上我生成的音乐。"))  # fmt: skip


@early(
    r"(?:说话|讲话|解说|开麦|开口|语音)(?:的)?(?:时候?|时)(?:把|让)?(?:游戏声音?|游戏的声音|原声|游戏音效|游戏)(?:也)?(?:[^,，。；;\n]{0,8})"
)
def _game_under_voice(m: re.Match[str], st: State) -> None:
    """我说话的时候游戏声也小一点: only the music dips under the voice."""
    _no(st, "lowering the game audio while you talk", "说话时压低游戏原声",
        ("The music dips under your voice (ducking); the game audio has one level for the whole video.",
         "说话时压低的是音乐（闪避）；游戏原声整段视频只有一个音量。"))  # fmt: skip


_LEVEL = (
    r"(?:louder|quieter|softer|(?:(?:way|too|so|really|super)\s+)+(?:loud|quiet|soft|noisy)|turn(?:ed)?\s+"
    r"(?:it\s+|the\s+(?:music|bgm|game(?:\s+audio)?)\s+)?(?:up|down)|volume\s+(?:up|down)|boost(?:ed)?"
    r"|(?:lower|raise)\s+(?:the\s+)?(?:music|bgm|volume|game(?:\s+audio)?|it))"
)
_PART = (
    rf"(?:(?:in|for|during|over|at|on|across)\s+the\s+(?:first|last|final|opening|closing)\s+(?:{DUR}|minute|"
    r"bit|part|few\s+seconds|section)|(?:in|during|at|for|near|towards?)\s+the\s+(?:intro|outro|end|ending|"
    r"beginning|start|middle|second\s+half|first\s+half|last\s+part|final\s+part|climax|finale)\b"
    rf"|(?:from|after|between|until|till|starting\s+at|right\s+after|at|around)\s+{TIME})"
)
_GAP = r"(?:(?!\b(?:and|but|then|also)\b)[^,;.!?\n]){0,30}?"
_ZH_LEVEL = (
    r"(?:(?:再|稍微|调)*(?:大|小|响|轻|低|高)(?:声)?(?:一?点|些)|太(?:吵|大声|响|小声|轻)了?|调(?:大|小|高|低)|小声|大声|变(?:大|小|响|轻)"
    r"|(?:大|小)声点)"
)
_ZH_SOUNDS = r"(?:背景音乐|音乐|bgm|配乐|游戏原声|游戏声音?|游戏音效|游戏的声音|原声|音效)"
_ZH_PART = (
    rf"(?:(?:在|从)?\s*(?:(?:前|最后|(?<!然)后)\s*(?:的)?\s*{DUR}|(?:开始|开头|一开始|刚开始)的时候|结尾|末尾|片尾|片头|开头|前半段|后半段|高潮"
    r"|(?<=乐|m|声|效)(?:前面|后面|中间))"
    rf"(?:的?部分|那段|的时候)?|(?:在|从)\s*第?{TIME}\s*"
    rf"(?:之后|以后|开始|后|到\s*第?{TIME})?|第?{TIME}\s*(?:之后|以后)(?:的时候)?"
    # boss战那段, 打团那部分: a moment of the game named, not the voice (我说话那段 is the dip)
    r"|(?<![说讲话麦])(?![把将给这那])(?:(?!说话|讲话|解说|开麦|连麦|语音)[\u4e00-\u9fffa-z0-9]){2,6}?(?:那段|那一段|那部分|那块))"
)


@early(
    rf"\b{_LEVEL}\b{_GAP}\b{_PART}",
    rf"\b{_PART}\b{_GAP}\b{_LEVEL}\b",
    rf"{_ZH_SOUNDS}(?:在)?{_ZH_PART}(?:的)?(?:时候)?(?:要|再|就)?(?:不要|别)?(?:那么|太)?{_ZH_LEVEL}",
    rf"{_ZH_PART}(?:的)?(?:时候)?(?:{_ZH_SOUNDS}|声音)?(?:要|再|就)?{_ZH_LEVEL}",
)
def _part_volume(m: re.Match[str], st: State) -> None:
    """"Louder in the last 30 seconds": a level holds for the whole video, so this part is
    refused (never a level for the whole video plus a moved range)."""
    _no(st, *VOLUME_PART)


@early(
    rf"\b(?:make|let|have)\s+(?:the\s+)?(?:intro|outro|ending|beginning|opening|middle|climax|finale|last\s+part|first\s+part)"
    rf"\s+(?:sound\s+|feel\s+|be\s+)?(?:(?:more|less|a\s+bit|way|much|a\s+lot)\s+)?(?:{STYLE_RE.pattern}|louder|quieter|softer|faster|slower)",
)
def _part_style(m: re.Match[str], st: State) -> None:
    """"Make the intro more epic": a style or a level for one part of the video."""
    no_part(st, f"'{m.group(0).strip()}' (one part of the video)", f"“{m.group(0).strip()}”（只改视频的一部分）",
        ("Style, volume and tempo hold for the whole video; I can limit where the music plays.",
         "风格、音量和节奏只能整体设置；可以限定音乐播放的时间段。"))  # fmt: skip


@early(
    rf"\b(?:(?:no|stop|disable|turn\s+off|more|less|stronger|lighter|don't)\s+)?(?:the\s+)?(?:auto[\s-]?)?duck(?:ing)?\b(?:\s+(?:off|on))?\s+{_PART}",
)
def _part_ducking(m: re.Match[str], st: State) -> None:
    """"No ducking during the first minute": ducking holds for the whole video."""
    _no(st, "ducking over part of the video", "只在一段时间里闪避",
        ("Ducking holds for the whole video: on or off, stronger or lighter.",
         "闪避只能整体设置：开或关、强或弱。"))  # fmt: skip


@early(
    r"(?:\b(?:only|just)\s+)?\b(?:(?:in|for|during)\s+)?the\s+(?:second|first|last|back|latter)\s+half\b(?![^.;!?\n]{0,24}?\d)|\bhalf[\s-]?way(?:\s+(?:through|point|mark))?\b(?![^.;!?\n]{0,24}?\d)"
    r"|\b(?:the\s+)?middle\s+(?:of\s+the\s+(?:video|clip)|part|section)\b(?![^.;!?\n]{0,24}?\d)"
    r"|\bno\s+(?:background\s+)?(?:music|bgm)\s+(?:at\s+the\s+(?:very\s+)?(?:start|beginning|end)|at\s+first|in\s+the\s+beginning)\b"
    r"|\b(?:after|before|during|until|till|when)\s+(?:the\s+|my\s+)?(?:intro|outro|cutscene|loading\s+screen|"
    r"menu|lobby|countdown|boss\s+(?:fight|appears|shows\s+up)|fight\s+(?:starts|begins)|match\s+(?:starts|begins))\b(?![^.;!?\n]{0,24}?\d)"
    r"|\b(?:(?:(?:remove|cut|drop|mute|kill|no|stop)\s+(?:the\s+)?(?:music|bgm)|(?:the\s+)?(?:music|bgm)\s+(?:off|out))\s+)?(?:(?:from|in|for|on|over)\s+the\s+(?:intro|outro|opening|credits|cutscenes?)|(?:of|in|at|for|from)\s+the\s+(?:end|ending|last|final|middle)\s+part)\b"
    r"(?![^.;!?\n]{0,24}?\d)",
    rf"(?P<early>\b(?:{DUR}|a\s+(?:few\s+)?(?:seconds?|bit|moment))\s+(?:before|from)\s+(?:the\s+(?:very\s+)?end\b|(?:the\s+(?:video|clip|recording|match)|it)"
    rf"\s+(?:ends|is\s+over|finishes|stops)\b))",
    rf"(?P<early>(?:放|播)到最后\s*(?:{DUR})|(?:结束|结尾)前\s*(?:{DUR}))",
    r"(?:(?:boss战|打boss|战斗|高潮|过场动画|过场)(?:的)?(?:那段|那一段|那部分|部分|的时候|时)|(?:前|后|上|下)半段|(?:前|后)一半|一半的时候|中间(?:那段|部分|那部分|位置|的时候)|(?:视频|片子)(?:的)?中间|中途|片头(?:之后|以后|过后|结束)|boss出来(?:的时候|时|后)"
    r"|(?:我)?(?:开始)?(?:说话|讲话|解说|开麦|开打|开枪|开团)的(?:地方|位置|那里|那一?刻|那儿)"
    r"|(?:最)?(?:精彩|高光|关键|刺激|激烈)的(?:地方|时候|部分|那段|那一?刻)|(?:开头|片头)(?:和|跟|与)(?:结尾|片尾)|头尾|首尾|从(?:视频)?中间|中间开始|中间那(?:一|1)?\s*(?:分钟|段|部分|会儿)"
    r"|(?:然后|之后)?(?:后面|后边|后半部分|剩下的)(?:的)?(?:再|就|都)?(?:配|放|换成|换为|改成|改用|切成|切到|变成|换|用|来)(?:点|个|一段|首)?(?=[a-z0-9]|[\u4e00-\u9fff]{1,6}?(?:的|风|音乐|bgm))"
    r"|有(?:战斗|打斗|团战|boss|高潮|解说|对话|剧情|枪战)的(?:地方|时候|部分|那段)"
    r"|(?:boss|敌人|对手|团战|决赛圈|打架|开枪|交火|死亡|复活|翻盘|胜利|击杀|五杀|落地)(?:战)?(?:出现|出来|登场|开始|开打|来了)?(?:的时候|时|的那一?刻|那段|之后|以后))"
    r"(?![^。；;!?\n]{0,12}?\d)",
)
def cannot_time(m: re.Match[str], st: State) -> None:
    """"The second half", "after the intro": a place the words cannot put a time on. The music is
    not placed anywhere else instead, nor over the range said next to it ('前15秒配lofi，后面配
    boss'). An end `ending.END` could not set ("a bit before the end", 结束前10秒 with nothing to
    stop) is named the same way, but the start said next to it stays."""
    st.unplaced = True
    st.unplaced_part = st.unplaced_part or not group(m, "early")
    _no(st, f"'{m.group(0).strip()}' (I can't tell when that is)", f"“{m.group(0).strip()}”（我看不出那是什么时间）",
        ("Say the time: 'from 1:30', 'the last 40 seconds'.", "请说具体时间：“从1:30开始”“最后40秒”。"))


_PICTURE = ("I only add music, titles and an aspect; the picture stays as recorded.",
            "我只加音乐、标题和改画幅；画面保持原样。")  # fmt: skip


def _no(st: State, en: str, zh: str, instead: tuple[str, str]) -> None:
    st.plan.unsupported.append(Unsupported(en, zh, *instead))


def no_part(st: State, en: str, zh: str, instead: tuple[str, str]) -> None:
    """A change for a part of the video it cannot time: named, and the music is not placed
    anywhere else instead, nor over a range said next to it."""
    st.unplaced = True
    st.unplaced_part = True
    _no(st, en, zh, instead)


@rule(
    r"\b(?:4k|8k|2k|5k|2160\s*p?|1440\s*p|720\s*p|480\s*p|360\s*p|uhd|ultra\s*hd|qhd)\b|超高清|超清|标清|蓝光4k",
    # 画质调高一点 / 提高清晰度: the picture's quality, never the music's level
    r"(?:画质|清晰度|画面质量|码率)(?:再|要)?(?:调|提|拉|弄|变|搞|升|开)?(?:得)?(?:高|好|清楚|清晰|上去|满)?(?:一?点|一些)?"
    r"|(?:提高|提升|改善|优化|调高|拉高)(?:一下)?(?:画质|清晰度|分辨率|码率)|(?:画面|视频)(?:再|要)?(?:更)?(?:清晰|高清|清楚)(?:一?点|一些)|高清一?点",
)
def _resolution(m: re.Match[str], st: State) -> None:
    word = m.group(0).strip()
    _no(st, word.upper() if "k" in word.lower() else word, word,
        ("The output is 1080p.", "输出是 1080p。"))  # fmt: skip


@rule(
    r"\b(?:\d{2,3}\s*(?:fps|frames?\s+(?:per|a)\s+second|hz)|frame\s*rate|framerate|fps)\b"
    r"(?:\s+(?:to\s+)?\d{2,3})?",
    r"\d{2,3}\s*(?:帧|fps)|帧率|帧数",
)
def _frame_rate(m: re.Match[str], st: State) -> None:
    _no(st, "a different frame rate", "改帧率",
        ("The output keeps the recording's frame rate.", "输出保持原视频的帧率。"))  # fmt: skip


# 加个片头: an intro clip is video editing, not a title (片头加个标题 is a title at the start).
@rule(r"(?:加|做|弄|来|剪)(?:个|一个|段|一段)?(?:片头|片尾)(?:动画|视频)?(?=\s*(?:$|[,，。.!！?？吧吗呢]))")
def _intro_clip(m: re.Match[str], st: State) -> None:
    _no(st, "an intro or outro clip", "片头或片尾视频",
        ("I can put a title at the start or the end: '片头加标题“…”'.", "可以在开头或结尾加标题：“片头加标题「…」”。"))  # fmt: skip


# 这游戏太卡了，帮我修一下: lag in the recording itself is the game's, not the edit's.
@rule(
    r"\b(?:fix|remove|get\s+rid\s+of)\s+(?:the\s+)?(?:lag|stutter(?:ing)?|frame\s+drops|dropped\s+frames)\b",
    r"(?:游戏|画面|视频|录屏|这游戏)(?:太|有点|很|好|老是|总是)?(?:卡|卡顿|掉帧|延迟高?)了?(?:[，,]\s*(?:帮我|给我)?(?:修|修复|处理|优化)(?:一下)?)?"
    r"|(?:修|修复|去掉|处理)(?:一下)?(?:画面|视频|游戏)?的?(?:卡顿|掉帧)",
)
def _lag(m: re.Match[str], st: State) -> None:
    _no(st, "fixing lag or dropped frames in the recording", "修复录像里的卡顿或掉帧",
        ("I work on the recording as it is: music, game-audio level, titles and aspect.",
         "我处理的是录像本身：音乐、原声音量、标题和画幅。"))  # fmt: skip


@rule(
    r"\b(?:black\s+and\s+white|b&w|sepia|grayscale|greyscale|colou?r\s+(?:filter|grade|grading|"
    r"correction|correct)|(?:a\s+)?(?:vhs|vintage|retro|crt|film|instagram)\s+(?:filter|look|effect)|filters?"
    r"|saturation|more\s+saturated|brightness|brighter\s+(?:picture|image|video)|contrast"
    r"|(?:make|get)\s+(?:the\s+|my\s+)?(?:video|picture|image|footage|clip|gameplay)\s+(?:look\s+)?"
    r"(?:(?:a\s+(?:bit|lot|little)|much|way)\s+)?(?:brighter|darker|sharper|clearer|crisper|warmer|cooler|more\s+colou?rful)"
    r"|(?:the\s+)?(?:video|picture|image|footage)\s+(?:is|looks)\s+(?:(?:too|so|kinda|a\s+bit)\s+)?(?:dark|bright|blurry|washed\s+out|grainy)"
    r"|colou?rs?\s+"
    r"(?:pop|warmer|cooler)|lut|vignette|blur)\b",
    r"(?:(?:复古|怀旧|黑白|电影感?|胶片|日系|暖色|冷色|老电影|像素|赛博朋克|霓虹|梦幻|vhs|8bit|8位)(?:风)?的?)?(?:滤镜|色调|画风)"
    r"(?:[，,]?\s*(?:让|使|把)(?:画面|视频|画质|整体)(?:变得|看起来|更|再)*(?:复古|怀旧|像素|黑白|卡通|动漫|赛博朋克|电影|老旧|梦幻)(?:风|感|风格|效果)?(?:一点|一些|些)?)?"
    r"|(?:让|把)?(?:画面|画风|视频画面)(?:改成|变成|调成|弄成|做成|弄得|搞得|变得|调得|看起来)?(?:更|再)?(?:复古|像素|黑白|卡通|动漫|赛博朋克|电影|怀旧|老旧)(?:风|风格|效果|感|的)?(?:一点|一些|些)?|(?:换成|改成|变成|做成|弄成|来个)(?:复古|像素|黑白|卡通|动漫|赛博朋克|电影|怀旧|老旧|漫画|二次元|水彩|油画)(?:风格?|风|感)?的?(?:画面|画风|视频画面|滤镜)|调色|调个色|调一下色|调调色|黑白|(?:(?:整个|整段)?(?:画面|视频)的?)?(?:饱和度|亮度|对比度|色调)(?:再)?(?:调|提|拉|降|弄|变)?(?:高|低|大|小|亮|暗)?(?:一?点|一些)?|模糊|(?:画面|视频|画质)(?:太|有点|再)?(?:暗|亮|灰)了?|调亮一?点?|调暗一?点?|变亮一?点?|(?<!还是)亮一点(?!\s*(?:的|还是|都行))",
)
def _colour(m: re.Match[str], st: State) -> None:
    _no(st, f"'{m.group(0).strip()}' (a picture filter)", f"“{m.group(0).strip()}”（画面滤镜）",
        _PICTURE)


@rule(
    rf"\b(?:(?:trim|cut)(?:\s+(?:off|out|away))?\s+(?:the\s+)?(?:first|last|final|opening)\s+(?:{DUR}|minute)"
    r"|trim|cut\s+(?:out|the\s+(?:video|clip|intro|beginning|end|part|boring))|crop\s+out|black\s+bars|letterbox(?:ing)?|"
    r"speed\s+up\s+the\s+(?:video|clip|gameplay|footage)|speed\s+(?:the\s+)?(?:video|clip|footage)\s+up|(?:make\s+)?the\s+(?:video|clip|footage)\s+"
    r"(?:faster|slower|quicker)|slow[\s-]?mo(?:tion)?|time[\s-]?lapse|"
    r"zoom(?:\s+in|\s+out)?|transitions?|stickers?|emojis?|green\s*screen|face\s*cam|webcam|"
    r"stabili[sz]e|reverse\s+the\s+(?:video|clip)|loop\s+the\s+video|splice|jump\s+cuts?"
    r"|(?:make|get|cut)\s+(?:the\s+)?(?:video|clip|recording|footage)\s+(?:down\s+)?(?:(?:a\s+(?:bit|lot)|\d+\s*(?:s|seconds?))\s+)?(?:shorter|longer)"
    r"|(?:make|get|cut|keep|trim)\s+(?:the\s+)?(?:whole\s+thing|entire\s+thing|whole\s+video|full\s+video|final\s+video|video|clip|edit)\s+"
    r"(?:down\s+to\s+|to\s+|under\s+|only\s+|just\s+)?(?:like\s+|about\s+)?\d[\d:.]*\s*(?:s|secs?|seconds?|m|mins?|minutes?)?(?:\s+(?:long|max|tops))?"
    r"|shorten\s+(?:the\s+)?(?:video|clip)|(?:stop|end|cut|trim)\s+(?:everything|the\s+(?:whole\s+)?(?:video|clip|recording))\s+(?:after|at|from)\s+\d[\d:.]*\s*\w*|(?:countdown\s+)?timer|progress\s+bar|borders?"
    r"|(?:kill|death|score|win|frag)\s+(?:counter|tracker|count)|scoreboard|(?:chat|alerts?|donation)\s+overlay"
    r"|(?:record|capture)\s+(?:my\s+|the\s+)?(?:screen|gameplay|game|footage|webcam)|screen[\s-]?record(?:ing)?|(?:live[\s-]?)?stream\s+(?:it|this)(?:\s+live)?"
    r"|glitch(?:\s+effects?)?|(?:screen|camera)\s+shake|lens\s+flares?|(?:visual|video)\s+effects?|vfx"
    r"|subscribe\s+button|end\s+screen|end\s+card|intro\s+card|outro\s+card)\b",
    rf"(?:剪掉|去掉|删掉)(?:前|最后|后)\s*{DUR}(?:的?(?:画面|视频))?|剪掉|剪辑掉|剪短一?点?|剪一下|裁掉片头|(?:画面|视频)?裁掉(?:一半|一部分|左边|右边|上面|下面|两边|边缘|黑边)|加速视频|视频加速|(?:画面|视频)?(?:旋转|转)\s*(?:90|180|270)\s*度|旋转画面|翻转画面|画面翻转|镜像翻转|慢动作|慢镜头|(?<!节奏)(?<!速度)(?<!节拍)(?<!音乐)(?<!bgm)(?<!音乐调到)(?<!音乐调成)(?<!音乐改成)(?<!bgm调到)(?<!bgm调成)(?<![\d.])(?:\d(?:\.\d+)?\s*)?倍速|转场|贴纸|表情包|放大画面|缩放|绿幕|摄像头"
    r"|画面(?:再|要)?(?:放大|缩小|大|小)(?:一?点|一些|些)?|(?:视频|片子|画面)(?:再|要)?(?:剪)?(?:短|长)(?:一?点|一些|些)|(?:视频|画面)(?:加速|变快|快进|倒放)|(?:视频|画面)(?:再)?(?:放慢|变慢|慢|放快|加快|快)了?(?:一半|两倍|\d倍|一?点(?!的)|一些(?!的))|倒放|倒带|(?:视频|画面|播放)(?:的)?(?:播放)?速度(?!不变|别动|保持|不用动|不要动)[^,，。；;\n]{0,10}",
)
def _video_edit(m: re.Match[str], st: State) -> None:
    _no(st, f"'{m.group(0).strip()}' (editing the picture)", f"“{m.group(0).strip()}”（剪辑画面）",
        _PICTURE)


@rule(
    # "change the game to minecraft": the game recorded, not a style (the franchise goes with it)
    r"\b(?:change|swap|switch|turn|replace|make)\s+(?:the\s+|my\s+|this\s+)?game(?:play)?\s+(?:to|into|with|for)\s+(?!\s*\d)"
    r"(?!(?:mute|muted|silent|quiet|loud|louder|quieter|half|max|full|off|on|zero|nothing)\b)[a-z][a-z0-9' ]{0,24}?"
    r"(?=\s*(?:$|[,;.!?\n]|please\b|pls\b|and\b|instead\b|gameplay\b|footage\b))",
    r"\b(?:change|edit|modify|hack|mod)\s+(?:the\s+)?game(?:play)?\s*(?:itself|physics|graphics|"
    r"level|map|difficulty|character|score)?\b(?!\s*(?:audio|sounds?|sfx|volume|level|noise|louder|quieter|softer|down|up|off|on)\b"
    r"|\s*(?:to|at)\s+(?:\d|(?:mute|muted|silent|half|max|full|zero)\b))|\b(?:remove|delete|hide)\s+(?:the\s+)?(?:enemies|"
    r"enemy|hud|ui|health\s+bar|minimap|crosshair)\b|\bmake\s+(?:me|my\s+character)\s+(?:win|better|good|invincible|cracked|a\s+pro)\b|\bmake\s+(?:my|the)\s+(?:kills?|plays?|aim|shots?|gameplay)\s+(?:look|seem)\b|"
    r"\b(?:better|higher)\s+(?:score|kd|k/d|rank)\b|\b(?:change|swap|edit|modify|replace)\s+(?:the\s+|my\s+)?(?:character(?:'s)?\s+|player(?:'s)?\s+)?"
    r"(?:skin|outfit|model|weapon|graphics|textures?|map)\b|\b(?:my|the)\s+(?:character|player|car|guy|avatar|hero|champ|champion|"
    r"aim)\s+(?:run|move|jump|drive|go|look|shoot|walk|hit|aim|play)\w*(?:\s+(?:faster|slower|higher|better|quicker|cooler|stronger))?\b"
    r"|\bmake\s+(?:my|the)\s+(?:character|player|car|guy|avatar|hero|team|aim)\s+[a-z]+(?:\s+(?:faster|slower|higher|better|quicker|cooler|stronger))?\b"
    r"|\b(?:make|let)\s+(?:the\s+)?(?:boss|enemies|enemy|game|level|fight|match)\s+(?:a\s+(?:bit|lot)\s+)?(?:easier|harder|weaker|stronger|shorter|longer)\b",
    r"(?:改|修改)(?:游戏|关卡|角色|分数|难度)|去掉(?:敌人|血条|小地图|界面|hud)|让我赢"
    r"|(?:换|换一|换个)(?:个|局|把|盘)?(?:游戏|对局)(?:录|录像|录屏|画面)?|重新录(?:一[局把段遍])?|换(?:一|个)?(?:局|把|盘)(?:录|录像|录屏)"
    r"|(?:敌人|血条|小地图|界面|hud|ui|准星|击杀提示|弹幕)(?:都|也|给)?(?:去掉|删掉|隐藏|拿掉|关掉|去了)"
    r"|游戏(?:里|中)?的?(?:角色|人物|皮肤|地图|关卡|敌人|武器|画质|难度|剧情|操作)(?:(?:再)?(?:调低|调高|降低|提高|调简单|调难|改|换|调)(?:一?点|一下)?)?|(?:角色|人物|皮肤|武器)(?:换成|改成|换掉|换一?个)"
    r"|(?:把|将)?(?:这个|这款|录的|视频里的)?游戏(?:画面|本身|内容)?(?:换成|改成|变成|替换成)(?!\s*(?:\d|静音))[^,;。；!?！？\n]{0,10}",  # 把游戏换成原神
)
def _game_itself(m: re.Match[str], st: State) -> None:
    _no(st, "changing the game itself", "修改游戏本身",
        ("I work on the recording: music, game-audio level, titles and aspect.",
         "我处理的是录像：音乐、原声音量、标题和画幅。"))  # fmt: skip


@rule(
    r"\b(?:the\s+)?(?:actual|official|exact|copyrighted)\s+(?:[a-z0-9']+\s+){0,3}(?:theme|"
    r"soundtrack|ost|song|music)\b|\b(?:the\s+)?(?:real|original)\s+(?:[a-z0-9']+\s+){1,3}(?:theme"
    r"|soundtrack|ost)\b|\bost\b|\bthe\s+(?:[a-z0-9']+\s+){1,3}(?:theme\s+song|main\s+theme|title\s+theme|intro\s+song)\b|\b(?:a\s+)?(?:real|"
    r"licensed|popular|famous|copyrighted)\s+songs?\b|\bspotify\b"
    r"|\b(?:something|music|a\s+song|a\s+track|the\s+(?:song|music|track)s?|songs?)\s+(?:from|of|in)\s+(?:the\s+)?(?:actual|real|original)?\s*game(?:'s)?(?:\s+itself)?\b"
    r"|\bthe\s+game'?s\s+(?:own\s+|real\s+|actual\s+|original\s+)(?:music|soundtrack|songs?|theme|bgm)\b"
    rf"|\bthe\s+(?:[a-z0-9']+\s+){{0,3}}(?:theme|song|soundtrack|ost|track)\s+(?:from|of|in)\s+(?:the\s+)?(?:{FRANCHISE_RE.pattern})"
    r"|\b(?:use|add|put\s+in|upload)\s+(?:my\s+own|my|a\s+custom)\s+"
    r"(?:song|music|track|mp3|audio\s+file|beat)s?\b",
    r"(?:官方|正版|原版)[^,，。；;\n]{0,8}?(?:配乐|原声带|音乐|主题曲|bgm|原曲)|原曲|原声带|"
    r"(?:改成|换成|换回|用|放|配)(?:游戏|原作)(?:里|中|本身|自带)?(?:原来)?的?(?:bgm|音乐|配乐|主题曲|ost)|流行歌曲?|(?:抖音|网红|热门)(?:神曲|热歌|歌曲?)|流行歌|"
    r"(?:换成|用|放|来一?首|加|配|配上)(?!好听|轻松|欢快|安静|好|燃|嗨|可爱|紧张|热血|激烈|史诗|恐怖|放松|舒缓|别人|一样|别|新|不一样)"
    rf"(?!(?:{STYLE_RE.pattern})(?:一?点)?的)"  # 来首chill的歌: a song in a style, not a singer's
    r"[\u4e00-\u9fffa-z]{2,5}的(?:歌|歌曲|新歌|成名曲)",
)
def _their_music(m: re.Match[str], st: State) -> None:
    _no(st, "a game's own or a licensed soundtrack", "游戏原版配乐或授权歌曲",
        ("I compose original music in a style: say 'chiptune', 'boss', 'rpg' and so on.",
         "我只作原创音乐：说“芯片音乐”“Boss战”“角色扮演”等风格即可。"))  # fmt: skip


@rule(
    r"\b(?:more|less|boost(?:ed)?|extra|heavier|deeper|punchier)\s+(?:the\s+)?(?:bass|treble|low[\s-]?end|highs|mids|"
    r"sub[\s-]?bass)\b|\b(?:not\s+)?(?:so|too)\s+much\s+(?:bass|treble|low[\s-]?end)\b|\b(?:mono|stereo|surround(?:\s+sound)?|5\.1|spatial\s+audio|binaural)\b|\bbass[\s-]?boost(?:ed)?\b|\b(?:less|more|too|so)\s+(?:bassy|boomy|muddy|tinny|trebly)\b|\b(?:eq|equali[sz]e|equali[sz]er|reverb|echo|compress(?:or|ion|ed|ing)?|lufs|de-?ess(?:er|ing)?|lpf|hpf)\b"
    r"|\b(?:low|high)[\s-]?pass\b|\bpan(?:ning)?\s+(?:the\s+)?(?:music|bgm|game|audio|sound|it)\s+(?:to\s+the\s+)?(?:left|right|center)\b|\bpanning\b"
    r"|\b(?:in\s+the\s+)?key\s+of\s+[a-g](?:#|b)?(?:\s+(?:minor|major))?\b"
    r"|\bpitch(?:ed)?\s+(?:it\s+|the\s+(?:music|bgm|song)\s+)?(?:up|down)\b|\b(?:higher|lower)\s+pitch\b|\bpitch[\s-]?shift\w*|\btranspose\b"
    r"|\b(?:change|shift)\s+the\s+key\b|\bnormali[sz](?:e|ation)\b|\bmaster(?:ing)?\s+(?:the\s+)?(?:audio|sound|mix)\b|\blimiter\b",
    r"重低音|低音炮|(?:加|多|更多|少)(?:点|一点)?(?:低音|高音)|均衡器|混响|回声|回音",
)
def _mix(m: re.Match[str], st: State) -> None:
    _no(st, f"'{m.group(0).strip()}' (mixing the sound)", f"“{m.group(0).strip()}”（混音）",
        ("I can pick a style, set the music's and the game's volume, and the tempo.",
         "我能换风格、调音乐和原声的音量、改节奏。"))  # fmt: skip


@rule(
    r"\b(?:(?:title|text|caption|subtitle)s?(?:'s)?\s+(?:font|colou?r|size|style|outline|shadow|animation)"
    r"|(?:make|turn)\s+(?:the\s+)?(?:title|text|caption|subtitle)s?\s+(?:red|blue|green|yellow|white|black|pink|purple|orange|gold|bold|italic"
    r"|bigger|smaller|larger|animated))\b",
    r"(?:字幕|标题|文字|字体|字号|大标题)(?:的)?(?:字号|字体|大小|尺寸|字)?(?:再|调|要|能不能|可以)?(?:放大|缩小|加粗|变大|变小|调大|调小|大|小|粗|细)"
    r"(?:一?点|一些|些)?|(?:字幕|标题|文字)(?:的)?(?:颜色|字体|描边|阴影|样式|特效|动画)|(?:字幕|标题|文字)(?:换|改)(?:个|一个|一种|成)?(?:字体|颜色|样式)"
    r"|(?:字幕|标题|文字|字)(?:的)?(?:用|改成|换成|变成|调成|弄成|要|是)?(?:红|蓝|黄|白|黑|绿|紫|粉|橙|金|彩)色(?:的)?"
    r"|(?:(?<=\n)|^)\s*[,，]?\s*(?:用|是|要|弄成)?(?:红|蓝|黄|白|黑|绿|紫|粉|橙|金|彩)色(?:的)?(?:字|字体)?(?=\s*(?:$|[,，。；;\n]))"
    r"|(?:字幕|标题|文字)(?:改成|换成|变成)(?:红|黄|白|黑|蓝|绿|粉|紫)色|(?:(?<=[，,。；;！!\s])|^)字(?:再|要)?(?:大|小|粗|细)(?:一?点|一些|些)?",
)
def _title_look(m: re.Match[str], st: State) -> None:
    """字幕大一点, 标题换个字体: titles have one look (text, time and place are what can change)."""
    _no(st, "changing how titles look (size, font, colour)", "修改字幕的样式（大小、字体、颜色）",
        ("Titles have one look; I can set their text, time and place (top, center, bottom).",
         "字幕样式是固定的；可以改文字、出现时间和位置（顶部、中间、底部）。"))  # fmt: skip


@rule(
    r"\b(?:hdr|dolby\s+vision|auto[\s-]?(?:captions?|subtitles?)|transcri(?:be|ption)|subtitles?\s+(?:for|of)"
    r"\s+what\s+i\s+say|(?:remove|mute|cut|delete|take\s+out)\s+(?:my|the)\s+(?:own\s+)?(?:voice|commentary|mic|narration|voice[\s-]?over)"
    r"|(?:lower|turn\s+down|reduce|quieten|soften|tone\s+down)\s+(?:my|the)\s+(?:own\s+)?(?:voice|mic|commentary|narration)(?:\s+(?:volume|level))?"
    r"|(?:make\s+)?my\s+(?:voice|mic|commentary)\s+(?:is\s+|sounds\s+)?(?:(?:way|a\s+bit|kinda|so)\s+)?(?:too\s+loud|quieter|softer|lower)(?!\s+than)"
    r"|(?:add|put\s+in|insert)\s+(?:some\s+|a\s+few\s+|an?\s+)?(?:[a-z]+\s+)?(?:sound\s+effects?|sfx|"
    r"whoosh(?:es)?)|(?:add|put\s+in|record|do|insert)\s+(?:a\s+|some\s+|an?\s+|my\s+)?(?:voice[\s-]?over|"
    r"narration|narrator|tts)|text[\s-]to[\s-]speech|auto[\s-]?tune|voice\s+changer|change\s+my\s+voice|(?:make\s+)?my\s+voice\s+(?:sound\s+)?(?:deeper|higher|robotic|squeaky|lower[\s-]pitched|higher[\s-]pitched)|noise\s+(?:removal|reduction)|"
    r"remove\s+(?:the\s+)?(?:background\s+|room\s+|mic\s+|fan\s+|wind\s+|keyboard\s+)?noise|(?:room|mic|fan|wind|keyboard)\s+noise|hiss|watermark|(?:my\s+)?logo|(?:a\s+)?webcam\s+overlay)\b",
    r"(?:帮我|给我|加个?|加上|来个|做个?|ai|自动)配音|配个音(?!乐)|文字转语音|(?:我的?)?(?:声音|人声)(?:变成|改成|换成)|变音|萝莉音|大叔音|机器人声|变声器?"
    r"|(?:去掉|去除|消除|减少|降低)?(?:背景)?(?:噪音|杂音|底噪|电流声|噪声)|进度条|倒计时|计时器|画中画|马赛克|打码|边框|防抖|(?:画面)?稳定(?:一下)?(?:画面)?"
    r"|自动字幕|语音转文字|识别字幕|加(?:点|些|个|一些|一点)?音效|变声|降噪|水印|加logo|二维码|打赏码|hdr|弹幕(?:效果|特效)?|(?:爆炸|枪|击杀|打击|笑声|搞笑|综艺|鼓掌|欢呼|转场)音效|(?:画面)?(?:抖动|震动|震屏|闪白|闪屏)(?:效果|特效)?|黑屏|美颜|字幕翻译|翻译字幕|(?:加|配)上?(?:中文|英文|双语)?翻译|(?:背景图|背景图片|背景图案|壁纸)|磨皮|瘦脸|(?:转|转换|导出|输出|做|存)成?\s*(?:gif|动图|mov|avi|mkv|webm)(?:格式)?|(?:加|来|放|做|弄|搞|整|配)(?:点|个|些|一些|一个)?[\u4e00-\u9fff]{0,6}?(?:特效|贴图|动画效果|动画)",
)
def _other_tools(m: re.Match[str], st: State) -> None:
    _no(st, f"'{m.group(0).strip()}'", f"“{m.group(0).strip()}”",
        ("I add game-style music, set the game-audio level, titles and the aspect.",
         "我能加游戏风格的音乐、调原声音量、加标题和改画幅。"))  # fmt: skip


_SYNTH_SAID = re.compile(r"80\s*年代|八十年代|合成器|赛博|霓虹|复古波|合成波|synth|80s|retrowave")


@rule(
    r"\b(?:phonk|jazz|jazzy|dubstep|edm|trap|techno|house\s+music|drum\s+(?:and|&|n)\s+bass|dnb|k-?pop|j-?pop|rap|"
    r"(?<!kong\s)country|reggae|punk|opera|acoustic|piano|guitar(?!\s+hero)|violin|a\s+cappella|acapella|disco|funk|blues|gospel|ska"
    r"|drums?(?:\s+solo)?|saxophone|sax|flute|trumpet|vocals?|singing|lyrics|beatbox(?:ing)?)\b",
    r"(?:电子乐|电音|爵士|摇滚|说唱|嘻哈说唱|钢琴|吉他|(?<!复)古风|国风|武侠|仙侠|中国风|民族风|戏曲|西部|牛仔|乡村音乐|民谣|流行乐|蹦迪|dj|鼓点|鼓声|架子鼓|打击乐|合唱|人声演唱|带歌词|歌词|唱歌|有人唱)"
    r"(?!\s*(?:rpg|jrpg|角色扮演))",  # 仙侠RPG: the RPG is the style asked for
)
def _genre(m: re.Match[str], st: State) -> None:
    """A genre or instrument the engine has no style for: named, with the styles it has."""
    word = m.group(0).strip()
    if word in ("电子乐", "电音") and _SYNTH_SAID.search(m.string):
        return  # 80年代的电子乐: electronic music of the 80s is synthwave
    _no(st, f"'{word}' (not one of my styles)", f"“{word}”（不在我的风格里）",
        ("My styles: " + ", ".join(STYLE_TITLES.values()) + ".",
         "我的风格：" + "、".join(STYLE_ZH.values()) + "。"))  # fmt: skip


@rule(
    r"\b(?:only\s+)?(?:at|in|during|for|near|towards?|by)\s+the\s+(?:very\s+)?(?:end|ending|intro|outro|finale)\b(?![^.;!?\n]{0,24}?\d)",
    r"(?:结尾|片尾|末尾|片头)(?:的时候|处)?(?:来点|来个|加点|放点|要有|换成|用)(?![^。；;!?\n]{0,12}?\d)",
)
def _at_the_end(m: re.Match[str], st: State) -> None:
    """"Fanfare vibes at the end": a part of the video with no time on it (fades and titles
    "at the end" were read before this)."""
    cannot_time(m, st)
