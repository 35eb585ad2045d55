"""Reads corpus.tsv and judges the parser on each line, for the test suite and the benchmark.

Outcomes: ok (the whole plan as expected), refused (nothing applied though something was
expected, or a refusal of another kind), missed (part of the request not applied, nothing
wrong applied), misread (something applied that was not asked, or with the wrong value).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gamemusic.errors import BadInput
from gamemusic.words import EditPlan, TimeRange, parse

CORPUS = Path(__file__).with_name("corpus.tsv")


@dataclass(frozen=True)
class Case:
    text: str
    expected: dict[str, Any]
    line: int


def load(path: Path = CORPUS) -> list[Case]:
    cases = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        text, expected = raw.split("\t")
        cases.append(Case(text, json.loads(expected), n))
    return cases


def _range(r: TimeRange) -> Any:
    if r.before_end is not None:
        return {"before_end": r.before_end, **({"start": r.start} if r.start else {})}
    return {"last": r.last} if r.last is not None else [r.start, r.end]


def as_data(plan: EditPlan) -> dict[str, Any]:
    """The plan's changes as corpus JSON."""
    out: dict[str, Any] = {}
    for key, value in plan.changed().items():
        if key == "range":
            out[key] = _range(value)  # type: ignore[arg-type]
        elif key == "titles":
            titles = []
            for t in value:  # type: ignore[attr-defined]
                d: dict[str, Any] = {"text": t.text}
                if t.kind != "title":
                    d["kind"] = t.kind
                for f in ("at", "duration", "position"):
                    if getattr(t, f) is not None:
                        d[f] = getattr(t, f)
                if t.range is not None:
                    d["range"] = _range(t.range)
                titles.append(d)
            out[key] = titles
        else:
            out[key] = value
    if plan.question:
        out["_ask"] = list(plan.question.choices)
    if plan.inspired_by:
        out["_inspired"] = plan.inspired_by
    if plan.unsupported:
        if plan.is_empty:
            out = {"_refuse": "unsupported"}
        else:
            out["_unsupported"] = True
    return out


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float | int) and isinstance(b, float | int):
        return abs(a - b) < 1e-6
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return a == b


@dataclass(frozen=True)
class Verdict:
    outcome: str  # ok | refused | missed | misread
    got: dict[str, Any]


def judge(case: Case) -> Verdict:
    expected = {k: v for k, v in case.expected.items() if k != "_not"}
    try:
        got = as_data(parse(case.text))
    except BadInput as exc:
        got = {"_refuse": exc.code}
    if _same(got, expected) and not set(case.expected.get("_not", [])) & set(got):
        return Verdict("ok", got)
    if "_refuse" in got and "_refuse" not in expected:
        return Verdict("refused", got)
    wrong = [k for k in got if k not in expected or not _same(got[k], expected[k])]
    return Verdict("misread" if wrong else "missed", got)
