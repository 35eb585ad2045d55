"""The music's fades (`FADES`): "fade out over 3 s", "fade in and out", "no fade", "keep the fade
out", "end with a long fade", 不要淡出, 慢慢淡入, 最后20秒渐渐消失. Complaints and several fades at
once ("the fade out is too long", "fade in 2 s and out 3 s") are `fade_fixes.py`, which runs
just before these."""

from __future__ import annotations

import re

from gamemusic.words.rules import NEG, Rule, State, bad, group, opposite, registrar
from gamemusic.words.text import DUR, NUM, seconds

FADES: list[Rule] = []
fade = registrar(FADES)


def _set_fade(st: State, which: str, value: float) -> None:
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


@fade(
    r"\b(?P<end>end|finish|close|wrap\s+up|start|open|begin)\s+(?:the\s+music\s+|it\s+|the\s+video\s+)?with\s+(?:a\s+)?"
    r"(?P<len>long|slow|gentle|smooth|short|quick)?\s*fade(?:\s+(?:out|in))?\b",
    r"(?P<end>最后|结尾|开头|开始)(?:用|来|加)?(?:一个|个)?(?P<len>长一?点|慢一?点|短一?点|快一?点|久一?点|长长|慢慢|短短|长)的?(?:淡出|淡入)",
)
def _end_with_fade(m: re.Match[str], st: State) -> None:
    """"End the music with a long fade": the fade out; 开头用个短一点的淡入: the fade in."""
    which = "in" if m["end"] in ("start", "open", "begin", "开头", "开始") else "out"
    length = m["len"] or ""
    long_ = length.startswith(("long", "slow", "gentle", "smooth", "长", "慢", "久"))
    value = 4.0 if long_ else 0.5 if length else (1.5 if which == "in" else 2.5)
    _set_fade(st, which, value)


@fade(
    rf"(?:(?:在)?(?:开头|前)(?:的)?\s*(?P<d>{DUR})(?:里|内)?|开头|开始的时候|一开始|刚开始)?(?:音乐|背景音乐|bgm|配乐)?(?:要|就)?(?:慢慢|缓缓|渐渐|逐渐)(?:地)?(?P<in>进来|进入|出来|响起|起来|变大)",
    rf"(?:音乐|背景音乐|bgm|配乐)?(?:(?:在)?(?:最后|结尾|末尾)(?:的)?\s*(?P<d>{DUR})(?:里|内)?|结尾|最后|结束的时候)?(?:音乐|背景音乐|bgm|配乐)?(?:要|就)?(?:慢慢|缓缓|渐渐|逐渐)(?:地)?(?:消失|结束|停下?|变小|退出|收尾|没了)",
    r"(?:音乐|背景音乐|bgm|配乐)?(?P<in>进来|开始|出来|响起|进入|开头|前面)(?:得|的)?(?:太|有点|好|很|(?:不要|别)(?:那么|太))?(?:突然|生硬|硬|急|猛)了?"
    r"|(?:音乐|背景音乐|bgm|配乐)?(?:结束|结尾|收尾|停|停止|断|没|后面)(?:得|的)?(?:太|有点|好|很|(?:不要|别)(?:那么|太))?(?:突然|生硬|硬|急|猛)了?",
)
def _gradual(m: re.Match[str], st: State) -> None:
    """音乐慢慢进来, 结束得太突然: a long fade in (or out); 最后20秒渐渐消失: over 20 s."""
    spec = group(m, "d")
    _set_fade(st, "in" if group(m, "in") else "out", seconds(spec) if spec else 4.0)


@fade(
    rf"(?:前|开头)\s*(?P<a>{DUR})\s*(?:和|跟|与|,|，)\s*(?:后|最后|结尾)\s*(?P<b>{DUR})\s*(?:都)?(?:淡一下|淡入淡出|渐变一下|淡化一下|淡一淡)"
)
def _both_ends(m: re.Match[str], st: State) -> None:
    """前5秒和后5秒都淡一下: a fade in over the first, a fade out over the last."""
    _set_fade(st, "in", seconds(m["a"]))
    _set_fade(st, "out", seconds(m["b"]))


