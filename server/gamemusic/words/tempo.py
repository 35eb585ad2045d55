"""The music's tempo (`RULES`): "120 bpm", "faster", "slow it down a little", "half speed",
"the music drags", 节奏快一点, 慢一倍. They run just before `music.SHAPE`, ahead of the volume
rules: "lower the tempo" is the tempo, not the level."""

from __future__ import annotations

import re

from gamemusic.words.rules import (
    AFTER,
    BIT,
    MUCH,
    Rule,
    State,
    bad,
    combine,
    factor,
    group,
    registrar,
)

RULES: list[Rule] = []
rule = registrar(RULES)


def _scale_tempo(st: State, by: float) -> None:
    st.plan.tempo_factor = combine(st.plan.tempo_factor, by)


_OBJ = r"(?:\s+(?:the\s+)?(?:music|tempo|bgm|beat|song|track|it))?"
_THING = r"(?:(?:it|the\s+music|the\s+tempo|things|the\s+bgm|the\s+beat)\s+)?"


@rule(
    r"\bhalf[\s-]?(?:speed|tempo|time)\b|\bhalf\s+the\s+(?:speed|tempo)\b|\bhalve\s+(?:the\s+)?(?:tempo|speed|bpm)\b(?P<half>)",
    r"\bdouble[\s-]?(?:speed|tempo|time)\b|\bdouble\s+the\s+(?:speed|tempo|bpm)\b(?P<double>)",
    r"\b(?:tempo|speed|bpm|pace)\s+(?:to\s+|at\s+)?(?:double|twice(?:\s+as\s+fast)?|half)\b|\b(?:twice|half)\s+as\s+(?:fast|quick)\b",
)
def _half_double(m: re.Match[str], st: State) -> None:
    _scale_tempo(st, 2.0 if re.search(r"double|twice", m.group(0), re.I) else 0.5)


@rule(
    r"(?:节奏|速度|节拍|拍速|tempo|bpm)(?:直接|再)?(?:(?P<up>翻倍|加倍|翻一倍|快一倍)|减半|慢一半|降一半|放慢一半)",
    # 音乐慢一倍 / bgm快一倍 / 慢一倍 (text.py makes them 慢一半 / 快两倍); not the picture's speed
    r"(?<!视频)(?<!画面)(?<!播放)(?:(?:音乐|背景音乐|bgm|配乐|歌|曲子)(?:的)?)?(?:节奏|速度|节拍)?(?:直接|再|整体)?"
    r"(?:(?P<up>(?:放快|加快|调快|变快|快)了?(?:两|2)倍)|(?:放慢|减慢|调慢|变慢|慢)了?一半)(?![\d.])",
)
def _zh_half_double(m: re.Match[str], st: State) -> None:
    """节奏翻倍 / 速度减半: the tempo times 2 or 0.5."""
    _scale_tempo(st, 2.0 if m["up"] else 0.5)


@rule(
    r"\b(?:tempo|bpm|speed)\s*(?:x|×|times)\s*(?P<f>\d+(?:\.\d+)?)\b|\b(?:tempo|speed)\s+(?:factor|multiplier)\s*(?:to\s+|of\s+|=\s*|:\s*)?(?P<f2>\d(?:\.\d+)?)\b",
    r"\b(?:tempo|speed|pace)\s*[:=]?\s*(?:to\s+|at\s+)?(?P<f>\d(?:\.\d+)?)\s*x\b|\b(?P<f2>\d(?:\.\d+)?)\s*x\s+(?:tempo|speed)\b",
    r"\b(?P<f3>\d(?:\.\d+)?)\s*(?:x|times)\s+(?P<dir>faster|quicker|slower)\b",
    r"(?:速度|节奏|节拍)(?:调成|变成|加快到|放慢到|调到|提到|提高到|降到|改成|设成|设为|快|慢)?(?:原来的|现在的)?(?P<f3>\d(?:\.\d+)?)\s*倍(?:速度?)?(?P<dir>快|慢)?",
    r"(?:速度|节奏|节拍)\s*(?:x|×|\*|乘以?)\s*(?P<f>\d(?:\.\d+)?)",
    r"(?:速度|节奏|节拍)(?:再)?(?:快|慢)(?:一?点|一些)?\s*[,，]\s*(?:大概|大约|就|要)?(?P<f>\d(?:\.\d+)?)\s*倍(?:速)?(?:左右)?",
    r"(?P<f3>\d(?:\.\d+)?)\s*倍(?:的)?(?:速度|节奏)?(?P<dir>快|慢)",
    r"(?:音乐|背景音乐|bgm|配乐)(?:的)?(?:调成|调到|变成|改成|放|开)?(?P<f3>\d(?:\.\d+)?)\s*倍速",  # 音乐1.5倍速
)
def _tempo_times(m: re.Match[str], st: State) -> None:
    f = float(group(m, "f", "f2", "f3") or 1)
    if group(m, "dir") in ("slower", "慢") and f > 0:
        f = 1 / f  # "2x slower": half the tempo
    _scale_tempo(st, max(0.5, min(2.0, f)))


