"""What "it" means: a pass over the lower-cased sentence, before the rules, that names the
sound a pronoun or a bare clause points back to, when that sound is the game's.

    "keep the game audio but lower it a little" -> "... but lower the game audio a little"
    "the game sounds are too quiet, bump them up"  -> "..., bump the game audio up"
    "原声保留，小一点"                               -> "原声保留，游戏声音小一点"

The music is what a bare "it" means everywhere else ("make it louder"), so only a game-audio
antecedent rewrites anything; the last sound named before the pronoun decides.
"""

from __future__ import annotations

import re

from gamemusic.words.text import CJK, FLAGS, NUM, TIME

_GAME = (
    r"\b(?:game(?:play)?|in-game|original|source)(?:'s)?\s+(?:audio|sounds?|sfx|volume|noise)\b"
    r"|\b(?:sound\s+effects|sfx|footsteps|gunshots|explosions)\b"
    r"|\bthe\s+game(?=\s+(?:is|was|seems|feels|gets|sounds|too)\b|'s\s+(?:too|way|so|really|kinda))"
    r"|\bgame(?=(?:\s+sound)?\s+(?:a\s+bit\s+|much\s+|way\s+)?(?:louder|quieter|softer|lower)\b)"
    r"|游戏声音?|游戏音效|游戏音量|游戏的声音|原声|原音|脚步声|枪声"
)
_MUSIC = (
    r"\b(?:music|bgm|soundtracks?|songs?|tracks?|tunes?|beats?|melody|melodies)\b|音乐|配乐|bgm|旋律"
)
# A level verb with a pronoun object ("lower it", "bump them up", "turn that down"), or a
# pronoun subject before a level ("it's too loud", "they are too quiet").
_PRONOUN = (
    r"\b(?:lower|raise|reduce|boost|quiet|mute|silence)\s+(?P<obj>it|them|those|that)\b"
    r"|\b(?:bump|turn|bring|crank|pump|drop|cut|tone|dial|push|make|keep|get)\s+(?P<obj2>it|them|those|that)"
    r"(?=\s+(?:(?:a\s+)?(?:bit|little|lil|tad|way|much|lot|notch)\s+)?(?:up|down|low|lower|quiet|quieter|louder"
    r"|loud|soft|softer|higher|back)\b)"
    r"|\b(?P<subj>it|they)(?:'s|'re|\s+is|\s+are|\s+gets?|\s+seems?)\s+(?=(?:[a-z]+\s+){0,2}"
    r"(?:loud|quiet|soft|faint|low|noisy)\b)"
)
# A Chinese clause that opens on a bare level ("小一点", "再大声点"): its subject is the last
# sound named.
_ZH_BARE = (
    r"(?:(?<=[，,。；;！!？?\s])|^)(?:但是?|不过|可是|就是|就|然后|真的|实在是?|确实|只是|帮我|给我)?(?P<bare>(?:再)?(?:稍微|再)?(?:调|开|弄|放|关)?(?:小|大|低|高|轻|响|弱|强)(?:声)?(?:一?点|一?些)|(?:稍微|再)?(?:调|弄|开)(?:小|大|低|高)(?=\s*(?:就好|就行|即可|吧|$|[,，。.!！]))|压一压|压一下|降一降|降一?点"
    r"|(?:太|有点|好|真|实在)(?:吵|响|大声|小声|轻|闹|炸)(?:了|啊)?(?=\s*(?:$|[,，。.!！]))"
    r"|(?:别|不要|不用)(?:关|静音)(?:掉|了)?(?=\s*(?:$|[,，。.!！])))"
)
# An English clause that is only a level ("..., like way louder"): its subject is the last
# sound named.
_EN_BARE = (
    r"(?<=[,;]\s)(?:like\s+|and\s+|even\s+)*(?P<ebare>(?:way|much|a\s+lot|a\s+bit|a\s+little|"
    r"even)\s+(?:louder|quieter|softer|lower)\b)"
)
# "闪避别那么狠，轻一点": a bare level after the ducking is the ducking's depth.
_DUCK = r"闪避|避让|\bducking\b"
_ZH_BARE_DEPTH = (
    r"(?:(?<=[，,。；;！!？?\s])|^)(?:但是?|不过|可是|就)?(?P<dbare>(?:别|不要)(?:太|那么)(?:明显|狠|强|猛|重|厉害|夸张)"
    r"|(?:幅度|力度|程度|强度|深度)(?=\s*(?:再|稍微|要)?(?:调|弄)?(?:小|大|低|高|轻|弱|强|深|浅|重)"
    r"|\s*(?:改成|调到|调成|设为|设成|改为|设置为|设置成|=|:)?\s*\d))"
)
# 它 as the object of a level verb ("把它调大") or a level's subject ("它太吵了").
_ZH_PRONOUN = r"(?P<zit>它|它们)(?=\s*(?:的声音|的音量)?\s*(?:给我)?\s*(?:再|也|稍微)?(?:调|弄|开|关|放|小|大|轻|响|静音|降|提|太|有点))"
# 我的解说声音小，帮我调大: a bare level after the voice is the voice's (the dip under it).
_VOICE_ZH = r"我的?(?:解说|声音|人声|说话声|麦)|解说声音?|人声"
_SCAN = re.compile(
    rf"(?P<game>{_GAME})|(?P<voice>{_VOICE_ZH})|(?P<music>{_MUSIC})|(?P<duck>{_DUCK})|{_PRONOUN}|{_ZH_PRONOUN}|{_ZH_BARE_DEPTH}|{_ZH_BARE}|{_EN_BARE}",
    FLAGS,
)
_FINE = re.compile(
    r"\s*(?:is|are|'s|sounds?|seems?)?\s*(?:totally\s+|perfectly\s+|pretty\s+|really\s+)?(?:fine|good|ok|okay|great|"
    r"perfect|alright|right)\b|(?:的)?(?:挺好|还行|没问题|可以|不错|刚好)"
    r"|(?:就|先)?(?:别动|不要动|不用动|不动|不变|保持不变|维持原样|保持原样)", FLAGS
)
_GONE = re.compile(r"\b(?:no|mute|muted|without|kill|cut|remove|lose|ditch|turn\s+off)\s+(?:the\s+|any\s+)?$", FLAGS)
_GAME_EN = "the game audio"
_GAME_ZH = "游戏声音"