@fade(
    r"\b(?:keep|leave)\s+(?:the\s+)?(?:fade[\s-]?(?:in|out)|fades?)(?:\s+(?:as\s+(?:it\s+)?is|alone|the\s+same))?"
    r"|\b(?:don't|do\s+not)\s+(?:touch|change)\s+(?:the\s+)?(?:fade[\s-]?(?:in|out)|fades?)",
    r"(?:淡入淡出|淡入|淡出)(?:都|也)?(?:要|就|先)?(?:留着|保留|不变|别动|不用动|不要动|照旧)",
)
def _keep_fade(m: re.Match[str], st: State) -> None:
    """"Keep the fade out", 淡出留着: nothing to change."""


@fade(
    rf"\b{NEG}\s+(?:the\s+|any\s+|that\s+|this\s+)?"
    r"(?P<which>fade[\s-]?ins?\s+(?:or|and|nor|&)\s+(?:fade[\s-]?)?outs?|fade[\s-]?ins?|fade[\s-]?outs?|fades?|fading)\b(?:\s+(?:the\s+)?(?:music|bgm|song|track|it)\s+(?P<dir>in|out)\b)?"
    r"(?:\s+(?:at\s+the\s+)?(?P<where>start|beginning|end))?"
    r"|\b(?P<which2>fade[\s-]?ins?|fade[\s-]?outs?|fades?)\s+off\b|\b(?:hard|abrupt|sudden|clean)\s+(?P<cut>cut|stop|ending|end)"
    r"(?:\s+at\s+the\s+end)?\b|\b(?:stop|keep|prevent)\s+(?:the\s+)?(?:music|bgm|it)\s+from\s+(?P<which3>fading(?:\s+(?:in|out))?)\b",
    r"(?:不要|取消|去掉|关闭|没有|无|不用|别)(?:加|要|用|做)?(?P<which>淡入淡出|渐入渐出|淡入|淡出|渐入|渐出|渐强|渐弱|淡化)"
    r"|(?P<which2>淡入淡出|渐入渐出|淡入|淡出)(?:都|也|全)?(?:去掉|不要了?(?!那么|太|这么|那样)|取消|关掉|删掉|去了)",
)
def _no_fade(m: re.Match[str], st: State) -> None:
    word = group(m, "which", "which2", "which3") or ("fade out" if group(m, "cut") else "fade")
    where = group(m, "where")
    if group(m, "dir"):  # "don't fade the music out"
        which = _which(group(m, "dir") or "")
    elif word.startswith("fading "):  # "stop the music from fading in"
        which = _which(word[7:])
    elif word in ("fade", "fades", "fading"):
        which = "in" if where in ("start", "beginning") else "out" if where == "end" else "both"
    else:
        which = _which(word)
    _set_fade(st, which, 0.0)


@fade(
    rf"(?P<dir>淡入淡出|淡入|淡出|渐入|渐出)[^。；;\n]{{0,8}}?[，,]\s*(?:就|只要|只需|大概|大约|约|差不多)?\s*(?P<d2>{DUR})\s*(?:就够了?|就行了?|就好|足够了?|即可|够了|左右|就可以了?)?\s*(?:吧|啦)?(?=$|[。；;!！\n])",
    rf"\b(?:fade[\s-]?(?P<dir>in|out)|fades?|fading)\b[^.;\n]{{0,24}}?[,?!]\s*(?:like\s+|just\s+|maybe\s+|about\s+|around\s+|say\s+)?"
    rf"(?P<d2>{DUR})\s*(?:(?:is\s+(?:enough|plenty|fine)|max|tops|at\s+most|or\s+so)\b)?(?=\s*(?:$|[.!?\n]|please|pls|thx|thanks))",
)
def _fade_later(m: re.Match[str], st: State) -> None:
    """"淡出别太长，一秒就够": the length said in the next clause."""
    direction = group(m, "dir")
    _set_fade(st, _which(direction) if direction else "both", seconds(m["d2"]))


@fade(r"(?P<dir>淡入淡出|淡入|淡出)[^。；;\n]{0,8}?[，,]\s*(?:时间|时长)?(?:再|要|得)?(?P<len>长|短|慢|快|久)(?:一?点|一些|些)")
def _fade_later_length(m: re.Match[str], st: State) -> None:
    """音乐最后淡出，时间长一点: the length word in the next clause."""
    _set_fade(st, _which(m["dir"]), 4.0 if m["len"] in ("长", "慢", "久") else 0.5)


# 淡出别太突然 / 柔和一点: a longer fade; 淡入别拖太久 / 干脆一点: a shorter one.
_ZH_SOFT = r"(?:别|不要|不能)(?:太|那么)(?:突然|急|生硬|硬|仓促|快|短)|(?:缓|柔和|平滑|自然|温柔|舒服)一?点|(?:太|有点)(?:突然|急|生硬|硬|短|快)了?"
_ZH_CRISP = r"(?:别|不要)(?:太|那么)(?:拖|拖沓|磨叽|长|久)|(?:干脆|利落|利索)一?点|(?:太|有点)(?:拖|拖沓|长|久|慢)了?"


