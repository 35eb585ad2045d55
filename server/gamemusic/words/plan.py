"""What one edit asks for: `EditPlan` and its parts, plain dataclasses with no parsing in them.

Both entry points build one: the sentence parser (`parser.parse`) and the typed MCP/CLI fields
(`fields.EditFields.to_plan`); `apply.apply_plan` carries it out on a draft. None / False /
empty means "not asked for", so a plan changes only what was asked.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Literal

from gamemusic.words.text import Lang

Position = Literal["top", "center", "bottom"]
AspectChoice = Literal["auto", "16:9", "9:16", "1:1"]
Arc = Literal["auto", "calm", "intense"]

# Fields that describe the sentence rather than ask for a change.
_NOTES = ("lang", "ignored", "unsupported", "question", "inspired_by", "said")


@dataclass(frozen=True)
class TimeRange:
    """A span of the video in seconds: start..end (None = to the end), the final `last` s, or
    start until `before_end` s before the end ("stop the music 10 seconds before the end")."""

    start: float = 0.0
    end: float | None = None
    last: float | None = None
    before_end: float | None = None

    def resolve(self, duration_s: float) -> tuple[float, float]:
        """(start, end) in seconds before clipping to the video."""
        if self.last is not None:
            return max(0.0, duration_s - self.last), duration_s
        if self.before_end is not None:
            return self.start, duration_s - self.before_end
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


@dataclass(frozen=True)
class Unsupported:
    """Something asked for that the product cannot do, and what it can do instead."""

    en: str
    zh: str
    instead_en: str
    instead_zh: str


@dataclass(frozen=True)
class Question:
    """An ambiguous request: the user picks one of `choices` (style ids) before anything
    changes. `en`/`zh` is the question."""

    en: str
    zh: str
    choices: tuple[str, ...]


@dataclass
class EditPlan:
    """Everything one edit asks for. None / False / empty = not mentioned."""

    lang: Lang = "en"
    style: str | None = None  # style id; implies music
    add_music: bool = False  # music wanted, no style named
    remove_music: bool = False
    volume: float | None = None  # music volume, absolute 0-1
    volume_factor: float | None = None  # quieter 0.6, much quieter 0.36, louder 1.5, ...
    game_volume: float | None = None  # the recording's own sound, absolute gain 0-2
    game_volume_factor: float | None = None  # "softer game" 0.6, "game louder" 1.5
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
    stingers: bool | None = None  # accent hits on big game moments
    arc: Arc | None = None  # follow the gameplay (auto), or hold it calm / intense
    climax: float | None = None  # build up to a climax at this second
    original_audio: Literal["keep", "mute"] | None = None
    titles: list[TextOverlay] = field(default_factory=list)
    remove_titles: bool = False
    aspect: AspectChoice | None = None
    height: int | None = None  # 1080 is the one supported
    undo: bool = False  # history is the caller's: undo/redo first, then the rest
    redo: bool = False
    # notes about the sentence, not changes
    ignored: list[str] = field(default_factory=list)  # words skipped, as the user wrote them
    unsupported: list[Unsupported] = field(default_factory=list)
    question: Question | None = None
    inspired_by: str | None = None  # a franchise named: the style is its era's sound
    said: str = ""  # the request in words, for the edit history

    def changed(self) -> dict[str, object]:
        """The change fields that differ from an empty plan (notes left out)."""
        blank = EditPlan()
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name not in _NOTES and getattr(self, f.name) != getattr(blank, f.name)
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
                "duck_step", "bpm", "tempo_factor", "new_take", "seed", "stingers", "arc",
                "climax")  # fmt: skip
        return [k for k in keys if k in self.changed()]
