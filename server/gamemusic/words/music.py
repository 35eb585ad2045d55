"""The piece itself. `SHAPE`: another take ("give me another"), the seed, stingers ("no
stingers"), the arc ("keep it calm") and a climax ("build up to the boss at 1:20"); its tempo
is `tempo.py`. `STYLE`: style words and franchises (`vocabulary.py`), and plain "add music".
SHAPE runs before the volume rules, STYLE last."""

from __future__ import annotations

import re

from gamemusic.words.plan import Question, Unsupported
from gamemusic.words.rules import (
    NEG,
    Rule,
    State,
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