# Talk fillers before a verb carry nothing: "can the music like not start until 0:12".
_FILLER = re.compile(
    r"\b(?:like|basically|literally|lowkey|highkey|ngl|tbh|idk|honestly|actually|um+|uh+)\s+(?=(?:not|"
    r"don't|dont|never|make|add|start|put|turn|give|change|switch|lower|raise|cut|mute|use|set|have|"
    r"play|stop|fade|speed|slow)\b)",
    FLAGS,
)


# One removal verb for two things: "kill the game audio and the title" removes both.
_THINGS = (
    r"(?:the\s+|all\s+|any\s+|my\s+)*(?:titles?|captions?|text|texts|overlays?|music|bgm|fades?|"
    r"fade[\s-]?(?:in|out)|stingers?|ducking|game\s+(?:audio|sound)|original\s+(?:audio|sound))\b"
)
_SHARED_VERB = re.compile(
    r"\b(?P<verb>remove|delete|kill|drop|mute|lose|ditch|scrap|cut|get\s+rid\s+of|turn\s+off|disable)"
    rf"\s+(?P<obj>{_THINGS})\s*(?:,\s*)?(?:and|&|plus|\+)\s+(?={_THINGS})"
    r"|(?P<zverb>去掉|删掉|删除|关掉|关闭|取消|不要)(?P<zobj>[^，,。；;和跟与及]{1,8})(?:和|跟|与|以及|还有)"
    r"(?=(?:标题|字幕|文字|音乐|背景音乐|淡入|淡出|原声|游戏声音|闪避))",
    FLAGS,
)


