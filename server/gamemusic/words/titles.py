"""Titles and text overlays, taken out of the sentence before the other rules run.

    add title 'Boss Rush' for 3 s          add text "GG" at 1:00 for 2 seconds
    加标题「Boss Rush」3秒                   在1:00加文字“GG”持续2秒，在顶部

The quoted text keeps its case; the timing and place after it belong to the overlay.
`REMOVE` is the rule table for "remove the titles" / 去掉标题.
"""

from __future__ import annotations

import re

from gamemusic.words.plan import EditPlan, TextOverlay, TimeRange, Unsupported
from gamemusic.words.rules import A, B, Rule, State, bad, group, registrar, span
from gamemusic.words.text import CLOCK, DUR, FLAGS, QUOTED, TIME, quoted_text, seconds

REMOVE: list[Rule] = []
rule = registrar(REMOVE)


@rule(
    rf"(?:(?:最后|前|开头|结尾)\s*{DUR}|第?{TIME}\s*(?:以后|之后|后|以前|之前|到\s*第?{TIME}))(?:的)?(?:时候)?(?:不要|别|去掉|删掉|不显示)(?:有)?(?:字幕|标题|文字)"
)
def _part_without_titles(m: re.Match[str], st: State) -> None:
    """最后10秒不要字幕: titles are placed by their own time, not cut from a part."""
    st.plan.unsupported.append(Unsupported(
        "removing titles from part of the video", "只去掉一段时间里的字幕",
        "Say when each title shows ('title 'GG' from 0:10 to 0:15'), or remove the titles.",
        "请说字幕什么时候出现（“字幕「GG」从0:10到0:15”），或者去掉字幕。"))  # fmt: skip


@rule(
    rf"(?:大标题|标题|字幕|文字)(?:的?(?:时间|位置))?\s*(?:改成|改到|放在|放到|挪到|移到|在|从|于|显示在?|出现在?)?\s*第?{TIME}"
    rf"(?:\s*(?:到|至|-|~)\s*第?{TIME})?(?:\s*(?:显示|出现|消失|结束|为止))?",
)
def _title_time_without_text(m: re.Match[str], st: State) -> None:
    """标题从第5秒到第8秒 with no text said (a quoted title was taken before the rules run):
    the time is a title's, never the music's range."""
    st.plan.unsupported.append(Unsupported(
        "a time for a title without its text", "没说内容的标题时间",
        "Say the title with its text and time: 'title \"GG\" from 0:05 to 0:08'.",
        "请连同内容一起说：“标题「GG」从0:05到0:08”。"))  # fmt: skip


_EN_TITLE = r"(?:the\s+|my\s+|that\s+|this\s+|our\s+)?(?:title|caption|text\s+overlay|overlay|heading|intro\s+text)s?"
_EN_WHEN = (
    rf"(?:(?:at|from|until|till|to|for|on|in|around|by)\s+)?(?:the\s+)?(?:{TIME}|{DUR}|top|bottom|center|centre|middle|"
    r"start|end|beginning|later|earlier|longer|shorter|sooner)\b"
)
_EN_MOVE = (
    r"(?:(?:show|shows|appear|appears|come\s+in|comes\s+in|start|starts|pop\s+up|pops\s+up|be|stay|stays|last|lasts|go|"
    r"sit|move|begin|end|disappear|go\s+away|fade\s+in|fade\s+out)(?:\s+up)?\s+)"
)


@rule(
    rf"\b(?:move|shift|push|nudge|drag|bring|put|place|set|make|have|let|show|display|keep)\s+{_EN_TITLE}\s+"
    rf"(?:so\s+(?:it|they)\s+)?{_EN_MOVE}?{_EN_WHEN}",
    rf"\b{_EN_TITLE}\s+(?:should|to|needs\s+to|must|can|could|has\s+to|'ll|will)\s+{_EN_MOVE}{_EN_WHEN}",
    rf"\b(?:move|shift|push|nudge|drag)\s+(?:{_EN_TITLE}|(?:the\s+)?text)\s+(?:up|down|over|left|right|higher|lower)\b",
)
def _title_moved(m: re.Match[str], st: State) -> None:
    """"Move the title to 0:05", "the title should come in at 0:05", with no text said: a title
    already there is not retimed (the time is never the music's range)."""
    st.plan.unsupported.append(Unsupported(
        "moving or retiming a title that is already there", "挪动已有标题的时间或位置",
        "Remove the titles and add it again with its text and time: 'remove the titles and add "
        "title \"GG\" at 0:05'.",
        "先去掉标题，再连同内容和时间重新加：“去掉标题，加标题「GG」在0:05”。"))  # fmt: skip


