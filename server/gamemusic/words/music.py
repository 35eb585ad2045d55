"""The piece itself. `SHAPE`: tempo ("120 bpm", "faster", "慢一点"), another take ("give me
another"), the seed, stingers ("no stingers"), the arc ("keep it calm") and a climax ("build up
to the boss at 1:20"). `STYLE`: style words and franchises (`vocabulary.py`), and plain "add
music". SHAPE runs before the volume rules, STYLE last."""

from __future__ import annotations

import re

from gamemusic.words.plan import Question, Unsupported
from gamemusic.words.rules import (
    AFTER,
    BIT,
    MUCH,
    NEG,
    Rule,
    State,
    bad,
    combine,
    factor,
    group,
    opposite,
    registrar,
)
from gamemusic.words.text import TIME, seconds
from gamemusic.words.vocabulary import (
    FRANCHISE_RE,
    FRANCHISE_WORDS,
    STYLE_RE,
    STYLE_TITLES,
    STYLE_ZH,
    franchise,
    style_word,
)

SHAPE: list[Rule] = []
STYLE: list[Rule] = []
shape = registrar(SHAPE)
style = registrar(STYLE)


# ---- tempo ----------------------------------------------------------------------------------
def _scale_tempo(st: State, by: float) -> None:
    st.plan.tempo_factor = combine(st.plan.tempo_factor, by)


_OBJ = r"(?:\s+(?:the\s+)?(?:music|tempo|bgm|beat|song|track|it))?"
_THING = r"(?:(?:it|the\s+music|the\s+tempo|things|the\s+bgm|the\s+beat)\s+)?"


@shape(
    r"\bhalf[\s-]?(?:speed|tempo|time)\b|\bhalf\s+the\s+(?:speed|tempo)\b|\bhalve\s+(?:the\s+)?(?:tempo|speed|bpm)\b(?P<half>)",
    r"\bdouble[\s-]?(?:speed|tempo|time)\b|\bdouble\s+the\s+(?:speed|tempo|bpm)\b(?P<double>)",
    r"\b(?:tempo|speed|bpm|pace)\s+(?:to\s+|at\s+)?(?:double|twice(?:\s+as\s+fast)?|half)\b|\b(?:twice|half)\s+as\s+(?:fast|quick)\b",
)
def _half_double(m: re.Match[str], st: State) -> None:
    _scale_tempo(st, 2.0 if re.search(r"double|twice", m.group(0), re.I) else 0.5)


@shape(
    r"(?:节奏|速度|节拍|拍速|tempo|bpm)(?:直接|再)?(?:(?P<up>翻倍|加倍|翻一倍|快一倍)|减半|慢一半|降一半|放慢一半)",
    # 音乐慢一倍 / bgm快一倍 / 慢一倍 (text.py makes them 慢一半 / 快两倍); not the picture's speed
    r"(?<!视频)(?<!画面)(?<!播放)(?:(?:音乐|背景音乐|bgm|配乐|歌|曲子)(?:的)?)?(?:节奏|速度|节拍)?(?:直接|再|整体)?"
    r"(?:(?P<up>(?:放快|加快|调快|变快|快)了?(?:两|2)倍)|(?:放慢|减慢|调慢|变慢|慢)了?一半)(?![\d.])",
)
def _zh_half_double(m: re.Match[str], st: State) -> None:
    """节奏翻倍 / 速度减半: the tempo times 2 or 0.5."""
    _scale_tempo(st, 2.0 if m["up"] else 0.5)


@shape(
    r"\b(?:tempo|bpm|speed)\s*(?:x|×|times)\s*(?P<f>\d+(?:\.\d+)?)\b|\b(?:tempo|speed)\s+(?:factor|multiplier)\s*(?:to\s+|of\s+|=\s*|:\s*)?(?P<f2>\d(?:\.\d+)?)\b",
    r"\b(?:tempo|speed|pace)\s*[:=]?\s*(?:to\s+|at\s+)?(?P<f>\d(?:\.\d+)?)\s*x\b|\b(?P<f2>\d(?:\.\d+)?)\s*x\s+(?:tempo|speed)\b",
    r"\b(?P<f3>\d(?:\.\d+)?)\s*(?:x|times)\s+(?P<dir>faster|quicker|slower)\b",
    r"(?:速度|节奏|节拍)(?:调成|变成|加快到|放慢到|调到|提到|提高到|降到|改成|设成|设为|快|慢)?(?:原来的|现在的)?(?P<f3>\d(?:\.\d+)?)\s*倍(?:速度?)?(?P<dir>快|慢)?",
    r"(?:速度|节奏|节拍)\s*(?:x|×|\*|乘以?)\s*(?P<f>\d(?:\.\d+)?)",
    r"(?:速度|节奏|节拍)(?:再)?(?:快|慢)(?:一?点|一些)?\s*[,，]\s*(?:大概|大约|就|要)?(?P<f>\d(?:\.\d+)?)\s*倍(?:速)?(?:左右)?",
    r"(?P<f3>\d(?:\.\d+)?)\s*倍(?:的)?(?:速度|节奏)?(?P<dir>快|慢)",
    r"(?:音乐|背景音乐|bgm|配乐)(?:的)?(?:调成|调到|变成|改成|放|开)?(?P<f3>\d(?:\.\d+)?)\s*倍速",  # 音乐1.5倍速
)
def _tempo_times(m: re.Match[str], st: State) -> None:
    f = float(group(m, "f", "f2", "f3") or 1)
    if group(m, "dir") in ("slower", "慢") and f > 0:
        f = 1 / f  # "2x slower": half the tempo
    _scale_tempo(st, max(0.5, min(2.0, f)))


