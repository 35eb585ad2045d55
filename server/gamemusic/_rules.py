"""The rule table behind `instructions.parse`: (regex, handler) pairs, in the order they run.

Order matters and is part of the meaning: undo/redo, titles off, original audio, music off,
ducking ("quieter under my voice"), fades, aspect (before times: "9:16" is not 9 min 16 s),
resolution, tempo ("lower the tempo"), another take, volume, time ranges, styles, "add music".
Handlers write into the plan; text they match is consumed. Titles are taken first, from the
case-kept text, by `_titles.take_titles`. This module holds the switches (undo, audio on/off,
ducking, fades, picture); `_levels` the amounts (tempo, volume, ranges, style).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gamemusic.errors import BadInput
from gamemusic.instructions import EditPlan, TimeRange, _State
from gamemusic.phrases import (
    DUR,
    FLAGS,
    NUM,
    TIME,
    pick,
    seconds,
    unit_of,
)

Handler = Callable[[re.Match[str], _State], None]
Rule = tuple[re.Pattern[str], Handler]
RULES: list[Rule] = []


def registrar(table: list[Rule]) -> Callable[..., Callable[[Handler], Handler]]:
    """A decorator factory: @rule(pattern, ...) appends (compiled pattern, handler) to `table`."""

    def rule(*patterns: str) -> Callable[[Handler], Handler]:
        def register(fn: Handler) -> Handler:
            table.extend((re.compile(p, FLAGS), fn) for p in patterns)
            return fn

        return register

    return rule


rule = registrar(RULES)


def bad(
    plan: EditPlan, en: str, zh: str, code: str = "out_of_range", hint: tuple[str, str] = ("", "")
) -> BadInput:
    """A BadInput in the plan's language; `recognized` tells the router it was an edit."""
    return BadInput(pick(plan.lang, en, zh), hint=pick(plan.lang, *hint), code=code,
                    recognized=True)  # fmt: skip


def group(m: re.Match[str], *names: str) -> str | None:
    return next((m[n] for n in names if n in m.re.groupindex and m[n]), None)


def span(a: str, b: str) -> TimeRange:
    """'30'..'60s' -> 30-60 s: a bare first number takes the unit of the second."""
    return TimeRange(start=seconds(a, unit_of(b)), end=seconds(b))


A = rf"(?P<a>{TIME}|{NUM})"
B = rf"(?P<b>{TIME})"


# ---- undo / redo / titles off ---------------------------------------------------------------
@rule(r"\bredo\b(?:\s+(?:that|it|the\s+last\s+(?:change|edit)))?|重做|恢复撤销|取消撤销|反撤销")
def _redo(m: re.Match[str], st: _State) -> None:
    st.plan.redo = True


@rule(
    r"\b(?:undo|revert|go\s+back|take\s+(?:that|it)\s+back)\b(?:\s+(?:that|it|this|one\s+step"
    r"|(?:the\s+)?last\s+(?:change|edit|step|one)|(?:the\s+)?(?:change|edit)))?",
    r"撤销|撤消|撤回|回退|返回上一步|退回上一步|取消上一步|上一步|取消刚才的?(?:修改|操作|改动)?",
)
def _undo(m: re.Match[str], st: _State) -> None:
    st.plan.undo = True


@rule(
    r"\b(?:remove|delete|drop|clear|take\s+(?:out|off|away)|get\s+rid\s+of|hide)\s+(?:(?:the|all"
    r"|any|my)\s+)*(?:text\s+overlays?|titles?|texts?|captions?|overlays?|headings?|labels?)\b",
    r"(?:去掉|删除|删掉|移除|取消|清除|不要)(?:所有的?|全部的?)?(?:标题|文字|字幕|文本)",
)
def _remove_titles(m: re.Match[str], st: _State) -> None:
    st.plan.remove_titles = True


