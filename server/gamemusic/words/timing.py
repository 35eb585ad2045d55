"""Time in the video: where the music plays (`RANGES`: "between 0:05 and 0:15", "the last 8
seconds", "10 seconds in", "从第5秒", "最后30秒"), and the silences at its start (`LEAD`: "no
music for the first 5 s" is a start, not "no music"). Its fades are `fades.py`."""

from __future__ import annotations

import re

from gamemusic.words import rules
from gamemusic.words.fades import _set_fade
from gamemusic.words.plan import TimeRange, Unsupported
from gamemusic.words.rules import A, B, Rule, State, bad, group, opposite, registrar, span
from gamemusic.words.text import CLOCK, DUR, TIME, fmt_seconds, seconds

LEAD: list[Rule] = []
RANGES: list[Rule] = []
lead = registrar(LEAD)
when = registrar(RANGES)


@lead(
    rf"\b{rules.OFF_VERB}\s+(?:any\s+|the\s+|all\s+the\s+)?"
    rf"(?:background\s+)?(?:music|bgm)\s+(?:for|during|in)\s+the\s+first\s+(?P<d>{TIME}|minute)"
    rf"|\bkeep\s+(?:the\s+)?(?:first|opening)\s+(?P<d2>{TIME}|minute)\s+(?:silent|without\s+music|music[\s-]?free)"
    rf"|\b(?:the\s+)?(?:first|opening)\s+(?P<d5>{TIME})\s+(?:should\s+be\s+|are\s+|is\s+|must\s+be\s+|stays?\s+|(?:has|have)\s+to\s+be\s+|(?:should\s+|must\s+)?(?:have|has)\s+)?"
    r"(?:silent|music[\s-]?free|without\s+music|(?:with\s+)?no\s+music)\b"
    rf"|\bno\s+(?:background\s+)?(?:music|bgm)\s+(?:at\s+the\s+(?:very\s+)?(?:start|beginning)|at\s+first|in\s+the\s+beginning)\b"
    rf"[^.;!?\n]{{0,24}}?(?P<d4>{TIME})"
    rf"|\b(?:make|keep|leave)\s+(?:the\s+)?(?:beginning|start|intro|opening)\s+(?:silent|music[\s-]?free|without\s+music)"
    rf"\s+for\s+(?:the\s+first\s+)?(?P<d3>{TIME})",
    rf"\b(?:keep|leave)\s+(?:the\s+)?(?:music|bgm)\s+out\s+of\s+the\s+(?:first|opening)\s+(?P<d>{TIME}|minute)"
    rf"|\b(?:skip|hold(?:\s+off)?)\s+(?:the\s+)?(?:music|bgm)\s+(?:for|during|in)\s+the\s+first\s+(?P<d2>{TIME}|minute)",
    rf"\b(?:don't|do\s+not|dont)\s+start\s+(?:the\s+)?(?:music|bgm)\s+(?:until|till|before)\s+(?P<t>{TIME})"
    rf"|\b(?:hold|keep)\s+(?:off\s+)?(?:the\s+)?(?:music|bgm)(?:\s+off)?\s+(?:until|till)\s+(?P<t2>{TIME})"
    rf"|\bwait\s+(?:for\s+)?(?P<t3>{TIME})\s+before\s+(?:the\s+)?(?:music|bgm)"
    r"|\b(?:music|bgm|it)\s+(?:(?:should|to|can|could|will|would|must)\s+)?(?:not|never|shouldn't|won't|doesn't|don't"
    rf"|dont|can't)\s+(?:start|begin|come\s+in|kick\s+in|play)\s+(?:until|till|before)\s+(?P<t4>{TIME})",
    rf"(?:(?:前面|开头|一开始|开始|片头|开场)的?)+(?:先)?(?:不要|别|不用|不放|没有)(?:放|有)?(?:背景)?(?:音乐|bgm|配乐)\s*[,，]?\s*(?:等到|到|从)?第?(?P<t2>{TIME})"
    r"\s*(?:以后|之后|后)?\s*(?:再|才)?(?:放|开始|进来|出来|有|响起?)?",
    rf"(?:(?:音乐|背景音乐|bgm)?(?:开始|进来)前|开头|前面|开场|片头)(?:先)?(?:留白|空白|留|空|空出|留出)\s*(?P<d4>{TIME})(?:的)?(?:空白|静音|安静)?",
    rf"(?:延后|推迟|晚)\s*(?P<d5>{TIME})\s*(?:再|才)?(?:开始|进来|放|出来|进|响起?|播)",
    rf"等到\s*第?(?P<t3>{TIME})(?:\s*(?:以后|之后|后)?\s*(?:再|才)(?:出来|进来|进|放|开始|响起?|起|播)?)?(?=\s*(?:$|[,，。.!！]))",
    rf"(?:等到|等|到了)\s*第?(?P<t>{TIME})\s*(?:以后|之后|后)?\s*(?:再|才)(?:出来|进来|进|放|开始|响起?|起|播)?",
    rf"(?:(?:前面?|开头|开始|片头|开场)(?:的|那)?\s*(?P<d>{TIME})|第(?P<d3>1分钟))\s*(?:(?:是|都是|只是|属于)[^，,。；;\n]{{1,10}}[，,]\s*)?(?:先|都|就)?(?:(?:不要|别|没有|不用|不放|不需要)(?:有|放)?(?:背景)?(?:音乐|bgm|配乐)"
    r"|(?:不放|别放|不要放|不用放)(?=\s*(?:$|[,，。.!！;；])))|(?:不要|别)(?:在)?前\s*(?P<d2>{TIME})(?:放|有)?(?:背景)?(?:音乐|bgm|配乐)",
)
def _silent_lead(m: re.Match[str], st: State) -> None:
    """"No music for the first 5 seconds": the music starts at 5 s (not "remove the music")."""
    at = group(m, "t", "t2", "t3", "t4")
    start = seconds(at) if at else _length(group(m, "d", "d2", "d3", "d4", "d5"))
    _set_range(st, TimeRange(start=start), "from")


