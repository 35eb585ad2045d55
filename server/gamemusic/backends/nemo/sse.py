"""One edit turn over `/run_sse`: read the event stream into the agent's reply.

Two event shapes are accepted (NEMO_PROTOCOL.md):

    ADK Event    {"content": {"role", "parts": [{"text"} | {"functionCall"} |
                 {"functionResponse"}]}, "partial": bool, "author", "id", ...}
    typed        {"type": "text" | "tool_call" | "tool_result" | "heartbeat" | "error", ...}

`TurnReader.feed` is pure (one `data:` payload in, state updated) so every variant is testable
without a network. `run_turn` drives it from a live stream: comments and empty data are
heartbeats, the stream closing ends the turn, a `{"error": ...}` line raises CloudError, a
drop or the time cap ends the turn early (never resent: each message is charged), and
"Still working..." is reported after every `heartbeat_interval` of silence.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any, Literal

import anyio
import httpx
from httpx_sse import EventSource, SSEError
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from gamemusic.backends.base import Progress
from gamemusic.backends.nemo.clock import REAL_CLOCK, Clock
from gamemusic.backends.nemo.http import NemoApi, one_line
from gamemusic.errors import CloudError

log = logging.getLogger("gamemusic.nemo")

Ending = Literal["closed", "dropped", "timeout"]


class _Loose(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class FunctionCall(_Loose):
    id: str | None = Field(None, description="Call id; the same call can be sent twice.")
    name: str = Field("", description="Tool name (internal, never shown).")
    args: dict[str, Any] = Field(default_factory=dict)


class FunctionResponse(_Loose):
    id: str | None = None
    name: str = ""
    response: Any = None


class Part(_Loose):
    text: str | None = None
    thought: bool | None = Field(None, description="Model reasoning; never shown.")
    function_call: FunctionCall | None = Field(None, alias="functionCall")
    function_response: FunctionResponse | None = Field(None, alias="functionResponse")


class Content(_Loose):
    role: str | None = None
    parts: list[Part] = Field(default_factory=list)


class AdkEvent(_Loose):
    """Google ADK's Event as `/run_sse` sends it (camelCase, empty fields left out)."""

    id: str | None = None
    author: str | None = None
    invocation_id: str | None = Field(None, alias="invocationId")
    partial: bool | None = Field(None, description="Only true marks a streaming chunk.")
    content: Content | None = None
    actions: dict[str, Any] | None = None


class TypedEvent(_Loose):
    """The community-client variant: {"type": ..., "text"|"content"|"data": ...}."""

    type: str
    text: str | None = None
    content: Any = None
    id: str | None = None
    name: str | None = None

    def body(self) -> str:
        if self.text is not None:
            return self.text
        return self.content if isinstance(self.content, str) else ""


class ErrorLine(_Loose):
    """ADK's last line when the run fails after the stream started."""

    error: Any
    error_details: Any = None


class EnvelopeLine(_Loose):
    code: int
    message: str | None = None


def _same_text(final: str, streamed: str) -> bool:
    """Whether a whole message repeats the streamed chunks (ADK sends the text again in full,
    with an id of its own in some versions and the chunks' id in others)."""
    a, b = " ".join(final.split()), " ".join(streamed.split())
    return bool(b) and (a.startswith(b[:40]) or b in a)


