"""The two sounds of a video on and off, and the game's own audio: how loud.

`SWITCHES` run early: keep or mute the game audio, remove the music. `LEVELS` run after the
tempo rules ("lower the tempo" is tempo): the game-audio volume ("softer game"), before the
music's own (`music_volume.py`, "louder music"). Each cue changes its own sound only: "music
only in the first minute" limits the range (timing) and never mutes the game; "louder music,
softer game" raises one and lowers the other. Ducking under a voice is `ducking.py`.
"""

from __future__ import annotations

import re

from gamemusic.words.rules import (
    AFTER,
    BIT,
    MUCH,
    Rule,
    State,
    Step,
    bad,
    combine,
    factor,
    group,
    opposite,
    registrar,
)
from gamemusic.words.text import NUM

SWITCHES: list[Rule] = []
LEVELS: list[Rule] = []
switch = registrar(SWITCHES)
level = registrar(LEVELS)

_ORIG = r"(?:all\s+(?:of\s+)?)?(?:the\s+)?(?:original|game|gameplay|in-game|source)(?:'s)?"
_ORIG_N = r"(?:the\s+)?(?:original|game|gameplay|in-game|source|video|recording|clip)(?:'s)?"
_SOUND = r"(?:audio|sound|sounds|noise|sfx)"
_ZH_ORIG = r"(?:原声|原音|原始声音|游戏声音|游戏音效|游戏原声|游戏的声音|视频声音|视频原声|录像声音|游戏音量|原声音量|游戏声)"
# "music only" mutes the game only as a whole clause ("just music, no game sound"): "music only
# in the first minute" is a range, "only the music should get louder" a volume.
_ALONE = r"(?=\s*(?:$|[,;.!?\n]|please\b|pls\b|no\b|without\b|and\s+no\b))"


@switch(
    rf"\b(?:keep|leave)\s+{_ORIG_N}(?:\s+{_SOUND})?\s+(?:where\s+it\s+is|as\s+(?:it\s+)?is|the\s+same|alone|"
    r"unchanged|untouched|as\s+it\s+was)|\b(?:don't|do\s+not)\s+(?:touch|change)\s+(?:the\s+)?(?:game|original)"
    rf"(?:\s+{_SOUND})?",
    rf"{_ZH_ORIG}(?:声)?(?:保持)?(?:别动|不变|不用动|不要动|保持不变|维持原样)|游戏声(?:别动|不变|不用动|保持不变)"
    r"|(?:背景音乐|音乐|配乐|bgm)(?:也|都|就)?(?:保留|留着|不变|别动|不用动|保持不变|维持原样)",
)
def _leave_game(m: re.Match[str], st: State) -> None:
    """"Keep the game where it is", 游戏声音别动: nothing to change (and nothing to mute)."""


@switch(
    # "just the game audio" as a whole clause; "just the game audio louder" is its level
    rf"\b(?:(?:keep|use|leave)\s+(?:only\s+)?{_ORIG}\s+{_SOUND}\s+only|(?:only|just)\s+keep\s+{_ORIG}\s+{_SOUND}"
    rf"|keep\s+(?:the\s+)?original\s+only)\b|\b(?:(?:only|just)\s+{_ORIG}\s+{_SOUND}|(?:original|game)\s+{_SOUND}\s+only)\b{_ALONE}",
    rf"(?:只保留|只要|仅保留|只留|只用|仅用|只听|只放|只剩|纯){_ZH_ORIG}"
    r"(?!\s*(?:的)?(?:音量|声音)?(?:再|也)?(?:大|小|调|太|响|轻|低|高|不要|别|关|静音|去掉|有点|一点))",
)
def _original_only(m: re.Match[str], st: State) -> None:
    st.plan.remove_music = True
    st.plan.original_audio = "keep"


# "drop the game audio a little" is a lower level, not a mute: an amount after the sound.
_NO_AMOUNT = (
    r"(?!\s+(?:(?:(?:just\s+)?a\s+(?:little|lil|bit|tad|touch|notch|lot|smidge)|slightly|some|down|way|much|lower|quieter|softer|by"
    r"|muted|off|gone|silenced|removed|touched|changed|to\s+be|volume|level|levels|in\s+half|to\s+half|(?:volume\s+)?(?:in|by)\s+half)\b|to\s+\d|\d))"
)
_THROUGHOUT = (  # "mute the game for the whole thing": the game audio's, not the music's range
    r"(?:\s+(?:for|during|in|over|throughout)\s+the\s+(?:whole|entire|full)\s+(?:thing|video|clip|time|way)"
    r"|\s+(?:completely|entirely|throughout|altogether))?"
)