@rule(
    r"\b(?P<n>\d{1,3})\s*(?:%|percent)\s+(?P<dir>faster|quicker|slower)\b|\b(?P<dir2>faster|quicker|slower)\s+by\s+(?P<n2>\d{1,3})\s*(?:%|percent)"
    r"|\b(?P<dir3>faster|quicker|slower)\s*,?\s*(?:(?:like|about|around|maybe|say|roughly)\s+)+(?P<n3>\d{1,2})\s*(?:%|percent)"
    r"|\b(?:tempo|speed|bpm|pace)\s*[:=]?\s*(?P<dir4>[+-])\s*(?P<n4>\d{1,2})\s*(?:%|percent)",
    r"\b(?P<dir>(?:speed\s+up|slow\s+down|slow)\s+the\s+(?:tempo|music|bpm|pace|beat)(?:\s+(?:up|down))?|speed\s+(?:it\s+|the\s+music\s+)?up|slow\s+(?:it\s+|the\s+music\s+)?down|(?:raise|increase|lower|reduce|drop|cut|decrease|boost)"
    r"\s+the\s+(?:tempo|bpm|speed|pace))\s+by\s+(?P<n>\d{1,3})\s*(?:%|percent)",
    r"(?:节奏|速度|节拍|tempo|bpm)\s*(?P<dir>加快|提高|提升|快|放慢|降低|减慢|慢)\s*(?P<n>\d{1,3})\s*%",
    r"(?:音乐)?(?P<dir>加快|放慢|减慢|调快|调慢|快|慢)\s*(?P<n>\d{1,3})\s*%",
)
def _tempo_pct(m: re.Match[str], st: State) -> None:
    """"10% faster", 节奏加快百分之十: the tempo times 1.1 (not a volume of 10%)."""
    n = min(float(group(m, "n", "n2", "n3", "n4") or 0), 50.0) / 100
    down = (group(m, "dir", "dir2", "dir3", "dir4") or "").startswith(("-", "slow", "lower", "reduce", "drop", "cut", "decrease", "放慢", "降低", "减慢", "慢", "调慢"))
    _scale_tempo(st, round(1 - n if down else 1 + n, 4))


@rule(
    r"(?:(?:速度|节奏|节拍)(?:的)?(?:调|变|改|放慢|加快|调慢|调快|变慢|变快)?|(?:放慢|加快|调慢|调快|变慢|变快))"
    r"(?:成|到|为)?(?:原来的|现在的)\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*%"
)
def _tempo_of_now(m: re.Match[str], st: State) -> None:
    """音乐放慢到原来的80%: the tempo times 0.8 (not the volume)."""
    _scale_tempo(st, max(0.5, min(2.0, float(m["n"]) / 100)))


