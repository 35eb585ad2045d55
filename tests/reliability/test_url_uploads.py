"""URL uploads: http(s) only, no redirect to another scheme or a private address, a size cap
while streaming, read and total timeouts. The test server runs on 127.0.0.1, which is itself
private: refusals are tested with GAMEMUSIC_ALLOW_PRIVATE_URLS unset, downloads with it set."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from mcp import Client

from gamemusic.config import Settings
from gamemusic.errors import BadInput
from gamemusic.mcp_server import build_server
from gamemusic.media.fetch import download

pytestmark = pytest.mark.anyio


class Site:
    def __init__(self, clip: bytes):
        self.clip = clip
        self.paths: list[str] = []
        self.stop = threading.Event()
        self.base = ""


def handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, format: str, *args: Any) -> None:
            return None

        def send(self, status: int, headers: dict[str, str]) -> None:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()

        def do_GET(self) -> None:
            site.paths.append(self.path)
            path = self.path
            if path == "/clip.mp4":
                self.send(200, {"Content-Length": str(len(site.clip))})
                self.wfile.write(site.clip)
            elif path.startswith("/to/"):
                self.send(302, {"Location": path.removeprefix("/to/")})
            elif path == "/endless.mp4":  # no Content-Length: the body ends when we close
                self.send(200, {"Content-Type": "video/mp4"})
                for _ in range(200):
                    if site.stop.is_set():
                        return
                    self.wfile.write(b"\0" * 65536)
            elif path == "/declared-huge.mp4":
                self.send(200, {"Content-Length": str(21 * 2**30)})
                site.stop.wait(10)
            elif path == "/stall.mp4":
                self.send(200, {"Content-Length": "1000"})
                site.stop.wait(10)
            elif path == "/trickle.mp4":
                self.send(200, {"Content-Length": "100000"})
                while not site.stop.wait(0.05):
                    self.wfile.write(b"\0")
                    self.wfile.flush()
            else:
                self.send(404, {"Content-Length": "0"})

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        return None  # clients hanging up mid-body is what several tests do


@pytest.fixture
def site(small_clip: Path) -> Iterator[Site]:
    site = Site(small_clip.read_bytes())
    server = QuietServer(("127.0.0.1", 0), handler_for(site))
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield site
    site.stop.set()
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture
def allow_private(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GAMEMUSIC_ALLOW_PRIVATE_URLS", "1")


async def upload_url(url: str, **args: Any) -> tuple[bool, str, dict[str, Any] | None]:
    async with Client(build_server(Settings.from_env())) as client:
        result = await client.call_tool("upload", {"url": url, **args})
    text = " ".join(c.text for c in result.content if c.type == "text")
    return result.is_error, text, result.structured_content


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("file:///etc/passwd", "'file:'"),
        ("ftp://example.com/clip.mp4", "'ftp:'"),
        ("data:video/mp4;base64,AAAAIGZ0eXBpc29t", "'data:'"),
        ("javascript:alert(1)", "'javascript:'"),
        ("example.com/clip.mp4", "a link without a scheme"),
    ],
)
async def test_only_http_and_https_links_are_accepted(url: str, scheme: str) -> None:
    is_error, text, _ = await upload_url(url)
    assert is_error
    assert f"Only http and https links can be uploaded, not {scheme}." in text


async def test_a_link_to_this_machine_is_refused_without_being_requested(site: Site) -> None:
    is_error, text, _ = await upload_url(f"{site.base}/clip.mp4")
    assert is_error
    assert "The link points to a private or local address (127.0.0.1)." in text
    assert site.paths == []


async def test_an_allowed_local_link_uploads_and_a_second_one_keeps_the_first(
    site: Site, allow_private: None
) -> None:
    async with Client(build_server(Settings.from_env())) as client:
        first = await client.call_tool("upload", {"url": f"{site.base}/to//clip.mp4"})
        assert not first.is_error, first.content
        sid = first.structured_content["session_id"]  # type: ignore[index]
        again = await client.call_tool(
            "upload", {"url": f"{site.base}/clip.mp4", "session_id": sid}
        )
        assert not again.is_error, again.content
        state = (await client.call_tool("state", {"session_id": sid})).structured_content
    assert state is not None
    assert [m["name"] for m in state["media"]] == ["clip.mp4", "clip-2.mp4"]
    assert all(m["duration_s"] == pytest.approx(2, abs=0.05) for m in state["media"])


@pytest.mark.parametrize(
    ("target", "said"),
    [
        ("file:///etc/passwd", "Only http and https links can be uploaded, not 'file:'."),
        ("ftp://127.0.0.1/clip.mp4", "Only http and https links can be uploaded, not 'ftp:'."),
        ("data:,x", "The link, or a redirect from it, is not a valid http(s) address."),
    ],
)
async def test_a_redirect_to_another_scheme_is_refused(
    target: str, said: str, site: Site, allow_private: None
) -> None:
    is_error, text, _ = await upload_url(f"{site.base}/to/{target}")
    assert is_error
    assert said in text
    assert site.paths == [f"/to/{target}"]


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1/clip.mp4",
        "http://10.0.0.5/clip.mp4",
        "http://192.168.1.1/clip.mp4",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/clip.mp4",
        "http://[::ffff:127.0.0.1]/clip.mp4",
    ],
)
async def test_a_redirect_from_a_public_host_to_a_private_address_is_refused(
    target: str, tmp_path: Path
) -> None:
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(302, headers={"Location": target})

    async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as client:
        with pytest.raises(BadInput) as caught:
            await download("http://1.1.1.1/clip.mp4", tmp_path / "dl", client=client)
    assert caught.value.message.startswith("The link points to a private or local address")
    assert seen == ["http://1.1.1.1/clip.mp4"]
    assert list((tmp_path / "dl").iterdir()) == []


async def test_a_name_that_resolves_public_but_connects_to_this_machine_gets_nothing(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the check sees a public address, the connection goes to 127.0.0.1."""
    port = int(site.base.rsplit(":", 1)[1])

    async def public(host: str, port_: int, **kw: Any) -> list[Any]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port_))]

    monkeypatch.setattr(anyio, "getaddrinfo", public)
    with pytest.raises(BadInput) as caught:
        await download(f"http://localhost:{port}/clip.mp4", tmp_path / "dl")
    assert caught.value.message == "The link points to a private or local address (127.0.0.1)."
    assert list((tmp_path / "dl").iterdir()) == []


