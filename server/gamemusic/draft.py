"""The timeline draft both backends share, in the cloud's short-key JSON.

    {"d": 120000,                       duration of the timeline in ms
     "m": {"aspect": "16:9", ...},      draft metadata (DraftMeta)
     "t": [                             tracks
       {"tt": 0, "m": {"name": "ranked match", "media": "m1"}, "sg": [{"s": 0, "e": 120000}]},
       {"tt": 1, "m": {"name": "Retro Chiptune", "style": "chiptune", "volume": 0.35},
        "sg": [{"s": 0, "e": 120000}]},
       {"tt": 7, "m": {"text": "Boss Rush"}, "sg": [{"s": 0, "e": 3000}]}]}

The cloud may send other shapes (NEMO_PROTOCOL.md), and all of them are read:
a segment as `{"s", "d"}` (duration, `s` may be missing) instead of `{"s", "e"}`; metadata on
the segment (`sg[].m`) instead of the track; volume as a percentage (0-100) and fades in ms;
no draft-level `d` (derived from the segments). Python attributes always speak one language
(`end_ms`, volume 0-1, fades in seconds), and `dump` writes back exactly what was read plus
what was changed: keys nobody sent are never added (no `"e": 0` beside a `"d"`), unknown keys
are kept (``extra="allow"``), and values keep the units they came in.
Python attribute names are long; the JSON keys are the short aliases.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    ValidatorFunctionWrapHandler,
    model_serializer,
    model_validator,
)

VIDEO, AUDIO, TEXT = 0, 1, 7
TRACK_KINDS = {VIDEO: "Video", AUDIO: "BGM", TEXT: "Title"}

Aspect = Literal["auto", "16:9", "9:16", "1:1"]

# fields the cloud may send in other units: (largest value in our unit, factor to theirs)
_UNITS = {"volume": (1.0, 100.0), "fade_in": (30.0, 1000.0), "fade_out": (30.0, 1000.0)}


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 6)


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True, validate_assignment=True)

    def dump(self) -> dict[str, Any]:
        """Short-key JSON, unknown keys included, nothing added that was not sent or set."""
        return self.model_dump(by_alias=True, mode="json")

    @model_serializer(mode="wrap")
    def _as_given(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> dict[str, Any]:
        """Leave out modelled fields that are None or were never given (defaults, values
        derived on reading); containers filled in place are kept."""
        data: dict[str, Any] = handler(self)
        given = self.model_fields_set
        for name, field in type(self).model_fields.items():
            key = field.alias if info.by_alias and field.alias else name
            if key not in data:
                continue
            value = data[key]
            if value is None or (
                name not in given and (not isinstance(value, dict | list) or not value)
            ):
                del data[key]
        return data


class TrackMeta(_Model):
    """Metadata of a track (or of its segment). Video: name, media. BGM: style and mix.
    Title: text. Volume reads 0-1 and fades seconds, whatever units the cloud used."""

    _sent: dict[str, float] = PrivateAttr(default_factory=dict)  # values read in cloud units

    name: str | None = Field(None, description="Display name.")
    media: str | None = Field(None, description="Media id of a video track's upload.")
    style: str | None = Field(None, description="Music style id (BGM).")
    volume: float | None = Field(None, ge=0, le=1, description="Music volume 0-1 (BGM).")
    seed: int | None = Field(None, ge=0, description="Composition seed (BGM).")
    bpm: float | None = Field(None, ge=40, le=240, description="Tempo override (BGM).")
    fade_in: float | None = Field(None, ge=0, le=30, description="Fade in, seconds (BGM).")
    fade_out: float | None = Field(None, ge=0, le=30, description="Fade out, seconds (BGM).")
    duck: bool | None = Field(None, description="Duck music under loud game audio/voice (BGM).")
    duck_db: float | None = Field(None, ge=0, le=24, description="Extra ducking depth, dB.")
    text: str | None = Field(None, max_length=200, description="Overlay text (Title).")
    position: Literal["top", "center", "bottom"] | None = Field(None, description="Title place.")
    stingers: bool | None = Field(None, description="Accent hits on big game moments (BGM).")
    arc: Literal["auto", "calm", "intense"] | None = Field(
        None, description="Follow the gameplay's arcs (auto), or hold it calm or intense (BGM)."
    )
    climax_ms: int | None = Field(
        None, ge=0, description="Build up to a climax at this time on the timeline, ms (BGM)."
    )

    @model_validator(mode="wrap")
    @classmethod
    def _read_units(cls, data: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        sent: dict[str, float] = {}
        if isinstance(data, dict):
            data = dict(data)
            for key, (limit, factor) in _UNITS.items():
                value = data.get(key)
                if isinstance(value, int | float) and not isinstance(value, bool) and value > limit:
                    sent[key], data[key] = value, value / factor
        meta = handler(data)
        if sent:
            meta._sent = sent
        return meta

    @model_serializer(mode="wrap")
    def _write_units(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> dict[str, Any]:
        data = _Model._as_given(self, handler, info)
        for key, raw in self._sent.items():
            value, factor = data.get(key), _UNITS[key][1]
            if isinstance(value, int | float):
                data[key] = raw if abs(value - raw / factor) < 1e-9 else _number(value * factor)
        return data


class Segment(_Model):
    """A stretch of a track. The cloud gives its end (`e`) or its length (`d`); whichever it
    gave is what changes when the segment is moved."""

    start_ms: int = Field(0, alias="s", ge=0, description="Start on the timeline, ms.")
    end_ms: int = Field(0, alias="e", ge=0, description="End on the timeline, ms.")
    length_ms: int | None = Field(
        None, alias="d", ge=0, description="Length, ms, when the cloud sends it instead of e."
    )
    source: str | None = Field(None, alias="src", description="Media id or URL.")
    meta: TrackMeta | None = Field(
        None, alias="m", description="Metadata the cloud may keep here instead of the track."
    )

    def _by_length(self) -> bool:
        return self.length_ms is not None and "end_ms" not in self.model_fields_set

    @model_validator(mode="after")
    def _end_from_length(self) -> Segment:
        if self._by_length():
            object.__setattr__(self, "end_ms", self.start_ms + (self.length_ms or 0))
        return self

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("start_ms", "end_ms") and self._by_length():
            end = value if name == "end_ms" else self.end_ms
            if name == "start_ms":
                super().__setattr__("start_ms", value)
            super().__setattr__("length_ms", max(0, end - self.start_ms))
            return
        super().__setattr__(name, value)


class Track(_Model):
    type: int = Field(alias="tt", description="0 video, 1 audio, 7 text.")
    segments: list[Segment] = Field(default_factory=list, alias="sg")
    meta: TrackMeta = Field(default_factory=TrackMeta, alias="m")
    _own_meta: bool = PrivateAttr(False)  # the track sent an (empty) m of its own

    @model_validator(mode="after")
    def _meta_from_segment(self) -> Track:
        """Metadata sent on the segment is the track's metadata (the same object)."""
        if self._borrowed() or self.meta.model_dump(exclude_none=True):
            return self
        found = next((s.meta for s in self.segments if s.meta is not None), None)
        if found is not None:
            self._own_meta = "meta" in self.model_fields_set
            object.__setattr__(self, "meta", found)
        return self

    def _borrowed(self) -> bool:
        return any(s.meta is self.meta for s in self.segments)

    @model_serializer(mode="wrap")
    def _meta_once(
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ) -> dict[str, Any]:
        data = _Model._as_given(self, handler, info)
        if self._borrowed():
            key = "m" if info.by_alias else "meta"
            data.pop(key, None)
            if self._own_meta:
                data[key] = {}
        return data

    @property
    def start_ms(self) -> int:
        return min((s.start_ms for s in self.segments), default=0)

    @property
    def end_ms(self) -> int:
        return max((s.end_ms for s in self.segments), default=0)