@lead(rf"\bfade\s+(?:(?:the\s+music|it)\s+out|out(?:\s+the\s+music)?)\s+(?P<d>{DUR})\s+before\s+the\s+(?:very\s+)?end\b")
def _fade_before_end(m: re.Match[str], st: State) -> None:
    """"Fade out the music 5 seconds before the end": a 5 s fade out (not a place refused)."""
    _set_fade(st, "out", seconds(m["d"]))


# "No music after 1:00" is the music until 1:00 (not from 1:00); a gap in the middle cannot be
# said as one range, so it is refused.
_OFF = (
    r"(?:(?:no|without|remove|delete|kill|cut|drop|mute|stop|lose|ditch|turn\s+off|get\s+rid\s+of|silence|"
    r"don't\s+(?:want|need|play|have)|do\s+not\s+(?:want|play|have)|not\s+have)\s+(?:any\s+|the\s+)?(?:background\s+)?"
    r"(?:music|bgm)|(?:the\s+)?(?:background\s+)?(?:music|bgm)\s+(?:off|out|gone|muted|silent))"
)
_ZH_OFF = (
    r"(?:(?:不要|别|不用|不|没有|不需要)(?:放|播|有)(?:背景)?(?:音乐|bgm|配乐)?|(?:不要|别|不用|不放|没有|不需要|去掉|关掉|删掉|静音)"
    r"(?:背景)?(?:音乐|bgm|配乐))"
)


