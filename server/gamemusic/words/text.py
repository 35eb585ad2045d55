"""Text in: normalizing, the reply language, quotes, numbers and times (EN + 中文).

Everything here works on *normalized* text (`normalize`): NFKC (full-width digits, colons
and spaces become ASCII), Chinese numerals before a unit turned into digits ("三十秒" ->
"30秒", "百分之三十" -> "30%"). Regexes are compiled with re.ASCII so that `\\b` sees a
boundary between "boss" and "战" in "加boss战音乐".
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from gamemusic.words.hant import simplify

Lang = Literal["en", "zh"]

FLAGS = re.I | re.A

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def detect_lang(text: str) -> Lang:
    """'zh' as soon as the text holds a Chinese character, else 'en'."""
    return "zh" if CJK.search(text or "") else "en"


def say(lang: str, en: str, zh: str) -> str:
    """The one way to pick the reply language: Chinese for 'zh', English otherwise."""
    return zh if lang == "zh" else en


# ---- quotes ---------------------------------------------------------------------------------
# 'x' only when the apostrophe is not inside a word (don't, it's).
QUOTED = (
    r"(?:\"(?P<q1>[^\"\n]+)\"|(?<![A-Za-z0-9])'(?P<q2>[^'\n]+)'(?![A-Za-z0-9])"
    r"|“(?P<q3>[^”\n]+)”|‘(?P<q4>[^’\n]+)’|「(?P<q5>[^」\n]+)」|『(?P<q6>[^』\n]+)』"
    r"|《(?P<q7>[^》\n]+)》|«(?P<q8>[^»\n]+)»)"
)
QUOTED_RE = re.compile(QUOTED, FLAGS)


def quoted_text(m: re.Match[str]) -> str:
    return next(v for k, v in m.groupdict().items() if k.startswith("q") and v is not None)


# ---- numbers and times ----------------------------------------------------------------------
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_NUM = r"[零〇一二两三四五六七八九十百]+"
_CN_BEFORE_UNIT = re.compile(
    rf"(?P<n>{_CN_NUM})(?=\s*(?:秒|分(?!之)|个小时|小时|%|bpm|拍|db|分贝|倍|年代))", FLAGS
)
_CN_AFTER_KEY = re.compile(
    rf"(?P<pre>(?:音量|速度|节奏|bpm|拍速)\s*(?:调到|调成|调至|设为|设成|设到|设置到|调整到|调整为|弄到|定到|改成|改为|到|为|是)?\s*)(?P<n>{_CN_NUM})"
    r"(?![\d秒分倍点半下些个首段])", re.I
)
_TENTHS = re.compile(  # "降到三成": 30%
    r"(?:(?<=[到至为是量剩调的])|(?<![\u4e00-\u9fff]))(?P<n>[一二两三四五六七八九])成(?![功为了绩品])"
)
_PCT = re.compile(rf"百分之\s*(?P<n>\d+(?:\.\d+)?|{_CN_NUM})")
_FRACTION = re.compile(rf"(?P<d>{_CN_NUM}|\d+)\s*分之\s*(?P<n>{_CN_NUM}|\d+)")  # 三分之一: 33.33%


def _fraction(m: re.Match[str]) -> str:
    d, n = (int(v) if v.isdigit() else cn_number(v) for v in (m["d"], m["n"]))
    return f"{round(n / d * 100, 2):g}" if d else m.group(0)


_RATIO = re.compile(rf"(?P<a>{_CN_NUM})\s*比\s*(?P<b>{_CN_NUM})")  # 九比十六: 9比16


def cn_number(s: str) -> int:
    """'三十五' -> 35, '一百二十' -> 120, '十' -> 10; digits only ('二五') read positionally."""
    if "百" not in s and "十" not in s:
        value = 0
        for ch in s:
            value = value * 10 + _CN_DIGITS[ch]
        return value
    total, current = 0, 0
    for ch in s:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


_HALF = [
    (re.compile(r"(\d+)\s*分(?!钟|之)\s*(\d{1,2})(?![\d秒%.:])"), r"\1分\2秒"),  # 1分45: 1:45
    (re.compile(r"(放大|提高|增加|加大|增大|调大|调高|提升|加快|快|大|翻)了?一倍"), r"\1两倍"),  # 放大一倍: x2
    (re.compile(r"(放慢|减慢|调慢|变慢|慢)了?一倍"), r"\1一半"),  # 慢一倍: half the speed, as said
    (re.compile(r"(\d+)\s*分(?:钟)?半"), r"\1分30秒"),
    (re.compile(r"半分钟"), "30秒"),
    (re.compile(r"(\d+)个?半小时"), r"\1小时30分"),
    (re.compile(r"\b(to|at|down\s+to)\s+zero\b", re.I), r"\1 0"),
    (re.compile(r"\bby\s+(?:a|one)\s+quarter\b", re.I), "by 25%"),
    (re.compile(r"\bby\s+(?:a|one)\s+third\b", re.I), "by 33%"),
    (re.compile(r"(\d)\s*decibels?\b", re.I), r"\1 db"),
    (re.compile(r"\b(?:a|one)\s+minute\s+and\s+a\s+half\b", re.I), "90 seconds"),
    (re.compile(r"(?:(?<=first\s)|(?<=last\s)|(?<=final\s))minute\s+and\s+a\s+half\b", re.I), "90 seconds"),
    (re.compile(r"\bhalf\s+(?:a\s+)?minute\b", re.I), "30 seconds"),
    (re.compile(r"\bhalf\s+a\s+second\b", re.I), "0.5 seconds"),
    (re.compile(r"\b(?:a|one)\s+second\s+and\s+a\s+half\b", re.I), "1.5 seconds"),
    (re.compile(r"\b(?:a|one)\s+(minute|min)\b(?!\s*(?:or|and)\s+(?:two|so))", re.I), r"1 \1"),
    (re.compile(r"\b(\d+)\s+and\s+a\s+half\s+(seconds?|secs?|minutes?|mins?)\b", re.I), r"\1.5 \2"),
    # "the 1 minute mark", "the 0:30 point": the time itself
    (re.compile(r"\b(?:the\s+)?(\d[\d:.]*\s*(?:seconds?|secs?|minutes?|mins?|s|m)?)\s+(?:marks?|points?)\b",
                re.I), r"\1"),
    (re.compile(r"\b(\d+)\s*(min|mins|minutes?)\s+(\d{1,2})\b(?!\s*(?:s\b|secs?|seconds?|%|percent|x\b|:))", re.I), r"\1 \2 \3 s"),
    (re.compile(r"\bbetween\s+the\s+(?=\d)", re.I), "between "),
]


_MARK = next(i for i, (p, _) in enumerate(_HALF) if "mark" in p.pattern)

_EN_ONES = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
_EN_TENS = {w: 10 * i for i, w in enumerate(
    ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]) if w != "_"}
_EN_WORD = "|".join(sorted([*_EN_ONES, *_EN_TENS, "hundred", "a"], key=len, reverse=True))
# "twenty percent", "thirty seconds", "a hundred and twenty bpm": only before a unit, so "one
# more take" and "a bit" stay words.
_EN_BEFORE_UNIT = re.compile(
    rf"\b(?P<n>(?:(?:{_EN_WORD})[\s-]+(?:and\s+)?)*(?:{_EN_WORD}))(?=[\s-]*(?:percent|%|seconds?|secs?"
    r"|minutes?|mins?|bpm|db|decibels?|times\b|x\b))",
    re.I,
)
# ... and before a range's other end in digits: "from five to 15 seconds" (that end converted)
_EN_BEFORE_RANGE = re.compile(
    rf"\b(?P<n>(?:(?:{_EN_WORD})[\s-]+(?:and\s+)?)*(?:{_EN_WORD}))(?=\s+(?:to|and|through|till|until|-)\s+\d)",
    re.I,
)
# ... and after the word that wants a number: "bpm to one twenty", "volume twenty".
_EN_AFTER_KEY = re.compile(
    rf"\b(?P<pre>(?:bpm|tempo|volume|vol|level)\s+(?:(?:to|at|of|is|=)\s+)?|(?:audio|sound|sounds|music|bgm|game)\s+(?:to|at|=)\s+)(?P<n>(?:(?:{_EN_WORD})[\s-]+"
    rf"(?:and\s+)?)*(?:{_EN_WORD}))\b",
    re.I,
)


def en_number(words: str) -> int | None:
    """'twenty five' -> 25, 'a hundred and twenty' -> 120; None when not a number."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w != "and"]
    if len(parts) >= 2 and parts[0] in _EN_ONES and 0 < _EN_ONES[parts[0]] < 10 and parts[1] in _EN_TENS:
        parts[0:1] = [parts[0], "hundred"]  # "one twenty" (bpm) is 120
    total, current, seen = 0, 0, False
    for w in parts:
        if w == "and":
            continue
        if w in _EN_ONES:
            current, seen = current + _EN_ONES[w], True
        elif w in _EN_TENS:
            current, seen = current + _EN_TENS[w], True
        elif w == "hundred":
            current, seen = (current or 1) * 100, True
        elif w == "a":
            current = current or 1
        else:
            return None
    total += current
    return total if seen else None