@switch(
    rf"\b(?:(?:mute|silence)\s+{_ORIG}(?:\s+{_SOUND})?\b|\b(?:mute|silence)\s+{_ORIG_N}\s+{_SOUND}\b){_THROUGHOUT}",
    rf"\b(?:remove|drop|kill|(?:turn|switch|shut)\s+off|get\s+rid\s+of|cut|lose|no(?:\s+more)?|without|disable|ditch|scrap|nix|delete"
    rf"|(?:don't|dont|do\s+not)\s+(?:want|need)(?:\s+any)?)\s+{_ORIG_N}\s+"
    rf"{_SOUND}\b{_THROUGHOUT}{_NO_AMOUNT}|\b(?:mute|silence|kill|remove|(?:turn|switch|shut)\s+off|get\s+rid\s+of|ditch)\s+(?:the\s+|all\s+(?:the\s+)?)?"
    rf"(?:game\s+)?sfx\b{_THROUGHOUT}{_NO_AMOUNT}|\bturn\s+{_ORIG}(?:\s+{_SOUND})?\s+off\b|\b(?:keep\s+)?{_ORIG_N}\s+{_SOUND}\s+(?:stays?|remains?|kept|(?:should|must)\s+(?:stay|be))?\s*(?:muted|silent|off)\b(?!\s+(?:at|after|from|until|for|in|during)\b)|\b{_ORIG_N}\s+{_SOUND}\s+(?:has\s+to|needs\s+to|should|must|can)\s+go\b|\b(?:original|game)\s+{_SOUND}\s+(?:off|muted|silenced|silent)\b|\b(?:music|bgm)\s+only\b{_ALONE}"
    rf"|\b(?:only|just)\s+(?:the\s+)?(?:music|bgm)\b{_ALONE}|\bmute\s+everything\s+(?:except|but|besides|other\s+than)\s+(?:the\s+)?(?:music|bgm)\b",
    rf"(?:静音|关闭|关掉|关了|关|去掉|去除|删除|删掉|删了|撤掉|撤了|不要|屏蔽|消除|砍掉|干掉|拿掉|拿走|扔掉|丢掉){_ZH_ORIG}|{_ZH_ORIG}(?:都|也|就|完全|全部|全|直接|彻底|一点都|一点也)?(?:能不能|能否|可不可以|可以|能|麻烦|先)?(?:给我|帮我|给)?(?:(?:调成|调到|设成|设为|改成|变成|换成)(?=静音))?(?:静音|静了|静掉|关掉|关闭|关了|关一下|关下|关(?=\s*(?:$|[,，。.!！吧]))|去掉|去了|拿掉|删了|删掉|砍掉|砍了|干掉|扔掉|丢掉|撤掉|清掉|屏蔽掉|屏蔽|不要(?!\s*(?:静音|关|去掉|删|动|改|调|太|那么|这么|过|比|盖|压|抢))了?)"
    r"|静音(?:原视频|原片|游戏)|视频静音|除了?(?:背景)?音乐(?:以外|之外)?(?:其他|别的)?(?:都|全)(?:静音|关掉)|(?:只要|只保留|只留|只有)(?:背景)?音乐(?=$|[，,。；;！!\n]|不要)",
)
def _mute_original(m: re.Match[str], st: State) -> None:
    if st.unplaced and re.search(r"\b(?:only|just)\b", m.group(0)):
        return  # "music only during the intro": a place refused, not "no game audio"
    clause = re.split(r"[,;.!?\n]", m.string[: m.start()])[-1]
    if re.search(r"\b(?:only|just)\b", m.group(0)) and re.search(r"\d|\b(?:first|last|final)\b", clause):
        return  # "the last 10 seconds with music only": "only" limits the time, never mutes
    st.plan.original_audio = "mute"


@switch(
    rf"\b(?:keep|restore|unmute|bring\s+back|leave)\s+(?:{_ORIG}(?:\s+{_SOUND})?|{_ORIG_N}\s+{_SOUND})"
    rf"\b(?!\s+(?:quiet|low|soft|down|loud|aspect|ratio|format|shape|size|orientation|resolution|framing|frame|crop|"
    r"dimensions|proportions|colou?rs?|graphics|speed|length|quality|titles?|video|picture|look)\b|(?:\s+(?:audio|sounds?|sfx|volume|noise|level))?\s+(?:at|to)\s+(?:about\s+|like\s+)?\d)|\b(?:original|game)(?:\s+{_SOUND})?\s+(?:back\s+)?on\b(?!\s+(?:the|a|my|this|it)\b)"
    rf"|\b{_ORIG}\s+{_SOUND}\s*:\s*(?:keep|on|yes)\b"
    rf"|\b(?:bring|put|turn)\s+(?:{_ORIG}(?:\s+{_SOUND})?|{_ORIG_N}\s+{_SOUND})\s+back(?:\s+on)?\b"
    rf"|\b(?:let\s+(?:me|us|them|people)|i\s+want\s+to|i\s+wanna|(?:i|we)\s+need\s+to)\s+hear\s+(?:{_ORIG}(?:\s+{_SOUND})?|{_ORIG_N}\s+{_SOUND})\s+again\b",
    rf"(?:保留|保持|恢复|打开|开启|留着|留下|留住){_ZH_ORIG}(?!\s*(?:的)?(?:音量|大小|声音大小))|取消静音|{_ZH_ORIG}(?:也|先|就|还是|都)?(?:给我|帮我)?(?:保留|打开|开启|恢复|调回来|弄回来|放回来|回来|加回来|留着|留下|保持(?!不变|原样|原来)|要)(?!小|大|调)"
    rf"|{_ZH_ORIG}(?:可以|就|先|也|还是)?(?:别|不要|不用|不能|不许)(?:给我)?(?:关|静音|去掉|删|拿掉|弄没)(?:掉|了)?",
)
def _keep_original(m: re.Match[str], st: State) -> None:
    st.plan.original_audio = "keep"


