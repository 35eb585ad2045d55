"""What the user reads about an edit, in their language: notes on what was skipped or cannot
be done, the refusal when nothing can be done, the question for a vague request, and the
franchise disclaimer. Every reply picks its language with `text.say`."""

from __future__ import annotations

from gamemusic.errors import BadInput
from gamemusic.words.plan import EditPlan, Question
from gamemusic.words.text import say
from gamemusic.words.vocabulary import STYLE_TITLES, STYLE_ZH, supported


def _quoted(lang: str, parts: list[str]) -> str:
    marks = say(lang, '""', "“”")
    return say(lang, ", ", "、").join(f"{marks[0]}{p}{marks[1]}" for p in parts[:3])


def nothing_to_do(text: str, plan: EditPlan) -> BadInput:
    """The error for a sentence with no request in it; it names what was not understood."""
    lang = plan.lang
    if plan.ignored:
        message = say(lang, f"I did not find anything to change in {_quoted(lang, plan.ignored)}.",
                      f"没听懂：{_quoted(lang, plan.ignored)}。")  # fmt: skip
    else:
        message = say(lang, f"There is nothing to change in {text.strip()[:80]!r}.",
                      f"“{text.strip()[:80]}”里没有可以执行的修改。")  # fmt: skip
    hint = supported(lang)
    if any(w in " ".join(plan.ignored) for w in ("title", "text", "caption", "标题", "字幕", "文字")):
        hint = say(lang, "Put a title's text in quotes: add title 'Boss Rush' for 3 s. ",
                   "标题文字请放在引号里：加标题「Boss Rush」3秒。") + hint  # fmt: skip
    return BadInput(message, hint=hint, code="not_understood", recognized=False,
                    unknown=plan.ignored)  # fmt: skip


def called_off(lang: str) -> BadInput:
    """The sentence took its own request back ("make it louder, never mind")."""
    return BadInput(say(lang, "You called it off, so nothing was changed.", "好的，这次什么都没改。"),
                    hint=supported(lang), code="not_understood", recognized=True)  # fmt: skip


def unplaced_amount(plan: EditPlan, parts: list[str]) -> BadInput:
    """A time or amount the parser could not attach to anything: applying the rest could put
    it on the whole video, so nothing changes and the user hears what was not placed."""
    lang = plan.lang
    return BadInput(
        say(lang, f"I could not tell what {_quoted(lang, parts)} is for; nothing was changed.",
            f"没看懂{_quoted(lang, parts)}指的是什么，没有做任何修改。"),
        hint=say(lang, "Say what the time or amount is for: 'music from 0:30 to 1:20', "
                 "'fade out 3 s', 'volume 40%'.",
                 "请说清时间或数值是给什么的：“音乐从0:30到1:20”“淡出3秒”“音量40%”。"),
        code="not_understood",
        recognized=True,
    )  # fmt: skip


def refusal(plan: EditPlan) -> BadInput:
    """Only things the product cannot do were asked: say so and what it can do instead."""
    lang = plan.lang
    names = say(lang, " and ", "和").join(say(lang, u.en, u.zh) for u in plan.unsupported[:3])
    instead = " ".join(dict.fromkeys(say(lang, u.instead_en, u.instead_zh) for u in plan.unsupported))
    return BadInput(
        say(lang, f"I can't do {names}; nothing was changed.", f"做不到{names}，没有做任何修改。"),
        hint=instead,
        code="unsupported",
        recognized=True,
    )


def style_name(style: str, lang: str) -> str:
    return say(lang, STYLE_TITLES.get(style, style), STYLE_ZH.get(style, style))


def question_text(q: Question, lang: str) -> str:
    """The question with its choices, for a client that cannot show a form."""
    choices = say(lang, ", ", "、").join(f"{style_name(c, lang)} ({c})" for c in q.choices)
    return say(lang, f"{q.en} Choose one: {choices}. Nothing was changed yet.",
               f"{q.zh}可选：{choices}。暂时没有做修改。")  # fmt: skip


def notes(plan: EditPlan) -> list[str]:
    """Lines that follow the list of changes: the franchise disclaimer, what cannot be done,
    what was skipped."""
    lang = plan.lang
    out: list[str] = []
    if plan.inspired_by and plan.style:
        name = plan.inspired_by.title() if plan.inspired_by.isascii() else plan.inspired_by
        out.append(say(
            lang,
            f"This is an original {style_name(plan.style, lang)} piece in the spirit of {name}'s "
            "era, not the game's own music.",
            f"这是一段{style_name(plan.style, lang)}风格的原创音乐，致敬{name}那个年代的声音，"
            "不是游戏原曲。",
        ))  # fmt: skip
    for u in plan.unsupported:
        out.append(say(lang, f"Not done: {u.en}. {u.instead_en}", f"没有做：{u.zh}。{u.instead_zh}"))
    if plan.ignored:
        out.append(say(lang, f"Ignored (not understood): {_quoted(lang, plan.ignored)}.",
                       f"没听懂、已略过：{_quoted(lang, plan.ignored)}。"))  # fmt: skip
    return out
