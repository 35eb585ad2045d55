"""The machinery the rule tables share: a rule is (compiled regex, handler); a handler reads
its match and writes into the parse `State`. The tables themselves live beside this module,
one per concern (history, sound, ducking, timing, picture, limits, music, titles), and
`parser.RULE_ORDER` runs them in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from gamemusic.errors import BadInput
from gamemusic.words.plan import EditPlan, TimeRange
from gamemusic.words.text import FLAGS, NUM, TIME, say, seconds, unit_of


@dataclass
class State:
    """What a parse has found so far."""

    plan: EditPlan
    styles: list[tuple[str, bool]] = field(default_factory=list)  # (style id, strong word?)
    refused_styles: set[str] = field(default_factory=set)  # "not boss": never picked
    open_end: str | None = None  # "from" or "until": a half range another half may complete
    dislike: bool = False  # "I don't like this one": another take unless a style is named
    # "this minecraft clip": the game recorded, (style id, franchise); a style only if none named
    setting: tuple[str, str | None] | None = None
    shapes: dict[bool, str] = field(default_factory=dict)  # aspect said, by explicit (vs platform)
    unplaced: bool = False
    unplaced_part: bool = False  # "后面配boss": a part without a time, so no range next to it
    # "我的声音听不清" with no music named: deeper ducking, unless the game is turned down for it
    voice_reason: bool = False
    either: bool = False  # "boss or rpg", 刺激的或者放松的: styles offered as alternatives
    cut: int = 0  # where the last match of the running rule ended: its words negate nothing  # "after the intro": a time not placed, so no music placed either


Handler = Callable[[re.Match[str], State], None]
Rule = tuple[re.Pattern[str], Handler]
# A switch said after a negation means its opposite ("I don't want the music to dip when I
# talk" is ducking off); other negated rules change nothing.
OPPOSITE: dict[Handler, Handler] = {}


def opposite(of: Handler) -> Callable[[Handler], Handler]:
    """Decorator: the decorated handler is what `of` means when negated."""

    def register(fn: Handler) -> Handler:
        OPPOSITE[of] = fn
        return fn

    return register


def registrar(table: list[Rule]) -> Callable[..., Callable[[Handler], Handler]]:
    """A decorator factory: @rule(pattern, ...) appends (compiled pattern, handler) to `table`."""

    def rule(*patterns: str) -> Callable[[Handler], Handler]:
        def register(fn: Handler) -> Handler:
            table.extend((re.compile(p, FLAGS), fn) for p in patterns)
            return fn

        return register

    return rule


def bad(
    plan: EditPlan, en: str, zh: str, code: str = "out_of_range", hint: tuple[str, str] = ("", "")
) -> BadInput:
    """A BadInput in the plan's language; `recognized` tells the router it was an edit."""
    return BadInput(say(plan.lang, en, zh), hint=say(plan.lang, *hint), code=code,
                    recognized=True)  # fmt: skip


def group(m: re.Match[str], *names: str) -> str | None:
    return next((m[n] for n in names if n in m.re.groupindex and m[n]), None)


def span(a: str, b: str) -> TimeRange:
    """'30'..'60s' -> 30-60 s: a bare first number takes the unit of the second."""
    return TimeRange(start=seconds(a, unit_of(b)), end=seconds(b))


# Verbs that take something away: "ditch the fade in", "kill the stingers", "lose the music".
NEG = (
    r"(?:no|without|remove|disable|turn\s+off|switch\s+off|skip|cut\s+off|chop(?:\s+off)?|don't\s+(?:want|need|use)|"
    r"don't|do\s+not|kill|drop|lose|cut|ditch|scrap|nix|get\s+rid\s+of|take\s+(?:out|off|away)"
    r"|delete|stop|lose|kill\s+off|no\s+more|never)"
)

# Verbs that take the music away over a part of the video: "get rid of the music in the first
# 20 seconds" (a start at 20 s), "ditch the bgm for the last 10 seconds" (an end it cannot place).
OFF_VERB = (
    r"(?:no|without|not\s+have|don't\s+(?:want|have|need)|do\s+not\s+(?:want|have)|cut|drop|kill|mute|remove|lose"
    r"|get\s+rid\s+of|ditch|delete|scrap|silence|turn\s+off|switch\s+off|take\s+out|skip)"
)

A = rf"(?P<a>{TIME}|{NUM})"
B = rf"(?P<b>{TIME})"