opposite(_mute_original)(_keep_original)  # "don't mute the game"


@switch(
    rf"(?:把|将)?{_ZH_ORIG}(?:全部|都|直接)?(?:换成|替换成|换为|替换为|换掉换成)"
    r"(?![^,，。；;\n]*(?:声音|音量|大小|一样大|一样响))(?:(?P<music>背景音乐|音乐|bgm|配乐)|(?=\s*(?:lo-?fi|8-?bit|16-?bit|boss|rpg|[^\s,，。]{0,6}(?:风|的|音乐|bgm))))"
)
def _game_to_music(m: re.Match[str], st: State) -> None:
    """把游戏声换成音乐 / 原声换成lofi: the game's sound goes, music in its place."""
    st.plan.original_audio = "mute"
    if m["music"]:
        st.plan.add_music = True


@switch(
    r"\b(?:remove|delete|drop|take\s+(?:out|off|away)|get\s+rid\s+of|kill|turn\s+off|stop|disable"
    r"|clear|cut|ditch|lose|mute)\s+(?:(?:the|all|any|my|this)\s+)*(?:background\s+)?(?:music|bgm"
    r"|soundtrack|song)s?\b(?!\s+(?:off\s+)?(?:at|after|before|from|until|when|in|during|volume|level|down|to|by"
    r"|a\s+(?:bit|little|notch)|\d+)\b)|\bno\s+(?:more\s+)?"
    r"(?:background\s+)?(?:music|bgm|soundtrack)\b(?!\s+(?:at|after|before|from|until|in|during)\b)"
    r"|\bwithout\s+(?:(?:any|the)\s+)?(?:background\s+)?(?:music|bgm)\b|\b(?:music|bgm)\s+off\b(?!\s+(?:at|after|from|until|for|in|during)\b)"
    r"|\b(?:not\s+have|have\s+no|don't\s+(?:want|need))\s+(?:any\s+)?(?:background\s+)?(?:music|bgm)\s+at\s+all\b"
    r"|\b(?:don't|dont|do\s+not)\s+(?:want|need)\s+(?:any\s+)?(?:background\s+)?(?:music|bgm|soundtrack)(?:\s+(?:on|in)\s+(?:this|it|here|the\s+(?:video|clip)))?"
    # "i don't want any music" as a whole clause (not before a part consumed: "... in the intro")
    r"(?:\s+(?:anymore|any\s+more|here))?(?=[ \t]*(?:\Z|[,;.!?]|please\b|pls\b|thx\b|thanks\b|lol\b|rn\b))"
    r"|\btake\s+(?:(?:the|all\s+the|that|this)\s+)?(?:background\s+)?(?:music|bgm|soundtrack|song)\s+out\b(?!\s+(?:of|at|after|before|from|until|in|during)\b|\s+for\s+(?!me\b|us\b|now\b))"
    r"|\b(?:the\s+)?(?:music|bgm|soundtrack)\s+(?:has\s+to|needs\s+to|must|can)\s+go\b"
    r"|\bnot\s+have\s+(?:any\s+)?(?:music|bgm)\b(?!\s+(?:at|after|before|from|until|in|during|for|when|while)\b)"
    r"|\bmute\s+(?:it|that)\b(?!\s+(?:at|after|before|from|until|in|during|for|when|while)\b)",
    r"(?:去掉|去除|删除|删掉|移除|取消|关闭|关掉|关了|关|不要(?!这首)|不需要(?!这首)|拿掉|清除|砍掉|干掉|扔掉|丢掉|撤掉|撤了|删了|拿走)(?:所有的?)?(?:背景音乐|配乐|音乐|bgm|(?:这首)?歌(?![词曲手声]))"
    r"(?!\s*(?:在|从|前|后|最后|\d))|静音(?:背景音乐|配乐|音乐|bgm|歌(?![词曲手声]))|(?:背景音乐|配乐|音乐|bgm|(?<![唱听])(?:这首)?歌(?![词曲手声]))(?:的?(?:声音|音量))?(?:全部|都|也)?(?:先|就|直接)?(?:给我|帮我|给)?(?:(?:调成|调到|设成|设为|改成|变成|换成)(?=静音))?(?:静音|去掉|删除|删掉|关掉|关闭|不要了|删了|去了|关了|拿掉|撤掉|撤了|干掉|扔了|扔掉|丢掉|砍掉|砍了|清掉)",
)
def _remove_music(m: re.Match[str], st: State) -> None:
    if st.unplaced:  # "stop the music 10 seconds before the end": a time it cannot place,
        return  # named as such; never the whole music removed instead
    st.plan.remove_music = True


# ---- game-audio volume ----------------------------------------------------------------------
def _both(st: State, by: float) -> None:
    _scale_game(st, by)
    st.plan.volume_factor = combine(st.plan.volume_factor, by)

