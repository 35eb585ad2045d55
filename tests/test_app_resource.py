"""The MCP App as a client sees it without a browser: the ui:// resource, the tools bound to
it, the advertised extension, and results that do not depend on whether the client renders
Apps (graceful degradation)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from mcp import Client
from mcp.client.extension import advertise

from gamemusic.config import Settings
from gamemusic.mcp_server import APP_URI, build_server
from helpers import make_video

pytestmark = pytest.mark.anyio
APPS = advertise("io.modelcontextprotocol/ui", {"mimeTypes": ["text/html;profile=mcp-app"]})


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def server(tmp_path: Path) -> Any:
    return build_server(Settings.from_env())


async def test_session_tools_point_at_one_app_resource_served_as_an_mcp_app(server: Any) -> None:
    async with Client(server) as client:
        tools = {t.name: t for t in (await client.list_tools()).tools}
        read = await client.read_resource(APP_URI)
        caps = client.server_capabilities
    bound = {name for name, t in tools.items() if (t.meta or {}).get("ui")}
    assert bound == {"upload", "edit", "state", "export", "preview"}
    assert {t.meta["ui"]["resourceUri"] for n, t in tools.items() if n in bound} == {APP_URI}
    assert "io.modelcontextprotocol/ui" in (caps.extensions or {})
    page = read.contents[0]
    assert page.mime_type == "text/html;profile=mcp-app"
    html = page.text
    assert html.lstrip().lower().startswith("<!doctype html>")
    # Self-contained: no external scripts, styles, fonts or fetches; a CSP that allows none.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert not re.search(r"@import|url\(\s*['\"]?https?:|fetch\(|XMLHttpRequest|WebSocket", html)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp and "default-src 'none'" in csp.group(1) and "connect-src 'none'" in csp.group(1)


async def test_clients_with_and_without_apps_get_the_same_session_results(
    server: Any, tmp_path: Path
) -> None:
    src = make_video(tmp_path / "clip.mp4", seconds=2)
    async with Client(server) as plain:
        up = await plain.call_tool("upload", {"path": str(src)})
        sid = up.structured_content["session_id"]
        await plain.call_tool("edit", {"session_id": sid, "instruction": "add lofi music"})
        without = await plain.call_tool("state", {"session_id": sid})
    async with Client(server, extensions=[APPS]) as app_host:
        with_apps = await app_host.call_tool("state", {"session_id": sid})
    assert without.structured_content == with_apps.structured_content
    assert [c.text for c in without.content] == [c.text for c in with_apps.content]
    assert without.structured_content["lang"] == "en"
