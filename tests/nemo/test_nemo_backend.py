"""NemoBackend's endpoints and workflows, asserted on exactly what was sent (respx)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
import respx

from gamemusic.backends.nemo import NemoBackend
from gamemusic.draft import Draft
from gamemusic.errors import BadInput, CloudError
from gamemusic.sessions import Job, Project, Session
from nemo.cloud import BASE, envelope

pytestmark = pytest.mark.anyio

UPLOAD = "/api/upload-video/nemo_agent/me/7001"
STATE = "/api/state/nemo_agent/me/7001/latest"
CDN_FILE = {
    "filename": "ranked match.mp4",
    "file_type": "video",
    "cdn_url": "https://cdn.test/u/ranked.mp4",
    "duration": 1.0,
    "width": 320,
    "height": 180,
    "fps": 30,
    "hash": "h",
}
VIDEO_ONLY = {"t": [{"tt": 0, "m": {"name": "ranked match"}, "sg": [{"s": 0, "e": 1000}]}],
              "d": 1000, "zz": "kept"}  # fmt: skip
WITH_MUSIC = {**VIDEO_ONLY, "t": [*VIDEO_ONLY["t"], {"tt": 1, "m": {"name": "Retro Chiptune",
              "volume": 0.35}, "sg": [{"s": 0, "e": 1000}]}]}  # fmt: skip


def state(draft: dict[str, Any] | None) -> httpx.Response:
    return httpx.Response(200, json=envelope({"state": {"draft": draft, "video_infos": []}}))


def sse(*events: dict[str, Any]) -> httpx.Response:
    body = "".join(f"data: {json.dumps(e)}\n\n" for e in events)
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, text=body)


def said(text: str, id: str = "e1") -> dict[str, Any]:
    return {"content": {"parts": [{"text": text}], "role": "model"}, "id": id, "author": "a"}


class Seen:
    def __init__(self, job: Job | None = None) -> None:
        self.job = job
        self.calls: list[tuple[float | None, str, str | None]] = []

    async def __call__(self, fraction: float | None, message: str) -> None:
        self.calls.append((fraction, message, self.job.cloud_render_id if self.job else None))


@pytest.fixture
async def project(nemo: NemoBackend, cloud: respx.MockRouter, session: Session, clip: Path):
    cloud.post(UPLOAD, name="upload").respond(json=envelope({"files": [CDN_FILE]}))
    return await nemo.upload(session, str(clip))


# ---- upload ---------------------------------------------------------------------------------


async def test_a_local_file_is_uploaded_as_multipart_field_files_and_becomes_the_active_project(
    project: Project, cloud: respx.MockRouter, session: Session, clip: Path
) -> None:
    sent = cloud["upload"].calls.last.request
    assert sent.headers["content-type"].startswith("multipart/form-data")
    assert b'name="files"; filename="ranked match.mp4"' in sent.content
    assert clip.read_bytes()[:64] in sent.content
    assert sent.headers["authorization"] == "Bearer nmv_usr_tok1"
    media = project.media
    assert (media.id, media.source, media.cloud_url) == ("m1", str(clip), CDN_FILE["cdn_url"])
    assert (media.kind, media.width, media.height, media.has_audio) == ("video", 320, 180, True)
    assert abs(media.duration_ms - 1000) < 100 and media.size_bytes == clip.stat().st_size
    assert session.active == "m1" and session.projects["m1"] is project
    assert [t.type for t in project.draft.tracks] == [0]
    assert project.draft.video.meta.media == "m1"


async def test_a_url_is_uploaded_as_json_urls_with_source_type_url(
    nemo: NemoBackend, cloud: respx.MockRouter, session: Session
) -> None:
    route = cloud.post(UPLOAD).respond(json=envelope({"files": [CDN_FILE]}))
    project = await nemo.upload(session, "https://example.test/clips/boss.mp4")
    assert json.loads(route.calls.last.request.content) == {
        "urls": ["https://example.test/clips/boss.mp4"],
        "source_type": "url",
    }
    assert project.media.duration_ms == 1000 and project.media.width == 320


async def test_an_upload_reply_that_is_a_bare_list_of_files_is_accepted(
    nemo: NemoBackend, cloud: respx.MockRouter, session: Session
) -> None:
    cloud.post(UPLOAD).respond(json=envelope([{"url": "https://cdn.test/x.mp4", "duration": 2}]))
    project = await nemo.upload(session, "https://example.test/x.mp4")
    assert project.media.cloud_url == "https://cdn.test/x.mp4"
    assert project.media.duration_ms == 2000


@pytest.mark.parametrize("code", [4001, 4002])
async def test_upload_refusals_keep_their_code(
    nemo: NemoBackend, cloud: respx.MockRouter, session: Session, clip: Path, code: int
) -> None:
    cloud.post(UPLOAD).respond(json=envelope(None, code, "bad file"))
    with pytest.raises(CloudError) as caught:
        await nemo.upload(session, str(clip))
    assert caught.value.cloud_code == code and session.projects == {}


# ---- state and session recovery -----------------------------------------------------------


async def test_state_reads_the_cloud_draft_keeping_unknown_keys(
    nemo: NemoBackend, project: Project, cloud: respx.MockRouter, session: Session
) -> None:
    route = cloud.get(STATE).mock(return_value=state(WITH_MUSIC))
    draft = await nemo.state(session, project)
    assert route.calls.last.request.method == "GET"
    assert draft.music is not None and draft.dump()["zz"] == "kept"
    assert project.draft is draft


async def test_a_forgotten_session_is_replaced_once_and_the_media_attached_again(
    nemo: NemoBackend, project: Project, cloud: respx.MockRouter, session: Session
) -> None:
    cloud.get(STATE).respond(json=envelope(None, 1002, "session not found"))
    again = cloud.post("/api/upload-video/nemo_agent/me/7002").respond(
        json=envelope({"files": [CDN_FILE]})
    )
    cloud.get("/api/state/nemo_agent/me/7002/latest").mock(return_value=state(WITH_MUSIC))
    draft = await nemo.state(session, project)
    assert draft.music is not None and session.cloud["session_id"] == "7002"
    assert json.loads(again.calls.last.request.content) == {
        "urls": [CDN_FILE["cdn_url"]],
        "source_type": "url",
    }


async def test_a_session_forgotten_twice_is_an_error_with_code_1002(
    nemo: NemoBackend, project: Project, cloud: respx.MockRouter, session: Session
) -> None:
    cloud.get(STATE).respond(json=envelope(None, 1002))
    cloud.post("/api/upload-video/nemo_agent/me/7002").respond(json=envelope([CDN_FILE]))
    cloud.get("/api/state/nemo_agent/me/7002/latest").respond(json=envelope(None, 1002))
    with pytest.raises(CloudError) as caught:
        await nemo.state(session, project)
    assert caught.value.cloud_code == 1002


# ---- edit -----------------------------------------------------------------------------------


async def test_an_edit_reads_state_sends_the_message_reads_state_and_records_the_change(
    nemo: NemoBackend, project: Project, cloud: respx.MockRouter, session: Session
) -> None:
    cloud.get(STATE).mock(side_effect=[state(VIDEO_ONLY), state(WITH_MUSIC)])
    cloud.post("/run_sse").mock(return_value=sse(said("Added Retro Chiptune at 35%.")))
    outcome = await nemo.edit(session, project, "add retro chiptune music")
    assert outcome.message == "Added Retro Chiptune at 35%."
    assert outcome.changes == ["Added BGM: Retro Chiptune (0-1s, 35%)."]
    assert project.draft.music is not None and project.history[-1].instruction.startswith("add")
    assert len(project.undo) == 1


async def test_an_edit_with_no_text_describes_what_changed_in_words(
    nemo: NemoBackend, project: Project, cloud: respx.MockRouter, session: Session
) -> None:
    cloud.get(STATE).mock(side_effect=[state(VIDEO_ONLY), state(WITH_MUSIC)])
    call = {"functionCall": {"id": "c1", "name": "add_bgm", "args": {}}}
    cloud.post("/run_sse").mock(
        return_value=sse({"content": {"parts": [call], "role": "model"}, "id": "e1"})
    )
    outcome = await nemo.edit(session, project, "add music")
    assert outcome.message == "Added BGM: Retro Chiptune (0-1s, 35%)."


async def test_an_edit_that_changed_nothing_and_said_nothing_says_so(
    nemo: NemoBackend, project: Project, cloud: respx.MockRouter, session: Session
) -> None:
    cloud.get(STATE).mock(return_value=state(VIDEO_ONLY))
    cloud.post("/run_sse").mock(return_value=sse())
    outcome = await nemo.edit(session, project, "hmm")
    assert "without changing anything" in outcome.message and outcome.changes == []
    assert project.undo == []


async def test_gui_instructions_in_a_reply_are_carried_out_not_passed_on(
    nemo: NemoBackend, project: Project, cloud: respx.MockRouter, session: Session
) -> None:
    cloud.get(STATE).mock(side_effect=[state(VIDEO_ONLY), state(WITH_MUSIC)])
    cloud.post("/run_sse").mock(
        return_value=sse(said("Music added! Preview it in the timeline, then click Export."))
    )
    outcome = await nemo.edit(session, project, "add music")
    text = outcome.message.lower()
    assert "click" not in text and "music added!" in text
    assert "preview: timeline (2 tracks)" in text
    assert "ask to export" in text


async def test_a_drag_instruction_is_sent_back_once_as_an_edit_message(
    nemo: NemoBackend, project: Project, cloud: respx.MockRouter, session: Session
) -> None:
    cloud.get(STATE).mock(side_effect=[state(VIDEO_ONLY), state(WITH_MUSIC), state(WITH_MUSIC)])
    route = cloud.post("/run_sse").mock(
        side_effect=[
            sse(said("Added. Drag the music to start at 0:05.")),
            sse(said("Moved it to 0:05. You can drag it again anytime.")),
        ]
    )
    outcome = await nemo.edit(session, project, "add music")
    sent = [json.loads(c.request.content)["new_message"]["parts"][0]["text"] for c in route.calls]
    assert sent[0] == "add music" and "Drag the music to start at 0:05." in sent[1]
    assert route.call_count == 2
    assert outcome.message.startswith("Added.\nMoved it to 0:05.")
    assert "drag" not in outcome.message.lower()


async def test_an_open_instruction_reads_the_state_and_shows_it(
    nemo: NemoBackend, project: Project, cloud: respx.MockRouter, session: Session
) -> None:
    cloud.get(STATE).mock(side_effect=[state(VIDEO_ONLY), state(WITH_MUSIC)])
    cloud.post("/run_sse").mock(return_value=sse(said("Open the track list to check.")))
    outcome = await nemo.edit(session, project, "add music")
    assert outcome.message.startswith("Added BGM")
    assert "Current project: Timeline (2 tracks)" in outcome.message


async def test_a_dropped_edit_is_not_resent_and_reports_the_state_instead(
    nemo: NemoBackend, project: Project, cloud: respx.MockRouter, session: Session
) -> None:
    cloud.get(STATE).mock(side_effect=[state(VIDEO_ONLY), state(WITH_MUSIC)])
    route = cloud.post("/run_sse").mock(side_effect=httpx.RemoteProtocolError("peer closed"))
    outcome = await nemo.edit(session, project, "add music")
    assert route.call_count == 1
    assert "dropped" in outcome.message and "not sent again" in outcome.message
    assert "Added BGM: Retro Chiptune" in outcome.message
    assert project.draft.music is not None


async def test_an_error_event_fails_the_edit_with_a_cloud_error(
    nemo: NemoBackend, project: Project, cloud: respx.MockRouter, session: Session
) -> None:
    cloud.get(STATE).mock(return_value=state(VIDEO_ONLY))
    cloud.post("/run_sse").mock(return_value=sse({"error": "ToolError: no such style"}))
    with pytest.raises(CloudError) as caught:
        await nemo.edit(session, project, "add polka")
    assert "no such style" in caught.value.user_text()


async def test_an_edit_in_a_forgotten_session_starts_a_new_one_and_sends_once_there(
    nemo: NemoBackend, project: Project, cloud: respx.MockRouter, session: Session
) -> None:
    cloud.get(STATE).mock(return_value=state(VIDEO_ONLY))
    cloud.get("/api/state/nemo_agent/me/7002/latest").mock(return_value=state(WITH_MUSIC))
    cloud.post("/api/upload-video/nemo_agent/me/7002").respond(json=envelope([CDN_FILE]))
    route = cloud.post("/run_sse").mock(
        side_effect=[httpx.Response(404, json={"detail": "not found"}), sse(said("Done."))]
    )
    outcome = await nemo.edit(session, project, "add music")
    ids = [json.loads(c.request.content)["session_id"] for c in route.calls]
    assert ids == ["7001", "7002"] and outcome.message == "Done."


# ---- export ---------------------------------------------------------------------------------

RENDER = "/api/render/proxy/lambda"


@pytest.fixture
def mp4_bytes(clip: Path) -> bytes:
    return clip.read_bytes()


@pytest.mark.parametrize(
    "done",
    [
        envelope({"status": "completed", "output": {"url": "https://cdn.test/out.mp4"}}),
        envelope({"status": "completed", "outputUrl": "https://cdn.test/out.mp4"}),
        {"status": "completed", "output": {"url": "https://cdn.test/out.mp4"}},
        {"status": "completed", "outputUrl": "https://cdn.test/out.mp4"},
        {"code": 0, "data": {"state": "done", "output": "https://cdn.test/out.mp4"}},
    ],
)
async def test_export_posts_the_render_polls_every_status_variant_and_downloads_the_mp4(
    nemo: NemoBackend,
    project: Project,
    cloud: respx.MockRouter,
    session: Session,
    tmp_path: Path,
    mp4_bytes: bytes,
    done: dict[str, Any],
) -> None:
    cloud.get(STATE).mock(return_value=state(WITH_MUSIC))
    post = cloud.post(RENDER).respond(json=envelope({"status": "pending"}))
    poll = cloud.get(url__regex=rf"{RENDER}/render_\d+$").mock(
        side_effect=[
            httpx.Response(200, json=envelope({"status": "pending"})),
            httpx.Response(200, json={"status": "processing", "progress": 40}),
            httpx.Response(200, json=done),
        ]
    )
    cdn = cloud.get("https://cdn.test/out.mp4").respond(content=mp4_bytes)
    job = Job(id="j1", media_id="m1")
    seen = Seen(job)
    out = tmp_path / "exports" / "final.mp4"
    rendered = await nemo.export(session, project, job, out, progress=seen)

    body = json.loads(post.calls.last.request.content)
    assert body["id"] == job.cloud_render_id and body["id"].startswith("render_")
    assert body["sessionId"] == "7001"
    assert body["output"] == {"format": "mp4", "quality": "high"}
    assert Draft.model_validate(body["draft"]).music is not None and body["draft"]["zz"] == "kept"
    sent = post.calls.last.request.headers
    assert sent["x-skill-source"] == "video-game-music" and sent["authorization"]
    assert poll.call_count == 3
    assert poll.calls.last.request.url.path == f"{RENDER}/{job.cloud_render_id}"
    assert "authorization" not in cdn.calls.last.request.headers
    assert out.read_bytes() == mp4_bytes and list(out.parent.iterdir()) == [out]
    assert (rendered.width, rendered.height) == (320, 180) and abs(rendered.duration_s - 1) < 0.1
    assert rendered.size_bytes == len(mp4_bytes)
    assert all(render_id == job.cloud_render_id for _, _, render_id in seen.calls)
    fractions = [f for f, _, _ in seen.calls if f is not None]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


async def test_an_export_with_a_render_id_already_posted_resumes_polling_it(
    nemo: NemoBackend,
    project: Project,
    cloud: respx.MockRouter,
    session: Session,
    tmp_path: Path,
    mp4_bytes: bytes,
) -> None:
    post = cloud.post(RENDER).respond(json=envelope({}))
    cloud.get(f"{RENDER}/render_123").respond(
        json=envelope({"status": "completed", "output": {"url": f"{BASE}/dl/out.mp4"}})
    )
    own = cloud.get("/dl/out.mp4").respond(content=mp4_bytes)
    job = Job(id="j1", media_id="m1", cloud_render_id="render_123")
    await nemo.export(session, project, job, tmp_path / "out.mp4")
    assert post.call_count == 0
    assert own.calls.last.request.headers["authorization"] == "Bearer nmv_usr_tok1"


async def test_a_failed_render_is_a_clear_error_and_forgets_the_render_id(
    nemo: NemoBackend, project: Project, cloud: respx.MockRouter, session: Session, tmp_path: Path
) -> None:
    cloud.get(f"{RENDER}/render_9").respond(
        json=envelope({"status": "failed", "error": "codec exploded"})
    )
    job = Job(id="j1", media_id="m1", cloud_render_id="render_9")
    with pytest.raises(CloudError) as caught:
        await nemo.export(session, project, job, tmp_path / "out.mp4")
    assert "codec exploded" in caught.value.user_text() and "export again" in caught.value.hint
    assert job.cloud_render_id is None and not (tmp_path / "out.mp4").exists()


async def test_a_render_the_cloud_no_longer_knows_is_forgotten_so_the_next_export_starts_over(
    nemo: NemoBackend, project: Project, cloud: respx.MockRouter, session: Session, tmp_path: Path
) -> None:
    cloud.get(f"{RENDER}/render_9").respond(404, json=envelope(None, 404, "no such render"))
    job = Job(id="j1", media_id="m1", cloud_render_id="render_9")
    with pytest.raises(CloudError):
        await nemo.export(session, project, job, tmp_path / "out.mp4")
    assert job.cloud_render_id is None


async def test_export_refused_with_402_says_register_or_upgrade_not_credits(
    nemo: NemoBackend, project: Project, cloud: respx.MockRouter, session: Session, tmp_path: Path
) -> None:
    cloud.get(STATE).mock(return_value=state(WITH_MUSIC))
    cloud.post(RENDER).respond(402, json=envelope(None, 402, "plan"))
    job = Job(id="j1", media_id="m1")
    with pytest.raises(CloudError) as caught:
        await nemo.export(session, project, job, tmp_path / "out.mp4")
    assert caught.value.cloud_code == 402 and job.cloud_render_id is None
    assert "Register or upgrade the plan" in caught.value.user_text()


async def test_a_broken_download_leaves_no_file_and_keeps_the_render_id_for_a_retry(
    nemo: NemoBackend, project: Project, cloud: respx.MockRouter, session: Session, tmp_path: Path
) -> None:
    cloud.get(f"{RENDER}/render_5").respond(
        json={"status": "completed", "outputUrl": "https://cdn.test/out.mp4"}
    )
    cloud.get("https://cdn.test/out.mp4").mock(side_effect=httpx.ReadError("reset"))
    job = Job(id="j1", media_id="m1", cloud_render_id="render_5")
    with pytest.raises(CloudError):
        await nemo.export(session, project, job, tmp_path / "out.mp4")
    assert list(tmp_path.glob("*out.mp4*")) == [] and job.cloud_render_id == "render_5"


async def test_a_downloaded_file_that_is_not_a_video_is_refused_and_removed(
    nemo: NemoBackend, project: Project, cloud: respx.MockRouter, session: Session, tmp_path: Path
) -> None:
    cloud.get(f"{RENDER}/render_5").respond(
        json={"status": "completed", "outputUrl": "https://cdn.test/out.mp4"}
    )
    cloud.get("https://cdn.test/out.mp4").respond(content=b"<html>not a video</html>")
    job = Job(id="j1", media_id="m1", cloud_render_id="render_5")
    with pytest.raises(CloudError):
        await nemo.export(session, project, job, tmp_path / "out.mp4")
    assert list(tmp_path.glob("*out.mp4*")) == []


async def test_polling_waits_the_poll_interval_between_requests(
    cloud: respx.MockRouter, settings, session: Session, tmp_path: Path
) -> None:
    slow = NemoBackend(settings, base_url=BASE, poll_interval=0.2)
    cloud.get(f"{RENDER}/render_5").mock(
        side_effect=[
            httpx.Response(200, json={"status": "processing"}),
            httpx.Response(200, json={"status": "failed"}),
        ]
    )
    job = Job(id="j1", media_id="m1", cloud_render_id="render_5")
    started = anyio.current_time()
    with pytest.raises(CloudError):
        await slow.export(session, None, job, tmp_path / "out.mp4")  # type: ignore[arg-type]
    await slow.aclose()
    assert anyio.current_time() - started >= 0.2


async def test_a_local_file_that_is_not_media_is_refused_before_anything_is_sent(
    nemo: NemoBackend, cloud: respx.MockRouter, session: Session, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.mp4"
    notes.write_text("just some notes, not a video")
    with pytest.raises(BadInput):
        await nemo.upload(session, str(notes))
    assert cloud.calls.call_count == 0 and session.projects == {}


async def test_a_still_image_becomes_a_clip_of_the_asked_length(
    nemo: NemoBackend, cloud: respx.MockRouter, session: Session, tmp_path: Path
) -> None:
    from helpers import make_image

    cloud.post(UPLOAD).respond(json=envelope({"files": [{**CDN_FILE, "file_type": "image"}]}))
    project = await nemo.upload(
        session, str(make_image(tmp_path / "cover.png")), still_duration_s=4
    )
    assert (project.media.kind, project.media.duration_ms) == ("image", 4000)
