"""Talking to the NemoVideo API: base URL, token, attribution headers, envelope, error table.

    NemoApi.call(method, path, model=...)   one JSON request -> validated `data`
    NemoApi.stream(path, json=...)           a POST whose reply is an event stream (SSE)

Every reply is an envelope `{"code": 0, "message": "...", "data": {...}}`; a non-zero code is
an error even with HTTP 200. The retries the error table asks for happen here: 1001 gets a
new anonymous token once (not when NEMO_TOKEN was given), 429 waits `retry_delay` and tries
once more, 400 on the token request gets a new client id. 1002 (session not found) is raised
for the backend, which owns sessions. Messages never contain the token or raw JSON.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import time
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import anyio
import httpx
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError

import gamemusic
from gamemusic.backends.nemo.clock import REAL_CLOCK, Clock
from gamemusic.config import Settings
from gamemusic.errors import CloudError
from gamemusic.sessions import atomic_write

log = logging.getLogger("gamemusic.nemo")

DEFAULT_BASE = "https://mega-api-prod.nemovideo.ai"
SKILL_SOURCE = "video-game-music"
PLATFORMS = ("clawhub", "cursor", "unknown")
TOKEN_LIFETIME_S = 7 * 24 * 3600
TOKEN_MARGIN_S = 300
SUPPORTED = "mp4, mov, avi, webm, mkv, jpg, png, gif, webp, mp3, wav, m4a or aac"
REGISTER_URL = "https://nemovideo.com/register"
SESSION_PATHS = ("/run_sse", "/api/upload-video/", "/api/state/")

ERRORS: dict[int, tuple[str, str]] = {
    1001: (
        "NemoVideo rejected the sign-in token even after getting a new one.",
        "Try again in a minute.",
    ),
    1002: (
        "NemoVideo no longer knows this editing session.",
        "Upload the video again to start a new cloud session.",
    ),
    2001: (
        "The NemoVideo account has no credits left.",
        "Top up credits in the NemoVideo account, then try again.",
    ),
    4001: ("NemoVideo does not accept this file type.", f"Send {SUPPORTED}."),
    4002: (
        "The file is larger than NemoVideo's 500 MB limit.",
        "Trim the clip or compress it, then upload it again.",
    ),
    402: (
        "Export is not available on this NemoVideo plan; this is not about credits.",
        "Register or upgrade the plan at https://nemovideo.com, then export again.",
    ),
    429: ("NemoVideo is rate limiting this client.", "Wait a minute and try again."),
}

M = TypeVar("M", bound=BaseModel)
Files = Callable[[], dict[str, Any]]


class Envelope(BaseModel):
    model_config = ConfigDict(extra="allow")
    code: int = Field(0, description="0 is success; anything else is an error-table code.")
    message: str | None = Field(None, description="Server's explanation, for logs.")
    data: Any = Field(None, description="The payload; validated by the endpoint's model.")


class TokenData(BaseModel):
    model_config = ConfigDict(extra="allow", coerce_numbers_to_str=True)
    token: str = Field(min_length=8, description="Bearer token, prefix nmv_usr_.")
    user_id: str | None = Field(
        None,
        validation_alias=AliasChoices("user_id", "userId", "uid", "anonymous_id"),
        description="Account id; anonymous ones start with anon_.",
    )
    expires_at: datetime | None = Field(
        None, validation_alias=AliasChoices("expires_at", "expiresAt", "expire_at")
    )
    expires_in: float | None = Field(
        None, ge=0, validation_alias=AliasChoices("expires_in", "expiresIn")
    )

    def expiry(self, now: float) -> float:
        if self.expires_at is not None:
            return self.expires_at.timestamp()
        return now + (self.expires_in if self.expires_in is not None else TOKEN_LIFETIME_S)


class CachedToken(BaseModel):
    """HOME/nemo/token.json, mode 0600."""

    token: str
    user_id: str | None = None
    expires_at: float = Field(description="Unix time the token stops working.")
    base_url: str = Field(description="The API the token belongs to.")


def detect_platform() -> str:
    """clawhub / cursor / unknown, from where the package is installed (env override)."""
    forced = os.environ.get("NEMO_SKILL_PLATFORM", "").strip().lower()
    if forced in PLATFORMS:
        return forced
    if forced:
        log.warning("NEMO_SKILL_PLATFORM=%r is not one of %s; detecting", forced, PLATFORMS)
    where = str(Path(gamemusic.__file__).resolve()).lower()
    if "clawhub" in where:
        return "clawhub"
    return "cursor" if ".cursor" in where else "unknown"


def one_line(text: str | None, secret: str | None = None, limit: int = 160) -> str:
    """A server message fit to show: one line, short, no token, no JSON."""
    text = " ".join((text or "").split())
    if secret:
        text = text.replace(secret, "***")
    text = re.sub(r"nmv_\w+", "***", text)
    if text.startswith(("{", "[")):
        return ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class NemoApi:
    def __init__(
        self,
        settings: Settings,
        *,
        client: httpx.AsyncClient | None = None,
        base_url: str | None = None,
        token: str | None = None,
        retry_delay: float = 30.0,
        clock: Clock = REAL_CLOCK,
    ):
        self.clock = clock
        base = base_url or os.environ.get("NEMO_API_BASE", "").strip() or DEFAULT_BASE
        self.base_url = base.rstrip("/")
        self.retry_delay = retry_delay
        self._own_client = client is None
        self.client = client or httpx.AsyncClient(timeout=httpx.Timeout(60.0, connect=15.0))
        self._folder = settings.home / "nemo"
        self._fixed_token = token or os.environ.get("NEMO_TOKEN", "").strip() or None
        self._token: CachedToken | None = None
        self._token_lock = anyio.Lock()
        self.platform = detect_platform()

    # ---- identity -----------------------------------------------------------------------
    @property
    def user_id(self) -> str | None:
        return self._token.user_id if self._token else None

    @property
    def anonymous(self) -> bool:
        if self._fixed_token:
            return bool(self.user_id and self.user_id.startswith("anon_"))
        return True

    def note_user(self, user_id: str | None) -> None:
        """Remember an account id seen in a reply (for the registration link)."""
        if user_id and self._token and not self._token.user_id:
            self._token.user_id = user_id

    def headers(self) -> dict[str, str]:
        return {
            "X-Skill-Source": SKILL_SOURCE,
            "X-Skill-Version": gamemusic.__version__,
            "X-Skill-Platform": self.platform,
        }

    def url(self, path: str) -> str:
        return path if path.startswith(("http://", "https://")) else self.base_url + path

    def same_origin(self, url: str) -> bool:
        a, b = httpx.URL(url), httpx.URL(self.base_url)
        return (a.scheme, a.host, a.port) == (b.scheme, b.host, b.port)

    # ---- token --------------------------------------------------------------------------
    def _client_id(self, fresh: bool = False) -> str:
        self._folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = self._folder / "client_id"
        if not fresh:
            with contextlib.suppress(OSError, ValueError):
                return str(uuid.UUID(path.read_text().strip()))
        value = str(uuid.uuid4())
        atomic_write(path, value.encode(), mode=0o600)
        return value

    def _load_cached(self) -> CachedToken | None:
        with contextlib.suppress(OSError, ValidationError):
            cached = CachedToken.model_validate_json((self._folder / "token.json").read_bytes())
            if (
                cached.base_url == self.base_url
                and cached.expires_at > time.time() + TOKEN_MARGIN_S
            ):
                return cached
        return None

    async def token(self) -> str:
        if self._fixed_token:
            if self._token is None:
                self._token = CachedToken(
                    token=self._fixed_token, expires_at=float("inf"), base_url=self.base_url
                )
            return self._fixed_token
        async with self._token_lock:
            if self._token is None or self._token.expires_at <= time.time() + TOKEN_MARGIN_S:
                self._token = self._load_cached() or await self._anonymous_token()
            return self._token.token

    async def refresh(self, stale: str) -> None:
        """A request with token `stale` got 1001: get a new one, unless someone already did."""
        if self._fixed_token:
            raise CloudError(
                "NemoVideo rejected the token in NEMO_TOKEN (expired or invalid).",
                hint="Set a fresh NEMO_TOKEN, or unset it to use a free anonymous token.",
                cloud_code=1001,
            )
        async with self._token_lock:
            if self._token is None or self._token.token == stale:
                log.info("token rejected (1001); getting a new anonymous token")
                self._token = await self._anonymous_token()

    async def _anonymous_token(self) -> CachedToken:
        client_id = self._client_id()
        waited = renewed = False
        while True:
            headers = {**self.headers(), "X-Client-Id": client_id}
            reply = await self._send("POST", "/api/auth/anonymous-token", headers=headers)
            code, message = self._status(reply, "/api/auth/anonymous-token")
            if code == 400 and not renewed:
                client_id, renewed = self._client_id(fresh=True), True
                continue
            if code == 429 and not waited:
                waited = True
                await self.clock.sleep(self.retry_delay)
                continue
            if code:
                raise self.error(code, message)
            data = self._validate(reply, TokenData)
            now = time.time()
            cached = CachedToken(
                token=data.token,
                user_id=data.user_id,
                expires_at=data.expiry(now),
                base_url=self.base_url,
            )
            atomic_write(self._folder / "token.json", cached.model_dump_json().encode(), 0o600)
            log.info("new anonymous token for user %s", data.user_id or "?")
            return cached

    # ---- requests -----------------------------------------------------------------------
    async def _send(
        self,
        method: str,
        path: str,
        *,
        headers: dict[str, str],
        stream: bool = False,
        timeout: httpx.Timeout | None = None,
        **kw: Any,
    ) -> httpx.Response:
        request = self.client.build_request(
            method,
            self.url(path),
            headers=headers,
            timeout=timeout or httpx.USE_CLIENT_DEFAULT,
            **kw,
        )
        # a stream that fails after the request went out is "dropped", for the caller to
        # handle (the message may be charged already); only a failed connect is an error
        lost = (httpx.ConnectError, httpx.ConnectTimeout) if stream else httpx.TransportError
        try:
            return await self.client.send(request, stream=stream)
        except lost as exc:
            raise CloudError(
                f"Could not reach NemoVideo at {self.base_url} ({type(exc).__name__}).",
                hint="Check the network connection, then try again.",
                cloud_code=None,
            ) from None

    def _status(self, reply: httpx.Response, path: str) -> tuple[int, str]:
        """(error code or 0, server message) from the envelope, else the HTTP status."""
        envelope: Envelope | None = None
        with contextlib.suppress(ValidationError, ValueError):
            envelope = Envelope.model_validate_json(reply.content)
        message = (envelope.message if envelope else "") or ""
        if envelope and envelope.code:
            return envelope.code, message
        if reply.status_code < 400:
            return 0, message
        if reply.status_code == 401:
            return 1001, message
        if reply.status_code == 404 and path.startswith(SESSION_PATHS):
            return 1002, message
        return reply.status_code, message or reply.reason_phrase

    def _validate(self, reply: httpx.Response, model: type[M]) -> M:
        try:
            envelope = Envelope.model_validate_json(reply.content)
            if "data" in envelope.model_fields_set:
                return model.model_validate(envelope.data)
            return model.model_validate(json.loads(reply.content))
        except (ValidationError, ValueError) as exc:
            # field locations only: the values may hold a token
            where = [e["loc"] for e in exc.errors()] if isinstance(exc, ValidationError) else "?"
            log.warning("unexpected reply from %s: %s", reply.request.url.path, where)
            raise CloudError(
                f"NemoVideo sent a reply this client does not understand ({model.__name__}).",
                hint="Try again; if it keeps happening the API may have changed.",
                cloud_code=None,
            ) from None

    @contextlib.asynccontextmanager
    async def open(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        files: Files | None = None,
        stream: bool = False,
        timeout: httpx.Timeout | None = None,
        extra_headers: dict[str, str] | None = None,
    ) -> AsyncIterator[httpx.Response]:
        """Send with auth and the error table's retries; yield the successful reply.

        With stream=True the reply body is left unread unless it is an error."""
        refreshed = waited = False
        while True:
            token = await self.token()
            headers = {
                **self.headers(),
                "Authorization": f"Bearer {token}",
                **(extra_headers or {}),
            }
            kw: dict[str, Any] = {"json": json} if json is not None else {}
            if files is not None:
                kw["files"] = files()
            reply = await self._send(
                method, path, headers=headers, stream=stream, timeout=timeout, **kw
            )
            if (
                stream
                and reply.status_code == 200
                and "event-stream" in reply.headers.get("content-type", "")
            ):
                code, message = 0, ""
            else:
                await reply.aread()
                code, message = self._status(reply, path)
            log.debug("%s %s -> HTTP %s code %s", method, path, reply.status_code, code)
            if code == 0:
                try:
                    yield reply
                finally:
                    await reply.aclose()
                return
            await reply.aclose()
            if code == 1001 and not refreshed:
                refreshed = True
                await self.refresh(token)
                continue
            if code == 429 and not waited:
                waited = True
                log.info("rate limited on %s; retrying in %ss", path, self.retry_delay)
                await self.clock.sleep(self.retry_delay)
                continue
            raise self.error(code, message)

    async def call(self, method: str, path: str, model: type[M], **kw: Any) -> M:
        """One JSON request; returns the envelope's `data` validated as `model`."""
        async with self.open(method, path, **kw) as reply:
            return self._validate(reply, model)

    # ---- the error table ----------------------------------------------------------------
    def error(self, code: int, server_message: str = "") -> CloudError:
        """The CloudError for an error-table code: one line for the user, and what to do."""
        said = one_line(server_message, self._token.token if self._token else None)
        if code == 2001 and self.anonymous:
            link = f"{REGISTER_URL}?bind={self.user_id}" if self.user_id else REGISTER_URL
            message, hint = (
                "The free NemoVideo credits are used up.",
                f"Register at {link} to keep this workspace and get more credits.",
            )
        elif code in ERRORS:
            message, hint = ERRORS[code]
        else:
            message = f"NemoVideo returned error {code}" + (f": {said}." if said else ".")
            hint = "Try again later; if it keeps failing, report the code."
        return CloudError(message, hint=hint, cloud_code=code, server_message=said)

    async def aclose(self) -> None:
        if self._own_client:
            await self.client.aclose()
