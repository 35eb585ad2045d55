"""Ducking: the music dips while the game or a voice is loud. "Quieter under my commentary"
is here: music under a voice is ducking, not the music's overall volume."""

from __future__ import annotations

import re

from gamemusic.words.rules import NEG, Rule, State, bad, combine, group, opposite, registrar
from gamemusic.words.text import NUM

RULES: list[Rule] = []
rule = registrar(RULES)

_ZH_DUCK = r"(?:闪避|避让|躲避|ducking|压低音乐)"


@rule(rf"{_ZH_DUCK}(?:的)?(?:深度|幅度|强度|力度)?(?:开到|调到|设为|设成|拉到|加到)?最(?:大|深|强)")
def _duck_most(m: re.Match[str], st: State) -> None:
    """闪避开到最大: the deepest dip the range allows (24 dB), not the music at its top."""
    st.plan.duck, st.plan.duck_db = True, 24.0


@rule(
    r"(?:在我|我)?(?:不|没|没有)在?(?:说话|讲话|解说|开麦|出声|开口)(?:的)?(?:时候|时|期间)(?:把)?(?:音乐|背景音乐|bgm|配乐)?"
    r"(?:可以|就|要|再|能)?(?:大|响)(?:声)?(?:一?点|一些)?",
)
def _louder_between_talk(m: re.Match[str], st: State) -> None:
    """我不说话的时候音乐可以大一点: the music up, and down under the voice (the dip does it)."""
    st.plan.duck = True
    st.plan.volume_factor = combine(st.plan.volume_factor, 1.5)


@rule(
    rf"\b{NEG}\s+(?:the\s+|any\s+)?(?:auto"
    r"[\s-]?)?(?:duck(?:ing)?|dipping|dip)\b(?:\s+(?:the\s+)?music)?|\bduck(?:ing)?\s*[:=]?\s*(?:off|0|none|zero)\b(?!\s*(?:db|%|\.\d))"
    r"|\b(?:stop|keep|prevent)\s+(?:the\s+)?(?:music|bgm|it)\s+from\s+(?:ducking|dipping|getting\s+quieter)"
    r"|\b(?:keep|leave)\s+(?:the\s+)?(?:music|bgm|it)\s+(?:going|playing)\s+(?:even\s+)?(?:when|while|as)\s+i(?:'m)?\s+(?:talk|speak|talking|speaking)"
    r"|\b(?:keep|leave)\s+(?:the\s+)?music\s+(?:at\s+)?(?:a\s+)?(?:steady|constant|the\s+same|flat)"
    r"(?:\s+(?:level|volume)|\s+(?:when|while|under)\s+i\s+talk|(?![^.;!?\n]{0,30}\b(?:build|climax|arc|calm|intense)))"
    r"|\b(?:music|bgm|it)\s+(?:keeps\s+|is\s+|always\s+)*(?:cutting\s+out|dipping|ducking|dropping(?:\s+out)?|going\s+"
    r"(?:quiet|silent)|disappearing|vanishing|stops|dips|drops|cuts\s+out|goes\s+(?:quiet|silent))\s+(?:when|whenever|while|every\s+time)\s+i\s+(?:talk|speak)",
    rf"(?:关闭|关掉|取消|不要|去掉|禁用|停用|不用|别)(?:再)?(?:自动)?{_ZH_DUCK}|(?:不要|别|不用)(?:再)?自动(?:降|压|调低|降低|压低|减小)(?:音量|音乐|声音|bgm)?|{_ZH_DUCK}(?:的?(?:效果|功能))?(?:也|都|就)?(?:关闭|关掉|取消|关了|不要了|去掉)"
    r"|(?:说话|讲话|解说|开麦|开口|发言|语音|连麦)(?:的)?(?:时候?|时)(?:音乐|背景音乐|bgm)?(?:也)?(?:(?:别|不要|不用|不需要|不能)(?:再)?(?:停|变小|降低|压低|调低|调小|减小|降|压|动)|保持不变|照常放?|不变)"
    r"|(?:说话|讲话|解说|人声|开麦|开口|发言|语音|连麦)(?:的)?(?:时候?|时)?(?:不要|别|不用)(?:再)?(?:压|压低|降低|调低|闪避|让)(?:低)?(?:音乐|背景音乐|bgm)?",
)
def _duck_off(m: re.Match[str], st: State) -> None:
    st.plan.duck = False


