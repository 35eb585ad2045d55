"""Rules for amounts: tempo, another take, volume, time ranges, style, "add music".

They run after `_rules.RULES` (see there for why the order matters).
"""

from __future__ import annotations

import re

from gamemusic._rules import A, B, Rule, bad, group, registrar, span
from gamemusic.instructions import TimeRange, _State
from gamemusic.phrases import CLOCK, DUR, NUM, STYLE_RE, TIME, fmt_seconds, seconds, style_word

RULES: list[Rule] = []
rule = registrar(RULES)


# ---- tempo, another take --------------------------------------------------------------------
@rule(
    r"\b(?P<n>\d{1,4})\s*bpm\b|\b(?:bpm|tempo)\s*(?:to|of|at|=|:|is)?\s*(?P<n2>\d{1,4})\b(?![%:])"
    r"(?:\s*bpm\b)?",
    r"(?:速度|节奏|节拍|拍速|拍子)\s*(?:调到|调成|设为|设置为|改成|改为|到|为|是|:)?\s*(?P<n>\d{1,4})"
    r"(?:\s*bpm)?|每分钟\s*(?P<n2>\d{1,4})\s*拍",
)
def _bpm(m: re.Match[str], st: _State) -> None:
    bpm = float(group(m, "n", "n2") or 0)
    if not 40 <= bpm <= 240:
        raise bad(st.plan, f"{bpm:g} BPM is out of range: use 40-240 BPM.",
                   f"{bpm:g} BPM 超出范围：请用 40-240。")  # fmt: skip
    st.plan.bpm = bpm


_MUCH = r"(?P<much>much|way|a\s+lot|lots|far|even|significantly|considerably|really)"
BIT = r"(?P<bit>a\s+(?:little\s+)?bit|slightly|a\s+little|a\s+touch|somewhat|bit|little)"
AFTER = r"(?:\s+(?:(?P<much2>by\s+a\s+lot|a\s+lot|much\s+more|way\s+more)|(?P<bit2>a\s+(?:little\s+)?bit|slightly|a\s+little)))?"
_THING = r"(?:(?:it|the\s+music|the\s+tempo|things|the\s+bgm)\s+)?"


def _factor(m: re.Match[str], normal: float, much: float, bit: float) -> float:
    if group(m, "much", "much2"):
        return much
    return bit if group(m, "bit", "bit2") else normal


def _scale_tempo(st: _State, factor: float) -> None:
    st.plan.tempo_factor = round((st.plan.tempo_factor or 1.0) * factor, 4)


@rule(
    rf"\b(?:{_MUCH}\s+|{BIT}\s+)?(?:faster|quicker|more\s+upbeat|speed\s+{_THING}up|(?:increase|"
    r"raise|up|boost)\s+the\s+(?:tempo|bpm|pace|speed)|higher\s+(?:tempo|bpm)|up[\s-]?tempo|pick\s+"
    rf"up\s+the\s+pace)\b(?:\s+(?:tempo|pace|speed|beat))?{AFTER}",
    r"(?:节奏|速度|节拍|音乐)?(?:再)?(?P<much>大幅)?(?<![欢轻])(?:快一?点儿?|快点|更快|加快|提速|快些|加速|"
    r"提高(?:节奏|速度)|(?:节奏|速度)快一?点?|快(?P<much2>很多|得多))(?:节奏|速度)?",
)
def _faster(m: re.Match[str], st: _State) -> None:
    _scale_tempo(st, _factor(m, 1.15, 1.3, 1.07))


@rule(
    rf"\b(?:{_MUCH}\s+|{BIT}\s+)?(?:slower|more\s+relaxed|slow\s+{_THING}down|(?:decrease|lower|"
    r"reduce|drop)\s+the\s+(?:tempo|bpm|pace|speed)|lower\s+(?:tempo|bpm)|down[\s-]?tempo)\b"
    rf"(?:\s+(?:tempo|pace|speed|beat))?{AFTER}",
    r"(?:节奏|速度|节拍|音乐)?(?:再)?(?P<much>大幅)?(?:慢一?点儿?|慢点|更慢|放慢|减慢|慢些|降速|减速|"
    r"降低(?:节奏|速度)|(?:节奏|速度)慢一?点?|慢(?P<much2>很多|得多))(?:节奏|速度)?",
)
def _slower(m: re.Match[str], st: _State) -> None:
    _scale_tempo(st, _factor(m, 0.87, 0.75, 0.93))


