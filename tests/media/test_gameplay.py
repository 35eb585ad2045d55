"""Reading the gameplay: arcs, stingers and motion on a calm -> combat -> calm clip."""

from __future__ import annotations

from pathlib import Path

import anyio
import numpy as np
import pytest

from gamemusic.media.arcs import (
    MIN_ARC_S,
    arcs_from_energy,
    describe_arcs,
    moving_mean,
    stingers_from_levels,
)
from gamemusic.media.gameplay import Gameplay, GameplayReader, describe, packet_rate, read_gameplay
from gamemusic.media.probe import MediaInfo, inspect
from gamemusic.media.scenes import scene_cuts
from helpers import decode_audio, ffmpeg
from media.gameplay_clip import BANG_S, CALM_END_S, COMBAT_END_S, DURATION_S, make_gameplay_clip

CALM = {"explore", "resolution"}


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> MediaInfo:
    path = make_gameplay_clip(tmp_path_factory.mktemp("gameplay") / "clip.mp4")
    return anyio.run(inspect, path)


@pytest.fixture(scope="module")
def game_audio(clip: MediaInfo) -> np.ndarray:
    return decode_audio(clip.path)


@pytest.fixture(scope="module")
def gameplay(clip: MediaInfo) -> Gameplay:
    return anyio.run(read_gameplay, clip)


def fed(audio: np.ndarray, block: int, clip: MediaInfo) -> Gameplay:
    reader = GameplayReader()
    for i in range(0, len(audio), block):
        reader.feed(audio[i : i + block])
    return reader.finish(clip.duration_s, scene_cuts(clip), packet_rate(clip))


def assert_calm_combat_calm(g: Gameplay, tolerance_s: float = 1.5) -> None:
    assert g.arcs[0][0] == 0 and g.arcs[-1][1] == pytest.approx(DURATION_S, abs=0.05)
    for (_, end, _), (start, _, _) in zip(g.arcs, g.arcs[1:], strict=False):
        assert end == start
    assert all(b - a >= MIN_ARC_S for a, b, _ in g.arcs)
    combat = [(a, b) for a, b, kind in g.arcs if kind == "combat"]
    assert len(combat) == 1
    start, end = combat[0]
    assert abs(start - CALM_END_S) <= tolerance_s and abs(end - COMBAT_END_S) <= tolerance_s
    assert g.arc_at(5.0) in CALM and g.arc_at(DURATION_S - 3) in CALM
    assert g.arc_at(COMBAT_END_S + 2) == "resolution"


def test_combat_is_found_in_the_middle_and_calm_around_it(gameplay: Gameplay) -> None:
    assert_calm_combat_calm(gameplay)
    mid = slice(int(25 / gameplay.step_s), int(35 / gameplay.step_s))
    assert gameplay.energy[mid].min() > 0.8 and gameplay.energy[: int(15 / 0.5)].max() < 0.2


def test_stingers_fall_within_half_a_second_of_the_planted_onsets(gameplay: Gameplay) -> None:
    planted = [CALM_END_S, BANG_S]
    assert len(gameplay.stingers) == len(planted)
    for t, want in zip(gameplay.stingers, planted, strict=True):
        assert abs(t - want) <= 0.5


def test_the_result_does_not_depend_on_the_block_size(
    clip: MediaInfo, game_audio: np.ndarray, gameplay: Gameplay
) -> None:
    small, large = fed(game_audio, 1024, clip), fed(game_audio, 48000, clip)
    odd = GameplayReader()
    rng = np.random.default_rng(3)
    i = 0
    while i < len(game_audio):
        n = int(rng.integers(0, 5000))
        odd.feed(game_audio[i : i + n])
        i += n
    uneven = odd.finish(clip.duration_s, scene_cuts(clip), packet_rate(clip))
    for g in (large, uneven, gameplay):
        assert g.arcs == small.arcs and g.stingers == small.stingers
        np.testing.assert_allclose(g.energy, small.energy, atol=1e-5)
        np.testing.assert_allclose(g.loudness_db, small.loudness_db, atol=1e-3)