@rule(
    r"\b(?:keep|leave)\s+(?:the\s+)?(?:auto[\s-]?)?ducking(?:\s+(?:as\s+(?:it\s+)?is|alone|the\s+same|how\s+it\s+is))?\b(?!\s+on\b)"
    r"(?![^,.;!?\n]{0,16}?\b(?:but|lighter|lower|softer|gentler|stronger|harder|deeper|heavier|less|more|at|to|by)\b)",
    r"(?:闪避|避让)(?:保留|保持|不变|别动|留着)|(?:把)?(?:闪避|避让)(?:调回|恢复|改回|还原)(?:到|成)?(?:默认|原来|原样|正常)(?:的)?(?:样子|设置)?",
)
def _keep_ducking(m: re.Match[str], st: State) -> None:
    """"Keep ducking", 闪避保留: nothing to change."""


@rule(
    rf"{_ZH_DUCK}的?(?:时候|时)(?:音乐|bgm|背景音乐|配乐)?(?:要|再|就)?(?:降|压|小|低)得?(?:再|更)?"
    r"(?P<more>多一?点|多一些|很多|更多|狠一?点|低一?点|多)",
)
def _duck_deeper_zh(m: re.Match[str], st: State) -> None:
    """闪避的时候音乐降得再多一点: the dip gets deeper (6 dB for 多 / 狠, else 4)."""
    st.plan.duck = True
    st.plan.duck_step = 6.0 if re.match(r"多|很多|更多|狠", m["more"]) else 4.0


@rule(
    rf"\bduck\w*\b[^.;!?\n]{{0,30}}?,\s*(?:like\s+|about\s+|around\s+|maybe\s+|say\s+|~)?(?P<db3>{NUM})\s*db\b",
    rf"\bduck(?:ing)?\s+(?:(?:the\s+)?(?:music|bgm)\s+)?by\s+(?P<db>{NUM})(?:\s*db)?\b(?!\s*(?:%|percent|x\b|s\b|secs?|seconds?|minutes?|:|\.\d))",
)
def _duck_db_later(m: re.Match[str], st: State) -> None:
    """"Duck more when I talk, like 10db": the number said after the word wins (before the
    strength words below can take "duck more")."""
    _duck_db(m, st)


