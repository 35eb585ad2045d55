"""Gameplay arcs and stingers from small feature curves, and their summary in words.

Every feature is read relative to the recording's own spread (10th to 90th percentile, with
a minimum spread so that a flat recording stays calm), so a quiet recording has arcs too.
The features' weighted mean, smoothed over 4 s, is the energy (0..1); its level with
hysteresis gives calm / tension / combat per curve step; stretches shorter than MIN_ARC_S
merge into a neighbour (a short but real fight is stretched to MIN_ARC_S instead); the calm
right after a combat is its resolution. `overlay` lays arcs an edit asks for over them.

Stingers come from the 20 ms frame levels: a jump of STINGER_RISE_DB over the 3 s before,
loud for this recording, the strongest first and at most one per STINGER_GAP_S.
"""

from __future__ import annotations

import itertools

import numpy as np

KINDS = ("explore", "tension", "combat", "resolution")
WORDS = {
    "en": dict(zip(KINDS, KINDS, strict=True)),
    "zh": dict(zip(KINDS, ("探索", "紧张", "战斗", "收尾"), strict=True)),
}
MIN_ARC_S = 8.0
MIN_FIGHT_S = 3.0  # a combat stretch this long survives, stretched to MIN_ARC_S
RESOLUTION_S = 12.0
SMOOTH_S = 4.0
STINGER_GAP_S = 7.0
STINGER_RISE_DB = 18.0
SILENCE_DB = 50.0  # game audio this far under its loud moments counts as silence

# weight, minimum spread of the normalisation (in the feature's unit)
_FEATURES = {
    "loudness": (0.35, 10.0),  # dB
    "onsets": (0.25, 1.5),  # onsets per second
    "motion": (0.25, 2.0),  # log2 of bytes per second: a fourfold change
}
_CUTS_WEIGHT, _CUTS_FULL = 0.15, 0.5  # cuts per second that count as frantic (4 in 8 s)
# energy thresholds: (enter, leave) for tension and for combat
_TENSION = (0.4, 0.3)
_COMBAT = (0.62, 0.48)


def relative(x: np.ndarray, min_spread: float, floor: float | None = None) -> np.ndarray:
    """x placed in the recording's own range: 10th percentile -> 0, 90th -> 1 (a spread of at
    least `min_spread`), clipped to 0..1. Values at or under `floor` (silence) read as 0 and
    are left out of the percentiles, so muted stretches do not make the rest look loud."""
    if not len(x):
        return np.zeros(0, np.float32)
    live = x if floor is None else x[x > floor]
    if not len(live):
        return np.zeros(len(x), np.float32)
    lo, hi = np.percentile(live, [10, 90])
    out = np.clip((x - lo) / max(hi - lo, min_spread), 0.0, 1.0)
    if floor is not None:
        out[x <= floor] = 0.0
    return out.astype(np.float32)


def fit_length(curve: np.ndarray, n: int) -> np.ndarray:
    """curve cut to n values, or extended with its last value: (n,)."""
    if len(curve) >= n:
        return curve[:n]
    return np.concatenate([curve, np.full(n - len(curve), curve[-1] if len(curve) else 0.0)])


def moving_mean(x: np.ndarray, size: int) -> np.ndarray:
    """Centered moving mean over `size` values (edges repeat): same shape as x."""
    if size <= 1 or len(x) == 0:
        return x.astype(np.float32)
    padded = np.pad(x.astype(np.float64), (size // 2, size - 1 - size // 2), mode="edge")
    c = np.concatenate([[0.0], np.cumsum(padded)])
    return ((c[size:] - c[:-size]) / size).astype(np.float32)


def energy(
    step_s: float,
    loudness_db: np.ndarray | None,
    onsets_per_s: np.ndarray | None,
    motion: np.ndarray | None,
    cuts_per_s: np.ndarray,
) -> np.ndarray:
    """Combined gameplay energy per step, 0..1, smoothed over SMOOTH_S: (steps,) float32.
    A missing feature (None: no sound, no picture) leaves the weights of the others."""
    n = len(cuts_per_s)
    total = np.full(n, _CUTS_WEIGHT, np.float64) * np.clip(cuts_per_s / _CUTS_FULL, 0, 1)
    weight = _CUTS_WEIGHT
    curves = {"loudness": loudness_db, "onsets": onsets_per_s}
    if motion is not None and len(motion) and float(np.max(motion)) > 0:
        curves["motion"] = np.log2(np.maximum(motion, 1.0))
    for name, curve in curves.items():
        if curve is None or not len(curve):
            continue
        w, spread = _FEATURES[name]
        values = fit_length(np.asarray(curve, np.float64), n)
        floor = float(np.percentile(values, 95)) - SILENCE_DB if name == "loudness" else None
        total += w * relative(values, spread, floor)
        weight += w
    return moving_mean(total / weight, max(1, round(SMOOTH_S / step_s)))


def _levels(e: np.ndarray) -> np.ndarray:
    """0 calm, 1 tension, 2 combat per step, with hysteresis."""
    out = np.zeros(len(e), np.int8)
    state = 0
    for i, v in enumerate(e.tolist()):
        if state < 2 and v >= _COMBAT[0]:
            state = 2
        elif state == 2 and v < _COMBAT[1]:
            state = 1 if v >= _TENSION[1] else 0
        elif state == 0 and v >= _TENSION[0]:
            state = 1
        elif state == 1 and v < _TENSION[1]:
            state = 0
        out[i] = state
    return out


def _runs(levels: np.ndarray) -> list[list[int]]:
    """[start, end, level] runs of equal level (end exclusive)."""
    runs: list[list[int]] = []
    for i, v in enumerate(levels.tolist()):
        if runs and runs[-1][2] == v:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1, v])
    return runs