@rule(
    r"\b(?:remove|delete|drop|clear|kill|lose|ditch|scrap|nix|cut|take\s+(?:out|off|away)|get\s+rid\s+of|hide)\s+(?:(?:the|all"
    r"|any|my|every|each)\s+)*(?:text\s+overlays?|titles?|texts?|captions?|overlays?|headings?|labels?)\b"
    r"(?:\s+(?:and|&)\s+(?:the\s+)?(?:titles?|captions?|texts?|overlays?))?"
    r"|\bno\s+(?:more\s+)?(?:titles?|captions?|text\s+overlays?)\b|\b(?:take|cut)\s+(?:the\s+|all\s+the\s+|my\s+)?"
    r"(?:titles?|captions?|texts?|text\s+overlays?)\s+(?:out|off|away)\b",
    r"(?:去掉|删除|删掉|移除|取消|清除|不要|别要|不用|不需要|不想要|砍掉|干掉|撤掉|拿掉)(?:所有的?|全部的?)?(?:(?:底部|顶部|中间|上面|下面|开头|结尾)的?)?(?:标题|文字|字幕|文本)"
    r"|(?:标题|文字|字幕|文本)(?:都|全部|全)?(?:给我|帮我)?(?:去掉|去了|删除|删掉|删了|移除|清除|拿掉|不要(?!动|变|改|换|碰)了?|撤掉|撤了|砍掉|干掉|扔掉|别要了|不需要了|不用了)"
    r"|(?:标题|文字|字幕|文本)(?=(?:和|跟|还有|以及)(?:背景音乐|音乐|bgm|配乐)(?:全都|全部|都|也|全)(?:去掉|去了|删掉|删了|拿掉|关掉|不要了?))",
)
def _remove_titles(m: re.Match[str], st: State) -> None:
    st.plan.remove_titles = True


@rule(
    r"\b(?:remove|delete|drop|get\s+rid\s+of|clear|lose|ditch)\s+(?:the\s+|all\s+the\s+)?(?:old|previous|other|existing|earlier)"
    r"\s+(?:ones?|titles?|captions?|texts?|overlays?)\b",
)
def _remove_old_titles(m: re.Match[str], st: State) -> None:
    """"Add a title "Round 3" and remove the old ones": the others go, the new one stays."""
    if st.plan.titles:
        st.plan.remove_titles = True
    else:
        st.plan.ignored.append(m.group(0).strip())


