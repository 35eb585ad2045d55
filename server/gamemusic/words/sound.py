"""The two sounds of a video: the game's own audio and the music, on/off and how loud.

`SWITCHES` run early: keep or mute the game audio, remove the music. `LEVELS` run after the
tempo rules ("lower the tempo" is tempo): game-audio volume first ("softer game"), then the
music's ("louder music"). Each cue changes its own sound only: "music only in the first
minute" limits the range (timing) and never mutes the game; "louder music, softer game"
raises one and lowers the other. Ducking under a voice is `ducking.py`.
"""

from __future__ import annotations

import re

from gamemusic.words.rules import (
    AFTER,
    BIT,
    MUCH,
    Rule,
    State,
    bad,
    combine,
    factor,
    group,
    opposite,
    registrar,
)
from gamemusic.words.text import FLAGS, NUM

SWITCHES: list[Rule] = []
LEVELS: list[Rule] = []
switch = registrar(SWITCHES)
level = registrar(LEVELS)

_ORIG = r"(?:the\s+)?(?:original|game|gameplay|in-game|source)(?:'s)?"
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
    rf"\b(?:(?:keep|use|leave)\s+(?:only\s+)?{_ORIG}\s+{_SOUND}\s+only|(?:only|just)\s+(?:keep\s+)?"
    rf"{_ORIG}\s+{_SOUND}|(?:original|game)\s+{_SOUND}\s+only|keep\s+(?:the\s+)?original\s+only)\b",
    rf"(?:只保留|只要|仅保留|只留|只用|仅用|只听|只放|只剩|纯){_ZH_ORIG}",
)
def _original_only(m: re.Match[str], st: State) -> None:
    st.plan.remove_music = True
    st.plan.original_audio = "keep"