@shape(
    r"\b(?P<n>\d{1,3})\s*(?:%|percent)\s+(?P<dir>faster|quicker|slower)\b|\b(?P<dir2>faster|quicker|slower)\s+by\s+(?P<n2>\d{1,3})\s*(?:%|percent)"
    r"|\b(?P<dir3>faster|quicker|slower)\s*,?\s*(?:(?:like|about|around|maybe|say|roughly)\s+)+(?P<n3>\d{1,2})\s*(?:%|percent)"
    r"|\b(?:tempo|speed|bpm|pace)\s*[:=]?\s*(?P<dir4>[+-])\s*(?P<n4>\d{1,2})\s*(?:%|percent)",
    r"\b(?P<dir>(?:speed\s+up|slow\s+down|slow)\s+the\s+(?:tempo|music|bpm|pace|beat)(?:\s+(?:up|down))?|speed\s+(?:it\s+|the\s+music\s+)?up|slow\s+(?:it\s+|the\s+music\s+)?down|(?:raise|increase|lower|reduce|drop|cut|decrease|boost)"
    r"\s+the\s+(?:tempo|bpm|speed|pace))\s+by\s+(?P<n>\d{1,3})\s*(?:%|percent)",
    r"(?:节奏|速度|节拍|tempo|bpm)\s*(?P<dir>加快|提高|提升|快|放慢|降低|减慢|慢)\s*(?P<n>\d{1,3})\s*%",
    r"(?:音乐)?(?P<dir>加快|放慢|减慢|调快|调慢|快|慢)\s*(?P<n>\d{1,3})\s*%",
)
def _tempo_pct(m: re.Match[str], st: State) -> None:
    """"10% faster", 节奏加快百分之十: the tempo times 1.1 (not a volume of 10%)."""
    n = min(float(group(m, "n", "n2", "n3", "n4") or 0), 50.0) / 100
    down = (group(m, "dir", "dir2", "dir3", "dir4") or "").startswith(("-", "slow", "lower", "reduce", "drop", "cut", "decrease", "放慢", "降低", "减慢", "慢", "调慢"))
    _scale_tempo(st, round(1 - n if down else 1 + n, 4))


@shape(
    r"(?:(?:速度|节奏|节拍)(?:的)?(?:调|变|改|放慢|加快|调慢|调快|变慢|变快)?|(?:放慢|加快|调慢|调快|变慢|变快))"
    r"(?:成|到|为)?(?:原来的|现在的)\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*%"
)
def _tempo_of_now(m: re.Match[str], st: State) -> None:
    """音乐放慢到原来的80%: the tempo times 0.8 (not the volume)."""
    _scale_tempo(st, max(0.5, min(2.0, float(m["n"]) / 100)))


@shape(
    r"\b(?P<n>\d{1,4})\s*bpm\b|\b(?:bpm|tempo)\s*(?:(?:down|up)\s+)?(?:to|of|at|=|:|is|(?:should|could|can|must|needs\s+to)\s+be)?\s*(?:(?:around|about|"
    r"roughly|like|maybe)\s+|~)?(?P<n2>\d{1,4})\b"
    r"(?![%:.]|\s*x\b)"
    r"(?:\s*bpm\b)?",
    r"(?:太快|太慢|(?:bpm|节奏|速度|节拍)(?:有点|太)(?:高|低))了?\s*[,，]?\s*(?:那就|就)?(?:改成|换成|调成|调到|改到|设成|设为|改为|降到|提到|升到|拉到|减到|就|要)\s*(?P<n3>\d{2,3})(?:\s*bpm)?(?![\d%秒分])|"
    r"(?P<n4>\d{2,3})\s*拍\s*(?:每分钟|/\s*分钟?)|"
    r"(?:(?<=[,，。；;\n])|^)[^,，。；;\n]{0,12}?(?:快|慢|节奏|速度|bpm)[^。；;\n]{0,12}?[,，]\s*(?:大概|大约|就|要)?(?P<n5>\d{2,3})\s*(?:bpm)?\s*(?:就行|就好|就可以|左右|吧|即可)|"
    r"(?:速度|节奏|节拍|拍速|拍子|bpm|tempo)\s*(?:调到|调成|调为|调至|设为|设成|设到|设置到|调整到|调整为|弄到|定到|设置为|设置成|定为|定在|改成|改为|改到|(?:放慢|放快|加快|降|减|提|调慢|调快|快|慢)到|到|为|是|:)?\s*(?P<n>\d{1,4})(?![\d.]*\s*倍)"
    r"(?:\s*bpm)?|每分钟\s*(?P<n2>\d{1,4})\s*拍",
    r"\b(?:faster|slower|quicker|tempo|speed|pace|(?:speed|slow|bump|pick|crank|bring|push|drop)\s+"
    r"(?:it|things|the\s+(?:music|tempo|bgm|beat|pace))?\s*(?:up|down))\s*,?\s*(?:(?:like|about|around|maybe|say|"
    r"to|at)\s+)+(?P<n>\d{2,3})\b"
    r"(?!\s*(?:%|percent|s\b|sec|second|min))(?:\s*bpm)?",
)
def _bpm(m: re.Match[str], st: State) -> None:
    bpm = float(group(m, "n", "n2", "n3", "n4", "n5") or 0)
    if not 40 <= bpm <= 240:
        raise bad(st.plan, f"{bpm:g} BPM is out of range: use 40-240 BPM.",
                  f"{bpm:g} BPM 超出范围：请用 40-240。")  # fmt: skip
    st.plan.bpm = bpm


