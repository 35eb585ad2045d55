"""The music ending before the video does (`END`): "stop the music 10 seconds before the end",
"no music in the last 10 seconds", "cut the bgm 8 seconds early", 最后10秒不要音乐,
结尾前10秒停掉音乐, 提前10秒结束音乐. Each is `TimeRange(before_end=N)`, an end another half of
the sentence may give a start to ("from 0:05 until 10 seconds before the end").

These run before `limits.EARLY`, which names the ends it cannot place ("a bit before the end").
"""

from __future__ import annotations

import re

from gamemusic.words.plan import TimeRange
from gamemusic.words.rules import OFF_VERB, Rule, State, bad, group, registrar
from gamemusic.words.text import TIME, seconds
from gamemusic.words.timing import _set_range

END: list[Rule] = []
early = registrar(END)

_N = rf"(?:(?:like|about|around|roughly|maybe)\s+)?(?P<d>{TIME}|a\s+minute|a\s+min)"
_END = (
    r"(?:the\s+(?:very\s+)?end(?:\s+of\s+(?:the\s+)?(?:video|clip|vod|recording))?\b|(?:the\s+)?(?:video|clip|vod|"
    r"recording|match|it)\s+(?:ends|is\s+over|finishes|stops)\b)"
)
_BEFORE = rf"(?:(?:before|ahead\s+of|prior\s+to|from)\s+{_END}|early|earlier|sooner|short)"
_STOP = r"(?:stop|end|cut(?:\s+off)?|kill|finish|wrap\s+up|drop|mute|turn\s+off|shut\s+off)"
_MUSIC = r"(?:(?:the|my|all\s+the)\s+)?(?:background\s+)?(?:music|bgm|song|track|tune|soundtrack|beat)"
_NO_MUSIC = (
    r"(?:silent|quiet|music[\s-]?free|free\s+of\s+(?:music|bgm)|without\s+(?:any\s+)?(?:background\s+)?(?:music|bgm)"
    r"|(?:with\s+)?no\s+(?:background\s+)?(?:music|bgm))\b"
)
_LAST = rf"the\s+(?:last|final|closing)\s+(?P<d>{TIME}|minute|min)\b"
_ZH_MUSIC = r"(?:背景)?(?:音乐|bgm|配乐|歌)"
_ZH_STOP = r"(?:停掉|停止|停下来?|停|结束|收尾|关掉|关闭|关|去掉|撤掉|拿掉|砍掉|掐掉|断掉)"
_ZH_NONE = r"(?:(?:不要|别|不用|不|没有|不需要|无)(?:放|播|有|要|加)?)"
_ZH_CLAUSE_END = r"(?=\s*(?:$|[,，。.!！;；?？]))"


@early(
    rf"\b{_STOP}(?:s|ped|ping)?\s+(?:{_MUSIC}\s+|it\s+)?(?:off\s+)?(?:at\s+)?{_N}\s+{_BEFORE}",
    rf"\b{_MUSIC}\s+(?:(?:should|to|must|can|will|has\s+to|needs?\s+to)\s+)?(?:stops?|ends?|finish(?:es)?"
    rf"|cuts?\s+(?:out|off)|goes?\s+(?:away|quiet|silent))\s+(?:at\s+)?{_N}\s+{_BEFORE}",
    rf"\b(?:until|till|til|up\s+to|to|through)\s+{_N}\s+(?:before|from)\s+{_END}",
    rf"\b(?:{OFF_VERB}|stop|(?:don't|dont|do\s+not)\s+(?:play|put|add|use))\s+(?:any\s+|the\s+)?(?:background\s+)?"
    rf"(?:music|bgm)\s+(?:in|for|during|over|at|on)\s+{_LAST}",
    rf"\b(?:(?:leave|keep|make|let)\s+)?{_LAST}(?:\s+of\s+(?:the\s+)?(?:video|clip))?\s+(?:should\s+be\s+|are\s+|is\s+"
    rf"|must\s+be\s+|stays?\s+|(?:should\s+|must\s+)?(?:have|has)\s+|be\s+)?{_NO_MUSIC}",
    rf"\b(?:except|but\s+not|apart\s+from|other\s+than|minus|besides)\s+(?:for\s+)?(?:during\s+|in\s+)?{_LAST}",
    rf"(?:{_ZH_MUSIC}\s*(?:要|就|得|请|再)?\s*)?提前\s*(?P<d>{TIME})\s*(?:就)?{_ZH_STOP}(?:掉)?\s*(?:{_ZH_MUSIC})?",
    rf"(?:{_ZH_MUSIC}\s*)?(?:在\s*)?(?:视频)?(?:结束|结尾|片尾)(?:之)?前\s*(?:的)?\s*(?P<d>{TIME})\s*(?:的时候|时)?\s*(?:就)?"
    rf"(?:{_ZH_STOP}|{_ZH_NONE})\s*(?:{_ZH_MUSIC})?",
    rf"(?:{_ZH_MUSIC}\s*)?(?:在\s*)?(?:最后|结尾|末尾|片尾)(?:的|那)?\s*(?:留|留出|空出|空)?\s*(?P<d>{TIME})\s*(?:的时候|里|内|里面)?\s*(?:就|都|先)?"
    rf"(?:{_ZH_NONE}|去掉|删掉|关掉|拿掉|撤掉|砍掉|停掉)\s*(?:{_ZH_MUSIC}|{_ZH_CLAUSE_END})",
    rf"(?:放|播)到(?:视频)?(?:结束|结尾)(?:之)?前\s*(?P<d>{TIME})",
    rf"除了?(?:结尾|最后|片尾)的?\s*(?P<d>{TIME})",
    rf"(?:离|距离)(?:视频)?(?:结束|结尾)(?:还有|还剩|前)\s*(?P<d>{TIME})\s*(?:的时候)?\s*(?:就)?{_ZH_STOP}\s*(?:{_ZH_MUSIC})?",
)
def _before_end(m: re.Match[str], st: State) -> None:
    d = group(m, "d") or "0"
    gap = 60.0 if d[0] in "am" else seconds(d)
    if gap <= 0:
        raise bad(st.plan, "The music cannot stop 0 seconds before the end: say how long before.",
                  "音乐不能在结束前 0 秒停：请说提前多久。")  # fmt: skip
    _set_range(st, TimeRange(before_end=gap), "until")
