"""Every `/run_sse` message is charged: what the backend sends, and what it never sends again.

Against the loopback simulator, whose `messages` lists the messages that reached the agent."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import anyio
import pytest

from gamemusic.backends.nemo import NemoBackend
from gamemusic.errors import CloudError
from gamemusic.sessions import Project, Session
from nemo.simulator import Simulator, add_music, text_event

pytestmark = pytest.mark.anyio

TIP = (
    "Done! I generated a Retro Chiptune track. "
    "Drag the BGM track onto the timeline if you want to move it."
)


def music_at(start_ms: int) -> tuple[str, Any]:
    def change(draft: dict[str, Any]) -> None:
        draft["t"].append({"tt": 1, "m": {"name": "Retro Chiptune", "volume": 0.35},
                           "sg": [{"s": start_ms, "e": draft["d"]}]})  # fmt: skip

    return ("apply", change)


def sse_sessions(sim: Simulator) -> list[str]:
    return [json.loads(r.body)["session_id"] for r in sim.requests if r.path == "/run_sse"]


@pytest.fixture
async def project(backend: NemoBackend, session: Session, clip: Path) -> Project:
    with anyio.fail_after(10):
        return await backend.upload(session, str(clip))


async def test_an_optional_gui_tip_becomes_words_for_the_user_and_is_never_sent(
    backend: NemoBackend, sim: Simulator, session: Session, project: Project
) -> None:
    sim.turns.append([add_music(), text_event(TIP)])
    with anyio.fail_after(10):
        outcome = await backend.edit(session, project, "add retro chiptune music")
    assert sim.messages == ["add retro chiptune music"]
    assert outcome.message.startswith("Done! I generated a Retro Chiptune track.")
    assert "drag" not in outcome.message.lower() and "just say so" in outcome.message


async def test_after_a_re_auth_and_a_new_session_an_edit_is_still_charged_once(
    backend: NemoBackend, sim: Simulator, session: Session, project: Project
) -> None:
    sim.expire_tokens()  # 1001 on the next request, then 1002: the new user has no session
    sim.turns.append([add_music(), text_event(TIP)])
    with anyio.fail_after(10):
        outcome = await backend.edit(session, project, "add retro chiptune music")
    assert sim.messages == ["add retro chiptune music"]
    assert len(sse_sessions(sim)) == 1 and outcome.draft.music is not None


async def test_a_needed_move_missing_from_the_state_gets_one_follow_up_and_no_more(
    backend: NemoBackend, sim: Simulator, session: Session, project: Project
) -> None:
    sim.turns += [
        [music_at(0), text_event("Added. Drag the music so it starts at 0:05.")],
        [text_event("Now drag the music to 0:05 on the timeline to finish.")],
    ]
    with anyio.fail_after(10):
        outcome = await backend.edit(session, project, "add music starting at 0:05")
    assert len(sim.messages) == 2
    assert (
        sim.messages[1] == "Please make this change yourself: Drag the music so it starts at 0:05."
    )
    assert "drag" not in outcome.message.lower()


async def test_a_needed_move_the_state_already_shows_is_not_sent(
    backend: NemoBackend, sim: Simulator, session: Session, project: Project
) -> None:
    sim.turns.append([music_at(5000), text_event("Added. Drag the music so it starts at 0:05.")])
    with anyio.fail_after(10):
        outcome = await backend.edit(session, project, "add music starting at 0:05")
    assert sim.messages == ["add music starting at 0:05"]
    assert "BGM" in outcome.changes[0] and "drag" not in outcome.message.lower()


async def test_no_credits_inside_the_stream_keeps_the_registration_link(
    backend: NemoBackend, sim: Simulator, session: Session, project: Project
) -> None:
    sim.turns.append([("raw", 'data: {"code": 2001, "message": "insufficient credits"}\n\n')])
    with anyio.fail_after(10), pytest.raises(CloudError) as caught:
        await backend.edit(session, project, "add music")
    assert caught.value.cloud_code == 2001
    assert "https://nemovideo.com/register?bind=anon_" in caught.value.user_text()
    assert sim.messages == ["add music"]


async def test_a_session_lost_inside_the_stream_before_any_work_is_sent_once_in_a_new_one(
    backend: NemoBackend, sim: Simulator, session: Session, project: Project
) -> None:
    first = session.cloud["session_id"]
    sim.turns.append([("raw", 'data: {"code": 1002, "message": "session not found"}\n\n')])
    with anyio.fail_after(10):
        outcome = await backend.edit(session, project, "add music")
    assert sse_sessions(sim) == [first, session.cloud["session_id"]] != [first, first]
    assert outcome.message == "Done."


async def test_a_session_lost_inside_the_stream_after_the_agent_worked_is_not_resent(
    backend: NemoBackend, sim: Simulator, session: Session, project: Project
) -> None:
    sim.turns.append(
        [text_event("Adding music."), ("raw", 'data: {"code": 1002, "message": "gone"}\n\n')]
    )
    with anyio.fail_after(10), pytest.raises(CloudError) as caught:
        await backend.edit(session, project, "add music")
    assert sim.messages == ["add music"] and "not sent again" in caught.value.user_text()