# ---- original audio and music on/off --------------------------------------------------------
_ORIG = r"(?:the\s+)?(?:original|game|gameplay|in-game|source)(?:'s)?"
_ORIG_N = r"(?:the\s+)?(?:original|game|gameplay|in-game|source|video|recording|clip)(?:'s)?"
_SOUND = r"(?:audio|sound|sounds|noise|sfx)"
_ZH_ORIG = r"(?:原声|原音|原始声音|游戏声音|游戏音效|游戏原声|视频声音|视频原声|录像声音)"


@rule(
    rf"\b(?:(?:keep|use|leave)\s+(?:only\s+)?{_ORIG}\s+{_SOUND}\s+only|(?:only|just)\s+(?:keep\s+)?"
    rf"{_ORIG}\s+{_SOUND}|(?:original|game)\s+{_SOUND}\s+only|keep\s+(?:the\s+)?original\s+only)\b",
    rf"(?:只保留|只要|仅保留|只留|只用|仅用){_ZH_ORIG}",
)
def _original_only(m: re.Match[str], st: _State) -> None:
    st.plan.remove_music = True
    st.plan.original_audio = "keep"


@rule(
    rf"\b(?:mute|silence)\s+{_ORIG}(?:\s+{_SOUND})?\b|\b(?:mute|silence)\s+{_ORIG_N}\s+{_SOUND}\b",
    rf"\b(?:remove|drop|kill|turn\s+off|get\s+rid\s+of|cut|lose|no|without|disable)\s+{_ORIG_N}\s+"
    rf"{_SOUND}\b|\b(?:original|game)\s+{_SOUND}\s+off\b|\b(?:music|bgm)\s+only\b|\b(?:only|just)"
    r"\s+(?:the\s+)?music\b",
    rf"(?:静音|关闭|关掉|去掉|去除|删除|删掉|不要|屏蔽|消除){_ZH_ORIG}|{_ZH_ORIG}(?:静音|关掉|关闭|去掉|不要了?)"
    r"|静音(?:原视频|原片|游戏)|视频静音|(?:只要|只保留|只留|只有)(?:背景)?音乐",
)
def _mute_original(m: re.Match[str], st: _State) -> None:
    st.plan.original_audio = "mute"


@rule(
    rf"\b(?:keep|restore|unmute|bring\s+back|leave)\s+(?:{_ORIG}(?:\s+{_SOUND})?|{_ORIG_N}\s+{_SOUND})"
    rf"\b|\b(?:original|game)\s+{_SOUND}\s+(?:back\s+)?on\b",
    rf"(?:保留|恢复|打开|开启){_ZH_ORIG}|取消静音|原声(?:保留|打开|开启)",
)
def _keep_original(m: re.Match[str], st: _State) -> None:
    st.plan.original_audio = "keep"


@rule(
    r"\b(?:remove|delete|drop|take\s+(?:out|off|away)|get\s+rid\s+of|kill|turn\s+off|stop|disable"
    r"|clear|cut|ditch|lose|mute)\s+(?:(?:the|all|any|my|this)\s+)*(?:background\s+)?(?:music|bgm"
    r"|soundtrack|song)s?\b(?!\s+(?:at|after|before|from|until|when)\b)|\bno\s+(?:more\s+)?(?:background\s+)?(?:music|bgm|soundtrack)\b"
    r"|\bwithout\s+(?:(?:any|the)\s+)?(?:background\s+)?(?:music|bgm)\b|\b(?:music|bgm)\s+off\b",
    r"(?:去掉|去除|删除|删掉|移除|取消|关闭|关掉|不要|不需要|拿掉|清除)(?:所有的?)?(?:背景音乐|配乐|音乐|bgm)"
    r"|(?:背景音乐|配乐|音乐|bgm)(?:去掉|删除|删掉|关掉|关闭|不要了)",
)
def _remove_music(m: re.Match[str], st: _State) -> None:
    st.plan.remove_music = True


# ---- ducking --------------------------------------------------------------------------------
_ZH_DUCK = r"(?:闪避|避让|躲避|ducking)"