@fade(
    rf"\b(?:(?P<len>long(?:er)?|slow(?:er)?|short(?:er)?|quick(?:er)?|fast(?:er)?|gentle(?:r)?|smooth(?:er)?|"
    rf"soft(?:er)?|gradual)\s+)?(?:(?P<d1>{DUR})\s+)?"
    r"(?:long\s+)?(?:fades|fading|fade)(?:[\s-]?(?:both\s+)?(?P<dir>in\s+(?:and|or|&)\s+(?:fade[\s-]?)?out|in\s*/\s*out|in|out)|\s+(?:(?:the"
    r"\s+)?(?:music|bgm)|it)\s+(?P<dir2>in\s+and\s+out|in|out))?(?:\s+(?:the\s+)?(?:music|bgm|song|track|soundtrack))?(?:\s+(?P<len2>longer|shorter|slower|"
    r"quicker|slowly|quickly|gradually|gently|smoothly|fast))?(?:,?\s+(?:(?:like|about|around|maybe|"
    r"say|roughly)\s+)?(?:over|of|for|by|in|to|with|during|across|should\s+be|needs\s+to\s+be|is|be|"
    rf"lasting|at)?\s*(?:(?:like|about|around|maybe|roughly|~)\s*)?(?:(?:a|the)\s+)?(?:(?:last|final|first)\s+)?(?P<d2>{DUR})|\s+(?:over|for|lasting|to|at|of|=)\s+"
    rf"(?P<d3>{NUM})(?![\d%:.]))?(?:\s+(?:(?:at|on|to|for)\s+the\s+(?:very\s+)?)?(?P<where>start|beginning|end)(?:\s+and\s+(?:at\s+)?the\s+(?P<where2>end|start|beginning))?)?\b",
    rf"(?:开头|开始|结尾|末尾|最后)?(?:(?<![到在第至])(?P<d1>{DUR})(?:的)?)?(?:(?:音乐|背景音乐|bgm|配乐)(?:要|就|再)?)?(?:(?:逐渐|渐渐)地?|(?P<slow>一点点|一点一点|慢慢|缓缓)地?)?"
    r"(?:(?P<len>长一?点|慢一?点|短一?点|快一?点|久一?点)的?)?(?P<dir>淡入淡出|渐入渐出|渐强渐弱|淡入|淡出"
    rf"|渐入|渐出|渐强|渐弱)(?:的?(?:时间|时长|长度))?(?:\s*(?:都|全都?|全部|各|分别|统一)?(?:设置为|设置成|设定为|定为|缩短到|缩短为|缩短成|延长到|延长为|加长到|拉长到|减到|改到|改成|改为|设为|设成|设到|设置到|调整到|调整为|弄到|定到|调成|调到|变成|为|是|要|各|都|分别|各自)?\s*(?P<d2>{DUR}))?(?:\s*(?:都|也|全)?(?:再|要|得|可以|改|调|弄|变|拉|放|缩)?(?P<len2>(?:长|慢|短|快|久)(?:一?点|一些|些|(?=\s*(?:$|[,，。!！]|就|吧)))|{_ZH_SOFT}|{_ZH_CRISP}))?",
)
def _fade(m: re.Match[str], st: State) -> None:
    direction = group(m, "dir", "dir2")
    where = group(m, "where")
    if group(m, "where2"):  # "a fade at the start and the end"
        where = None
    which = (_which(direction) if direction else "in" if where in ("start", "beginning")
             else "out" if where == "end" else "both")  # fmt: skip
    spec = group(m, "d1", "d2", "d3")
    length = group(m, "len", "len2") or ("慢" if group(m, "slow") else "")  # 慢慢淡入: slowly
    if spec:
        value = seconds(spec)
    elif length.startswith(("long", "slow", "gentle", "smooth", "soft", "gradual", "长", "慢", "久")) or (
        re.fullmatch(_ZH_SOFT, length)
    ):
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


@opposite(_fade)
def _not_fade(m: re.Match[str], st: State) -> None:
    """"... and not fade out", 不淡出: that fade off."""
    direction = group(m, "dir", "dir2")
    _set_fade(st, _which(direction) if direction else "both", 0.0)