# Sounds that are the game's own: "the music is drowning out the gunshots" is the music too loud.
_NOISES = (
    r"(?:footsteps|explosions|gunshots|gunfire|shots|gun\s+sounds|sound\s+effects|sfx|engine(?:\s+sounds?)?"
    r"|cutscenes?|voice\s+lines|enemies|enemy\s+sounds|teammates|team\s+chat|voice\s+chat|comms)"
)
_GAME = (
    r"(?:(?:the\s+|my\s+)?(?:game(?:play)?|in-game|original|source)(?:'s)?(?!\s+(?:music|bgm|soundtrack))"
    rf"(?:\s+(?:audio|sounds?|sfx|volume|noise|level))?|(?:the\s+|my\s+)?{_NOISES}"
    r"|(?:the\s+)?(?:video|clip|recording)(?:'s)?\s+(?:audio|sound|sounds))"
)
_DOWN = r"(?:quieter|softer|lower|down|less\s+loud|too\s+loud|turned\s+down|blasting|blaring|deafening)"
_UP = r"(?:louder|higher|up|more\s+audible|too\s+quiet|too\s+soft|turned\s+up)"
_IT = r"(?:(?:it|the\s+music|the\s+bgm|the\s+volume|that|the\s+soundtrack|music)\s+)"
MIN_MUSIC = 0.05  # the floor apply.MIN_VOLUME also keeps
_IS = r"(?:is|are|'s|was|were|seems?|feels?|sounds?|gets?|should\s+be|needs\s+to\s+be|(?:would|could)\s+be|(?:needs?\s+to|has\s+to|should|must)\s+(?:come|go))"
_ABOUT = r"(?:(?:like|about|around|roughly|maybe|~)\s*)?"
_ZH_GAME = (
    r"(?:(?:游戏原声|游戏声音|游戏音效|游戏音量|游戏的声音|游戏声|(?:视频|录像|录屏)(?:的)?(?:原声|声音)|原声音量|原声|原音|游戏|开枪的?声?|枪声|脚步声?|爆炸声|技能音效|音效)(?:的)?(?:音量|声音)?)"
)


# "turn the bgm way down", "bring the game a little up": the amount between verb and particle
_MID = (r"(?:(?P<much>way|a\s+lot|much|far|waaay|wayyy)|(?P<bit>a\s+(?:little\s+|tiny\s+)?bit|a\s+little|slightly|a\s+tad"
        r"|a\s+touch|a\s+smidge))")


# The verb before a level said as a number is part of it: "lower the game volume to 50%".
_LEVEL_VERB = (r"(?:(?:lower|raise|drop|reduce|decrease|increase|boost|bump|crank|cut|bring|turn|take|set|put|change|make|get|"
               r"have|keep|pull|push|dial)\s+(?:(?:up|down|back)\s+)?)")
# The creator's own voice, which the game can be too loud against: "the game is louder than my voice".
_MY_VOICE = r"(?:my\s+|the\s+)?(?:voice|commentary|mic|talking|narration)\b"
# Not a condition: "duck the music when the game is loud" says when, not that it is too loud.
_NOT_WHEN = "".join(rf"(?<!{w}\s)(?<!{w}\sthe\s)(?<!{w}\smy\s)" for w in ("when", "while", "if", "whenever", "once", "not"))


def _scale_game(st: State, by: float) -> None:
    st.plan.game_volume_factor = combine(st.plan.game_volume_factor, by)


# 游戏声有点响 / bgm好小 / 原声吵死了: a complaint about one sound, that sound the other way.
_ZH_LOUD = r"大声|大|响|吵|闹|炸|刺耳"
_ZH_QUIET = r"小声|小|轻|低|弱|闷"


@level(
    rf"(?:(?P<g>{_ZH_GAME})|(?P<m>背景音乐|音乐|bgm|配乐)(?:的)?(?:声音|音量)?)(?:也|都|真的|实在|还是|现在)?"
    rf"(?:(?:有点儿?|有些|好|很|挺|太|偏|比较|特别|超级?|真|过于|略)(?P<adj>{_ZH_LOUD}|{_ZH_QUIET})(?:了|的|啊|呀)*(?!\s*(?:一?点|一些|些))"
    rf"|(?P<loud>吵|响|闹|大声)死了|(?P<faint>小|轻)得(?:几乎)?听不(?:见|到|清)|(?P<faint2>几乎|基本)?(?:没|没有|没什么|没啥)声音?了?"
    rf"|(?P<loud2>大声|变大|变响)了(?!\s*(?:一?点|一些|些)))"
)
def _zh_complaint(m: re.Match[str], st: State) -> None:
    """游戏声有点响: the game down; bgm好小: the music up. Each complaint moves only its sound."""
    if m["m"] and m["adj"] == "闷":
        return  # 音乐有点闷: dull, a wish for livelier music (the style rules read it), not a level
    loud = bool(m["loud"] or m["loud2"] or (m["adj"] and re.fullmatch(_ZH_LOUD, m["adj"])))
    by = Step.of(0.6 if loud else 1.5, False)  # a word's step: a number said with it wins
    if m["g"]:
        _scale_game(st, by)
    else:
        st.plan.volume_factor = combine(st.plan.volume_factor, by)