@rule(
    r"\b(?<!less\s)(?:strong(?:er)?|heav(?:y|ier)|more|deep(?:er)?|hard(?:er)?|aggressive)\s+ducking\b"
    r"|\bside[\s-]?chain\w*\s+(?:(?:the\s+)?(?:music|bgm|it)\s+)?(?:harder|more|heavier|stronger|deeper)\b"
    r"|\b(?:the\s+)?(?:ducking|dip)\s+(?:is\s+)?(?:barely|hardly)\s+(?:noticeable|audible|there|working|doing\s+anything)\b"
    r"|\bduck(?:ing)?\s+(?:(?:the\s+)?(?:music|bgm)\s+|it\s+)?(?:(?:way|much|a\s+lot|a\s+bit|even)\s+)?(?:more|harder|deeper|stronger|a\s+lot)\b|\b(?:the\s+)?(?:ducking|duck|dip|dipping)\s+(?:is\s+|feels\s+|seems\s+)?"
    r"(?:way\s+|a\s+bit\s+|kinda\s+)?too\s+(?:weak|subtle|light|gentle|soft)\b|\b(?:turn|crank|bump)\s+(?:the\s+)?ducking\s+up\b"
    r"|\b(?:turn|crank|bump|ramp)\s+up\s+(?:the\s+)?(?:auto[\s-]?)?ducking\b",
    rf"(?:加强|增强|更强的?|强一?点的?|更多的?|强烈的?|大幅)(?:的)?{_ZH_DUCK}"
    rf"|{_ZH_DUCK}(?:的?(?:幅度|力度|效果|程度))?(?:调|再|更|要|弄|搞|整|变)?(?:(?:强|多|大|深|高)(?:一?点|一些|些|(?=\s*(?:$|[,，。]|吧)))|更强|加强|加大|增强|增大|调大|加深)"
    rf"|{_ZH_DUCK}(?:的?(?:效果|幅度|力度))?(?:太|有点|不够)(?:弱|轻|浅|小|不明显)了?|{_ZH_DUCK}(?:的?(?:效果|幅度|力度|强度|程度))?不够(?:明显|强|狠)?",
    r"\bduck(?:ing)?\b[^,.;!?\n]{0,24}?\b(?:stronger|harder|deeper|heavier|more\s+aggressive)\b",
)
def _duck_strong(m: re.Match[str], st: State) -> None:
    st.plan.duck, st.plan.duck_db = True, 12.0


@rule(
    r"\b(?:light(?:er)?|less|gentle|gentler|subtle|soft(?:er)?|weak(?:er)?|slight)\s+ducking\b|\bless\s+(?:aggressive|strong|heavy|deep|intense|hard)\s+ducking\b|\b(?:the\s+)?(?:ducking|duck|dip|dipping)\s+(?:is\s+|feels\s+|seems\s+)?"
    r"(?:way\s+|a\s+bit\s+|kinda\s+)?too\s+(?:strong|much|heavy|aggressive|deep|obvious|hard)\b|\b(?:turn|tone)\s+(?:the\s+)?ducking\s+down\b|\b(?:turn|tone|dial)\s+down\s+(?:the\s+)?(?:auto[\s-]?)?ducking\b|"
    r"\bduck(?:ing)?\s+(?:(?:the\s+)?(?:music|bgm)\s+|it\s+)?(?:(?:way|much|a\s+lot|a\s+bit)\s+)?(?:less|(?:a\s+)?(?:little|bit)|slightly|gently)\b"
    r"|\b(?:the\s+)?(?:drop|dip)(?:\s+in\s+(?:the\s+)?(?:volume|music))?\s+(?:when|while|as)\s+i(?:'m)?\s+(?:talk|speak|talking|speaking)\s+"
    r"(?:is|feels|seems)\s+(?:(?:way|a\s+bit|kinda|a\s+little)\s+)?too\s+(?:much|strong|big|deep|obvious|hard)\b",
    rf"(?:减弱|轻微的?|更弱的?|弱一?点的?|轻一?点的?|少一?点的?|轻度)(?:的)?{_ZH_DUCK}"
    rf"|{_ZH_DUCK}(?:的?(?:幅度|力度|效果|程度))?(?:调|再|更|要|弄|搞|整|变)?(?:(?:降低|调低|调小|减小|减少|降|弱|轻|少|小|浅|低)(?:一?点|一些|些|(?=\s*(?:$|[,，。]|吧)))|减弱)"
    rf"|{_ZH_DUCK}(?:的?(?:效果|幅度|力度))?(?:别|不要|没必要)?(?:那么|太|有点|过于)(?:狠|强|猛|重|明显|厉害|大|深|夸张)了?",
    r"\bduck(?:ing)?\b[^,.;!?\n]{0,24}?\b(?:gentler|lighter|subtler|weaker|softer|gentle|light|subtle|soft|less\s+(?:strong|"
    r"aggressive|deep|heavy|obvious))\b",
    r"\bducking\s*,?\s+(?:but\s+)?(?:like\s+)?(?:not\s+(?:too|that)\s+much|only\s+a\s+(?:little|bit)|just\s+a\s+(?:little|bit)"
    r"|lightly|gently)\b|\b(?:(?:it|the\s+music)(?:'s|\s+is|\s+keeps)\s+)?(?:pumping|pumps|dipping|dips|ducking|ducks|breathing)"
    r"\s+(?:(?:way|a\s+bit|kinda|a\s+little)\s+)?too\s+(?:much|hard|far|deep|often)\b",
)
def _duck_light(m: re.Match[str], st: State) -> None:
    if st.plan.duck is False:  # "turn the ducking off, it's pumping too much": off, its reason
        return
    st.plan.duck, st.plan.duck_db = True, 5.0


