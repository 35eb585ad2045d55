"""Structural properties of composed pieces, as a composer would check them on paper."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from gamemusic.music import STYLES, Piece, compose
from gamemusic.music.spec import CRASH, HAT, KICK

PIECES: dict[tuple[str, int], Piece] = {}


def piece(style: str, seed: int = 1, seconds: float = 120.0) -> Piece:
    key = (style, seed)
    if seconds != 120.0:
        return compose(style, seconds, seed=seed)
    if key not in PIECES:
        PIECES[key] = compose(style, seconds, seed=seed)
    return PIECES[key]


def role(p: Piece, r: str) -> str:
    return next(v.name for v in p.style.voices if v.role == r)


def voice_notes(p: Piece, r: str, sec=None) -> list:
    name = role(p, r)
    return [
        n
        for n in p.notes
        if n.voice == name
        and n.dur_s < 1e3
        and (sec is None or sec.start_s - 1e-6 <= n.start_s < sec.end_s - 1e-6)
    ]


def bar_step(p: Piece, t: float) -> tuple[int, int]:
    g = p.grid
    x = round((t / g.beat_s - g.phase) * 4)
    return x // 16, x % 16


def key_pc(p: Piece, sec) -> int:
    return (p.tonic + sec.shift) % 12


@pytest.mark.parametrize("style", list(STYLES))
def test_sections_are_whole_phrases(style: str) -> None:
    p = piece(style)
    for sec in p.sections:
        bars = (sec.end_beat - max(sec.start_beat, p.grid.phase)) / 4
        if sec.name in ("A", "B", "bridge"):
            assert bars in (4, 8), (sec, bars)
        elif sec.name == "break":
            assert 1 <= bars <= 3
        elif sec.name == "intro":
            assert bars <= 4
    assert {"A", "B"} <= {s.name for s in p.sections}


@pytest.mark.parametrize("style", list(STYLES))
def test_the_lead_has_many_bar_rhythms_and_a_recurring_hook(style: str) -> None:
    p = piece(style)
    lead = voice_notes(p, "lead")
    rhythms: dict[int, set[int]] = {}
    for n in lead:
        bar, step = bar_step(p, n.start_s)
        rhythms.setdefault(bar, set()).add(step)
    distinct = {tuple(sorted(s)) for s in rhythms.values()}
    assert len(distinct) / (p.duration_s / 60) >= 6
    # every A opens with the hook's first-bar rhythm (in some variation)
    a_secs = [s for s in p.sections if s.name == "A"]
    heads = []
    for sec in a_secs:
        first_bar = bar_step(p, sec.start_s)[0]
        heads.append(
            {bar_step(p, n.start_s)[1] for n in lead if bar_step(p, n.start_s)[0] == first_bar}
        )
    ref = heads[0]
    assert sum(len(ref & h) >= 0.5 * len(ref) for h in heads) >= 0.75 * len(heads)


@pytest.mark.parametrize("style", list(STYLES))
def test_phrases_end_on_stable_degrees_and_periods_on_the_tonic(style: str) -> None:
    p = piece(style)
    a_ends, all_ends = [], []
    for sec in p.sections:
        if sec.name not in ("A", "B"):
            continue
        notes = voice_notes(p, "lead", sec)
        pc = (notes[-1].pitch - key_pc(p, sec)) % 12
        all_ends.append(pc)
        if sec.name == "A":
            a_ends.append(pc)
            assert notes[-1].dur_s >= 1.5 * p.grid.beat_s * voice_articulation(p)
    assert a_ends.count(0) >= 0.9 * len(a_ends)
    assert sum(pc in (0, 7) for pc in all_ends) >= 0.7 * len(all_ends)


def voice_articulation(p: Piece) -> float:
    return next(v.articulation for v in p.style.voices if v.role == "lead") * 0.9


@pytest.mark.parametrize("style", list(STYLES))
def test_leading_tones_resolve_and_lines_move_smoothly(style: str) -> None:
    p = piece(style)
    lead = voice_notes(p, "lead")
    resolved = total = 0
    leaps = 0
    for a, b in itertools.pairwise(lead):
        if b.start_s - a.start_s > 2 * p.grid.beat_s * 4:
            continue  # a rest between phrases
        sec = next(s for s in p.sections if s.start_s - 1e-6 <= a.start_s < s.end_s)
        if (a.pitch - key_pc(p, sec)) % 12 == 11 and 11 in p.scale:
            total += 1
            resolved += b.pitch in (a.pitch, a.pitch + 1)
        leaps += abs(b.pitch - a.pitch) > 9
    assert resolved >= 0.85 * total
    assert leaps <= 0.03 * len(lead)


@pytest.mark.parametrize("style", list(STYLES))
def test_each_period_has_one_climax_and_b_sits_higher_than_a(style: str) -> None:
    single = phrases = higher = 0
    for seed in (1, 2, 3):
        p = piece(style, seed)
        mean: dict[str, list[float]] = {"A": [], "B": []}
        for sec in p.sections:
            if sec.name not in ("A", "B"):
                continue
            pitches = [n.pitch - sec.shift for n in voice_notes(p, "lead", sec)]
            phrases += 1
            gestures = [b for a, b in itertools.pairwise([None, *pitches]) if b != a]
            single += gestures.count(max(pitches)) == 1  # a repeated top note is one climax
            mean[sec.name].append(sum(pitches) / len(pitches))
        higher += sum(mean["B"]) / len(mean["B"]) > sum(mean["A"]) / len(mean["A"])
    assert single >= 0.75 * phrases
    assert higher >= 2  # B sits above A (a wide hook in a narrow range can prevent it)


@pytest.mark.parametrize("style", list(STYLES))
def test_a_prime_differs_from_a_and_repeats_vary(style: str) -> None:
    p = piece(style)
    lead = voice_notes(p, "lead")

    def unit(sec, k: int) -> tuple:
        first = bar_step(p, sec.start_s)[0]
        return tuple(
            (bar_step(p, n.start_s)[0] - first - 2 * k, bar_step(p, n.start_s)[1], n.pitch)
            for n in lead
            if first + 2 * k <= bar_step(p, n.start_s)[0] < first + 2 * k + 2
        )

    eight = [s for s in p.sections if s.name == "A" and s.end_beat - s.start_beat >= 32]
    assert eight
    assert all(unit(s, 0) != unit(s, 1) for s in eight)
    assert len({unit(s, 0) + unit(s, 1) for s in eight}) >= min(2, len(eight))


@pytest.mark.parametrize("style", list(STYLES))
def test_cadences_speed_up_the_harmony(style: str) -> None:
    p = piece(style)
    a = next(s for s in p.sections if s.name == "A" and s.end_beat - s.start_beat == 32)
    chords = [c for c in p.chords if a.start_s - 1e-6 <= c.start_s < a.end_s - 1e-6]
    bar = 4 * p.grid.beat_s
    assert min(c.end_s - c.start_s for c in chords) < 0.75 * bar  # two chords in a cadence bar
    assert chords[-1].pcs[0] == key_pc(p, a)  # the period closes on the tonic


def test_seeds_change_key_tempo_progression_patterns_and_hook() -> None:
    for style in STYLES:
        a, b = piece(style, 1), piece(style, 2)
        diffs = [
            a.tonic != b.tonic,
            a.bpm != b.bpm,
            [c.name for c in a.chords] != [c.name for c in b.chords],
        ]
        assert sum(diffs) >= 2, style
        la = [(round(n.start_s, 2), n.pitch) for n in voice_notes(a, "lead")]
        lb = [(round(n.start_s, 2), n.pitch) for n in voice_notes(b, "lead")]
        assert la != lb
    keys = {piece("lofi", s, 10).tonic % 12 for s in range(12)}
    assert len(keys) >= 5


def test_boss_is_a_fight_fast_minor_driving_with_a_clear_low_end() -> None:
    p = piece("boss")
    assert p.bpm >= 150 and p.scale[2] == 3  # minor third
    drums = voice_notes(p, "drums")
    kicks = Counter(bar_step(p, n.start_s)[0] for n in drums if n.pitch == KICK)
    assert max(kicks.values()) >= 12  # a bar of sixteenth double kick
    stab = voice_notes(p, "stab")
    by_time: dict[float, list[int]] = {}
    for n in stab:
        by_time.setdefault(round(n.start_s, 4), []).append(n.pitch)
    assert all(sorted(ps)[1] - sorted(ps)[0] == 7 for ps in by_time.values() if len(ps) >= 2)
    assert min(n.pitch for n in voice_notes(p, "bass")) >= 40  # no 41 Hz mud
    pad = voice_notes(p, "pad")
    assert all(n.pitch >= 64 for n in pad)  # sustained voices kept out of the low mids
    glides = [n for n in voice_notes(p, "lead") if n.glide]
    assert glides


def test_lofi_swings_its_eighths_hats_and_kicks_included() -> None:
    p = piece("lofi")
    g = p.grid
    hats = [n for n in voice_notes(p, "drums") if n.pitch == HAT]
    # hats on the off-beat eighth (0.5 straight, 0.6 swung); the 16ths around it excluded
    off = [n for n in hats if 0.42 < (n.start_s / g.beat_s) % 1 < 0.68]
    late = [n for n in off if (n.start_s / g.beat_s) % 1 > 0.55]
    assert off and len(late) >= 0.9 * len(off)


def test_drums_are_humanised_filled_and_crash_on_section_downbeats() -> None:
    p = piece("chiptune", 1, 240.0)
    drums = voice_notes(p, "drums")
    assert len({n.velocity for n in drums}) >= 20
    beat = p.grid.beat_s
    off_grid = [n for n in drums if abs(n.start_s / beat * 4 - round(n.start_s / beat * 4)) > 0.02]
    assert len(off_grid) >= 0.3 * len(drums)
    crash_times = [n.start_s for n in drums if n.pitch == CRASH]
    for sec in p.sections[1:]:
        if sec.name in ("A", "B"):
            assert min(abs(t - sec.start_s) for t in crash_times) < 1e-6
    fills = set()
    for sec in p.sections[:-1]:
        last_bar = bar_step(p, sec.end_s - 1e-3)[0]
        fills.add(
            tuple(
                sorted(
                    (bar_step(p, n.start_s)[1], n.pitch)
                    for n in drums
                    if bar_step(p, n.start_s)[0] == last_bar and bar_step(p, n.start_s)[1] >= 8
                )
            )
        )
    assert len(fills) >= 4


def test_layers_enter_and_leave_by_section() -> None:
    p = piece("synthwave")

    def voices(name: str) -> float:
        secs = [s for s in p.sections if s.name == name]
        got = [len({n.voice for n in p.notes if s.start_s <= n.start_s < s.end_s}) for s in secs]
        return sum(got) / len(got)

    def drum_rate(name: str) -> float:
        secs = [s for s in p.sections if s.name == name]
        hits = sum(1 for s in secs for n in voice_notes(p, "drums", s))
        return hits / sum(s.end_s - s.start_s for s in secs)

    assert voices("intro") < voices("A") <= voices("B")
    assert drum_rate("bridge") < 0.7 * drum_rate("A")


def test_a_long_piece_keeps_developing_and_modulates() -> None:
    p = compose("platformer", 1800, seed=3)
    assert any(s.shift for s in p.sections)
    lead, chords = voice_notes(p, "lead"), p.chords
    minute = 60.0
    prints = set()
    for m in range(int(p.duration_s // minute)):
        t0 = m * minute
        mel = tuple(
            (round(n.start_s - t0, 2), n.pitch) for n in lead if t0 <= n.start_s < t0 + minute
        )
        prints.add(mel)
    assert len(prints) == int(p.duration_s // minute)
    assert compose("platformer", 600, seed=3).notes == compose("platformer", 600, seed=3).notes
    assert {c.name for c in chords} > {c.name for c in compose("platformer", 60, seed=3).chords}


@pytest.mark.slow
def test_a_three_hour_piece_never_repeats_a_minute_and_stays_deterministic() -> None:
    p = compose("chiptune", 3 * 3600, seed=2)
    lead = voice_notes(p, "lead")
    minutes = int(p.duration_s // 60)
    prints = {
        tuple(
            (round(n.start_s - 60 * m, 2), n.pitch)
            for n in lead
            if 60 * m <= n.start_s < 60 * (m + 1)
        )
        for m in range(minutes)
    }
    assert len(prints) == minutes == 180
    assert compose("chiptune", 3 * 3600, seed=2).notes[-200:] == p.notes[-200:]