@level(
    rf"\b(?P<dir>lower|reduce|drop|cut|decrease|raise|boost|increase)\s+{_GAME}(?:\s+volume)?\s+(?:by\s+)?(?P<n>{NUM})\s*(?:%|percent)",
    rf"\b(?:turn|tone|dial|bring|take)\s+{_GAME}\s+(?P<dir>down|up)\s+(?:by\s+)?(?P<n>{NUM})\s*(?:%|percent)",
    rf"\b{_GAME}\s+(?P<n>{NUM})\s*(?:%|percent)\s+(?P<dir>quieter|softer|lower|louder|higher)\b",
    rf"{_ZH_GAME}\s*(?P<dir>调低|降低|减小|减少|调小|调高|提高|增大|加大|调大)\s*(?P<n>{NUM})\s*%",
)
def _game_relative_pct(m: re.Match[str], st: State) -> None:
    """"Lower the game by 20%" scales the game audio by 0.8 (not a level of 20%)."""
    n = min(float(m["n"]), 95.0) / 100
    up = m["dir"] in ("raise", "boost", "increase", "up", "louder", "higher", "调高", "提高", "增大", "加大", "调大")
    _scale_game(st, round(1 + n if up else 1 - n, 4))


@level(
    rf"\b(?:both\s+)?(?:the\s+)?(?:music|bgm)\s+and\s+(?:the\s+)?(?:game|gameplay|original)(?:\s+(?:audio|sound|sounds))?"
    rf"\s+(?:are\s+|both\s+|are\s+both\s+)*(?:{MUCH}\s+|{BIT}\s+)?(?P<dir>quieter|softer|lower|down|louder|higher|up|too\s+loud|too\s+quiet|too\s+soft)\b"
    rf"{AFTER}",
    rf"\beverything\s+(?:{MUCH}\s+|{BIT}\s+)?(?P<dir2>quieter|softer|louder)\b{AFTER}",
    rf"\b(?:{MUCH}\s+|{BIT}\s+)?(?P<dir3>lower|reduce|turn\s+down|drop|raise|boost|turn\s+up)\s+(?:the\s+)?(?:volume|level)s?\s+(?:of|on|for)\s+"
    rf"(?:everything|both)\b{AFTER}(?!\s*,?\s*(?:except|but|besides|other\s+than|apart))",
    rf"\bturn\s+everything\s+(?P<dir4>down|up)\b{AFTER}(?!\s*,?\s*(?:except|but|besides|other\s+than|apart))",
    rf"\b(?P<dir5>boost|raise|lower|reduce)\s+(?:the\s+)?(?:everything|both(?:\s+sounds)?)\b{AFTER}(?!\s*,?\s*(?:except|but|besides|other\s+than|apart))",
    rf"\b(?P<dir6>boost|raise|lower|reduce|drop|crank|bump|turn\s+up|turn\s+down)\s+(?:both\s+)?(?:the\s+)?(?:(?:music|bgm)\s+and\s+(?:the\s+)?game(?:play)?"
    rf"|game(?:play)?(?:\s+(?:audio|sounds?))?\s+and\s+(?:the\s+)?(?:music|bgm))(?:\s+(?:audio|sounds?))?\b"
    rf"(?!\s+(?:up|down)\b)(?!(?:\s+(?:audio|sounds?))?\s+(?:is|are|'s|sounds?|stays?|should|can|could|was|seems?|feels?|looks?|good|fine|ok|okay|great|perfect)\b){AFTER}",
    rf"\bturn\s+(?:them\s+)?both\s+(?P<dir7>up|down)\b{AFTER}",
    rf"\bboth\s+(?P<dir8>louder|quieter|softer)\b{AFTER}",
    rf"(?:(?:音乐|背景音乐|bgm)(?:和|跟|与){_ZH_GAME}|{_ZH_GAME}(?:和|跟|与)(?:背景音乐|音乐|bgm)|(?:整体|所有|全部|总体)(?:的)?(?:声音|音量)|声音(?=都))"
    r"(?:都|也|全都?|一起)?(?:再)?(?:调|开|变)?(?P<bit>稍微|稍稍|略微)?(?:调|开|变)?(?P<dir>小|低|大|高|响)(?:声)?(?:一?点|一些)?",
    r"(?:(?:整体|所有|全部|总体)(?:的)?声音|声音都)(?:都|也)?(?P<too>太|有点|好)(?P<dir>小|低|轻|大|响|吵)了?",
    r"(?:全部|全都|统统|一起)(?:都)?(?:调|开|变)(?P<dir>大|小|高|低)(?:声)?(?:一?点|一些)?",
)
def _music_and_game(m: re.Match[str], st: State) -> None:
    """"Music and game both a bit quieter": both sounds, one step each; 声音都太小了 (a
    complaint) raises both."""
    word = re.sub(r"\s+", " ", group(m, "dir", "dir2", "dir3", "dir4", "dir5", "dir6", "dir7", "dir8") or "")
    down = word in ("quieter", "softer", "lower", "down", "小", "低", "轻", "reduce", "turn down",
                    "drop", "too loud")
    if group(m, "too"):
        down = not down
    _both(st, factor(m, 0.6, 0.36, 0.8) if down else factor(m, 1.5, 2.25, 1.25))