@shape(
    rf"\b(?:{MUCH}\s+|{BIT}\s+)?(?:faster|quicker|(?<!something\s)more\s+upbeat|speed\s+{_THING}up|(?:increase|"
    r"raise|up|boost|crank(?:\s+up)?|bump(?:\s+up)?|push(?:\s+up)?|kick\s+up)\s+the\s+(?:tempo|bpm|pace|speed)(?!\s+(?:down|up)\b)|higher\s+(?:tempo|bpm)|less\s+slow|not\s+(?:so|as)\s+slow|(?:tempo|bpm|pace)\s+up|up[\s-]?tempo|pick\s+"
    rf"up\s+the\s+pace|too\s+slow)\b(?:\s+(?:tempo|pace|speed|beat))?{_OBJ}{AFTER}",
    rf"\bspeed\s+{_THING}(?P<much>way|a\s+lot|much|right)\s+up\b",
    r"\b(?:the\s+)?(?:music|bgm|song|track|beat|soundtrack|tempo|it)(?:'s|\s+is|\s+feels|\s+sounds)?\s+(?:(?:kinda|a\s+bit|so|too|really)\s+)?"
    r"(?:drags|dragging|sluggish)\b",  # "the music drags": too slow
    r"(?:节奏|速度|节拍|音乐)?(?:再)?(?P<much>大幅)?(?P<bit2>稍微|稍稍|略微)?(?<![欢轻明愉爽畅痛凉勤赶尽飞])(?:快(?P<bit>一点点|一丢丢)|快一?点儿?|快一些|快点|更快|加快|(?:没|别|不要)那么慢|调快|变快|提速|快些|(?:别|不要|不能)(?:太|过于)慢了?|(?<!心跳)加速|(?<=速度|节奏|节拍)(?:升|提|加)(?:一|个)档|快(?:一|个)档|"
    r"提高(?:节奏|速度)|(?:节奏|速度)快(?!了)一?点?|太慢了?|有点慢了?|有些慢|偏慢|(?<=节奏|速度|节拍)(?:有点|太|好|很|比较)?拖(?:沓|拉)?了?|太拖(?:沓)?了|慢了(?:一)?点|快(?P<much2>很多|得多))(?:节奏|速度)?(?:(?P<bit3>一点点|一丢丢|一丁点|[,，]?\s*(?:但|但是|不过)?(?:不要|别|不用)(?:太|那么)(?:快|多))|(?P<much3>很多|得多|不少))?",
)
def _faster(m: re.Match[str], st: State) -> None:
    _scale_tempo(st, factor(m, 1.15, 1.3, 1.07))


@shape(
    rf"\b(?:{MUCH}\s+|{BIT}\s+)?(?:slower|more\s+relaxed|slow\s+{_THING}down|slow\s+(?:it|the\s+music|the\s+tempo|things)(?=\s+(?:a\s+(?:little\s+)?bit|a\s+little|slightly|a\s+tad|a\s+touch)\b)|(?:decrease|lower|"
    r"reduce|drop)\s+the\s+(?:tempo|bpm|pace|speed)|lower\s+(?:tempo|bpm)|less\s+fast|not\s+(?:so|as)\s+fast|"
    r"(?:not|don't|dont|do\s+not)\s+make\s+(?:it|the\s+music|the\s+tempo)\s+(?:so|that)\s+(?:fast|quick|rushed)|(?:tempo|bpm|pace)\s+down|down[\s-]?tempo|too\s+fast|(?:is|feels|sounds|too)\s+rushed"
    rf"|too\s+frantic)\b(?:\s+(?:tempo|pace|speed|beat))?{_OBJ}{AFTER}",
    rf"\bslow\s+{_THING}(?P<much>way|a\s+lot|much|right)\s+down\b",
    # "slow" describing the music wanted: "something spooky and slow", "a slow track"
    r"(?<!too\s)(?<!so\s)\b(?:something\s+|and\s+|,\s*)slow(?:[\s-]paced)?"
    r"(?=\s*(?:$|[,.;!?]|and\b|(?:music|tracks?|songs?|beats?|bgm|tunes?|vibes?)\b))"
    r"|(?:^|(?<=[,;]\s)|(?<=\ba\s)|(?<=\bsome\s))slow(?:[\s-]paced)?\s+(?:and\b|(?:music|tracks?|songs?|beats?|bgm|tunes?|vibes?)\b)",
    r"(?:节奏|速度|节拍|音乐)?(?:再)?(?P<much>大幅)?(?P<bit2>稍微|稍稍|略微)?(?:慢(?P<bit>一点点|一丢丢)|慢一?点儿?|慢一些|慢点|更慢|放慢|(?:没|别|不要)那么快|调慢|变慢|减慢|慢些|降速|减速|(?:别|不要|不能)(?:太|过于)快了?|(?<=速度|节奏|节拍)(?:降|减)(?:一|个)档|慢(?:一|个)档|"
    r"降低(?:节奏|速度)|(?:节奏|速度)慢(?!了)一?点?|太快了?|有点快了?|有些快|偏快|快了(?:一)?点|慢(?P<much2>很多|得多))(?:节奏|速度)?(?:(?P<bit3>一点点|一丢丢|一丁点|[,，]?\s*(?:但|但是|不过)?(?:不要|别|不用)(?:太|那么)(?:慢|多))|(?P<much3>很多|得多|不少))?",
)
def _slower(m: re.Match[str], st: State) -> None:
    _scale_tempo(st, factor(m, 0.87, 0.75, 0.93))