@dataclass
class TurnReader:
    """Builds the agent's visible reply from event payloads, without repeats.

    `partial: true` chunks build a pending message; the next whole event (any `partial` but
    true) that repeats it replaces it instead of being added. A whole event with an id seen
    before replaces that message. Function calls count once per call id."""

    messages: list[str] = field(default_factory=list)
    tool_calls: list[FunctionCall] = field(default_factory=list)
    tool_results: int = 0
    heartbeats: int = 0
    _ids: dict[str, int] = field(default_factory=dict)  # event id -> index in messages
    _calls: set[str] = field(default_factory=set)
    _pending: int | None = None  # index of the message being streamed in chunks
    _pending_ids: set[str] = field(default_factory=set)

    @property
    def text(self) -> str:
        return "\n\n".join(m.strip() for m in self.messages if m.strip())

    @property
    def active(self) -> bool:
        """Anything happened: text, a tool call or a tool result."""
        return bool(self.messages or self.tool_calls or self.tool_results)

    def feed(self, data: str) -> bool:
        """Take one `data:` payload; True when it was activity (text or tools), not a heartbeat.

        Raises CloudError for an error line (with `cloud_code` when the line carries one)."""
        if not data.strip():
            self.heartbeats += 1
            return False
        try:
            raw = json.loads(data)
        except ValueError:
            log.debug("non-JSON event data ignored: %.80s", data)
            return False
        if not isinstance(raw, dict):
            return False
        try:
            if "error" in raw and "content" not in raw:
                line = ErrorLine.model_validate(raw)
                raise CloudError(
                    "The NemoVideo editor failed while working on the request: "
                    f"{one_line(str(line.error)) or 'no details'}.",
                    hint="Call state to see what was applied before trying again.",
                    cloud_code=None,
                )
            if "code" in raw and "content" not in raw and "type" not in raw:
                env = EnvelopeLine.model_validate(raw)
                if env.code:
                    raise CloudError(
                        f"NemoVideo stopped the edit with error {env.code}: "
                        f"{one_line(env.message) or 'no details'}.",
                        hint="Call state to see what was applied.",
                        cloud_code=env.code,
                        server_message=env.message or "",
                    )
                return False
            if "type" in raw and not isinstance(raw.get("content"), dict):
                return self._typed(TypedEvent.model_validate(raw))
            return self._adk(AdkEvent.model_validate(raw))
        except ValidationError as exc:
            log.debug("event not understood, ignored: %s", exc)
            return False

    def _adk(self, event: AdkEvent) -> bool:
        if event.content is None:
            return bool(event.actions)
        text = "".join(p.text for p in event.content.parts if p.text and not p.thought)
        active = False
        for part in event.content.parts:
            if part.function_call is not None:
                self._call(part.function_call)
                active = True
            if part.function_response is not None:
                self.tool_results += 1
                active = True
        if not text:
            return active
        if event.partial is True:
            self._chunk(text, event.id)
        else:
            self._whole(text, event.id)
        return True

    def _whole(self, text: str, event_id: str | None) -> None:
        """A whole message: new, a repeat of one seen (same id), or the streamed chunks again."""
        index = self._ids.get(event_id) if event_id else None
        pending = self._pending
        if (
            index is None
            and pending is not None
            and (
                (event_id is not None and event_id in self._pending_ids)
                or _same_text(text, self.messages[pending])
            )
        ):
            index = pending
        if index is None:
            index = len(self.messages)
            self.messages.append(text)
        else:
            self.messages[index] = text
        if event_id:
            self._ids[event_id] = index
        if pending is not None:  # a chunk run ends with its whole message
            self._pending, self._pending_ids = None, set()

    def _chunk(self, text: str, event_id: str | None = None) -> None:
        if self._pending is None:
            self._pending = len(self.messages)
            self.messages.append(text)
        else:
            so_far = self.messages[self._pending]
            # some servers send the text so far instead of the new piece
            self.messages[self._pending] = text if text.startswith(so_far) else so_far + text
        if event_id:
            self._pending_ids.add(event_id)
            self._ids[event_id] = self._pending

    def _typed(self, event: TypedEvent) -> bool:
        kind = event.type.lower()
        if kind in ("heartbeat", "ping", "keepalive"):
            self.heartbeats += 1
            return False
        if kind == "error":
            raise CloudError(
                "The NemoVideo editor failed while working on the request: "
                f"{one_line(event.body() or event.name) or 'no details'}.",
                hint="Call state to see what was applied before trying again.",
                cloud_code=None,
            )
        if kind in ("text", "message", "delta"):
            body = event.body()
            if body:
                self._chunk(body)
            return True
        if kind in ("tool_call", "function_call"):
            self._call(FunctionCall(id=event.id, name=event.name or ""))
        elif kind in ("tool_result", "function_response"):
            self.tool_results += 1
        self._pending, self._pending_ids = None, set()
        return True

    def _call(self, call: FunctionCall) -> None:
        key = call.id or f"{call.name}:{json.dumps(call.args, sort_keys=True)}"
        if key not in self._calls:
            self._calls.add(key)
            self.tool_calls.append(call)