@rule(
    r"\b(?:no|without|disable|turn\s+off|stop|remove|don't|do\s+not|never)\s+(?:the\s+)?(?:auto"
    r"[\s-]?)?duck(?:ing)?\b(?:\s+(?:the\s+)?music)?|\bduck(?:ing)?\s+off\b",
    rf"(?:关闭|关掉|取消|不要|去掉|禁用|停用|不用)(?:自动)?{_ZH_DUCK}|{_ZH_DUCK}(?:关闭|关掉|取消)",
)
def _duck_off(m: re.Match[str], st: _State) -> None:
    st.plan.duck = False


@rule(
    r"\b(?:strong(?:er)?|heav(?:y|ier)|more|deep(?:er)?|hard(?:er)?|aggressive)\s+ducking\b"
    r"|\bduck(?:ing)?\s+(?:(?:the\s+)?music\s+)?(?:more|harder|deeper|stronger|a\s+lot)\b",
    rf"(?:加强|增强|更强的?|强一?点的?|更多的?|强烈的?|大幅)(?:的)?{_ZH_DUCK}"
    rf"|{_ZH_DUCK}(?:强一?点|更强|加强|多一?点|大一?点)",
)
def _duck_strong(m: re.Match[str], st: _State) -> None:
    st.plan.duck, st.plan.duck_db = True, 12.0


@rule(
    r"\b(?:light(?:er)?|less|gentle|gentler|subtle|soft(?:er)?|weak(?:er)?|slight)\s+ducking\b|"
    r"\bduck(?:ing)?\s+(?:(?:the\s+)?music\s+)?(?:less|(?:a\s+)?(?:little|bit)|slightly|gently)\b",
    rf"(?:减弱|轻微的?|更弱的?|弱一?点的?|轻一?点的?|少一?点的?|轻度)(?:的)?{_ZH_DUCK}"
    rf"|{_ZH_DUCK}(?:弱一?点|轻一?点|少一?点|减弱|小一?点)",
)
def _duck_light(m: re.Match[str], st: _State) -> None:
    st.plan.duck, st.plan.duck_db = True, 5.0


@rule(
    rf"\bduck(?:ing)?\s+(?:(?:the\s+)?music\s+)?(?:by|of|at|to|=)?\s*(?P<db>{NUM})\s*db\b"
    rf"|\b(?P<db2>{NUM})\s*db\s+(?:of\s+)?ducking\b",
    rf"{_ZH_DUCK}\s*(?P<db>{NUM})\s*(?:db|分贝)|(?P<db2>{NUM})\s*(?:db|分贝)(?:的)?{_ZH_DUCK}",
)
def _duck_db(m: re.Match[str], st: _State) -> None:
    db = float(group(m, "db", "db2") or 0)
    if not 0 < db <= 24:
        raise bad(st.plan, f"Ducking of {db:g} dB is out of range: use 1-24 dB.",
                   f"闪避 {db:g} dB 超出范围：请用 1-24 dB。")  # fmt: skip
    st.plan.duck, st.plan.duck_db = True, db


_VOICE = (
    r"(?:i\s+(?:talk|speak|commentate|narrate)|i'm\s+(?:talking|speaking)|i\s+am\s+(?:talking|"
    r"speaking)|(?:(?:my|the|your)\s+)?(?:voice|voices|commentary|talking|speaking|speech|voice"
    r"[\s-]?over|narration|mic|microphone|dialogue|dialog|commentating|game\s+audio|game\s+sound"
    r"|loud\s+parts|explosions|gunfire|callouts))"
)
_DUCK_MOD = r"much|a\s+lot|way|a\s+(?:little\s+)?bit|slightly|a\s+little|strongly|heavily|gently"


