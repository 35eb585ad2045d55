"""Grids of requests built from parts whose meaning is known, in English and Chinese:

- levels: every verb for louder or quieter, with every name creators use for the music and
  for the game's sound, wrapped in filler ("can you ... rn", "帮我……吧"). Each must change that
  sound's level that way and nothing else (the family where "dial back the game audio" lowered
  the music, or "drop the game audio volume" muted the game);
- styles: the issue's mood and genre words in every way of asking for music ("throw some
  spooky background music on this", "整点赛博朋克风的配乐"). Each must set that style and
  nothing else (the family where "change it to 80s music" moved the music's start to 1:20);
- requests: tempo, aspect, muting or keeping the game, removing the music, ducking on and off,
  fades off, undo, redo, another take, each asked many ways. Each must give that plan (the
  family where "i want to slow the music down" read "to slow" as "too slow": faster);
- times: where the music plays, with every way of writing a time ("1m30s", "一分半", "0:05",
  "five seconds"). Each must give that range (the family where "start the music at 1m30s"
  read "music at 1" as a volume of 1%);
- titles: a quoted text asked as a title many ways, with its time and place. Each must add
  that one title, its case kept, and nothing else ('slap a "GG" title on it' was refused).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from gamemusic.errors import BadInput
from gamemusic.words import TextOverlay, TimeRange, parse

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


_M = ["music", "bgm", "song", "track", "soundtrack"]
_G = ["game audio", "game sound", "game sounds", "gameplay audio", "in-game sound", "original audio"]
_ZM = ["音乐", "背景音乐", "bgm", "配乐", "歌"]
_ZG = ["游戏声音", "游戏音效", "原声", "游戏原声", "游戏的声音"]
_TEMPO_UP = {"tempo_factor": 1.15}
_TEMPO_DOWN = {"tempo_factor": 0.87}
_DUCK = {"duck": True}  # with or without a deeper dip under the voice
# (frames, the names filled in for {n}, the plan). English first, then Chinese.
_REQUESTS: list[tuple[list[str], list[str], dict[str, object]]] = [
    (["make it faster", "speed up the {n}", "faster tempo", "pick up the pace", "increase the tempo",
      "bump up the tempo", "make the {n} faster", "speed the {n} up", "up the tempo",
      "raise the bpm", "the {n} is too slow", "the {n} drags"], _M, _TEMPO_UP),
    (["make it slower", "slow the {n} down", "slower tempo", "decrease the tempo", "lower the bpm",
      "reduce the tempo", "slow down the tempo", "make the {n} slower", "bring the tempo down",
      "i want to slow the {n} down", "the {n} is too fast", "the {n} feels rushed"], _M, _TEMPO_DOWN),
    (["make it vertical", "vertical for tiktok", "make it 9:16", "format it for youtube shorts",
      "crop it for instagram reels", "portrait mode", "turn it into a tiktok",
      "make it fit my phone screen", "resize for tiktok"], [""], {"aspect": "9:16"}),
    (["make it square", "1:1 for instagram", "square format", "crop it square"], [""],
     {"aspect": "1:1"}),
    (["back to widescreen", "make it 16:9", "go back to landscape", "horizontal please",
      "switch back to 16:9"], [""], {"aspect": "16:9"}),
    (["mute the {n}", "kill the {n}", "turn off the {n}", "no {n}", "get rid of the {n}",
      "remove the {n}", "i don't want any {n}", "cut the {n}", "silence the {n}",
      "turn the {n} off"], _G, {"original_audio": "mute"}),
    (["keep the {n}", "leave the {n} on", "don't mute the {n}", "bring back the {n}",
      "unmute the {n}"], _G, {"original_audio": "keep"}),
    (["remove the {n}", "get rid of the {n}", "delete the {n}", "take the {n} out", "kill the {n}",
      "turn off the {n}", "lose the {n}", "ditch the {n}"], _M, {"remove_music": True}),
    (["no music", "i don't want any music", "i dont want music on this", "no bgm please"], [""],
     {"remove_music": True}),
    (["duck the music when i talk", "lower the music when i'm talking", "turn on ducking",
      "auto duck the music", "duck the music under my voice", "make the music dip when i speak",
      "the music should get quieter when i talk"], [""], _DUCK),
    (["no ducking", "turn off ducking", "don't duck the music", "stop ducking", "disable ducking",
      "don't lower the music when i talk", "turn the ducking off", "kill the ducking"], [""],
     {"duck": False}),
    (["no fade in", "don't fade in", "remove the fade in", "turn off the fade in", "no fade-in",
      "skip the fade in"], [""], {"fade_in": 0.0}),
    (["no fade out", "don't fade out", "remove the fade out", "turn off the fade out",
      "no fade-out", "skip the fade out"], [""], {"fade_out": 0.0}),
    (["no fades", "no fade in or out", "remove the fades", "no fading"], [""],
     {"fade_in": 0.0, "fade_out": 0.0}),
    (["undo", "undo that", "undo the last change", "go back one step", "revert that",
      "take that back", "revert the last change"], [""], {"undo": True}),
    (["redo", "redo that", "redo the last change"], [""], {"redo": True}),
    (["another one", "give me another one", "try another version", "new version",
      "a different take", "reroll the music", "regenerate the music", "make a new one",
      "i don't like this one, give me another"], [""], {"new_take": True}),
    (["节奏快一点", "{n}快一点", "加快{n}的节奏", "{n}节奏太慢了", "提速", "速度快点", "{n}再快点"], _ZM,
     _TEMPO_UP),
    (["节奏慢一点", "{n}慢一点", "放慢{n}的节奏", "{n}节奏太快了", "减速", "速度慢点", "{n}再慢点"], _ZM,
     _TEMPO_DOWN),
    (["竖屏", "改成竖屏", "做成抖音竖屏", "弄成9:16", "发抖音的竖版", "转成竖版"], [""], {"aspect": "9:16"}),
    (["方形", "改成1:1", "正方形的", "做成方形"], [""], {"aspect": "1:1"}),
    (["横屏", "改回横屏", "还是横屏吧", "恢复横屏"], [""], {"aspect": "16:9"}),
    (["把{n}静音", "关掉{n}", "{n}不要了", "去掉{n}", "{n}关了", "不要{n}"], _ZG, {"original_audio": "mute"}),
    (["保留{n}", "{n}别关", "{n}要保留", "{n}留着"], _ZG, {"original_audio": "keep"}),
    (["去掉{n}", "不要{n}了", "把{n}删掉", "{n}关掉", "{n}去掉", "删除{n}"], _ZM, {"remove_music": True}),
    (["关掉闪避", "不要闪避", "关闭自动闪避", "说话的时候别压低音乐", "闪避关了"], [""], {"duck": False}),
    (["开启闪避", "我说话的时候音乐小一点", "说话时自动压低音乐", "解说的时候把音乐压低"], [""], _DUCK),
    (["不要淡入", "去掉淡入", "取消淡入", "别淡入"], [""], {"fade_in": 0.0}),
    (["不要淡出", "去掉淡出", "取消淡出", "别淡出"], [""], {"fade_out": 0.0}),
    (["撤销", "撤回", "撤销上一步", "回到上一步"], [""], {"undo": True}),
    (["重做", "重做一下"], [""], {"redo": True}),
    (["换一首", "再来一首", "重新生成", "换个版本", "来一首新的", "不好听，换一个", "重新来一个"], [""],
     {"new_take": True}),
]  # fmt: skip


_TIMES_EN = [("0:05", 5), ("5s", 5), ("5 seconds", 5), ("5 sec", 5), ("five seconds", 5),
             ("1:30", 90), ("90 seconds", 90), ("1 min 30", 90), ("1m30s", 90), ("1 minute", 60),
             ("10 secs", 10), ("ten seconds", 10), ("2 mins", 120), ("1.5 minutes", 90)]  # fmt: skip
_TIMES_ZH = [("5秒", 5), ("五秒", 5), ("0:05", 5), ("1分30秒", 90), ("一分半", 90), ("90秒", 90),
             ("1分钟", 60), ("一分钟", 60), ("十秒", 10), ("10s", 10), ("两分钟", 120), ("三十秒", 30)]  # fmt: skip
_FROM, _UNTIL = (lambda t: TimeRange(t)), (lambda t: TimeRange(0.0, t))
_LAST, _EARLY = (lambda t: TimeRange(last=t)), (lambda t: TimeRange(before_end=t))
_WHERE = [
    (["start the music at {t}", "music from {t}", "bring the music in at {t}",
      "no music for the first {t}"], _TIMES_EN, _FROM),
    (["stop the music at {t}", "music until {t}", "only the first {t}", "music for the first {t}"],
     _TIMES_EN, _UNTIL),
    (["music only in the last {t}", "the last {t} only"], _TIMES_EN, _LAST),
    (["stop the music {t} before the end", "no music in the last {t}"], _TIMES_EN, _EARLY),
    (["音乐从{t}开始", "第{t}开始放音乐", "前{t}不要音乐", "{t}后再放音乐"], _TIMES_ZH, _FROM),
    (["音乐到{t}结束", "只放前{t}"], _TIMES_ZH, _UNTIL),
    (["最后{t}放音乐", "音乐只在最后{t}"], _TIMES_ZH, _LAST),
    (["最后{t}不要音乐", "结尾前{t}停掉音乐"], _TIMES_ZH, _EARLY),
]  # fmt: skip


_TITLE_TEXTS = ["GG EZ", "Road to Diamond", "Ranked #1", "Episode 3: The Return", "thanks for watching!"]
_TITLE_FRAMES = [
    ('add a title "{x}"', {}), ('put "{x}" as the title', {}), ('title: "{x}"', {}),
    ('add text "{x}" at the bottom', {"position": "bottom", "kind": "text"}),
    ('add the title "{x}" at the top', {"position": "top"}), ('add a title "{x}" at 0:05', {"at": 5.0}),
    ('title "{x}" at 5 seconds for 3 seconds', {"at": 5.0, "duration": 3.0}),
    ("add a title that says '{x}'", {}), ('can you put a title "{x}" at the start', {"at": 0.0}),
    ('slap a "{x}" title on it', {}), ('i want the text "{x}" at the top', {"position": "top", "kind": "text"}),
    ("加个标题“{x}”", {}), ("标题写“{x}”", {}), ("在开头加字幕“{x}”", {"kind": "text", "at": 0.0}),
    ("加一行字“{x}”放在顶部", {"kind": "text", "position": "top"}), ("第5秒加标题“{x}”", {"at": 5.0}),
    ("标题“{x}”显示3秒", {"duration": 3.0}),
]  # fmt: skip


@dataclass(frozen=True)
class Cell:
    text: str
    sound: str  # "music" or "game" for a level; "style" for a style
    up: bool = False
    style: str | None = None
    plan: dict[str, object] | None = None
    step: float | None = None  # a level's exact step, where the words fix it ("a bit": 0.8)


def style_cells() -> list[Cell]:
    return [
        Cell(frame.format(w=word), "style", style=style)
        for style, words in _STYLE_WORDS.items()
        for word in words
        for frame in (_STYLE_ZH if _is_zh(word) else _STYLE_EN)
    ]


def title_cells() -> list[Cell]:
    return [
        Cell(frame.format(x=text), "title", plan={"titles": [TextOverlay(text, **{"kind": "title", **spec})]})
        for frame, spec in _TITLE_FRAMES
        for text in _TITLE_TEXTS
    ]


def time_cells() -> list[Cell]:
    return [
        Cell(frame.format(t=said), "time", plan={"range": where(float(value))})
        for frames, times, where in _WHERE
        for frame in frames
        for said, value in times
    ]


def request_cells() -> list[Cell]:
    out: list[Cell] = []
    for frames, names, plan in _REQUESTS:
        wrap = _ZH_WRAP if _is_zh("".join(frames)) else [w for w in _EN_WRAP if "a bit" not in w[1]]
        for k, text in enumerate(f.format(n=n) for f in frames for n in (names if "{n}" in f else [""])):
            pre, post = wrap[k % len(wrap)]
            if plan.keys() & {"undo", "redo"} or text.startswith(("the ", "i ", "no ", "don't ", "不")):
                pre = ""  # a complaint, a negation, or a word alone
            out.append(Cell(pre + text + post, "request", plan=plan))
    return out


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
                    text = pre + verb.format(n=name) + post
                    out.append(Cell(text, sound, up, step=_step(text, up)))
    return out


def _take(cell: Cell, changed: dict[str, object]) -> str | None:
    """Take what `cell` asks for out of `changed`; why not, when it is not there."""
    if cell.style is not None:
        return None if changed.pop("style", None) == cell.style else f"no style {cell.style}"
    if cell.plan is not None:
        if cell.plan is _DUCK:  # the dip under the voice may come deeper
            changed.pop("duck_step", None), changed.pop("duck_db", None)
        missing = {k: v for k, v in cell.plan.items() if changed.pop(k, None) != v}
        return f"missing {missing}" if missing else None
    step = changed.pop("volume_factor" if cell.sound == "music" else "game_volume_factor", None)
    if changed.get("duck") is True:  # a voice named: the dip too
        changed.pop("duck"), changed.pop("duck_step", None)
    if step is None or (step > 1) != cell.up:
        return f"no {cell.sound} {'up' if cell.up else 'down'}"
    if cell.step is not None and abs(step - cell.step) > 1e-6:
        return f"{cell.sound} step {step:g}, not {cell.step:g}"
    return None


def _step(text: str, up: bool) -> float | None:
    """The step English words fix: 'a bit' is the small one, a plain verb the normal one;
    complaints and Chinese are left to the corpus."""
    if _is_zh(text) or text.startswith(("the ", "i ")):  # a complaint, its own words
        return None
    size = 1 if " a bit" in text else 2
    return {1: (1.25, 0.8), 2: (1.5, 0.6)}[size][0 if up else 1]


def verdict(cell: Cell, *more: Cell, text: str | None = None) -> str | None:
    """None when the plan of `text` (else the cell's) is what the cells ask for, together, and
    nothing else; else why not."""
    try:
        plan = parse(text or cell.text)
    except BadInput as err:
        return f"refused: {err.message}"
    changed = plan.changed()
    problems = [why for c in (cell, *more) if (why := _take(c, changed))]
    if changed:
        problems.append(f"also changed {sorted(changed)}")
    if plan.question and not more and cell.style is not None:
        problems.append("asked a question")
    return f"{'; '.join(problems)} (got {plan.changed()})" if problems else None


# ---- two requests in one sentence ----------------------------------------------------------
_JOIN_EN = [", ", ", also ", " then ", ", and then ", ". "]  # ("cut the game audio and music ...": both)
_JOIN_ZH = ["，", "，然后", "，还有", "。"]


def _aspects(cell: Cell) -> set[str]:
    """What a cell touches, widened to what may not be asked beside it in one sentence."""
    if cell.style is not None:
        return {"style"}
    if cell.plan is None:  # a level: a mute or the other level beside it reads as one request
        return {"volume_factor"} if cell.sound == "music" else {"game", "volume_factor"}
    keys = {"game" if k in ("original_audio", "game_volume_factor") else k for k in cell.plan}
    if "new_take" in keys:  # "换成阴森风格，换一个": the style named is the other one
        keys.add("style")
    if "remove_music" in keys:  # removing the music and changing it contradict
        keys |= {"style", "volume_factor", "tempo_factor", "fade_in", "fade_out", "duck", "new_take",
                 "range"}
    return keys


def pairs(count: int = 400, seed: int = 5) -> list[tuple[str, Cell, Cell]]:
    """`count` sentences of two requests from the grids joined ("A and B", "A，然后B"), each pair
    in one language and on two different aspects; chosen by a fixed seed."""
    import random

    rng = random.Random(seed)
    pool = [c for c in cells() + style_cells() + request_cells() + time_cells() + title_cells()
            if c.plan is not _DUCK and not (c.plan or {}).keys() & {"undo", "redo"}]  # fmt: skip
    out: list[tuple[str, Cell, Cell]] = []
    while len(out) < count:
        a, b = rng.sample(pool, 2)
        zh = _is_zh(a.text)
        if zh != _is_zh(b.text) or _aspects(a) & _aspects(b):
            continue
        out.append((a.text + rng.choice(_JOIN_ZH if zh else _JOIN_EN) + b.text, a, b))
    return out


def _is_zh(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)
