"""Undo and redo ("actually, undo that", "撤销"). "Go back to widescreen" is not an undo: it
names what to go back to, and the picture rules read it."""

from __future__ import annotations

import re

from gamemusic.words.plan import Unsupported
from gamemusic.words.rules import Rule, State, registrar

RULES: list[Rule] = []
rule = registrar(RULES)


@rule(
    r"\b(?:undo|revert|redo)\s+(?:the\s+)?(?:last\s+|previous\s+|past\s+)?(?:two|three|four|five|six|a\s+few|several|all"
    r"|both|\d+)(?:\s+of\s+the)?(?:\s+(?:changes|edits|steps|things|times|ones))\b|\b(?:undo|revert)\s+(?:everything|all\s+of\s+it)\b"
    r"|\bundo\s+(?:it\s+)?(?:twice|two\s+times|three\s+times)\b",
    r"(?:撤销|撤回|撤消)(?:一下)?\s*[,，]?\s*(?:再|然后再?)(?:撤销|撤回|撤消)(?:一次|一下|一步)?|"
    r"(?:撤销|撤回|撤消|回退|重做)(?:最后|前|最近|上)?(?:两|二|三|四|五|几|\d+)(?:步|次|个|下)|(?:全部|所有)(?:撤销|撤回)|(?:撤销|撤回)(?:全部|所有)",
)
def _many_steps(m: re.Match[str], st: State) -> None:
    """"Undo the last two changes": one step per edit, so nothing is undone by guesswork."""
    st.plan.unsupported.append(Unsupported(
        f"'{m.group(0).strip()}' (several steps at once)", f"“{m.group(0).strip()}”（一次多步）",
        "Say 'undo' once per step.", "每次说一声“撤销”，撤销一步。"))  # fmt: skip


@rule(
    r"\b(?:redo|undo)\s+(?:that|the|my|your)\s+(?:last\s+|previous\s+)?undo\b|\bredo\s+(?:last|previous)\s+undo\b|\bredo\b(?!\s+(?:the\s+)?(?:music|song|track|melody|tune|soundtrack|bgm|beat)\b)(?:\s+(?:that|it|the\s+last\s+(?:change|edit)))?",
    r"(?:重做|重来|恢复|还原|加回来|弄回来|再来一次|再做一次|再弄一次|(?:重新|再)(?:来|做|弄)(?:一遍|一次|一下)?)(?:一下)?(?:刚才|刚刚|之前)?(?:撤销|撤回)(?:掉)?的(?:那一?步|操作|修改|那个)?"
    r"|(?:把)?(?:刚才|刚刚)?(?:撤销|撤回)(?:掉)?的(?:那一?步|操作|修改|那个)?(?:再)?(?:恢复|还原|重做|重新做|重新弄|再做|加回来|弄回来|做回来)"
    r"|(?:刚才|刚刚)?(?:撤销|撤回|撤)(?:错了|多了|过头了?|过了|太多了?|多撤了一步|错)(?:[,，\s]*(?:帮我|给我)?(?:恢复|还原|重做|加回来|弄回来|改回来)(?:回来|一下)?)?",
    r"重做(?:一下)?(?:上一步|刚才那一?步)?|恢复撤销|取消撤销|反撤销",
    # 再恢复一下: 恢复 with nothing after it is the editors' redo (撤销 / 恢复)
    r"(?:(?<=[，,。；;！!？?\s])|^)(?:帮我|给我)?(?:再)?恢复(?:一下)?(?:吧|呗)?(?=\s*$|[，,。；;！!？?])",
)
def _redo(m: re.Match[str], st: State) -> None:
    st.plan.redo = True