@rule(
    rf"\b(?:(?P<mod>{_DUCK_MOD})\s+)?(?:(?:the\s+)?music\s+)?(?:duck|dip|lower|quieter|softer|"
    r"turn\s+(?:it\s+|the\s+music\s+)?down|make\s+room|get\s+out\s+of\s+the\s+way|back\s+off)"
    r"(?:\s+(?:the\s+)?(?:music|bgm|it))?(?:\s+(?P<mod2>a\s+lot|more|much|a\s+(?:little\s+)?bit"
    r"|slightly|less))?\s+(?:under|beneath|below|when|while|whenever|during|for|behind|around)"
    rf"\s+{_VOICE}\b",
    r"(?:在|当)?我?(?:说话|讲话|解说|人声|配音|旁白|讲解|开麦|出声|念白)(?:出现|响起|进来)?(?:的)?(?:时候?|时|期间|部分)?"
    r"(?:把)?(?:音乐|背景音乐|bgm)?(?:自动)?(?:再)?(?P<mod>大幅)?(?:再)?(?:调低|降低|压低|变小|小一?点|小声一?点|小声"
    r"|轻一?点|低一?点|让路|避让|闪避|让一让)(?:一?点|一些)?(?P<mod2>很多|更多|多一?点)?",
)
def _duck_voice(m: re.Match[str], st: _State) -> None:
    """Ducking on for "duck under my voice"; "quieter under my voice" is relative: the dip
    gets deeper (4 dB, 6 "much", 2 "a bit")."""
    mod = (group(m, "mod", "mod2") or "").replace(" ", "")
    st.plan.duck = True
    text = m.group(0).lower()
    if re.search(r"\bduck|自动", text) and not mod:
        return
    if mod in ("much", "alot", "way", "strongly", "heavily", "more", "大幅", "很多", "更多",
               "多点", "多一点"):  # fmt: skip
        st.plan.duck_step = 6.0
    elif mod:
        st.plan.duck_step = 2.0
    else:
        st.plan.duck_step = 4.0


@rule(
    r"\b(?:(?:auto[\s-]?)?duck(?:ing)?(?:\s+(?:the\s+)?(?:music|bgm))?\s+on|(?:enable|turn\s+on|"
    r"use|add|with)\s+(?:auto[\s-]?)?ducking|auto[\s-]?duck(?:ing)?|duck(?:ing)?(?:\s+(?:the\s+)?"
    r"(?:music|bgm))?)\b",
    rf"人声优先|突出人声|突出解说|(?:开启|打开|启用|加上|使用|自动)?{_ZH_DUCK}",
)
def _duck_on(m: re.Match[str], st: _State) -> None:
    st.plan.duck = True


# ---- fades ----------------------------------------------------------------------------------
def _set_fade(st: _State, which: str, value: float) -> None:
    if value > 30:
        raise bad(st.plan, f"A {value:g} s fade is too long: use up to 30 s.",
                   f"{value:g} 秒的淡入淡出太长：最多 30 秒。")  # fmt: skip
    if which in ("in", "both"):
        st.plan.fade_in = value
    if which in ("out", "both"):
        st.plan.fade_out = value


def _which(word: str) -> str:
    word = word.replace(" ", "").replace("-", "")
    has_in = any(k in word for k in ("in", "入", "强"))
    has_out = any(k in word for k in ("out", "出", "弱"))
    return "both" if has_in == has_out else "in" if has_in else "out"


@rule(
    r"\b(?:no|without|remove|disable|turn\s+off|skip|don't|do\s+not)\s+(?:the\s+|any\s+)?"
    r"(?P<which>fade[\s-]?ins?|fade[\s-]?outs?|fades?|fading)\b",
    r"(?:不要|取消|去掉|关闭|没有|无)(?P<which>淡入淡出|渐入渐出|淡入|淡出|渐入|渐出|渐强|渐弱|淡化)",
)
def _no_fade(m: re.Match[str], st: _State) -> None:
    _set_fade(st, _which(m["which"]) if m["which"] not in ("fade", "fades", "fading") else "both",
              0.0)  # fmt: skip


