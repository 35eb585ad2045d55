"""Fades asked for as a complaint or several at once (English): "the fade out is too long",
"the start is too abrupt", "smooth out the ending", "it cuts off at the end", "the end of the
music fade for 5 seconds", "fade in 2 seconds and out 3 seconds", "music fades out at 2:00";
and no fade over the end ("no fade out in the last 10 seconds", 最后10秒不要淡出). They run just
before `timing.FADES`, which reads one fade at a time.
"""

from __future__ import annotations

import re

from gamemusic.words.fades import _set_fade, _which
from gamemusic.words.plan import TimeRange
from gamemusic.words.rules import Rule, State, group, registrar
from gamemusic.words.text import DUR, TIME, seconds
from gamemusic.words.timing import _set_range

FADES: list[Rule] = []
fade = registrar(FADES)


@fade(
    r"\b(?:the\s+)?(?P<where>start|beginning|intro|opening|end|ending|outro)\s+(?:of\s+the\s+(?:music|song|track)\s+)?(?:is|feels|sounds)\s+"
    r"(?:(?:way|a\s+bit|kinda|too|so|really|very)\s+)*(?:abrupt|sudden|harsh|jarring)\b"
    r"|\b(?:smooth(?:en)?|soften|ease)\s+(?:out\s+)?the\s+(?P<where2>start|beginning|intro|opening|end|ending|outro)\b(?:\s+out)?"
    r"|\b(?:it|the\s+music|the\s+song|the\s+track)\s+(?:just\s+)?(?P<cut>cuts?\s+off(?:\s+(?:so\s+)?(?:abruptly|suddenly))?|(?:stops?|ends?)\s+(?:so\s+)?(?:abruptly|suddenly))"
    r"\s+at\s+the\s+end\b",
)
def _abrupt(m: re.Match[str], st: State) -> None:
    """"The start is too abrupt", "smooth out the ending": a long fade there; "it cuts off at
    the end": a fade out."""
    if group(m, "cut"):
        _set_fade(st, "out", 2.5)
        return
    where = group(m, "where", "where2") or ""
    _set_fade(st, "out" if where in ("end", "ending", "outro") else "in", 4.0)


@fade(
    r"\b(?:the\s+)?(?P<dir>fade[\s-]?in|fade[\s-]?out|fades?)\s+(?:is|are|feels?|seems?)\s+(?:(?:way|a\s+bit|kinda|a\s+little|much)\s+)?"
    r"too\s+(?P<len>long|slow|gradual|short|quick|fast|abrupt|sudden)\b",
)
def _fade_too(m: re.Match[str], st: State) -> None:
    """"The fade out is too long": a short one; "too short" / "too abrupt": a long one."""
    value = 0.5 if m["len"] in ("long", "slow", "gradual") else 4.0
    direction = m["dir"].replace(" ", "").replace("-", "")
    _set_fade(st, _which(direction) if direction not in ("fade", "fades") else "both", value)


@fade(
    rf"\b(?:the\s+)?(?P<where>end|ending|start|beginning)\s+of\s+the\s+(?:music|song|track|bgm|soundtrack)\s+(?:should\s+|to\s+)?"
    rf"fades?(?:\s+(?:out|in))?(?:\s+(?:over|for|in|during)\s+(?P<d>{DUR})|\s+(?P<len>slowly|gradually|gently|quickly|fast))?",
)
def _end_of_music_fades(m: re.Match[str], st: State) -> None:
    """"Make the end of the music fade for 5 seconds": the fade out; "the start of the music
    fade in slowly": a long fade in."""
    which = "out" if m["where"].startswith("end") else "in"
    default = 4.0 if m["len"] in ("slowly", "gradually", "gently") else 0.5 if m["len"] else (
        2.5 if which == "out" else 1.5)
    _set_fade(st, which, seconds(m["d"]) if m["d"] else default)


@fade(
    rf"\bfade[\s-]?(?P<x>in|out)\s+(?:over\s+|for\s+|of\s+)?(?P<dx>{DUR})\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:a|the)\s+)?(?:fade[\s-]?)?"
    rf"(?P<y>in|out)\s+(?:over\s+|for\s+|of\s+)?(?P<dy>{DUR})",
)
def _two_fades(m: re.Match[str], st: State) -> None:
    """"Fade in 2 seconds and out 3 seconds": both fades, each its length."""
    _set_fade(st, m["x"], seconds(m["dx"]))
    _set_fade(st, m["y"], seconds(m["dy"]))


@fade(
    rf"\b(?:the\s+)?(?:music|bgm|it)\s+(?:should\s+)?fades?\s+out\s+(?:at|by|around)\s+(?P<t>{TIME})(?:\s+and\s+(?:ends|stops))?",
)
def _fades_out_at(m: re.Match[str], st: State) -> None:
    """"Music fades out at 2:00 and ends": the music ends there, with a fade out."""
    _set_range(st, TimeRange(0.0, seconds(m["t"])), "until")
    _set_fade(st, "out", 2.5)


@fade(
    rf"\b(?:no|don't|dont|do\s+not|without|never)\s+(?:a\s+|any\s+)?(?:fade|fading)(?:[\s-]?out)?\s+(?:the\s+music\s+)?"
    rf"(?:in|for|during|over|on|at)\s+the\s+(?:last|final|closing)\s+(?:{DUR}|minute)",
    rf"(?:最后|结尾|末尾)(?:的)?\s*(?:{DUR})\s*(?:里|内|的时候)?\s*(?:都|就|也)?(?:不要|别|不用|不需要|不)(?:再)?(?:淡出|渐出|渐弱)",
)
def _no_fade_at_end(m: re.Match[str], st: State) -> None:
    """"No fade out in the last 10 seconds", 最后10秒不要淡出: the fade out off, and the music's
    range untouched (not the music in the last 10 seconds)."""
    _set_fade(st, "out", 0.0)