@lead(
    rf"\b{_OFF}\s+(?:between|from)\s+(?P<a>{TIME})\s+(?:and|to|-|until|till)\s+(?P<b>{TIME})"
    rf"|\b(?:from|between)\s+(?P<a3>{TIME})\s+(?:and|to|-|until|till)\s+(?P<b3>{TIME})\s*,?\s+(?:(?:there\s+should\s+be|i\s+want)\s+)?(?:no|without)\s+"
    r"(?:any\s+)?(?:background\s+)?(?:music|bgm)\b",
    rf"(?:从\s*)?第?(?P<a>{TIME})\s*(?:到|至|-)\s*第?(?P<b>{TIME})\s*(?:之间|期间)?(?:的)?(?:时候)?\s*(?:都|就)?{_ZH_OFF}"
    rf"|(?:去掉|删掉|关掉|静音)\s*(?:从\s*)?第?(?P<a2>{TIME})\s*(?:到|至|-)\s*第?(?P<b2>{TIME})\s*(?:之间)?的(?:背景)?(?:音乐|bgm|配乐)",
)
def _music_gap(m: re.Match[str], st: State) -> None:
    start, end = group(m, "a", "a2", "a3") or "0", group(m, "b", "b2", "b3") or "0"
    if seconds(start) == 0:  # "no music from 0:00 to 0:30": the music starts at 0:30
        _set_range(st, TimeRange(start=seconds(end)), "from")
        return
    st.unplaced = True
    st.plan.unsupported.append(Unsupported(
        "a gap in the middle of the music", "音乐中间空出一段",
        "The music plays in one range: say where it plays ('from 0:30 to 1:20').",
        "音乐只能放在一个时间段里：请说在哪里放（“从0:30到1:20”）。"))  # fmt: skip


@lead(
    rf"\b{_OFF}\s+(?:after|from|past|beyond|starting\s+(?:at|from))\s+(?P<b>{TIME})(?!\s*(?:to|-|until|till|and)\b)"
    rf"|\b{_OFF}\s+(?:after|past|beyond)\s+the\s+(?:first|opening)\s+(?P<d>{DUR}|minute)",
    rf"(?:在\s*|从\s*)?第?(?P<b>{TIME})\s*(?:之后|以后|后|开始)(?:就|也|都)?{_ZH_OFF}",
)
def _music_off_after(m: re.Match[str], st: State) -> None:
    """"No music after 1:00", "no music after the first minute": the music plays until then."""
    _set_range(st, TimeRange(0.0, seconds(m["b"]) if m["b"] else _length(m["d"])), "until")


@lead(
    rf"\b{_OFF}\s+(?:before|until|till|up\s+to)\s+(?P<a>{TIME})",
    rf"第?(?P<a>{TIME})\s*(?:之前|以前|前)(?:都|就|也)?{_ZH_OFF}",
)
def _music_off_before(m: re.Match[str], st: State) -> None:
    """"No music before 0:30": the music starts at 0:30."""
    _set_range(st, TimeRange(start=seconds(m["a"])), "from")


# ---- ranges ---------------------------------------------------------------------------------
def _set_range(st: State, rng: TimeRange, half: str | None = None) -> None:
    plan = st.plan
    if half and plan.range is not None and st.open_end not in (None, half):
        frm, until = (rng, plan.range) if half == "from" else (plan.range, rng)
        rng = TimeRange(frm.start, until.end, before_end=until.before_end)
        plan.range, half = None, None  # "starts at X, ends at Y"
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


@when(
    rf"\b(?:for|lasting)\s+(?P<d>{DUR})\s*,?\s+(?:starting|beginning|from|after|kicking\s+in)\s+(?:at\s+|from\s+)?"
    rf"(?:(?P<a>{TIME})|(?P<s0>the\s+(?:very\s+)?(?:start|beginning|top)))|\b(?P<d4>{DUR})\s+of\s+(?:the\s+)?(?:music|bgm)\s+(?:from|at)\s+the\s+(?:start|beginning)\b|\b(?:from|starting\s+(?:at|from)|beginning\s+at|at|after)\s+(?P<a2>{TIME})\s*,?\s+"
    rf"for\s+(?:(?:about|around|like)\s+)?(?:the\s+next\s+)?(?P<d2>{DUR})"
    rf"|\b(?:starts?|begins?|comes?\s+in|kicks?\s+in)\s+(?:at\s+)?(?P<a3>{TIME})\s*,?\s+(?:and\s+)?(?:lasts?|runs?|plays?|goes)\s+(?:for\s+)?(?P<d3>{DUR})",
    rf"(?:从\s*)?第?(?P<a>{TIME})\s*(?:开始|起)\s*[，,]?\s*(?:放|播|持续|放上)\s*(?P<d>{DUR})",
    rf"(?:放|播|持续)\s*(?P<d>{DUR})\s*[，,]?\s*(?:从\s*)?第?(?P<a>{TIME})\s*(?:开始|起)",
)
def _for_span(m: re.Match[str], st: State) -> None:
    """"For 30 seconds starting at 1:00", "from 1:00 for 30 s": 60-90 s."""
    start = seconds(group(m, "a", "a2", "a3") or "0")
    _set_range(st, TimeRange(start, start + seconds(group(m, "d", "d2", "d3", "d4") or "0")))