@rule(
    r"\b(?:undo|revert|(?:ctrl|cmd|command)[\s+-]*z|keep\s+the\s+(?:old|previous|last|earlier)\s+(?:one|version|music|song|take|track)"
    r"|(?:i\s+)?(?:prefer(?:red)?|liked)\s+the\s+(?:previous|last|old|earlier|other)\s+(?:one|version|take|music|song|track|mix)(?:\s+better)?"
    r"|the\s+(?:previous|last|old|earlier|other)\s+(?:one|version|take)\s+was\s+better"
    r"|(?:bring|put)\s+back\s+the\s+(?:old|previous|earlier)\s+(?:one|version|music|song|take|track)|take\s+(?:that|it)\s+back|go\s+back(?!\s+to\b)|scratch\s+that|never\s*mind"
    r"\s+(?:that|the\s+last\s+(?:change|edit|one))|(?:go|switch|change)\s+(?:it\s+)?back\s+to\s+(?:the\s+)?"
    r"(?:previous|last|old|earlier|other)\s+(?:version|one|edit|take|mix|draft|music|song|track)|go\s+back\s+"
    r"(?:one|a)\s+step|(?:set|put|change|make)\s+(?:everything|things|it\s+all)\s+back(?:\s+(?:to\s+)?(?:how|the\s+way)"
    r"\s+it\s+was)?(?!\s+to\b)|(?:set|put|change|make|turn|bring|get|switch)\s+(?:it|(?:the\s+|my\s+)?(?:music|bgm|song|track|soundtrack|beat|tune|volume|tempo|sound))\s+back\s+(?:to\s+)?(?:how|the\s+way|what)\s+it\s+(?:was|sounded)(?:\s+before)?|back\s+to\s+(?:how|the\s+way)\s+it\s+was|back\s+to\s+(?:the\s+)?(?:previous|last)\s+(?:version|one)|(?:return|go|get)\s+(?:back\s+)?to\s+(?:how\s+it\s+was\s+)?before)\b(?:\s+(?:that|it|this|one\s+step"
    r"|(?:the\s+)?last\s+(?:change|edit|step|one)|(?:the\s+)?(?:change|edit)"
    r"|the\s+(?:[a-z0-9:'-]+\s+){1,3}?(?:thing|change|edit|bit|part|stuff)))?",
    r"(?<!节奏)(?<!速度)(?<!节拍)(?<!音量)(?<!bpm)(?<!闪避)(?<!淡入)(?<!淡出)(?<!比例)(?<!画幅)(?<!种子)"
    r"(?:换回|改回|切回|回到|恢复成?|变回)(?:刚才|刚刚|之前|上一个|上次|原来|原先|最开始)(?:的|那个|那首|那版|那种)*(?:风格|音乐|版本|bgm|配乐|设置|样子)?"
    r"(?!\s*(?:的)?(?:比例|画幅|尺寸|横屏|竖屏|横版|竖版|方形|\d))|"
    r"还是(?:之前|原来|上一个|刚才)(?:的|那个|那首|那版)(?!比例|画幅|尺寸|画面|横屏|竖屏|方形)(?:好|吧)?|用回(?:之前|原来|上一个)的?|撤销|撤消|撤回|回退|返回上一步|退回上一步|取消上一步|上一步|(?<!音乐)(?<!bgm)(?<!配乐)(?<!标题)(?<!字幕)(?<!文字)(?<!原声)(?<!音效)(?<!声音)撤(?:了|掉|一下)(?!\s*(?:背景音乐|音乐|bgm|配乐|歌|游戏|原声|音效|标题|字幕|文字|闪避|淡入|淡出))|后退一步|退一步|往回退|取消刚才的?(?:修改|操作|改动)?|刚才那个?不要了?|(?:刚才|刚刚)(?:改|调|换)的(?:比例|画幅|音量|节奏|速度|风格|音乐|淡入|淡出|闪避|那个|这个)?(?:不要了?|不行|不好|算了|取消)|(?<!比例)(?<!画幅)(?<!尺寸)(?<!节奏)(?<!速度)(?<!音量)(?:还原|恢复原样|改回去|变回去)"
    r"|(?:退|撤|返|换|切)回去(?!\s*(?:的)?(?:比例|画幅|横屏|竖屏|方形))|(?:回到|返回|退回)上一(?:个|版|次)(?:版本|的)?"
    r"|(?:刚才|刚刚|之前|上一个|原来)的?那(?:个|版|首)(?:更好|好一点|好些|比较好|更好听)(?:听)?",
)
def _undo(m: re.Match[str], st: State) -> None:
    if _BACK.fullmatch(m.group(0).strip()) and _SHAPE.search(m.string):
        return  # "还是横屏好看，改回去": back to the shape named, not the last edit undone
    st.plan.undo = True


_BACK = re.compile(r"(?:改|换|切|变|弄)回去")
_SHAPE = re.compile(r"横屏|竖屏|横版|竖版|宽屏|方形|正方形|16\s*:\s*9|9\s*:\s*16|1\s*:\s*1")
