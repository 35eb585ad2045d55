"""Free text -> the action it asks for (the router), by the intent table of DESIGN.md (English and 中文).

    export   export, download, render, send me the video, ship it, 导出, 下载, 渲染
    credits  credits, balance, 积分, 余额
    state    status, show tracks, timeline, "is it done yet?", 状态, 轨道, 进度, 好了没
    upload   upload, 上传, or a file path / http(s) URL in the text
    edit     anything else

Rules, in order (words inside quotes never count as keywords: 'add title "Export"' is an edit):
1. An upload word, or a path or URL without an export word, routes to upload. `path` holds it; `instruction` holds
   what else the sentence asks for when that parses as an edit ("upload clip.mp4 and add
   chiptune"), to apply after the upload.
2. A status word together with export ("export status", "导出进度") asks about the job: state.
3. With an export / credits / state word, the rest of the sentence (the keyword taken out)
   decides: if it is an edit request ("export it with chiptune music", "render in 9:16"),
   the action is edit with `and_export` set when export was asked for, so the caller edits
   first and then exports; if it is only filler ("send me the video please"), the keyword's
   action wins ("export to ~/out.mp4" keeps the path as the output). A rest that mentions something editable but also words we don't know routes
   to edit, so the edit's error explains what was not understood.
4. Otherwise: edit, with `instruction` = the whole text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from gamemusic.errors import BadInput
from gamemusic.words.parser import parse
from gamemusic.words.text import FLAGS, QUOTED_RE, Lang, detect_lang, normalize, quoted_text

Action = Literal["export", "credits", "state", "upload", "edit"]

__all__ = ["Action", "Intent", "detect_lang", "find_path", "route"]


@dataclass(frozen=True)
class Intent:
    action: Action
    lang: Lang
    path: str | None = None  # upload: the file or URL; export: an output path if one was named
    instruction: str | None = None  # the edit to apply (edit; upload/edit's extra request)
    and_export: bool = False  # edit, then export ("export it in 9:16")


# "is it done yet?", "how's the render going", "where's my video", 好了没, 做好了吗: the job
_HOW_IS_IT = (
    r"\bis\s+(?:it|the\s+(?:video|render|export))\s+(?:done|ready|finished)\b"
    r"|\bhow(?:'s|\s+is)\s+(?:it|the\s+(?:render|export|video))\s+(?:going|coming\s+along)\b"
    r"|\bwhere(?:'s|\s+is)\s+(?:my|the)\s+(?:video|render|export|file)\b"
    r"|(?:好了|完成了|做好了|渲染好了|导出好了)(?:没|吗|没有)|视频在哪"
)
_KEYWORDS: dict[str, re.Pattern[str]] = {
    k: re.compile(p, FLAGS)
    for k, p in {
        "upload": r"\b(?:upload(?:ed|ing)?|import)\b|上传|导入",
        "status": rf"\b(?:status|progress)\b|{_HOW_IS_IT}|状态|进度",
        "export": r"\b(?:export(?:ed|ing)?|download|render|finali[sz]e)\b|\bsend\s+(?:me\s+|it\s+|"
        r"over\s+)(?:the\s+)?(?:video|file|mp4|result|it)?|\bgive\s+me\s+the\s+(?:video|file|mp4|"
        r"result|final\s+(?:video|cut))\b|\bsave\s+(?:it|the\s+video)\b|导出|下载|渲染|出片|输出视频|"
        r"生成视频|发给我|发我|\bship\s+it\b",
        "credits": r"\b(?:credits?|balance|quota)\b|积分|余额|点数|额度",
        "state": r"\b(?:status|state|progress|tracks|timeline|draft)\b|\bshow\s+(?:me\s+)?(?:the\s+)?"
        r"(?:tracks|timeline|draft|edit)\b|\bwhat(?:'s|\s+is)\s+on\s+the\s+timeline\b|状态|轨道|"
        rf"时间线|进度|当前设置|{_HOW_IS_IT}",
    }.items()
}
_MEDIA_EXT = r"(?:mp4|mov|avi|webm|mkv|m4v|jpe?g|png|gif|webp|mp3|wav|m4a|aac)"
_URL = re.compile(r"https?://[^\s'\"“”‘’「」<>，。；]+", FLAGS)
_PATH = re.compile(
    r"(?:(?<![\w/.:])(?:~|\.{1,2})?/[^\s'\"“”「」，。；;,]+|\b[a-z]:\\[^\s'\"“”「」，。；;,]+"
    rf"|[^\s'\"“”‘’「」『』，。；;,:]+\.{_MEDIA_EXT})(?![\w])",
    FLAGS,
)
_PATH_PREFIX = re.compile(r"^(?:~|\.{1,2})?/|^[a-z]:[\\/]|^\\\\|^https?://", FLAGS)
_ZH_LEAD = re.compile(
    r"^(?:请|帮我)?(?:上传|导入|打开|用|把)?(?:一下)?(?:这个|我的)?(?:视频|文件|录像)?[:：]?"
)


def find_path(text: str) -> tuple[str, int, int] | None:
    """The first file path or http(s) URL in `text`, with its span (quoted or not)."""
    for m in QUOTED_RE.finditer(text):
        inner = quoted_text(m).strip()
        if _PATH_PREFIX.match(inner) or re.fullmatch(rf"\S+\.{_MEDIA_EXT}", inner, FLAGS):
            return inner, m.start(), m.end()
    masked = QUOTED_RE.sub(lambda m: " " * len(m.group(0)), text)
    m = _URL.search(masked) or _PATH.search(masked)
    if m is None:
        return None
    raw = m.group(0).rstrip(".,;:!?)]}。，；！？")
    lead = _ZH_LEAD.match(raw)
    cut = lead.end() if lead and m.re is _PATH and lead.end() < len(raw) else 0
    if not raw[cut:]:
        return None
    return raw[cut:], m.start() + cut, m.start() + len(raw)


def _outside_quotes(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    quotes = [(q.start(), q.end()) for q in QUOTED_RE.finditer(text)]
    return [
        m
        for m in pattern.finditer(text)
        if not any(s <= m.start() < e for s, e in quotes) and m.group(0).strip()
    ]


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    for s, e in sorted(spans, reverse=True):
        text = f"{text[:s]} {text[e:]}"
    return re.sub(r"\s+", " ", text).strip()


def _edit_in(rest: str) -> bool | None:
    """True: `rest` is an edit request; None: it names something editable but has unknown
    words; False: nothing editable in it."""
    if not rest:
        return False
    try:
        plan = parse(rest)
    except BadInput as exc:
        return None if exc.context.get("recognized") else False
    return not plan.is_empty or bool(plan.unsupported or plan.question)


def route(text: str) -> Intent:
    """Which action `text` asks for. Never raises: unknown text is an edit, and the edit
    reports what it did not understand."""
    lang = detect_lang(text)
    norm = normalize(text)
    found = find_path(norm)
    spans = [(found[1], found[2])] if found else []
    hits = {k: _outside_quotes(p, norm) for k, p in _KEYWORDS.items()}

    def rest_without(*keys: str) -> str:
        taken = spans + [(m.start(), m.end()) for k in keys for m in hits[k]]
        return _without(norm, taken)

    if hits["upload"] or (found and not hits["export"]):
        rest = rest_without("upload")
        return Intent("upload", lang, found[0] if found else None,
                      instruction=rest if _edit_in(rest) else None)  # fmt: skip
    if hits["export"] and hits["status"]:
        return Intent("state", lang)
    actions: tuple[Action, ...] = ("export", "credits", "state")
    for action in actions:
        if hits[action]:
            rest = rest_without(action)
            if _edit_in(rest) is not False:
                return Intent("edit", lang, instruction=rest, and_export=action == "export")
            path = found[0] if found and action == "export" else None
            return Intent(action, lang, path)
    return Intent("edit", lang, instruction=norm.strip())
