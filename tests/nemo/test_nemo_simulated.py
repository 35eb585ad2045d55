"""The NemoVideo backend against the loopback simulator: real HTTP, real SSE, a real MP4."""

from __future__ import annotations

import json
from pathlib import Path

import anyio
import pytest

from gamemusic.backends.nemo import NemoBackend
from gamemusic.config import Settings
from gamemusic.errors import CloudError
from gamemusic.sessions import Job, Project, Session, SessionStore
from helpers import probe
from nemo.simulator import Simulator, add_music, call_event, result_event, text_event

pytestmark = pytest.mark.anyio


class Said:
    def __init__(self) -> None:
        self.calls: list[tuple[float | None, str]] = []

    async def __call__(self, fraction: float | None, message: str) -> None:
        self.calls.append((fraction, message))

    @property
    def messages(self) -> list[str]:
        return [m for _, m in self.calls]


@pytest.fixture
async def project(backend: NemoBackend, session: Session, clip: Path) -> Project:
    with anyio.fail_after(10):
        return await backend.upload(session, str(clip))


async def test_a_gameplay_clip_goes_from_upload_to_a_downloaded_mp4(
    backend: NemoBackend, sim: Simulator, session: Session, project: Project, tmp_path: Path
) -> None:
    with anyio.fail_after(10):
        outcome = await backend.edit(session, project, "add retro chiptune music")
        job = Job(id="j1", media_id=project.media.id)
        out = tmp_path / "out" / "final.mp4"
        rendered = await backend.export(session, project, job, out)
    assert outcome.message == "Done." and outcome.draft.music is not None
    assert probe(out).video_codec == "h264" and probe(out).audio_codec == "aac"
    assert (rendered.path, rendered.width, rendered.height) == (out, 320, 180)
    assert abs(rendered.duration_s - 1.0) < 0.1 and rendered.size_bytes == out.stat().st_size
    assert project.media.cloud_url and project.media.cloud_url.startswith(sim.base_url)
    for seen in sim.requests:
        assert seen.headers["x-skill-source"] == "video-game-music"
        assert seen.headers["x-skill-version"] == "1.0.0"
        assert seen.headers["x-skill-platform"] == "unknown"


async def test_heartbeats_keep_the_turn_alive_and_silence_reports_still_working(
    backend: NemoBackend, sim: Simulator, session: Session, project: Project
) -> None:
    sim.turns.append(
        [("raw", ": ping\n\n"), ("sleep", 0.15), ("raw", "data:\n\n"), ("sleep", 0.15),
         add_music(), text_event("Chiptune is in.")]
    )  # fmt: skip
    said = Said()
    with anyio.fail_after(10):
        outcome = await backend.edit(session, project, "add music", progress=said)
    assert outcome.message == "Chiptune is in."
    assert said.messages.count("Still working...") >= 2


async def test_streamed_chunks_over_the_wire_show_the_reply_once(
    backend: NemoBackend, sim: Simulator, session: Session, project: Project
) -> None:
    sim.turns.append(
        [text_event("Adding ", partial=True), text_event("chiptune.", partial=True),
         call_event("add_bgm", {"style_id": "chiptune"}), add_music(),
         result_event("add_bgm"), text_event("Adding chiptune.", partial=False)]
    )  # fmt: skip
    with anyio.fail_after(10):
        outcome = await backend.edit(session, project, "add music")
    assert outcome.message == "Adding chiptune."


async def test_an_edit_that_sends_no_text_is_described_from_the_state(
    backend: NemoBackend, sim: Simulator, session: Session, project: Project
) -> None:
    sim.turns.append(
        [call_event("add_bgm", {"style_id": "chiptune"}), add_music("Synthwave", 0.2),
         result_event("add_bgm")]
    )  # fmt: skip
    with anyio.fail_after(10):
        outcome = await backend.edit(session, project, "add synthwave")
    assert outcome.message == "Added BGM: Synthwave (0-3s, 20%)."
    assert outcome.changes == [outcome.message]