@rule(
    rf"\b(?:(?P<len>long(?:er)?|slow|short(?:er)?|quick|fast)\s+)?(?:(?P<d1>{DUR})\s+)?(?:long\s+)?"
    r"fade(?:[\s-]?(?P<dir>in\s+and\s+(?:fade[\s-]?)?out|in\s*/\s*out|in|out)|\s+(?:(?:the\s+)?"
    r"(?:music|bgm)|it)\s+(?P<dir2>in\s+and\s+out|in|out))?(?:\s+(?P<len2>longer|shorter|slower|quicker))?(?:\s+(?:over|of|for|by|in|to|with|"
    rf"lasting|at)?\s*(?:(?:a|the)\s+)?(?:(?:last|final|first)\s+)?(?P<d2>{DUR}))?(?:\s+(?:at\s+"
    r"the\s+)?(?P<where>start|beginning|end))?\b",
    rf"(?:开头|开始|结尾|末尾|最后)?(?:(?P<d1>{DUR})(?:的)?)?(?P<dir>淡入淡出|渐入渐出|渐强渐弱|淡入|淡出"
    rf"|渐入|渐出|渐强|渐弱)(?:\s*(?P<d2>{DUR}))?",
)
def _fade(m: re.Match[str], st: _State) -> None:
    direction = group(m, "dir", "dir2")
    where = group(m, "where")
    which = (_which(direction) if direction else "in" if where in ("start", "beginning")
             else "out" if where == "end" else "both")  # fmt: skip
    spec = group(m, "d1", "d2")
    length = group(m, "len", "len2") or ""
    if spec:
        value = seconds(spec)
    elif length.startswith(("long", "slow")):  # "longer fade", "fade in longer"
        value = 4.0
    elif length:
        value = 0.5
    else:
        value = {"in": 1.5, "out": 2.5}.get(which, -1.0)
    if value < 0:
        _set_fade(st, "in", 1.5)
        _set_fade(st, "out", 2.5)
    else:
        _set_fade(st, which, value)


# ---- picture --------------------------------------------------------------------------------
@rule(
    r"(?<![\d:])9\s*(?:[:x/]|比)\s*16(?![\d:])|\b(?:vertical|portrait|tik\s*tok|(?:youtube\s+)?"
    r"shorts|(?:instagram\s+|ig\s+)?reels?|stories|story\s+format)\b",
    r"竖屏|竖版|竖向|竖的|抖音|快手|视频号",
)
def _vertical(m: re.Match[str], st: _State) -> None:
    st.plan.aspect = "9:16"


@rule(
    r"(?<![\d:])16\s*(?:[:x/]|比)\s*9(?![\d:])|\b(?:landscape|horizontal|widescreen|wide\s+screen"
    r"|youtube|bilibili)\b",
    r"b站|横屏|横版|横向|宽屏",
)
def _landscape(m: re.Match[str], st: _State) -> None:
    st.plan.aspect = "16:9"


@rule(
    r"(?<![\d:])1\s*(?:[:x/]|比)\s*1(?![\d:])|\b(?:square|instagram(?:\s+(?:post|feed))?)\b",
    r"正方形|方形|方屏",
)
def _square(m: re.Match[str], st: _State) -> None:
    st.plan.aspect = "1:1"


@rule(
    r"\b(?:original|source|native|auto(?:matic)?)\s+(?:aspect(?:\s+ratio)?|ratio|format|shape|"
    r"orientation|size)\b",
    r"原始比例|原比例|原画幅|自动比例|原始画幅",
)
def _aspect_auto(m: re.Match[str], st: _State) -> None:
    st.plan.aspect = "auto"


@rule(r"\b(?:1080\s*p?|1920\s*x\s*1080|1080\s*x\s*1920|full\s*hd|fhd|hd)\b|全高清|高清|蓝光")
def _hd(m: re.Match[str], st: _State) -> None:
    st.plan.height = 1080


@rule(
    r"\b(?:4k|8k|2k|2160\s*p?|1440\s*p|720\s*p|480\s*p|360\s*p|uhd|ultra\s*hd)\b|超高清|超清|标清"
)
def _other_height(m: re.Match[str], st: _State) -> None:
    raise bad(st.plan, f"{m.group(0).strip().replace('k', 'K')} is not available: 1080p is the supported "
               "output.", f"不支持 {m.group(0).strip()}：输出只支持 1080p。", code="unsupported",
               hint=("Ask for 1080p or leave the resolution as it is.", "请用 1080p，或不指定分辨率。"))  # fmt: skip