@when(
    rf"\bbetween\s+{A}\s+and\s+(?:{B}|the\s+(?:very\s+)?end\b)",
    rf"(?:\bfrom\s+|从\s*)?第?{A}\s*(?:to|-|–|—|~|until|till|through|thru|到|至)\s*第?{B}"
    r"(?:\s*(?:之间|期间|之内|内))?",
    rf"(?:在\s*)?第?{A}\s*(?:和|与|跟)\s*第?{B}\s*(?:之间|中间)",
)
def _between(m: re.Match[str], st: State) -> None:
    if m["b"] is None:  # "between 1:00 and the end"
        _set_range(st, TimeRange(start=seconds(m["a"])), "from")
        return
    _set_range(st, span(m["a"], m["b"]))


def _length(spec: str | None) -> float:
    return seconds(spec) if spec and spec[0].isdigit() else 60.0


@when(
    rf"\b(?:the\s+)?(?:first|opening|initial|beginning)\s+(?P<d>{DUR}|{CLOCK}|minute|min)\b",
    rf"(?:前|开头|开始的?|头)\s*(?P<d>{DUR}|{CLOCK})",
    r"(?<!从)第(?P<d>1分钟)(?!\s*(?:开始|起|之后|以后|后|到|至|结束|停|就|的时候|时|处|进|再))",  # 只在第一分钟: minute one
)
def _first(m: re.Match[str], st: State) -> None:
    _set_range(st, TimeRange(0.0, _length(m["d"])))


@opposite(_first)
def _not_first(m: re.Match[str], st: State) -> None:
    """"Don't play music during the first 10 seconds": the music starts at 10 s."""
    _set_range(st, TimeRange(start=_length(m["d"])), "from")


@when(
    rf"\b(?:the\s+)?(?:music|bgm)\s+(?:should\s+|to\s+|can\s+|will\s+|must\s+|needs?\s+to\s+|only\s+|just\s+)*"
    rf"(?:lasts?|plays?|runs?|goes)\s+(?:for\s+)?(?:only\s+|just\s+)?(?:like\s+|about\s+|around\s+)?(?P<d>{DUR}|a\s+minute)(?!\s*(?:of|from|after|before|in)\b)"
    rf"|\b(?:make|keep)\s+(?:the\s+)?(?:music|bgm)\s+(?:only\s+|just\s+)?(?P<d2>{DUR}|a\s+minute)\s+long\b"
    rf"|\b(?:only|just)\s+(?P<d3>{DUR}|a\s+minute)\s+of\s+(?:background\s+)?(?:music|bgm)\b(?!\s+(?:from|at|after|before|in|starting)\b)"
    rf"|^\s*(?:(?:add|put)\s+)?(?:background\s+)?(?:music|bgm)\s+for\s+(?:only\s+|just\s+)?(?P<d4>{DUR}|a\s+minute)\s*(?:please|pls)?\s*$",
    rf"(?:音乐|背景音乐|bgm|配乐)(?:只|就)?(?:持续|放|播)\s*(?P<d>{DUR})(?:就(?:好|行|够了?|停|可以了?))?(?=\s*(?:$|[,，。!！]))",
)
def _music_lasts(m: re.Match[str], st: State) -> None:
    """"The music should last 30 seconds", "only 30 seconds of music": from the start for that
    long (not the last 30 seconds)."""
    d = group(m, "d", "d2", "d3", "d4") or "0"
    _set_range(st, TimeRange(0.0, 60.0 if d.startswith("a") else _length(d)))