# English nouns in a Chinese sentence: "game audio小一点 music大一点".
_MIXED_GAME = re.compile(
    r"(?:\b(?:the\s+)?(?:game(?:play)?(?:\s+(?:audio|sound|sounds|volume|sfx))?|in-game\s+audio|original\s+audio|sfx)"
    r"|(?:游戏|原)\s*(?:audio|sounds?|sfx|volume)\b)"
    r"\s*(?=(?:的)?(?:声音|音量)?(?:再|稍微|太|有点)?[小大低高轻响吵关静调开别不要保恢去删])", FLAGS
)
_MIXED_MUSIC = re.compile(r"\b(?:the\s+)?(?:music|soundtrack)\s*(?=[\u4e00-\u9fff])", FLAGS)
_MIXED_VOLUME = re.compile(r"\b(?:the\s+)?volume\s*(?=[调设改降提开拉加到为是])", FLAGS)
# English words for one thing, inside a Chinese sentence, read as the Chinese word the rules
# know: "fade in 2秒" (an English rule would stop at 秒), "duck强一点", "原声mute掉".
_MIXED_WORDS = [
    (re.compile(p, FLAGS), zh)
    for p, zh in (
        (r"\s*\bfade[\s-]?ins?\b\s*", "淡入"),
        (r"\s*\bfade[\s-]?outs?\b\s*", "淡出"),
        (r"\s*\b(?:auto[\s-]?)?duck(?:ing)?\b\s*", "闪避"),
        (r"\s*\bmute[ds]?\b\s*", "静音"),
        (r"\s*\b(?:tempo|speed)\b\s*(?=[\u4e00-\u9fff])", "节奏"),
    )
]
# music再loud一点, 节奏slow一点: an English level or pace word before a Chinese amount, read
# before the English nouns are ("game sound loud一点" is the game's).
_MIXED_LEVELS = [
    (re.compile(p, FLAGS), zh)
    for p, zh in (
        (r"\s*\b(?:loud|louder)\b\s*(?=一?点|一些|些)", "大"),
        (r"\s*\b(?:quiet|quieter|soft|softer)\b\s*(?=一?点|一些|些)", "小"),
        (r"\s*\b(?:fast|faster|quick|quicker)\b\s*(?=一?点|一些|些)", "快"),
        (r"\s*\b(?:slow|slower)\b\s*(?=一?点|一些|些)", "慢"),
    )
]
# Chinese words for one thing, read as the one the rules know: 游戏里的声音 is the game audio,
# 拉低/弄小/整大 are 调低/调小/调大.
_ZH_SAME = [
    (re.compile(p), zh)
    for p, zh in (
        (r"游戏(?:里|中|内)(?:面)?的?(?:声音|音效)", "游戏声音"),
        (r"(?<=别|要|不)这么(?=吵|大|响|小|轻|快|慢|炸|刺耳|抢|突出)", "那么"),  # 别这么吵 = 别那么吵
        (r"(?<=节奏|速度|节拍)也(?=[快慢]|再[快慢]|调[快慢]|放慢|加快)", ""),  # 音乐小点，节奏也慢点
        # 录屏里的声音, 原视频的声音, 视频本身的声音: the recording's own sound
        (r"(?:录屏|录像|原视频|原片|视频本身|视频自带|视频里自带|素材)(?:里|中|内)?(?:面)?(?:的|自带的)?(?:声音|音频|声)", "游戏声音"),
        (r"(?:拉|弄|搞|整|开|放|调)(?=低(?!音))", "调"),
        (r"(?:拉|弄|搞|整)(?=[高大小])", "调"),
        (r"开(?=小(?!时|差))", "调"),
        (r"(?:bpm|节拍|拍速)(?:调|再|稍微)*低", "节奏调慢"),  # bpm调低一点: the tempo, not the level
        (r"(?:bpm|节拍|拍速)(?:调|再|稍微)*高", "节奏调快"),
        (r"(?<=[快慢大小高低响轻长短])个(?=一点|一丢丢|一些|一丁点|\s*\d)", ""),  # 快个一点点, 小个20%
        (r"(?<![调变降提减增加放开])(?P<d>[小低大高])(?=\s*\d+(?:\.\d+)?\s*%)", r"调\g<d>"),  # 小20%: by 20%
        (r"调轻", "调小"),
        # 原声保留，只要小一点: "only" before a bare level carries nothing
        (r"(?<=[,，])\s*只要(?=(?:再|稍微)?(?:调|开|弄)?[小大低高轻响](?:声)?(?:一?点|一些|些))", ""),
        # 音乐只放第一分钟: during the first minute (从第1分钟开始 is 1:00, left alone)
        (r"(?<=只放|只要|只在|只有)第(?=1\s*分钟(?!\s*(?:开始|以后|之后|后|起|的时候)))", "前"),
        # 闪避得深一点: the depth said with 得
        (r"(?<=闪避|避让)得(?=(?:再|更)?(?:深|浅|狠|强|轻|重))", ""),
        # 闪避要明显一点: a stronger dip
        (r"(?<=闪避)(?:要|再)?(?:更)?明显(?=一?点|一些)", "强"),
        # 另外来一版: another one
        (r"另外(?=(?:来|生成|做|出|整)(?:一|个)?(?:版|首|个))", "再"),
        # 淡出慢慢来: a slow fade
        (r"(?<=淡出|淡入)(?:要|就)?慢慢来", "长一点"),
        # 游戏声往上调一点, 音乐往下拉一点: the direction said with 往
        (r"往上(?:调|拉|提)", "调大"),
        (r"往下(?:调|拉)", "调小"),
        # 但别调太小: the verb inside a hedge carries nothing
        (r"(?P<n>别|不要|不用)(?:调|弄|搞|开|放)(?:得)?(?=太|那么)", r"\g<n>"),
        # 快亿点点 (slang for 一点点), bpm干到150 (slang for 调到)
        (r"亿(?=点)", "一"),
        (r"干到(?=\s*\d)", "调到"),
        # 头30秒: the first 30 seconds
        (r"(?<![开片镜从])头(?=\s*\d+(?:\.\d+)?\s*(?:秒|分))", "前"),
        # 一分钟整, 30秒整: exactly that time
        (r"(?<=[\d分秒钟])整(?![个段体])", ""),
        # 音量降一档: one step of a level
        (r"(?P<n>音量|音乐|背景音乐|bgm|游戏声音?|原声|游戏音效)(?:再)?(?:降|减|调低|调小|小|低)(?:一|个)档", r"\g<n>小一点"),
        (r"(?P<n>音量|音乐|背景音乐|bgm|游戏声音?|原声|游戏音效)(?:再)?(?:升|提|加|调高|调大|大|高)(?:一|个)档", r"\g<n>大一点"),
        # 游戏声稍微大一丢丢: one "a little" said twice
        (r"(?P<b>稍微|稍稍|略微)(?P<v>(?:调|开|放)?[大小高低快慢响轻])(?:一点点|一丢丢|一丁点)", r"\g<b>\g<v>一点"),
        # 游戏声能不能关小一点: a modal between a sound and its verb carries nothing
        (r"(?P<n>游戏声音?|游戏音效|游戏的声音|原声|音乐|背景音乐|bgm|配乐)(?:能不能|能否|可不可以|可以|能|麻烦|帮我|给我|再给我)+"
         r"(?=(?:再|稍微)?[调开关弄放降提小大静去删拉加减压响高低轻])", r"\g<n>"),
        # 降低游戏声30%: the verb before its sound, read in the order the rules know (游戏声降低30%)
        (r"(?P<v>降低|调低|减小|减少|调小|压低|提高|调高|增大|加大|调大|提升|增加)(?P<n>游戏声音?|游戏音效|原声|音乐|背景音乐|bgm)"
         r"(?P<p>\s*\d+(?:\.\d+)?\s*%)", r"\g<n>\g<v>\g<p>"),
        (r"(?<=[大小快慢高低响轻长短强弱])那么(?=一点|一丢丢|一些|点)", ""),  # 大那么一点
    )
]


