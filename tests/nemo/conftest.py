from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
import respx

from gamemusic.backends.nemo import NemoBackend
from gamemusic.config import Settings
from gamemusic.sessions import Session
from helpers import make_video
from nemo.cloud import BASE, envelope
from nemo.simulator import Simulator, serving


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def sim_server(clip: Path) -> Iterator[Simulator]:
    """The simulator on 127.0.0.1 in a background thread, for the whole test run."""
    with serving(Simulator(clip)) as sim:
        yield sim


@pytest.fixture
def sim(sim_server: Simulator) -> Simulator:
    sim_server.reset()
    return sim_server


@pytest.fixture
def settings() -> Settings:
    return Settings.from_env()


@pytest.fixture
def session() -> Session:
    return Session(id="s-test0001", backend="nemo")


@pytest.fixture
async def backend(sim: Simulator, settings: Settings) -> AsyncIterator[NemoBackend]:
    """A NemoBackend talking to the simulator, with tiny intervals."""
    nemo = NemoBackend(
        settings,
        base_url=sim.base_url,
        poll_interval=0.01,
        retry_delay=0.0,
        heartbeat_interval=0.05,
        sse_timeout=5.0,
    )
    yield nemo
    await nemo.aclose()


@pytest.fixture(scope="session")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 1 s 320x180 H.264 + AAC clip, made once; tests only read it."""
    folder = tmp_path_factory.mktemp("clip")
    return make_video(folder / "ranked match.mp4", seconds=1.0, size=(320, 180))


@pytest.fixture
def cloud() -> Iterator[respx.MockRouter]:
    """respx in front of a fake NemoVideo at BASE, with token and session routes answered."""
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.post("/api/auth/anonymous-token", name="token").mock(
            side_effect=[
                httpx.Response(
                    200, json=envelope({"token": f"nmv_usr_tok{i}", "user_id": f"anon_u{i}"})
                )
                for i in range(1, 6)
            ]
        )
        router.post("/api/tasks/me/with-session/nemo_agent", name="session").mock(
            side_effect=[
                httpx.Response(200, json=envelope({"task_id": f"t{i}", "session_id": 7000 + i}))
                for i in range(1, 6)
            ]
        )
        yield router


@pytest.fixture
async def nemo(cloud: respx.MockRouter, settings: Settings) -> AsyncIterator[NemoBackend]:
    """A NemoBackend in front of respx, with tiny intervals."""
    backend = NemoBackend(
        settings, base_url=BASE, poll_interval=0.0, retry_delay=0.0, heartbeat_interval=0.05
    )
    yield backend
    await backend.aclose()