async def test_the_typed_event_variant_works_over_the_wire(
    backend: NemoBackend, sim: Simulator, session: Session, project: Project
) -> None:
    sim.turns.append(
        [("raw", 'data: {"type":"heartbeat"}\n\n'), ("raw", 'data: {"type":"text","text":"Hi "}\n\n'),
         ("raw", 'data: {"type":"tool_call","id":"1","name":"x"}\n\n'),
         ("raw", 'data: {"type":"text","text":"there."}\n\n')]
    )  # fmt: skip
    with anyio.fail_after(10):
        outcome = await backend.edit(session, project, "hello")
    assert outcome.message == "Hi\n\nthere."


async def test_an_error_event_after_the_stream_started_fails_the_edit(
    backend: NemoBackend, sim: Simulator, session: Session, project: Project
) -> None:
    sim.turns.append(
        [text_event("Working."), ("raw", 'data: {"error": "ToolError: style not found"}\n\n')]
    )
    with anyio.fail_after(10), pytest.raises(CloudError) as caught:
        await backend.edit(session, project, "add polka")
    assert "style not found" in caught.value.user_text()


async def test_a_dropped_connection_is_never_resent_and_the_state_is_reported(
    backend: NemoBackend, sim: Simulator, session: Session, project: Project
) -> None:
    sim.turns.append([text_event("Adding music", partial=True), add_music(), ("drop",)])
    with anyio.fail_after(10):
        outcome = await backend.edit(session, project, "add chiptune")
    assert sim.messages == ["add chiptune"]
    assert "dropped" in outcome.message and "not sent again" in outcome.message
    assert "Added BGM: Retro Chiptune" in outcome.message
    assert project.draft.music is not None


async def test_a_turn_longer_than_the_cap_stops_waiting_and_reads_the_state(
    sim: Simulator, settings: Settings, session: Session, clip: Path
) -> None:
    backend = NemoBackend(settings, base_url=sim.base_url, heartbeat_interval=60, sse_timeout=0.3)
    sim.turns.append([add_music(), text_event("Composing..."), ("sleep", 2.0)])
    with anyio.fail_after(10):
        project = await backend.upload(session, str(clip))
        outcome = await backend.edit(session, project, "add music")
    await backend.aclose()
    assert "still working after" in outcome.message and sim.messages == ["add music"]
    assert "Added BGM" in outcome.message


async def test_gui_wording_from_the_editor_is_carried_out_over_the_wire(
    backend: NemoBackend, sim: Simulator, session: Session, project: Project
) -> None:
    sim.turns.append([add_music(), text_event("Music added! Click Export to download it.")])
    with anyio.fail_after(10):
        outcome = await backend.edit(session, project, "add music")
    assert "click" not in outcome.message.lower() and outcome.message.startswith("Music added!")
    assert "export" in outcome.message


async def test_an_expired_token_is_renewed_and_the_work_moves_to_a_new_session_once(
    backend: NemoBackend, sim: Simulator, session: Session, project: Project, settings: Settings
) -> None:
    first_session = session.cloud["session_id"]
    sim.expire_tokens()
    with anyio.fail_after(10):
        outcome = await backend.edit(session, project, "add music")
    assert outcome.message == "Done." and sim.messages == ["add music"]
    assert session.cloud["session_id"] != first_session
    tokens = [r for r in sim.requests if r.path == "/api/auth/anonymous-token"]
    assert len(tokens) == 2 and len({r.headers["x-client-id"] for r in tokens}) == 1
    moved = [r for r in sim.requests if r.path.endswith(session.cloud["session_id"])]
    assert json.loads(moved[0].body) == {"urls": [project.media.cloud_url], "source_type": "url"}
    assert json.loads((settings.home / "nemo" / "token.json").read_text())["token"] != ""


