"""Free text in, words out (English and 中文): the whole of how the product understands an
edit and answers it. One hop from here to any request:

    router.py      free text -> which action (export, credits, state, upload, edit)
    parser.py      an edit sentence -> EditPlan: normalized (hant.py: 繁體 -> 简体; typos.py:
                   "musci" -> "music"), "it" resolved (refer.py), praise and called-off
                   sentences set aside, then the rule tables (in `RULE_ORDER`):
      history.py     undo / redo ("actually, undo that")
      parts.py       a change said for a moment with no time ("louder during the fight")
      timing.py      silences at the start ("no music for the first 5 s"); ranges (below)
      ending.py      the music ending before the video ("no music in the last 10 seconds")
      titles.py      title and text overlays ("add title 'GG' at 1:00")
      limits.py      parts of the video without a time; what cannot be done (4K, fps, filters)
      together.py    both sounds at once ("mute both", "everything louder except the music")
      sound.py       game audio and music: mute, keep, remove; the game's volume ("softer game")
      compare.py     one sound against the other ("音乐比游戏声还大"), the voice as the subject
      ducking.py     the music dipping under a voice ("quieter under my commentary")
      fade_fixes.py  fades as complaints ("the fade out is too long")
      fades.py       fades ("fade out over 3 s", "no fade", 不要淡出)
      picture.py     aspect and 1080p ("vertical for TikTok", "go back to widescreen")
      questions.py   vague asks that become a question ("darker", "something sad")
      tempo.py       the tempo ("120 bpm", "faster", 慢一倍)
      music.py       another take, stingers, arc, climax; styles, franchises, "add music"
      levels_db.py   levels in dB and signed percents ("BGM -6dB")
      music_volume.py  the music's volume ("louder music", "bgm 30%", 音乐小一点)
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
