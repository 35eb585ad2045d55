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


@dataclass
class TurnReader:
    """Builds the agent's visible reply from event payloads, without repeats."""

    messages: list[str] = field(default_factory=list)
    tool_calls: list[FunctionCall] = field(default_factory=list)
    tool_results: int = 0
    heartbeats: int = 0
    _ids: dict[str, int] = field(default_factory=dict)
    _calls: set[str] = field(default_factory=set)
    _chunk: int | None = None  # index in messages of the reply being streamed in chunks
    _unfinished: set[int] = field(default_factory=set)  # chunked replies not yet repeated whole

    @property
    def text(self) -> str:
        return "\n\n".join(m.strip() for m in self.messages if m.strip())

    def feed(self, data: str) -> bool:
        """Take one `data:` payload; True when it was activity (text or tools), not a heartbeat.

        Raises CloudError for an error line."""
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
            if event.partial is not True:
                self._chunk = None
            return active
        if event.partial is True:
            self._append_chunk(text, event.id)
            return True
        # a whole message, or the final event repeating streamed chunks in full
        again = self._ids.get(event.id or "")
        if again is None:
            again = next((i for i in self._unfinished if text.startswith(self.messages[i])), None)
        if again is not None:
            self.messages[again] = text
            self._unfinished.discard(again)
        else:
            again = len(self.messages)
            self.messages.append(text)
        if event.id:
            self._ids[event.id] = again
        self._chunk = None
        return True

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
                self._append_chunk(body)
            return True
        if kind in ("tool_call", "function_call"):
            self._call(FunctionCall(id=event.id, name=event.name or ""))
        elif kind in ("tool_result", "function_response"):
            self.tool_results += 1
        self._chunk = None
        return True

    def _append_chunk(self, text: str, event_id: str | None = None) -> None:
        if self._chunk is None:
            self._chunk = len(self.messages)
            self._unfinished.add(self._chunk)
            self.messages.append(text)
        else:
            so_far = self.messages[self._chunk]
            # some servers send the text so far instead of the new piece
            self.messages[self._chunk] = text if text.startswith(so_far) else so_far + text
        if event_id:
            self._ids[event_id] = self._chunk

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
) -> Turn:
    """Send one message and read the reply until the stream closes, drops or times out."""
    body = {
        "app_name": "nemo_agent",
        "user_id": "me",
        "session_id": session_id,
        "new_message": {"parts": [{"text": message}]},
    }
    reader = TurnReader()
    ending: Ending = "closed"
    last = anyio.current_time()
    failure: CloudError | None = None

    async def still_working() -> None:
        nonlocal last
        while True:
            await anyio.sleep(max(0.0, last + heartbeat_interval - anyio.current_time()))
            if anyio.current_time() - last >= heartbeat_interval:
                last = anyio.current_time()
                await progress(None, "Still working...")

    async with anyio.create_task_group() as tg:
        tg.start_soon(still_working)
        try:
            with anyio.move_on_after(timeout) as cap:
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
                            last = anyio.current_time()
            if cap.cancelled_caught:
                ending = "timeout"
                log.warning("edit stream still open after %ss; reading the state", timeout)
        except (httpx.TransportError, SSEError) as exc:
            ending = "dropped"
            log.warning("edit stream dropped (%s); reading the state", type(exc).__name__)
        except CloudError as exc:
            failure = exc
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
