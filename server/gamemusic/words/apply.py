"""Apply an `EditPlan` to a `Draft`: a new draft plus the changes in the user's words.

Draft semantics (what the renderers read):

- BGM is the first track with tt 1. Its meta: name (style title), style, volume 0-1, seed,
  bpm (None = the style's default), fade_in / fade_out (s), duck, duck_db. Its one segment
  is where the music plays. A plan that touches the music when there is none adds the
  default style first, and says so.
- Titles are tt 7 tracks, one per overlay: meta.text, meta.position, one segment.
- BGM meta also carries the arrangement overrides the composer reads: stingers (bool), arc
  (auto / calm / intense) and climax_ms.
- draft.meta: aspect ("auto" follows the input), height (1080), original_audio (keep/mute),
  game_volume (gain 0-2 of the recording's own sound; None = 1).
- Track order: video, BGM, titles, then anything else the cloud sent.

Undo and redo are the caller's: it keeps the history (`Project.undo/redo`), so a plan with
only `undo`/`redo` comes back unchanged with no changes listed.
"""

from __future__ import annotations

from pathlib import PurePath

from gamemusic import defaults
from gamemusic.draft import AUDIO, TEXT, VIDEO, Draft, Segment, Track, TrackMeta
from gamemusic.errors import BadInput
from gamemusic.sessions import Media
from gamemusic.words.plan import EditPlan, TextOverlay, TimeRange
from gamemusic.words.text import fmt_seconds, say
from gamemusic.words.vocabulary import STYLE_TITLES, STYLE_ZH

DEFAULT_STYLE = "chiptune"
DEFAULTS = {
    "volume": defaults.VOLUME,
    "seed": 1,
    "fade_in": defaults.FADE_IN_S,
    "fade_out": defaults.FADE_OUT_S,
    "duck": defaults.DUCK,
    "duck_db": defaults.DUCK_DB,
}
MIN_VOLUME = 0.05
MAX_GAME_VOLUME = 2.0
TITLE_SECONDS = 3.0
_ORDER = {VIDEO: 0, AUDIO: 1, TEXT: 2}
_ASPECT_NAMES = {"16:9": ("landscape 16:9", "横屏 16:9"), "9:16": ("vertical 9:16", "竖屏 9:16"),
                 "1:1": ("square 1:1", "方形 1:1"), "auto": ("same as the video", "跟随原视频")}  # fmt: skip


def new_draft(media: Media) -> Draft:
    """The draft right after an upload: the video alone, no music yet."""
    d = media.duration_ms
    video = Track(
        type=VIDEO,
        meta=TrackMeta(name=PurePath(media.name).stem or media.name, media=media.id),
        segments=[Segment(start_ms=0, end_ms=d)],
    )
    return Draft(tracks=[video], duration_ms=d)


def style_title(style: str | None, lang: str = "en") -> str:
    if style is None:
        return say(lang, "music", "音乐")
    return say(lang, STYLE_TITLES.get(style, style), STYLE_ZH.get(style, style))


def default_bpm(style: str) -> float:
    """The style's own tempo, from the music registry (an unknown cloud style: the default's)."""
    from gamemusic.music import STYLES  # lazy: parsing and editing need no numpy

    preset = STYLES.get(style) or STYLES[DEFAULT_STYLE]
    return float(preset.default_bpm)


def apply_plan(
    draft: Draft, plan: EditPlan, *, media: Media, lang: str = "en"
) -> tuple[Draft, list[str]]:
    """A new draft with `plan` applied (the input is not touched) and what changed, in words."""
    new = draft.copy_deep()
    edit = _Editing(new, lang, new.duration_ms or media.duration_ms)
    edit.music(plan)
    edit.picture(plan)
    edit.titles(plan)
    new.tracks = sorted(new.tracks, key=lambda t: _ORDER.get(t.type, 3))
    return new, edit.changes