@when(
    rf"\b(?:the\s+)?(?:last|final|closing|ending)\s+(?P<d>{DUR}|{CLOCK}|minute|min)\b",
    rf"(?:最后的?|(?<![然之以过])后|结尾的?|末尾的?)\s*(?P<d>{DUR}|{CLOCK})",  # not 然后一分钟后
)
def _last(m: re.Match[str], st: State) -> None:
    length = _length(m["d"])
    if length <= 0:
        raise bad(st.plan, "The last 0 seconds is no time at all.", "最后 0 秒没有时长。")
    _set_range(st, TimeRange(last=length))


@opposite(_last)
def _not_last(m: re.Match[str], st: State) -> None:
    """"Skip the music for the last minute": all but the last part cannot be said as a range."""
    st.unplaced = True
    st.plan.unsupported.append(Unsupported(
        f"no music in the last {fmt_seconds(_length(m['d']))}", f"最后 {fmt_seconds(_length(m['d']))} 不放音乐",
        "Say where the music ends ('until 2:30').", "请说音乐在哪里结束（“到2:30为止”）。"))  # fmt: skip


@when(
    rf"\b(?:from\s+the\s+(?:start|beginning|top)\s+(?:to|until|till|through)|until|till|up\s+to|"
    rf"before|(?:stop|end|cut|chop|kill)(?:s|ping)?\s+(?:(?:the\s+)?(?:music|bgm)\s+|it\s+)?(?:off\s+)?(?:right\s+|exactly\s+|just\s+)?"
    rf"(?:at|after|in(?=\s+\d{{1,2}}:\d)))\s+(?P<b>{TIME})",
    rf"(?:到|直到|停在|停到|结束在|截止到|截止)\s*第?(?P<b>{TIME})\s*(?:为止|结束|停)?|(?:在\s*第?|第)(?P<b3>{TIME})\s*"
    rf"(?:就|时|的时候)?(?:停|停止|结束|停掉)|(?<![前后尾头])第?(?P<b2>{TIME})\s*(?:的时候|时)?(?:就)?(?:之前|以前|前停|停止|结束|停掉|停(?!顿))"
    rf"|(?:(?<=音乐)|(?<=bgm)|(?<=配乐))\s*(?P<b4>{TIME})\s*(?:以后|之后|后)(?:就)?(?:结束|停|停止|停掉|关掉)",  # 音乐1分钟后结束
    rf"\b(?:until|till|up\s+to|(?:stop|end|cut\s+off|finish)(?:s|ping)?\s+(?:(?:the\s+)?(?:music|bgm)\s+|it\s+)?(?:right\s+|just\s+)?(?:when|once|as|after|before))\s+(?:the\s+|my\s+|i\s+)?"
    rf"(?:(?!(?:and|but|then)\b)[a-z']+\s+){{1,4}}?(?:at|around|~)\s+(?P<b4>{TIME})",
    rf"\b(?:stop|end|cut|chop|kill)\s+(?:the\s+)?(?:music|bgm|it)\s+(?P<b5>{DUR})\s+in\b",
)
def _until(m: re.Match[str], st: State) -> None:
    """"Until 1:30", "until the boss appears at 1:40", "end the music a minute in": the music
    ends there."""
    end = seconds(group(m, "b", "b2", "b3", "b4", "b5") or "0")
    if end <= 0:
        raise bad(st.plan, "The music has to end after 0:00.", "音乐的结束时间必须晚于 0:00。")
    _set_range(st, TimeRange(0.0, end), "until")