@pytest.mark.parametrize("shape", ["output.url", "outputUrl", "top-level"])
async def test_renders_go_pending_processing_completed_in_every_reply_shape(
    backend: NemoBackend,
    sim: Simulator,
    session: Session,
    project: Project,
    tmp_path: Path,
    shape: str,
) -> None:
    sim.render_shape = shape
    said = Said()
    job = Job(id="j1", media_id=project.media.id)
    with anyio.fail_after(10):
        await backend.export(session, project, job, tmp_path / "out.mp4", progress=said)
    polls = [r for r in sim.requests if r.path == f"/api/render/proxy/lambda/{job.cloud_render_id}"]
    assert len(polls) == 3
    assert any("(pending)" in m for m in said.messages)
    assert any("(processing)" in m for m in said.messages)
    fractions = [f for f, _ in said.calls if f is not None]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert probe(tmp_path / "out.mp4").width == 320


async def test_an_export_interrupted_after_posting_resumes_the_same_render_after_a_restart(
    sim: Simulator, settings: Settings, clip: Path, tmp_path: Path
) -> None:
    store = SessionStore(settings.sessions_dir)
    session = store.create(backend="nemo")
    sim.render_steps = ["pending", "processing", "processing", "completed"]

    class Crash(Exception):
        pass

    async def persist_then_die(fraction: float | None, message: str) -> None:
        store.save(session)  # what the caller does on every progress call
        if "(processing)" in message:
            raise Crash

    first = NemoBackend(settings, base_url=sim.base_url, poll_interval=0.01)
    with anyio.fail_after(10):
        project = await first.upload(session, str(clip))
        session.jobs["j1"] = Job(id="j1", media_id=project.media.id)
        with pytest.raises(Crash):
            await first.export(
                session, project, session.jobs["j1"], tmp_path / "o.mp4", progress=persist_then_die
            )
    await first.aclose()

    reloaded = store.load(session.id)
    job = reloaded.jobs["j1"]
    assert job.cloud_render_id in sim.renders
    second = NemoBackend(settings, base_url=sim.base_url, poll_interval=0.01)
    with anyio.fail_after(10):
        await second.export(reloaded, reloaded.project(), job, tmp_path / "o.mp4")
    await second.aclose()
    assert len(sim.renders) == 1 and (tmp_path / "o.mp4").is_file()
    assert sum(r.path == "/api/auth/anonymous-token" for r in sim.requests) == 1


async def test_credits_and_state_come_from_the_cloud(
    backend: NemoBackend, sim: Simulator, session: Session, project: Project
) -> None:
    sim.credits_left = 42
    with anyio.fail_after(10):
        credits = await backend.credits()
        draft = await backend.state(session, project)
    assert credits.available == 42 and "register?bind=anon_" in credits.note
    assert draft.video is not None and draft.dump()["m"] == {"cloud_only": True}


async def test_the_app_runs_upload_edit_export_on_the_cloud_backend_unchanged(
    backend: NemoBackend, sim: Simulator, settings: Settings, clip: Path, tmp_path: Path
) -> None:
    from gamemusic.app import App

    app = App(settings, backend=backend)
    try:
        with anyio.fail_after(15):
            uploaded = await app.upload(str(clip))
            edited = await app.edit(uploaded.session_id, "add retro chiptune music")
            exported = await app.export(
                uploaded.session_id, output=str(tmp_path / "app.mp4"), wait_s=10
            )
    finally:
        await app.jobs.aclose()
    assert sim.messages == ["add retro chiptune music"]
    assert edited.text == "Done."
    assert edited.changes == ["Added BGM: Retro Chiptune (0-3s, 35%)."]
    assert exported.done and probe(tmp_path / "app.mp4").width == 320
    stored = SessionStore(settings.sessions_dir).load(uploaded.session_id)
    assert stored.cloud["session_id"] in sim.sessions