@rule(r"\bseed\s*(?:=|:|to|of|#)?\s*(?P<seed>\d{1,9})\b", r"种子\s*(?P<seed>\d{1,9})")
def _seed(m: re.Match[str], st: _State) -> None:
    st.plan.seed = int(m["seed"])


@rule(
    r"\b(?:another|a\s+different|a\s+new|different|new)\s+(?:take|version|variation|variant|one|"
    r"try|melody|tune|song|track|composition|arrangement|seed|generation)\b|\b(?:try\s+(?:again|"
    r"another)|once\s+more|one\s+more\s+(?:time|take|try)|re-?roll|re-?generate|re-?compose|shuffle"
    r"|something\s+(?:else|different)|change\s+the\s+(?:melody|tune))\b",
    r"换一首|换首|换一?个版本|换一版|换版本|再来一首|再来一版|再来一次|再来一个|重新生成|重新作曲|重新编曲|另一个?版本|"
    r"另一版|不同的旋律|换个旋律|换一种旋律|换一下旋律|换旋律|重来|再生成一次|随机一下|换一?个(?=$|[\s,!]|吧|呢|试试)",
)
def _new_take(m: re.Match[str], st: _State) -> None:
    st.plan.new_take = True


# ---- volume ---------------------------------------------------------------------------------
@rule(
    r"\b(?:the\s+)?(?:game|original|gameplay|in-game)(?:\s+(?:audio|sound|sounds|volume))?\s+(?:quieter|"
    r"louder|lower|higher|up|down|to\s+\d+)|\b(?:quieter|louder|lower|raise|boost)\s+(?:the\s+)?"
    r"(?:game|original|gameplay|in-game)\s+(?:audio|sound|volume)\b",
    r"(?:原声|游戏声音|游戏音量|原声音量)(?:调低|调高|调小|调大|小一?点|大一?点|调到)",
)
def _game_volume(m: re.Match[str], st: _State) -> None:
    raise bad(st.plan, "I can mute or keep the game audio, not change its volume.",
               "原声只能静音或保留，不能调音量。", code="unsupported",
               hint=("Say 'mute the game audio' or change the music volume instead.",
                     "可以说“静音原声”，或者调整音乐音量。"))  # fmt: skip


@rule(
    rf"\b(?:volume|vol|level|loudness)\s*(?:(?:to|at|of|=|:|is|down\s+to|up\s+to)\s*)?(?P<v>{NUM})"
    rf"(?![\d:.])\s*(?P<pct>%|percent)?|(?P<v2>{NUM})\s*(?P<pct2>%|percent)(?:\s+(?:volume|vol|"
    r"loud|loudness|level))?",
    rf"音量\s*(?:调到|调成|调至|调为|设为|设置为|设置成|设成|改成|改为|到|为|是|:)?\s*(?P<v>{NUM})\s*"
    r"(?P<pct>%)?",
)
def _volume(m: re.Match[str], st: _State) -> None:
    raw = group(m, "v", "v2") or "0"
    value = float(raw)
    if group(m, "pct", "pct2") or value > 1 or "." not in raw:
        value /= 100
    if not 0 <= value <= 1:
        raw = raw if len(raw) < 8 else raw[:6] + "..."
        raise bad(st.plan, f"A volume of {raw}% is out of range: use 0-100%.",
                   f"音量 {raw}% 超出范围：请用 0-100%。")  # fmt: skip
    st.plan.volume = round(value, 4)


def _scale_volume(st: _State, factor: float) -> None:
    st.plan.volume_factor = round((st.plan.volume_factor or 1.0) * factor, 4)


@rule(
    r"\b(?:half\s+(?:the\s+)?(?:volume|as\s+loud)|halve\s+(?:the\s+)?volume)\b",
    r"音量减半|一半的?音量",
)
def _half(m: re.Match[str], st: _State) -> None:
    _scale_volume(st, 0.5)


@rule(r"\b(?:double\s+(?:the\s+)?volume|twice\s+as\s+loud)\b", r"音量加倍|双倍音量")
def _double(m: re.Match[str], st: _State) -> None:
    _scale_volume(st, 2.0)


_NOUNS = r"(?:\s+(?:music|bgm|volume|level))"


