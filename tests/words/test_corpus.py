"""The whole corpus (tests/words/corpus.tsv): every sentence gives exactly its expected plan."""

from __future__ import annotations

import pytest
from corpus_check import Case, judge, load

CASES = load()


def test_the_corpus_is_big_and_bilingual() -> None:
    chinese = [c for c in CASES if any("\u4e00" <= ch <= "\u9fff" for ch in c.text)]
    assert len(CASES) >= 300
    assert len(chinese) >= 100
    assert sum("_not" in c.expected for c in CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.line}:{c.text[:40]}")
def test_each_corpus_sentence_gives_its_expected_plan(case: Case) -> None:
    verdict = judge(case)
    assert verdict.outcome == "ok", f"{case.text!r}: expected {case.expected}, got {verdict.got}"