@level(
    rf"\b(?:{_LEVEL_VERB}?(?:{_GAME})(?:\s*:|\s+)\s*(?:volume\s*:?\s*)?(?:(?:down|up|back)\s+)?(?:to|at|=)?\s*{_ABOUT}(?P<v>{NUM})\s*(?:%|percent)"
    rf"|(?:set|put)\s+(?:{_GAME})\s+(?:to|at)\s*(?P<v2>{NUM})\s*(?:%|percent))",
    rf"\b(?:{_GAME})(?:\s*:|\s+)\s*(?:volume\s*:?\s*)?(?:(?:down|up|back)\s+)?(?:to|at|=)?\s*{_ABOUT}(?P<v3>{NUM})(?![\d:.%]|\s*(?:s|secs?"
    r"|seconds?|m|mins?|minutes?|percent|x|times|db)\b)(?=\s*(?:$|[,;.!?\n]|please|pls|and\b))",
    rf"{_ZH_GAME}\s*(?:调到|调成|设为|设成|设到|设置到|调整到|调整为|弄到|定到|改成|降到|减到|提到|升到|开到|变成|提高到|增加到|增大到|调高到|加到|放大到|降低到|减小到|调低到|到|为)\s*(?P<v>{NUM})\s*(?:%|(?=$|[，,。；;！!？?\s]))"
    rf"|(?<![调降减小大提升加开低高]){_ZH_GAME}\s*[:：]?\s*(?P<v4>{NUM})\s*%"  # bgm音量50%，原声70%
    rf"|(?P<gmin>{_ZH_GAME}(?:调到|调成|降到|压到|开到)?最(?:小|低)(?:声|音量)?)"
    rf"|(?P<gmax>{_ZH_GAME}(?:调到|调成|开到|提到|加到|拉到)?(?:最(?:大|高)(?:声|音量)?|拉满|开满))"  # 原声拉满: its top, 200%
    rf"|(?P<orig>{_ZH_GAME}(?:调回|恢复|改回|变回|还原)(?:到|成)?(?:原来|原始|默认|正常|本来)的?(?:音量|大小|样子|声音)?)",
)
def _game_level(m: re.Match[str], st: State) -> None:
    raw = "100" if group(m, "orig") else "5" if group(m, "gmin") else "200" if group(m, "gmax") else group(m, "v", "v2", "v3", "v4") or "0"
    value = float(raw) if "." in raw and "%" not in m.group(0) else float(raw) / 100  # "game 0.5", "game 40"
    if not 0 <= value <= 2:
        raise bad(st.plan, f"A game-audio level of {value * 100:g}% is out of range: use 0-200%.",
                  f"原声音量 {value * 100:g}% 超出范围：请用 0-200%。")  # fmt: skip
    st.plan.game_volume = round(value, 4)


@level(rf"\b(?:turn|bring|put|take|drop|crank|pump|push)\s+(?:{_GAME})\s+all\s+the\s+way\s+(?P<dir>down|up)\b")
def _game_zero(m: re.Match[str], st: State) -> None:
    """"Turn the game all the way down": the game audio at zero (as "game audio to zero");
    all the way up is the top of its range, 200%."""
    st.plan.game_volume = 0.0 if m["dir"] == "down" else 2.0


@level(rf"{_ZH_GAME}\s*(?:调到|调成|降到|减到|变成|提到|升到|开到|到|为|是)?\s*(?:原来的|现在的|之前的)\s*(?P<n>{NUM})\s*%")
def _game_of_now(m: re.Match[str], st: State) -> None:
    """原声调到原来的70%: the game audio times 0.7 (not a level of 70%)."""
    _scale_game(st, max(0.05, min(4.0, float(m["n"]) / 100)))


@level(
    r"(?:游戏声音|游戏音效|游戏音量|游戏的声音|游戏声|原声音量|原声)(?:调到|降到|减到|变成|只要|只留|只保留|留)?(?:原来的)?一半|(?:游戏声音?|原声)减半"
    r"|(?:游戏声音?|原声|游戏音效|游戏音量)(?:小|降低|减少|调低|调小|关小|降|减)(?:到)?一半"
    rf"|\b(?:reduce|lower|cut|drop|turn\s+down)\s+(?:{_GAME})\s+(?:by\s+|in\s+|to\s+)?half\b"
    r"|\bhalf\s+(?:the\s+)?(?:game|gameplay|original)(?:\s+(?:audio|sound|volume))?\b|\b(?:the\s+)?(?:game|gameplay)"
    r"(?:\s+(?:audio|sound|volume))?\s+(?:at|to)\s+half\b",
)
def _game_half(m: re.Match[str], st: State) -> None:
    _scale_game(st, 0.5)


@level(
    rf"\b(?:the\s+)?(?:game|gameplay|original|in-game|source)\s+(?:volume|audio|sound)\s*(?:x|×|times)"
    rf"\s*(?P<f>{NUM})\b",
    rf"{_ZH_GAME}(?:再)?(?:调大|提高|增大|加大|放大|调高|调成|变成|调到|开到|大)(?:到)?(?:原来的)?\s*(?P<f>{NUM})\s*倍",
    rf"\b(?:double|twice)\s+(?:the\s+)?(?:{_GAME})(?P<f>)",
    rf"\b(?:{_GAME})\s+(?:{_IS}\s+)?(?P<f>{NUM})\s*(?:x|×|times)\s+(?P<dir>louder|quieter|softer)\b",
)
def _game_times(m: re.Match[str], st: State) -> None:
    f = float(m["f"] or 2)
    if group(m, "dir") in ("quieter", "softer") and f > 0:
        f = 1 / f
    _scale_game(st, max(0.05, min(4.0, f)))