# 不是30秒，是40秒: the number said second replaces the first.
_CORRECTED = re.compile(
    rf"(?:不是|不对)\s*(?:{TIME}|{NUM}\s*%?)\s*(?:啊|呀)?\s*[,，]?\s*(?:而)?(?:是|要|改成)\s*(?=\d)", FLAGS
)
# 音乐太大了，不对，是游戏声太大了: the clause before the correction named the other sound; it goes.
_ZH_MUSIC_N = r"(?:背景音乐|音乐|bgm|配乐|歌)"
_ZH_GAME_N = r"(?:游戏原声|游戏声音?|游戏音效|游戏的声音|游戏音量|原声)"
_OTHER_SOUND = re.compile(
    rf"(?:^|(?<=[,，。；;\n]))[^,，。；;\n]*?(?:(?P<m>{_ZH_MUSIC_N})|(?P<g>{_ZH_GAME_N}))[^,，。；;\n]*[,，。；;]\s*"
    rf"(?:不对不对|不对|说错了|我说错了|我搞错了|搞错了|不是不是|哦不)\s*[,，]?\s*(?:我是说|我说的是|应该是|是)?\s*"
    rf"(?=(?(m){_ZH_GAME_N}|{_ZH_MUSIC_N}))",
    FLAGS,
)
# 淡出从3秒改成6秒: the old value goes.
_FROM_TO = re.compile(
    rf"从\s*(?:{TIME}|{NUM}\s*(?:%|db|分贝|bpm)?)\s*(?=(?:改成|改为|换成|调到|调成|变成|提到|降到|改到|升到|加到|减到)\s*\d)", FLAGS
)
# 把原声和音乐都关了: the verb for each.
_BOTH_OFF = re.compile(
    r"(?P<a>游戏声音?|原声|游戏音效|背景音乐|音乐|bgm)(?:和|跟|与)(?P<b>游戏声音?|原声|游戏音效|背景音乐|音乐|bgm)"
    r"(?:都|也|全都?)(?P<v>关了|关掉|去掉|删掉|静音|不要了?)", FLAGS
)
# 速度和音量都调低: the tempo slower, the level lower.
_PACE_AND_LEVEL = re.compile(
    r"(?P<a>速度|节奏|音量)(?:和|跟|与)(?P<b>速度|节奏|音量)(?:都|也|全都?)(?P<v>调低|降低|调小|放慢|调高|提高|调大|加快)", FLAGS
)


