"""Requests too vague to guess, which become a question instead of a change: "something
darker" (dungeon or boss?), "something sad" (lo-fi or RPG?), "more cinematic" (RPG or boss?),
"change the style" (which one?). They run right after `limits.RULES`."""

from __future__ import annotations

import re

from gamemusic.words.plan import Question
from gamemusic.words.rules import Rule, State, registrar
from gamemusic.words.vocabulary import STYLE_TITLES

RULES: list[Rule] = []
rule = registrar(RULES)


@rule(
    r"\b(?:change|switch|another|different|new|pick\s+a)\s+(?:the\s+|a\s+)?(?:style|genre|vibe|mood)\b"
    r"(?!\s+(?:to|into|for)\b)|\b(?:doesn't|does\s+not|don't|dont|do\s+not)\s+(?:really\s+)?(?:fit|suit|match|go\s+with)\b"
    r"(?!\s+(?:the\s+)?(?:gameplay|action|intensity|fights?|tempo|beat|timing)\b)|\bwrong\s+(?:vibe|style|mood|genre|kind\s+of\s+music)\b"
    r"|\b(?:less|not\s+so|too|so)\s+(?:cheesy|corny|cringe|cringy|cheap|tacky|lame|"
    r"basic|kiddy|childish)\b",
    r"换(?:个|一个|一种|种)?风格(?!成|为|到)|换(?:个|一种)类型|(?:别的|其他|其它|另外的?|不同的?|不一样的?|新的?)(?:的)?(?:风格|类型)(?!成|为|到)"
    r"|有(?:什么|哪些)(?:别的)?风格|风格推荐|推荐(?:个|一个|一下|几个)?风格"
    r"|(?:跟|和|与)(?:我的?|这个)?(?:视频|画面|游戏)(?:的)?(?:节奏|风格|氛围|内容)?不(?:太)?(?:搭|配|合适|协调|match)"
    r"|(?:换|来|要|整|有没有|配)(?:个|一个|一种|成|点|首)?(?:更)?(?:酷|帅|高级|洋气|时髦|潮|带感|有感觉|特别|有意思|新鲜)(?:一?点|一些)?的"
    r"|(?:换|来|要)(?:个|一个|一种|种)?(?:随机|随便)(?:的|一个|一种)?(?:风格|类型)",
)
def _which_style(m: re.Match[str], st: State) -> None:
    st.plan.question = Question("Which style?", "换成哪种风格？", tuple(STYLE_TITLES))


@rule(
    r"(?<!look\s)(?<!looks\s)\b(?:more\s+|very\s+|super\s+)?(?:cinematic|dramatic|filmic|movie[\s-]?like|hollywood)\b|\blike\s+a\s+(?:movie|film)(?:\s+(?:trailer|score|soundtrack))?\b"
    r"|\b(?:movie|film)\s+(?:trailer|score|soundtrack)\b|\btrailer\s+music\b",
    r"电影感|大片感|大片的感觉|好莱坞|预告片|影视感|(?:更|有点)?戏剧性",
)
def _cinematic(m: re.Match[str], st: State) -> None:
    st.plan.question = Question(
        "Cinematic how: a sweeping RPG theme, or an epic boss fight?",
        "想要哪种电影感：恢弘的角色扮演主题，还是史诗的Boss战？",
        ("rpg", "boss"),
    )


_ANY_WILL_DO = re.compile(r"[^。；;!?！？\n]{0,12}?(?:还是|或者|或)[^。；;!?！？\n]{1,10}?(?:都行|都可以|都好|都ok|随便)")


@rule(
    r"\b(?:sad|sadder|melancholic|melancholy|emotional|moody|bittersweet)\b",
    r"伤感|悲伤|难过|忧伤|感人",
)
def _sad(m: re.Match[str], st: State) -> None:
    st.plan.question = Question(
        "Sad how: mellow lo-fi, or a bittersweet RPG theme?",
        "想要哪种伤感：舒缓的低保真，还是略带忧伤的角色扮演旋律？",
        ("lofi", "rpg"),
    )


@rule(
    r"\b(?:(?:a\s+)?(?:bit|little|lot|much)\s+)?(?:darker|more\s+dark|more\s+sinister|heavier|"
    r"more\s+ominous|grittier|(?:less|not\s+so)\s+(?:happy|cheerful|cheery|goofy|silly|cartoony|childish|kiddy)"
    r"|(?:way\s+|a\s+bit\s+|kinda\s+|a\s+little\s+)?too\s+(?:happy|cheerful|cheery|goofy|silly|cartoony|childish|kiddy))\b",
    r"(?:更|再)?(?:黑暗|暗黑|阴暗|沉重|压抑)(?:一?点|一些|些)|更(?:黑暗|暗黑|阴暗|沉重|压抑)|暗一?点"
    r"|有点(?:暗|黑暗|暗黑|阴暗|沉重|压抑)(?!淡)|(?:压抑|沉重|阴暗)(?:的|一些)?(?:感觉|氛围|风格|音乐|bgm)"
    r"|(?<=来点|要点|整点|弄点)(?:暗|黑)的(?=\s*(?:$|[,，。!！吧]))",
)
def _darker(m: re.Match[str], st: State) -> None:
    if _ANY_WILL_DO.match(m.string, m.end()):  # "暗一点还是亮一点都行": any style, so ask which
        st.plan.question = Question("Which style?", "换成哪种风格？", tuple(STYLE_TITLES))
        return
    st.plan.question = Question(
        "Darker how: eerie dungeon ambience, or a heavy boss fight?",
        "想要哪种暗：阴森的地牢氛围，还是沉重的Boss战？",
        ("dungeon", "boss"),
    )