# ---- takes ----------------------------------------------------------------------------------
@shape(
    r"\bseed\s*(?:=|:|to|of|#)?\s*(?P<seed>\d{1,9})\b",
    r"(?:种子|seed)\s*(?:号)?(?:换成|改成|改为|改回|换回|用回|设为|设成|用|是|为|=|:)?\s*(?P<seed>\d{1,9})",
)
def _seed(m: re.Match[str], st: State) -> None:
    st.plan.seed = int(m["seed"])


@shape(
    r"\b(?:another|a\s+different|a\s+new|different|new|fresh)\s+(?:take|version|variation|variant|"
    r"one|try|melody|tune|song|track|composition|arrangement|seed|generation|piece)\b|\b(?:try\s+"
    r"(?:again|another)|once\s+more|one\s+more\s+(?:time|take|try|version|one|go|variation)|(?:give\s+it|have)\s+another\s+(?:shot|go|try|spin)|re-?roll|re-?gen(?:erate)?|re-?compose"
    r"|(?:re-?)?generate\s+(?:it\s+)?again|again\s+(?:generate|compose|make\s+(?:it|one))|something\s+new\b(?![^,.;!?\n]{0,12}\b(?:title|text|caption|style|aspect|format))|re-?do\s+the\s+music|roll\s+(?:it\s+|the\s+dice\s+)?again|(?:scrap|trash|toss|bin)\s+(?:this|that|the)\s+(?:take|version|one|melody|tune)|(?:not\s+so|less|too|so|kinda|really|way\s+too)\s+(?:repetitive|monotonous|samey)|shuffle|something\s+(?:else|different)|change\s+the\s+(?:melody|tune)"
    r"|give\s+me\s+another|another(?=\s*(?:$|[,.!?\n]|please|pls))|(?:new|fresh|different|other|some\s+other|better|a\s+better|nicer|a\s+nicer)\s+(?:music|bgm|soundtrack|beat|song|track|tune|one)(?=\s*(?:$|[,.!?\n]|please\b|pls\b|plz\b|rn\b|instead\b))"
    r"|something\s+(?:better|nicer)(?=\s*(?:$|[,.!?\n]|please\b|pls\b|plz\b|rn\b|instead\b))"
    r"|(?<!don't\s)(?:change|swap|switch)\s+(?:up\s+)?(?:the\s+|this\s+)?(?:music|song|track|tune|bgm|beat)(?:\s+up)?(?=\s*(?:$|[,.!?\n]|please\b|pls\b|plz\b|rn\b)))\b",
    r"换(?:个|一个|首|一首)(?:更)?好听(?:一?点|一些)?的|(?:来|换|整|搞|弄)一?[点个首段版](?:不一样的|别的|新的|不同的)(?:音乐|bgm|配乐|曲子)?(?!\s*(?:风格|标题|字幕|淡))|重新来一?[个首版次遍]|换一?个(?:随机|新|不同|别)的?版本|换一首|换首|换一?个版本|换一版|换版本|再来一首|再来一版|再来一次|再来一个|重新生成|重新作曲|重新编曲|另一个?版本|"
    r"另一版|不同的旋律|换个旋律|换一种旋律|换一下旋律|换旋律|重来|再生成一次|随机一下|换一?个(?=$|[\s,!?]|吧|呢|试试|吗|嘛|呗|行不|好不好|好吗|行吗|可以吗)"
    r"|(?:换|再来|重来|来)一?个\s*(?:new\s+|different\s+)?(?:take|version|seed)\b|换(?:一个|个)?(?:新的|随机的?)?种子|重新随机"
    r"|(?:再|重新)(?:生成|来|做|弄|出|整|写|作|编)(?:一下|一?[版首个次遍段])(?:新的|别的|不一样的)?(?:的)?(?:音乐|bgm|配乐|曲子)?(?=\s*(?:$|[,，。.!！?？;；\s]|吧|呢|试试|看看))"
    r"|换(?:个|一个|一首|首|段|一段)(?:别的|新的)?(?:音乐|bgm|配乐|背景音乐|曲子|歌)(?=\s*(?:$|[,，。.!！?？;；\s]|吧|呢|试试|看看))"
    r"|(?:(?<=[,，\s])|^)再换(?:一个|个|一首|首|一版)?(?:吧|呗|一下)?(?=\s*$|[,，。.!！?？;；])"
    r"|(?:换|来)(?:个|一个|一首|首)(?:我)?没(?:有)?听过的"
    r"|(?:(?<=[,，\s])|^)(?:不要|不想要)(?:这首|这版|这一版|这一首)(?:音乐|bgm|歌)?了?(?=\s*$|[,，。.!！])",  # 不要这首了
)
def _new_take(m: re.Match[str], st: State) -> None:
    st.plan.new_take = True


@shape(
    r"\b(?:i\s+)?(?:(?:don't|do\s+not|dont|not)\s+(?:really\s+)?(?:like|love|dig)|hate|can't\s+stand)\s+(?:this|it|that|the)"
    r"(?:\s+(?:one|music|song|track|tune|melody|take))?\b|\b(?:this|that)\s+(?:one|music|song|"
    r"track|tune)\s+(?:is\s+)?(?:bad|boring|meh|not\s+it|sucks)\b|\b(?:not\s+so|less|too|so|kinda|really|way\s+too)\s+"
    r"(?:boring|bland|generic)\b|\b(?:boring|bland|generic|annoying|cringe|lame)\s+(?:music|song|track|tune|bgm|melody)\b"
    r"|\b(?:music|song|track|tune|bgm|melody|it|this)(?:'s|\s+is)\s+(?:so\s+|really\s+|kinda\s+|pretty\s+|super\s+)?"
    r"(?:annoying|irritating|grating|cringe|trash|awful|terrible|bad|not\s+good|no\s+good|not\s+great)\b",
    r"(?:这版|这个|这首|这段|这一版)(?:音乐|bgm|配乐|旋律|歌)?(?:换掉|换了|换一下|不行|不太行|不怎么样|一般般?|太差了?|拉胯|很烂|好烂|太烂了?|不对味|没感觉)"
    r"|不(?:太|怎么|是很|大)?喜欢(?:这个|这首|这段|这版)?(?:音乐|旋律)?|(?:让人)?(?:想睡觉|犯困|昏昏欲睡)|(?:太|好|很|有点)土了?|老土|土味|太low|(?:(?<=[,，\s])|^)换(?:吧|掉|了)?(?=\s*(?:$|[,，。!！]))|(?:这首|这个|这段)(?:音乐)?不好听|不好听|(?:太|好|很)?难听|(?:太|有点|好)(?:单调|重复|无聊|腻)了?",
)
def _dislike(m: re.Match[str], st: State) -> None:
    st.dislike = True


