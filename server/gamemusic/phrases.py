"""Word tables and small text helpers shared by `intents` and `instructions`.

Everything here works on *normalized* text (`normalize`): NFKC (full-width digits, colons
and spaces become ASCII), Chinese numerals before a unit turned into digits ("三十秒" ->
"30秒", "百分之三十" -> "30%"). Regexes are compiled with re.ASCII so that `\\b` sees a
boundary between "boss" and "战" in "加boss战音乐".
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

Lang = Literal["en", "zh"]

FLAGS = re.I | re.A

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def detect_lang(text: str) -> Lang:
    """'zh' as soon as the text holds a Chinese character, else 'en'."""
    return "zh" if _CJK.search(text or "") else "en"


def pick(lang: str, en: str, zh: str) -> str:
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
    rf"(?P<n>{_CN_NUM})(?=\s*(?:秒|分(?!之)|个小时|小时|%|bpm|拍|db|分贝))", FLAGS
)
_PCT = re.compile(rf"百分之\s*(?P<n>\d+(?:\.\d+)?|{_CN_NUM})")


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


def _digits(text: str) -> str:
    text = _PCT.sub(lambda m: f"{cn_number(m['n']) if not m['n'][0].isdigit() else m['n']}%", text)
    return _CN_BEFORE_UNIT.sub(lambda m: str(cn_number(m["n"])), text)


def normalize(text: str) -> str:
    """NFKC plus Chinese numerals as digits; quoted passages are left as they are."""
    text = unicodedata.normalize("NFKC", text or "")
    out, last = [], 0
    for m in QUOTED_RE.finditer(text):
        out += [_digits(text[last : m.start()]), m.group(0)]
        last = m.end()
    out.append(_digits(text[last:]))
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


# ---- styles ---------------------------------------------------------------------------------
STYLE_TITLES = {
    "chiptune": "Retro Chiptune",
    "16bit": "16-bit FM",
    "boss": "Boss Battle",
    "rpg": "RPG Overworld",
    "dungeon": "Dungeon Ambient",
    "synthwave": "Synthwave",
    "lofi": "Lo-fi Chill",
    "platformer": "Platformer",
    "racing": "Racing",
}
STYLE_ZH = {
    "chiptune": "复古芯片音乐",
    "16bit": "16位 FM",
    "boss": "Boss战",
    "rpg": "角色扮演大地图",
    "dungeon": "地牢氛围",
    "synthwave": "合成器浪潮",
    "lofi": "低保真",
    "platformer": "平台跳跃",
    "racing": "赛车",
}
# Strong words name one style; weak words only count when no strong word is present
# ("retro synthwave" is synthwave, "retro" alone is chiptune).
STRONG: dict[str, tuple[str, ...]] = {
    "chiptune": ("chiptune", "chip tune", "chiptunes", "chip music", "8-bit", "8bit", "nes",
                 "gameboy", "game boy", "famicom", "pixel", "retro chiptune", "芯片音乐", "芯片",
                 "8位", "8比特", "像素", "红白机", "fc"),
    "16bit": ("16-bit", "16bit", "16-bit fm", "snes", "super nintendo", "genesis", "mega drive",
              "megadrive", "fm synth", "16位", "16比特", "超任", "世嘉"),
    "boss": ("boss", "boss fight", "boss battle", "boss战", "首领战", "决战"),
    "rpg": ("rpg", "jrpg", "overworld", "rpg overworld", "角色扮演", "大地图"),
    "dungeon": ("dungeon", "horror", "creepy", "spooky", "eerie", "dungeon ambient", "地牢",
                "恐怖", "阴森", "诡异", "地下城"),
    "synthwave": ("synthwave", "synth wave", "retrowave", "outrun", "80s", "80's", "eighties",
                  "合成器浪潮", "合成波", "80年代", "蒸汽波"),
    "lofi": ("lo-fi", "lofi", "lo-fi chill", "chillhop", "低保真"),
    "platformer": ("platformer", "platforming", "mario", "平台跳跃", "横版", "马里奥"),
    "racing": ("racing", "race", "driving", "赛车", "竞速", "飙车"),
}  # fmt: skip
WEAK: dict[str, tuple[str, ...]] = {
    "chiptune": ("retro", "复古", "怀旧"),
    "16bit": ("fm",),
    "boss": ("epic", "battle", "fight", "intense", "史诗", "战斗", "激烈", "燃"),
    "rpg": ("adventure", "fantasy", "quest", "冒险", "奇幻", "魔幻"),
    "dungeon": ("dark", "ambient", "黑暗", "氛围", "暗黑"),
    "synthwave": ("neon", "霓虹"),
    "lofi": ("chill", "calm", "relaxing", "relaxed", "study", "放松", "轻松", "舒缓", "安静"),
    "platformer": ("platform", "bouncy", "cheerful", "欢快", "轻快", "活泼"),
    "racing": ("arcade", "街机"),
}


def _word_re(words: list[str]) -> str:
    alts = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"[\s-]*").replace(r"\-", r"[\s-]*") for w in alts)
    return rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])"


_STYLE_OF: dict[str, tuple[str, bool]] = {}
for _id, _words in WEAK.items():
    _STYLE_OF.update({w: (_id, False) for w in _words})
for _id, _words in STRONG.items():
    _STYLE_OF.update({w: (_id, True) for w in (*_words, _id)})
for _id, _title in STYLE_TITLES.items():
    _STYLE_OF[_title.lower()] = (_id, True)
    _STYLE_OF[STYLE_ZH[_id].lower()] = (_id, True)
STYLE_RE = re.compile(_word_re(list(_STYLE_OF)), FLAGS)


def _key(word: str) -> str:
    return re.sub(r"[\s-]+", " ", word.strip().lower())


_STYLE_KEYS = {_key(w): v for w, v in _STYLE_OF.items()} | {
    _key(w).replace(" ", ""): v for w, v in _STYLE_OF.items()
}


def style_word(word: str) -> tuple[str, bool] | None:
    """(style id, strong?) for a matched synonym."""
    k = _key(word)
    return _STYLE_KEYS.get(k) or _STYLE_KEYS.get(k.replace(" ", ""))


def resolve_style(word: str) -> str | None:
    """A style id from an id, a title or a synonym, in English or Chinese; None if unknown.

    >>> resolve_style("8-bit"), resolve_style("Boss战"), resolve_style("lo fi music")
    ('chiptune', 'boss', 'lofi')
    """
    text = normalize(word).strip().lower()
    text = re.sub(r"(?:\s*(?:background\s+)?(?:music|style|bgm)|背景音乐|音乐|风格)$", "", text)
    found = style_word(text)
    return found[0] if found else None


def _words(text: str) -> list[str]:
    return text.split()


# ---- filler ---------------------------------------------------------------------------------
FILLER_EN = frozenset(
    _words(
    """a an the some any my me i i'm im we our us you your it it's its this that these those to
    into onto of for on in at with and or then also plus please pls plz can could would will
    should shall just only more bit little very really so now instead thanks thank ok okay hey
    hi yes make set change switch turn give use put add want need like let let's lets try go be
    is are was sound sounds feel feeling vibe vibes kind sort style styled music musics
    background bgm soundtrack track tracks song tune tunes video clip gameplay recording
    footage game games gaming audio sound version type genre mood whole entire part section
    aspect ratio format mode orientation resolution quality output volume level cool nice
    awesome good great fun some something kinda bit during play plays playing i'd id
    i'll fits fit suits convert"""
    )
)  # fmt: skip
FILLER_ZH = sorted(
    _words(
    """请 帮我 帮忙 麻烦 给我 给 把 将 让 使 使用 用 换成 换为 改成 改为 改用 切换到 切换成 切换
    变成 设为 设置为 设置成 设置 调成 调到 调整 做成 弄成 加上 加入 添加 加 配上 来点 要 想要 我想
    我要 想 需要 一下 一点 一些 点 些 的 地 得 了 吧 呢 啊 呀 哦 嘛 和 与 及 并且 并 然后 再 还有
    同时 也 都 就 只 只要 仅 只在 在 里 中 时 上 这个 那个 这段 一个 一首 一段 个 首 段 它 我 我的
    视频 影片 片子 录像 游戏 音乐 背景音乐 配乐 风格 类型 声音 效果 感觉 一样 像 谢谢 好的 好 吗
    画幅 比例 格式 模式 版本 分辨率 音量 整体 稍微 有点 更 更加 比较 换 成 为 改 来 下 放 风 风的 发 发到 适合 有 感"""),
    key=len,
    reverse=True,
)  # fmt: skip
_ZH_FILLER_RE = re.compile("|".join(re.escape(w) for w in FILLER_ZH))
_TOKEN = re.compile(r"[a-z0-9']+|[\u3400-\u9fff\uf900-\ufaff]+", FLAGS)