@rule(
    rf"\bduck(?:ing)?\s+(?:(?:the\s+)?music\s+)?(?:by|of|at|to|=)?\s*(?P<db>{NUM})\s*db\b"
    rf"|\b(?P<db2>{NUM})\s*db\s+(?:of\s+)?ducking\b"
    rf"|\bduck\w*\b[^,.;!?\n]{{0,30}}?\b(?:by|of|at|to)?\s*(?:like\s+|about\s+|around\s+|~)?(?P<db3>{NUM})\s*db\b",
    rf"{_ZH_DUCK}(?:的)?(?:深度|幅度|力度|强度|程度)?\s*(?:设置为|设置成|设定为|设为|设成|调到|调成|改成|改为|是|为|到)?\s*(?P<db>{NUM})\s*(?:db|分贝)|(?P<db2>{NUM})\s*(?:db|分贝)(?:的)?{_ZH_DUCK}"
    # 闪避的深度改成8: the depth named, the number alone is its dB
    rf"|{_ZH_DUCK}(?:的)?(?:深度|幅度|强度)\s*(?:设置为|设置成|设定为|设为|设成|调到|调成|改成|改为|是|为|到)?\s*(?P<db3>{NUM})"
    r"(?![\d.%]|\s*(?:秒|s\b|倍|x\b))",
)
def _duck_db(m: re.Match[str], st: State) -> None:
    db = float(group(m, "db", "db2", "db3") or 0)
    if not 0 < db <= 24:
        raise bad(st.plan, f"Ducking of {db:g} dB is out of range: use 1-24 dB.",
                  f"闪避 {db:g} dB 超出范围：请用 1-24 dB。")  # fmt: skip
    st.plan.duck, st.plan.duck_db = True, db


# Chinese complaints that the music covers the voice: 背景音乐太抢了，把我解说都盖了.
_ZH_BGM = r"(?:音乐|背景音乐|bgm|配乐)(?:的?声音|的?音量)?"
_ZH_LOUD_BGM = rf"(?:{_ZH_BGM}(?:(?:有点|太|好|很)?(?:大声|大|吵|响|抢戏|抢|吵死)了?)?[，,\s]*(?:我)?(?:都|快|要|老是|总是|一直)?)"
# "..., 别压太狠" after a dip under the voice: a light one.
_ZH_NOT_HARD = r"(?P<light>[，,]\s*(?:但是?|不过)?(?:也)?(?:别|不要)(?:压|降|压得|降得)?(?:太|那么|得太)(?:狠|多|厉害|猛|低|明显)了?)?"
_ZH_MY_VOICE = (
    r"(?:(?:我的?)?mic|我(?:说话|讲话)的?声音|我的?(?:声音|人声|解说|说话声?|讲话声?|配音|旁白)|人声|解说|说话声?|讲话声?|配音|旁白"
    r"|(?:我的?)?麦(?:克风?)?(?:的?声音|里的?声音)?"
    r"|我(?=了?(?:$|[，,。；;！!？?\s])))"  # 盖住我了
)
_ZH_COVER = r"(?:盖过去|压过去|盖过|盖住|压过|压住|压着|盖着|淹没|盖掉|压没|吃掉|挡住|遮住|糊住|盖|挡)了?"
_VOICE = (
    r"(?:i\s+(?:talk|speak|commentate|narrate|say\s+something)|i'?m\s+(?:talking|speaking|commentating|narrating)|i\s+am\s+"
    r"(?:talking|speaking)|(?:there(?:'s|\s+is|\s+are)\s+(?:a\s+lot\s+of\s+|lots\s+of\s+|some\s+|any\s+)?)?"
    r"(?:(?:my|the|your)\s+)?(?:voice|voices|commentary|talking|speaking|"
    r"speech|voice[\s-]?over|vo|narration|mic|microphone|dialogue|dialog|commentating|callouts|"
    r"game(?:play)?(?:\s+(?:audio|sounds?))?\s+(?:is|gets|goes|are|get)\s+(?:really\s+|too\s+|so\s+)?(?:loud|louder|intense|busy|crazy|hectic)|"
    r"game\s+audio|game\s+sound|loud\s+parts|explosions|gunfire|gunfights?|firefights?|shootouts?|teammates|comms))"
)
_DUCK_MOD = r"much|a\s+lot|way|a\s+(?:little\s+)?bit|slightly|a\s+little|strongly|heavily|gently"


