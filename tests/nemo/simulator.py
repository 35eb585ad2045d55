"""A small stand-in for the NemoVideo API, served on 127.0.0.1 by the `simulator` fixture.

It keeps what the real service keeps (tokens per client, sessions per user, a draft per
session, render jobs) and speaks the wire format NEMO_PROTOCOL.md describes: envelopes with
error codes, and `/run_sse` as ADK does it (`data: <json>` + blank line, no terminal event,
the body just ends). Tests script a turn as a list of steps:

    ("event", {...})   one event, written as ADK writes it
    ("raw", "...")     bytes as given (comments, empty data, typed variants)
    ("sleep", 0.1)     silence
    ("apply", fn)      fn(draft dict) changes the session's draft at that point
    ("drop",)          the connection breaks mid-body

`messages` lists the messages that reached the agent (the charged ones). Render knobs:
`render_steps`, `render_shape`, `refuse_renders` (an error code), `hold_renders` (stay
"processing"), `poll_faults` (that many polls answer HTTP 500 first).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route

Step = tuple[Any, ...]
ATTRIBUTION = ("x-skill-source", "x-skill-version", "x-skill-platform")


def text_event(text: str, *, id: str = "e1", partial: bool | None = None) -> Step:
    event: dict[str, Any] = {
        "content": {"parts": [{"text": text}], "role": "model"},
        "invocationId": "e-inv1",
        "author": "nemo_agent",
        "id": id,
        "timestamp": time.time(),
    }
    if partial is not None:
        event["partial"] = partial
    return ("event", event)


def call_event(name: str, args: dict[str, Any], *, id: str = "e2", call: str = "c1") -> Step:
    part = {"functionCall": {"id": call, "args": args, "name": name}}
    return ("event", {"content": {"parts": [part], "role": "model"}, "id": id,
                      "author": "nemo_agent", "invocationId": "e-inv1"})  # fmt: skip


def result_event(name: str, *, id: str = "e3", call: str = "c1") -> Step:
    part = {"functionResponse": {"id": call, "name": name, "response": {"result": "ok"}}}
    return ("event", {"content": {"parts": [part], "role": "user"}, "id": id,
                      "author": "nemo_agent", "invocationId": "e-inv1"})  # fmt: skip


def add_music(style: str = "Retro Chiptune", volume: float = 0.35) -> Step:
    def change(draft: dict[str, Any]) -> None:
        draft["t"] = [t for t in draft["t"] if t["tt"] != 1]
        draft["t"].append({"tt": 1, "m": {"name": style, "volume": volume},
                           "sg": [{"s": 0, "e": draft["d"]}]})  # fmt: skip

    return ("apply", change)


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class SimSession:
    user: str
    draft: dict[str, Any] = field(default_factory=lambda: {"t": [], "d": 0, "m": {}})
    media: list[str] = field(default_factory=list)


@dataclass
class Render:
    session_id: str
    draft: dict[str, Any]
    polls: int = 0


class Simulator:
    def __init__(self, mp4: Path):
        self.mp4 = mp4
        self.base_url = ""
        self.reset()
        self.app = Starlette(
            routes=[
                Route("/api/auth/anonymous-token", self.token, methods=["POST"]),
                Route("/api/tasks/me/with-session/nemo_agent", self.new_session, methods=["POST"]),
                Route("/api/upload-video/nemo_agent/me/{sid}", self.upload, methods=["POST"]),
                Route("/api/state/nemo_agent/me/{sid}/latest", self.state),
                Route("/api/credits/balance/simple", self.credits),
                Route("/api/render/proxy/lambda", self.render, methods=["POST"]),
                Route("/api/render/proxy/lambda/{rid}", self.poll),
                Route("/run_sse", self.run_sse, methods=["POST"]),
                Route("/files/{name}", self.file),
            ]
        )

    def reset(self) -> None:
        self.requests: list[Recorded] = []
        self.users: dict[str, str] = {}  # token -> user id
        self.expires: dict[str, float] = {}
        self.sessions: dict[str, SimSession] = {}
        self.renders: dict[str, Render] = {}
        self.turns: list[list[Step]] = []  # scripted /run_sse replies, first used first
        self.messages: list[str] = []
        self.render_steps = ["pending", "processing", "completed"]
        self.render_shape = "output.url"  # or "outputUrl" or "top-level"
        self.token_ttl = 7 * 24 * 3600.0
        self.credits_left = 100
        self.refuse_renders: int | None = None  # an error code for every render request
        self.hold_renders = False  # renders stay "processing" while set
        self.poll_faults = 0  # this many polls answer HTTP 500 first

    # ---- helpers ------------------------------------------------------------------------
    @staticmethod
    def ok(data: Any) -> JSONResponse:
        return JSONResponse({"code": 0, "message": "success", "data": data})

    @staticmethod
    def fail(code: int, message: str, status: int = 200) -> JSONResponse:
        return JSONResponse({"code": code, "message": message, "data": None}, status_code=status)

    async def record(self, request: Request) -> None:
        self.requests.append(Recorded(request.method, request.url.path,
                                      dict(request.headers), await request.body()))  # fmt: skip

    def user(self, request: Request) -> str | None:
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        if token in self.users and self.expires[token] > time.time():
            return self.users[token]
        return None

    def session(self, request: Request, sid: str) -> SimSession | None:
        found = self.sessions.get(sid)
        return found if found and found.user == self.user(request) else None

    def expire_tokens(self) -> None:
        """Every token issued so far stops working (as after 7 days)."""
        self.expires = dict.fromkeys(self.expires, 0.0)

    # ---- endpoints ----------------------------------------------------------------------
    async def token(self, request: Request) -> Response:
        await self.record(request)
        if not request.headers.get("x-client-id"):
            return self.fail(400, "missing X-Client-Id", 400)
        token, user = f"nmv_usr_{uuid.uuid4().hex}", f"anon_{uuid.uuid4().hex[:8]}"
        self.users[token], self.expires[token] = user, time.time() + self.token_ttl
        return self.ok({"token": token, "user_id": user, "credits": 100,
                        "expires_in": self.token_ttl})  # fmt: skip

    async def new_session(self, request: Request) -> Response:
        await self.record(request)
        if (user := self.user(request)) is None:
            return self.fail(1001, "token expired", 401)
        sid = str(100000 + len(self.sessions))
        self.sessions[sid] = SimSession(user)
        return self.ok({"task_id": f"task_{sid}", "session_id": sid})

    async def upload(self, request: Request) -> Response:
        await self.record(request)
        if self.user(request) is None:
            return self.fail(1001, "token expired")
        if (found := self.session(request, request.path_params["sid"])) is None:
            return self.fail(1002, "session not found")
        if request.headers.get("content-type", "").startswith("multipart/"):
            async with request.form() as form:
                upload = form["files"]
                name, size = upload.filename, len(await upload.read())  # type: ignore[union-attr]
        else:
            url = json.loads(self.requests[-1].body)["urls"][0]
            name, size = url.rsplit("/", 1)[-1], 1000
        cdn = f"{self.base_url}/files/{name}"
        found.media.append(cdn)
        found.draft = {"t": [{"tt": 0, "m": {"name": Path(name).stem, "media": "m1"},
                              "sg": [{"s": 0, "e": 3000, "src": cdn}]}],
                       "d": 3000, "m": {"cloud_only": True}}  # fmt: skip
        return self.ok({"files": [{"filename": name, "file_type": "video", "cdn_url": cdn,
                                   "duration": 3.0, "width": 320, "height": 180, "fps": 30,
                                   "hash": "abc", "size": size}]})  # fmt: skip

    async def state(self, request: Request) -> Response:
        await self.record(request)
        if self.user(request) is None:
            return self.fail(1001, "token expired")
        if (found := self.session(request, request.path_params["sid"])) is None:
            return self.fail(1002, "session not found")
        infos = [{"url": u} for u in found.media]
        return self.ok({"state": {"draft": found.draft, "video_infos": infos,
                                  "generated_media": []}})  # fmt: skip

    async def credits(self, request: Request) -> Response:
        await self.record(request)
        if self.user(request) is None:
            return self.fail(1001, "token expired")
        return self.ok({"available": self.credits_left, "frozen": 0, "total": 100})

    async def run_sse(self, request: Request) -> Response:
        await self.record(request)
        if self.user(request) is None:
            return self.fail(1001, "token expired", 401)
        body = json.loads(self.requests[-1].body)
        found = self.session(request, body["session_id"])
        if found is None:
            return JSONResponse({"detail": "Session not found"}, status_code=404)
        self.messages.append(body["new_message"]["parts"][0]["text"])
        steps = self.turns.pop(0) if self.turns else [add_music(), text_event("Done.")]
        return StreamingResponse(self.stream(found, steps), media_type="text/event-stream")

    async def stream(self, found: SimSession, steps: list[Step]) -> AsyncIterator[bytes]:
        for step in steps:
            kind = step[0]
            if kind == "event":
                yield f"data: {json.dumps(step[1], separators=(',', ':'))}\n\n".encode()
            elif kind == "raw":
                yield step[1].encode()
            elif kind == "sleep":
                await asyncio.sleep(step[1])
            elif kind == "apply":
                change: Callable[[dict[str, Any]], None] = step[1]
                change(found.draft)
            elif kind == "drop":
                raise ConnectionAbortedError("simulated drop")

    async def render(self, request: Request) -> Response:
        await self.record(request)
        if any(h not in request.headers for h in ATTRIBUTION):
            return self.fail(402, "free plan cannot export", 402)
        if self.user(request) is None:
            return self.fail(1001, "token expired")
        if self.refuse_renders is not None:
            code = self.refuse_renders
            return self.fail(code, "refused", code if code < 600 else 200)
        body = json.loads(self.requests[-1].body)
        self.renders[body["id"]] = Render(body["sessionId"], body["draft"])
        return self.ok({"id": body["id"], "status": "pending"})

    async def poll(self, request: Request) -> Response:
        await self.record(request)
        render = self.renders.get(request.path_params["rid"])
        if render is None:
            return self.fail(404, "no such render", 404)
        if self.poll_faults > 0:
            self.poll_faults -= 1
            return Response("<html>upstream error</html>", status_code=500)
        status = self.render_steps[min(render.polls, len(self.render_steps) - 1)]
        if self.hold_renders:
            status = "processing"
        render.polls += 1
        url = f"{self.base_url}/files/{self.mp4.name}" if status == "completed" else None
        if self.render_shape == "top-level":
            return JSONResponse({"status": status, "outputUrl": url})
        if self.render_shape == "outputUrl":
            return self.ok({"status": status, "outputUrl": url, "progress": 50})
        return self.ok({"status": status, "output": {"url": url} if url else None})

    async def file(self, request: Request) -> Response:
        await self.record(request)
        if request.path_params["name"] != self.mp4.name:
            return Response(status_code=404)
        return FileResponse(self.mp4, media_type="video/mp4")


@contextlib.contextmanager
def serving(sim: Simulator) -> Iterator[Simulator]:
    """Serve `sim` with uvicorn on a free 127.0.0.1 port in a background thread."""
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
    while not server.started:  # a thread, not a task: no event loop to poll from here
        assert time.monotonic() < deadline, "simulator did not start"
        time.sleep(0.01)
    try:
        yield sim
    finally:
        server.should_exit = True
        thread.join(5)
        sock.close()
