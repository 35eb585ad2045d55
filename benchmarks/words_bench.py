"""How well the edit parser understands creators: the corpus (tests/words/corpus.tsv), or any
file in the same format, judged sentence by sentence.

Prints accuracy (the whole plan as expected), refusals (nothing applied though something was
asked), misreadings (something applied that was not asked, or wrongly: the bar is zero),
misses (part of a request not applied), per language, then each sentence that was not ok.

    python benchmarks/words_bench.py [--corpus other.tsv] [--quiet]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "words"))

from corpus_check import CORPUS, judge, load


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--quiet", action="store_true", help="Only the totals.")
    args = ap.parse_args()
    cases = load(args.corpus)
    t0 = time.perf_counter()
    verdicts = [(c, judge(c)) for c in cases]
    elapsed = time.perf_counter() - t0
    for lang in ("all", "en", "zh"):
        chosen = [(c, v) for c, v in verdicts
                  if lang == "all" or (lang == "zh") == any("\u4e00" <= ch <= "\u9fff" for ch in c.text)]  # fmt: skip
        counts = Counter(v.outcome for _, v in chosen)
        n = len(chosen) or 1
        meant = sum("_refuse" in c.expected and v.outcome == "ok" for c, v in chosen)
        print(f"{lang:>3}: {len(chosen):4d} sentences  understood {counts['ok'] / n:6.1%}  "
              f"refused {counts['refused']:3d} (+{meant} refusals as expected)  "
              f"misread {counts['misread']:3d}  missed {counts['missed']:3d}")  # fmt: skip
    print(f"parse time: {elapsed / max(1, len(cases)) * 1000:.2f} ms per sentence")
    if not args.quiet:
        for case, verdict in verdicts:
            if verdict.outcome != "ok":
                print(f"{verdict.outcome:8s} {case.text!r}\n         expected {case.expected}\n"
                      f"         got      {verdict.got}")  # fmt: skip
    return 1 if any(v.outcome == "misread" for _, v in verdicts) else 0


if __name__ == "__main__":
    raise SystemExit(main())