# A complaint that the voice is lost, blaming nothing: "游戏声小一点，我的声音听不清" says why
# the game goes down (parser._finish drops the dip then).
_COMPLAINT = re.compile(
    r"听不|盖|挡|遮|淹|糊|吃掉|被|压过|压住|压着|抢|can'?t\s+hear|cannot\s+hear|drown|buri|bury|cover|lost"
)
_MUSIC_NAMED = re.compile(r"音乐|bgm|配乐|背景|\b(?:music|soundtrack|song|track|beat)\b")


@rule(
    rf"\b(?:(?P<mod>{_DUCK_MOD})\s+)?(?:(?:the\s+)?music\s+)?(?:duck|dip|lower|quieter|softer|quiet(?:en)?\s+down|"
    r"turn\s+(?:it\s+|the\s+music\s+)?down|make\s+room|get\s+out\s+of\s+the\s+way|back\s+off|"
    r"drop|go\s+down|stay\s+(?:low|quiet|under)|(?:is\s+|gets\s+)?(?:(?P<mod4>way|much|far)\s+)?too\s+loud)"
    r"(?:\s+(?:the\s+)?(?:music|bgm|it))?(?:\s+(?P<mod2>a\s+lot|more|much|a\s+(?:little\s+)?bit"
    r"|slightly|less))?\s+(?:under|beneath|below|when|while|whenever|during|for|behind|around|"
    rf"over)\s+{_VOICE}\b(?:\s+(?P<mod3>a\s+lot|much\s+more|way\s+more|a\s+(?:little\s+)?bit|a\s+little|"
    r"slightly|more))?",
    r"\b(?:(?:(?:the\s+)?(?:music|bgm|soundtrack|song|track|beat)|it)(?:'s|\s+is|\s+keeps|s)?\s+(?:(?:way|much|a\s+lot|so|kinda|a\s+bit)\s+)?(?:drowning|drowns|drown|covering|covers|cover|burying|"
    r"buries|bury|overpowering|overpowers|stepping\s+on|steps\s+on|talking\s+over|louder\s+than|"
    r"over|on\s+top\s+of|competing\s+with|clashing\s+with|fighting)(?:\s+out)?\s+(?:with\s+)?(?:my|the)\s+"
    r"(?:voice|commentary|mic|narration|talking|callouts|comms|vo|teammates|dialogue)|(?:(?:i|you|they|people|viewers)\s+)?(?:can(?:'t|not)|can\s+(?:barely|hardly)|(?:barely|hardly)\s+can)"
    r"\s+hear\s+(?:myself|my\s+voice|me|my\s+commentary|my\s+teammates|my\s+friends|my\s+team|the\s+comms|voice\s+chat)(?:\s+over\s+the\s+music)?|(?:make|let|keep)"
    r"\s+(?:my|the)\s+(?:voice|commentary|mic|narration|talking)\s+(?:easier\s+to\s+hear|more\s+audible|"
    r"clear|clearer|stand\s+out|come\s+through|on\s+top|audible|louder(?:\s+than\s+the\s+music)?)|(?:so\s+)?(?:people|viewers|you|they)\s+can"
    r"\s+hear\s+(?:me|my\s+voice|what\s+i(?:'m|\s+am)\s+saying)|(?:my\s+)?(?:voice"
    r"|commentary|vo|voice[\s-]?over|mic|narration)\s+(?:is\s+|gets\s+|is\s+getting\s+|keeps\s+getting\s+)?(?:(?:kinda|totally|completely|so|really|always)\s+)?(?:drowned|buried|lost|covered)(?:\s+(?:out|by\s+the\s+music))?"
    r"(?!\s+(?:out\s+)?(?:by|in|under)\s+(?:the\s+|all\s+the\s+)?(?:game|gameplay|sfx|gunshots|explosions)\b)"
    r"|(?:boost|raise|turn\s+up|bump\s+up|crank\s+up)\s+(?:my|the)\s+(?:voice|mic|commentary|narration|voice[\s-]?over)"
    r"|(?:turn|bump|crank|bring)\s+(?:my|the)\s+(?:voice|mic|commentary|narration)\s+up"
    r"|hear\s+(?:my\s+voice|me|my\s+commentary|what\s+i\s+say)\s+(?:more\s+)?(?:clearly|better|clearer)"
    r"|(?:my|the)\s+(?:voice|commentary|mic|narration)\s+(?:should|needs\s+to|has\s+to|must|to)\s+(?:be|stay|sound|come\s+through)"
    r"(?:\s+(?:clear|clearer|audible|on\s+top|louder|loud\s+and\s+clear))?(?=\s*(?:$|[,;.!?\n]|please|pls|and\b|over\b))"
    r"|(?:make\s+it\s+so\s+|so\s+that\s+)(?:my|the)\s+(?:voice|commentary|mic|narration)\s+(?:is|comes\s+through|sounds|stays)\s+(?:louder|clearer|on\s+top|audible)"
    r"(?:\s+than\s+the\s+(?:music|bgm|soundtrack))?"
    r"|(?:my\s+)?(?:voice|commentary|mic|narration)\s+(?:is\s+|sounds\s+)?(?:(?:way|a\s+bit|kinda|so)\s+)?too\s+(?:quiet|soft|low)\s+"
    r"(?:compared\s+to|next\s+to|against|under|over|with|behind)\s+the\s+(?:music|bgm|soundtrack))\b",
    r"(?:在|当)?我?(?:说话|讲话|解说|人声|配音|旁白|讲解|开麦|出声|念白|开口|发言|语音|连麦)(?:出现|响起|进来|出来|开始|来了)?(?:的)?(?:时候?|时|期间|部分|那段|那几段|那部分)?"
    r"(?:把|让|将)?(?:音乐|背景音乐|bgm|配乐)?(?:能不能|可不可以|能否|可以|能|要|得|就|会|应该)?(?:自动|自己)?(?:要|得|就|能|可以)?(?:再)?(?P<mod>大幅|稍微|稍稍|略微)?(?:再)?(?:(?P<mod5>降低一半|减少一半|调低一半|压低一半)|调低|降低|压低|变小"
    r"|(?:小|低|轻)(?P<mod6>一丢丢|一点点|一丁点)|小一?点|小声一?点|小声|轻一?点|低一?点|往下(?:压|降|调|走)(?:一?点)?|让路|避让|闪避|让一让|让一下|让开|让位|避开|躲开|压一压|压一下|降一降|(?:降|低|小|弱|压)下(?:去|来)|(?P<mod3>小一半|降一半|减半|低一半)|降(?=很多|得多|不少|一?点|一些|多一?点|多一些)|(?:小|低|轻)(?=很多|得多|不少))(?:一?点|一些)?"
    rf"(?P<mod2>很多|更多|多一?点|多一些|得多|不少|一大截|好多|许多)?{_ZH_NOT_HARD}",
    rf"(?:{_ZH_LOUD_BGM}?(?:把|将)?|别|不要|不能)(?:盖过|盖住|压过|压住|压着|盖着|淹没|在抢|抢走|抢)了?{_ZH_MY_VOICE}"
    rf"|{_ZH_LOUD_BGM}?(?:把|将){_ZH_MY_VOICE}(?:都|给|全)?{_ZH_COVER}"
    rf"|{_ZH_MY_VOICE}(?:都|完全|老是|总是)?被(?:(?:背景)?(?:音乐|bgm|配乐))?(?:给)?{_ZH_COVER}"
    rf"|{_ZH_LOUD_BGM}?听不[清见到](?:楚)?(?:我(?:在)?(?:说|讲)(?:啥|什么|的话|话)|{_ZH_MY_VOICE})"
    rf"|{_ZH_LOUD_BGM}?{_ZH_MY_VOICE}(?:都|完全|有点|根本|快)?(?:听不(?:清|见|到)|听不太清)(?:楚)?了?"
    # 背景音乐太吵，我都没法解说了: the music in the way of talking
    rf"|{_ZH_LOUD_BGM}?(?:我)?(?:都|根本|完全)?(?:没法|没办法|不能)(?:好好)?(?:解说|说话|讲话|开麦|讲解)了?"
    # bgm太大了 我声音都没了: the music said loud, the voice gone
    rf"|{_ZH_BGM}(?:有点|太|好|很)?(?:大声|大|吵|响)了?[，,\s]*{_ZH_MY_VOICE}(?:都|全|快)?(?:没了|没声了|被吞了|被吃了|消失了)"
    r"|(?:音乐|背景音乐|bgm)(?:跟|和|与)(?:我的?)?(?:解说|声音|人声|说话)(?:在)?(?:打架|冲突|抢|混在一起|糊在一起|撞)"
    r"|(?:我的?)?(?:解说|人声|说话声?)(?:跟|和|与)(?:背景音乐|音乐|bgm)(?:在)?(?:打架|冲突|抢|混在一起|糊在一起|撞)",
    # 我开麦时音乐最好小声一点: a voice time, then a dip in the same clause, whatever is between
    r"(?:说话|讲话|解说|配音|旁白|讲解|开麦|出声|开口|发言|语音|连麦)(?:的)?(?:时候?|时|期间)(?:(?!游戏|原声|音效|声效|字幕|标题|节奏|速度)[^，,。；;！!？?\n]){0,10}?"
    r"(?P<mod>大幅)?(?:调低|降低|压低|变小|小声|小一?点|轻一?点|低一?点|让路|避让|闪避|让一让|让一下|压一压|压一下|降一降|降(?=很多|得多|不少|一?点|一些|多一?点|多一些)|(?:小|低|轻)(?=很多|得多|不少))(?:一?点|一些)?"
    rf"(?P<mod2>很多|更多|多一?点|多一些|得多|不少|一大截|好多|许多)?{_ZH_NOT_HARD}",
)
def _duck_voice(m: re.Match[str], st: State) -> None:
    """Ducking on for "duck under my voice"; "quieter under my voice" is relative: the dip
    gets deeper (4 dB, 6 "much", 2 "a bit")."""
    mod = (group(m, "mod", "mod2", "mod3", "mod4", "mod5", "mod6") or "").replace(" ", "")
    text = m.group(0).lower()
    st.voice_reason = st.plan.duck is None and _COMPLAINT.search(text) is not None and (
        _MUSIC_NAMED.search(text) is None)
    st.plan.duck = True
    if group(m, "light"):  # "压低一点，别压太狠": a light dip, not a deeper one
        st.plan.duck_db = 5.0
        return
    if re.search(r"\bduck|自动|自己|闪避|避让|让路", text) and not mod and not re.search(r"点|些", text):
        return
    if mod in ("much", "alot", "way", "strongly", "heavily", "more", "大幅", "很多", "更多",
               "多点", "多一点", "多一些", "得多", "不少", "一大截", "好多", "许多", "小一半", "降一半", "减半",
               "低一半", "降低一半", "减少一半", "调低一半", "压低一半"):  # fmt: skip
        st.plan.duck_step = 6.0
    elif mod and mod != "more":
        st.plan.duck_step = 2.0
    elif mod:
        st.plan.duck_step = 4.0
    else:
        st.plan.duck_step = 4.0