# "drop the game audio a little" is a lower level, not a mute: an amount after the sound.
_NO_AMOUNT = (
    r"(?!\s+(?:(?:(?:just\s+)?a\s+(?:little|lil|bit|tad|touch|notch|lot|smidge)|slightly|some|down|way|much|lower|quieter|softer|by"
    r"|muted|off|gone|silenced|removed|touched|changed|to\s+be)\b|to\s+\d|\d))"
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
    rf"(?:静音|关闭|关掉|关了|关|去掉|去除|删除|删掉|不要|屏蔽|消除|砍掉|干掉|拿掉|扔掉|丢掉){_ZH_ORIG}|{_ZH_ORIG}(?:都|也|就|完全|全部|全|直接|彻底|一点都|一点也)?(?:能不能|能否|可不可以|可以|能|麻烦|先)?(?:给我|帮我|给)?(?:(?:调成|调到|设成|设为|改成|变成|换成)(?=静音))?(?:静音|静了|静掉|关掉|关闭|关了|关一下|关下|关(?=\s*(?:$|[,，。.!！吧]))|去掉|去了|拿掉|删了|删掉|砍掉|砍了|干掉|扔掉|丢掉|撤掉|清掉|屏蔽掉|屏蔽|不要(?!\s*(?:静音|关|去掉|删|动|改|调))了?)"
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
    r"dimensions|proportions|colou?rs?|graphics|speed|length|quality|titles?|video|picture|look))|\b(?:original|game)(?:\s+{_SOUND})?\s+(?:back\s+)?on\b(?!\s+(?:the|a|my|this|it)\b)"
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
    r"\b(?:remove|delete|drop|take\s+(?:out|off|away)|get\s+rid\s+of|kill|turn\s+off|stop|disable"
    r"|clear|cut|ditch|lose|mute)\s+(?:(?:the|all|any|my|this)\s+)*(?:background\s+)?(?:music|bgm"
    r"|soundtrack|song)s?\b(?!\s+(?:off\s+)?(?:at|after|before|from|until|when|in|during|volume|level|down|to|by"
    r"|a\s+(?:bit|little|notch)|\d+)\b)|\bno\s+(?:more\s+)?"
    r"(?:background\s+)?(?:music|bgm|soundtrack)\b(?!\s+(?:at|after|before|from|until|in|during)\b)"
    r"|\bwithout\s+(?:(?:any|the)\s+)?(?:background\s+)?(?:music|bgm)\b|\b(?:music|bgm)\s+off\b(?!\s+(?:at|after|from|until|for|in|during)\b)"
    r"|\b(?:not\s+have|have\s+no|don't\s+(?:want|need))\s+(?:any\s+)?(?:background\s+)?(?:music|bgm)\s+at\s+all\b"
    r"|\b(?:the\s+)?(?:music|bgm|soundtrack)\s+(?:has\s+to|needs\s+to|must|can)\s+go\b"
    r"|\bnot\s+have\s+(?:any\s+)?(?:music|bgm)\b(?!\s+(?:at|after|before|from|until|in|during|for|when|while)\b)"
    r"|\bmute\s+(?:it|that)\b(?!\s+(?:at|after|before|from|until|in|during|for|when|while)\b)",
    r"(?:去掉|去除|删除|删掉|移除|取消|关闭|关掉|关了|关|不要|不需要|拿掉|清除|砍掉|干掉|扔掉|丢掉|撤掉)(?:所有的?)?(?:背景音乐|配乐|音乐|bgm)"
    r"(?!\s*(?:在|从|前|后|最后|\d))|静音(?:背景音乐|配乐|音乐|bgm)|(?:背景音乐|配乐|音乐|bgm)(?:的?(?:声音|音量))?(?:全部|都|也)?(?:先|就|直接)?(?:给我|帮我|给)?(?:(?:调成|调到|设成|设为|改成|变成|换成)(?=静音))?(?:静音|去掉|删除|删掉|关掉|关闭|不要了|删了|去了|关了|拿掉|撤掉|撤了|干掉|扔了|扔掉|丢掉|砍掉|砍了|清掉)",
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
    r"(?:(?:游戏原声|游戏声音|游戏音效|游戏音量|游戏的声音|游戏声|原声音量|原声|原音|游戏|开枪的?声?|枪声|脚步声?|爆炸声|技能音效|音效)(?:的)?(?:音量|声音)?)"
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


@level(
    rf"\b(?P<dir>lower|reduce|drop|cut|decrease|raise|boost|increase)\s+{_GAME}\s+by\s+(?P<n>{NUM})\s*(?:%|percent)",
    rf"\bturn\s+{_GAME}\s+(?P<dir>down|up)\s+(?:by\s+)?(?P<n>{NUM})\s*(?:%|percent)",
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
    rf"\b(?:{_GAME})\s+(?:{_IS}\s+)?(?:(?:kinda|kind\s+of|pretty|really|so|very|way|a\s+bit)\s+)?(?:too\s+)?"
    r"(?:loud|noisy|much|distracting)\s*[,;.]?\s*(?:so\s+|please\s+|pls\s+)?(?:turn|tone|bring|take|dial)\s+"
    r"(?:it|them|that)\s+down\b",
    rf"\b(?:{MUCH}\s+|{BIT}\s+)?(?:{_DOWN}|turn\s+down|reduce|lower|drop|cut)\s+(?:only\s+|just\s+)?(?:{_GAME})\b(?:\s+down)?{AFTER}"
    r"|\bless\s+(?:of\s+the\s+)?game(?:play)?(?:\s+(?:audio|sound|sounds|noise))?\b",
    rf"\b(?:{MUCH}\s+)?too\s+much\s+(?:of\s+the\s+)?(?:{_GAME})\b",
    rf"\b(?:turn|bring|keep)\s+(?:{_GAME})\s+down\b{AFTER}",
    rf"\b(?:{_GAME})\s+(?:{_IS}\s+)?(?:(?:still|now|also)\s+)?(?:{MUCH}\s+|{BIT}\s+)?{_DOWN}\b{AFTER}",
    rf"{_ZH_GAME}(?:也|再)?(?:(?:太|有点|好|很)刺耳了?|太高了?|(?:大|吵|响)了(?:一)?点|(?:要|得)(?:小|低|轻)(?!心)(?:一?点|一些|些)?|(?:别|不要)(?:那么|太)(?:吵|大声|响|大|炸)|(?:太|有点|好)炸了?|(?:小|低|轻)(?P<bit2>一点点|一丢丢|一丁点)|(?P<bit>稍微|稍稍|略微)?(?P<much>大幅)?(?:压一压|压一下|压一?点|降一降|降一?点|关小|调低|调小|降低|减小|放低|压低|小声一?点|小声些|小(?:一?点|一些)|低(?:一?点|一些)|轻(?:一?点|一些)|小些|低些|太大声?了?|太吵了?|太响了?|有点吵|(?:小|低)(?=很多|得多|不少))(?P<much2>很多|得多|不少)?(?P<bit3>一点点|一丢丢|一丁点)?)"
    rf"|(?:调低|降低|减小|压低)(?:一下)?{_ZH_GAME}",
    rf"\b(?:turn|bring|dial|tone|take)\s+(?:{_GAME})\s+{_MID}\s+down\b",
    rf"\b{_NOT_WHEN}(?:{_GAME})[ \t]+(?:is|are|'s|sounds?)[ \t]+(?:(?:so|really|kinda|pretty|super|very|hella|quite)\s+)?"
    r"(?:loud|noisy|blasting|blaring)\b"
    r"(?!\s+(?:enough|now|again)\b)(?=\s*(?:$|[,;.!?\n]|but\b|and\b|so\b|lol|tho))",
    rf"\b(?:{_GAME})[ \t]+(?:is|are|'s|gets|keeps\s+getting)[ \t]+(?:(?:way|much|a\s+lot|so)\s+)?louder\s+than\s+{_MY_VOICE}",
)
def _game_down(m: re.Match[str], st: State) -> None:
    _scale_game(st, factor(m, 0.6, 0.36, 0.8))


@level(
    rf"\b(?:{_GAME})\s+(?:is\s+|'s\s+|are\s+|keeps\s+|keep\s+)?(?:drown(?:s|ing)?|cover(?:s|ing)?|bur(?:y|ies|ying)|overpower(?:s|ing)?|"
    r"step(?:s|ping)?\s+on)(?:\s+out)?\s+(?:the\s+)?(?:music|bgm|soundtrack)\b",
    r"(?:游戏声音?|原声|游戏音效)(?:太大了?|太吵了?|太响了?)?[，,]?(?:都|快|要)?(?:把|将)?(?:盖过|盖住|压过|压住|淹没)了?(?:背景)?音乐"
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
    rf"{_ZH_GAME}(?:也|再)?(?:(?:有点|都|快)听不(?:清|见|到)了?|小了(?:一)?点|小了些|(?:要|得)(?:大|高|响)(?:一?点|一些|些)?|(?:别|不要)(?:那么|太)(?:小声?|轻)|听不(?:清|见|到)(?:楚)?了?|(?:大|高|响)(?P<bit2>一点点|一丢丢|一丁点)|(?P<bit>稍微|稍稍|略微)?(?P<much>大幅)?(?:开大|调高|调大|提高|增大|加大|放大|大声一?点|大声些|大(?:一?点|一些)|高(?:一?点|一些)|响(?:一?点|一些)|大些|响些|太小声?了?|太轻了?|太低了?|有点小声?|有点轻|(?:大|高|响)(?=很多|得多|不少))(?P<much2>很多|得多|不少)?(?P<bit3>一点点|一丢丢|一丁点)?)"
    rf"|(?:调高|提高|加大|增大)(?:一下)?{_ZH_GAME}",
    rf"\b(?:turn|bring|pump|bump|crank|push)\s+(?:{_GAME})\s+{_MID}\s+up\b",
    rf"\b{_NOT_WHEN}(?:{_GAME})[ \t]+(?:is|are|'s|sounds?)[ \t]+(?:(?P<much>way)\s+|(?:so|really|kinda|pretty|super|very|hella|quite|a\s+bit|a\s+little)\s+)?"
    r"(?:quiet|soft|faint|low|weak)\b(?!\s+(?:enough|now)\b)(?=\s*(?:$|[,;.!?\n]|but\b|and\b|so\b|lol|tho))",
)
def _game_up(m: re.Match[str], st: State) -> None:
    _scale_game(st, factor(m, 1.5, 2.25, 1.25))


# ---- music volume ---------------------------------------------------------------------------
def _scale_volume(st: State, by: float) -> None:
    st.plan.volume_factor = combine(st.plan.volume_factor, by)


@level(
    rf"\b(?:turn|bring|put)\s+{_IT}?all\s+the\s+way\s+down\b|\b(?:as\s+quiet|as\s+low)\s+as\s+(?:it\s+)?(?:can|"
    r"possible)(?:\s+go)?\b|\b(?:lowest|minimum)\s+(?:volume|level)\b|\bbarely\s+there\b|\b(?:should|to)\s+be\s+"
    r"barely\s+(?:noticeable|audible|there)\b|\bbarely\s+noticeable\b",
    r"(?:音乐|背景音乐|音量|bgm)*(?:调到|调成|降到|开到|压到|调至|降低到|减到)?最(?:小|低)(?:声|音量)?|(?:音乐|背景音乐)?若有若无"
    r"|(?:音乐|背景音乐|bgm|声音)?(?:小声|小|低|轻)(?:声)?到(?:几乎|快要?)?(?:听不(?:见|到|清)|没有|没声|没了)"
    r"|(?:音乐|背景音乐|bgm)?(?:的?声音)?(?:调到|弄到|要|小到)?(?:几乎|刚好|勉强)?听不(?:太)?(?:见|到|清)(?:就行|就好|就可以|即可)",
)
def _minimum(m: re.Match[str], st: State) -> None:
    """"All the way down", 调到最小: the quietest level that is still music."""
    st.plan.volume = MIN_MUSIC


@level(
    rf"\b(?:turn|crank|bring|pump|put)\s+{_IT}?all\s+the\s+way\s+up\b|\b(?:as\s+loud\s+as\s+(?:it\s+)?(?:can|possible)(?:\s+go)?"
    r"|(?:max(?:imum)?|full)\s+(?:volume|blast)|(?:volume|music)\s+(?:at\s+|to\s+)?(?:max(?:imum)?|full))\b",
    r"(?:音乐|背景音乐|音量|bgm)*(?:调到|调成|开到|提到|加到|拉到)?最(?:大|高)(?:声|音量)?|(?:音乐|背景音乐|音量|bgm)*拉满",
)
def _maximum(m: re.Match[str], st: State) -> None:
    """"Max volume", 开到最大: full level."""
    st.plan.volume = 1.0


@level(
    rf"\b(?P<n>{NUM})\s*(?:%|percent)\s+(?P<dir>quieter|softer|lower|louder|higher)\b",
    rf"\b(?P<dir>quieter|softer|louder)\s+by\s+(?P<n>{NUM})\s*(?:%|percent)",
    rf"\b(?P<dir>lower|reduce|drop|cut|decrease|raise|boost|increase)\s+(?:the\s+)?(?:music|bgm|volume)(?:\s+volume)?"
    rf"\s+by\s+(?P<n>{NUM})\s*(?:%|percent)",
    rf"\bturn\s+(?:the\s+)?(?:music|bgm|volume|it)\s+(?P<dir>down|up)\s+(?:by\s+)?(?P<n>{NUM})\s*(?:%|percent)",
    rf"\b(?:(?:the\s+)?(?:music|bgm)(?:'s)?\s+)?(?:volume\s+)?(?P<dir>up|down)\s+by\s+(?P<n>{NUM})\s*(?:%|percent)",
    rf"(?:音乐|音量|bgm)?(?P<dir>调低|降低|减小|调小|减少|调高|提高|增大|加大|调大|增加)\s*(?P<n>{NUM})\s*%",
)
def _relative_pct(m: re.Match[str], st: State) -> None:
    """"50% quieter" scales the volume by 0.5, "20% louder" by 1.2 (not a level of 50%)."""
    n = min(float(m["n"]), 95.0) / 100
    down = m["dir"] in ("quieter", "softer", "lower", "reduce", "drop", "cut", "decrease", "down",
                        "调低", "降低", "减小", "调小", "减少")  # fmt: skip
    _scale_volume(st, round(1 - n if down else 1 + n, 4))


@level(
    rf"(?:(?:音乐|背景音乐|bgm|配乐)(?:的)?(?:音量|声音)?|音量)?\s*(?:调到|调成|降到|减到|变成|提到|升到|开到|到|为|是)?\s*"
    rf"(?:原来的|现在的|之前的)\s*(?P<n>{NUM})\s*%",
)
def _music_of_now(m: re.Match[str], st: State) -> None:
    """调到原来的七成: the music times 0.7 (not a level of 70%)."""
    _scale_volume(st, max(0.05, min(4.0, float(m["n"]) / 100)))


@level(
    rf"\b(?:(?:music|bgm)\s+)?(?:volume|vol|level|loudness)\s*(?:(?:to|at|of|=|:|is|down\s+to|up\s+to)"
    rf"\s*)?{_ABOUT}(?P<v>{NUM})(?![\d:.]|[\s-]*(?:bits?|bpm|fps)\b)\s*(?P<pct>%|percent)?|\b(?:music|bgm)\s+(?:to|at)\s+{_ABOUT}"
    rf"(?P<v3>{NUM})(?![\d:.]|\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hours?|秒|分)\b|[\s-]*(?:bits?|bpm|fps)\b)\s*"
    rf"(?P<pct3>%|percent)?|(?P<v2>{NUM})\s*(?P<pct2>%|percent)(?:\s+"
    r"(?:volume|vol|loud|loudness|level))?|\b(?:music|bgm)\s+(?P<v4>\d{1,3}|0?\.\d+)(?![\d%:])(?=\s*(?:$|[,;!?\n]|please|pls|and\b|(?:the\s+)?game\b))",
    rf"(?:音乐|背景音乐|bgm)?音量\s*(?:调到|调成|调至|调为|设为|设置为|设置成|设成|设到|设置到|调整到|调整为|弄到|定到|拉到|改成|改为|降到|降低到|减到|提到|升到|开到|加到|到|为|是|:)?\s*"
    rf"(?P<v>{NUM})\s*(?P<pct>%)?",
    rf"(?:音乐|背景音乐|bgm)(?:的)?(?:声音)?\s*(?:调到|调成|调至|调为|设为|设成|设到|设置到|调整到|调整为|弄到|定到|改成|改为|降到|开到)\s*(?P<v>{NUM})\s*"
    r"(?P<pct>%)?(?!\s*(?:秒|分|倍))",
)
def _volume(m: re.Match[str], st: State) -> None:
    raw = group(m, "v", "v2", "v3", "v4") or "0"
    value = float(raw)
    if group(m, "pct", "pct2", "pct3") or value > 1 or "." not in raw:
        value /= 100
    if not 0 <= value <= 1:
        raw = raw if len(raw) < 8 else raw[:6] + "..."
        raise bad(st.plan, f"A volume of {raw}% is out of range: use 0-100%.",
                  f"音量 {raw}% 超出范围：请用 0-100%。")  # fmt: skip
    st.plan.volume = round(value, 4)


@level(
    rf"\b(?:music|bgm)\s+(?:volume\s+)?(?:x|×|times)\s*(?P<f>{NUM})\b",
    rf"\b(?P<f>{NUM})\s*(?:x|×|times)\s+(?P<dir>louder|quieter|softer)\b",
    rf"(?:音乐|背景音乐|音量|bgm)(?:的?音量|的?声音)?(?:再)?(?:调大|提高|增大|加大|放大|调高|大)(?:到)?(?:原来的)?\s*(?P<f>{NUM})\s*倍|音量翻倍(?P<f2>)",
)
def _music_times(m: re.Match[str], st: State) -> None:
    f = float(group(m, "f") or 2)
    if group(m, "dir") in ("quieter", "softer") and f > 0:
        f = 1 / f  # "2x quieter": half the level
    _scale_volume(st, max(0.05, min(4.0, f)))


@level(
    r"\b(?:(?:quieter|softer|lower|down)\s+by\s+(?:a\s+)?half|half\s+(?:of\s+)?(?:what\s+it\s+is(?:\s+now)?|(?:the|its)\s+current(?:\s+(?:level|volume))?|where\s+it\s+is)|"
    r"half\s+(?:the\s+)?(?:music\s+|bgm\s+)?(?:volume|as\s+loud)|halve\s+(?:the\s+)?(?:music\s+)?"
    r"volume|half\s+as\s+loud|(?:music|bgm)\s+at\s+half(?:\s+volume)?|(?:cut|drop|bring|turn)\s+(?:it|"
    r"the\s+(?:music|bgm))?\s*(?:(?:the\s+)?volume\s+)?(?:down\s+)?(?:in|by)\s+half)\b"
    r"|(?<=,\s)(?:like\s+|maybe\s+|about\s+|say\s+|roughly\s+)half\b(?!\s+(?:speed|tempo|time|the|of|way|a))",
    r"音量减半|一半的?音量|(?:音量|音乐|背景音乐|bgm)(?:的?(?:音量|声音))?(?:调到|降到|减到|变成|只要|只留|只保留|留)?(?:原来的)?一半|音乐减半"
    r"|(?:降低|减少|调低|调小|关小|小|降)(?:到)?一半",
)
def _half(m: re.Match[str], st: State) -> None:
    _scale_volume(st, 0.5)


@level(r"\b(?:double\s+(?:the\s+)?(?:music\s+)?volume|twice\s+as\s+loud)\b", r"音量加倍|双倍音量")
def _double(m: re.Match[str], st: State) -> None:
    _scale_volume(st, 2.0)


_COMPLAINT = re.compile(r"\b(?:too\s+(?:loud|much)|so\s+loud|overpower\w*)\b|太(?:大声?|吵|响)了?|(?:有点|好)(?:吵|大声|响)", re.I)
_NOUNS = r"(?:\s+(?:music|bgm|volume|level))"


@level(
    r"\b(?:(?:the\s+)?(?:music|bgm|soundtrack)|it|this|that)(?:'s|[ \t]+is|[ \t]+sounds)[ \t]+(?:(?P<bit>a\s+(?:little\s+)?bit|little\s+bit|a\s+little|kinda|slightly|somewhat)\s+"
    r"|(?:very|quite|pretty|really|so|super)\s+)?(?:quiet|soft|faint|low)\b(?!\s+(?:enough|now)\b)(?=\s*(?:$|[,;.!?\n]|but\b|and\b|so\b|lol|tho|rn))",
)
def _music_too_quiet(m: re.Match[str], st: State) -> None:
    """"The music is kinda quiet": a complaint, the music comes up (a bit, when hedged)."""
    _scale_volume(st, factor(m, 1.5, 2.25, 1.25))


@level(
    rf"\b(?:{MUCH}\s+|{BIT}\s+)?(?:quieter|softer|less\s+loud|keep\s+(?:it|the\s+(?:volume|music|bgm|level))\s+(?:quiet|low|subtle|soft|down)"
    r"|(?:be\s+|it\s+|but\s+|and\s+)?(?<!too\s)(?<!so\s)(?<!not\s)(?<!is\s)(?<!'s\s)(?<!are\s)"
    r"(?:quiet|soft|subtle)"
    r"(?=\s*(?:$|[,.;!?\n]|please|pls|and\b))"
    r"|(?:drowning|drowns|covering|covers|burying|buries|overpowering|overpowers)(?:\s+out)?\s+(?:the\s+|my\s+)?(?:game(?:play)?|in-game|"
    rf"{_NOISES})(?:\s+(?:audio|sounds?))?"
    rf"|can(?:'t|not)\s+hear\s+(?:the\s+|my\s+)?(?:game|gameplay|{_NOISES})(?:\s+(?:audio|sound))?\s+"
    r"(?:over|because\s+of)\s+the\s+(?:music|bgm)"
    r"|(?<!is\s)(?<!'s\s)(?<!are\s)(?<!was\s)(?<!louder\s)(?<!louder,\s)(?<!louder\sbut\s)(?<!louder,\sbut\s)not\s+(?:too|that|as)\s+loud|(?:not|don't|dont|do\s+not)\s+make\s+(?:it|the\s+music|the\s+bgm)\s+(?:so|that)\s+loud|sit\s+(?:lower|further\s+back|back|under\s+the\s+game|behind\s+the\s+game|lower"
    r"\s+in\s+the\s+mix)(?:\s+more)?|(?:'s|\s+is)\s+(?:a\s+(?:bit|little)|kinda|way|a\s+tad)\s+(?:too\s+)?much"
    rf"|bring\s+{_IT}?down|(?:drop|dial\s+back|pull\s+back|ease\s+off|back\s+off)\s+(?:on\s+)?(?:the\s+)?(?:music|bgm|soundtrack)(?=\s+(?:a\s+(?:bit|little|tad|touch|notch|lil)|slightly|some|down)\b)(?:\s+down)?|dial\s+{_IT}?(?:down|back)|(?:pull|dial)\s+(?:the\s+)?(?:music|bgm|soundtrack|it)\s+back"
    rf"|less\s+in\s+(?:my|your|the)\s+face|(?<=music\s)(?:is\s+)?(?:blasting|blaring|deafening)|(?<=bgm\s)(?:is\s+)?(?:blasting|blaring|deafening)|(?<!not\s)(?<!n't\s)\b(?:this|that)\s+loud|nice\s+and\s+(?:low|quiet|soft|subtle)|how\s+loud\s+the\s+(?:music|bgm|soundtrack)\s+is|less\s+volume|less\s+(?:of\s+the\s+)?(?:music|bgm)(?!\s+(?:at|in|during|for|after|before|until|from)\b)|less\s+(?:prominent|present|upfront|in\s+front)|more\s+(?:quiet|subtle|understated|low[\s-]?key)|not\s+so\s+loud|(?<=hella\s)(?:quiet|soft)(?=\s+(?:music|bgm))|(?<=music\s)(?:is\s+)?(?:so|super|really|hella|crazy|mad)"
    rf"\s+loud|(?<=music's\s)(?:so|super|really|hella|crazy|mad)\s+loud|(?<!louder\sbut\snot\s)(?<!louder,\sbut\snot\s)(?<!louder\snot\s)too\s+loud|(?<!undid\s)(?<!did\s)(?<!ed\s)too\s+much|lower(?!\s+(?:the\s+|my\s+|its\s+)?\n)(?:\s+the)?{_NOUNS}*(?!\s*(?:the\s+)?(?:stingers?|titles?|text|fades?|tempo|bpm|pitch|ducking|resolution|quality))|turn\s+{_IT}?"
    r"down|(?:reduce|decrease|drop|lessen|cut)\s+(?:the\s+)?(?:music(?:'s)?\s+|bgm\s+)?(?:volume|"
    r"level)|volume\s+down|down\s+a\s+notch|tone\s+(?:it\s+)?down|quiet(?:en)?\s+(?:it|the\s+music)"
    rf"(?:\s+down)?|more\s+in\s+the\s+background|further\s+back|overpowering|too\s+overpowering|"
    rf"(?:music|bgm)\s+down)\b{AFTER}",
    r"(?:(?:音乐|背景音乐|bgm)(?:的?声音)?|音量|声音)?(?:再)?(?:小|低|轻)(?P<bit2>一点点|一丢丢|一丁点)|听不[见清到](?:游戏声音?|原声|脚步声?)了?"
    r"[，,]?(?:音乐|背景音乐|bgm)(?:再)?(?:小|低)一?点|"
    r"(?P<much>大幅|大大)?(?:(?:音乐|背景音乐|bgm)(?:的?声音)?|音量|声音)?(?:再)?(?P<bit>稍微|稍稍|略微)?(?:(?:调)?小点声|吵得(?:我)?(?:头疼|头痛|受不了|耳朵疼)|轻轻的?|小小声|低调一?点|收着点|收一收|(?:太|有点|好)炸了?|少一?点|少一些|存在感(?:弱|低|小)(?:一?点|一些)|(?:别|不要)(?:那么|太)有存在感|存在感太强了?|(?:大|吵|响)了(?:一)?点|(?:大|吵|响)了些|(?:别|不要|不用)(?:那么|太)(?:吵|大声|大|响|抢戏|抢|突出|炸|闹)|(?:太|有点|好)(?:抢戏|抢|突出)了?|抢戏|(?:太|有点|好|很)刺耳了?|(?:(?<=音乐)|(?<=声音)|(?<=音量)|(?<=bgm))太高了?|(?:有点|太)?喧宾夺主了?"
    r"|有点吵|好吵|很吵|吵死了|(?<!太)关小(?:一?点(?!点))?|调弱|变小|变轻|调低|调小|降低|减小|放低"
    r"|压低|(?<!太)(?<!有点)小声(?:一?点(?!点))?|降一?点|降一降|压一压|压一下|轻(?:一?点|一些)|(?<!别)(?<!不要)(?<!不能)(?:盖过|盖住|压过|压住|淹没|盖掉)了?(?:游戏声音?|游戏音效|游戏的声音|原声|脚步声?|枪声|音效)|太闹了?|好闹|吵闹|把(?:游戏声音?|游戏音效|原声|游戏的声音)(?:都|全|给)*(?:盖|盖住|盖过|压住|淹没)了|有点(?:大声|响)了?(?!一?点)|(?<!太)小(?:一?点|一些)|低(?:一?点|一些)|弱一?点|(?:小|低|轻)(?=很多|得多|不少)|太大声了?|太吵了?|太响了?"
    r"|太大了?|小些|低些|轻些)(?:音量)?(?P<much2>很多|得多|不少|多一?点)?(?P<bit3>一点点|一丢丢|一丁点)?",
    rf"\b(?:turn|bring|dial|tone|take)\s+{_IT}?{_MID}\s+down\b",
    r"\b(?:the\s+)?(?:music|bgm|soundtrack)(?:'s|\s+is)?\s+(?:(?P<bit>a\s+(?:little\s+)?bit|little\s+bit|a\s+little|kinda|slightly|somewhat)|very|quite|pretty)"
    r"\s+loud\b",
    # "the music is kinda quiet" (a complaint) is not "quiet please": see _music_too_quiet
    rf"\b(?:{_GAME})\s+(?:are|is|gets?|keeps?\s+getting|(?:are|is)\s+getting)\s+(?:drowned|buried|covered|lost)(?:\s+out)?(?:\s+by\s+the\s+(?:music|bgm))?\b",
)
def _quieter(m: re.Match[str], st: State) -> None:
    if (st.plan.undo or st.plan.redo) and re.fullmatch(
        r"\s*(?:'s|is)?\s*(?:way\s+|a\s+bit\s+|kinda\s+|a\s+tad\s+|a\s+little\s+)?(?:too\s+)?much\s*", m.group(0)
    ):
        return  # "too much, go back": the last change was too much, undone
    if st.plan.duck_step is not None and _COMPLAINT.search(m.group(0)):
        return  # "too loud, my voice gets lost": one complaint, the dip under the voice
    if _ZH_BARE_NOISY.fullmatch(m.group(0)) and (
        _ZH_STYLE_REFUSED.search(m.string, 0, m.start()) or _ZH_NOT_LOUD.search(m.string, 0, m.start())
    ):  # "不要boss那种，太吵了", "不是太大，是太吵": the style is what is noisy, not the level
        return
    _scale_volume(st, factor(m, 0.6, 0.36, 0.8))


# A style refused just before a bare complaint ("不要boss那种，太吵了"): the complaint is its reason.
_ZH_STYLE_REFUSED = re.compile(
    r"(?:不要|别用|别要|不想要|不喜欢)[^，,。；;！!？?]{1,12}?(?:那种|这种|那样|风格|风|的)了?\s*[，,]\s*(?:它|这个|那个)?$"
)
_ZH_NOT_LOUD = re.compile(
    r"(?:不是|并不是|倒不是)(?:太|很|那么)?(?:大声?|响)|(?:太|过于)(?:燃|激烈|热血|嗨|躁)了\s*[，,]\s*$"
)
_ZH_BARE_NOISY = re.compile(r"(?:太|有点|好|很)(?:吵|闹|炸)(?:了|死了)?|收一收|收着点|收敛一?点")


@level(
    rf"\b(?:{MUCH}\s+|{BIT}\s+)?(?:louder|more\s+loud|not\s+so\s+quiet|(?<!is\s)(?<!'s\s)not\s+too\s+quiet|too\s+quiet|too\s+soft|"
    rf"raise(?:\s+the)?{_NOUNS}+|turn\s+{_IT}?up|(?:increase|boost|pump\s+up|crank\s+up|bump\s+up)"
    r"\s+(?:the\s+)?(?:music(?:'s)?\s+|bgm\s+)?(?:volume|level|music)|volume\s+up|up\s+a\s+notch|"
    r"can(?:'t|not)\s+(?:really\s+)?hear\s+(?:the\s+)?(?:music|bgm|it)|(?:can\s+)?barely\s+hear\s+"
    r"(?:the\s+)?(?:music|bgm|it)|boost\s+(?:it|the\s+music)"
    rf"|more\s+(?:noticeable|prominent|present|upfront|in\s+front|volume)|nice\s+and\s+loud|(?:crank|pump|turn|bump)\s+up\s+the(?=\s+(?:[a-z0-9-]+\s+)?(?:music|bgm|soundtrack)\b)|how\s+quiet\s+the\s+(?:music|bgm|soundtrack)\s+is|crank\s+(?:it|the\s+(?:music|bgm|soundtrack))|bump\s+(?:the\s+)?(?:music|bgm|soundtrack|song|track|tune)(?!\s+(?:up|down)\b)|hear\s+(?:the\s+)?(?:music|bgm|soundtrack)\s+more|hear\s+more\s+(?:of\s+)?(?:the\s+)?(?:music|bgm|soundtrack)|make\s+{_IT}?loud(?!\s+(?:enough|parts?))|more\s+audible|barely\s+audible|too\s+faint|(?:music|bgm)\s+up|bring\s+{_IT}?up)"
    rf"\b{AFTER}",
    r"(?:(?:音乐|背景音乐|bgm)(?:的?声音)?|音量|声音)?(?:再)?(?:大|高|响)(?P<bit2>一点点|一丢丢|一丁点)|"
    r"(?P<much>大幅|大大)?(?:(?:音乐|背景音乐|bgm)(?:的?声音)?|音量|声音)?(?:再)?(?P<bit>稍微|稍稍|略微)?(?:(?:调)?大点声|(?<=[乐量m])要(?:大|响)(?:一?点|一些|些)?|(?:多一?点|更有|有点)存在感|存在感(?:强|高|大)(?:一?点|一些)|存在感(?:太|有点|好)(?:低|弱|小)了?|小了(?:一)?点|小了些|开大(?:一?点(?!点))?|变大|变响|调高|调大|提高|增大|加大"
    r"|放大|有点小声|声音有点小|(?<!太)(?<!有点)大声(?:一?点(?!点))?|升一?点|提一?点|(?:几乎|都快|快|完全|根本)听不(?:见|到|清)了?(?!就)|响(?:一?点|一些)|大(?:一?点|一些)|高(?:一?点|一些)|(?<![感味劲])强一?点|(?:大|高|响)(?=很多|得多|不少)|太小声了?|太小了?|太轻了?|太安静了?|太静了?|(?:(?<=音乐)|(?<=声音)|(?<=音量)|(?<=bgm))太低了?"
    r"|听不[到见清](?:音乐|背景音乐|bgm)|大些|响些|高些)(?:音量)?(?P<much2>很多|得多|不少|多一?点)?(?P<bit3>一点点|一丢丢|一丁点)?",
    rf"\b(?:turn|bring|pump|bump|crank|push)\s+{_IT}?{_MID}\s+up\b",
)
def _louder(m: re.Match[str], st: State) -> None:
    blamed = st.plan.game_volume_factor is not None and st.plan.game_volume_factor < 1
    if blamed and re.search(r"hear|听不", m.group(0)):
        return  # "the game is too loud, I can't hear the music": lowering the game is the fix
    if _QUIET_VIDEO.fullmatch(m.group(0)) and _ADDS_MUSIC.search(m.string):
        return  # "太安静了，加点音乐": the video is quiet, music is the fix, not a level
    _scale_volume(st, factor(m, 1.5, 2.25, 1.25))


_QUIET_VIDEO = re.compile(r"太安静了?|太静了?|too\s+quiet", FLAGS)
_ADDS_MUSIC = re.compile(
    r"(?:加|配|来|放|整)(?:点|个|首|段|一段|一首|上|一下)?(?:[^，,。；;\n]{0,6}?的)?(?:背景音乐|背景乐|音乐|bgm|配乐|歌)"
    r"|\b(?:add|put|throw|need|needs|want)\s+(?:some\s+|a\s+)?(?:background\s+)?(?:music|bgm|tunes?|soundtrack)\b",
    FLAGS,
)