# ---- titles (run first, on the case-kept text) ----------------------------------------------
_TITLE_KINDS = {"title", "title text", "tittle", "titel", "tilte", "heading", "headline", "banner", "title card", "标题", "大标题"}
_EN_KW = r"(?P<kw>text\s+overlay|lower\s+third|title\s+card|title\s+text|title|tittle|titel|tilte|text|caption|heading|headline|label|banner|subtitle|overlay)s?"
_ZH_KW = r"(?P<kw>大标题|标题|文字|字幕|文本|大字|字)"
_TITLES = [
    re.compile(p, FLAGS)
    for p in (
        rf"\b(?P<chg>change|rename|replace|swap|edit|update)\s+(?:the\s+|my\s+)?{_EN_KW}\s*(?:text\s+)?(?:to|with|into"
        rf"|for)\s*:?\s*{QUOTED}",
        rf"(?:把|将)?{_ZH_KW}(?:的?(?:文字|内容))?\s*(?P<chg>改成|换成|改为|换为|变成|改一下|改)\s*:?\s*(?:(?:英文|中文|大写|小写)的?\s*)?{QUOTED}",
        # 标题在0:10到0:15显示“第一波”: the time between the keyword and the text is the title's
        rf"{_ZH_KW}\s*(?:在|从)?\s*(?:第?(?P<ra>{TIME})\s*(?:到|至|-)\s*第?(?P<rb>{TIME})(?:之间)?|第?(?P<at>{TIME}))\s*(?:处|时|的时候)?"
        rf"\s*(?:显示|出现|写上|写|放|打上)\s*:?\s*{QUOTED}",
        rf"(?:(?:^|(?<=[,;.!?\n]))\s*(?:(?:at|from)\s+(?P<at>{TIME})|(?:at|in)\s+the\s+(?:very\s+)?(?P<se>start|beginning"
        rf"|end))\s*,?\s*)?(?:\b(?:add|put|show|insert|place|display|write"
        r"|overlay|include|create|with)\s+)?(?:(?:a|an|the|my|some|big|small|large|centered)\s+)*"
        rf"\b{_EN_KW}\s*(?:(?:saying|that\s+says|which\s+says|reading|of|with\s+the\s+text|with|"
        rf"called|:|=|-)\s*)?{QUOTED}",
        rf"\b(?:add|put|show|insert|display|slap|throw|stick|pop|place)\s+(?:(?:a|an|the|my)\s+)?{QUOTED}\s+(?:as\s+(?:a|the|my)\s+)?"
        rf"(?:(?P<se2>intro|outro|opening|ending|closing)\s+)?{_EN_KW}",
        rf"\b(?:make|have|let|can)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+)?{_EN_KW}\s+(?:say|says|read|reads|show|be)\s*:?\s*{QUOTED}",
        rf"\b(?:the|a|an|my)\s+(?:[a-z]+\s+)?{_EN_KW}\s+(?:should|will|can|must|could|needs?\s+to|has\s+to|to)\s+(?:say|read|show|be)\s*:?\s*{QUOTED}",
        rf"(?:\b(?:add|put|show|insert|display|place|want|need|have|gimme|make)\s+)?(?:(?:a|an|the|some)\s+)?\b{_EN_KW}\s+(?P<mid>[^\"“「'\n,;]{{1,40}}?)"
        rf"\s*(?:that\s+says|which\s+says|saying|reading|with\s+the\s+text|with|:)\s*{QUOTED}",
        rf"\b(?:add|put|show|display|write|overlay)\s+(?:(?:my|the|a|an|our)\s+)?(?:[a-z]+\s+){{0,3}}?{QUOTED}"
        r"(?!\s*(?:music|bgm|style|soundtrack|vibes?|feel)\b)",
        rf"(?:(?:(?:在|从)?\s*第?(?P<ra>{TIME})\s*(?:到|至|-)\s*第?(?P<rb>{TIME})(?:之间)?|(?:在\s*)?(?:开头|前面?|开始)的?\s*(?P<fd>{DUR})|(?:在\s*)?(?:最后|结尾|末尾)的?\s*(?P<ld>{DUR})"
        rf"|(?:在\s*)?第?(?P<at>{TIME})|(?:在\s*)?(?:视频)?(?P<se>开头|开始|片头|结尾|最后|片尾|末尾)"
        rf"|(?:在\s*)?(?:屏幕|画面|视频)?(?:的)?(?:最|正)?(?P<pos>顶部|上方|顶端|上面|上边|底部|下方|底端|下面|下边|底下|中间|中央|正中|[左右]?上角|[左右]?下角))"
        rf"\s*(?:处|时|的时候|那里|的|里|内)?\s*)?(?:加|添加|加上|加个|来个|来一个|放|显示|插入|打上|打个|打一个|写|配)?\s*"
        rf"(?:一个|个|一行|一段)?\s*(?:新的?)?\s*{_ZH_KW}\s*(?:是|为|写上|写成|写个|写一个|写一句|就写|写|叫|叫做|写着|内容是|内容为)?\s*:?\s*{QUOTED}",
        rf"{_ZH_KW}(?P<mid>[^\"“「'\n]{{1,14}}?)\s*,?\s*(?:写上|写成|写着|写|内容是|内容为|叫做|叫)\s*:?\s*{QUOTED}",
        rf"{_ZH_KW}\s*(?:放在|放到|显示在|摆在|在|放|摆)\s*(?:屏幕|画面|视频)?(?:的)?(?:最|正)?(?P<pos>顶部|上方|顶端|上面|上边|底部|下方|底端|下面|下边|底下|中间|中央|正中)\s*:?\s*{QUOTED}",
        r"\b(?:add|put|show|insert|display|write)\s+(?:(?:a|an|the)\s+)?(?P<kw>title|text|caption)"
        r"\s*(?::|saying|that\s+says|reading)?\s+(?!(?:for|at|from|between|on|in|and|then|lasting|"
        r"until|to)\b)(?P<u>[^\s,;.][^,;.\n]*?)(?=\s*$|\s*[,;.\n]|\s+(?:for|at|from|between|on|in|and"
        r"|then|lasting|until)\s)",
        rf"(?:(?:在\s*)?(?:(?P<se>开头|开始|片头|结尾|最后|片尾|末尾)|(?:屏幕|画面|视频)?(?:的)?(?P<pos>顶部|上方|顶端|上面|底部|下方|底端|下面|底下|中间|正中))\s*)?"
        rf"(?:加|添加|加上|加个)?{_ZH_KW}\s*(?:是|为|叫|叫做)?\s*:\s*(?P<u>[^,;。；\s]+)",
        rf"(?:(?:(?:在\s*)?第?(?P<at>{TIME})|(?:在\s*)?(?:视频)?(?P<se>开头|开始|片头|结尾|最后|片尾|末尾))"
        rf"\s*(?:处|时|的时候|那里)?\s*)?(?:加|添加|加上|加个|打上|放个|写上|显示)\s*(?:一个|个|一句|句|一行)?\s*(?:新的?)?\s*"
        rf"{QUOTED}(?!\s*(?:音乐|风格?|bgm|的?感觉|那样|一样|那种))",
        # 把“GG”放到最后3秒: the quoted text first, then where it goes
        rf"(?:把|将)\s*{QUOTED}\s*(?:放到|放在|显示在|挪到|移到|移动到|挪去|调到|改到|放)(?=\s*(?:最后|开头|结尾|片头|片尾|末尾|第|\d|屏幕|画面|顶部|底部|中间|上面|下面))",
        rf"\b(?P<again>another|a\s+second|one\s+more)(?:\s+(?:one|{_EN_KW}))?(?P<mid>\s+(?:at|in|from|for|on)\s[^\"“「'\n,;]{{1,30}}?)?"
        rf"\s*(?:(?:saying|that\s+says|reading|with|:)\s*)?{QUOTED}",
        rf"(?<=\n)\s*(?:,\s*)?(?P<again>and|&|plus|then)\s+(?:(?:the|a)\s+)?{QUOTED}(?!\s*(?:music|bgm|style|soundtrack|vibes?|feel)\b)",
    )
]
# One more quoted text after a title was taken, as its own clause with its time or place.
_MORE = re.compile(
    rf"(?:(?<=[\n,;、])|^)\s*(?:还有|再|和|以及)?\s*{QUOTED}(?=\s*(?:在|放在|放到|于|从|第|\d|显示|持续|出现)|\s*(?:,|;|$))",
    FLAGS,
)
_SEP = (r"\s*(?:,\s*)?(?:and\s+)?(?:(?:show|display|keep|put|place|move|have)\s+(?:it\s+)?)?"
        r"(?:(?:it\s+)?(?:should\s+)?(?:stay|stays|last|lasts|remain|remains|hold|holds)\s+(?:(?:up|there|on[\s-]?screen)\s+)?)?")
