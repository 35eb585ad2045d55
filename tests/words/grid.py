"""Grids of requests built from parts whose meaning is known, in English and Chinese:

- levels: every verb for louder or quieter, with every name creators use for the music and
  for the game's sound, wrapped in filler ("can you ... rn", "帮我……吧"). Each must change that
  sound's level that way and nothing else (the family where "dial back the game audio" lowered
  the music, or "drop the game audio volume" muted the game);
- styles: the issue's mood and genre words in every way of asking for music ("throw some
  spooky background music on this", "整点赛博朋克风的配乐"). Each must set that style and
  nothing else (the family where "change it to 80s music" moved the music's start to 1:20).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from gamemusic.errors import BadInput
from gamemusic.words import parse

_EN_MUSIC = ["music", "bgm", "background music", "song", "track", "soundtrack", "beat", "tune"]
_EN_GAME = ["game audio", "game sound", "game sounds", "gameplay audio", "sfx", "game volume",
            "in-game sound", "original audio"]  # fmt: skip
_EN_UP = ["turn up the {n}", "make the {n} louder", "raise the {n}", "boost the {n}",
          "crank the {n}", "bump up the {n}", "louder {n}", "increase the {n} volume",
          "bring the {n} up", "pump up the {n}", "i want the {n} louder", "the {n} is too quiet",
          "i can't hear the {n}"]  # fmt: skip
_EN_DOWN = ["turn down the {n}", "make the {n} quieter", "lower the {n}", "reduce the {n}",
            "quieter {n}", "decrease the {n} volume", "bring the {n} down", "tone down the {n}",
            "soften the {n}", "the {n} is too loud", "drop the {n} volume",
            "the {n} is way too loud", "dial back the {n}"]  # fmt: skip
_EN_WRAP = [("", ""), ("can you ", " please"), ("pls ", " a bit"), ("yo ", " rn"),
            ("hey could you ", " lol"), ("", " thx"), ("could u maybe ", " for me")]  # fmt: skip

_ZH_MUSIC = ["音乐", "背景音乐", "bgm", "配乐", "歌", "这首歌"]
_ZH_GAME = ["游戏声音", "游戏音效", "原声", "游戏声", "游戏原声", "游戏的声音", "视频原声", "音效"]
_ZH_UP = ["把{n}调大", "{n}大声点", "{n}大一点", "{n}再大点", "{n}调高一点", "{n}声音开大",
          "{n}太小了", "{n}听不清", "提高{n}的音量", "{n}响一点", "加大{n}", "{n}音量调高"]  # fmt: skip
_ZH_DOWN = ["把{n}调小", "{n}小声点", "{n}小一点", "{n}再小点", "{n}调低一点", "{n}关小",
            "{n}太大了", "{n}太吵了", "降低{n}的音量", "{n}轻一点", "减小{n}", "{n}音量调低",
            "{n}别那么吵", "压低{n}"]  # fmt: skip
_ZH_WRAP = [("", ""), ("帮我", "吧"), ("能不能", "一下"), ("麻烦", "谢谢"), ("给我", "呗"),
            ("请", "好吗"), ("可以", "哈")]  # fmt: skip


_STYLE_WORDS = {
    "chiptune": ["8-bit", "chiptune", "nes", "game boy", "pixel", "像素", "8bit", "红白机"],
    "16bit": ["16-bit", "snes", "genesis", "mega drive", "16位", "世嘉"],
    "boss": ["boss fight", "epic", "intense", "final boss", "boss战", "燃", "紧张", "史诗"],
    "rpg": ["rpg", "jrpg", "orchestral", "heroic", "fantasy", "adventure", "冒险", "奇幻"],
    "dungeon": ["spooky", "creepy", "horror", "cave", "dark", "恐怖", "阴森"],
    "synthwave": ["synthwave", "retrowave", "neon", "80s synth", "80s", "outrun", "赛博朋克", "80年代"],
    "lofi": ["lofi", "chill", "relaxing", "study", "hip hop beats", "轻松", "放松"],
    "platformer": ["platformer", "bouncy", "mario-like", "cute", "平台跳跃", "可爱"],
    "racing": ["racing", "driving", "high-speed", "race", "赛车", "飙车"],
}
_STYLE_EN = ["add {w} music", "give me some {w} music", "put {w} music on it",
             "throw some {w} background music on this", "switch to {w}", "change the music to {w}",
             "change it to {w} music", "i want {w} music", "make it {w}", "can you use {w} music",
             "{w} music please", "slap some {w} tunes on this clip", "let's go with {w} bgm",
             "swap the song for something {w}", "i need a {w} soundtrack for this",
             "some {w} vibes pls"]  # fmt: skip
_STYLE_ZH = ["加点{w}音乐", "配个{w}的bgm", "换成{w}风格", "来点{w}的音乐", "背景音乐换成{w}的",
             "整点{w}风的配乐", "我想要{w}的音乐", "用{w}风格的音乐", "给我配上{w}的背景音乐"]  # fmt: skip


@dataclass(frozen=True)
class Cell:
    text: str
    sound: str  # "music" or "game" for a level; "style" for a style
    up: bool = False
    style: str | None = None


def style_cells() -> list[Cell]:
    return [
        Cell(frame.format(w=word), "style", style=style)
        for style, words in _STYLE_WORDS.items()
        for word in words
        for frame in (_STYLE_ZH if any("\u4e00" <= c <= "\u9fff" for c in word) else _STYLE_EN)
    ]


def cells() -> list[Cell]:
    out: list[Cell] = []
    for verbs_up, verbs_down, nouns, wrap in (
        (_EN_UP, _EN_DOWN, {"music": _EN_MUSIC, "game": _EN_GAME}, _EN_WRAP),
        (_ZH_UP, _ZH_DOWN, {"music": _ZH_MUSIC, "game": _ZH_GAME}, _ZH_WRAP),
    ):
        for sound, names in nouns.items():
            for up, verbs in ((True, verbs_up), (False, verbs_down)):
                for k, (verb, name) in enumerate(itertools.product(verbs, names)):
                    pre, post = wrap[k % len(wrap)]
                    pre = "" if verb.startswith(("the ", "i ")) else pre  # a complaint
                    out.append(Cell(pre + verb.format(n=name) + post, sound, up))
    return out


def verdict(cell: Cell) -> str | None:
    """None when the plan changes that sound's level that way and nothing else; else why not."""
    try:
        plan = parse(cell.text)
    except BadInput as err:
        return f"refused: {err.message}"
    changed = plan.changed()
    if cell.style is not None:
        return None if changed == {"style": cell.style} and not plan.question else f"got {changed}"
    mine, other = (("volume_factor", "game_volume_factor") if cell.sound == "music"
                   else ("game_volume_factor", "volume_factor"))  # fmt: skip
    step = changed.pop(mine, None)
    changed.pop("duck", None), changed.pop("duck_step", None)  # a voice named: the dip too
    if step is None or (step > 1) != cell.up:
        return f"got {plan.changed()}"
    if changed:
        return f"also changed {sorted(changed)}" + (" (the other sound)" if other in changed else "")
    return None
