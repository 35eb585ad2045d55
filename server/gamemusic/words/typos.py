"""Typing slips in the words that carry a request: "musci is too lowd" reads as "music is too
loud". A word is corrected only when it is unknown (not filler, not a keyword) and exactly
one keyword is one edit away (a letter changed, added, dropped, or two letters swapped), so
real words are never rewritten and a slip between two keywords is left alone.
"""

from __future__ import annotations

import re

from gamemusic.words.vocabulary import FILLER_EN

KEYWORDS = frozenset(
    ["music", "volume", "louder", "quieter", "softer", "faster", "slower", "tempo", "ducking", "vertical", "horizontal", "chiptune", "synthwave", "dungeon", "platformer", "remove", "background", "quiet", "spooky", "relaxing", "seconds", "minutes", "percent"]
) | frozenset(["title", "square", "another", "stingers", "landscape", "portrait", "instagram", "retrowave"])
# Real words one slip from a keyword, left alone.
_KNOWN = KEYWORDS | FILLER_EN | frozenset(
    ["quite", "quiets", "quieted", "master", "masters", "father", "fasten", "loader", "lower", "power", "tower", "mower", "slowed", "flower", "glower", "blower", "muted", "musics", "volumes", "tempos", "temps", "seconds", "second", "minute", "minutes", "removed", "remover", "remote", "reverb", "softer", "sorter", "softee", "spoony", "spooks", "dungeons", "squire", "titled", "soften", "faster", "fasted"]
)
# Slips in short words, where one edit would reach too many real words.
_SHORT = {"lowd": "loud", "lound": "loud", "luod": "loud", "laud": "loud", "qiet": "quiet",
          "muisc": "music", "msuic": "music", "musci": "music",
          "lofy": "lofi", "verticle": "vertical", "vertcal": "vertical", "quietr": "quieter",
          "loudr": "louder", "louda": "louder"}
# Slips of two- and three-letter words, only where the next word says which was meant.
_PHRASES = [
    (re.compile(r"\bteh\b"), "the"),
    # ("want to slow the music down": a verb with its object, not "too slow")
    (re.compile(r"(?<!up\s)(?<!down\s)\bto(?=\s+(?:loud|quiet|soft|fast|slow|much|long|short)\b"
                r"(?!\s+(?:the|it|this|that|them|things|everything|my|down|up|a|some)\b))"), "too"),
    (re.compile(r"(?<=\bfade\s)ot\b"), "out"),
    # English as a second language: "more loud", "too much loud", "sound of game"
    (re.compile(r"\btoo\s+much\s+(?=(?:loud|quiet|fast|slow)\b)"), "too "),
    (re.compile(r"\b(?:more|much)\s+(loud|quiet|soft|slow|fast|strong|light|long|short|low|high|calm)\b"), r"\1er"),
    (re.compile(r"\bgame\s+voice\b"), "game sound"),
    (re.compile(r"\b(sound|volume|voice|music|audio)\s+(?:is\s+)?(too|very|so|a\s+bit|a\s+little)\s+small\b"), r"\1 is \2 quiet"),
    (re.compile(r"\b(sound|volume|voice|music|audio)\s+(?:is\s+)?(too|very|so|a\s+bit|a\s+little)\s+big\b"), r"\1 is \2 loud"),
    (re.compile(r"\b(?:speed|tempo|bpm)\s+of\s+(?:the\s+)?(?:music|bgm|song)\b"), "tempo"),
    (re.compile(r"\b(sound|audio|volume|noise)s?\s+of\s+(?:the\s+)?(game|gameplay|music|bgm)\b"), r"\2 \1"),
    # The music by any of its names after "the"/"this" ("crank the track", "kill the tune", "boost
    # the bgm"), so every rule that knows "the music" knows them; "drop the beat" is a start.
    (re.compile(r"\b(the|this|that|my|your)\s+(?<!drop\sthe\s)(?:song|track|tune|beat|soundtrack|bgm|tunes|background\s+(?:music|track|song)"
                r"|backing\s+track)\b(?!'s|\s+(?:drops?|switch|change)\b)"), r"\1 music"),
    # "a bit faster and louder": the amount said once holds for both steps
    (re.compile(r"\b(a\s+(?:little\s+)?bit|a\s+little|slightly|a\s+tad|much|way|a\s+lot)\s+(faster|slower|louder|quieter|softer)"
                r"\s+and\s+(?=(?:faster|slower|louder|quieter|softer)\b)"), r"\1 \2 and \1 "),
    # "my game sound" is the game's audio as any other ("lower my game sound")
    (re.compile(r"\bmy\s+(?=game(?:play)?\s+(?:audio|sounds?|sfx|volume|noise)\b)"), "the "),
]
_SUFFIX = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "est")
_WORD = re.compile(r"(?<![a-z0-9'])[a-z]{4,}(?![a-z0-9'])")
_MIN = 5  # shorter words are corrected only from `_SHORT`


def _one_edit(a: str, b: str) -> bool:
    """True when `a` becomes `b` by one change, insertion, deletion or adjacent swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )  # fmt: skip
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1 :]


def _fix(m: re.Match[str]) -> str:
    word = m.group(0)
    if word in _SHORT:
        return _SHORT[word]
    if word in _KNOWN or len(word) < _MIN or any(word.startswith(k) and word[len(k):] in _SUFFIX for k in KEYWORDS):
        return word  # known, short, or a keyword inflected ("volumes")
    doubled = [k for k in KEYWORDS if word == k + k[-1]]  # "fasterr"
    if doubled:
        return doubled[0]
    near = [k for k in KEYWORDS if _one_edit(word, k)]
    return near[0] if len(near) == 1 else word


# Pinyin input slips: a homophone picked instead of the keyword ("最后淡处" is 淡出). Only
# pairs that are not words of their own in an edit request.
_ZH_SLIPS = {
    "淡处": "淡出", "淡如": "淡入", "竖平": "竖屏", "竖评": "竖屏", "树屏": "竖屏", "横平": "横屏",
    "横评": "横屏", "闪壁": "闪避", "闪必": "闪避", "撒销": "撤销", "撤肖": "撤销", "风隔": "风格",
    "节凑": "节奏", "节揍": "节奏", "音亮": "音量", "背景音了": "背景音乐", "被景音乐": "背景音乐",
    "背景因乐": "背景音乐", "因乐": "音乐", "从做": "重做", "原生": "原声", "游戏生音": "游戏声音",
    "字目": "字幕", "标提": "标题", "竖瓶": "竖屏", "横瓶": "横屏", "声因": "声音", "原身": "原声",
    "bos战": "boss战", "bmg": "bgm", "淡初": "淡出", "蛋出": "淡出", "蛋入": "淡入",
}  # fmt: skip
_ZH_SLIP = re.compile("|".join(sorted(map(re.escape, _ZH_SLIPS), key=len, reverse=True)))


def correct(work: str) -> str:
    """Lower-cased `work` with unknown words one slip from exactly one keyword corrected, and
    Chinese homophone slips of a keyword replaced."""
    for pattern, repl in _PHRASES:
        work = pattern.sub(repl, work)
    return _ZH_SLIP.sub(lambda m: _ZH_SLIPS[m.group(0)], _WORD.sub(_fix, work))
