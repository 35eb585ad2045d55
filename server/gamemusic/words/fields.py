"""The typed edit: `EditFields`, what an agent fills from the user's words (the MCP `edit`
tool's fields, `gamemusic edit`'s options), validated by pydantic, turned into the same
`EditPlan` a sentence gives. `sentence(fields)` writes them as one plain English sentence:
what the NemoVideo cloud agent receives, and what the parser reads back to the same plan.
"""

from __future__ import annotations

from dataclasses import fields as dc_fields
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from gamemusic.words.plan import EditPlan, TextOverlay, TimeRange
from gamemusic.words.text import Lang

StyleId = Literal[
    "chiptune", "16bit", "boss", "rpg", "dungeon", "synthwave", "lofi", "platformer", "racing"
]
MAX_S = 6 * 3600.0
_QUOTES = (('"', '"'), ("“", "”"), ("「", "」"), ("『", "』"))


class TitleField(BaseModel):
    """One title or text overlay."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=200, pattern=r"^[^\n\r]*\S[^\n\r]*$",
                      description="The words shown, as the user wants them (case kept).")  # fmt: skip
    start_s: float | None = Field(None, ge=0, le=MAX_S, description="When it appears, s (0).")
    duration_s: float | None = Field(None, ge=0.5, le=60, description="How long it shows (3 s).")
    position: Literal["top", "center", "bottom"] | None = Field(
        None, description="Where on screen (title: center, text: bottom)."
    )
    kind: Literal["title", "text"] = Field("title", description="A big title or a small text line.")


Volume = Annotated[float, Field(ge=0, le=1)]
Factor = Annotated[float, Field(ge=0.1, le=4)]


class EditFields(BaseModel):
    """Everything an edit can change; leave out what the user did not ask for."""

    model_config = ConfigDict(extra="forbid")

    style: StyleId | None = Field(None, description="Music style. Adding a style adds music.")
    music_volume: Volume | None = Field(
        None, description="Music volume 0-1 (0.35 default, about 18 dB under the game audio)."
    )
    music_volume_factor: Factor | None = Field(
        None, description="Scale the music's current volume: 0.6 'quieter', 1.5 'louder'."
    )
    remove_music: bool | None = Field(None, description="True: take the music out.")
    game_volume: float | None = Field(
        None, ge=0, le=2, description="Game audio (the recording's own sound) gain 0-2; 1 = as "
        "recorded.",
    )
    game_volume_factor: Factor | None = Field(
        None, description="Scale the game audio's current level: 0.6 'softer game', 1.5 louder."
    )
    game_audio: Literal["keep", "mute"] | None = Field(None, description="Keep or mute the game audio.")
    music_start_s: float | None = Field(None, ge=0, le=MAX_S, description="Music starts here, s.")
    music_end_s: float | None = Field(None, gt=0, le=MAX_S, description="Music ends here, s.")
    music_last_s: float | None = Field(
        None, gt=0, le=MAX_S, description="Music only in the final N seconds (instead of start/end)."
    )
    music_stops_before_end_s: float | None = Field(
        None, gt=0, le=MAX_S, description="Music stops N seconds before the video ends "
        "('no music in the last 10 s'); with music_start_s, instead of music_end_s.",
    )
    fade_in_s: float | None = Field(None, ge=0, le=30, description="Fade-in length, s; 0 = none.")
    fade_out_s: float | None = Field(None, ge=0, le=30, description="Fade-out length, s; 0 = none.")
    ducking: bool | None = Field(
        None, description="Dip the music while the game or a voice is loud (on by default)."
    )
    ducking_db: float | None = Field(None, ge=1, le=24, description="How deep the dip is, dB (8).")
    tempo_bpm: int | None = Field(None, ge=40, le=240, description="Tempo in BPM.")
    tempo_factor: float | None = Field(
        None, ge=0.5, le=2, description="Scale the tempo: 1.15 'faster', 0.87 'slower'."
    )
    new_take: bool | None = Field(None, description="True: another composition, same style.")
    seed: int | None = Field(None, ge=0, le=999_999_999, description="Composition seed.")
    stingers: bool | None = Field(None, description="Accent hits on big game moments.")
    arc: Literal["auto", "calm", "intense"] | None = Field(
        None, description="auto: follow the gameplay's ups and downs; calm or intense: hold it."
    )
    climax_s: float | None = Field(
        None, ge=0, le=MAX_S, description="Build up to a climax at this time, s ('the boss at 1:20')."
    )
    titles: list[TitleField] | None = Field(None, max_length=10, description="Titles to add.")
    remove_titles: bool | None = Field(None, description="True: remove every title.")
    aspect: Literal["auto", "16:9", "9:16", "1:1"] | None = Field(
        None, description="Output shape: 9:16 vertical (TikTok, Shorts, Reels), 1:1, 16:9, auto."
    )
    undo: bool | None = Field(None, description="True: undo the last edit first.")
    redo: bool | None = Field(None, description="True: redo the last undone edit.")

    @model_validator(mode="after")
    def _consistent(self) -> EditFields:
        if self.undo and self.redo:
            raise ValueError("undo and redo cancel out: give one of them")
        if self.music_last_s is not None and (self.music_start_s or self.music_end_s):
            raise ValueError("give music_last_s or music_start_s/music_end_s, not both")
        if self.music_stops_before_end_s is not None and (self.music_end_s or self.music_last_s):
            raise ValueError("music_stops_before_end_s is the music's end: not with music_end_s "
                             "or music_last_s")
        start = self.music_start_s or 0.0
        if self.music_end_s is not None and self.music_end_s <= start:
            raise ValueError("music_end_s must be after music_start_s")
        if self.ducking is False and self.ducking_db is not None:
            raise ValueError("ducking_db needs ducking on")
        for a, b in (("music_volume", "music_volume_factor"), ("game_volume", "game_volume_factor"),
                     ("tempo_bpm", "tempo_factor")):  # fmt: skip
            if getattr(self, a) is not None and getattr(self, b) is not None:
                raise ValueError(f"give {a} or {b}, not both")
        if self.game_audio == "mute" and (self.game_volume or self.game_volume_factor):
            raise ValueError("game_audio 'mute' and a game-audio level contradict: give one")
        if self.remove_music and not self.style and _music_fields(self):
            raise ValueError("remove_music and music settings contradict: give one")
        return self

    @property
    def is_empty(self) -> bool:
        """Nothing asked for: every field unset, an empty list, or an action flag left False
        (ducking=False and stingers=False ask for something: off)."""
        return all(v is None or v == [] or (v is False and k not in ("ducking", "stingers"))
                   for k, v in self.model_dump().items())  # fmt: skip


def _music_fields(f: EditFields) -> list[str]:
    names = ("music_volume", "music_volume_factor", "music_start_s", "music_end_s",
             "music_last_s", "music_stops_before_end_s", "fade_in_s", "fade_out_s", "ducking",
             "ducking_db", "tempo_bpm", "tempo_factor", "new_take", "seed", "stingers", "arc",
             "climax_s")  # fmt: skip
    return [n for n in names if getattr(f, n) not in (None, False)]


def _r(v: float | None) -> float | None:
    return None if v is None else round(float(v), 4)


def plan_from_fields(f: EditFields, lang: Lang = "en") -> EditPlan:
    """The plan the fields ask for: the same one their `sentence` parses to."""
    rng = None
    if f.music_last_s is not None:
        rng = TimeRange(last=_r(f.music_last_s))
    elif f.music_stops_before_end_s is not None:
        rng = TimeRange(_r(f.music_start_s) or 0.0, before_end=_r(f.music_stops_before_end_s))
    elif f.music_start_s is not None or f.music_end_s is not None:
        rng = TimeRange(_r(f.music_start_s) or 0.0, _r(f.music_end_s))
    return EditPlan(
        lang=lang,
        style=f.style,
        remove_music=bool(f.remove_music),
        volume=_r(f.music_volume),
        volume_factor=_r(f.music_volume_factor),
        game_volume=_r(f.game_volume),
        game_volume_factor=_r(f.game_volume_factor),
        original_audio=f.game_audio,
        range=rng,
        fade_in=_r(f.fade_in_s),
        fade_out=_r(f.fade_out_s),
        duck=True if f.ducking_db is not None and f.ducking is None else f.ducking,
        duck_db=_r(f.ducking_db),
        bpm=None if f.tempo_bpm is None else float(f.tempo_bpm),
        tempo_factor=_r(f.tempo_factor),
        new_take=bool(f.new_take),
        seed=f.seed,
        stingers=f.stingers,
        arc=f.arc,
        climax=_r(f.climax_s),
        titles=[
            TextOverlay(t.text.strip(), t.kind, at=_r(t.start_s), duration=_r(t.duration_s),
                        position=t.position)
            for t in f.titles or []
        ],
        remove_titles=bool(f.remove_titles),
        aspect=f.aspect,
        undo=bool(f.undo),
        redo=bool(f.redo),
    )


def merge(parsed: EditPlan | None, given: EditPlan) -> EditPlan:
    """The sentence's plan with the fields laid over it: a field that is set wins, titles add
    up, the sentence's notes (ignored words, unsupported asks) stay."""
    base = parsed or EditPlan(lang=given.lang)
    out = EditPlan(**{f.name: getattr(base, f.name) for f in dc_fields(base)})
    for name, value in given.changed().items():
        setattr(out, name, [*base.titles, *value] if name == "titles" else value)
    if given.volume is not None:
        out.volume_factor = given.volume_factor
    if given.range is not None or given.style is not None:
        out.question = None
    return out