@level(
    rf"\b{_NOT_WHEN}(?:{_GAME})(?:[ \t]+(?:is|are)|(?<!'s)'s)[ \t]+(?:(?P<bit>a\s+(?:little\s+)?bit|a\s+tad|kinda|a\s+little)\s+|(?P<much>way)\s+too\s+|way\s+)?"
    r"(?:too\s+)?much\b(?!\s+(?:louder|quieter|more|less)\b)",
    rf"\b{_NOT_WHEN}(?:{_GAME})[ \t]+(?:is|are)(?:n't|\s+not)[ \t]+(?:(?:quite|really)\s+)?quiet\s+enough\b",
)
def _game_a_bit_much(m: re.Match[str], st: State) -> None:
    """"The game is a bit much", "the game isn't quiet enough": the game comes down."""
    _scale_game(st, factor(m, 0.6, 0.36, 0.8))


@level(rf"\b{_NOT_WHEN}(?:{_GAME})[ \t]+(?:is|are)(?:n't|\s+not)[ \t]+(?:(?:quite|really)\s+)?(?:loud|audible)\s+enough\b")
def _game_not_enough(m: re.Match[str], st: State) -> None:
    """"The game isn't loud enough": the game comes up."""
    _scale_game(st, 1.5)


@level(
    rf"\b(?:{_GAME})\s+(?:{_IS}\s+)?(?:(?:kinda|kind\s+of|pretty|really|so|very|way|a\s+bit)\s+)?(?:too\s+)?"
    r"(?:loud|noisy|much|distracting)\s*[,;.]?\s*(?:so\s+|please\s+|pls\s+)?(?:turn|tone|bring|take|dial)\s+"
    r"(?:it|them|that)\s+down\b",
    rf"\b(?:{MUCH}\s+|{BIT}\s+)?(?:{_DOWN}|turn\s+down|reduce|decrease|lessen|soften|quiet(?:en)?|dial\s+back|pull\s+back|lower|drop|cut)"
    rf"\s+(?:only\s+|just\s+)?(?:{_GAME})\b(?:\s+(?:volume|level))?(?:\s+down)?{AFTER}"
    r"|\bless\s+(?:of\s+the\s+)?game(?:play)?(?:\s+(?:audio|sound|sounds|noise))?\b",
    rf"\b(?:{MUCH}\s+)?too\s+much\s+(?:of\s+the\s+)?(?:{_GAME})\b",
    rf"\b(?:turn|bring|keep)\s+(?:{_GAME})\s+down\b{AFTER}",
    rf"\b(?:{_GAME})\s+(?:{_IS}\s+)?(?:(?:still|now|also)\s+)?(?:{MUCH}\s+|{BIT}\s+)?{_DOWN}\b{AFTER}",
    rf"{_ZH_GAME}(?:也|再)?(?:(?:太|有点|好|很)刺耳了?|太高了?|(?:大|吵|响)了(?:一)?点|(?:要|得)(?:小|低|轻)(?!心)(?:一?点|一些|些)?|(?:别|不要)(?:那么|太)(?:吵|大声|响|大|炸)|(?:太|有点|好)炸了?|(?:小|低|轻)(?P<bit2>一点点|一丢丢|一丁点)|(?P<bit>稍微|稍稍|略微)?(?P<much>大幅)?(?:压一压|压一下|压一?点|降一降|降一?点|关小|调低|调小|降低|减小|放低|压低|小声一?点|小声些|小(?:一?点|一些)|低(?:一?点|一些)|轻(?:一?点|一些)|小些|低些|太大声?了?|太吵了?|太响了?|有点吵|(?:有点|好|很|挺|比较|特别|超)(?:吵|响|大声|大|闹)了?(?!\s*(?:一?点|一些|些))|(?:小|低)(?=很多|得多|不少))(?P<much2>很多|得多|不少)?(?P<bit3>一点点|一丢丢|一丁点)?)"
    r"(?:[，,]?(?:都|快|要)?(?:盖过|盖住|压过|压住|淹没)了?(?:背景音乐|音乐|bgm|配乐)了?)?"
    rf"|(?:调低|降低|减小|压低)(?:一下)?{_ZH_GAME}",
    rf"\b(?:turn|bring|dial|tone|take)\s+(?:{_GAME})\s+{_MID}\s+down\b",
    rf"\b{_NOT_WHEN}(?:{_GAME})(?:[ \t]+(?:is|are|sounds?)|(?<!'s)'s)[ \t]+(?:(?:so|really|kinda|pretty|super|very|hella|quite)\s+)?"
    r"(?:loud|noisy|blasting|blaring)\b"
    r"(?!\s+(?:enough|now|again)\b)(?=\s*(?:$|[,;.!?\n]|but\b|and\b|so\b|lol|tho))",
    rf"\b(?:{_GAME})[ \t]+(?:is|are|'s|gets|keeps\s+getting)[ \t]+(?:(?:way|much|a\s+lot|so)\s+)?louder\s+than\s+{_MY_VOICE}",
)
def _game_down(m: re.Match[str], st: State) -> None:
    _scale_game(st, factor(m, 0.6, 0.36, 0.8))


