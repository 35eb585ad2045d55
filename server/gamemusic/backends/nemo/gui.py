"""GUI wording -> actions.

The cloud agent talks as if the user had its web editor open ("Click Export", "拖拽音乐到
0:05"). The user has no such editor, so `translate` takes every sentence that asks for a GUI
gesture out of the reply and returns an `Action` the backend carries out instead:

    click / tap / 点击 ...         "state"    (or the matching action: export, preview, credits)
    open / 打开                     "state"    read the state and show it
    drag / drop / 拖拽              "message"  send the move to the agent as an edit message
    preview in timeline / 预览      "timeline" show the text timeline summary
    Export / download / 导出        "export"   point at the export workflow

Pure and synchronous: text in, rewritten text and actions out; `done` words what the backend
did for an action, in the user's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["export", "timeline", "state", "credits", "message", "upload"]

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
    if DRAG.search(sentence):
        found.append(Action("message", f"Please make this change yourself: {sentence.strip()}"))
    if PREVIEW.search(sentence) or (gesture and TIMELINE.search(sentence)):
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
}


def done(action: Action, lang: str, *, timeline: str, credits: float | None = None) -> str:
    """What the backend did in place of the GUI step, for the user."""
    en, zh = DONE.get(action.kind, DONE["state"])
    left = "?" if credits is None else f"{credits:g}"
    return (zh if lang == "zh" else en).format(timeline=timeline, credits=left)