# Relative amounts: "much/way" and "a bit" before or after the word they modify.
MUCH = r"(?P<much>much|way|a\s+lot|lots|far|even|significantly|considerably|really|super|hella|mad|way\s+too|a\s+whole\s+lot|whole\s+lot|tons)"
BIT = (
    r"(?P<bit>(?:just\s+)?a\s+(?:little\s+|lil\s+)?bit|slightly|(?:just\s+)?a\s+(?:little|lil|lil'|smidge)"
    r"|a\s+touch|somewhat|bit|little|lil|tad|a\s+tad|a\s+hair|marginally|kinda|kind\s+of|a\s+tiny\s+bit|a\s+teeny\s+bit)"
)
AFTER = (
    r"(?:\s+(?:(?P<much2>by\s+a\s+lot|a\s+lot|much\s+more|way\s+more)|(?P<bit2>(?:just\s+)?a\s+"
    r"(?:little\s+|lil\s+|tiny\s+|teeny\s+)?bit|slightly|(?:just\s+)?a\s+(?:little|lil|tad|touch|hair|smidge)|a\s+little\s+bit"
    r"))|(?P<bit3>,?\s+(?:but\s+)?(?:like\s+|just\s+)?(?:not\s+(?:too|that|by)\s+(?:much|quiet|loud|fast|slow|soft|low)|(?:only|just)\s+(?:a\s+)?(?:tiny\s+|little\s+|lil\s+)?(?:bit|little|"
    r"tad|touch|smidge)|(?:just|only)\s+slightly|not\s+a\s+lot)\b))?"
)


class Step(float):
    """A relative step; `hedged` when said with "a bit", "slightly", "not too much"."""

    hedged: bool = False
    exact: bool = False  # said as a number ("30% lower", "half"), not a word's step

    @classmethod
    def of(cls, value: float, hedged: bool, exact: bool = False) -> Step:
        step = cls(round(value, 4))
        step.hedged, step.exact = hedged, exact
        return step


# A hedge after the thing the verb took: "turn up the background music a bit", "increase the
# game sounds volume a bit" (the rule's own words ended at the verb or the first noun).
_TRAILING_HEDGE = re.compile(
    r"\s*(?:(?:the|my)\s+)?(?:(?:background|game|gameplay|in-game)\s+)?(?:music|bgm|song|track|tune|beat|soundtrack"
    r"|audio|sounds?|sfx|tempo|pace)?(?:'s)?(?:\s+(?:volume|level))?\s+(?:just\s+)?(?:a\s+(?:little\s+|lil\s+|tiny\s+)?bit"
    r"|a\s+little|slightly|a\s+tad|a\s+touch|a\s+smidge)\b",
    FLAGS,
)


def factor(m: re.Match[str], normal: float, much: float, bit: float) -> Step:
    if group(m, "bit3"):  # "faster, but not too much": the hedge wins
        return Step.of(bit, True)
    if group(m, "much", "much2", "much3"):
        return Step.of(much, False)
    hedged = bool(group(m, "bit", "bit2")) or bool(_TRAILING_HEDGE.match(m.string, m.end()))
    return Step.of(bit if hedged else normal, hedged)


class Opposed(Exception):
    """Two steps in opposite directions for one aspect ("boost it and make it quieter")."""


def combine(old: float | None, by: float) -> Step:
    """Cues in one sentence don't stack: "too fast, slow it down" is one step slower. The same
    direction keeps the stronger step, unless one of them is hedged ("kinda loud, a lil quieter"
    is a little: the complaint says which way, the hedge how far). Opposite directions raise
    `Opposed`: the parser refuses rather than pick one. A number beats a word ("too loud, down
    to 70% of what it was" is 0.7): a plain float is a number said."""
    hedged = getattr(by, "hedged", False)
    exact = getattr(by, "exact", not isinstance(by, Step))
    if old is None:
        return Step.of(by, hedged, exact)
    if (old < 1) != (by < 1) and old != 1 and by != 1:
        raise Opposed
    if exact != getattr(old, "exact", False):
        return Step.of(by, hedged, True) if exact else Step.of(old, getattr(old, "hedged", False), True)
    gentle = hedged or getattr(old, "hedged", False)
    pick = max(old, by) if (by < 1) == gentle else min(old, by)
    return Step.of(pick, gentle)
