"""One edit sentence (English or Chinese) -> a typed `EditPlan`.

    parse("add boss music, quieter, only the last 30 seconds, and make it vertical")
    -> EditPlan(style="boss", volume_factor=0.6, range=TimeRange(last=30), aspect="9:16")

How: quoted titles are taken out first (their case kept), then the lower-cased rest goes
through an ordered list of rules (`_RULES`, most specific first: "quieter under my voice"
is ducking before "quieter" can be volume). Each rule consumes the words it understood. What
is left must be filler ("please make it ..."); anything else is quoted back to the user in a
`BadInput(code="not_understood")` with the list of what is supported. A sentence that asks
for nothing is an error too, never a silent no-op. Values out of range raise
`BadInput(code="out_of_range")`; 4K/720p raise `BadInput(code="unsupported")`.

The rules live in `_rules.py` (switches), `_levels.py` (amounts) and `_titles.py`; the word
tables in `phrases.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Literal

from gamemusic.errors import BadInput
from gamemusic.phrases import (
    FLAGS,
    Lang,
    detect_lang,
    meaningful,
    normalize,
    pick,
    resolve_style,
    supported,
)

if TYPE_CHECKING:
    from gamemusic._rules import Handler

Position = Literal["top", "center", "bottom"]
AspectChoice = Literal["auto", "16:9", "9:16", "1:1"]
MAX_TEXT = 2000

__all__ = ["EditPlan", "TextOverlay", "TimeRange", "parse", "resolve_style"]


@dataclass(frozen=True)
class TimeRange:
    """A span of the video in seconds: start..end (None = to the end), or the final `last` s."""

    start: float = 0.0
    end: float | None = None
    last: float | None = None

    def resolve(self, duration_s: float) -> tuple[float, float]:
        """(start, end) in seconds before clipping to the video."""
        if self.last is not None:
            return max(0.0, duration_s - self.last), duration_s
        return self.start, duration_s if self.end is None else self.end


@dataclass(frozen=True)
class TextOverlay:
    """A title or text overlay. Time: `range`, else `at` for `duration`, else 0 for `duration`
    (default 3 s). Position default: center for a title, bottom for text."""

    text: str
    kind: Literal["title", "text"] = "title"
    at: float | None = None
    duration: float | None = None
    range: TimeRange | None = None
    position: Position | None = None


@dataclass
class EditPlan:
    """Everything one sentence asks for. None / False / empty = not mentioned."""

    lang: Lang = "en"
    style: str | None = None  # style id; implies music
    add_music: bool = False  # music wanted, no style named
    remove_music: bool = False
    volume: float | None = None  # absolute, 0-1
    volume_factor: float | None = None  # quieter 0.6, much quieter 0.36, louder 1.5, ...
    range: TimeRange | None = None  # where the music plays
    fade_in: float | None = None  # seconds; 0 = no fade
    fade_out: float | None = None
    duck: bool | None = None
    duck_db: float | None = None  # strong 12, light 5, or as said
    duck_step: float | None = None  # "quieter under my voice": deepen the dip by this many dB
    bpm: float | None = None
    tempo_factor: float | None = None  # faster 1.15, slower 0.87, ...
    new_take: bool = False  # another composition: a new seed
    seed: int | None = None
    original_audio: Literal["keep", "mute"] | None = None
    titles: list[TextOverlay] = field(default_factory=list)
    remove_titles: bool = False
    aspect: AspectChoice | None = None
    height: int | None = None  # 1080 is the one supported
    undo: bool = False  # history is the caller's: undo/redo first, then the rest
    redo: bool = False

    def changed(self) -> dict[str, object]:
        """The fields that differ from an empty plan (lang left out)."""
        blank = EditPlan()
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name != "lang" and getattr(self, f.name) != getattr(blank, f.name)
        }

    @property
    def is_empty(self) -> bool:
        return not self.changed()

    @property
    def has_edits(self) -> bool:
        """Anything besides undo/redo."""
        return bool(set(self.changed()) - {"undo", "redo"})

    @property
    def music_settings(self) -> list[str]:
        """Names of the BGM settings this plan changes (besides the style)."""
        keys = ("volume", "volume_factor", "range", "fade_in", "fade_out", "duck", "duck_db",
                "duck_step", "bpm", "tempo_factor", "new_take", "seed")  # fmt: skip
        return [k for k in keys if k in self.changed()]


@dataclass
class _State:
    plan: EditPlan
    styles: list[tuple[str, bool]] = field(default_factory=list)
    open_end: str | None = None  # "from" or "until": a half range another half may complete


_SPLIT = re.compile(
    r"\n|[,;.!?，。；！？、]|\s+(?:and|then|also|plus|but)\s+|然后|并且|同时|以及|还有", FLAGS
)
_TITLE_WORD = re.compile(r"\b(?:title|text|caption|subtitle)s?\b|标题|文字|字幕", FLAGS)


def parse(text: str) -> EditPlan:
    """The plan for one sentence; raises BadInput naming what it did not understand."""
    from gamemusic import _levels, _rules, _titles  # they import the plan types from here

    lang = detect_lang(text)
    state = _State(EditPlan(lang=lang))
    work = normalize(text)
    if len(work) > MAX_TEXT:
        raise BadInput(
            pick(lang, f"That instruction is too long ({len(work)} characters).",
                 f"这条指令太长了（{len(work)} 个字符）。"),
            hint=pick(lang, "Send one short sentence per edit.", "每次编辑请发一句短的话。"),
            code="not_understood",
        )  # fmt: skip
    work = _titles.take_titles(work, state.plan).lower()
    for pattern, handler in (*_rules.RULES, *_levels.RULES):
        work = pattern.sub(lambda m, h=handler: _consume(m, h, state), work)
    _finish(state)
    _check_leftover(work, state.plan)
    _check_conflicts(state.plan)
    if state.plan.is_empty:
        raise BadInput(
            pick(lang, f"There is nothing to change in {text.strip()[:80]!r}.",
                 f"“{text.strip()[:80]}”里没有可以执行的修改。"),
            hint=supported(lang),
            code="not_understood",
            recognized=False,
        )  # fmt: skip
    return state.plan


def _consume(m: re.Match[str], handler: Handler, state: _State) -> str:
    handler(m, state)
    return "\n"


def _finish(state: _State) -> None:
    plan = state.plan
    if state.styles:
        strong = [s for s, is_strong in state.styles if is_strong]
        plan.style = (strong or [s for s, _ in state.styles])[-1]
    if plan.style:
        plan.add_music = False
    if plan.volume is not None:  # "quieter, like 20%": the number wins
        plan.volume_factor = None


def _check_leftover(work: str, plan: EditPlan) -> None:
    unknown = [frag.strip() for frag in _SPLIT.split(work) if meaningful(frag)]
    if not unknown:
        return
    lang = plan.lang
    marks = pick(lang, '""', "“”")
    quoted = pick(lang, ", ", "、").join(f"{marks[0]}{f[:60]}{marks[1]}" for f in unknown[:3])
    hint = supported(lang)
    if any(_TITLE_WORD.search(frag) for frag in unknown):
        hint = pick(lang, "Put a title's text in quotes: add title 'Boss Rush' for 3 s. ",
                    "标题文字请放在引号里：加标题「Boss Rush」3秒。") + hint  # fmt: skip
    raise BadInput(
        pick(lang, f"I did not understand {quoted}.", f"没听懂：{quoted}。"),
        hint=hint,
        code="not_understood",
        recognized=not plan.is_empty,
        unknown=unknown,
    )


def _check_conflicts(plan: EditPlan) -> None:
    lang = plan.lang
    if plan.undo and plan.redo:
        raise BadInput(
            pick(lang, "Undo and redo in one sentence cancel out.", "撤销和重做不能放在同一句里。"),
            hint=pick(lang, "Say just 'undo' or 'redo'.", "只说“撤销”或“重做”。"),
            code="not_understood",
            recognized=True,
        )
    if plan.remove_music and plan.music_settings and not (plan.style or plan.add_music):
        raise BadInput(
            pick(lang, "You asked to remove the music and to change it in the same sentence.",
                 "同一句里既要去掉音乐又要调整音乐。"),
            hint=pick(lang, "Say which one you want: 'remove the music' or the change alone.",
                      "请二选一：“去掉音乐”，或者只说要怎么调整。"),
            code="not_understood",
            recognized=True,
        )  # fmt: skip