class DraftMeta(_Model):
    name: str | None = Field(None, description="Project name.")
    aspect: Aspect | None = Field(None, description="Output aspect; auto follows the input.")
    original_audio: Literal["keep", "mute"] | None = Field(
        None, description="Keep or mute the recording's own sound."
    )
    height: int | None = Field(None, description="Output short side in pixels (1080).")
    game_volume: float | None = Field(
        None, ge=0, le=2, description="Gain of the recording's own sound; 1 = as recorded."
    )


class Draft(_Model):
    tracks: list[Track] = Field(default_factory=list, alias="t")
    duration_ms: int = Field(
        0, alias="d", ge=0, description="Length, ms; from the tracks if unsent."
    )
    meta: DraftMeta = Field(default_factory=DraftMeta, alias="m")

    @model_validator(mode="after")
    def _length_from_tracks(self) -> Draft:
        if "duration_ms" not in self.model_fields_set:
            end = max((t.end_ms for t in self.tracks), default=0)
            object.__setattr__(self, "duration_ms", end)
        return self

    def of_type(self, tt: int) -> list[Track]:
        return [t for t in self.tracks if t.type == tt]

    @property
    def video(self) -> Track | None:
        return next(iter(self.of_type(VIDEO)), None)

    @property
    def music(self) -> Track | None:
        return next(iter(self.of_type(AUDIO)), None)

    @property
    def titles(self) -> list[Track]:
        return self.of_type(TEXT)

    def copy_deep(self) -> Draft:
        return Draft.model_validate(self.dump())