def _s(v: float) -> str:
    return f"{round(v, 4):g}s"


def _pct(v: float) -> str:
    return f"{round(v * 100, 2):g}%"


def _quote(text: str) -> str:
    a, b = next((q for q in _QUOTES if q[0] not in text and q[1] not in text), _QUOTES[2])
    return f"{a}{text.strip()}{b}"


def sentence(f: EditFields) -> str:
    """The fields as one plain English sentence, e.g. 'switch the style to boss, music volume
    30%, mute the game audio'. The parser reads it back to `plan_from_fields(f)`."""
    p: list[str] = []
    if f.undo:
        p.append("undo")
    if f.redo:
        p.append("redo")
    if f.remove_titles:
        p.append("remove the titles")
    if f.game_audio:
        p.append(f"{f.game_audio} the game audio")
    if f.remove_music:
        p.append("remove the music")
    if f.ducking is False:
        p.append("no ducking")
    elif f.ducking_db is not None:
        p.append(f"duck by {round(f.ducking_db, 4):g} dB")
    elif f.ducking:
        p.append("ducking on")
    for name, value in (("in", f.fade_in_s), ("out", f.fade_out_s)):
        if value is not None:
            p.append(f"fade {name} {_s(value)}" if value else f"no fade {name}")
    if f.aspect:
        p.append("original aspect ratio" if f.aspect == "auto" else f"make it {f.aspect}")
    if f.tempo_bpm is not None:
        p.append(f"{f.tempo_bpm} bpm")
    if f.tempo_factor is not None:
        p.append(f"tempo x{round(f.tempo_factor, 4):g}")
    if f.new_take:
        p.append("another take")
    if f.seed is not None:
        p.append(f"seed {f.seed}")
    if f.stingers is not None:
        p.append("add stingers" if f.stingers else "no stingers")
    if f.arc:
        p.append({"auto": "follow the gameplay", "calm": "keep it calm",
                  "intense": "keep it intense"}[f.arc])  # fmt: skip
    if f.climax_s is not None:
        p.append(f"build up to a climax at {_s(f.climax_s)}")
    if f.game_volume is not None:
        p.append(f"game audio at {_pct(f.game_volume)}")
    if f.game_volume_factor is not None:
        p.append(f"game audio x{round(f.game_volume_factor, 4):g}")
    if f.music_volume is not None:
        p.append(f"music volume {_pct(f.music_volume)}")
    if f.music_volume_factor is not None:
        p.append(f"music volume x{round(f.music_volume_factor, 4):g}")
    if f.music_last_s is not None:
        p.append(f"music in the last {_s(f.music_last_s)}")
    elif f.music_stops_before_end_s is not None:
        early = f"{_s(f.music_stops_before_end_s)} before the end"
        p.append(f"music from {_s(f.music_start_s)} until {early}" if f.music_start_s
                 else f"stop the music {early}")  # fmt: skip
    elif f.music_start_s and f.music_end_s is not None:
        p.append(f"music from {_s(f.music_start_s)} to {_s(f.music_end_s)}")
    elif f.music_end_s is not None:
        p.append(f"stop the music at {_s(f.music_end_s)}")
    elif f.music_start_s:
        p.append(f"start the music at {_s(f.music_start_s)}")
    elif f.music_start_s is not None:
        p.append("music for the whole video")
    if f.style:
        p.append(f"switch the style to {f.style}")
    for t in f.titles or []:
        words = f"add {t.kind} {_quote(t.text)}"
        if t.start_s is not None:
            words += f" at {_s(t.start_s)}"
        if t.duration_s is not None:
            words += f" for {_s(t.duration_s)}"
        if t.position:
            words += f" at the {t.position}"
        p.append(words)
    return ", ".join(p)


def cloud_sentence(f: EditFields | None, instruction: str | None) -> str:
    """What the NemoVideo agent receives: the fields in words, then the user's own sentence."""
    parts = [sentence(f)] if f is not None and not f.is_empty else []
    if instruction and instruction.strip():
        parts.append(instruction.strip())
    return ". ".join(parts)