class _Editing:
    def __init__(self, draft: Draft, lang: str, duration_ms: int):
        self.draft, self.lang, self.d = draft, lang, duration_ms
        self.changes: list[str] = []

    def say(self, en: str, zh: str) -> None:
        self.changes.append(say(self.lang, en, zh))

    # ---- music ------------------------------------------------------------------------------
    def music(self, plan: EditPlan) -> None:
        if plan.original_audio:
            self.draft.meta.original_audio = plan.original_audio
            if plan.original_audio == "mute":
                self.say("Game audio muted", "原声已静音")
            else:
                self.say("Game audio kept", "保留原声")
        self.game_volume(plan)
        if plan.remove_music:
            self.remove_music()
        wants = bool(plan.style or plan.add_music or plan.music_settings)
        if not wants:
            return
        bgm = self.draft.music
        if bgm is None:
            bgm = self.add_music(plan.style or DEFAULT_STYLE, implied=not plan.style)
        elif plan.style:
            self.restyle(bgm, plan.style)
        elif plan.add_music and not plan.music_settings:
            self.say(f"Music is already there: {style_title(bgm.meta.style)}",
                     f"已经有音乐了：{style_title(bgm.meta.style, 'zh')}")  # fmt: skip
        m = bgm.meta
        self.volume(m, plan)
        if plan.range is not None:
            s, e = self.resolve(plan.range)
            bgm.segments = [Segment(start_ms=s, end_ms=e)]
            self.say(f"Music plays {_span(s, e)}", f"音乐播放区间 {_span(s, e)}")
        for key, en, zh in (("fade_in", "Fade in", "淡入"), ("fade_out", "Fade out", "淡出")):
            value = getattr(plan, key)
            if value is not None:
                setattr(m, key, value)
                self.say(f"{en} {value:g} s" if value else f"{en} off",
                         f"{zh} {value:g} 秒" if value else f"{zh}关闭")  # fmt: skip
        self.ducking(m, plan)
        self.tempo(m, plan)
        if plan.seed is not None or plan.new_take:
            m.seed = plan.seed if plan.seed is not None else (m.seed or 0) + 1
            self.say(f"New take (seed {m.seed})", f"换了一版（种子 {m.seed}）")
        self.arrangement(m, plan)

    def game_volume(self, plan: EditPlan) -> None:
        if plan.game_volume is None and plan.game_volume_factor is None:
            return
        meta = self.draft.meta
        old = meta.game_volume if meta.game_volume is not None else defaults.GAME_VOLUME
        new = old if plan.game_volume is None else plan.game_volume
        if plan.game_volume_factor is not None:
            new *= plan.game_volume_factor
            new = max(MIN_VOLUME, new) if plan.game_volume_factor < 1 else new
        meta.game_volume = round(min(MAX_GAME_VOLUME, max(0.0, new)), 3)
        if meta.original_audio == "mute" and plan.original_audio is None and meta.game_volume > 0:
            meta.original_audio = "keep"
            self.say("Game audio unmuted", "原声已取消静音")
        if meta.game_volume == old:
            self.say(f"Game audio stays at {_pct(old)}", f"原声音量保持 {_pct(old)}")
        else:
            self.say(f"Game audio {_pct(old)} -> {_pct(meta.game_volume)}",
                     f"原声音量 {_pct(old)} -> {_pct(meta.game_volume)}")  # fmt: skip

    def arrangement(self, m: TrackMeta, plan: EditPlan) -> None:
        if plan.stingers is not None:
            m.stingers = plan.stingers
            self.say("Stingers on big moments: on" if plan.stingers else "Stingers off",
                     "精彩时刻的重音：开" if plan.stingers else "重音关闭")  # fmt: skip
        if plan.arc is not None:
            m.arc = plan.arc
            en = {"auto": "follows the gameplay", "calm": "stays calm", "intense": "stays intense"}
            zh = {"auto": "跟随游戏起伏", "calm": "保持平静", "intense": "保持激烈"}
            self.say(f"Music {en[plan.arc]}", f"音乐{zh[plan.arc]}")
        if plan.climax is not None:
            ms = min(round(plan.climax * 1000), self.d)
            m.climax_ms = ms
            self.say(f"Builds up to a climax at {fmt_seconds(ms / 1000)}",
                     f"在 {fmt_seconds(ms / 1000)} 推向高潮")  # fmt: skip

    def remove_music(self) -> None:
        bgm = self.draft.music
        if bgm is None:
            self.say("There was no music to remove", "本来就没有音乐")
            return
        self.draft.tracks = [t for t in self.draft.tracks if t is not bgm]
        self.say(f"Music removed ({style_title(bgm.meta.style)})",
                 f"已去掉音乐（{style_title(bgm.meta.style, 'zh')}）")  # fmt: skip

    def add_music(self, style: str, *, implied: bool) -> Track:
        meta = TrackMeta(name=STYLE_TITLES.get(style, style), style=style, **DEFAULTS)
        bgm = Track(type=AUDIO, meta=meta, segments=[Segment(start_ms=0, end_ms=self.d)])
        self.draft.tracks.append(bgm)
        title, zh = style_title(style), style_title(style, "zh")
        if implied:
            self.say(f"No music yet, so I added {title} first (35%)",
                     f"还没有音乐，先加上了{zh}（35%）")  # fmt: skip
        else:
            self.say(f"Added music: {title} ({_span(0, self.d)}, 35%)",
                     f"已加音乐：{zh}（{_span(0, self.d)}，35%）")  # fmt: skip
        return bgm

    def restyle(self, bgm: Track, style: str) -> None:
        old = bgm.meta.style
        if old == style:
            self.say(f"Style is already {style_title(style)}",
                     f"风格已经是{style_title(style, 'zh')}")  # fmt: skip
            return
        bgm.meta.style, bgm.meta.name = style, STYLE_TITLES.get(style, style)
        self.say(f"Style: {style_title(old)} -> {style_title(style)}",
                 f"风格：{style_title(old, 'zh')} -> {style_title(style, 'zh')}")  # fmt: skip

    def volume(self, m: TrackMeta, plan: EditPlan) -> None:
        if plan.volume is None and plan.volume_factor is None:
            return
        old = m.volume if m.volume is not None else DEFAULTS["volume"]
        new = old if plan.volume is None else plan.volume
        if plan.volume_factor is not None:
            new *= plan.volume_factor
            new = max(MIN_VOLUME, new) if plan.volume_factor < 1 else min(1.0, new)
        m.volume = round(min(1.0, max(0.0, new)), 3)
        if m.volume == old:
            self.say(f"Volume stays at {_pct(old)}", f"音量保持 {_pct(old)}")
        else:
            self.say(
                f"Volume {_pct(old)} -> {_pct(m.volume)}", f"音量 {_pct(old)} -> {_pct(m.volume)}"
            )

    def ducking(self, m: TrackMeta, plan: EditPlan) -> None:
        if plan.duck is None and plan.duck_db is None and plan.duck_step is None:
            return
        was_on = m.duck is not False
        m.duck = plan.duck if plan.duck is not None else True
        if plan.duck_db is not None:
            m.duck_db = plan.duck_db
        if not m.duck:
            self.say("Ducking off", "闪避关闭")
            return
        db = m.duck_db if m.duck_db is not None else DEFAULTS["duck_db"]
        if plan.duck_step is not None and was_on:  # already dipping: dip deeper
            db = min(24.0, db + plan.duck_step)
        m.duck_db = db
        self.say(f"Ducking on ({db:g} dB under voice and loud game audio)",
                 f"闪避开启（人声和游戏声大时压低 {db:g} dB）")  # fmt: skip

    def tempo(self, m: TrackMeta, plan: EditPlan) -> None:
        if plan.bpm is None and plan.tempo_factor is None:
            return
        base = m.bpm if m.bpm is not None else default_bpm(m.style or DEFAULT_STYLE)
        new = plan.bpm if plan.bpm is not None else base
        if plan.tempo_factor is not None:
            new = round(new * plan.tempo_factor)
        m.bpm = float(min(240.0, max(40.0, new)))
        self.say(f"Tempo {base:g} -> {m.bpm:g} BPM", f"节奏 {base:g} -> {m.bpm:g} BPM")

    # ---- picture and titles -----------------------------------------------------------------
    def picture(self, plan: EditPlan) -> None:
        if plan.aspect:
            self.draft.meta.aspect = plan.aspect
            en, zh = _ASPECT_NAMES[plan.aspect]
            self.say(f"Aspect: {en}", f"画幅：{zh}")
        if plan.height:
            self.draft.meta.height = plan.height
            self.say(f"Output {plan.height}p", f"输出 {plan.height}p")

    def titles(self, plan: EditPlan) -> None:
        if plan.remove_titles:
            n = len(self.draft.titles)
            self.draft.tracks = [t for t in self.draft.tracks if t.type != TEXT]
            self.say(f"Removed {n} title(s)", f"已删除 {n} 个标题")
        for overlay in plan.titles:
            s, e = self.resolve(_title_range(overlay))
            position = overlay.position or ("center" if overlay.kind == "title" else "bottom")
            meta = TrackMeta(text=overlay.text, position=position)
            self.draft.tracks.append(
                Track(type=TEXT, meta=meta, segments=[Segment(start_ms=s, end_ms=e)])
            )
            label = say(self.lang, "Title" if overlay.kind == "title" else "Text",
                         "标题" if overlay.kind == "title" else "文字")  # fmt: skip
            self.say(f'{label} "{overlay.text}" {_span(s, e)} ({position})',
                     f"{label}“{overlay.text}” {_span(s, e)}（{_POS_ZH[position]}）")  # fmt: skip

    def resolve(self, rng: TimeRange) -> tuple[int, int]:
        """A range in ms, clipped to the video; BadInput when it starts past the end."""
        start, end = rng.resolve(self.d / 1000)
        s, e = round(start * 1000), min(round(end * 1000), self.d)
        if s >= self.d:
            length = fmt_seconds(self.d / 1000)
            raise BadInput(
                say(self.lang, f"{fmt_seconds(start)} is past the end: the video is {length} long.",
                     f"{fmt_seconds(start)} 超出了视频长度：视频只有 {length}。"),
                hint=say(self.lang, f"Use times between 0:00 and {length}.",
                          f"请用 0:00 到 {length} 之间的时间。"),
                code="out_of_range",
            )  # fmt: skip
        if e <= s and rng.before_end is not None:
            length, early = fmt_seconds(self.d / 1000), fmt_seconds(rng.before_end)
            raise BadInput(
                say(self.lang, f"The video is {length} long: music from {fmt_seconds(start)} that "
                    f"stops {early} before the end would not play at all.",
                    f"视频只有 {length}：从 {fmt_seconds(start)} 开始、结束前 {early} 停的音乐一秒也放不了。"),
                hint=say(self.lang, "Use a shorter gap before the end.", "请把结尾前空出的时间说短一些。"),
                code="out_of_range",
            )  # fmt: skip
        if e <= s:
            raise BadInput(
                say(self.lang, f"The range at {fmt_seconds(start)} has no length.",
                     f"{fmt_seconds(start)} 处的时间段长度为 0。"),
                hint=say(self.lang, "Give it a duration, e.g. 'for 3 s'.", "请给出时长，例如“3秒”。"),
                code="out_of_range",
            )  # fmt: skip
        return s, e


_POS_ZH = {"top": "顶部", "center": "居中", "bottom": "底部"}


def _title_range(overlay: TextOverlay) -> TimeRange:
    if overlay.range is not None:
        return overlay.range
    start = overlay.at or 0.0
    return TimeRange(start, start + (overlay.duration or TITLE_SECONDS))


def _pct(volume: float) -> str:
    return f"{round(volume * 100)}%"


def _span(s_ms: int, e_ms: int) -> str:
    return f"{fmt_seconds(s_ms / 1000)}-{fmt_seconds(e_ms / 1000)}"
