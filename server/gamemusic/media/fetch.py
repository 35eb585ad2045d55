"""Download an http(s) upload with a size cap, following redirects by hand so that none leads
to another scheme or (unless allowed) to a loopback, private or link-local address."""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import anyio
import httpx

from gamemusic.errors import BadInput
from gamemusic.media.probe import MAX_BYTES

MAX_REDIRECTS = 5


def is_url(text: str) -> bool:
    return urlsplit(text.strip()).scheme.lower() in ("http", "https")


def _allow_private() -> bool:
    return os.environ.get("GAMEMUSIC_ALLOW_PRIVATE_URLS", "") in ("1", "true", "yes")


async def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise BadInput(
            f"Only http and https links can be uploaded, not '{parts.scheme}:'.", code="bad_url"
        )
    if _allow_private():
        return
    try:
        infos = await anyio.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except OSError:
        raise BadInput(f"Cannot resolve the host '{parts.hostname}'.", code="bad_url") from None
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not addr.is_global:
            raise BadInput(
                f"The link points to a private or local address ({addr}).",
                hint="Upload the file by path instead.",
                code="bad_url",
            )


def _name_from(url: str) -> str:
    name = Path(unquote(urlsplit(url).path)).name
    safe = "".join(c if c.isalnum() or c in "._- " else "_" for c in name).strip(" .")
    return safe[:100] or "download"


async def download(
    url: str,
    folder: Path,
    *,
    max_bytes: int = MAX_BYTES,
    timeout_s: float = 60.0,
    client: httpx.AsyncClient | None = None,
) -> Path:
    """Fetch `url` into `folder`; returns the file path. Raises BadInput on any refusal."""
    own = client is None
    client = client or httpx.AsyncClient(timeout=timeout_s, follow_redirects=False)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        for _ in range(MAX_REDIRECTS + 1):
            await _check_url(url)
            async with client.stream("GET", url) as resp:
                if resp.is_redirect:
                    url = urljoin(url, resp.headers.get("location", ""))
                    continue
                if resp.status_code != 200:
                    raise BadInput(f"The link answered HTTP {resp.status_code}.", code="bad_url")
                declared = int(resp.headers.get("content-length") or 0)
                if declared > max_bytes:
                    raise BadInput(
                        f"The linked file is {declared / 2**20:.0f} MB; the limit is "
                        f"{max_bytes / 2**20:.0f} MB.",
                        code="too_large",
                    )
                target = folder / _name_from(url)
                tmp = target.with_name(f".{target.name}.part")
                got = 0
                try:
                    with tmp.open("wb") as f:
                        async for chunk in resp.aiter_bytes(1 << 16):
                            got += len(chunk)
                            if got > max_bytes:
                                raise BadInput(
                                    f"The linked file is larger than {max_bytes / 2**20:.0f} MB.",
                                    code="too_large",
                                )
                            f.write(chunk)
                    os.replace(tmp, target)
                finally:
                    tmp.unlink(missing_ok=True)
                return target
        raise BadInput("The link redirects too many times.", code="bad_url")
    except httpx.HTTPError as exc:
        raise BadInput(
            f"Could not download the link ({type(exc).__name__}).", code="bad_url"
        ) from None
    finally:
        if own:
            await client.aclose()
