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
                    "$defs": {
                        "EditFields": {
                            "additionalProperties": False,
                            "description": "Everything an edit can change; leave out what the user did not ask for.",
                            "properties": {
                                "style": {
                                    "anyOf": [
                                        {
                                            "enum": [
                                                "chiptune",
                                                "16bit",
                                                "boss",
                                                "rpg",
                                                "dungeon",
                                                "synthwave",
                                                "lofi",
                                                "platformer",
                                                "racing",
                                            ],
                                            "type": "string",
                                        },
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Music style. Adding a style adds music.",
                                    "title": "Style",
                                },
                                "music_volume": {
                                    "anyOf": [
                                        {"maximum": 1, "minimum": 0, "type": "number"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Music volume 0-1 (0.35 default, about 18 dB under the game audio).",
                                    "title": "Music Volume",
                                },
                                "music_volume_factor": {
                                    "anyOf": [
                                        {"maximum": 4, "minimum": 0.1, "type": "number"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Scale the music's current volume: 0.6 'quieter', 1.5 'louder'.",
                                    "title": "Music Volume Factor",
                                },
                                "remove_music": {
                                    "anyOf": [{"type": "boolean"}, {"type": "null"}],
                                    "default": None,
                                    "description": "True: take the music out.",
                                    "title": "Remove Music",
                                },
                                "game_volume": {
                                    "anyOf": [
                                        {"maximum": 2, "minimum": 0, "type": "number"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Game audio (the recording's own sound) gain 0-2; 1 = as recorded.",
                                    "title": "Game Volume",
                                },
                                "game_volume_factor": {
                                    "anyOf": [
                                        {"maximum": 4, "minimum": 0.1, "type": "number"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Scale the game audio's current level: 0.6 'softer game', 1.5 louder.",
                                    "title": "Game Volume Factor",
                                },
                                "game_audio": {
                                    "anyOf": [
                                        {"enum": ["keep", "mute"], "type": "string"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Keep or mute the game audio.",
                                    "title": "Game Audio",
                                },
                                "music_start_s": {
                                    "anyOf": [
                                        {"maximum": 21600.0, "minimum": 0, "type": "number"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Music starts here, s.",
                                    "title": "Music Start S",
                                },
                                "music_end_s": {
                                    "anyOf": [
                                        {
                                            "exclusiveMinimum": 0,
                                            "maximum": 21600.0,
                                            "type": "number",
                                        },
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Music ends here, s.",
                                    "title": "Music End S",
                                },
                                "music_last_s": {
                                    "anyOf": [
                                        {
                                            "exclusiveMinimum": 0,
                                            "maximum": 21600.0,
                                            "type": "number",
                                        },
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Music only in the final N seconds (instead of start/end).",
                                    "title": "Music Last S",
                                },
                                "music_stops_before_end_s": {
                                    "anyOf": [
                                        {"exclusiveMinimum": 0, "maximum": 21600.0, "type": "number"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Music stops N seconds before the video ends ('no music in the last 10 s'); with music_start_s, instead of music_end_s.",
                                    "title": "Music Stops Before End S",
                                },
                                "fade_in_s": {
                                    "anyOf": [
                                        {"maximum": 30, "minimum": 0, "type": "number"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Fade-in length, s; 0 = none.",
                                    "title": "Fade In S",
                                },
                                "fade_out_s": {
                                    "anyOf": [
                                        {"maximum": 30, "minimum": 0, "type": "number"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Fade-out length, s; 0 = none.",
                                    "title": "Fade Out S",
                                },
                                "ducking": {
                                    "anyOf": [{"type": "boolean"}, {"type": "null"}],
                                    "default": None,
                                    "description": "Dip the music while the game or a voice is loud (on by default).",
                                    "title": "Ducking",
                                },
                                "ducking_db": {
                                    "anyOf": [
                                        {"maximum": 24, "minimum": 1, "type": "number"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "How deep the dip is, dB (8).",
                                    "title": "Ducking Db",
                                },
                                "tempo_bpm": {
                                    "anyOf": [
                                        {"maximum": 240, "minimum": 40, "type": "integer"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Tempo in BPM.",
                                    "title": "Tempo Bpm",
                                },
                                "tempo_factor": {
                                    "anyOf": [
                                        {"maximum": 2, "minimum": 0.5, "type": "number"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Scale the tempo: 1.15 'faster', 0.87 'slower'.",
                                    "title": "Tempo Factor",
                                },
                                "new_take": {
                                    "anyOf": [{"type": "boolean"}, {"type": "null"}],
                                    "default": None,
                                    "description": "True: another composition, same style.",
                                    "title": "New Take",
                                },
                                "seed": {
                                    "anyOf": [
                                        {"maximum": 999999999, "minimum": 0, "type": "integer"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Composition seed.",
                                    "title": "Seed",
                                },
                                "stingers": {
                                    "anyOf": [{"type": "boolean"}, {"type": "null"}],
                                    "default": None,
                                    "description": "Accent hits on big game moments.",
                                    "title": "Stingers",
                                },
                                "arc": {
                                    "anyOf": [
                                        {"enum": ["auto", "calm", "intense"], "type": "string"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "auto: follow the gameplay's ups and downs; calm or intense: hold it.",
                                    "title": "Arc",
                                },
                                "climax_s": {
                                    "anyOf": [
                                        {"maximum": 21600.0, "minimum": 0, "type": "number"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Build up to a climax at this time, s ('the boss at 1:20').",
                                    "title": "Climax S",
                                },
                                "titles": {
                                    "anyOf": [
                                        {
                                            "items": {"$ref": "#/$defs/TitleField"},
                                            "maxItems": 10,
                                            "type": "array",
                                        },
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Titles to add.",
                                    "title": "Titles",
                                },
                                "remove_titles": {
                                    "anyOf": [{"type": "boolean"}, {"type": "null"}],
                                    "default": None,
                                    "description": "True: remove every title.",
                                    "title": "Remove Titles",
                                },
                                "aspect": {
                                    "anyOf": [
                                        {"enum": ["auto", "16:9", "9:16", "1:1"], "type": "string"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Output shape: 9:16 vertical (TikTok, Shorts, Reels), 1:1, 16:9, auto.",
                                    "title": "Aspect",
                                },
                                "undo": {
                                    "anyOf": [{"type": "boolean"}, {"type": "null"}],
                                    "default": None,
                                    "description": "True: undo the last edit first.",
                                    "title": "Undo",
                                },
                                "redo": {
                                    "anyOf": [{"type": "boolean"}, {"type": "null"}],
                                    "default": None,
                                    "description": "True: redo the last undone edit.",
                                    "title": "Redo",
                                },
                            },
                            "title": "EditFields",
                            "type": "object",
                        },
                        "TitleField": {
                            "additionalProperties": False,
                            "description": "One title or text overlay.",
                            "properties": {
                                "text": {
                                    "description": "The words shown, as the user wants them (case kept).",
                                    "maxLength": 200,
                                    "minLength": 1,
                                    "pattern": "^[^\\n\\r]*\\S[^\\n\\r]*$",
                                    "title": "Text",
                                    "type": "string",
                                },
                                "start_s": {
                                    "anyOf": [
                                        {"maximum": 21600.0, "minimum": 0, "type": "number"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "When it appears, s (0).",
                                    "title": "Start S",
                                },
                                "duration_s": {
                                    "anyOf": [
                                        {"maximum": 60, "minimum": 0.5, "type": "number"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "How long it shows (3 s).",
                                    "title": "Duration S",
                                },
                                "position": {
                                    "anyOf": [
                                        {"enum": ["top", "center", "bottom"], "type": "string"},
                                        {"type": "null"},
                                    ],
                                    "default": None,
                                    "description": "Where on screen (title: center, text: bottom).",
                                    "title": "Position",
                                },
                                "kind": {
                                    "default": "title",
                                    "description": "A big title or a small text line.",
                                    "enum": ["title", "text"],
                                    "title": "Kind",
                                    "type": "string",
                                },
                            },
                            "required": ["text"],
                            "title": "TitleField",
                            "type": "object",
                        },
                    },
                    "properties": {
                        "session_id": {
                            "description": "Session id returned by upload, e.g. s-3f9a2c1b.",
                            "examples": ["s-3f9a2c1b"],
                            "maxLength": 64,
                            "title": "Session Id",
                            "type": "string",
                        },
                        "changes": {
                            "anyOf": [{"$ref": "#/$defs/EditFields"}, {"type": "null"}],
                            "default": None,
                            "description": "Typed changes: fill these from the user's words (style, music and game-audio volume, where the music plays, fades, ducking, tempo, another take, stingers, arc, climax, titles, aspect, undo/redo). Leave out what was not asked.",
                        },
                        "instruction": {
                            "anyOf": [
                                {"maxLength": 2000, "minLength": 1, "type": "string"},
                                {"type": "null"},
                            ],
                            "default": None,
                            "description": "The user's words, English or Chinese, for whatever no field covers.",
                            "examples": [
                                "quieter under my commentary",
                                "make it sound like an old NES game",
                                "加一段Boss战音乐",
                            ],
                            "title": "Instruction",
                        },
                    },
                    "required": ["session_id"],
                    "title": "editArguments",
                },
                "output_keys": [
                    "text",
                    "session_id",
                    "action",
                    "changes",
                    "timeline",
                    "result",
                    "notes",
                    "question",
                ],
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
                    "ArcSpan": ["start_s", "end_s", "kind"],
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
                        "music",
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
                    "MusicReport": [
                        "text",
                        "duration_s",
                        "ending",
                        "ending_ms",
                        "cuts",
                        "cuts_on_beat",
                        "cuts_on_downbeat",
                        "tempo_bpm",
                        "measured_bpm",
                        "tempo_stability",
                        "key",
                        "in_key",
                        "key_correlation",
                        "arcs",
                        "stingers_s",
                        "lufs",
                        "true_peak_dbtp",
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
                        "stems": {
                            "default": False,
                            "description": "Also write the music's stems (one WAV per voice and per layer, summing to the music, with an FMOD/Wwise-style manifest.json) beside the MP4.",
                            "title": "Stems",
                            "type": "boolean",
                        },
                    },
                    "required": ["session_id"],
                    "title": "exportArguments",
                },
                "output_keys": ["text", "session_id", "job", "done", "stems_dir"],
                "output_required": ["text", "session_id", "job", "done"],
                "output_models": {
                    "ArcSpan": ["start_s", "end_s", "kind"],
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
                        "music",
                    ],
                    "MusicReport": [
                        "text",
                        "duration_s",
                        "ending",
                        "ending_ms",
                        "cuts",
                        "cuts_on_beat",
                        "cuts_on_downbeat",
                        "tempo_bpm",
                        "measured_bpm",
                        "tempo_stability",
                        "key",
                        "in_key",
                        "key_correlation",
                        "arcs",
                        "stingers_s",
                        "lufs",
                        "true_peak_dbtp",
                    ],
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