@rule(
    rf"\b(?:{_MUCH}\s+|{BIT}\s+)?(?:quieter|softer|less\s+loud|keep\s+it\s+(?:quiet|low|subtle|soft)|more\s+quiet|not\s+so\s+loud|too\s+"
    rf"loud|lower(?:\s+the)?{_NOUNS}*|turn\s+(?:(?:it|the\s+music|the\s+bgm|the\s+volume|that)\s+)?"
    r"down|(?:reduce|decrease|drop|lessen|cut)\s+(?:the\s+)?(?:music(?:'s)?\s+|bgm\s+)?(?:volume|"
    r"level)|volume\s+down|down\s+a\s+notch|tone\s+(?:it\s+)?down|quiet(?:en)?\s+(?:it|the\s+music)"
    rf"(?:\s+down)?)\b{AFTER}",
    r"(?P<much>大幅|大大)?(?:音乐|背景音乐|音量|bgm)?(?:再)?(?P<bit>稍微|稍稍|略微)?(?:调低|调小|降低|减小|放低"
    r"|压低|小声一?点?|轻一?点|小一?点|低一?点|弱一?点|(?:小|低|轻)(?=很多|得多|不少)|太大声了?|太吵了?|太响了?|太大了?|小些|低些|轻些)"
    r"(?:音量)?(?P<much2>很多|得多|不少|多一?点)?",
)
def _quieter(m: re.Match[str], st: _State) -> None:
    _scale_volume(st, _factor(m, 0.6, 0.36, 0.8))


@rule(
    rf"\b(?:{_MUCH}\s+|{BIT}\s+)?(?:louder|more\s+loud|not\s+so\s+quiet|too\s+quiet|too\s+soft|"
    rf"raise(?:\s+the)?{_NOUNS}+|turn\s+(?:(?:it|the\s+music|the\s+bgm|the\s+volume|that)\s+)?up|"
    r"(?:increase|boost|pump\s+up|crank\s+up|bump\s+up)\s+(?:the\s+)?(?:music(?:'s)?\s+|bgm\s+)?"
    r"(?:volume|level|music)|volume\s+up|up\s+a\s+notch|can't\s+hear\s+(?:the\s+)?music|boost\s+"
    rf"(?:it|the\s+music))\b{AFTER}",
    r"(?P<much>大幅|大大)?(?:音乐|背景音乐|音量|bgm)?(?:再)?(?P<bit>稍微|稍稍|略微)?(?:调高|调大|提高|增大|加大"
    r"|放大|大声一?点?|响一?点|大一?点|高一?点|强一?点|(?:大|高|响)(?=很多|得多|不少)|太小声了?|太小了?|太轻了?|听不[到见清](?:音乐)?|大些"
    r"|响些|高些)(?:音量)?(?P<much2>很多|得多|不少|多一?点)?",
)
def _louder(m: re.Match[str], st: _State) -> None:
    _scale_volume(st, _factor(m, 1.5, 2.25, 1.25))


# ---- time ranges ----------------------------------------------------------------------------
def _set_range(st: _State, rng: TimeRange, half: str | None = None) -> None:
    plan = st.plan
    if half and plan.range is not None and st.open_end not in (None, half):
        start = rng.start if half == "from" else plan.range.start
        end = plan.range.end if half == "from" else rng.end
        rng, plan.range, half = TimeRange(start, end), None, None  # "starts at X, ends at Y"
    st.open_end = half
    if rng.end is not None and rng.end <= rng.start:
        raise bad(plan, f"That range ends ({fmt_seconds(rng.end)}) before it starts "
                   f"({fmt_seconds(rng.start)}).", f"这个时间段的结束（{fmt_seconds(rng.end)}）早于开始"
                   f"（{fmt_seconds(rng.start)}）。")  # fmt: skip
    if plan.range is not None and plan.range != rng:
        raise bad(plan, "The music can play in one range at a time; I found two.",
                   "音乐一次只能设一个时间段，这句里有两个。", code="not_understood",
                   hint=("Say one range, e.g. 'from 0:30 to 1:20'.", "请只说一个，例如“从0:30到1:20”。"))  # fmt: skip
    plan.range = rng