def _en_digits(m: re.Match[str]) -> str:
    value = en_number(m["n"])
    return m["n"] if value is None else str(value)


def _digits(text: str) -> str:
    for pattern, repl in _HALF:
        text = pattern.sub(repl, text)
    text = _TENTHS.sub(lambda m: f"{cn_number(m['n']) * 10}%", text)
    text = _EN_BEFORE_UNIT.sub(_en_digits, text)
    text = _EN_BEFORE_RANGE.sub(_en_digits, text)
    text = _EN_AFTER_KEY.sub(lambda m: m["pre"] + _en_digits(m), text)
    text = _HALF[_MARK][0].sub(_HALF[_MARK][1], text)  # "the two minute mark", now in digits
    text = _CN_AFTER_KEY.sub(lambda m: m["pre"] + str(cn_number(m["n"])), text)
    text = _PCT.sub(lambda m: f"{cn_number(m['n']) if not m['n'][0].isdigit() else m['n']}%", text)
    text = _FRACTION.sub(lambda m: f"{_fraction(m)}%", text)
    text = _RATIO.sub(lambda m: f"{cn_number(m['a'])}比{cn_number(m['b'])}", text)
    text = _CN_BEFORE_UNIT.sub(lambda m: str(cn_number(m["n"])), text)
    text = re.sub(r"(\d+)\s*分(?:钟)?半", r"\1分30秒", text)  # 一分半 (digits only now)
    return re.sub(r"(\d+)\s*秒半", r"\1.5秒", text)  # 两秒半: 2.5 s


