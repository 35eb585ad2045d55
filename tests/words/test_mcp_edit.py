"""The MCP `edit` tool through a real in-memory client: typed changes, a sentence beside them,
questions by elicitation (or as a reply), and the client's model as a fallback by sampling."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import mcp_types as types
import pytest
from mcp import Client

from gamemusic.config import Settings
from gamemusic.mcp_server import build_server
from helpers import make_video

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def clip(tmp_path: Path) -> Path:
    return make_video(tmp_path / "match.mp4", seconds=4)


async def _session(client: Client, clip: Path) -> str:
    up = await client.call_tool("upload", {"path": str(clip)})
    assert up.structured_content is not None
    return up.structured_content["session_id"]


async def _edit(client: Client, **args: Any) -> dict[str, Any]:
    result = await client.call_tool("edit", args)
    assert not result.is_error, result.content
    assert result.structured_content is not None
    return result.structured_content


async def _draft(client: Client, sid: str) -> dict[str, Any]:
    st = await client.call_tool("state", {"session_id": sid})
    assert st.structured_content is not None
    return st.structured_content["draft"]


async def test_typed_changes_alone_edit_the_draft(clip: Path) -> None:
    async with Client(build_server(Settings.from_env())) as client:
        sid = await _session(client, clip)
        out = await _edit(client, session_id=sid, changes={
            "style": "boss", "music_volume": 0.5, "game_volume": 0.7, "fade_out_s": 1,
            "aspect": "9:16", "stingers": False, "arc": "calm", "climax_s": 3,
            "titles": [{"text": "GG", "start_s": 1, "duration_s": 2, "position": "top"}],
        })  # fmt: skip
        draft = await _draft(client, sid)
    assert "Boss Battle" in out["timeline"]
    bgm = next(t for t in draft["t"] if t["tt"] == 1)["m"]
    assert (bgm["style"], bgm["volume"], bgm["fade_out"]) == ("boss", 0.5, 1.0)
    assert (bgm["stingers"], bgm["arc"], bgm["climax_ms"]) == (False, "calm", 3000)
    assert draft["m"]["game_volume"] == 0.7 and draft["m"]["aspect"] == "9:16"
    title = next(t for t in draft["t"] if t["tt"] == 7)
    assert title["m"]["text"] == "GG" and title["sg"] == [{"s": 1000, "e": 3000}]


async def test_the_music_can_stop_before_the_end_by_field_or_by_words(clip: Path) -> None:
    async with Client(build_server(Settings.from_env())) as client:
        sid = await _session(client, clip)
        typed = await _edit(client, session_id=sid, changes={"music_stops_before_end_s": 1})
        typed_segments = next(t for t in (await _draft(client, sid))["t"] if t["tt"] == 1)["sg"]
        said = await _edit(client, session_id=sid, instruction="最后2秒不要音乐")
        said_segments = next(t for t in (await _draft(client, sid))["t"] if t["tt"] == 1)["sg"]
    assert typed_segments == [{"s": 0, "e": 3000}]
    assert "0:00-0:03" in " ".join(typed["changes"])
    assert said_segments == [{"s": 0, "e": 2000}]
    assert "音乐播放区间 0:00-0:02" in said["changes"]
    assert said["timeline"].startswith("时间线（2 条轨道）：1. 视频：match（0-4 秒）")


async def test_fields_and_a_sentence_together_apply_both_and_the_field_wins_its_aspect(
    clip: Path,
) -> None:
    async with Client(build_server(Settings.from_env())) as client:
        sid = await _session(client, clip)
        await _edit(client, session_id=sid, changes={"style": "rpg", "music_volume": 0.2},
                    instruction="boss music, a little louder, and make it vertical")  # fmt: skip
        draft = await _draft(client, sid)
    bgm = next(t for t in draft["t"] if t["tt"] == 1)["m"]
    assert bgm["style"] == "rpg" and bgm["volume"] == 0.2
    assert draft["m"]["aspect"] == "9:16"


@pytest.mark.parametrize(
    "changes",
    [{"music_volume": 3}, {"style": "polka"}, {"undo": True, "redo": True},
     {"music_start_s": 10, "music_end_s": 5}, {"loudness": 1}],
)
async def test_invalid_typed_changes_are_an_error_result_and_change_nothing(
    clip: Path, changes: dict[str, Any]
) -> None:
    async with Client(build_server(Settings.from_env())) as client:
        sid = await _session(client, clip)
        before = await _draft(client, sid)
        result = await client.call_tool("edit", {"session_id": sid, "changes": changes})
        assert result.is_error
        assert await _draft(client, sid) == before


async def test_neither_instruction_nor_changes_is_an_error(clip: Path) -> None:
    async with Client(build_server(Settings.from_env())) as client:
        sid = await _session(client, clip)
        result = await client.call_tool("edit", {"session_id": sid})
    assert result.is_error
    assert "instruction" in result.content[0].text  # type: ignore[union-attr]


async def test_the_reply_names_what_was_skipped_and_what_cannot_be_done(clip: Path) -> None:
    async with Client(build_server(Settings.from_env())) as client:
        sid = await _session(client, clip)
        out = await _edit(client, session_id=sid,
                          instruction="add synthwave in 4K with kazoo solos")  # fmt: skip
    assert "Synthwave" in out["text"]
    assert any("4K" in n and "1080p" in n for n in out["notes"])
    assert any("kazoo solos" in n for n in out["notes"])


async def test_a_vague_request_without_elicitation_replies_with_the_choices(clip: Path) -> None:
    async with Client(build_server(Settings.from_env())) as client:
        sid = await _session(client, clip)
        before = await _draft(client, sid)
        out = await _edit(client, session_id=sid, instruction="something darker")
        assert await _draft(client, sid) == before
    assert out["question"] == ["dungeon", "boss"]
    assert "dungeon" in out["text"] and "boss" in out["text"]


@pytest.mark.parametrize("mode", ["auto", "legacy"])  # input_required rounds, mid-call request
async def test_a_vague_request_asks_by_elicitation_and_applies_the_answer(
    clip: Path, mode: Any
) -> None:
    asked: list[types.ElicitRequestParams] = []

    async def elicit(context: Any, params: types.ElicitRequestParams) -> types.ElicitResult:
        asked.append(params)
        return types.ElicitResult(action="accept", content={"style": "dungeon"})

    server = build_server(Settings.from_env())
    async with Client(server, elicitation_callback=elicit, mode=mode) as client:
        sid = await _session(client, clip)
        out = await _edit(client, session_id=sid, instruction="make it darker")
        draft = await _draft(client, sid)
    assert len(asked) == 1
    schema = asked[0].requested_schema  # type: ignore[union-attr]
    assert schema["properties"]["style"]["enum"] == ["dungeon", "boss"]
    assert next(t for t in draft["t"] if t["tt"] == 1)["m"]["style"] == "dungeon"
    assert out["question"] is None


async def test_a_declined_question_changes_nothing(clip: Path) -> None:
    async def elicit(context: Any, params: types.ElicitRequestParams) -> types.ElicitResult:
        return types.ElicitResult(action="decline")

    async with Client(build_server(Settings.from_env()), elicitation_callback=elicit) as client:
        sid = await _session(client, clip)
        before = await _draft(client, sid)
        out = await _edit(client, session_id=sid, instruction="something darker")
        assert await _draft(client, sid) == before
    assert out["question"] == ["dungeon", "boss"]


def _sampler(answer: str, seen: list[types.CreateMessageRequestParams]) -> Any:
    async def sample(context: Any, params: types.CreateMessageRequestParams) -> Any:
        seen.append(params)
        return types.CreateMessageResult(
            role="assistant", content=types.TextContent(type="text", text=answer), model="test"
        )

    return sample


@pytest.mark.parametrize("mode", ["auto", "legacy"])
async def test_words_the_parser_cannot_place_go_to_the_clients_model(clip: Path, mode: Any) -> None:
    seen: list[types.CreateMessageRequestParams] = []
    answer = json.dumps({"style": "racing", "music_volume": 0.9, "aspect": "1:1"})
    server = build_server(Settings.from_env())
    async with Client(server, sampling_callback=_sampler(answer, seen), mode=mode) as client:
        sid = await _session(client, clip)
        out = await _edit(client, session_id=sid,
                          instruction="louder, and give it that vroom vroom energy")  # fmt: skip
        draft = await _draft(client, sid)
    assert len(seen) == 1
    assert "vroom" in seen[0].messages[0].content.text  # type: ignore[union-attr]
    assert "music_volume" in (seen[0].system_prompt or "")
    bgm = next(t for t in draft["t"] if t["tt"] == 1)["m"]
    assert bgm["style"] == "racing" and draft["m"]["aspect"] == "1:1"
    assert bgm["volume"] == pytest.approx(0.525)  # the parser's "louder" wins over the model's 0.9
    assert "model" in out["text"]


@pytest.mark.parametrize(
    "answer",
    ["no idea", '{"style": "polka"}', '{"music_volume": 7}', '["boss"]', '{"rm -rf": true}'],
)
async def test_a_bad_answer_from_the_clients_model_is_dropped_not_trusted(
    clip: Path, answer: str
) -> None:
    seen: list[types.CreateMessageRequestParams] = []
    server = build_server(Settings.from_env())
    async with Client(server, sampling_callback=_sampler(answer, seen)) as client:
        sid = await _session(client, clip)
        before = await _draft(client, sid)
        result = await client.call_tool("edit", {"session_id": sid, "instruction": "vroom vroom"})
        assert await _draft(client, sid) == before
    assert len(seen) == 1
    assert result.is_error
    assert "vroom vroom" in result.content[0].text  # type: ignore[union-attr]


async def test_a_fully_understood_sentence_never_asks_the_clients_model(clip: Path) -> None:
    seen: list[types.CreateMessageRequestParams] = []
    server = build_server(Settings.from_env())
    async with Client(server, sampling_callback=_sampler("{}", seen)) as client:
        sid = await _session(client, clip)
        await _edit(client, session_id=sid, instruction="add boss music, quieter")
    assert seen == []