def test_a_quiet_recording_has_the_same_arcs(clip: MediaInfo, game_audio: np.ndarray) -> None:
    quiet = fed(game_audio * np.float32(0.01), 48000, clip)  # 40 dB down
    assert_calm_combat_calm(quiet)
    assert len(quiet.stingers) == 2


def test_a_recording_without_its_sound_still_has_the_fight(clip: MediaInfo, tmp_path: Path) -> None:
    silent = tmp_path / "muted.mp4"
    ffmpeg("-i", str(clip.path), "-c", "copy", "-an", str(silent))
    g = anyio.run(read_gameplay, anyio.run(inspect, silent))
    assert g.loudness_db is None and g.stingers == []
    assert_calm_combat_calm(g, tolerance_s=3.0)


def test_a_steady_recording_is_all_explore(clip: MediaInfo) -> None:
    rng = np.random.default_rng(1)
    reader = GameplayReader()
    reader.feed((rng.standard_normal((48000 * 30, 2)) * 0.1).astype(np.float32))
    g = reader.finish(30.0)
    assert [kind for _, _, kind in g.arcs] == ["explore"] and g.stingers == []


def test_packet_rate_rises_where_the_picture_moves(clip: MediaInfo, tmp_path: Path) -> None:
    rate = packet_rate(clip)
    assert len(rate) == int(DURATION_S / 0.5)
    calm = np.median(np.r_[rate[4:36], rate[84:116]])
    assert np.median(rate[44:76]) > 10 * calm
    mkv = tmp_path / "clip.mkv"  # a keyframe-only index: bytes between keyframes
    ffmpeg("-i", str(clip.path), "-c", "copy", str(mkv))
    by_cues = packet_rate(anyio.run(inspect, mkv))
    assert np.median(by_cues[44:76]) > 10 * np.median(np.r_[by_cues[4:36], by_cues[84:116]])


def test_the_arcs_read_as_one_line_in_english_and_chinese() -> None:
    arcs = [(0.0, 40.0, "explore"), (40.0, 70.0, "combat")]
    assert describe_arcs(arcs, [52.2]) == "0:00-0:40 explore, 0:40-1:10 combat, stinger at 0:52"
    assert describe_arcs(arcs, [52.2], "zh") == "0:00-0:40 探索，0:40-1:10 战斗，重音在0:52"


def test_the_fixture_reads_as_explore_combat_resolution(gameplay: Gameplay) -> None:
    text = describe(gameplay)
    assert text.startswith("0:00-0:20 explore, 0:20-0:4") and "combat" in text
    assert text.endswith("stingers at 0:20, 0:50")


def energy_curve(*parts: tuple[float, float]) -> np.ndarray:
    """Energy per 0.5 s step: (seconds, level) parts, smoothed as the reader smooths."""
    steps = [np.full(int(seconds / 0.5), level) for seconds, level in parts]
    return moving_mean(np.concatenate(steps).astype(np.float32), 8)


def test_a_build_up_reads_as_tension_before_the_combat() -> None:
    e = energy_curve((20, 0.1), (16, 0.5), (20, 0.9), (30, 0.1))
    arcs = arcs_from_energy(e, 0.5, 86.0)
    assert [kind for _, _, kind in arcs] == [
        "explore", "tension", "combat", "resolution", "explore",
    ]  # fmt: skip
    assert all(
        abs(a - want) <= 1.5 for (a, _, _), want in zip(arcs[1:4], (20, 36, 56), strict=True)
    )


def test_arcs_do_not_flicker_on_a_restless_curve() -> None:
    restless = [(2.0, 0.7 if i % 2 else 0.2) for i in range(30)]
    arcs = arcs_from_energy(energy_curve(*restless, (10, 0.1)), 0.5, 70.0)
    assert all(b - a >= MIN_ARC_S for a, b, _ in arcs) and len(arcs) <= 3


