"""The MCP interface as clients see it: tool names, input schemas, output keys, annotations,
prompts and resource templates. A change here is a change for every agent using the server:
update the snapshot on purpose (pytest --inline-snapshot=fix) and say so in SKILL.md."""

from __future__ import annotations

from typing import Any

import pytest
from inline_snapshot import snapshot
from mcp import Client

from gamemusic.config import Settings
from gamemusic.mcp_server import build_server

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def contract(tool: Any) -> dict[str, Any]:
    """What a client relies on: inputs in full, outputs down to the field names."""
    out = tool.output_schema or {}
    return {
        "input_schema": tool.input_schema,
        "output_keys": list(out.get("properties", {})),
        "output_required": out.get("required", []),
        "output_models": {
            name: list(model.get("properties", {})) for name, model in out.get("$defs", {}).items()
        },
        "annotations": tool.annotations.model_dump(by_alias=True, exclude_none=True),
    }


async def list_tools(settings: Settings) -> dict[str, dict[str, Any]]:
    async with Client(build_server(settings)) as client:
        tools = (await client.list_tools()).tools
    return {tool.name: contract(tool) for tool in tools}


async def test_tool_list_names_schemas_and_annotations_are_unchanged() -> None:
    assert await list_tools(Settings.from_env()) == snapshot(
        {
            "upload": {
                "input_schema": {
                    "type": "object",
                    "properties": {
                        "path": {
                            "anyOf": [{"type": "string"}, {"type": "null"}],
                            "default": None,
                            "description": "Video, image, GIF or audio file: absolute, or relative to the workspace folder.",
                            "examples": ["/home/me/clips/ranked_match.mp4"],
                            "title": "Path",
                        },
                        "url": {
                            "anyOf": [{"type": "string"}, {"type": "null"}],
                            "default": None,
                            "description": "An http(s) link to the file instead of a path.",
                            "examples": ["https://example.com/clip.mp4"],
                            "title": "Url",
                        },
                        "session_id": {
                            "anyOf": [{"maxLength": 64, "type": "string"}, {"type": "null"}],
                            "default": None,
                            "description": "Add to this session instead of starting a new one.",
                            "title": "Session Id",
                        },
                        "duration_s": {
                            "default": 10.0,
                            "description": "Clip length for still images.",
                            "maximum": 1800,
                            "minimum": 1,
                            "title": "Duration S",
                            "type": "number",
                        },
                    },
                    "title": "uploadArguments",
                },
                "output_keys": ["text", "session_id", "media", "timeline"],
                "output_required": ["text", "session_id", "media", "timeline"],
                "output_models": {
                    "MediaSummary": [
                        "id",
                        "name",
                        "kind",
                        "duration_s",
                        "width",
                        "height",
                        "has_audio",
                    ]
                },
                "annotations": {
                    "title": "Upload a video",
                    "readOnlyHint": False,
                    "destructiveHint": False,
                    "openWorldHint": True,
                },
            },
            "edit": {
                "input_schema": {
                    "type": "object",
                    "properties": {
                        "session_id": {
                            "description": "Session id returned by upload, e.g. s-3f9a2c1b.",
                            "examples": ["s-3f9a2c1b"],
                            "maxLength": 64,
                            "title": "Session Id",
                            "type": "string",
                        },
                        "instruction": {
                            "description": "What to change, in plain English or Chinese.",
                            "examples": [
                                "add retro chiptune background music",
                                "quieter under my commentary",
                                "make it vertical for TikTok",
                                "加一段Boss战音乐",
                                "undo",
                            ],
                            "maxLength": 2000,
                            "minLength": 1,
                            "title": "Instruction",
                            "type": "string",
                        },
                    },
                    "required": ["session_id", "instruction"],
                    "title": "editArguments",
                },
                "output_keys": ["text", "session_id", "action", "changes", "timeline", "result"],
                "output_required": ["text", "session_id", "action"],
                "output_models": {},
                "annotations": {
                    "title": "Edit the music",
                    "readOnlyHint": False,
                    "destructiveHint": False,
                    "idempotentHint": False,
                    "openWorldHint": False,
                },
            },
            "state": {
                "input_schema": {
                    "type": "object",
                    "properties": {
                        "session_id": {
                            "description": "Session id returned by upload, e.g. s-3f9a2c1b.",
                            "examples": ["s-3f9a2c1b"],
                            "maxLength": 64,
                            "title": "Session Id",
                            "type": "string",
                        }
                    },
                    "required": ["session_id"],
                    "title": "stateArguments",
                },
                "output_keys": [
                    "text",
                    "session_id",
                    "backend",
                    "timeline",
                    "draft",
                    "media",
                    "active_media",
                    "jobs",
                    "lang",
                ],
                "output_required": ["text", "session_id", "backend", "timeline", "draft"],
                "output_models": {
                    "JobInfo": [
                        "job_id",
                        "status",
                        "progress",
                        "message",
                        "output_path",
                        "resource_uri",
                        "duration_s",
                        "width",
                        "height",
                        "size_bytes",
                        "error",
                    ],
                    "MediaSummary": [
                        "id",
                        "name",
                        "kind",
                        "duration_s",
                        "width",
                        "height",
                        "has_audio",
                    ],
                },
                "annotations": {
                    "title": "Show the timeline",
                    "readOnlyHint": True,
                    "openWorldHint": False,
                },
            },
            "credits": {
                "input_schema": {"type": "object", "properties": {}, "title": "creditsArguments"},
                "output_keys": ["text", "backend", "available", "frozen", "total"],
                "output_required": ["text", "backend"],
                "output_models": {},
                "annotations": {"title": "Credits", "readOnlyHint": True, "openWorldHint": False},
            },
            "export": {
                "input_schema": {
                    "type": "object",
                    "properties": {
                        "session_id": {
                            "description": "Session id returned by upload, e.g. s-3f9a2c1b.",
                            "examples": ["s-3f9a2c1b"],
                            "maxLength": 64,
                            "title": "Session Id",
                            "type": "string",
                        },
                        "output": {
                            "anyOf": [{"type": "string"}, {"type": "null"}],
                            "default": None,
                            "description": "Output MP4: absolute, or a name inside the output folder. Default: <video>_music.mp4 in the output folder.",
                            "title": "Output",
                        },
                        "wait_s": {
                            "anyOf": [
                                {"maximum": 50, "minimum": 0, "type": "number"},
                                {"type": "null"},
                            ],
                            "default": None,
                            "description": "How long to wait for the render before returning its job id (default 40 s).",
                            "title": "Wait S",
                        },
                        "media_id": {
                            "anyOf": [{"maxLength": 16, "type": "string"}, {"type": "null"}],
                            "default": None,
                            "description": "Which upload to render (default: the latest).",
                            "title": "Media Id",
                        },
                    },
                    "required": ["session_id"],
                    "title": "exportArguments",
                },
                "output_keys": ["text", "session_id", "job", "done"],
                "output_required": ["text", "session_id", "job", "done"],
                "output_models": {
                    "JobInfo": [
                        "job_id",
                        "status",
                        "progress",
                        "message",
                        "output_path",
                        "resource_uri",
                        "duration_s",
                        "width",
                        "height",
                        "size_bytes",
                        "error",
                    ]
                },
                "annotations": {
                    "title": "Export the MP4",
                    "readOnlyHint": False,
                    "destructiveHint": False,
                    "idempotentHint": True,
                    "openWorldHint": False,
                },
            },
            "preview": {
                "input_schema": {
                    "type": "object",
                    "properties": {
                        "session_id": {
                            "description": "Session id returned by upload, e.g. s-3f9a2c1b.",
                            "examples": ["s-3f9a2c1b"],
                            "maxLength": 64,
                            "title": "Session Id",
                            "type": "string",
                        },
                        "audio_only": {
                            "default": False,
                            "description": "The whole soundtrack as audio (M4A) instead of a clip.",
                            "title": "Audio Only",
                            "type": "boolean",
                        },
                        "media_id": {
                            "anyOf": [{"maxLength": 16, "type": "string"}, {"type": "null"}],
                            "default": None,
                            "description": "Which upload to preview (default: the latest).",
                            "title": "Media Id",
                        },
                    },
                    "required": ["session_id"],
                    "title": "previewArguments",
                },
                "output_keys": [
                    "text",
                    "session_id",
                    "path",
                    "resource_uri",
                    "mime_type",
                    "start_s",
                    "duration_s",
                    "width",
                    "height",
                    "size_bytes",
                    "clip_s",
                    "curve_step_s",
                    "loudness_db",
                    "cuts_s",
                ],
                "output_required": [
                    "text",
                    "session_id",
                    "path",
                    "mime_type",
                    "start_s",
                    "duration_s",
                    "size_bytes",
                    "clip_s",
                ],
                "output_models": {},
                "annotations": {
                    "title": "Quick preview",
                    "readOnlyHint": False,
                    "destructiveHint": False,
                    "idempotentHint": True,
                    "openWorldHint": False,
                },
            },
        }
    )


