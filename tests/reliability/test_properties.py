"""Property tests: the draft model keeps short keys and unknown keys through every round trip
(JSON, the session store), the SSE reader survives arbitrary bytes, and an edit on the local
engine turns any sentence into a change or a clear BadInput.

The intent router and the instruction parser have their own never-crash properties in
tests/test_intents.py and tests/test_instructions.py."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gamemusic.app import App
from gamemusic.backends.nemo import NemoBackend
from gamemusic.backends.nemo.sse import TurnReader, run_turn
from gamemusic.config import Settings
from gamemusic.draft import Draft
from gamemusic.errors import BadInput, CloudError
from gamemusic.sessions import Media, Project, Session, SessionStore
from gamemusic.words import route

# ---- the draft -------------------------------------------------------------------------------

KNOWN = {
    # aliases and field names at every level; populate_by_name makes both meaningful
    "t", "d", "m", "tt", "sg", "s", "e", "src", "tracks", "duration_ms", "meta", "type",
    "segments", "start_ms", "end_ms", "source", "name", "media", "style", "volume", "seed",
    "bpm", "fade_in", "fade_out", "duck", "duck_db", "text", "position", "aspect",
    "original_audio", "height", "length_ms", "game_volume", "stingers", "arc", "climax_ms",
}  # fmt: skip

json_leaf = st.one_of(
    st.booleans(),
    st.integers(-(2**53), 2**53),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)
json_value = st.recursive(
    json_leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
unknown = st.dictionaries(
    st.text(min_size=1, max_size=8).filter(lambda k: k not in KNOWN), json_value, max_size=2
)


def with_unknown(known: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.tuples(known, unknown).map(lambda pair: {**pair[1], **pair[0]})


def optional(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Dicts holding any subset of `fields` (absent, never None: dumps leave None out)."""
    return st.fixed_dictionaries({}, optional=fields)


ms = st.integers(0, 10**8)
track_meta = with_unknown(
    optional(
        name=st.text(max_size=20),
        media=st.text(max_size=5),
        style=st.sampled_from(["chiptune", "boss", "lofi"]),
        volume=st.floats(0, 1) | st.integers(2, 100),  # 0-1, or a percentage
        seed=st.integers(0, 10**6),
        bpm=st.floats(40, 240),
        fade_in=st.floats(0, 30) | st.integers(31, 30000),  # seconds, or ms
        fade_out=st.floats(0, 30) | st.integers(31, 30000),
        duck=st.booleans(),
        duck_db=st.floats(0, 24),
        text=st.text(max_size=200),
        position=st.sampled_from(["top", "center", "bottom"]),
    )
)
# a segment gives its end (e) or its length (d); metadata may sit on it instead of the track
segment = with_unknown(optional(s=ms, e=ms, src=st.text(max_size=10), m=track_meta)) | (
    with_unknown(optional(s=ms, d=ms, m=track_meta))
)
track = with_unknown(
    st.fixed_dictionaries(
        {"tt": st.sampled_from([0, 1, 7, 3])},
        optional={"sg": st.lists(segment, max_size=3), "m": track_meta},
    )
)
draft_meta = with_unknown(
    optional(
        name=st.text(max_size=20),
        aspect=st.sampled_from(["auto", "16:9", "9:16", "1:1"]),
        original_audio=st.sampled_from(["keep", "mute"]),
        height=st.integers(0, 4320),
    )
)
draft_json = with_unknown(optional(t=st.lists(track, max_size=4), d=ms, m=draft_meta))


def expected(raw: dict[str, Any]) -> Any:
    """What the model writes back: exactly what it read (JSON-normalized), no key added."""
    return json.loads(json.dumps(raw))


@settings(max_examples=150, deadline=None)
@given(draft_json)
def test_the_draft_round_trips_short_keys_and_keeps_unknown_keys_at_every_level(
    raw: dict[str, Any],
) -> None:
    draft = Draft.model_validate(raw)
    assert draft.dump() == expected(raw)
    again = Draft.model_validate_json(json.dumps(draft.dump()))
    assert again.dump() == expected(raw)
    assert draft.copy_deep().dump() == expected(raw)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=draft_json)
