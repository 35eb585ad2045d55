"""Free text in, words out (English and 中文): the whole of how the product understands an
edit and answers it. One hop from here to any request:

    router.py      free text -> which action (export, credits, state, upload, edit)
    parser.py      an edit sentence -> EditPlan: normalized (hant.py: 繁體 -> 简体; typos.py:
                   "musci" -> "music"), "it" resolved (refer.py), then the rule tables in order:
      history.py     undo / redo ("actually, undo that")
      titles.py      title and text overlays ("add title 'GG' at 1:00")
      together.py    both sounds at once ("mute both", "everything louder except the music")
      sound.py       game audio and music: mute, keep, remove; the game's volume ("softer game")
      compare.py     one sound against the other ("音乐比游戏声还大"), the voice as the subject
      ducking.py     the music dipping under a voice ("quieter under my commentary")
      fade_fixes.py  fades as complaints ("the fade out is too long")
      timing.py      where the music plays and its fades ("the last 8 seconds", "no fade")
      picture.py     aspect and 1080p ("vertical for TikTok", "go back to widescreen")
      limits.py      what cannot be done (4K, fps, filters) and vague asks ("darker")
      levels_db.py   levels in dB and signed percents ("BGM -6dB")
      music_volume.py  the music's volume ("louder music", "bgm 30%", 音乐小一点)
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