@level(
    rf"\b(?:make\s+|have\s+|put\s+|set\s+)?(?P<who>{_GAME})\s+(?:at\s+)?(?P<x>half|twice)(?:\s+as\s+loud|\s+(?:the\s+)?volume)\b",
    rf"\b(?P<x>halve|double)\s+(?P<who>{_GAME})\b(?:\s+volume)?",
    rf"\b(?:cut|drop|bring|turn)\s+(?P<who>{_GAME})\s+(?:down\s+)?(?:in|by)\s+(?P<x>half)\b",
)
def _game_half_or_twice(m: re.Match[str], st: State) -> None:
    """"Make the game half as loud", "halve the game audio", "double the game sound"."""
    _scale_game(st, 0.5 if m["x"] in ("half", "halve") else 2.0)


@level(
    rf"\b(?:{_GAME})\s+(?:is\s+|'s\s+|are\s+|keeps\s+|keep\s+)?(?:drown(?:s|ing)?|cover(?:s|ing)?|bur(?:y|ies|ying)|overpower(?:s|ing)?|"
    r"step(?:s|ping)?\s+on)(?:\s+out)?\s+(?:the\s+)?(?:music|bgm|soundtrack)\b",
    r"(?:游戏声音?|原声|游戏音效)(?:太大了?|太吵了?|太响了?)?[，,]?(?:都|快|要)?(?:把|将)?(?:盖过|盖住|压过|压住|淹没)了?(?:背景音乐|音乐|bgm|配乐)"
    r"|(?:游戏声音?|原声|游戏音效)(?:太大了?|太吵了?|太响了?)?[，,]?(?:都|快|要)?(?:把|将)(?:背景)?(?:音乐|bgm)(?:都|给)?(?:盖过|盖住|压过|压住|淹没|盖掉|盖)了?",
)
def _game_drowns_music(m: re.Match[str], st: State) -> None:
    """"The game is drowning out the music": the game comes down, the music stays."""
    _scale_game(st, 0.6)


@level(
    rf"\b(?:{MUCH}\s+|{BIT}\s+)?(?:louder|raise|boost|turn\s+up|increase|pump\s+up|bring\s+up|bump(?:\s+up|(?!(?:\s+[\w']+){{1,4}}\s+up\b))|dial\s+up|crank(?:\s+up)?"
    r"|push\s+up)\s+(?:only\s+|just\s+)?"
    rf"(?:{_GAME})\b{AFTER}",
    r"\b(?:the\s+)?game(?:play)?(?:\s+(?:audio|sound|sounds))?\s+loud(?:er)?\s*(?=$|[,;.!?])",
    rf"\b(?:turn|bring|pump|bump|crank|push|dial)\s+(?:{_GAME})\s+up\b{AFTER}",
    rf"\bhear\s+more\s+(?:of\s+)?(?:{_GAME})\b|\bmore\s+(?:of\s+the\s+)?game(?:play)?(?:\s+(?:audio|sound|sounds))?\b(?![\s-]*(?:music|like|feel|style|vibes?|y)\b)|(?:想)?多听(?:点|一点|一些)?(?:{_ZH_GAME})|(?:想)?听(?:到|见)?更多(?:的)?(?:{_ZH_GAME})",
    rf"\b(?:{_GAME})\s+(?:{_IS}\s+)?(?:(?:still|now|also)\s+)?(?:{MUCH}\s+|{BIT}\s+)?{_UP}\b(?!\s+than\s+{_MY_VOICE}){AFTER}",
    rf"{_ZH_GAME}(?:也|再)?(?:(?:有点|都|快|几乎|完全)?听不(?:太|大|怎么)(?:清|见|到)(?:楚)?了?|(?:有点|都|快)听不(?:清|见|到)了?|小了(?:一)?点|小了些|(?:要|得)(?:大|高|响)(?:一?点|一些|些)?|(?:别|不要)(?:那么|太)(?:小声?|轻)|听不(?:清|见|到)(?:楚)?了?|(?:大|高|响)(?P<bit2>一点点|一丢丢|一丁点)|(?P<bit>稍微|稍稍|略微)?(?P<much>大幅)?(?:开大|调高|调大|提高|提一提|抬一抬|抬高|增大|加大|放大|大声一?点|大声些|大(?:一?点|一些)|高(?:一?点|一些)|响(?:一?点|一些)|大些|响些|太小声?了?|太轻了?|太低了?|有点小声?|有点轻|(?:有点|太|好|很|比较)闷了?|(?:大|高|响)(?=很多|得多|不少))(?P<much2>很多|得多|不少)?(?P<bit3>一点点|一丢丢|一丁点)?)"
    rf"|(?:调高|提高|加大|增大)(?:一下)?{_ZH_GAME}",
    rf"\b(?:turn|bring|pump|bump|crank|push)\s+(?:{_GAME})\s+{_MID}\s+up\b",
    rf"\b{_NOT_WHEN}(?:{_GAME})(?:[ \t]+(?:is|are|sounds?)|(?<!'s)'s)[ \t]+(?:(?P<much>way)\s+|(?P<bit>a\s+(?:little\s+)?bit|a\s+little|a\s+tad|slightly)\s+|(?:so|really|kinda|pretty|super|very|hella|quite)\s+)?"
    r"(?:quiet|soft|faint|low|weak)\b(?!\s+(?:enough|now)\b)(?=\s*(?:$|[,;.!?\n]|but\b|and\b|so\b|lol|tho))",
)
def _game_up(m: re.Match[str], st: State) -> None:
    _scale_game(st, factor(m, 1.5, 2.25, 1.25))