def test_unknown_draft_keys_survive_the_session_store(raw: dict[str, Any], tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "sessions")
    media = Media(id="m1", name="clip.mp4", source="/clip.mp4", kind="video", duration_ms=1000)
    session = Session(id="s-prop0001")
    session.projects["m1"] = Project(media=media, draft=Draft.model_validate(raw))
    store.save(session)
    assert store.load("s-prop0001").projects["m1"].draft.dump() == expected(raw)


# ---- the SSE reader ----------------------------------------------------------------------------

sse_piece = st.one_of(
    st.sampled_from(
        [
            b"data: ", b"data:", b"event: message", b"id: 1", b"retry: x", b": keep-alive",
            b"\n", b"\r\n", b"\r", b"\n\n", b"{", b"}", b'"content"', b'{"error": 1}',
            b'{"code": 1002, "message": "gone"}', b'{"type": "text", "text": "hi"}',
            b'{"content": {"parts": [{"text": "Added music."}]}, "partial": true}',
            b'{"content": {"parts": [{"functionCall": {"name": "x", "args": 1}}]}}',
            b'{"content": null}', b"[1, 2]", b"null", b"\xff\xfe", b"\x00",
        ]
    ),
    st.binary(max_size=40),
)  # fmt: skip
sse_body = st.one_of(st.binary(max_size=400), st.lists(sse_piece, max_size=30).map(b"".join))


async def a_turn(body: bytes) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=body)

    async def quiet(fraction: float | None, message: str) -> None:
        return None

    client = httpx.AsyncClient(transport=httpx.MockTransport(answer))
    backend = NemoBackend(
        Settings.from_env(), client=client, base_url="https://nemo.test", token="nmv_usr_fixed0"
    )
    try:
        with anyio.fail_after(5):
            turn = await run_turn(
                backend.api, "7001", "add music", progress=quiet, heartbeat_interval=60, timeout=5
            )
        assert turn.ending in ("closed", "dropped")
        assert isinstance(turn.text, str)
    except CloudError as exc:  # an error line in the stream: a clear, one-line message
        assert exc.message and "\n" not in exc.message
    finally:
        await backend.aclose()
        await client.aclose()


@settings(max_examples=150, deadline=None)
@given(sse_body)
def test_a_turn_reads_any_bytes_as_a_reply_or_a_clear_cloud_error(body: bytes) -> None:
    anyio.run(a_turn, body)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), json_value.map(json.dumps)))
def test_the_event_reader_takes_any_payload(data: str) -> None:
    reader = TurnReader()
    try:
        assert reader.feed(data) in (True, False)
    except CloudError as exc:
        assert exc.message
    assert isinstance(reader.text, str)


# ---- an edit on the local engine ---------------------------------------------------------------

_PHRASES = [
    "add chiptune music", "boss battle music", "quieter", "louder", "volume 120%", "from 0:30",
    "to 0:01", "fade in 2s", "fade out 40 s", "no ducking", "duck 30 dB", "130 bpm", "faster",
    "another take", "title 'GG'", "vertical", "square", "mute the game", "undo", "redo",
    "remove the music", "加一段Boss战音乐", "小声一点", "%", "'", "0:30",
]  # fmt: skip


@pytest.fixture
def small_session(small_clip: Path) -> str:
    async def upload() -> str:
        app = App(Settings.from_env())
        try:
            return (await app.upload(str(small_clip))).session_id
        finally:
            await app.aclose()

    return anyio.run(upload)


sentences = st.one_of(
    st.text(min_size=1, max_size=60),
    st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=4).map(" ".join),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sentence=sentences)
def test_an_edit_changes_the_session_or_says_why_not(sentence: str, small_session: str) -> None:
    assume(route(sentence).action == "edit")  # the other actions are the router's tests

    async def go() -> None:
        app = App(Settings.from_env())
        before = app.store.load(small_session).project().draft.dump()
        try:
            result = await app.edit(small_session, sentence)
        except BadInput as exc:
            assert exc.user_text()
            assert app.store.load(small_session).project().draft.dump() == before
        else:
            assert result.text
        finally:
            await app.aclose()

    anyio.run(go)