_SPECS = [
    re.compile(p, FLAGS)
    for p in (
        rf"{_SEP}(?:from|between|at)\s+{A}\s*(?:to|-|–|until|till|and)\s*{B}",
        rf"\s*,?\s*(?:从\s*)?第?{A}\s*(?:到|至|-|~)\s*第?{B}",
        rf"\s*,?\s*(?:从|在)\s*第?{A}\s*(?:开始)?\s*(?:显示|出现|持续|放|停留)\s*(?:到|至)\s*第?{B}(?:结束|消失|为止)?",
        rf"\s*,?\s*(?:从|在)?\s*第?{A}\s*(?:开始)?\s*(?:显示|出现)\s*,\s*(?:到|在)?\s*第?{B}\s*(?:消失|结束|隐藏)",
        rf"\s*(?:,\s*)?(?:and\s+)?(?:(?:make|have|let)\s+it\s+)?(?:it\s+)?(?:should\s+)?(?:stay|stays|last|lasts|remain|remains)\s+"
        rf"(?:(?:up|there|on[\s-]?screen)\s+)?(?:for\s+)?(?:(?:about|like|around)\s+)?(?P<d>{DUR})",
        rf"{_SEP}(?:for|during|in)\s+(?:the\s+)?(?P<first>first)\s+(?P<d>{DUR})",
        rf"{_SEP}(?:for|during|in)\s+(?:the\s+)?(?:last|final)\s+(?P<last>{DUR})",
        rf"{_SEP}(?:at\s+|from\s+)?(?P<last>{DUR})\s+(?:before|from)\s+the\s+(?:very\s+)?end\b",  # until the end
        rf"\s*,?\s*(?:在|从)?(?:视频)?(?:结尾|结束)(?:之)?前\s*(?P<last>{DUR})",
        rf"{_SEP}(?:(?:for|lasting|during)\s+(?:(?:about|like|around|maybe|roughly)\s+)?(?P<d>{DUR})|(?P<d2>{DUR})\s+long)",
        rf"{_SEP}(?:at|from|starting\s+at|after|in(?=\s+\d{{1,2}}:\d))\s+(?P<at>{TIME})",
        rf"{_SEP}(?:at|in|during)\s+(?:the\s+)?(?:very\s+)?(?P<se>start|beginning|end|ending|intro)\b",
        rf"{_SEP}(?:on[\s-]?screen|(?:in\s+)?(?:big|large|small|bold|huge|giant|tiny)\s+(?:letters|font|text|type)|in\s+(?:all\s+)?caps)\b",
        rf"{_SEP}(?:(?:at|on|in|to)\s+(?:the\s+)?|position\s*[:=]?\s*)?\b(?P<pos>top|bottom|center(?:ed)?|centre(?:d)?|middle)\b(?:\s+of"
        r"\s+the\s+(?:screen|video|frame))?",
        rf"\s*,?\s*(?:放在|放到|在|于)\s*第?(?P<at>{TIME})\s*(?:的位置|的地方|处|那里|的时候|时)",
        rf"\s*,?\s*(?:在|从)?\s*第?(?P<at>{TIME})\s*(?:处|时|开始|出现)",
        rf"\s*,?\s*(?:放在|放到|在|于|出现在)\s*第?(?P<at>{TIME})",
        rf"\s*,?\s*第(?P<at>{TIME})(?=\s*(?:$|[,;。\n]))",
        rf"\s*,?\s*(?P<at>{CLOCK})(?!\s*(?:到|至|-|~|–|to\b))",  # 把“开始”放到0:05: a clock time is a point
        rf"\s*,?\s*(?:在)?\s*(?P<at>{DUR})\s*(?:以后|之后|后)\s*(?:再|才)?(?:出现|显示|开始|出来)",  # 2秒后出现
        rf"\s*,?\s*(?:持续|显示|停留|保持|出现)?\s*(?P<d>{DUR})",
        r"\s*,?\s*(?:在|放在|放到|放)?(?:视频)?(?P<se>开头|开始|片头|结尾|最后|片尾|末尾)(?:处|时)?",
        r"\s*,?\s*(?:(?:显示|放|出现|摆)(?:在|到)?|在|位于|居)?\s*(?:屏幕|画面|视频)?(?:的)?(?:最|正)?(?P<pos>[左右]?上角|[左右]?下角|底下|上头|顶上|顶部|上方|顶端|上面|上边|底部|下方|底端|下面|下边"
        r"|中间|中央|正中|居中)(?:显示|出现)?",
    )
]
_POSITIONS = {"top": "top", "bottom": "bottom", "顶部": "top", "上方": "top", "顶端": "top",
              "上面": "top", "上边": "top", "底部": "bottom", "下方": "bottom", "底端": "bottom",
              "下面": "bottom", "下边": "bottom", "底下": "bottom", "上头": "top",
              "顶上": "top", "左上角": "top", "右上角": "top", "上角": "top", "左下角": "bottom",
              "右下角": "bottom", "下角": "bottom"}  # fmt: skip