@rule(
    r"\b(?:(?:because|cuz|cause|'cause|since|as)\s+(?:i(?:'m|\s+am|m)\s+(?:commentating|talking|narrating|speaking)|(?:of\s+)?my\s+"
    r"(?:commentary|voice|mic|narration))|(?:auto[\s-]?)?duck(?:ing)?(?:\s+(?:the\s+)?(?:music|bgm))?\s+on|(?:enable|turn\s+on|"
    r"use|add|with)\s+(?:auto[\s-]?)?ducking|auto[\s-]?duck(?:ing)?|side[\s-]?chain(?:ing|ed)?|duck(?:ing)?(?:\s+(?:the\s+)?"
    r"(?:music|bgm))?)\b",
    # 压低音乐 alone is the music's level ("帮我压低音乐"); the feature only when it is switched on
    rf"人声优先|突出人声|突出解说|(?:开启|打开|启用|加上|使用|自动)?(?!压低音乐){_ZH_DUCK}|(?:开启|打开|启用|加上|使用|自动)压低音乐",
    r"\b(?:the\s+)?(?:music|bgm)\s+(?:should\s+|to\s+|must\s+)?(?:stop|pause|go\s+quiet)\s+(?:when|while|whenever)\s+i(?:'m|\s+am)?\s+"
    r"(?:talk|speak|talking|speaking)\b",
)
def _duck_on(m: re.Match[str], st: State) -> None:
    st.plan.duck = True
    st.voice_reason = False


