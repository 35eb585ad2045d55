"""End to end: the music follows a calm -> combat -> calm recording, even with its sound muted.

The clip (tests/media/gameplay_clip.py) is calm for 20 s, then loud, dense and fast-cut until
40 s, calm again, with one loud bang at 50 s. The render is music only (`--mode mute-game`).
"""

from __future__ import annotations

import json
from pathlib import Path

import anyio
import pytest
from typer.testing import CliRunner

from gamemusic.backends.local import build_soundtrack
from gamemusic.cli import app
from gamemusic.draft import Draft
from gamemusic.media.probe import inspect
from gamemusic.sessions import Media
from gamemusic.words import EditFields, apply_plan, new_draft
from gamemusic.words.fields import plan_from_fields
from helpers import decode_audio
from media.gameplay_clip import BANG_S, CALM_END_S, COMBAT_END_S, DURATION_S, make_gameplay_clip

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_gameplay_clip(tmp_path_factory.mktemp("gameplay") / "fight.mp4")


@pytest.fixture(scope="module")
def rendered(clip: Path) -> tuple[dict, Path]:
    out = clip.with_name("fight_music.mp4")
    result = CliRunner().invoke(
        app,
        ["add", str(clip), "--style", "boss", "--mode", "mute-game", "-o", str(out), "--json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout), out


def _draft(clip: Path, **fields: object) -> tuple[Draft, object]:
    info = anyio.run(inspect, clip)
    media = Media(id="m1", name=clip.name, source=str(clip), kind="video",
                  duration_ms=round(info.duration_s * 1000), width=info.width,
                  height=info.height, has_audio=True, size_bytes=info.size_bytes)  # fmt: skip
    plan = plan_from_fields(EditFields(style="boss", game_audio="mute", **fields))
    draft, _ = apply_plan(new_draft(media), plan, media=media)
    return draft, info


def _density(notes: list, a: float, b: float) -> float:
    return sum(1 for n in notes if a <= n.start_s < b) / (b - a)


def _voices(notes: list, a: float, b: float, window: float = 2.0) -> float:
    """Voices playing, on average over `window`-second stretches of a..b (a stinger's one
    hit does not count as a layer that joined)."""
    starts = [a + i * window for i in range(int((b - a) // window))]
    return sum(len({n.voice for n in notes if t <= n.start_s < t + window}) for t in starts) / len(
        starts
    )


def test_the_report_names_combat_in_the_middle_and_a_stinger_on_the_bang(
    rendered: tuple[dict, Path],
) -> None:
    data, out = rendered
    music = data["job"]["music"]
    kinds = [(a["kind"], a["start_s"], a["end_s"]) for a in music["arcs"]]
    combat = [k for k in kinds if k[0] == "combat"]
    assert len(combat) == 1, kinds
    _, start, end = combat[0]
    assert abs(start - CALM_END_S) < 3 and abs(end - COMBAT_END_S) < 4
    assert kinds[0][0] == "explore" and kinds[-1][0] in ("resolution", "explore")
    beat = 60 / music["tempo_bpm"]
    assert any(abs(t - BANG_S) <= beat for t in music["stingers_s"]), music["stingers_s"]
    # the report's figures against what the file holds
    assert music["lufs"] == pytest.approx(-14, abs=0.5) and music["true_peak_dbtp"] <= -1.0
    assert abs(music["duration_s"] - DURATION_S) < 0.1
    assert abs(music["ending_ms"]) < 1000
    assert len(decode_audio(out)) / 48000 == pytest.approx(DURATION_S, abs=0.05)


def test_notes_and_layers_rise_in_the_fight_and_fall_after(clip: Path) -> None:
    draft, info = _draft(clip)
    prepared = anyio.run(lambda: build_soundtrack(draft, info, DURATION_S))
    piece = prepared.piece
    notes = piece.notes
    calm, fight, after = (2, CALM_END_S), (CALM_END_S + 2, COMBAT_END_S), (COMBAT_END_S + 4, 56)
    assert _density(notes, *fight) > 1.3 * _density(notes, *calm)
    assert _density(notes, *fight) > 1.3 * _density(notes, *after)
    assert _voices(notes, *fight) > _voices(notes, *calm)
    assert _voices(notes, *fight) > _voices(notes, *after)
    bar = piece.grid.beats_per_bar
    for section in piece.sections[1:]:  # every section change sits on a bar line
        assert (section.start_beat - piece.grid.phase) % bar == 0, section


def test_keep_it_calm_and_no_stingers_are_honoured(clip: Path) -> None:
    draft, info = _draft(clip, arc="calm", stingers=False)
    prepared = anyio.run(lambda: build_soundtrack(draft, info, DURATION_S))
    assert {kind for _, _, kind in prepared.piece.arcs} == {"explore"}
    assert prepared.piece.stingers == ()