@rule(
    rf"\bbetween\s+{A}\s+and\s+{B}",
    rf"(?:\bfrom\s+|从\s*)?第?{A}\s*(?:to|-|–|—|~|until|till|through|thru|到|至)\s*第?{B}"
    r"(?:\s*(?:之间|期间|之内|内))?",
)
def _between(m: re.Match[str], st: _State) -> None:
    _set_range(st, span(m["a"], m["b"]))


def _length(spec: str | None) -> float:
    return seconds(spec) if spec and spec[0].isdigit() else 60.0


@rule(
    rf"\b(?:the\s+)?(?:first|opening|initial|beginning)\s+(?P<d>{DUR}|{CLOCK}|minute|min)\b",
    rf"(?:前|开头|开始的?|头)\s*(?P<d>{DUR}|{CLOCK})",
)
def _first(m: re.Match[str], st: _State) -> None:
    _set_range(st, TimeRange(0.0, _length(m["d"])))


@rule(
    rf"\b(?:the\s+)?(?:last|final|closing|ending)\s+(?P<d>{DUR}|{CLOCK}|minute|min)\b",
    rf"(?:最后的?|后|结尾的?|末尾的?)\s*(?P<d>{DUR}|{CLOCK})",
)
def _last(m: re.Match[str], st: _State) -> None:
    length = _length(m["d"])
    if length <= 0:
        raise bad(st.plan, "The last 0 seconds is no time at all.", "最后 0 秒没有时长。")
    _set_range(st, TimeRange(last=length))


@rule(
    r"\b(?:from|after|starting\s+(?:at|from)|start(?:s|ing)?\s+(?:the\s+music\s+)?(?:at|from)|"
    rf"begin(?:s|ning)?\s+at|kick\s+in\s+at)\s+(?P<a>{TIME})(?:\s+(?:on|onwards?|until\s+the\s+end|"
    r"to\s+the\s+end|till\s+the\s+end))?",
    rf"(?:从\s*)?第?(?P<a>{TIME})\s*(?:之后|以后|开始|起)(?:到结尾|到最后)?|从\s*第?(?P<a2>{TIME})"
    r"(?:到结尾|到最后)?",
)
def _from(m: re.Match[str], st: _State) -> None:
    _set_range(st, TimeRange(start=seconds(group(m, "a", "a2") or "0")), "from")


@rule(
    rf"\b(?:from\s+the\s+(?:start|beginning|top)\s+(?:to|until|till|through)|until|till|up\s+to|"
    rf"before|(?:stop|end)(?:s|ping)?\s+(?:the\s+music\s+)?at)\s+(?P<b>{TIME})",
    rf"(?:到|直到)\s*第?(?P<b>{TIME})\s*(?:为止|结束)?|第?(?P<b2>{TIME})\s*(?:之前|以前)",
)
def _until(m: re.Match[str], st: _State) -> None:
    end = seconds(group(m, "b", "b2") or "0")
    if end <= 0:
        raise bad(st.plan, "The music has to end after 0:00.", "音乐的结束时间必须晚于 0:00。")
    _set_range(st, TimeRange(0.0, end), "until")


@rule(
    r"\b(?:the\s+)?(?:whole|entire|full)\s+(?:video|clip|thing|length|time|way|duration|song)\b|"
    r"\bthroughout\b|\ball\s+the\s+way(?:\s+through)?\b",
    r"全程|整个视频|整段|全部时长|从头到尾",
)
def _whole(m: re.Match[str], st: _State) -> None:
    _set_range(st, TimeRange())


# ---- styles, add music ----------------------------------------------------------------------
@rule(STYLE_RE.pattern)
def _style(m: re.Match[str], st: _State) -> None:
    found = style_word(m.group(0))
    if found:
        st.styles.append(found)


@rule(
    r"\b(?:add|put|insert|want|need|give|use|include|generate|compose|create|play|make)(?:\s+(?:me"
    r"|it|us|some|a|an|the|new|background|game|video\s+game|gaming|cool|nice|my))*\s+(?:music|bgm|"
    r"soundtrack|song|tune|track|score)s?\b",
    r"(?:加|添加|加上|加个|配|配上|配个|来点|来一段|来首|来一首|生成|要|想要|放|放点|插入)(?:一段|一首|点|些|个|上)?"
    r"(?:游戏)?(?:背景音乐|配乐|音乐|bgm)|配乐|配个乐",
)
def _add_music(m: re.Match[str], st: _State) -> None:
    st.plan.add_music = True