def _pace_and_level(m: re.Match[str]) -> str:
    if {m["a"], m["b"]} == {"速度", "节奏"} or m["a"] == m["b"] or "音量" not in (m["a"], m["b"]):
        return m.group(0)
    up = m["v"] in ("调高", "提高", "调大", "加快")
    return f"节奏{'调快' if up else '调慢'}，音量{'调大' if up else '调小'}"


# "start at like 0:05", "for about 3 seconds": the number is what counts.
_APPROX = re.compile(
    r"\b(at|from|to|until|till|til|by|for|over|after|before|in)\s+(?:like|about|around|roughly|approximately|"
    r"maybe|~)\s*(?=\d)", FLAGS
)


# "I hate the fade in, kill it": a removal verb on a pronoun takes the last thing named.
_THING = re.compile(
    r"\b(?P<thing>fade[\s-]?ins?|fade[\s-]?outs?|fades|fading|ducking|stingers?|titles?|captions?|text\s+overlays?)\b"
    r"|\b(?P<verb>remove|delete|kill|drop|lose|ditch|scrap|cut|get\s+rid\s+of|turn\s+off|disable|take\s+out)\s+"
    r"(?P<it>it|them|that|those)\b(?!\s+(?:down|up|back|in|out)\b)"
    r"|\b(?:turn|switch|shut|take)\s+(?P<it2>it|them|that|those)\s+(?:off|out)\b",
    FLAGS,
)


def _name_the_thing(work: str) -> str:
    """The pronoun names the thing; its first mention, now only the antecedent, is blanked
    ("i hate the fade in" asks for no fade)."""
    out, at, last = [], 0, None
    for m in _THING.finditer(work):
        if m["thing"]:
            last = m
        elif last is not None:
            it = "it" if m["it"] else "it2"
            out += [work[at : last.start()], "\n", work[last.end() : m.start(it)], f"the {last['thing']}"]
            at, last = m.end(it), None
    return "".join([*out, work[at:]])


_BY_HALF = re.compile(rf"{_THINGS}\s+(?:down\s+)?(?:in|by)\s+(?:half|\d)", FLAGS)


def _repeat_verb(m: re.Match[str]) -> str:
    if m["verb"] and _BY_HALF.match(m.string, m.end()):  # "cut the game and the music in half"
        return m.group(0)
    if m["verb"]:
        return f"{m['verb']} {m['obj']} and {m['verb']} "
    return f"{m['zverb']}{m['zobj']}，{m['zverb']}"


# "make it quieter? i mean the game, not the music": the correction names what "it" was.
_I_MEAN = re.compile(
    r"[,.;!?]?\s*\b(?:i\s+mean(?:t)?|i'm\s+talking\s+about)\s+(?:the\s+)?(?P<game>game(?:play)?(?:\s+(?:audio|sound|sounds))?)"
    r"(?:\s*,?\s*not\s+the\s+(?:music|bgm|soundtrack))?\b",
    FLAGS,
)
_IT_BEFORE = re.compile(r"\b(?:it|that)\b(?=\s+(?:a\s+(?:bit|little)\s+|way\s+|much\s+)?(?:quieter|louder|softer|lower|higher|down|up)\b)", FLAGS)


def _meant_game(work: str) -> str:
    m = _I_MEAN.search(work)
    its = list(_IT_BEFORE.finditer(work, 0, m.start())) if m else []
    if not m or not its:
        return work
    it = its[-1]
    return f"{work[: it.start()]}{_GAME_EN}{work[it.end() : m.start()]}{work[m.end() :]}"


