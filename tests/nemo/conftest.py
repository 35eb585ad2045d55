from __future__ import annotations

import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import uvicorn

from gamemusic.backends.nemo import NemoBackend
from gamemusic.config import Settings
from gamemusic.sessions import Session
from helpers import make_video
from nemo.simulator import Simulator


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def sim_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Simulator]:
    """The simulator on 127.0.0.1 in a background thread, for the whole test run."""
    mp4 = make_video(tmp_path_factory.mktemp("sim") / "render.mp4", seconds=1.0, size=(320, 180))
    sim = Simulator(mp4)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sim.base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    config = uvicorn.Config(
        sim.app, log_level="critical", lifespan="off", ws="none", http="h11", access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "simulator did not start"
        time.sleep(0.01)
    yield sim
    server.should_exit = True
    thread.join(5)
    sock.close()


@pytest.fixture
def sim(sim_server: Simulator) -> Simulator:
    sim_server.reset()
    return sim_server


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
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


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    return make_video(tmp_path / "ranked match.mp4", seconds=1.0, size=(320, 180))