opposite(_duck_voice)(_duck_off)
opposite(_duck_on)(_duck_off)


@rule(r"(?<=[,，])\s*(?:再|要)?(?:压|降)(?:得)?(?:再)?(?P<more>多|狠|低)(?:一?点|一些)")
def _dip_more_after(m: re.Match[str], st: State) -> None:
    """说话时压低音乐，压多一点: the clause after the dip says how deep (6 dB for 多 / 狠)."""
    if st.plan.duck:
        st.plan.duck_step = 6.0 if m["more"] in ("多", "狠") else 4.0


@rule(
    r"(?:让|把)?(?:音乐|bgm|背景音乐|配乐)?(?:在)?(?:游戏声音?|游戏音效|原声|枪声|爆炸声?|音效)(?:很|比较|特别)?(?:响|大|吵|大声)(?:起来)?(?:的)?(?:时候|时)"
    r"(?:让|把)?(?:音乐|bgm|背景音乐|配乐)?(?:自动|就)?(?:小一?点|降低|压低|让一让|让一下|变小|小声一?点|低一?点|降一?点)",
)
def _duck_under_game(m: re.Match[str], st: State) -> None:
    """让音乐在游戏音效响的时候小一点: the dip under the game's loud moments, not a lower level."""
    st.plan.duck = True


@rule(r"(?<=[,，])\s*(?:但是?|不过)?(?:也)?(?:别|不要)(?:压|降)(?:得)?(?:太|那么|得太)(?:狠|多|厉害|猛)了?")
def _dip_light_after(m: re.Match[str], st: State) -> None:
    """闪避开着，但是别压太多: the dip is on, and a light one (5 dB)."""
    if st.plan.duck is not False:
        st.plan.duck = True
        st.plan.duck_db = st.plan.duck_db or 5.0