@rule(
    r"\b(?P<n>\d{1,4})\s*bpm\b|\b(?:bpm|tempo)\s*(?:(?:down|up)\s+)?(?:to|of|at|=|:|is|(?:should|could|can|must|needs\s+to)\s+be)?\s*(?:(?:around|about|"
    r"roughly|like|maybe)\s+|~)?(?P<n2>\d{1,4})\b"
    r"(?![%:.]|\s*x\b)"
    r"(?:\s*bpm\b)?",
    r"(?:太快|太慢|(?:bpm|节奏|速度|节拍)(?:有点|太)(?:高|低))了?\s*[,，]?\s*(?:那就|就)?(?:改成|换成|调成|调到|改到|设成|设为|改为|降到|提到|升到|拉到|减到|就|要)\s*(?P<n3>\d{2,3})(?:\s*bpm)?(?![\d%秒分])|"
    r"(?P<n4>\d{2,3})\s*拍\s*(?:每分钟|/\s*分钟?)|"
    r"(?:(?<=[,，。；;\n])|^)[^,，。；;\n]{0,12}?(?:快|慢|节奏|速度|bpm)[^。；;\n]{0,12}?[,，]\s*(?:大概|大约|就|要)?(?P<n5>\d{2,3})\s*(?:bpm)?\s*(?:就行|就好|就可以|左右|吧|即可)|"
    r"(?:速度|节奏|节拍|拍速|拍子|bpm|tempo)\s*(?:调到|调成|调为|调至|设为|设成|设到|设置到|调整到|调整为|弄到|定到|设置为|设置成|定为|定在|改成|改为|改到|(?:放慢|放快|加快|降|减|提|调慢|调快|快|慢)到|到|为|是|:)?\s*(?P<n>\d{1,4})(?![\d.]*\s*倍)"
    r"(?:\s*bpm)?|每分钟\s*(?P<n2>\d{1,4})\s*拍",
    r"\b(?:faster|slower|quicker|tempo|speed|pace|(?:speed|slow|bump|pick|crank|bring|push|drop)\s+"
    r"(?:it|things|the\s+(?:music|tempo|bgm|beat|pace))?\s*(?:up|down))\s*,?\s*(?:(?:like|about|around|maybe|say|"
    r"to|at)\s+)+(?P<n>\d{2,3})\b"
    r"(?!\s*(?:%|percent|s\b|sec|second|min))(?:\s*bpm)?",
)
def _bpm(m: re.Match[str], st: State) -> None:
    bpm = float(group(m, "n", "n2", "n3", "n4", "n5") or 0)
    if not 40 <= bpm <= 240:
        raise bad(st.plan, f"{bpm:g} BPM is out of range: use 40-240 BPM.",
                  f"{bpm:g} BPM 超出范围：请用 40-240。")  # fmt: skip
    st.plan.bpm = bpm


@rule(
    rf"\b(?:{MUCH}\s+|{BIT}\s+)?(?:faster|quicker|(?<!something\s)more\s+upbeat|speed\s+{_THING}up|(?:increase|"
    r"raise|up|boost|crank(?:\s+up)?|bump(?:\s+up)?|push(?:\s+up)?|kick\s+up)\s+the\s+(?:tempo|bpm|pace|speed)(?!\s+(?:down|up)\b)|higher\s+(?:tempo|bpm)|less\s+slow|not\s+(?:so|as)\s+slow|(?:tempo|bpm|pace)\s+up|up[\s-]?tempo|pick\s+"
    rf"up\s+the\s+pace|too\s+slow)\b(?:\s+(?:tempo|pace|speed|beat))?{_OBJ}{AFTER}",
    rf"\bspeed\s+{_THING}(?P<much>way|a\s+lot|much|right)\s+up\b",
    r"\b(?:the\s+)?(?:music|bgm|song|track|beat|soundtrack|tempo|it)(?:'s|\s+is|\s+feels|\s+sounds)?\s+(?:(?:kinda|a\s+bit|so|too|really)\s+)?"
    r"(?:drags|dragging|sluggish)\b",  # "the music drags": too slow
    r"(?:节奏|速度|节拍|音乐)?(?:再)?(?P<much>大幅)?(?P<bit2>稍微|稍稍|略微)?(?<![欢轻明愉爽畅痛凉勤赶尽飞])(?:快(?P<bit>一点点|一丢丢)|快一?点儿?|快一些|快点|更快|加快|(?:没|别|不要)那么慢|调快|变快|提速|快些|(?:别|不要|不能)(?:太|过于)慢了?|(?<!心跳)加速|(?<=速度|节奏|节拍)(?:升|提|加)(?:一|个)档|快(?:一|个)档|"
    r"提高(?:节奏|速度)|(?:节奏|速度)快(?!了)一?点?|太慢了?|有点慢了?|有些慢|偏慢|(?<=节奏|速度|节拍)(?:有点|太|好|很|比较)?拖(?:沓|拉)?了?|太拖(?:沓)?了|慢了(?:一)?点|快(?P<much2>很多|得多))(?:节奏|速度)?(?:(?P<bit3>一点点|一丢丢|一丁点|[,，]?\s*(?:但|但是|不过)?(?:不要|别|不用)(?:太|那么)(?:快|多))|(?P<much3>很多|得多|不少))?",
)
def _faster(m: re.Match[str], st: State) -> None:
    _scale_tempo(st, factor(m, 1.15, 1.3, 1.07))