def _coalesce(runs: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for r in runs:
        if r[1] <= r[0]:
            continue
        if out and out[-1][2] == r[2]:
            out[-1][1] = r[1]
        else:
            out.append(list(r))
    return out


def _stretch_fights(runs: list[list[int]], min_len: int, fight_len: int) -> list[list[int]]:
    """Combat runs of at least fight_len steps but under min_len grow to min_len, taking the
    time from their neighbours (half each side, or all from one side at the ends)."""
    total = runs[-1][1] if runs else 0
    for r in runs:
        length = r[1] - r[0]
        if r[2] == 2 and fight_len <= length < min_len <= total:
            need = min_len - length
            start = max(0, r[0] - need // 2)
            end = min(total, start + min_len)
            start = end - min_len
            for other in runs:
                if other is r:
                    continue
                if other[0] < start < other[1]:
                    other[1] = start
                elif other[0] < end < other[1]:
                    other[0] = end
                elif start <= other[0] and other[1] <= end:
                    other[1] = other[0]  # swallowed
            r[0], r[1] = start, end
    return _coalesce(sorted(runs))


def _merge_short(runs: list[list[int]], min_len: int, e: np.ndarray) -> list[list[int]]:
    """Fold runs shorter than min_len into the neighbour of closer energy, shortest first."""
    while len(runs) > 1:
        i = min(range(len(runs)), key=lambda k: (runs[k][1] - runs[k][0], k))
        r = runs[i]
        if r[1] - r[0] >= min_len:
            break
        mean = float(e[r[0] : r[1]].mean())
        options = [j for j in (i - 1, i + 1) if 0 <= j < len(runs)]
        j = min(options, key=lambda k: abs(float(e[runs[k][0] : runs[k][1]].mean()) - mean))
        r[2] = runs[j][2]
        runs = _coalesce(runs)
    return runs


def arcs_from_energy(
    e: np.ndarray, step_s: float, duration_s: float
) -> list[tuple[float, float, str]]:
    """Arcs (start_s, end_s, kind) covering 0..duration_s in order, from the energy curve."""
    if duration_s <= 0:
        return []
    if not len(e):
        return [(0.0, float(duration_s), "explore")]
    min_len = max(1, round(MIN_ARC_S / step_s))
    runs = _merge_short(
        _stretch_fights(_runs(_levels(e)), min_len, round(MIN_FIGHT_S / step_s)), min_len, e
    )
    kinds = [KINDS[r[2]] for r in runs]
    bounds = [r[0] for r in runs] + [runs[-1][1]]
    out: list[tuple[int, int, str]] = []
    res_len = round(RESOLUTION_S / step_s)
    for k, kind in enumerate(kinds):
        a, b = bounds[k], bounds[k + 1]
        if kind == "explore" and k > 0 and kinds[k - 1] == "combat":
            split = a + res_len if b - (a + res_len) >= min_len else b
            out.append((a, split, "resolution"))
            if split < b:
                out.append((split, b, "explore"))
        else:
            out.append((a, b, kind))
    arcs = [(round(a * step_s, 2), round(b * step_s, 2), kind) for a, b, kind in out]
    arcs[0] = (0.0, *arcs[0][1:])
    arcs[-1] = (arcs[-1][0], round(float(duration_s), 3), arcs[-1][2])
    return [a for a in arcs if a[1] > a[0]]


def stingers_from_levels(level_db: np.ndarray, frame_s: float) -> list[float]:
    """Big moments: frames where the level jumps STINGER_RISE_DB above the mean power of
    the 3 s before (a loud transient after a quiet stretch), loud for this recording (within
    10 dB of its 95th percentile). The strongest win, at most one per STINGER_GAP_S."""
    n = len(level_db)
    history = round(3.0 / frame_s)
    skip = round(0.2 / frame_s)
    if n < history // 3 + skip + 2:
        return []
    power = 10 ** (level_db.astype(np.float64) / 10)
    c = np.concatenate([[0.0], np.cumsum(power)])
    idx = np.arange(n)
    lo = np.maximum(0, idx - history)
    hi = np.maximum(lo + 1, idx - skip)
    before = 10 * np.log10(np.maximum((c[hi] - c[lo]) / (hi - lo), 1e-12))
    loud_gate = float(np.percentile(level_db, 95)) - 10.0
    jump = (level_db - before >= STINGER_RISE_DB) & (level_db >= loud_gate)
    jump[: history // 3 + skip] = False  # a second of history at least
    starts = np.flatnonzero(jump & ~np.concatenate([[False], jump[:-1]]))
    ahead = round(0.2 / frame_s)
    scored = sorted(
        ((float(level_db[i : i + ahead].max() - before[i]), int(i)) for i in starts),
        reverse=True,
    )
    chosen: list[float] = []
    for _score, i in scored:
        t = i * frame_s
        if all(abs(t - u) >= STINGER_GAP_S for u in chosen):
            chosen.append(round(t, 3))
    return sorted(chosen)


def overlay(
    arcs: list[tuple[float, float, str]], spans: list[tuple[float, float, str]], duration_s: float
) -> list[tuple[float, float, str]]:
    """`arcs` with `spans` laid over them (clipped to 0..duration_s; later spans win). What
    is left of an arc under MIN_ARC_S joins its neighbour; the spans stay as asked."""
    d = float(duration_s)
    bounds = {0.0, d, *(t for a, b, _ in arcs for t in (a, b))}
    bounds |= {min(max(t, 0.0), d) for a, b, _ in spans for t in (a, b)}
    pieces: list[list] = []  # [start, end, kind, laid over]
    for a, b in itertools.pairwise(sorted(bounds)):
        mid = (a + b) / 2
        laid = next((k for s0, s1, k in reversed(spans) if s0 <= mid < s1), None)
        kind = laid or next((k for s0, s1, k in arcs if s0 <= mid < s1), "explore")
        if pieces and pieces[-1][2] == kind:
            pieces[-1][1], pieces[-1][3] = b, pieces[-1][3] or laid is not None
        elif b > a:
            pieces.append([a, b, kind, laid is not None])
    while len(pieces) > 1:
        short = [i for i, p in enumerate(pieces) if not p[3] and p[1] - p[0] < MIN_ARC_S]
        if not short:
            break
        i = short[0]
        j = i - 1 if i > 0 else 1
        pieces[j][0], pieces[j][1] = (
            min(pieces[i][0], pieces[j][0]),
            max(pieces[i][1], pieces[j][1]),
        )
        del pieces[i]
        joined: list[list] = []
        for p in pieces:
            if joined and joined[-1][2] == p[2]:
                joined[-1][1], joined[-1][3] = p[1], joined[-1][3] or p[3]
            else:
                joined.append(p)
        pieces = joined
    return [(round(a, 3), round(b, 3), kind) for a, b, kind, _ in pieces]


def clock(seconds: float) -> str:
    """65 -> '1:05', 3725 -> '1:02:05' (whole seconds)."""
    s = round(max(0.0, seconds))
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def describe_arcs(
    arcs: list[tuple[float, float, str]], stingers: list[float], lang: str = "en"
) -> str:
    """'0:00-0:40 explore, 0:40-1:10 combat, stinger at 0:52' (lang 'zh': 探索/紧张/战斗/收尾)."""
    zh = lang.startswith("zh")
    words = WORDS["zh" if zh else "en"]
    parts = [f"{clock(a)}-{clock(b)} {words.get(kind, kind)}" for a, b, kind in arcs]
    if stingers:
        times = [clock(t) for t in stingers]
        if zh:
            parts.append("重音在" + "、".join(times))
        else:
            word = "stinger" if len(times) == 1 else "stingers"
            parts.append(f"{word} at " + ", ".join(times))
    return ("，" if zh else ", ").join(parts)