def meaningful(fragment: str) -> list[str]:
    """Words of `fragment` that are not filler (what a parser must have understood)."""
    left = []
    for tok in _TOKEN.findall(fragment.lower()):
        if _CJK.match(tok):
            rest = _ZH_FILLER_RE.sub("", tok)
            if rest:
                left.append(rest)
        elif tok.strip("'") and tok.strip("'") not in FILLER_EN:
            left.append(tok)
    return left


SUPPORTED_EN = (
    "I can: pick a style (chiptune, 16-bit, boss, rpg, dungeon, synthwave, lo-fi, platformer, "
    "racing), set the volume (35%, quieter, louder), limit the music to a range (from 0:30 to "
    "1:20, last 10 seconds), fade in/out, turn ducking on/off or stronger, set the tempo "
    "(120 bpm, faster), make another take, mute or keep the game audio, remove the music, add "
    "titles (add title 'Boss Rush' for 3 s), change the aspect (vertical, 16:9, square), "
    "1080p, undo, redo."
)
SUPPORTED_ZH = (
    "我能做的：换风格（芯片音乐、16位、Boss战、角色扮演、地牢、合成器浪潮、低保真、平台跳跃、赛车），"
    "调音量（35%、调低音乐、大声一点），限定时间段（从0:30到1:20、最后10秒），淡入淡出，开关闪避或加强，"
    "改节奏（120 bpm、快一点），换一版，原声静音/保留，去掉音乐，加标题（加标题「Boss Rush」3秒），"
    "改画幅（竖屏、16:9、方形），1080p，撤销，重做。"
)


def supported(lang: str) -> str:
    return pick(lang, SUPPORTED_EN, SUPPORTED_ZH)