# ---- stingers, arc, climax ------------------------------------------------------------------
_STING = r"(?:stingers?|stings?|accent\s+hits?|hit\s+accents?|accents?|musical\s+hits?)"


@shape(
    rf"\b{NEG}\s+(?:the\s+|any\s+|those\s+)?{_STING}\b|\b(?:take|leave|cut|turn)\s+(?:the\s+|those\s+|all\s+the\s+)?"
    rf"{_STING}\s+(?:out|off)\b"
    rf"|\b{_STING}\s+off\b",
    r"(?:不要|去掉|关闭|取消|关掉|别|不用)(?:加)?(?:那些|这些|所有的?)?(?:重音|强调音|音效点缀|stinger)"
    r"|(?:重音|强调音|stinger)(?:都|也)?(?:去掉|关掉|不要了?|取消|关了|删掉|去了)",
)
def _no_stingers(m: re.Match[str], st: State) -> None:
    st.plan.stingers = False


@shape(
    rf"\b(?:add|with|enable|turn\s+on|use|put\s+in|bring\s+back|have|want|need|get)\s+(?:some\s+|the\s+)?{_STING}\b"
    rf"|\b{_STING}\s+on\b|\b(?:hit|accent)\s+the\s+(?:big\s+)?(?:moments|kills|plays)\b"
    rf"|\b(?:get|put|bring|have|want)\s+(?:the\s+|those\s+|my\s+)?{_STING}\s+back\b|\b{_STING}\s+back(?:\s+on)?\b|\bmore\s+{_STING}\b",
    r"(?:加上?|开启|打开|要|来)(?:点|些|一些|个|上)?(?:重音|强调音|音效点缀|stinger)",
)
def _stingers(m: re.Match[str], st: State) -> None:
    st.plan.stingers = True


opposite(_stingers)(_no_stingers)


@shape(
    rf"\b(?:the\s+)?{_STING}\s+(?:are|is|sound|seem)\s+(?:(?:way|a\s+bit|kinda|really|so)\s+)?(?:too\s+)?(?:loud|quiet|soft|much)\b"
    rf"|\b(?:louder|quieter|softer)\s+{_STING}\b|\b{_STING}\s+(?:louder|quieter|softer)\b",
)
def _stinger_level(m: re.Match[str], st: State) -> None:
    """"The stingers are too loud": their level is not a setting; named as ignored, and the
    music's volume is left alone."""
    st.plan.ignored.append(m.group(0).strip())


@shape(r"\b(?:the\s+)?arc\s+(?:to\s+|=\s*|:\s*)?(?P<arc>calm|intense|auto(?:matic)?)\b")
def _arc_named(m: re.Match[str], st: State) -> None:
    """"Set the arc to calm": the arc by its name."""
    st.plan.arc = "auto" if m["arc"].startswith("auto") else m["arc"]  # type: ignore[assignment]


@shape(
    r"\b(?:keep|stay|hold|leave)\s+(?:it|the\s+music|things|everything)?\s*(?:calm|steady|even)(?:\s+(?:the\s+whole\s+(?:time|way|video)|throughout|all\s+the\s+"
    r"way(?:\s+through)?))?|\b(?:no|without|don't\s+add|skip\s+the)\s+(?:big\s+)?build[\s-]?ups?\b"
    r"|\bcalm\s+(?:the\s+whole\s+(?:time|way)|throughout)\b",
    r"(?:保持|一直|全程|整体|从头到尾)(?:都)?(?:很|要|是|保持|一直)?(?:平静|平稳|舒缓|安静|冷静|平平稳稳|稳稳当当)(?:的)?|不要(?:起伏|高潮|渐强)"
    r"|(?:别|不要)(?:让音乐)?(?:有)?(?:起伏|忽高忽低)|(?:一直)?平平的|平稳一?点|平平稳稳的?",
)
def _calm(m: re.Match[str], st: State) -> None:
    """"Keep the music calm": no build-ups. "No ducking, keep it steady" is the level's."""
    if st.plan.duck is False and re.search(r"steady|even|平稳", m[0]):
        return
    st.plan.arc = "calm"


@shape(
    r"\b(?:keep|stay|hold)\s+(?:it|the\s+music|things|the\s+energy)?\s*(?:intense|high[\s-]?energy|"
    r"hype|tense|pumping)(?:\s+(?:the\s+whole\s+(?:time|way|video)|throughout|all\s+the\s+way"
    r"(?:\s+through)?))?|\b(?:intense|full\s+intensity|high\s+energy|hype)\s+(?:the\s+whole\s+"
    r"(?:time|way)|throughout|all\s+the\s+way(?:\s+through)?)\b"
    r"|\b(?:keep|hold)\s+the\s+(?:energy|intensity|hype)\s+(?:high|up)(?:\s+(?:the\s+whole\s+(?:time|way|video)|throughout))?\b",
    r"(?:保持|一直|全程|整体|从头到尾)(?:都)?(?:很|要|保持|是|一直)?(?:很)?(?:紧张|激烈|高能|燃)(?:的感觉|的)?",
)
def _intense(m: re.Match[str], st: State) -> None:
    st.plan.arc = "intense"