_OLD_TEXT = re.compile(
    r"(?P<kw>标题|字幕|文字|大标题)\s*从\s*(?:“[^”]*”|「[^」]*」|\"[^\"]*\"|‘[^’]*’|『[^』]*』|《[^》]*》)\s*(?=改成|换成|改为|换为|变成)"
)  # 把标题从“第一集”改成“第二集”: the old text goes, the new one is the title


def take_titles(text: str, plan: EditPlan) -> str:
    """Move every title/text overlay (with its timing) from `text` into `plan`."""
    text = _OLD_TEXT.sub(lambda m: m["kw"], text)
    for pattern in _TITLES:
        while m := pattern.search(text):
            fields = _overlay(m, plan)
            if group(m, "chg"):  # "change the title to 'X'": the new one replaces the old
                plan.remove_titles = True
            if group(m, "mid"):  # 'add a caption at the bottom that says "GG"'
                _specs(" " + (group(m, "mid") or ""), 0, fields)
            end, overlay = _specs(text, m.end(), fields)
            plan.titles.append(overlay)
            text = f"{text[: m.start()]}\n{text[end:]}"
    while plan.titles and (m := _MORE.search(text)):  # 加两个字幕：“开始”在0:00，“结束”在最后
        fields = {"text": quoted_text(m).strip(), "kind": plan.titles[-1].kind, "at": None}
        end, overlay = _specs(text, m.end(), fields)
        plan.titles.append(overlay)
        text = f"{text[: m.start()]}\n{text[end:]}"
    return text