@dataclass
class Turn:
    reader: TurnReader
    ending: Ending

    @property
    def text(self) -> str:
        return self.reader.text


async def run_turn(
    api: NemoApi,
    session_id: str,
    message: str,
    *,
    progress: Progress,
    heartbeat_interval: float,
    timeout: float,
    clock: Clock = REAL_CLOCK,
) -> Turn:
    """Send one message and read the reply until the stream closes, drops or times out.

    An error code inside the stream becomes the error table's message (2001 keeps its
    registration link). A 1002 (session gone) raised before anything happened lets the caller
    start a new session and send once there; after the agent started working it is final,
    because the message was charged."""
    body = {
        "app_name": "nemo_agent",
        "user_id": "me",
        "session_id": session_id,
        "new_message": {"parts": [{"text": message}]},
    }
    reader = TurnReader()
    ending: Ending = "closed"
    last = clock.now()
    failure: CloudError | None = None
    reading = anyio.CancelScope()
    timed_out = False

    async def still_working() -> None:
        nonlocal last
        while True:
            await clock.sleep(max(0.0, last + heartbeat_interval - clock.now()))
            if clock.now() - last >= heartbeat_interval:
                last = clock.now()
                await progress(None, "Still working...")

    async def cap() -> None:
        nonlocal timed_out
        await clock.sleep(timeout)
        timed_out = True
        reading.cancel()

    async with anyio.create_task_group() as tg:
        tg.start_soon(still_working)
        tg.start_soon(cap)
        try:
            with reading:
                async with api.open(
                    "POST",
                    "/run_sse",
                    json=body,
                    stream=True,
                    timeout=httpx.Timeout(60.0, read=timeout),
                    extra_headers={"Accept": "text/event-stream", "Cache-Control": "no-store"},
                ) as reply:
                    async for event in EventSource(reply).aiter_sse():
                        if reader.feed(event.data):
                            last = clock.now()
            if timed_out:
                ending = "timeout"
                log.warning("edit stream still open after %ss; reading the state", timeout)
        except (httpx.TransportError, SSEError) as exc:
            ending = "dropped"
            log.warning("edit stream dropped (%s); reading the state", type(exc).__name__)
        except CloudError as exc:
            failure = _in_stream(api, exc, reader)
        finally:
            tg.cancel_scope.cancel()
    if failure is not None:
        raise failure
    log.info(
        "turn %s: %d message(s), %d tool call(s), %d heartbeat(s)",
        ending,
        len(reader.messages),
        len(reader.tool_calls),
        reader.heartbeats,
    )
    return Turn(reader, ending)


def _in_stream(api: NemoApi, exc: CloudError, reader: TurnReader) -> CloudError:
    """The error to raise for a CloudError met while the turn ran."""
    code = exc.cloud_code
    if code is None or exc.context.get("server_message") is None:
        return exc  # an error line or a refusal before the stream: already worded
    if code == 1002 and reader.active:
        return CloudError(
            "NemoVideo lost the editing session while it was working on the edit; the "
            "message was not sent again (each one is charged).",
            hint="Upload the video again to start a new cloud session.",
            cloud_code=None,
        )
    if code == 1002:
        return exc  # nothing ran: the caller starts a new session and sends once there
    return api.error(code, exc.context["server_message"])