@shape(
    r"\b(?:follow|match|react\s+to|track|sync(?:hroni[sz]e)?\s+(?:the\s+music\s+|it\s+|the\s+bgm\s+)?(?:to|with))\s+(?:the\s+)?(?:gameplay|action|game|fights?|intensity|"
    r"what(?:'s|\s+is)\s+happening|what\s+happens(?:\s+(?:in|on)\s+(?:the\s+)?(?:game|screen))?)\b(?:\s+(?:of|in)\s+(?:the\s+|my\s+)?(?:fights?|battles?|game(?:play)?|action|match|clip|video|combat))?",
    r"(?:跟|和|与)(?:画面|游戏|战斗|剧情)(?:同步|一致|配合)|"
    r"(?:跟随|跟着|配合|随着)(?:游戏|画面|战斗|打斗|战况|剧情|动作|节奏|视频剪辑|视频|剪辑)(?:的)?(?:紧张程度|激烈程度|节奏|强度|情绪|氛围|紧张感)?(?:走|变化|变|来)?",
    # 换个有起伏的: ups and downs that follow the game (没有起伏 is calm)
    r"(?<!没)(?<!不要)(?<!别)(?<!不)有(?:点)?(?:起伏|高低起伏|起承转合)(?:的|一点|一些)?|起伏大一?点",
)
def _arc_auto(m: re.Match[str], st: State) -> None:
    st.plan.arc = "auto"


@shape(
    r"\b(?:(?:some\s+)?tension\s+)?(?:build(?:s|ing)?(?:\s+it)?\s+up|build(?:s|ing)?|ramp(?:s|ing)?\s+up|climax(?:es)?|peak(?:s)?|"
    r"crescendo)\s+(?:to|toward|towards|into|for)?\s*(?:(?:the|a|my|its)\s+)?(?:[a-z]+\s+){0,3}?"
    rf"(?:at|around|by|near)\s+(?P<t>{TIME})"
    rf"|\b(?:the\s+)?(?:boss(?:\s+fight)?|final\s+fight|fight|big\s+fight|clutch|big\s+moment)\s+(?:starts|begins|"
    rf"is|happens|comes|kicks\s+off|shows\s+up|appears|arrives|spawns)\s+(?:at|around)\s+(?P<t3>{TIME})\s*[,;.]?\s*(?:so\s+)?"
    r"(?:(?:can|could|should)\s+(?:you\s+)?(?:the\s+music\s+|it\s+)?|(?:have|make|let)\s+the\s+music\s+)?(?:build|ramp)(?:\s+it)?\s+"
    r"up(?:\s+to\s+(?:it|that))?"
    rf"|\b(?:the\s+)?(?:climax|peak|big\s+moment|high\s+point)\s+(?:is\s+|should\s+be\s+|comes\s+)?"
    rf"(?:at|around|by)\s+(?P<t2>{TIME})"
    rf"|\b(?:the\s+)?(?:climax|peak)\s+(?:should\s+)?(?:hit|land|happen|come)s?\s+(?:at|around|on|when)\s+(?:(?:the|my)\s+)?"
    rf"(?:[a-z']+\s+){{0,3}}?[a-z']*\s*,?\s*(?:at\s+|around\s+)?(?P<t4>{TIME})",
    rf"(?:在\s*)?第?(?P<t>{TIME})\s*(?:处|时|的时候|左右|的位置|的地方|那里)?(?:[，,]?(?:让)?(?:音乐|背景音乐|bgm|配乐)(?:要|就|会|再)?)?(?:达到|进入|推向|推到|推|冲到|冲|来个|安排|是|到|上|加入|加上|加|放|出现|来)?(?:一个|个)?(?:最)?高潮"
    rf"|高潮(?:部分|点)?[^。；;\n\d]{{0,10}}?(?:在|放在|安排在|设在|定在|放到|推迟到|挪到|到)\s*第?(?P<t2>{TIME})",
)
def _climax(m: re.Match[str], st: State) -> None:
    st.plan.climax = seconds(group(m, "t", "t2", "t3", "t4") or "0")


@shape(
    r"\b(?:build(?:s|ing)?(?:\s+it)?(?:\s+up)?|ramp(?:s|ing)?(?:\s+it)?\s+up|crescendo|climax)\s+(?:to|toward|towards|into|for|until|till)\s+"
    r"(?:(?:the|a|my|its|that)\s+)?(?:very\s+)?(?:[a-z]+\s+){0,3}?(?:end|ending|finale|boss(?:\s+fight)?|fight|kill|climax|moment|part|drop|win|victory|it|that)\b"
    r"|\b(?:make|let|have)\s+(?:it|the\s+music)\s+build(?:\s+up)?\b|^\s*(?:a\s+)?build[\s-]?up\s*(?:please|pls)?\s*$",
)
def _climax_unplaced(m: re.Match[str], st: State) -> None:
    """"Build up to the boss fight" with no time: named, never the boss style instead."""
    st.plan.unsupported.append(Unsupported(
        "a build-up without a time", "没有时间点的高潮",
        "Say when the climax is: 'build up to 2:30'.", "请说高潮在哪个时间：“在2:30达到高潮”。"))  # fmt: skip