def _overlay(m: re.Match[str], plan: EditPlan) -> dict:
    words = (group(m, "u") or quoted_text(m)).strip()
    if len(words) > 200:
        raise bad(plan, f"Title text is {len(words)} characters: keep it under 200.",
                   f"标题文字有 {len(words)} 个字符：请少于 200 个。")  # fmt: skip
    kw = re.sub(r"\s+", " ", (group(m, "kw") or "text").lower()).rstrip("s")
    kind = "title" if kw in _TITLE_KINDS else "text"
    if "again" in m.re.groupindex and m["again"] is not None and not group(m, "kw") and plan.titles:
        kind = plan.titles[-1].kind  # "... and another one "gg" at 0:40": the same kind again
    if not group(m, "kw") and re.search(r"新的?\s*[\"“「']", m.group(0)):  # 标题去掉，加个新的“…”
        said = re.findall(r"大标题|标题|字幕|文字", m.string[: m.start()])
        kind = "title" if said and said[-1] in _TITLE_KINDS else kind
    fields: dict = {"text": words, "kind": kind, "at": seconds(m["at"]) if group(m, "at") else None}
    if group(m, "se", "se2"):
        _place(fields, group(m, "se", "se2") or "")
    head = m.string[m.start() : m.start("kw")] if group(m, "kw") else ""
    if re.search(r"\bcent(?:er|r)ed\s", head):  # "a centered title saying ..."
        fields["position"] = "center"
    if kw.startswith("lower third"):  # the broadcast name for a caption at the bottom
        fields["position"] = "bottom"
    if group(m, "pos"):  # 屏幕上方加一行字
        fields["position"] = _POSITIONS.get(m["pos"], "center")
    if group(m, "ra"):  # 在1:00到1:05加字幕
        fields["range"] = span(m["ra"], m["rb"])
    if group(m, "fd"):  # 开头10秒的标题: shown over the first 10 s
        fields["range"] = TimeRange(0.0, seconds(m["fd"]))
    if group(m, "ld"):
        fields["range"] = TimeRange(last=seconds(m["ld"]))
    return fields


def _place(fields: dict, where: str) -> None:
    """'at the end' / 结尾: the last seconds; 'at the start' / 开头: from 0."""
    if where in ("end", "ending", "outro", "closing", "结尾", "最后", "片尾", "末尾"):
        fields["range"] = TimeRange(last=fields.get("duration") or 3.0)
    else:
        fields["at"] = 0.0


def _specs(text: str, pos: int, fields: dict) -> tuple[int, TextOverlay]:
    for _ in range(8):
        m = next((s.match(text, pos) for s in _SPECS if s.match(text, pos)), None)
        if m is None or m.end() == pos:
            break
        pos = m.end()
        groups = {k: v for k, v in m.groupdict().items() if v}
        if "a" in groups:
            fields["range"] = span(groups["a"], groups["b"])
        elif "first" in groups:
            fields["range"] = TimeRange(0.0, seconds(groups["d"]))
        elif "last" in groups:
            fields["range"] = TimeRange(last=seconds(groups["last"]))
        elif "d" in groups or "d2" in groups:
            fields["duration"] = seconds(groups.get("d") or groups["d2"])
        elif "at" in groups:
            fields["at"] = seconds(groups["at"])
        elif "se" in groups:
            _place(fields, groups["se"])
        elif "pos" in groups:
            fields["position"] = _POSITIONS.get(groups["pos"].lower(), "center")
    if (
        isinstance(fields.get("range"), TimeRange)
        and fields["range"].last
        and fields.get("duration")
    ):
        fields["range"] = TimeRange(last=fields["duration"])
    return pos, TextOverlay(**fields)
