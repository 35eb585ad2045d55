"""Render-poll faults: each is one clear error, and the render id is kept so the next export
follows the same render instead of starting (and orphaning) another."""

from __future__ import annotations

from pathlib import Path

import anyio
import httpx
import pytest
import respx

from gamemusic.app import App
from gamemusic.backends.nemo import NemoBackend
from gamemusic.config import Settings
from gamemusic.errors import CloudError
from gamemusic.sessions import Job, Session
from helpers import probe
from nemo.simulator import Simulator

pytestmark = pytest.mark.anyio
POLL = "/api/render/proxy/lambda/render_5"
CDN = "https://cdn.test/out.mp4"
UNREADABLE = [
    httpx.Response(200, text="<html>gateway</html>"),
    httpx.Response(502, text="bad gateway"),
    httpx.ConnectError("refused"),
    httpx.Response(200, json={"code": 0, "data": {"progress": -3}}),
]


def job() -> Job:
    return Job(id="j1", media_id="m1", cloud_render_id="render_5")


async def export(nemo: NemoBackend, the_job: Job, out: Path) -> CloudError:
    session = Session(id="s-test0001", backend="nemo", cloud={"session_id": "7001"})
    with anyio.fail_after(5), pytest.raises(CloudError) as caught:
        await nemo.export(session, None, the_job, out)  # type: ignore[arg-type]
    return caught.value


async def test_four_unreadable_polls_in_a_row_are_an_error_that_keeps_the_render_id(
    nemo: NemoBackend, cloud: respx.MockRouter, tmp_path: Path
) -> None:
    route = cloud.get(POLL).mock(side_effect=UNREADABLE)
    the_job = job()
    error = await export(nemo, the_job, tmp_path / "o.mp4")
    assert "could not be read 4 times in a row" in error.user_text()
    assert "resumes the same render" in error.user_text()
    assert route.call_count == 4 and the_job.cloud_render_id == "render_5"


async def test_three_unreadable_polls_then_a_good_one_go_on(
    nemo: NemoBackend, cloud: respx.MockRouter, tmp_path: Path, clip: Path
) -> None:
    done = httpx.Response(200, json={"status": "completed", "outputUrl": CDN})
    cloud.get(POLL).mock(side_effect=[*UNREADABLE[:3], done])
    cloud.get(CDN).respond(content=clip.read_bytes())
    session = Session(id="s-test0001", backend="nemo")
    with anyio.fail_after(5):
        await nemo.export(session, None, job(), tmp_path / "o.mp4")  # type: ignore[arg-type]
    assert probe(tmp_path / "o.mp4").width == 320


async def test_completed_without_a_download_link_is_a_clear_error_keeping_the_id(
    nemo: NemoBackend, cloud: respx.MockRouter, tmp_path: Path
) -> None:
    cloud.get(POLL).respond(json={"code": 0, "data": {"status": "completed"}})
    the_job = job()
    error = await export(nemo, the_job, tmp_path / "o.mp4")
    assert "sent no download link" in error.user_text()
    assert the_job.cloud_render_id == "render_5"


@pytest.mark.parametrize("status", [404, 500])
async def test_a_download_answering_an_http_error_is_clear_keeps_the_id_and_writes_nothing(
    nemo: NemoBackend, cloud: respx.MockRouter, tmp_path: Path, status: int
) -> None:
    cloud.get(POLL).respond(json={"status": "completed", "outputUrl": CDN})
    cloud.get(CDN).respond(status, text="nope")
    the_job, folder = job(), tmp_path / "exports"
    error = await export(nemo, the_job, folder / "o.mp4")
    assert f"Downloading the rendered video failed (HTTP {status})" in error.user_text()
    assert the_job.cloud_render_id == "render_5" and list(folder.iterdir()) == []


async def test_after_a_poll_fault_the_next_export_follows_the_same_render(
    sim: Simulator, settings: Settings, clip: Path, tmp_path: Path
) -> None:
    backend = NemoBackend(settings, base_url=sim.base_url, poll_interval=0.01)
    app = App(settings, backend=backend)
    try:
        with anyio.fail_after(20):
            sid = (await app.upload(str(clip))).session_id
            await app.edit(sid, "add chiptune music")
            sim.poll_faults = 4
            first = await app.export(sid, wait_s=10)
            second = await app.export(sid, wait_s=10)
    finally:
        await app.aclose()
    assert first.job.status == "failed" and "4 times in a row" in (first.job.error or "")
    assert second.done and second.job.job_id == first.job.job_id
    assert len(sim.renders) == 1
    assert sum(r.path == "/api/render/proxy/lambda" for r in sim.requests) == 1
    assert probe(Path(second.job.output_path or "")).width == 320
