"""The NemoVideo token never shows up in tool output, errors, logs, the session files or the
draft, and the file that caches it is readable by its owner only."""

from __future__ import annotations

import json
import logging
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mcp import Client

from gamemusic.app import App
from gamemusic.backends.nemo import NemoBackend
from gamemusic.config import Settings
from gamemusic.mcp_server import build_server
from nemo.simulator import Simulator, serving

pytestmark = pytest.mark.anyio


@pytest.fixture
def sim(small_clip: Path) -> Iterator[Simulator]:
    """The NemoVideo simulator of tests/nemo, served on 127.0.0.1 for one test."""
    with serving(Simulator(small_clip)) as sim:
        yield sim


def cloud_server(sim: Simulator, **kw: Any) -> Any:
    settings = Settings.from_env(backend="nemo")
    backend = NemoBackend(
        settings,
        base_url=sim.base_url,
        poll_interval=0.01,
        retry_delay=0.0,
        heartbeat_interval=0.05,
        sse_timeout=5.0,
        **kw,
    )
    return build_server(settings, app=App(settings, backend))


def said(result: Any) -> str:
    """Everything a client receives from one tool call."""
    texts = [c.text for c in result.content if c.type == "text"]
    return json.dumps([texts, result.structured_content], ensure_ascii=False)


def every_file_under(folder: Path, skip: Path) -> str:
    return "\n".join(
        p.read_bytes().decode(errors="replace")
        for p in folder.rglob("*")
        if p.is_file() and p != skip and p.suffix != ".mp4"
    )


async def test_the_anonymous_token_stays_out_of_everything_a_user_sees_and_is_owner_only(
    sim: Simulator, small_clip: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    out = tmp_path / "cloud.mp4"
    seen = []
    async with Client(cloud_server(sim)) as client:
        up = await client.call_tool("upload", {"path": str(small_clip)})
        sid = up.structured_content["session_id"]  # type: ignore[index]
        seen.append(up)
        seen.append(await client.call_tool("edit", {"session_id": sid, "instruction": "add music"}))
        seen.append(await client.call_tool("state", {"session_id": sid}))
        seen.append(await client.call_tool("credits", {}))
        seen.append(
            await client.call_tool("export", {"session_id": sid, "output": str(out), "wait_s": 30})
        )
        seen.append(await client.call_tool("state", {"session_id": "s-nosuchone"}))
        timeline = await client.read_resource(f"gamemusic://sessions/{sid}/timeline")
    assert not any(r.is_error for r in seen[:5]), [said(r) for r in seen]
    assert out.exists()

    home = tmp_path / "gm-home"
    token_file = home / "nemo" / "token.json"
    token = json.loads(token_file.read_text())["token"]
    assert token.startswith("nmv_usr_") and token in sim.users
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(token_file.parent.stat().st_mode) == 0o700

    assert all(token not in said(r) for r in seen)
    assert token not in json.dumps([c.model_dump(mode="json") for c in timeline.contents])
    assert token not in caplog.text
    assert token not in every_file_under(home, skip=token_file)  # sessions, drafts, logs


async def test_a_rejected_nemo_token_is_reported_without_repeating_it(
    sim: Simulator,
    small_clip: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "nmv_usr_leakcheck_0123456789abcdef"
    monkeypatch.setenv("NEMO_TOKEN", secret)
    async with Client(cloud_server(sim)) as client:
        result = await client.call_tool("upload", {"path": str(small_clip)})
    assert result.is_error
    assert "NemoVideo rejected the token in NEMO_TOKEN" in said(result)
    assert secret not in said(result)
    assert secret not in caplog.text
    assert any(r.headers.get("authorization") == f"Bearer {secret}" for r in sim.requests)