@when(
    r"\b(?:from|after|starting\s+(?:at|from)|start(?:s|ing)?\s+(?:the\s+music\s+)?(?:(?!(?:and|but|then)\b)[a-z]+\s+){0,6}?(?:at|from)|"
    rf"begin(?:s|ning)?\s+at|kick(?:s)?\s+in\s+at|come(?:s)?\s+in\s+at)\s+(?:the\s+)?(?P<a>{TIME})"
    r"(?:\s+(?:mark|point))?(?:\s+(?:on|"
    r"onwards?|until\s+the\s+end|to\s+the\s+end|till\s+the\s+end|in))?",
    rf"\b(?P<a2>{DUR})\s+in\b(?!\s+(?:length|long))|\bafter\s+(?:the\s+)?(?:[a-z]+\s+){{1,3}}?(?:at|around|~)\s+(?P<a>{TIME})",
    rf"\b(?:music|bgm|it)\s+(?:only\s+)?(?:in\s+)?(?:at|from)\s+(?P<a>{TIME})(?!\s*(?:to|-|until|till|and)\b)"
    rf"|\b(?:come|comes|kick|kicks|drop|drops)\s+in\b[^.;\n]{{0,40}}?\b(?:at|around|~)\s+(?P<a2>{TIME})(?!\s*(?:to|-|until|till)\b)",
    rf"\bstart(?:s|ing)?\s+(?:the\s+)?(?:music|bgm|it)\b[^.;\n]{{0,40}}?(?:at|around|from|~)\s+(?P<a>{TIME})"
    r"(?!\s*(?:to|-|until|till)\b)",
    rf"(?:从\s*)?第?(?P<a>{TIME})\s*(?:的时候|时)?再?(?:之后|以后|开始|起|进来|进|出来|响起|后\s*(?:再|才)?(?:起|进来|进|放|开始|出来|响起))(?:到结尾|到最后)?|从\s*第?(?P<a2>{TIME})"
    r"(?:到结尾|到最后)?",
)
def _from(m: re.Match[str], st: State) -> None:
    _set_range(st, TimeRange(start=seconds(group(m, "a", "a2") or "0")), "from")


@when(
    rf"\b(?:(?:move|push|shift|set|put|change)\s+|and\s+)(?:the\s+)?(?:(?:music|bgm)(?:'s)?\s+)?end(?:ing)?\s+(?:to|at)\s+(?:the\s+)?(?P<b>{TIME})",
)
def _move_end(m: re.Match[str], st: State) -> None:
    """"... and the end to 1:45", "move the music's end to 2:00": it ends there."""
    _set_range(st, TimeRange(0.0, seconds(m["b"])), "until")


@when(
    rf"\b(?:(?:bring|let|drop)\s+(?:the\s+)?(?:music|bgm|soundtrack|it)\s+in|cue\s+(?:up\s+)?(?:the\s+)?(?:music|bgm|soundtrack|it)(?:\s+in)?"
    rf"|(?:music|bgm|it)\s+(?:should\s+|can\s+)?enters?)\s+(?:at|around|from)\s+(?:the\s+)?(?P<a>{TIME})",
    rf"\b(?:push|move|shift|delay|bump|hold|set|put|change)\s+(?:it|the\s+(?:music|bgm|soundtrack)(?!\s+end)|(?:the\s+)?(?:(?:music|bgm)(?:'s)?\s+)?start)\s+(?:back\s+)?"
    rf"(?:to|until|till)\s+(?:the\s+)?(?P<a>{TIME})",
)
def _push_start(m: re.Match[str], st: State) -> None:
    """"The music starts too early, push it to 0:08": it starts at 0:08."""
    _set_range(st, TimeRange(start=seconds(m["a"])), "from")


@when(
    rf"(?:晚|迟)一?点儿?(?:再|才)?(?:进|进来|开始|出来|起|放)\s*[，,\s]*(?:大概|大约|约|差不多|就)?\s*(?:第\s*)?(?P<a>{DUR})",
    rf"\b(?:start|come\s+in|kick\s+in|begin)\s+(?:a\s+(?:bit|little|tad)\s+)?later\s*,?\s+(?:like\s+|about\s+|around\s+|at\s+)*"
    rf"(?P<a2>{DUR})\s+in\b|\b(?:start|come\s+in|kick\s+in|begin)\s+(?:a\s+(?:bit|little|tad)\s+)?later\s*,?\s+(?:like\s+|"
    rf"about\s+|around\s+|at\s+)*(?P<a3>{TIME})",
)
def _later(m: re.Match[str], st: State) -> None:
    """"晚点进，大概5秒", "start later, like 5 seconds in": the music starts there."""
    _set_range(st, TimeRange(start=seconds(group(m, "a", "a2", "a3") or "0")), "from")


