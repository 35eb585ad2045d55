"""The picture: aspect ("vertical for TikTok", "go back to widescreen", "竖屏") and the one
output height we render (1080p). Other resolutions are refused in `limits.py`."""

from __future__ import annotations

import re

from gamemusic.words.plan import Unsupported
from gamemusic.words.rules import Rule, State, bad, opposite, registrar
from gamemusic.words.text import FLAGS

RULES: list[Rule] = []
rule = registrar(RULES)


_EXPLICIT = re.compile(
    r"\d|vertical|portrait|upright|landscape|horizontal|wide|square|竖|横|方", re.I | re.A
)


_CORRECTED = re.compile(r"不对|算了|我是说|\b(?:no\s+wait|actually|i\s+mean|scratch\s+that)\b", FLAGS)


def _set_aspect(m: re.Match[str], st: State, value: str) -> None:
    """A shape word beats a platform name ("youtube, vertical"); two different shapes of one
    kind ("16:9 for youtube and 9:16 for tiktok") are one video too many."""
    explicit = bool(_EXPLICIT.search(m.group(0)))
    said = st.shapes.get(explicit)
    fix = _CORRECTED.search(m.string) if said not in (None, value) else None
    if fix is not None:  # "改成竖屏，不对，还是横屏": the shape after the correction wins
        if m.start() < fix.start():
            return
        st.shapes[explicit] = said = value
    if said not in (None, value):
        raise bad(st.plan, "One video has one shape; I found two in this sentence.",
                  "一个视频只能有一种画幅，这句里有两种。", code="not_understood",
                  hint=("Ask for one aspect per edit, e.g. 'vertical'.", "每次只说一种画幅，例如“竖屏”。"))  # fmt: skip
    st.shapes[explicit] = value
    if explicit or True not in st.shapes:
        st.plan.aspect = value


@rule(r"(?<![\d.])(?P<w>\d{3,4})\s*[x×*]\s*(?P<h>\d{3,4})(?![\d.])")
def _pixels(m: re.Match[str], st: State) -> None:
    """"1080x1920": the shape by its ratio, and 1080p when that is the short side."""
    w, h = int(m["w"]), int(m["h"])
    shape = "9:16" if h * 9 == w * 16 else "16:9" if w * 9 == h * 16 else "1:1" if w == h else None
    if shape is None:
        _other_shape(m, st)
        return
    _set_aspect(m, st, shape)
    if min(w, h) == 1080:
        st.plan.height = 1080
    else:
        st.plan.unsupported.append(Unsupported(
            f"{min(w, h)}p", f"{min(w, h)}p", "The output is 1080p.", "输出是 1080p。"))  # fmt: skip


@rule(
    r"(?<![\d:.])(?:4\s*:\s*3|3\s*:\s*4|21\s*:\s*9|16\s*:\s*10|4\s*:\s*5|5\s*:\s*4|2\s*:\s*1|2\.35\s*:\s*1|1\.85\s*:\s*1)(?![\d:])"
    r"|\b(?:ultra[\s-]?wide|cinemascope|anamorphic)\b|宽银幕|宽荧幕|超宽屏|带鱼屏|电影(?:的)?(?:比例|画幅)|(?:电影那种|电影院那种)(?:宽屏|宽的)",
)
def _other_shape(m: re.Match[str], st: State) -> None:
    """"4:3", "21:9 ultrawide": a shape the product does not render, named."""
    st.plan.unsupported.append(Unsupported(
        f"the {m.group(0).strip()} aspect", f"{m.group(0).strip()} 画幅",
        "I can make it 16:9, 9:16 (vertical) or 1:1 (square).", "可以做 16:9、9:16（竖屏）或 1:1（方形）。"))  # fmt: skip


@rule(
    r"(?:竖屏|竖版|横屏|横版|宽屏|方形|正方形)(?:就|也|先)?(?:不用了|不要了|算了|取消了?|去掉|不需要了)"
    r"|(?:竖屏|竖版|竖的|横屏|横版|横的|方的|方形)(?:的)?(?:不好看|不行|太丑了?|难看|不要)"
)
def _shape_dropped(m: re.Match[str], st: State) -> None:
    """竖屏就不用了: that shape taken back."""
    _not_shape(m, st)


_ZH_SHAPE = r"(?:竖屏|竖版|横屏|横版|宽屏|方形|正方形|方屏)"


