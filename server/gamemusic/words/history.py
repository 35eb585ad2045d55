"""Undo and redo ("actually, undo that", "撤销"). "Go back to widescreen" is not an undo: it
names what to go back to, and the picture rules read it."""

from __future__ import annotations

import re

from gamemusic.words.rules import Rule, State, registrar

RULES: list[Rule] = []
rule = registrar(RULES)


@rule(r"\bredo\b(?:\s+(?:that|it|the\s+last\s+(?:change|edit)))?|重做|恢复撤销|取消撤销|反撤销")
def _redo(m: re.Match[str], st: State) -> None:
    st.plan.redo = True


@rule(
    r"\b(?:undo|revert|(?:ctrl|cmd|command)[\s+-]*z|take\s+(?:that|it)\s+back|go\s+back(?!\s+to\b)|scratch\s+that|never\s*mind"
    r"\s+(?:that|the\s+last\s+(?:change|edit|one))|(?:go|switch|change)\s+(?:it\s+)?back\s+to\s+(?:the\s+)?"
    r"(?:previous|last|old|earlier|other)\s+(?:version|one|edit|take|mix|draft|music|song|track)|go\s+back\s+"
    r"(?:one|a)\s+step|(?:set|put|change|make)\s+(?:everything|things|it\s+all)\s+back(?:\s+(?:to\s+)?(?:how|the\s+way)"
    r"\s+it\s+was)?(?!\s+to\b)|(?:set|put|change|make)\s+it\s+back\s+(?:to\s+)?(?:how|the\s+way)\s+it\s+was|back\s+to\s+(?:how|the\s+way)\s+it\s+was|back\s+to\s+(?:the\s+)?(?:previous|last)\s+(?:version|one))\b(?:\s+(?:that|it|this|one\s+step"
    r"|(?:the\s+)?last\s+(?:change|edit|step|one)|(?:the\s+)?(?:change|edit)))?",
    r"撤销|撤消|撤回|回退|返回上一步|退回上一步|取消上一步|上一步|取消刚才的?(?:修改|操作|改动)?|刚才那个?不要了?|还原|恢复原样|改回去|变回去",
)
def _undo(m: re.Match[str], st: State) -> None:
    st.plan.undo = True