# "the game audio, not the music, should be louder": the aside names nothing to change.
_ASIDE = re.compile(
    r",\s*(?:and\s+)?not\s+the\s+(?:music|bgm|soundtrack|game(?:play)?(?:\s+(?:audio|sound|sounds))?)\s*,", FLAGS
)


# "the game audio's too loud", "my mic's kinda quiet": the contraction is "is", so the rules
# that read "<sound> is <how>" see it (a possessive, "the game's audio", stays).
_IS_GLUED = re.compile(
    r"\b(?P<noun>audio|sounds?|sfx|music|bgm|soundtrack|song|track|tune|beat|game|gameplay|mic|"
    r"voice|volume|commentary|ducking|tempo|fade|title|text)'s\s+(?=(?:too|so|kinda|kind\s+of|"
    r"a\s+(?:bit|little|tad|lot)|slightly|way|really|pretty|super|very|quite|hella|still|now|also|"
    r"not|fine|good|ok|okay|great|perfect|alright|loud|louder|quiet|quieter|soft|low|faint|weak|"
    r"noisy|blasting|blaring|fast|slow|drowning|overpowering|barely)\b)",
    FLAGS,
)
# "it's the game that's too loud": the sound said in a cleft is the subject ("the game is too loud")
_CLEFT = re.compile(
    r"\b(?:it'?s|it\s+is|its)\s+(?:(?:really|actually|just|more|mostly)\s+)?(?P<noun>(?:the\s+|my\s+)?(?:game(?:play)?|in-game|music|bgm|"
    r"soundtrack|song|track|sfx|voice|mic|commentary)(?:\s+(?:audio|sounds?|sfx|volume|music))?)\s+(?:that'?s|that\s+is|thats|which\s+is"
    r"|that\s+(?:sounds|seems|feels|gets))\b",
    FLAGS,
)
# "i hate how quiet the music is": a complaint about that sound ("the music is too quiet")
_HOW = re.compile(
    r"\b(?:i\s+)?(?:really\s+)?(?:hate|don't\s+like|dont\s+like|do\s+not\s+like|dislike|can't\s+stand|cant\s+stand|not\s+a\s+fan\s+of"
    r"|annoyed\s+(?:by|at)|bothered\s+by|bugs\s+me|notice)\s+how\s+(?P<how>loud|quiet|soft|low|fast|slow|quick)\s+"
    r"(?P<noun>(?:the\s+|my\s+)?(?:game(?:play)?|in-game|music|bgm|soundtrack|song|track|beat|sfx|tempo)(?:\s+(?:audio|sounds?|sfx|music))?)"
    r"\s+(?:is|are|gets|sounds|was|feels)\b",
    FLAGS,
)
# "don't mute the game, just lower it": "it" is the game, and the lowering is the request
_NOT_MUTE_BUT = re.compile(
    r"\b(?:don't|dont|do\s+not|no\s+need\s+to|not)\s+(?:mute|kill|cut|remove)\s+(?P<g>(?:the\s+|my\s+)?game(?:play)?(?:\s+(?:audio|sounds?|sfx))?)"
    r"\s*[,;]?\s*(?:(?:just|only|but|instead|simply)\s+)*(?P<verb>lower|turn\s+down|reduce|drop|quiet(?:en)?|tone\s+down|soften|turn|bring|tone|dial)\s+(?:it|them)"
    r"(?P<down>\s+down)?\b",
    FLAGS,
)
# "change the music to 80s", "90s style": a decade, not 80 seconds (the music from 1:20).
_DECADE = re.compile(
    r"(?<![\d:.'])'?(?P<d>[5-9]0)'?s\b(?P<style>[\s-]+(?:style[sd]?|vibes?|music|sound(?:s|ing)?|feel|synth\w*|retro|type|era|"
    r"aesthetic|songs?|tracks?|tunes?|bgm|soundtrack|kind|arcade|games?|pop|rock|movie|anime|cartoon|inspired|"
    r"theme|energy|beat)\b)?(?=(?P<end>\s*(?:$|[,;.!?\n]|please\b|pls\b|vibes?\b|and\b|instead\b|again\b))?)",
    FLAGS,
)
_DECADE_BEFORE = re.compile(
    r"\b(?:to|into|more|like|the|an|some|very|super|pure|full|old|go|it|music|bgm|vibe|with|of|back)\s*$", FLAGS
)
# "trim it to 60s", "from 10s to 70s": seconds after all
_LENGTH_BEFORE = re.compile(r"(?:\b(?:cut|trim|shorten|chop|length|long|duration|down)\b|\d)[^,;.!?\n]*$", FLAGS)
_DECADES = {"5": "fifties", "6": "sixties", "7": "seventies", "8": "eighties", "9": "nineties"}