def test_a_short_fight_is_stretched_to_a_whole_arc_and_a_blip_is_ignored() -> None:
    fight = arcs_from_energy(energy_curve((20, 0.1), (5, 0.95), (25, 0.1)), 0.5, 50.0)
    [(a, b)] = [(a, b) for a, b, kind in fight if kind == "combat"]
    assert b - a == MIN_ARC_S and a < 22.5 < b
    blip = arcs_from_energy(energy_curve((20, 0.1), (2, 0.95), (25, 0.1)), 0.5, 47.0)
    assert blip == [(0.0, 47.0, "explore")]


def test_stingers_are_big_moments_after_quiet_at_most_one_per_seven_seconds() -> None:
    level = np.full(2000, -50.0)  # 40 s of 20 ms frames
    for t in (10, 13, 16, 19, 30):  # a burst of hits, then a lone one
        level[int(t / 0.02) : int(t / 0.02) + 20] = -8.0
    assert stingers_from_levels(level, 0.02) == [10.0, 30.0]


def kinds(g: Gameplay) -> list[str]:
    return [kind for _, _, kind in g.arcs]


def test_an_edit_can_keep_it_calm_or_intense_and_drop_the_stingers(gameplay: Gameplay) -> None:
    calm = gameplay.steer(arc="calm", stingers=False)
    assert calm.arcs == [(0.0, DURATION_S, "explore")] and calm.stingers == []
    assert calm.energy.max() <= 0.3
    intense = gameplay.steer(arc="intense")
    assert kinds(intense) == ["combat"] and intense.energy.min() >= 0.7
    assert intense.stingers == gameplay.stingers


def test_a_requested_climax_is_built_up_to_and_lands_at_its_time(gameplay: Gameplay) -> None:
    boss = gameplay.steer(climax_s=52.0)  # after the planted fight is over
    assert kinds(boss) == ["explore", "combat", "tension", "combat"]
    (_, _, _), (_, fight_end, _), (build, climax, _), (start, end, _) = boss.arcs
    assert build == fight_end and climax == start == 52.0 and end == DURATION_S
    t = np.arange(len(boss.energy)) * boss.step_s
    rising = boss.energy[(t >= build + 1) & (t < climax)]  # the fight's tail may linger
    assert np.all(np.diff(rising) >= -1e-6) and rising[-1] >= 0.85
    assert boss.energy[t >= climax].min() >= 0.9
    early = gameplay.steer(climax_s=10.0)
    assert early.arc_at(5.0) == "tension" and early.arc_at(10.0) == "combat"
    assert all(b - a >= MIN_ARC_S for a, b, _ in early.arcs[1:])


def test_a_stretch_of_the_recording_has_its_own_clock(gameplay: Gameplay) -> None:
    part = gameplay.within(10.0, 45.0)
    assert part.duration_s == 35.0 and part.arcs[-1][1] == 35.0
    assert part.arc_at(5.0) in CALM and part.arc_at(20.0) == "combat"
    assert part.stingers == [round(CALM_END_S - 10.0, 3)]
    assert all(0 <= c <= 35.0 for c in part.cuts_s) and len(part.energy) == 70


def test_a_muted_menu_does_not_make_the_quiet_exploring_look_loud() -> None:
    rng = np.random.default_rng(2)
    sr, t = 48000, np.arange(48000 * 20) / 48000
    calm = (0.01 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    bursts = (0.5 * rng.uniform(-1, 1, len(t)) * np.exp(-30 * (t % 0.23))).astype(np.float32)
    mono = np.concatenate([np.zeros(sr * 15, np.float32), calm, bursts, calm[: sr * 15]])
    reader = GameplayReader()
    reader.feed(np.repeat(mono[:, None], 2, axis=1))
    g = reader.finish(len(mono) / sr)
    assert kinds(g) == ["explore", "combat", "resolution"]
    [(start, end)] = [(a, b) for a, b, kind in g.arcs if kind == "combat"]
    assert abs(start - 35) <= 1.5 and abs(end - 55) <= 1.5
