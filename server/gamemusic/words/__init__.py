"""Free text in, words out (English and 中文): the whole of how the product understands an
edit and answers it. One hop from here to any request:

    router.py      free text -> which action (export, credits, state, upload, edit)
    parser.py      an edit sentence -> EditPlan, running the rule tables in order:
      history.py     undo / redo ("actually, undo that")
      titles.py      title and text overlays ("add title 'GG' at 1:00")
      sound.py       game audio and music: mute, keep, remove, volume ("softer game")
      ducking.py     the music dipping under a voice ("quieter under my commentary")
      timing.py      where the music plays and its fades ("the last 8 seconds", "no fade")
      picture.py     aspect and 1080p ("vertical for TikTok", "go back to widescreen")
      limits.py      what cannot be done (4K, fps, filters) and vague asks ("darker")
      music.py       tempo, another take, stingers, arc, climax, styles, "add music"
    rules.py       the shared rule machinery (State, registrar, amounts)
    vocabulary.py  style words, franchises, filler, the "I can ..." list
    text.py        normalizing, the reply language (`say`), numbers and times
    plan.py        EditPlan and its parts
    fields.py      the typed edit fields (MCP / CLI) -> EditPlan, and back to a sentence
    understand.py  sentence + fields (+ the client's model, + the user's answer) -> one plan
    replies.py     notes, refusals, questions, the franchise disclaimer
    apply.py       EditPlan + Draft -> a new Draft and the changes in words
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gamemusic.words.apply import apply_plan, new_draft
from gamemusic.words.fields import EditFields, TitleField, cloud_sentence, merge, plan_from_fields
from gamemusic.words.plan import EditPlan, Question, TextOverlay, TimeRange
from gamemusic.words.replies import notes, question_text, refusal
from gamemusic.words.text import Lang, detect_lang, say
from gamemusic.words.understand import Ask, Interpret, Understood, understand
from gamemusic.words.vocabulary import resolve_style

if TYPE_CHECKING:
    from gamemusic.words.parser import parse
    from gamemusic.words.router import Intent, find_path, route

__all__ = [
    "Ask",
    "EditFields",
    "EditPlan",
    "Intent",
    "Interpret",
    "Lang",
    "Question",
    "TextOverlay",
    "TimeRange",
    "TitleField",
    "Understood",
    "apply_plan",
    "cloud_sentence",
    "detect_lang",
    "find_path",
    "merge",
    "new_draft",
    "notes",
    "parse",
    "plan_from_fields",
    "question_text",
    "refusal",
    "resolve_style",
    "route",
    "say",
    "understand",
]


def __getattr__(name: str) -> Any:
    """The parser and the router, loaded with the first sentence: a render that only takes
    typed fields never compiles their rule tables (about 0.1 s at start-up)."""
    if name == "parse":
        from gamemusic.words.parser import parse

        return parse
    if name in ("Intent", "find_path", "route"):
        from gamemusic.words import router

        return getattr(router, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
