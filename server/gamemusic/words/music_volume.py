"""The music's own volume: quieter, louder, a level, a share of what it is ("louder music",
"bgm 30%", "half the volume", 音乐小一点). `LEVELS` run right after the game audio's
(`sound.py`), which has taken "softer game" and "the game is drowning the music" by then.
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
    registrar,
)
from gamemusic.words.sound import _ABOUT, _GAME, _IT, _MID, _NOISES, MIN_MUSIC
from gamemusic.words.text import FLAGS, NUM

LEVELS: list[Rule] = []
level = registrar(LEVELS)


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
    # "lower the music 20%", "tone the soundtrack down 20%": by that much ("down to 20%" is a level)
    rf"\b(?P<dir>lower|reduce|drop|cut|decrease|raise|boost|increase)\s+(?:the\s+)?(?:background\s+)?(?:music|bgm|volume|soundtrack|song|track)"
    rf"(?:\s+volume)?\s+(?:by\s+)?(?P<n>{NUM})\s*(?:%|percent)",
    rf"\b(?:turn|tone|dial|bring|take)\s+(?:the\s+)?(?:background\s+)?(?:music|bgm|volume|soundtrack|song|track|it)\s+(?P<dir>down|up)\s+"
    rf"(?:by\s+)?(?P<n>{NUM})\s*(?:%|percent)",
    rf"\b(?:(?:the\s+)?(?:music|bgm)(?:'s)?\s+)?(?:volume\s+)?(?P<dir>up|down)\s+(?:by\s+)?(?P<n>{NUM})\s*(?:%|percent)",
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


# bgm改成8bit / 音乐换成16位: a number before these is a style or a setting, never a level
_NOT_LEVEL = r"(?:bits?|位|比特|bpm|fps|帧|k\b|年代)"


@level(
    rf"\b(?:(?:music|bgm)\s+)?(?:volume|vol|level|loudness)\s*(?:(?:to|at|of|=|:|is|down\s+to|up\s+to)"
    rf"\s*)?{_ABOUT}(?P<v>{NUM})(?![\d:.]|[\s-]*(?:bits?|bpm|fps)\b)\s*(?P<pct>%|percent)?|\b(?:music|bgm)\s+(?:(?:all\s+the\s+way\s+)?(?:down|up)\s+)?(?:to|at)\s+{_ABOUT}"
    rf"(?P<v3>{NUM})(?![\d:.]|\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hours?)(?![a-z])|\s*[秒分]|[\s-]*(?:bits?|bpm|fps)\b)\s*"
    rf"(?P<pct3>%|percent)?|(?P<v2>{NUM})\s*(?P<pct2>%|percent)(?:\s+"
    r"(?:volume|vol|loud|loudness|level))?|\b(?:music|bgm)\s+(?P<v4>\d{1,3}|0?\.\d+)(?![\d%:])(?=\s*(?:$|[,;!?\n]|please|pls|and\b|(?:the\s+)?game\b))",
    rf"(?:音乐|背景音乐|bgm)?音量\s*(?:调到|调成|调至|调为|设为|设置为|设置成|设成|设到|设置到|调整到|调整为|弄到|定到|拉到|改成|改为|降到|降低到|减到|提到|升到|开到|加到|到|为|是|:)?\s*"
    rf"(?P<v>{NUM})(?![\d.]|\s*{_NOT_LEVEL})\s*(?P<pct>%)?",
    rf"(?:音乐|背景音乐|bgm)(?:的)?(?:声音)?\s*(?:调到|调成|调至|调为|设为|设成|设到|设置到|调整到|调整为|弄到|定到|改成|改为|降到|开到)\s*(?P<v>{NUM})(?![\d.]|\s*{_NOT_LEVEL})\s*"
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
    r"\b(?:the\s+)?(?:music|bgm|soundtrack)\s+(?:is|are)(?:n't|\s+not)\s+(?:quite\s+|really\s+)?(?:loud|audible)\s+enough\b",
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
    rf"\s+loud|(?<=music's\s)(?:so|super|really|hella|crazy|mad)\s+loud|(?<!louder\sbut\snot\s)(?<!louder,\sbut\snot\s)(?<!louder\snot\s)too\s+loud|(?<!undid\s)(?<!did\s)(?<!ed\s)too\s+much|lower(?!\s+(?:the\s+|my\s+|its\s+)?\n)(?:\s+it\b|(?:\s+the)?{_NOUNS}*)(?!\s*(?:the\s+)?(?:stingers?|titles?|text|fades?|tempo|bpm|pitch|ducking|resolution|quality))|turn\s+{_IT}?"
    r"down|(?:reduce|decrease|drop|lessen|cut)\s+(?:the\s+)?(?:(?:background\s+)?(?:music|bgm|song|track|tune|beat|soundtrack)(?:'s)?\s+)?(?:volume|"
    r"level)|(?:reduce|decrease|lessen|soften|quiet(?:en)?(?!\s+(?:it|the\s+music)\b))\s+(?:the\s+)?(?:background\s+)?(?:music|bgm|song|track|tune|beat|soundtrack)\b"
    r"(?!\s+(?:to|by|length|tempo|speed|bpm|pace|fades?|intro|outro|duration)\b)|volume\s+down|down\s+a\s+notch|tone\s+(?:it\s+)?down|quiet(?:en)?\s+(?:it|the\s+music)"
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
    r"|放大|有点小声|声音有点小|(?<!太)(?<!有点)大声(?:一?点(?!点))?|升一?点|提一?点|提一提|抬一抬|抬高(?:一?点)?|(?:几乎|都快|快|完全|根本)听不(?:见|到|清)了?(?!就)|(?<=[乐m歌])(?:都|也|有点|几乎)?听不(?:太|大|怎么)?(?:清|见|到)(?:楚)?了?(?!就)|响(?:一?点|一些)|大(?:一?点|一些)|高(?:一?点|一些)|(?<![感味劲])强一?点|(?:大|高|响)(?=很多|得多|不少)|太小声了?|太小了?|太轻了?|太安静了?|太静了?|(?:(?<=音乐)|(?<=声音)|(?<=音量)|(?<=bgm))太低了?"
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