@rule(
    rf"\b(?:{MUCH}\s+|{BIT}\s+)?(?:slower|more\s+relaxed|slow\s+{_THING}down|slow\s+(?:it|the\s+music|the\s+tempo|things)(?=\s+(?:a\s+(?:little\s+)?bit|a\s+little|slightly|a\s+tad|a\s+touch)\b)|(?:decrease|lower|"
    r"reduce|drop)\s+the\s+(?:tempo|bpm|pace|speed)|lower\s+(?:tempo|bpm)|less\s+fast|not\s+(?:so|as)\s+fast|"
    r"(?:not|don't|dont|do\s+not)\s+make\s+(?:it|the\s+music|the\s+tempo)\s+(?:so|that)\s+(?:fast|quick|rushed)|(?:tempo|bpm|pace)\s+down|down[\s-]?tempo|too\s+fast|(?:is|feels|sounds|too)\s+rushed"
    rf"|too\s+frantic)\b(?:\s+(?:tempo|pace|speed|beat))?{_OBJ}{AFTER}",
    rf"\bslow\s+{_THING}(?P<much>way|a\s+lot|much|right)\s+down\b",
    # "slow" describing the music wanted: "something spooky and slow", "a slow track"
    r"(?<!too\s)(?<!so\s)\b(?:something\s+|and\s+|,\s*)slow(?:[\s-]paced)?"
    r"(?=\s*(?:$|[,.;!?]|and\b|(?:music|tracks?|songs?|beats?|bgm|tunes?|vibes?)\b))"
    r"|(?:^|(?<=[,;]\s)|(?<=\ba\s)|(?<=\bsome\s))slow(?:[\s-]paced)?\s+(?:and\b|(?:music|tracks?|songs?|beats?|bgm|tunes?|vibes?)\b)",
    r"(?:节奏|速度|节拍|音乐)?(?:再)?(?P<much>大幅)?(?P<bit2>稍微|稍稍|略微)?(?:慢(?P<bit>一点点|一丢丢)|慢一?点儿?|慢一些|慢点|更慢|放慢|(?:没|别|不要)那么快|调慢|变慢|减慢|慢些|降速|减速|(?:别|不要|不能)(?:太|过于)快了?|(?<=速度|节奏|节拍)(?:降|减)(?:一|个)档|慢(?:一|个)档|"
    r"降低(?:节奏|速度)|(?:节奏|速度)慢(?!了)一?点?|太快了?|有点快了?|有些快|偏快|快了(?:一)?点|慢(?P<much2>很多|得多))(?:节奏|速度)?(?:(?P<bit3>一点点|一丢丢|一丁点|[,，]?\s*(?:但|但是|不过)?(?:不要|别|不用)(?:太|那么)(?:慢|多))|(?P<much3>很多|得多|不少))?",
)
def _slower(m: re.Match[str], st: State) -> None:
    _scale_tempo(st, factor(m, 0.87, 0.75, 0.93))


