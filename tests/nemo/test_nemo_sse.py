"""The edit event stream: every event variant (pure reader) and the live turn (respx)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import anyio
import httpx
import pytest
import respx

from gamemusic.backends.nemo import NemoBackend
from gamemusic.backends.nemo.sse import TurnReader, run_turn
from gamemusic.errors import CloudError

pytestmark = pytest.mark.anyio


def adk(*parts: dict[str, Any], id: str = "e1", partial: bool | None = None, role: str = "model"):
    event: dict[str, Any] = {
        "content": {"parts": list(parts), "role": role},
        "invocationId": "e-inv",
        "author": "nemo_agent",
        "id": id,
        "timestamp": 1.5,
    }
    if partial is not None:
        event["partial"] = partial
    return json.dumps(event)


def read(*payloads: str) -> TurnReader:
    reader = TurnReader()
    for payload in payloads:
        reader.feed(payload)
    return reader


CALL = {"functionCall": {"id": "c1", "name": "add_bgm", "args": {"style_id": "chiptune"}}}
RESULT = {"functionResponse": {"id": "c1", "name": "add_bgm", "response": {"ok": True}}}


def test_whole_adk_events_without_a_partial_key_are_messages() -> None:
    reader = read(adk({"text": "Added chiptune music."}))
    assert reader.text == "Added chiptune music."


def test_streamed_chunks_then_the_final_repeat_give_the_text_once() -> None:
    reader = read(
        adk({"text": "Added "}, partial=True),
        adk({"text": "chiptune "}, partial=True),
        adk({"text": "music."}, partial=True),
        adk({"text": "Added chiptune music."}, partial=False),
    )
    assert reader.text == "Added chiptune music."


def test_chunks_that_carry_the_text_so_far_are_not_repeated() -> None:
    reader = read(
        adk({"text": "Added"}, partial=True),
        adk({"text": "Added chiptune"}, partial=True),
        adk({"text": "Added chiptune music."}, partial=True),
    )
    assert reader.text == "Added chiptune music."


def test_an_event_sent_again_with_the_same_id_replaces_rather_than_repeats() -> None:
    reader = read(adk({"text": "Working on it."}, id="a"), adk({"text": "Working on it."}, id="a"))
    assert reader.messages == ["Working on it."]


def test_several_messages_with_their_own_ids_are_all_kept_in_order() -> None:
    reader = read(
        adk({"text": "Let me add music."}, id="a"),
        adk(CALL, id="b"),
        adk(RESULT, id="c", role="user"),
        adk({"text": "Done: chiptune at 35%."}, id="d"),
    )
    assert reader.text == "Let me add music.\n\nDone: chiptune at 35%."


def test_a_function_call_in_the_last_chunk_and_the_final_event_counts_once() -> None:
    reader = read(
        adk({"text": "Adding."}, CALL, partial=True),
        adk({"text": "Adding."}, CALL, partial=False),
    )
    assert [c.name for c in reader.tool_calls] == ["add_bgm"]
    assert reader.text == "Adding."


def test_tool_calls_and_results_stay_internal_and_a_turn_may_end_without_text() -> None:
    reader = read(adk(CALL, id="b"), adk(RESULT, id="c", role="user"))
    assert reader.text == "" and reader.tool_results == 1 and len(reader.tool_calls) == 1


def test_thought_parts_are_never_shown() -> None:
    reader = read(adk({"text": "secret plan", "thought": True}, {"text": "Done."}))
    assert reader.text == "Done."


def test_empty_data_is_a_heartbeat_and_not_activity() -> None:
    reader = TurnReader()
    assert reader.feed("") is False and reader.feed("   ") is False
    assert reader.heartbeats == 2 and reader.text == ""


def test_payloads_that_are_not_json_events_are_ignored() -> None:
    reader = read("[DONE]", "42", '"text"', '{"something": "else"}')
    assert reader.text == ""


def test_the_typed_variant_gives_text_and_hides_tools_and_heartbeats() -> None:
    reader = read(
        '{"type": "heartbeat"}',
        '{"type": "text", "text": "Added "}',
        '{"type": "text", "content": "music."}',
        '{"type": "tool_call", "id": "t1", "name": "add_bgm"}',
        '{"type": "tool_call", "id": "t1", "name": "add_bgm"}',
        '{"type": "tool_result", "id": "t1"}',
        '{"type": "text", "text": "All set."}',
    )
    assert reader.messages == ["Added music.", "All set."]
    assert len(reader.tool_calls) == 1 and reader.tool_results == 1 and reader.heartbeats == 1


def test_an_adk_error_line_is_a_cloud_error_with_the_reason() -> None:
    line = '{"error": "ValueError: style not found", "error_details": {"type": "ValueError"}}'
    with pytest.raises(CloudError) as caught:
        read(adk({"text": "Trying."}), line)
    assert "style not found" in caught.value.user_text()


def test_a_typed_error_event_is_a_cloud_error() -> None:
    with pytest.raises(CloudError) as caught:
        read('{"type": "error", "text": "render farm busy"}')
    assert "render farm busy" in caught.value.user_text()


def test_an_envelope_with_an_error_code_inside_the_stream_carries_the_code() -> None:
    with pytest.raises(CloudError) as caught:
        read('{"code": 2001, "message": "no credits"}')
    assert caught.value.cloud_code == 2001


# ---- a live turn over respx ----------------------------------------------------------------


class Body(httpx.AsyncByteStream):
    """A response body that arrives piece by piece: bytes, pauses (floats) or an exception."""

    def __init__(self, *pieces: bytes | float | Exception):
        self.pieces = pieces

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self.pieces:
            if isinstance(piece, float):
                await anyio.sleep(piece)
            elif isinstance(piece, Exception):
                raise piece
            else:
                yield piece


def sse(*pieces: bytes | float | Exception) -> httpx.Response:
    return httpx.Response(
        200, headers={"content-type": "text/event-stream; charset=utf-8"}, stream=Body(*pieces)
    )


def data(payload: str) -> bytes:
    return f"data: {payload}\n\n".encode()


class Said:
    def __init__(self) -> None:
        self.messages: list[str] = []

    async def __call__(self, fraction: float | None, message: str) -> None:
        self.messages.append(message)


async def turn(nemo: NemoBackend, **kw: Any):
    with anyio.fail_after(5):
        return await run_turn(
            nemo.api,
            "7001",
            "add chiptune",
            progress=kw.pop("progress", Said()),
            heartbeat_interval=kw.pop("heartbeat_interval", 60.0),
            timeout=kw.pop("timeout", 60.0),
        )


async def test_a_turn_posts_the_adk_body_with_an_event_stream_accept_header(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    route = cloud.post("/run_sse").mock(return_value=sse(data(adk({"text": "Done."}))))
    result = await turn(nemo)
    sent = route.calls.last.request
    assert json.loads(sent.content) == {
        "app_name": "nemo_agent",
        "user_id": "me",
        "session_id": "7001",
        "new_message": {"parts": [{"text": "add chiptune"}]},
    }
    assert sent.headers["accept"] == "text/event-stream"
    assert sent.headers["authorization"] == "Bearer nmv_usr_tok1"
    assert sent.headers["x-skill-platform"] == "unknown"
    assert (result.text, result.ending) == ("Done.", "closed")


async def test_comments_and_empty_data_are_heartbeats_and_the_closing_stream_ends_the_turn(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    cloud.post("/run_sse").mock(
        return_value=sse(b": ping\n\n", b"data:\n\n", data(adk({"text": "Done."})), b": ping\n\n")
    )
    result = await turn(nemo)
    assert result.text == "Done." and result.reader.heartbeats == 1


async def test_silence_is_reported_as_still_working_every_heartbeat_interval(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    cloud.post("/run_sse").mock(return_value=sse(b": ping\n\n", 0.35, data(adk({"text": "Ok"}))))
    said = Said()
    await turn(nemo, progress=said, heartbeat_interval=0.1)
    assert 2 <= said.messages.count("Still working...") <= 4


async def test_a_dropped_stream_ends_the_turn_with_what_arrived_and_sends_nothing_again(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    route = cloud.post("/run_sse").mock(
        return_value=sse(data(adk({"text": "Adding"}, partial=True)), httpx.ReadError("reset"))
    )
    result = await turn(nemo)
    assert (result.ending, result.text) == ("dropped", "Adding")
    assert route.call_count == 1


async def test_a_turn_past_the_time_cap_stops_waiting(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    cloud.post("/run_sse").mock(return_value=sse(data(adk({"text": "Thinking."})), 3.0))
    result = await turn(nemo, timeout=0.2)
    assert (result.ending, result.text) == ("timeout", "Thinking.")


async def test_an_error_line_at_the_end_of_the_stream_raises(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    cloud.post("/run_sse").mock(return_value=sse(data('{"error": "RuntimeError: boom"}')))
    with pytest.raises(CloudError) as caught:
        await turn(nemo)
    assert "boom" in caught.value.user_text()


async def test_an_unknown_session_before_the_stream_is_code_1002(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    cloud.post("/run_sse").respond(404, json={"detail": "Session not found"})
    with pytest.raises(CloudError) as caught:
        await turn(nemo)
    assert caught.value.cloud_code == 1002


async def test_a_rejected_token_before_the_stream_is_renewed_and_the_message_sent_once_more(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    route = cloud.post("/run_sse").mock(
        side_effect=[
            httpx.Response(401, json={"code": 1001, "message": "expired"}),
            sse(data(adk({"text": "Done."}))),
        ]
    )
    result = await turn(nemo)
    assert result.text == "Done." and route.call_count == 2


def test_a_final_event_after_a_tool_call_still_replaces_the_streamed_chunks() -> None:
    reader = read(
        adk({"text": "Adding "}, partial=True, id="p1"),
        adk({"text": "music."}, partial=True, id="p2"),
        adk(CALL, id="p3"),
        adk({"text": "Adding music."}, CALL, id="p4"),
    )
    assert reader.text == "Adding music." and len(reader.tool_calls) == 1


def test_an_adk_streaming_turn_shows_each_sentence_once_whatever_ids_it_uses() -> None:
    """Chunks then the whole text again, a tool round, then a second message: with one id per
    LLM response (the protocol's note) and with a fresh id per event (adk-python's flow)."""
    for ids in (["a", "a", "a", "b", "c", "c"], ["a1", "a2", "a3", "b", "c1", "c2"]):
        reader = read(
            adk({"text": "Sure"}, partial=True, id=ids[0]),
            adk({"text": "! Adding it."}, CALL, partial=True, id=ids[1]),
            adk({"text": "Sure! Adding it."}, CALL, partial=False, id=ids[2]),
            adk(RESULT, id=ids[3], role="user"),
            adk({"text": "Done!"}, partial=True, id=ids[4]),
            adk({"text": "Done!"}, partial=False, id=ids[5]),
        )
        assert reader.messages == ["Sure! Adding it.", "Done!"], ids
        assert [c.id for c in reader.tool_calls] == ["c1"]


def test_a_whole_message_that_differs_from_unfinished_chunks_is_kept_beside_them() -> None:
    reader = read(
        adk({"text": "Adding music"}, partial=True, id="a"),
        adk({"text": "Something else entirely."}, id="z"),
    )
    assert reader.messages == ["Adding music", "Something else entirely."]
