"""GUI wording -> actions.

The cloud agent talks as if the user had its web editor open ("Click Export", "拖拽音乐到
0:05"). The user has no such editor, so `translate` takes every sentence that asks for a GUI
gesture out of the reply and returns an `Action` the backend carries out instead:

    click / tap / 点击 ...         "state"    (or the matching action: export, preview, credits)
    open / 打开                     "state"    read the state and show it
    drag / drop / 拖拽              "message"  a move the agent may have to make itself (below)
    preview in timeline / 预览      "timeline" show the text timeline summary
    Export / download / 导出        "export"   point at the export workflow
    an optional move ("drag it if you want", "you can drag", "可以拖动")
                                    "tip"      words for the user; nothing is sent

Every message to the agent is charged, so a "message" is only a candidate: the backend sends
it (once per user edit at most) when `still_missing` finds the requested change absent from
the state read after the stream.

Pure and synchronous: text in, rewritten text and actions out; `done` words what the backend
did for an action, in the user's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from gamemusic.draft import AUDIO, TEXT, VIDEO, Draft, Track

Kind = Literal["export", "timeline", "state", "credits", "message", "upload", "tip"]

_I = re.IGNORECASE
EXPORT = re.compile(r"\bexport\b|\bdownload\b|\brender\b|导出|下载", _I)
PREVIEW = re.compile(r"\bpreview\b|预览", _I)
TIMELINE = re.compile(r"\btimeline\b|时间线|时间轴", _I)
DRAG = re.compile(r"\bdrag\b|\bdrop\b.*\b(on|onto|into|in|to)\b|拖拽|拖动|拖到|拖入", _I)
OPEN = re.compile(r"\bopen\b|打开", _I)
CLICK = re.compile(r"\b(click|tap|press|hit|select)\b|点击|单击|点一下", _I)
CREDITS = re.compile(r"\bcredits?\b|\bbalance\b|积分|余额", _I)
UPLOAD = re.compile(r"\bupload\b|上传", _I)
GESTURE = re.compile(f"{DRAG.pattern}|{OPEN.pattern}|{CLICK.pattern}", _I)
SENTENCE = re.compile(r"[^.!?。！？\n]+[.!?。！？]*")
OPTIONAL = re.compile(
    r"\bif you (?:want|like|wish|prefer|need)\b|\byou (?:can|could|may)\b|\bfeel free\b"
    r"|\boptional(?:ly)?\b|\bany ?time\b|\bif needed\b|\bwhenever\b"
    r"|如果|可以|随时|如有需要",
    _I,
)
TIME = re.compile(r"(?<![\d:])(\d{1,2}):([0-5]\d)(?![\d:])|(\d+(?:\.\d+)?)\s*(?:s\b|sec|秒)", _I)
KINDS = (
    (AUDIO, re.compile(r"\b(?:music|bgm|audio|soundtrack|song|track)\b|音乐|配乐|背景音", _I)),
    (TEXT, re.compile(r"\b(?:title|text|caption|subtitle)s?\b|标题|字幕|文字", _I)),
    (VIDEO, re.compile(r"\b(?:video|clip|footage)\b|视频|片段", _I)),
)


@dataclass(frozen=True)
class Action:
    kind: Kind
    detail: str = ""


@dataclass
class Translation:
    text: str
    actions: list[Action]


def _actions(sentence: str) -> list[Action]:
    """The actions a sentence asks for; empty when it is not a GUI instruction."""
    gesture = GESTURE.search(sentence)
    found: list[Action] = []
    if DRAG.search(sentence) and OPTIONAL.search(sentence):
        found.append(Action("tip", sentence.strip()))  # "drag it if you want": never sent
    elif DRAG.search(sentence):
        found.append(Action("message", f"Please make this change yourself: {sentence.strip()}"))
    dragged = bool(found)  # "onto the timeline" is where to drop, not a wish to see it
    if PREVIEW.search(sentence) or (gesture and TIMELINE.search(sentence) and not dragged):
        found.append(Action("timeline"))
    if EXPORT.search(sentence):
        found.append(Action("export"))
    if gesture and not found:
        if CREDITS.search(sentence):
            found.append(Action("credits"))
        elif UPLOAD.search(sentence):
            found.append(Action("upload"))
        else:
            found.append(Action("state"))
    return found


def translate(text: str) -> Translation:
    """Split GUI instructions out of `text`. Returns the remaining text and the actions, in
    order, without duplicates."""
    kept_lines: list[str] = []
    actions: list[Action] = []
    for line in text.splitlines():
        kept: list[str] = []
        for sentence in SENTENCE.findall(line):
            asked = _actions(sentence)
            if not asked:
                kept.append(sentence.strip())
            actions += [a for a in asked if a not in actions]
        if kept or not line.strip():
            kept_lines.append(" ".join(s for s in kept if s))
    rewritten = re.sub(r"\n{3,}", "\n\n", "\n".join(kept_lines)).strip()
    return Translation(rewritten, actions)


DONE: dict[Kind, tuple[str, str]] = {
    "export": (
        "When you are happy with it, ask to export: I render and download the MP4.",
        "满意后说“导出”，我会渲染并下载 MP4。",
    ),
    "timeline": ("Preview: {timeline}", "预览：{timeline}"),
    "state": ("Current project: {timeline}", "当前项目：{timeline}"),
    "credits": ("Credits: {credits} available.", "可用积分：{credits}。"),
    "upload": (
        "To add another clip, give me its file path or URL.",
        "要再加一段视频，请给我文件路径或链接。",
    ),
    "tip": (
        'To move or change anything else, just say so (e.g. "start the music at 0:05").',
        "还想移动或修改什么，直接告诉我（例如“音乐从0:05开始”）。",
    ),
}


def _times_ms(text: str) -> list[int]:
    found = []
    for m in TIME.finditer(text):
        seconds = int(m[1]) * 60 + int(m[2]) if m[1] else float(m[3])
        found.append(round(seconds * 1000))
    return found


def _kind(text: str) -> int | None:
    return next((kind for kind, words in KINDS if words.search(text)), None)


def still_missing(action: Action, instruction: str, before: Draft, after: Draft) -> bool:
    """Whether the move a "message" action asks for is absent from the state after the turn.

    The move's time (0:05, 5 s) and track (music, title, video) come from the editor's
    sentence, else from the user's instruction. With a time: missing unless such a track
    starts or ends there. Without one: missing unless such a track exists (any track
    when none is named) and, with no track named, the draft changed at all."""
    times = _times_ms(action.detail) or _times_ms(instruction)
    kind = _kind(action.detail.replace("Please make this change yourself:", ""))
    kind = kind if kind is not None else _kind(instruction)
    tracks: list[Track] = after.of_type(kind) if kind is not None else after.tracks
    if times:
        edges = [edge for t in tracks for s in t.segments for edge in (s.start_ms, s.end_ms)]
        return not any(abs(edge - at) <= 250 for edge in edges for at in times)
    if kind is not None:
        return not tracks
    return before.dump() == after.dump()


def done(action: Action, lang: str, *, timeline: str, credits: float | None = None) -> str:
    """What the backend did in place of the GUI step, for the user."""
    en, zh = DONE.get(action.kind, DONE["state"])
    left = "?" if credits is None else f"{credits:g}"
    return (zh if lang == "zh" else en).format(timeline=timeline, credits=left)