@rule(
    rf"从?{_ZH_SHAPE}(?:的?视频)?(?=\s*(?:转|转成|改成|变成|换成|改为|切成|切到|改回|换回|切回|变回|转回)\s*(?:{_ZH_SHAPE}|\d+\s*(?::|比)\s*\d+))",
    rf"(?:是|用)?(?:竖着|横着|{_ZH_SHAPE})(?:录|拍|录制|拍摄)(?:的|了)",  # 这个视频是竖着录的: how it was made
)
def _shape_from(m: re.Match[str], st: State) -> None:
    """横屏转竖屏: the shape it is now only names where it starts from."""


@rule(
    r"(?<![\d:])9\s*(?:[:x/]|比|\s+by\s+)\s*16(?![\d:])|\b(?:vertical|portrait|upright|tik\s*tok|(?:youtube|yt)\s+shorts?|"
    r"shorts|(?:instagram\s+|ig\s+|fb\s+|facebook\s+)?reels?|(?:instagram\s+|ig\s+)?stor(?:y|ies)"
    r"(?:\s+format)?|phone\s+(?:format|screen|size)|snapchat)\b",
    r"竖屏|竖版|竖向|竖的|竖着|抖音(?!\s*(?:神曲|热歌|歌|上(?:的|很火)))|快手|视频号|小红书|(?:ins|ig|instagram)\s*快拍|限时动态",
)
def _vertical(m: re.Match[str], st: State) -> None:
    _set_aspect(m, st, "9:16")


@rule(
    r"(?<![\d:])16\s*(?:[:x/]|比|\s+by\s+)\s*9(?![\d:])|\b(?:landscape|horizontal|widescreen|wide\s+screen"
    r"|youtube|bilibili|twitch)\b",
    r"b站|哔哩哔哩|横屏|横版(?!\s*(?:过关|跳跃|游戏))|横向|横的|横着|宽屏",
)
def _landscape(m: re.Match[str], st: State) -> None:
    _set_aspect(m, st, "16:9")


@rule(
    r"(?<![\d:])1\s*(?:[:x/]|比|\s+by\s+)\s*1(?![\d:])|\b(?:square|instagram(?:\s+(?:post|feed))?)\b(?!\s+(?:filter|look|effect)s?\b)",
    r"正方形|方形|方屏|方图|方的(?![式法向面便])",
)
def _square(m: re.Match[str], st: State) -> None:
    _set_aspect(m, st, "1:1")


@rule(
    r"\b(?:original|source|native|auto(?:matic)?)\s+(?:aspect(?:\s+ratio)?|ratio|format|shape|"
    r"orientation|size|framing|frame|crop)\b|\b(?:reset|restore|revert)\s+(?:the\s+)?(?:aspect(?:\s+ratio)?|ratio|format|orientation|shape|crop|framing)\b|\b(?:same|keep\s+the)\s+(?:aspect\s+ratio|shape|orientation)\s+as\s+"
    r"(?:the\s+)?(?:original|source|video|recording)\b|\baspect(?:\s+ratio)?\s+(?:to\s+|=\s*|:\s*)?(?:the\s+)?(?:original|source|native|auto(?:matic)?)\b",
    r"原始比例|原比例|原画幅|自动比例|原始画幅|(?:保持|用)?原来的?(?:比例|画幅|尺寸)|保持原(?:来的)?比例"
    r"|(?:比例|画幅|尺寸|画面比例)(?:也)?(?:调回|改回|换回|恢复|变回|还原|弄回)(?:到|成)?(?:原来|原始|默认|原样|本来)的?(?:样子|比例)?",
)
def _aspect_auto(m: re.Match[str], st: State) -> None:
    st.plan.aspect = "auto"


@rule(r"\b1080p\s*@?\s*(?P<fps>\d{2,3})(?:\s*fps)?\b")
def _hd_rate(m: re.Match[str], st: State) -> None:
    """"1080p60": 1080p, and a frame rate the output does not change."""
    st.plan.height = 1080
    st.plan.unsupported.append(Unsupported(
        f"{m['fps']} fps", f"{m['fps']} 帧", "The output keeps the recording's frame rate.", "输出保持原视频的帧率。"))  # fmt: skip


@rule(r"\b(?:1080\s*p?|1920\s*x\s*1080|1080\s*x\s*1920|full\s*hd|fhd|hd)\b|全高清|高清|蓝光")
def _hd(m: re.Match[str], st: State) -> None:
    st.plan.height = 1080


def _not_shape(m: re.Match[str], st: State) -> None:
    """"I don't want it vertical anymore", 不要竖屏了: back to the recording's own shape; beside
    a shape said ("vertical, not square", "不要横屏，改成竖屏") the negated one only names what is
    not wanted."""
    if not st.shapes and st.plan.aspect is None:
        st.plan.aspect = "auto"


for _shape in (_vertical, _landscape, _square):
    opposite(_shape)(_not_shape)