async def test_a_body_without_a_length_is_cut_off_at_the_cap(
    site: Site, tmp_path: Path, allow_private: None
) -> None:
    with pytest.raises(BadInput) as caught:
        await download(f"{site.base}/endless.mp4", tmp_path / "dl", max_bytes=2**20)
    assert caught.value.code == "too_large"
    assert caught.value.message == "The linked file is larger than 1 MB."
    assert list((tmp_path / "dl").iterdir()) == [], "the partial download was removed"


async def test_a_declared_size_over_the_cap_is_refused_before_reading(
    site: Site, allow_private: None
) -> None:
    with anyio.fail_after(10):
        is_error, text, _ = await upload_url(f"{site.base}/declared-huge.mp4")
    assert is_error
    assert "The linked file is 21.0 GB; the limit is 20.0 GB." in text


async def test_a_link_that_stops_answering_times_out(
    site: Site, tmp_path: Path, allow_private: None
) -> None:
    with pytest.raises(BadInput) as caught:
        await download(f"{site.base}/stall.mp4", tmp_path / "dl", timeout_s=0.3)
    assert caught.value.message == "The link stopped answering (nothing for 0.3 s)."
    assert list((tmp_path / "dl").iterdir()) == []


async def test_a_download_that_trickles_stops_at_the_total_time_limit(
    site: Site, tmp_path: Path, allow_private: None
) -> None:
    with pytest.raises(BadInput) as caught:
        await download(f"{site.base}/trickle.mp4", tmp_path / "dl", total_timeout_s=0.5)
    assert caught.value.message == "The download took longer than 0.5 s and was stopped."
    assert list((tmp_path / "dl").iterdir()) == []