def normalize(text: str) -> str:
    """NFKC, traditional characters as simplified, Chinese numerals as digits; quoted passages
    (titles) are kept as written."""
    text = text or ""
    out, last = [], 0
    for m in QUOTED_RE.finditer(text):
        out += [_digits(simplify(unicodedata.normalize("NFKC", text[last : m.start()]))), m.group(0)]
        last = m.end()
    out.append(_digits(simplify(unicodedata.normalize("NFKC", text[last:]))))
    return "".join(out)


# The look-behinds make a match start only where a number starts (no quadratic rescans).
NUM = r"(?<![\d.])\d+(?:\.\d+)?"
CLOCK = r"(?<![\d.:])\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?"
_US = r"(?:seconds?|secs?|s(?![a-z])|秒钟?)"
_UM = r"(?:minutes?|mins?|m(?![a-z])|分钟?)"
_UH = r"(?:hours?|hrs?|h(?![a-z])|个?小时)"
DUR = (
    rf"(?:{NUM}[\s-]*{_UH}(?:\s*{NUM}\s*{_UM})?|{NUM}[\s-]*{_UM}(?:\s*{NUM}\s*{_US})?"
    rf"|{NUM}[\s-]*{_US})"
)
TIME = rf"(?:{CLOCK}|{DUR})"
_PART = re.compile(rf"({NUM})[\s-]*(?:({_UH})|({_UM})|({_US}))", FLAGS)


MAX_SECONDS = 1e7  # absurd times stay finite, so range checks can name the video's length


def seconds(spec: str, unit: float = 1.0) -> float:
    """'1:30' -> 90, '2 min' -> 120, '1分30秒' -> 90, '45' -> 45 * unit."""
    return min(_seconds(spec.strip(), unit), MAX_SECONDS)


def _seconds(spec: str, unit: float) -> float:
    if ":" in spec:
        value = 0.0
        for part in spec.split(":"):
            value = value * 60 + float(part)
        return value
    parts = _PART.findall(spec)
    if not parts:
        return float(spec) * unit
    return sum(float(n) * (3600 if h else 60 if m else 1) for n, h, m, _s in parts)


def unit_of(spec: str) -> float:
    """Seconds per unit of the last unit named in `spec` (1 for clock times)."""
    parts = _PART.findall(spec) if ":" not in spec else []
    if not parts:
        return 1.0
    _n, h, m, _s = parts[-1]
    return 3600.0 if h else 60.0 if m else 1.0


def fmt_seconds(value: float) -> str:
    """90 -> '1:30', 5 -> '0:05', 2.5 -> '0:02.5'."""
    minutes, secs = divmod(value, 60)
    text = f"{int(minutes)}:{int(secs):02d}"
    frac = round(secs - int(secs), 1)
    return text + (f".{int(frac * 10)}" if frac else "")