# ---- styles, add music ----------------------------------------------------------------------
_NOT = re.compile(
    r"(?:\b(?:not|no|instead\s+of|rather\s+than|except|than|without|don't\s+want|dont\s+want|anything\s+but|besides|"
    r"hate|less|nothing|too)\s+(?:\w+\s+){0,1}$)|(?:不要|别|不是|不想要|而不是|不用|除了)\S{0,2}$",
    re.I | re.A,
)


@style(
    r"(?:换(?:个|一个|一首|成|首)?|来(?:点|个|一首|首|段|一段)|要(?:个|点|一首)?|整(?:点|个)|配(?:个|点|首))(?:更)?"
    r"(?:安静|平静|舒缓|轻柔|柔和|不那么(?:吵|闹|燃|激烈))(?:一?点|一些)?的",
    r"\b(?:something|a\s+(?:song|track|piece))\s+(?:more\s+)?(?:quieter|calmer|softer|gentler|mellower)\b",
)
def _calmer_piece(m: re.Match[str], st: State) -> None:
    """"换个安静点的", "something calmer": another, calmer piece (lo-fi), not just a lower level."""
    st.styles.append(("lofi", False))


_WHEN = re.compile(
    r"\b(?:during|in|at|before|after|until|till|when|while|throughout)\s+(?:the|my|this|that|our)\s+"
    r"(?:[a-z]+\s+)?$",
    re.I | re.A,
)


# 还是 after 算了/不对 is a correction ("换成boss战的，算了还是rpg吧"), the last style said wins.
_OR = re.compile(
    r"\b(?:or|either)\b|或者|或是|要么|(?<!算了)(?<!不对)(?<!不了)(?<!要不)(?<!我看)(?<!想想)(?<!不对,)(?<!算了,)(?<!不对，)(?<!算了，)还是(?=[^,，。;；]{0,6}$)"
    r"|(?<![a-z])或(?!许)", re.I | re.A
)
_IS_A = re.compile(r"\b(?:it's|its|it\s+is|this\s+is|that's|playing|i\s+play|i'm\s+playing)\s+(?:a|an|this|my)?\s*$", re.I | re.A)
_GAME_NOUN = re.compile(  # "it's a horror game", "it's a hype moment": what the video is
    r"\s*(?:game|title|level|map|moment|clip|stream|video|match|round|scene|part|montage|highlight)s?\b", re.I | re.A
)
_STYLE_NOUN = re.compile(r"\s*(?:style|vibes?|feel|spirit|sound|era|music|mood)\b|\s*(?:风|风格|感觉)", re.I | re.A)


_RECORDED = re.compile(  # "this minecraft clip", "my minecraft mining clip"
    r"(?:\s+(?!(?:style|vibes?|feel|music|like|sound|soundtrack|theme|type|inspired|era|ish|and|or|but|to|for|with)\b)"
    r"[a-z']+){0,2}?\s*(?:clip|clips|video|gameplay|footage|run|stream|vod|montage|highlights?|match|speedrun|"
    r"playthrough|let's\s+play|server|world|build|session|clutch|clutches|ace|round|rounds|game|games|kills?|plays?|win|wins|moments?|录像|录屏|视频|实况|集锦|直播|片段|素材)", re.I | re.A
)


@style(
    rf"\b(?:between|either)\s+(?P<a>{STYLE_RE.pattern})(?:\s+(?:music|style))?\s+(?:and|or)\s+(?P<b>{STYLE_RE.pattern})"
    rf"|(?P<a2>{STYLE_RE.pattern})(?:\s+(?:music|style))?\s+or\s+(?P<b2>{STYLE_RE.pattern})(?=(?:\s+(?:music|style))?\s*(?:[,?]|$|\.|"
    r"\s+(?:whichever|whatever|idk|not\s+sure|you\s+(?:pick|choose|decide)|maybe)))",
)
def _either_style(m: re.Match[str], st: State) -> None:
    """"Something between lofi and synthwave", "rpg or dungeon, whichever fits": a question."""
    picks = [style_word(group(m, "a", "a2") or ""), style_word(group(m, "b", "b2") or "")]
    choices = tuple(dict.fromkeys(p[0] for p in picks if p))
    if len(choices) < 2:
        st.styles += [p for p in picks if p]
        return
    st.plan.question = Question("Which one: " + " or ".join(STYLE_TITLES[c] for c in choices) + "?",
                                "选哪个：" + "还是".join(STYLE_ZH[c] for c in choices) + "？", choices)


@style(
    rf"\b(?:doesn't|does\s+not|isn't|is\s+not|not)\s+(?:sound\s+|feel\s+|seem\s+)?(?:(?:quite|really)\s+)?(?P<w>{STYLE_RE.pattern})\s+enough\b",
)
def _not_enough(m: re.Match[str], st: State) -> None:
    """"It doesn't sound retro enough": more of that style, not a refusal of it."""
    found = style_word(m["w"])
    if found:
        st.styles.append(found)


@style(
    # 我在打原神 / 玩的是王者荣耀: the game being played, not a style asked
    rf"(?:我们?)?(?:在|正在|一直在)?(?:玩|打|录|肝|播)(?:的是|的)?(?P<fr>{FRANCHISE_WORDS})(?!的?(?:那样|一样|那种|这种|风|感觉|的感觉))",
    rf"(?P<fr2>{FRANCHISE_WORDS})"
    r"(?P<rec>的?(?:(?!那样|一样|那种|这种|风|感觉|的|像|般)[\u4e00-\u9fff]){0,4}?(?:录像|录屏|视频|实况|集锦|直播|片段|素材|合集|高光|操作))",
)
def _zh_recorded(m: re.Match[str], st: State) -> None:
    """王者荣耀五杀集锦 / 原神深渊实况: the game recorded, with the words up to its noun."""
    found = franchise(group(m, "fr", "fr2") or "")
    if found is not None and not style_word(found[1]):
        st.setting = found