def _decade(m: re.Match[str]) -> str:
    before = m.string[: m.start()]
    if m["style"] or (m["end"] is not None and _DECADE_BEFORE.search(before) and not _LENGTH_BEFORE.search(before)):
        return _DECADES[m["d"][0]] + (m["style"] or "")
    return m.group(0)


_FADE_KEY = re.compile(r"(?:(?<=fade[\s-]in)|(?<=fade[\s-]out))\s*[:=]\s*", FLAGS)  # "fade in: 2 s"


def resolve(work: str) -> str:
    """`work` with pronouns and bare clauses that point at the game audio spelled out, and a
    removal verb shared by two things said twice."""
    work = _FADE_KEY.sub(" for ", _ASIDE.sub(" ", _IS_GLUED.sub(r"\g<noun> is ", _CLEFT.sub(r"\g<noun> is", _HOW.sub(r"\g<noun> is too \g<how>", _NOT_MUTE_BUT.sub(r"\g<verb> \g<g>\g<down>", _DECADE.sub(_decade, work)))))))
    work = _meant_game(_name_the_thing(_SHARED_VERB.sub(_repeat_verb, _FILLER.sub("", work))))
    if CJK.search(work):
        for pattern, zh in _MIXED_LEVELS:
            work = pattern.sub(zh, work)
    work = _MIXED_GAME.sub("游戏声音", _MIXED_MUSIC.sub("音乐", work))
    work = _MIXED_VOLUME.sub("音量", work)
    if CJK.search(work):
        for pattern, zh in _MIXED_WORDS + _ZH_SAME:
            work = pattern.sub(zh, work)
    work = _APPROX.sub(r"\1 ", work).replace(" til ", " till ")
    work = _OTHER_SOUND.sub("", _CORRECTED.sub("", _FROM_TO.sub("", work)))
    work = _PACE_AND_LEVEL.sub(_pace_and_level, work)
    work = _BOTH_OFF.sub(lambda m: f"{m['a']}{m['v']}，{m['b']}{m['v']}", work)
    out: list[str] = []
    last, at = "", 0
    for m in _SCAN.finditer(work):
        if m["game"]:  # "the game audio is fine, ... it", "no game audio, and make it loud"
            gone = _GONE.search(work, max(0, m.start() - 16), m.start())
            last = "" if _FINE.match(work, m.end()) or gone else "game"
        elif m["music"]:
            last = "music"
        elif m["voice"]:
            last = "voice"
        elif last == "voice" and m["bare"] and re.search(r"[大高响]", m["bare"]):
            out += [work[at : m.start("bare")], "人声"]
            at = m.start("bare")
        elif m["duck"]:
            last = "duck"
        elif last == "game" and m["zit"]:
            out += [work[at : m.start("zit")], _GAME_ZH]
            at = m.end("zit")
        elif last == "duck" and (m["bare"] or m["dbare"]):
            name = "bare" if m["bare"] else "dbare"
            out += [work[at : m.start(name)], "闪避"]
            at = m.start(name)
        elif last == "game" and (m["obj"] or m["obj2"] or m["subj"]):
            name = "obj" if m["obj"] else "obj2" if m["obj2"] else "subj"
            out += [work[at : m.start(name)], _GAME_EN]
            at = m.end(name)
            if name == "subj":  # "it's too loud" -> "the game audio's too loud": keep the verb
                continue
        elif last == "music" and (m["obj"] or m["obj2"] or "") in ("them", "those"):
            name = "obj" if m["obj"] else "obj2"  # "chill beats ... and lower them a bit"
            out += [work[at : m.start(name)], "the music"]
            at = m.end(name)
        elif last == "game" and m["ebare"]:
            out += [work[at : m.start("ebare")], _GAME_EN, " "]
            at = m.start("ebare")
        elif last == "game" and m["bare"]:
            out += [work[at : m.start("bare")], _GAME_ZH]
            at = m.start("bare")
    out.append(work[at:])
    return "".join(out)