async def test_cloud_backend_marks_every_tool_that_calls_the_cloud_as_open_world() -> None:
    tools = await list_tools(Settings.from_env(backend="nemo"))
    open_world = {name: t["annotations"]["openWorldHint"] for name, t in tools.items()}
    assert open_world == snapshot(
        {
            "upload": True,
            "edit": True,
            "state": True,
            "credits": True,
            "export": True,
            "preview": False,
        }
    )


async def test_prompts_resources_and_templates_are_unchanged() -> None:
    async with Client(build_server(Settings.from_env())) as client:
        prompts = (await client.list_prompts()).prompts
        templates = (await client.list_resource_templates()).resource_templates
        resources = (await client.list_resources()).resources
    assert {p.name: [a.name for a in p.arguments or []] for p in prompts} == snapshot(
        {
            "add_game_music": ["path", "style"],
            "quieter_under_commentary": ["session_id"],
            "vertical_for_tiktok": ["session_id"],
        }
    )
    assert [t.uri_template for t in templates] == snapshot(
        [
            "gamemusic://previews/{session_id}/{name}",
            "gamemusic://sessions/{session_id}/timeline",
            "gamemusic://renders/{session_id}/{job_id}",
        ]
    )
    assert [str(r.uri) for r in resources] == snapshot(
        ["ui://video-game-music/app.html", "gamemusic://styles"]
    )
