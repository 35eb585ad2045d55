"""The real defaults, seen through a clock that records every wait instead of waiting:
"still working" every 120 s, the 15-minute cap, 30-s polls (or NEMO_POLL_INTERVAL), 30 s
after a 429."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import anyio
import anyio.lowlevel
import httpx
import pytest
import respx

from gamemusic.backends.nemo import NemoBackend
from gamemusic.backends.nemo.clock import Clock
from gamemusic.config import Settings
from gamemusic.errors import CloudError
from gamemusic.sessions import Job, Session
from nemo.cloud import BASE, envelope

pytestmark = pytest.mark.anyio
STATE = "/api/state/nemo_agent/me/7001/latest"
RENDER = "/api/render/proxy/lambda"
VIDEO = {"t": [{"tt": 0, "m": {"name": "m"}, "sg": [{"s": 0, "e": 1000}]}], "d": 1000}


class RecordingClock(Clock):
    """Virtual time. A wait of a length listed in `instant` passes at once (that many times);
    any other wait never ends (its task is cancelled by whoever started it)."""

    def __init__(self, instant: dict[float, int]) -> None:
        self.t = 1000.0
        self.waits: list[float] = []
        self.instant = dict(instant)

    def now(self) -> float:
        return self.t

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        if self.instant.get(seconds, 0) > 0:
            self.instant[seconds] -= 1
            self.t += seconds
            await anyio.lowlevel.checkpoint()
            return
        await anyio.sleep_forever()


class Body(httpx.AsyncByteStream):
    """An event stream that stays silent until `ready()` is true, then says one thing."""

    def __init__(self, ready: Any, text: str = "Done.") -> None:
        self.ready, self.text = ready, text

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while not self.ready():
            await anyio.sleep(0.005)
        event = {"content": {"parts": [{"text": self.text}], "role": "model"}, "id": "e1"}
        yield f"data: {json.dumps(event)}\n\n".encode()


def stream(ready: Any) -> httpx.Response:
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, stream=Body(ready))


def state(draft: dict[str, Any]) -> httpx.Response:
    return httpx.Response(200, json=envelope({"state": {"draft": draft}}))


class Said:
    def __init__(self) -> None:
        self.messages: list[str] = []

    async def __call__(self, fraction: float | None, message: str) -> None:
        self.messages.append(message)


@pytest.fixture
def session() -> Session:
    return Session(id="s-test0001", backend="nemo", cloud={"session_id": "7001"})


async def edit(backend: NemoBackend, session: Session, said: Said | None = None) -> str:
    from gamemusic.draft import Draft
    from gamemusic.sessions import Media, Project

    media = Media(id="m1", name="m.mp4", source="/nowhere/m.mp4", kind="video", duration_ms=1000)
    project = Project(media=media, draft=Draft.model_validate(VIDEO))
    with anyio.fail_after(5):
        outcome = await backend.edit(session, project, "add music", progress=said or Said())
    return outcome.message


async def test_silence_is_reported_as_still_working_every_120_seconds_by_default(
    cloud: respx.MockRouter, settings: Settings, session: Session
) -> None:
    clock = RecordingClock({120: 2})
    backend = NemoBackend(settings, base_url=BASE, clock=clock)
    cloud.get(STATE).mock(return_value=state(VIDEO))
    cloud.post("/run_sse").mock(return_value=stream(lambda: clock.waits.count(120.0) >= 3))
    said = Said()
    assert await edit(backend, session, said) == "Done."
    await backend.aclose()
    assert said.messages.count("Still working...") == 2
    assert sorted(set(clock.waits)) == [120.0, 900.0]  # heartbeats, and the cap that never hit


async def test_a_turn_is_capped_at_15_minutes_and_says_so_in_minutes(
    cloud: respx.MockRouter, settings: Settings, session: Session
) -> None:
    clock = RecordingClock({900: 1})
    backend = NemoBackend(settings, base_url=BASE, clock=clock)
    cloud.get(STATE).mock(return_value=state(VIDEO))
    route = cloud.post("/run_sse").mock(return_value=stream(lambda: False))
    message = await edit(backend, session)
    await backend.aclose()
    assert "NemoVideo was still working after 15 min" in message
    assert route.call_count == 1 and 900.0 in clock.waits


async def test_a_cap_under_a_minute_is_said_in_seconds_never_0_min(
    cloud: respx.MockRouter, settings: Settings, session: Session
) -> None:
    clock = RecordingClock({0.3: 1})
    backend = NemoBackend(settings, base_url=BASE, clock=clock, sse_timeout=0.3)
    cloud.get(STATE).mock(return_value=state(VIDEO))
    cloud.post("/run_sse").mock(return_value=stream(lambda: False))
    message = await edit(backend, session)
    await backend.aclose()
    assert "still working after 1 s;" in message and "0 min" not in message


@pytest.mark.parametrize(("env", "interval"), [(None, 30.0), ("7", 7.0), ("soon", 30.0)])
async def test_render_polls_wait_30_seconds_or_nemo_poll_interval(
    cloud: respx.MockRouter,
    settings: Settings,
    session: Session,
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
    env: str | None,
    interval: float,
) -> None:
    if env is not None:
        monkeypatch.setenv("NEMO_POLL_INTERVAL", env)
    clock = RecordingClock({interval: 5})
    backend = NemoBackend(settings, base_url=BASE, clock=clock)
    cloud.get(f"{RENDER}/render_5").mock(
        side_effect=[
            httpx.Response(200, json=envelope({"status": "pending"})),
            httpx.Response(200, json=envelope({"status": "processing"})),
            httpx.Response(200, json=envelope({"status": "failed"})),
        ]
    )
    job = Job(id="j1", media_id="m1", cloud_render_id="render_5")
    with anyio.fail_after(5), pytest.raises(CloudError, match="could not render"):
        await backend.export(session, None, job, tmp_path / "o.mp4")  # type: ignore[arg-type]
    await backend.aclose()
    assert clock.waits == [interval, interval]


async def test_a_429_waits_30_seconds_then_tries_once_more(
    cloud: respx.MockRouter, settings: Settings
) -> None:
    clock = RecordingClock({30: 1})
    backend = NemoBackend(settings, base_url=BASE, clock=clock)
    cloud.get("/api/credits/balance/simple").mock(
        side_effect=[
            httpx.Response(429, json=envelope(None, 429, "slow down")),
            httpx.Response(200, json=envelope({"available": 5})),
        ]
    )
    with anyio.fail_after(5):
        assert (await backend.credits()).available == 5
    await backend.aclose()
    assert clock.waits == [30.0]