@lead(
    rf"\b(?:except|but\s+not|apart\s+from|other\s+than|minus|besides)\s+(?:for\s+)?(?:during\s+)?the\s+(?:first|opening)\s+(?P<d>{DUR})",
    rf"除了?(?:开头|前面?)的?\s*(?P<d>{DUR})",
)
def _except_first(m: re.Match[str], st: State) -> None:
    """"Over the whole thing except the first 3 seconds": the music starts at 3 s."""
    _set_range(st, TimeRange(start=seconds(m["d"])), "from")


@when(
    r"\b(?:the\s+)?(?:whole|entire|full)\s+(?:video|clip|thing|length|time|way|duration|song|match)\b|"
    r"\bthroughout\b|\ball\s+the\s+way(?:\s+through)?\b(?!\s+(?:down|up)\b)|\b(?:from\s+)?start\s+to\s+finish\b"
    r"|\b(?:go|play|last|run|keep\s+(?:(?:the\s+)?(?:music|bgm|song|track|soundtrack|tunes?|beat|it)\s+)?(?:going|playing|on))\s+(?:all\s+the\s+way\s+)?(?:till|until|to|through)\s+the\s+(?:very\s+)?end\b"
    r"|(?<![\w'])(?<!fade\s)(?:music|bgm|song|soundtrack)\s+(?:all\s+the\s+way\s+)?(?:till|until|to|through)\s+the\s+(?:very\s+)?end\b(?!\s+of\s+the\s+(?:intro|fight|round|part))"
    r"|\b(?:start|begin)\s+(?:(?:the\s+)?(?:music|bgm)\s+|it\s+)?(?:right\s+)?(?:at|from)\s+the\s+(?:very\s+)?(?:beginning|start)\b"
    r"|\b(?:start|begin|come\s+in|kick\s+in)s?\s+(?:right\s+|exactly\s+|just\s+)?(?:when|as|with)\s+the\s+(?:video|clip|recording|footage)"
    r"(?:\s+(?:starts|begins))?\b",
    r"全程|整个视频|整段|全部时长|从头(?:放|播|响)?到尾|从(?:头|一开始|开头|最开始)(?:就)?(?:开始|放|播|起)"
    r"|(?:在)?(?:视频)?(?:结束|结尾)前(?:都|一直)(?:放|播|有)|一直(?:放|播)(?:到)?(?:视频)?(?:结束|结尾|最后|底)"
    r"|(?:音乐|bgm)?(?:不要|别)(?:停|断)(?:下来)?(?=\s*(?:$|[,，。]))|中间(?:也)?(?:别|不要)断|不间断"
    r"|(?:一直)?(?:放|播)?到(?:视频)?(?:结束|结尾|最后|末尾)(?:为止)?(?!\s*(?:淡|加|的|前|再|\d))"
    # 音乐给我放到底 / bgm一直放着: to the end (not 音量放到底, a level)
    r"|(?:跟|和|与|随)(?:画面|视频|游戏|录像)(?:一起|同时|一块)(?:结束|停|停止|收尾)"
    r"|(?<!音量)(?<!声音)(?<!声)(?:一直)?(?:放|播)(?:到底|到头)(?!\s*(?:淡|加|的|前|再|\d))"
    r"|(?:(?<=音乐)|(?<=bgm)|(?<=配乐))(?:就|要)?一直(?:放|播|响)(?:着)?(?=\s*(?:$|[,，。！!]|吧|啊|呗))",
)
def _whole(m: re.Match[str], st: State) -> None:
    if re.search(r"\b(?:make|crop|render|export|convert|turn)\s+$", m.string[max(0, m.start() - 12) : m.start()]):
        return  # "make the whole thing 1:1": the video, not where the music plays
    if st.plan.range is None:  # "over the whole thing except the first 3 s": the other range
        _set_range(st, TimeRange())
