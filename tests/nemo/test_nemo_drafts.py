"""Cloud drafts in every shape NEMO_PROTOCOL.md allows: read right, written back unchanged."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
import respx

from gamemusic.backends.nemo import NemoBackend
from gamemusic.draft import Draft, timeline_summary
from gamemusic.sessions import Job, Project, Session
from nemo.cloud import envelope
from nemo.simulator import Simulator, text_event

SRC = "https://cdn.test/u/ranked.mp4"
VARIANTS: dict[str, tuple[dict[str, Any], str]] = {
    "duration segments, no s": (
        {"t": [{"tt": 0, "m": {"name": "ranked match"}, "sg": [{"d": 3000, "src": SRC}]},
               {"tt": 1, "m": {"name": "Retro Chiptune", "volume": 0.35},
                "sg": [{"s": 500, "d": 2500, "id": "sg1"}]}],
         "d": 3000},
        "Timeline (2 tracks): 1. Video: ranked match (0-3s) "
        "2. BGM: Retro Chiptune (0.5-3s, 35%)",
    ),
    "metadata on the segment, volume in percent": (
        {"t": [{"tt": 0, "sg": [{"s": 0, "e": 3000, "m": {"name": "ranked match"}}]},
               {"tt": 1, "sg": [{"s": 0, "d": 3000,
                                 "m": {"name": "Boss Battle", "style": "boss", "volume": 40}}]}],
         "d": 3000, "m": {"cloud_only": True}},
        "Timeline (2 tracks): 1. Video: ranked match (0-3s) 2. BGM: Boss Battle (0-3s, 40%)",
    ),
    "no draft length, fades in ms, a title": (
        {"t": [{"tt": 0, "m": {"name": "ranked match"}, "sg": [{"s": 0, "e": 3000}]},
               {"tt": 1, "m": {"style": "synthwave", "volume": 20, "fade_in": 1500,
                               "fade_out": 2000}, "sg": [{"s": 0, "d": 3000}]},
               {"tt": 7, "m": {}, "sg": [{"s": 0, "d": 1000, "m": {"text": "Boss Rush"}}]}],
         "version": 3, "extra": None},
        "Timeline (3 tracks): 1. Video: ranked match (0-3s) 2. BGM: synthwave (0-3s, 20%) "
        '3. Title: "Boss Rush" (0-1s)',
    ),
}  # fmt: skip
CASES = list(VARIANTS.values())
IDS = list(VARIANTS)


@pytest.mark.parametrize(("cloud_draft", "summary"), CASES, ids=IDS)
def test_every_cloud_draft_shape_is_read_and_written_back_unchanged(
    cloud_draft: dict[str, Any], summary: str
) -> None:
    draft = Draft.model_validate(cloud_draft)
    assert timeline_summary(draft) == summary
    assert draft.duration_ms == 3000
    assert draft.dump() == cloud_draft
    assert Draft.model_validate(draft.model_dump()).dump() == cloud_draft  # the session file


def test_changes_through_the_python_api_keep_the_shape_and_units_the_cloud_used() -> None:
    cloud_draft = VARIANTS["metadata on the segment, volume in percent"][0]
    draft = Draft.model_validate(cloud_draft)
    music = draft.music
    assert music is not None and (music.meta.volume, music.meta.style) == (0.4, "boss")
    music.meta.volume = 0.25
    music.segments[0].start_ms = 1000
    expected = copy.deepcopy(cloud_draft)
    expected["t"][1]["sg"][0].update(s=1000, d=2000)
    expected["t"][1]["sg"][0]["m"]["volume"] = 25
    assert draft.dump() == expected
    assert (music.start_ms, music.end_ms) == (1000, 3000)


@pytest.mark.anyio
@pytest.mark.parametrize(("cloud_draft", "summary"), CASES, ids=IDS)
async def test_the_render_request_carries_the_cloud_draft_exactly(
    nemo: NemoBackend,
    cloud: respx.MockRouter,
    session: Session,
    tmp_path: Path,
    clip: Path,
    cloud_draft: dict[str, Any],
    summary: str,
) -> None:
    cloud.post("/api/upload-video/nemo_agent/me/7001").respond(
        json=envelope({"files": [{"cdn_url": SRC, "duration": 3}]})
    )
    cloud.get("/api/state/nemo_agent/me/7001/latest").respond(
        json=envelope({"state": {"draft": cloud_draft}})
    )
    post = cloud.post("/api/render/proxy/lambda").respond(json=envelope({"status": "pending"}))
    cloud.get(url__regex=r"/api/render/proxy/lambda/render_\d+$").respond(
        json=envelope({"status": "completed", "output": {"url": "https://cdn.test/out.mp4"}})
    )
    cloud.get("https://cdn.test/out.mp4").mock(
        return_value=httpx.Response(200, content=clip.read_bytes())
    )
    project = await nemo.upload(session, str(clip))
    assert timeline_summary(await nemo.state(session, project)) == summary
    await nemo.export(session, project, Job(id="j1", media_id="m1"), tmp_path / "o.mp4")
    sent = json.loads(post.calls.last.request.content)["draft"]
    assert sent == cloud_draft


@pytest.mark.anyio
async def test_an_edit_then_export_sends_the_clouds_draft_plus_the_agents_change_only(
    backend: NemoBackend, sim: Simulator, session: Session, clip: Path, tmp_path: Path
) -> None:
    with anyio.fail_after(10):
        project: Project = await backend.upload(session, str(clip))
    cloud_side = sim.sessions[session.cloud["session_id"]]
    cloud_side.draft = copy.deepcopy(VARIANTS["duration segments, no s"][0])
    cloud_side.draft["t"].pop()  # video only, in the cloud's own shape

    def add(draft: dict[str, Any]) -> None:
        draft["t"].append({"tt": 1, "sg": [{"d": 3000, "m": {"name": "Dungeon", "volume": 30}}]})

    sim.turns.append([("apply", add), text_event("Added dungeon music.")])
    with anyio.fail_after(10):
        outcome = await backend.edit(session, project, "add dungeon music")
        await backend.export(session, project, Job(id="j1", media_id="m1"), tmp_path / "o.mp4")
    assert outcome.changes == ["Added BGM: Dungeon (0-3s, 30%)."]
    (render,) = sim.renders.values()
    assert json.dumps(render.draft, sort_keys=True) == json.dumps(cloud_side.draft, sort_keys=True)
    assert all("e" not in seg for track in render.draft["t"] for seg in track["sg"])