@style(FRANCHISE_RE.pattern)
def _franchise(m: re.Match[str], st: State) -> None:
    found = franchise(m.group(0))
    if found is None:
        return
    if style_word(m.group(0)):  # "mario-like" is a style word, not the franchise named
        st.styles.append(style_word(m.group(0)))  # type: ignore[arg-type]
        return
    if _RECORDED.match(m.string, m.end()):  # "for this minecraft clip": what was played
        st.setting = found
        return
    st.styles.append((found[0], True))
    st.plan.inspired_by = found[1]


@style(STYLE_RE.pattern)
def _style(m: re.Match[str], st: State) -> None:
    found = style_word(m.group(0))
    if not found:
        return
    before = m.string[max(0, m.start() - 24) : m.start()]
    if _NOT.search(before):  # "not boss, rpg": a correction, boss is never picked
        st.refused_styles.add(found[0])
        return
    after = m.string[m.end() : m.end() + 12]
    if re.search(r"(?:太|过于)$", before) and re.match(r"了", after):  # 太燃了，换个平静点的
        st.refused_styles.add(found[0])  # a complaint about that style, not a request for it
        return
    if re.search(r"(?:更|再|更加|还要)$", before):  # "太燃了，配个更燃的": more of it, asked
        st.refused_styles.discard(found[0])
    if _IS_A.search(before) and _GAME_NOUN.match(after):  # "it's a horror game": what was played
        st.setting = (found[0], None)
        return
    if _WHEN.search(before) and not _STYLE_NOUN.match(after):  # "during the fight": a time
        return
    if (st.styles or st.plan.question) and _OR.search(before):  # "boss or rpg": the user picks
        st.either = True
    st.styles.append(found)


@opposite(_style)
def _not_style(m: re.Match[str], st: State) -> None:
    """"不要恐怖的了", "no boss music": that style is never picked (and, alone, a question)."""
    found = style_word(m.group(0))
    if found and not re.search(r"(?:别|不要|不用)(?:搞|弄|整|做|来|放|搞得|弄得)?(?:太|那么)$", m.string[max(0, m.start() - 4) : m.start()]):
        st.refused_styles.add(found[0])  # but "恐怖风，但别太吓人" only tempers it


@style(
    r"\b(?:(?:add|put|insert|want|need|give|use|include|generate|compose|create|play|throw|slap|"
    r"drop|lay)(?:[ \t]+(?:me|it|us|some|a|an|the|new|background|backing|game|video\s+game|gaming|cool|nice|my|"
    r"in|on|down|under|this|clip|video|sick|dope|fire|good))*|make(?:[ \t]+(?:me|us))?(?:[ \t]+(?:some|a|an|new|background|"
    r"cool|nice))+)[ \t]+(?:music|bgm|soundtrack|song|tune|track|score|beats?|bangers?|bops?)s?\b"
    r"|\b(?:needs?|want|wants)\s+(?:a|some)\s+(?:banger|bop|backing\s+track|soundtrack)s?\b"
    r"|\b(?:background|bg)\s+(?:music|tunes?|track)\b"
    r"|(?:^|(?<=[,;.!?]))[ \t]*(?:some\s+)?(?:music|bgm|tunes)[ \t]*(?=\Z|[,;.!?]|please\b|pls\b|plz\b)"
    r"|\b(?:music|bgm)[ \t]+(?:back[ \t]+)?on\b(?![ \t]+(?:at|from|after|until|till|for|in|during|when)\b)",
    r"(?:加|添加|加上|加个|配|配上|配个|来点|来一段|来首|来一首|生成|要|想要|放|放点|插入|整点|整一段)(?:一段|一首|首|点|些|个|上)?"
    r"(?:[^,，。；;！!？?\n]{1,8}?的)?(?:游戏)?(?:背景音乐|背景乐|背景曲|配乐|音乐|bgm)|配个乐|(?:帮我|给我|帮忙|给(?:这段|这个)?(?:视频|录像)?)配乐"
    r"|(?:^|(?<=[,，\s]))(?:背景音乐|配乐)(?:吧|呗|一下)?(?=\s*$)|缺(?:个|点|一个|一首|首)?(?:背景音乐|背景乐|bgm|配乐|音乐)"
    r"|(?:背景音乐|配乐|音乐|bgm)(?:给我|帮我)?安排(?:一下|上)?|安排(?:个|一首|首|点|一段)(?:背景音乐|bgm|音乐|配乐)"
    # 来首chill的歌当背景, 配首歌: 首 makes 歌 a song to put under the video
    r"|(?:加|配|配上|来|放|整|要)(?:一首|首)(?:[^,，。；;！!？?\n]{1,8}?的)?歌(?:曲)?(?!词|手|声)"
    r"(?:(?:当|做|作为)(?:背景音乐|背景乐|背景|bgm))?",
)
def _add_music(m: re.Match[str], st: State) -> None:
    if _WANT_IT_TO.match(m.string, m.end()) and re.search(r"\b(?:want|need)s?\s+(?:the|my)\b", m.group(0)):
        return  # "i want the music to build up": the music there already, asked to do something
    st.plan.add_music = True


_WANT_IT_TO = re.compile(r"\s+to\s*(?:\n|(?!(?:my|the|this|it|me|a|an|that|these)\b)[a-z]+)")