def _secs(ms: int) -> str:
    s = ms / 1000
    return f"{s:.0f}" if abs(s - round(s)) < 0.05 else f"{s:.1f}"


def _track_line(i: int, track: Track, lang: str = "en") -> str:
    zh = lang == "zh"
    kinds = _KINDS_ZH if zh else TRACK_KINDS
    kind = kinds.get(track.type, f"Track type {track.type}")
    m = track.meta
    span = f"{_secs(track.start_ms)}-{_secs(track.end_ms)}{' 秒' if zh else 's'}"
    if track.type == TEXT:
        text = m.text or m.name or ""
        return f"{i}. {kind}：“{text}”（{span}）" if zh else f'{i}. {kind}: "{text}" ({span})'
    label = m.name or m.style or ("clip" if track.type == VIDEO else "music")
    if zh and track.type == AUDIO:
        label = _style_zh(m.style, m.name) or label
    if track.type == AUDIO and m.volume is not None:
        span += f"{'，' if zh else ', '}{round(m.volume * 100)}%"
    return f"{i}. {kind}：{label}（{span}）" if zh else f"{i}. {kind}: {label} ({span})"


_KINDS_ZH = {VIDEO: "视频", AUDIO: "背景音乐", TEXT: "标题"}


def _style_zh(style: str | None, name: str | None) -> str | None:
    """Our style's Chinese name, unless the music was given another name (by the cloud)."""
    from gamemusic.words.vocabulary import STYLE_TITLES, STYLE_ZH

    if style in STYLE_ZH and name in (None, STYLE_TITLES.get(style)):
        return STYLE_ZH[style]
    return None


def timeline_summary(draft: Draft, lang: str = "en") -> str:
    """`Timeline (3 tracks): 1. Video: ranked match (0-120s) 2. BGM: Retro Chiptune (0-120s, 35%)
    ...`; in Chinese `时间线（3 条轨道）：1. 视频：ranked match（0-120 秒） 2. 背景音乐：...`."""
    n = len(draft.tracks)
    lines = " ".join(_track_line(i, t, lang) for i, t in enumerate(draft.tracks, 1))
    if lang == "zh":
        return f"时间线（{n} 条轨道）：{lines or '空'}"
    if n == 0:
        return "Timeline (0 tracks): empty"
    return f"Timeline ({n} track{'s' if n != 1 else ''}): {lines}"


def describe_changes(before: Draft, after: Draft) -> str:
    """What changed between two drafts, in words: tracks added or removed, style, volume,
    ranges, titles. Used when the cloud editor changed the draft without saying so."""
    if before.dump() == after.dump():
        return "No changes to the timeline."

    def key(t: Track) -> tuple[int, str]:
        return (t.type, t.meta.media or t.meta.text or t.meta.name or t.meta.style or "")

    def label(t: Track) -> str:
        return _track_line(0, t).split(": ", 1)[1]

    def kind(t: Track) -> str:
        return TRACK_KINDS.get(t.type, f"track type {t.type}")

    said: list[str] = []
    old = list(before.tracks)
    for new in after.tracks:
        match = next((t for t in old if key(t) == key(new)), None)
        if match is None:
            match = next((t for t in old if t.type == new.type), None)
        if match is None:
            said.append(f"added {kind(new)}: {label(new)}")
            continue
        old.remove(match)
        a, b = match.meta, new.meta
        if a.style != b.style or (new.type == AUDIO and a.name != b.name):
            said.append(f"{kind(new)} style {a.name or a.style or 'none'} -> {b.name or b.style}")
        if a.volume != b.volume and b.volume is not None:
            was = "unset" if a.volume is None else f"{round(a.volume * 100)}%"
            said.append(f"{kind(new)} volume {was} -> {round(b.volume * 100)}%")
        if a.text != b.text:
            said.append(f'{kind(new)} text "{a.text or ""}" -> "{b.text or ""}"')
        if (match.start_ms, match.end_ms) != (new.start_ms, new.end_ms):
            said.append(
                f"{kind(new)} range {_secs(match.start_ms)}-{_secs(match.end_ms)}s"
                f" -> {_secs(new.start_ms)}-{_secs(new.end_ms)}s"
            )
        for field in ("fade_in", "fade_out", "duck", "bpm", "position"):
            if getattr(a, field) != getattr(b, field):
                said.append(f"{kind(new)} {field.replace('_', ' ')} -> {getattr(b, field)}")
    said += [f"removed {kind(t)}: {label(t)}" for t in old]
    if before.duration_ms != after.duration_ms:
        said.append(f"length {_secs(before.duration_ms)}s -> {_secs(after.duration_ms)}s")
    if not said:
        said.append("timeline settings updated")
    text = "; ".join(said)
    return text[0].upper() + text[1:] + "."
