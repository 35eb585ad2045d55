"""Download an http(s) upload with a size cap, following redirects by hand so that none leads
to another scheme or (unless allowed) to a loopback, private or link-local address.

The host's addresses are checked before each request and the address actually connected to
is checked again before the body is read (a name that resolves differently the second time
gets nothing). Each read waits at most `timeout_s`, the whole download `total_timeout_s`.
The body goes to a hidden `.part` file renamed when complete; an existing download of the
same name is never replaced (earlier uploads of the session still point at it).
"""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import anyio
import httpx

from gamemusic.errors import BadInput
from gamemusic.media.probe import MAX_BYTES, size_text
from gamemusic.paths import replacing, sweep_partials

MAX_REDIRECTS = 5


def _allow_private() -> bool:
    return os.environ.get("GAMEMUSIC_ALLOW_PRIVATE_URLS", "") in ("1", "true", "yes")


def require_http_url(text: str) -> str:
    """`text` if it is an http(s) link; BadInput naming the refused scheme otherwise."""
    parts = urlsplit(text.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        scheme = f"'{parts.scheme}:'" if parts.scheme else "a link without a scheme"
        raise BadInput(
            f"Only http and https links can be uploaded, not {scheme}.",
            hint="Give an http(s) link, or pass a local file as path.",
            code="bad_url",
        )
    return text.strip()


def _refuse_private(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> BadInput:
    return BadInput(
        f"The link points to a private or local address ({addr}).",
        hint="Upload the file by path instead.",
        code="bad_url",
    )


def _check_peer(resp: httpx.Response) -> None:
    """The address the connection really went to must be public too (DNS can change)."""
    if _allow_private():
        return
    stream = resp.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if not peer:
        return
    addr = ipaddress.ip_address(str(peer[0]).split("%")[0])
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
        addr = addr.ipv4_mapped
    if not addr.is_global:
        raise _refuse_private(addr)


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
            raise _refuse_private(addr)


def _name_from(url: str) -> str:
    name = Path(unquote(urlsplit(url).path)).name
    safe = "".join(c if c.isalnum() or c in "._- " else "_" for c in name).strip(" .")
    return safe[:100] or "download"


def _free_name(folder: Path, name: str) -> Path:
    """`folder/name`, or `stem-2.ext`, `stem-3.ext`... if taken."""
    target = folder / name
    stem, suffix, n = target.stem, target.suffix, 2
    while target.exists():
        target = folder / f"{stem}-{n}{suffix}"
        n += 1
    return target


async def download(
    url: str,
    folder: Path,
    *,
    max_bytes: int = MAX_BYTES,
    timeout_s: float = 60.0,
    total_timeout_s: float = 1800.0,
    client: httpx.AsyncClient | None = None,
) -> Path:
    """Fetch `url` into `folder`; returns the file path. Raises BadInput on any refusal."""
    own = client is None
    client = client or httpx.AsyncClient(timeout=timeout_s, follow_redirects=False)
    folder.mkdir(parents=True, exist_ok=True)
    sweep_partials(folder)  # downloads cut short by a killed process
    try:
        with anyio.fail_after(total_timeout_s):
            return await _fetch(client, url, folder, max_bytes)
    except TimeoutError:
        raise BadInput(
            f"The download took longer than {total_timeout_s:g} s and was stopped.",
            hint="Download the file yourself and upload it by path.",
            code="timeout",
        ) from None
    except httpx.TimeoutException:
        raise BadInput(
            f"The link stopped answering (nothing for {timeout_s:g} s).",
            hint="Check the link, or download the file and upload it by path.",
            code="timeout",
        ) from None
    except httpx.InvalidURL:  # raised while reading a malformed Location too
        raise BadInput(
            "The link, or a redirect from it, is not a valid http(s) address.", code="bad_url"
        ) from None
    except httpx.HTTPError as exc:
        raise BadInput(
            f"Could not download the link ({type(exc).__name__}).", code="bad_url"
        ) from None
    finally:
        if own:
            await client.aclose()


async def _fetch(client: httpx.AsyncClient, url: str, folder: Path, max_bytes: int) -> Path:
    for _ in range(MAX_REDIRECTS + 1):
        await _check_url(url)
        async with client.stream("GET", url) as resp:
            _check_peer(resp)
            if resp.is_redirect:
                url = urljoin(url, resp.headers.get("location", ""))
                continue
            if resp.status_code != 200:
                raise BadInput(f"The link answered HTTP {resp.status_code}.", code="bad_url")
            declared = int(resp.headers.get("content-length") or 0)
            if declared > max_bytes:
                raise BadInput(
                    f"The linked file is {size_text(declared)}; the limit is "
                    f"{size_text(max_bytes)}.",
                    code="too_large",
                )
            target = _free_name(folder, _name_from(url))
            got = 0
            with replacing(target) as tmp, tmp.open("wb") as f:
                async for chunk in resp.aiter_bytes(1 << 16):
                    got += len(chunk)
                    if got > max_bytes:
                        raise BadInput(
                            f"The linked file is larger than {size_text(max_bytes)}.",
                            code="too_large",
                        )
                    f.write(chunk)
            return target
    raise BadInput("The link redirects too many times.", code="bad_url")
