"""The MCP App in a real browser (Debian's chromium driven by Playwright), inside a minimal host
page (tests/ui/host.html) that speaks the Apps bridge to the real server through an in-memory
`mcp.Client`: the session's tracks render, a style chip changes the draft, the preview plays,
the Export button finishes a render, nothing is fetched from the network, and screenshots at
400 and 1000 px in light and dark themes go to docs/app-*.png."""

from __future__ import annotations

import json
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from mcp import Client
from mcp.client.extension import advertise
from mcp.shared.exceptions import MCPError

from gamemusic.config import Settings
from gamemusic.mcp_server import APP_URI, build_server
from helpers import ffmpeg

playwright = pytest.importorskip(
    "playwright.async_api", reason="Playwright for Python is not installed (pip install playwright)"
)
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [
    pytest.mark.anyio,
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason="Debian's chromium is not installed (apt-get install -y chromium)",
    ),
]
ROOT = Path(__file__).resolve().parents[1]
HOST_PAGE = (Path(__file__).parent / "ui" / "host.html").read_text("utf-8")
HOST, APP = "http://host.test/host.html", "http://app.test/app.html"
# What the Apps spec tells hosts to apply when a ui:// resource declares no CSP.
DEFAULT_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; media-src 'self' data:; connect-src 'none'"
)
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--autoplay-policy=no-user-gesture-required",
]  # fmt: skip
APPS = advertise("io.modelcontextprotocol/ui", {"mimeTypes": ["text/html;profile=mcp-app"]})
WAIT_MS = 60_000


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[Client]:
    async with Client(build_server(Settings.from_env()), extensions=[APPS]) as c:
        yield c


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    async with playwright.async_playwright() as pw:
        b = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            await b.close()


def make_clip(
    path: Path, seconds: int = 14, loud: tuple[int, int] = (6, 9), cuts: str = "4.2,9.6"
) -> Path:
    """1080p at 10 fps (the export copies it), a tone that is loud only in `loud`, and
    keyframes forced at `cuts` that read as scene cuts."""
    a, b = loud
    ffmpeg(
        "-f", "lavfi", "-i", f"testsrc2=size=1920x1080:rate=10:duration={seconds}",
        "-f", "lavfi", "-i", f"sine=frequency=330:sample_rate=48000:duration={seconds}",
        "-af", f"volume='if(between(t,{a},{b}),1.0,0.05)':eval=frame",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "30",
        "-sc_threshold", "0", "-force_key_frames", cuts,
        "-c:a", "aac", "-ac", "2", "-shortest", str(path),
    )  # fmt: skip
    return path


async def call(client: Client, tool: str, **args: Any) -> Any:
    result = await client.call_tool(tool, args)
    assert not result.is_error, result.content
    return result


async def new_session(
    client: Client, tmp_path: Path, *sentences: str, long: bool = False
) -> tuple[str, Any]:
    name = tmp_path / "ranked match.mp4"
    src = make_clip(name, 45, (26, 31), "8.2,19.6,33.1") if long else make_clip(name)
    up = await call(client, "upload", path=str(src))
    sid = up.structured_content["session_id"]
    last = up
    for sentence in sentences:
        last = await call(client, "edit", session_id=sid, instruction=sentence)
    return sid, last


async def open_app(
    browser: Any, client: Client, initial: dict[str, Any], *, width: int, theme: str = "light"
) -> tuple[Any, Any, list[str]]:
    """A page with the host and the App in it; returns (page, app frame, requested URLs)."""
    page = await browser.new_page(viewport={"width": width, "height": 900})
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    app_html = (await client.read_resource(APP_URI)).contents[0].text

    async def serve(route: Any) -> None:
        url = route.request.url
        if url.startswith(HOST):
            await route.fulfill(body=HOST_PAGE, content_type="text/html")
        elif url.startswith(APP):
            await route.fulfill(
                body=app_html, content_type="text/html", headers={"Content-Security-Policy": DEFAULT_CSP}
            )
        else:
            await route.abort()

    async def relay(raw: str) -> str:
        msg = json.loads(raw)
        params = msg.get("params") or {}
        try:
            if msg["method"] == "tools/call":
                result = await client.call_tool(params["name"], params.get("arguments") or {})
            elif msg["method"] == "resources/read":
                result = await client.read_resource(params["uri"])
            else:
                return json.dumps({"error": {"code": -32601, "message": "not relayed"}})
        except MCPError as exc:
            return json.dumps({"error": {"code": exc.error.code, "message": exc.error.message}})
        return json.dumps({"result": result.model_dump(by_alias=True, mode="json", exclude_none=True)})

    await page.route("**/*", serve)
    await page.expose_function("mcpRelay", relay)
    await page.add_init_script(f"window.INITIAL = {json.dumps(initial)};")
    await page.goto(f"{HOST}?theme={theme}&app={APP}")
    frame = page.frame_locator("#app")
    return page, frame, requested


def initial_call(name: str, arguments: dict[str, Any], result: Any) -> dict[str, Any]:
    return {
        "name": name,
        "arguments": arguments,
        "result": result.model_dump(by_alias=True, mode="json", exclude_none=True),
    }


async def wait_for_preview(page: Any) -> Any:
    """The preview's media element once it knows its duration."""
    frame = page.frame(url=lambda u: u.startswith(APP))
    await frame.wait_for_function(
        "() => { const m = document.getElementById('preview-media'); return m && m.duration > 0; }",
        timeout=WAIT_MS,
    )
    return frame


async def test_the_app_shows_the_tracks_edits_the_style_previews_and_exports(
    browser: Any, client: Client, tmp_path: Path
) -> None:
    sid, edited = await new_session(client, tmp_path, "add retro chiptune background music")
    args = {"session_id": sid, "instruction": "add retro chiptune background music"}
    page, app, requested = await open_app(
        browser, client, initial_call("edit", args, edited), width=1000
    )

    # The session's tracks render: the video and the music with its volume and ducking.
    music = app.locator(".track[data-track=music] .bar")
    await music.wait_for(timeout=WAIT_MS)
    assert await app.locator(".track[data-track=video] .bar").count() == 1
    assert "Retro Chiptune" in await music.inner_text()
    assert await music.locator("[data-role=volume]").inner_text() == "35%"
    assert "8 dB" in await music.locator("[data-role=duck]").inner_text()

    # The preview plays: its media reaches a duration and its clock moves.
    frame = await wait_for_preview(page)
    assert await frame.evaluate("document.getElementById('preview-media').duration") > 10
    await frame.evaluate("() => { const m = document.getElementById('preview-media'); m.muted = true; return m.play(); }")
    await frame.wait_for_function(
        "() => document.getElementById('preview-media').currentTime > 0.2", timeout=WAIT_MS
    )
    assert await app.locator("[data-role=cut]").count() == 2  # the forced keyframes

    # A style chip calls edit; the draft changes (read back through state).
    await app.locator(".chip[data-style=boss]").click()
    await app.locator(".chip[data-style=boss][aria-pressed=true]").wait_for(timeout=WAIT_MS)
    state = (await call(client, "state", session_id=sid)).structured_content
    bgm = next(t for t in state["draft"]["t"] if t["tt"] == 1)
    assert bgm["m"]["style"] == "boss"
    assert "Boss Battle" in await music.inner_text()

    # The volume slider edits the draft too.
    idle = "() => !document.getElementById('take').disabled"
    await frame.wait_for_function(idle, timeout=WAIT_MS)
    await frame.evaluate(
        "() => { const v = document.getElementById('volume'); v.value = 60;"
        " v.dispatchEvent(new Event('change')); }"
    )
    await music.locator("[data-role=volume]:has-text('60%')").wait_for(timeout=WAIT_MS)
    state = (await call(client, "state", session_id=sid)).structured_content
    assert next(t for t in state["draft"]["t"] if t["tt"] == 1)["m"]["volume"] == 0.6

    # Export finishes a render and says where the MP4 is.
    await frame.wait_for_function(idle, timeout=WAIT_MS)
    await app.locator("#export").click()
    status = app.locator("#export-status")
    await app.locator("#export-status:has-text('Ready:')").wait_for(timeout=WAIT_MS)
    path = (await status.inner_text()).split("Ready: ", 1)[1].strip()
    assert Path(path).exists() and Path(path).stat().st_size > 0
    assert await app.locator("#export-progress").get_attribute("value") == "1"

    # A result that carries stingers gets them marked; a theme change from the host applies.
    await page.evaluate(
        "sid => toApp({ method: 'ui/notifications/tool-result', params: { content: [],"
        " structuredContent: { session_id: sid, stingers: [{ time_s: 7.5 }] } } })",
        sid,
    )
    await app.locator("[data-role=stinger]").wait_for(state="attached", timeout=WAIT_MS)
    assert await app.locator("#legend-stingers").is_visible()
    await page.evaluate(
        "toApp({ method: 'ui/notifications/host-context-changed', params: { theme: 'dark' } })"
    )
    await app.locator("html[data-theme=dark]").wait_for(state="attached", timeout=WAIT_MS)

    # Nothing but the two pages was requested: the App is self-contained.
    assert {u.split("?")[0] for u in requested} <= {HOST, APP}
    await page.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_screenshots_at_400_and_1000_px_in_light_and_dark(
    browser: Any, client: Client, tmp_path: Path, lang: str
) -> None:
    if lang == "zh":
        sentences = ("加复古芯片背景音乐", "加字幕“最终决战”")
    else:
        sentences = ("add retro chiptune background music", 'add a title "Boss Rush" for the first 3 seconds')
    sid, _ = await new_session(client, tmp_path, *sentences, long=True)
    state = await call(client, "state", session_id=sid)
    shots = [(400, "light"), (1000, "dark")] if lang == "zh" else [
        (400, "light"), (400, "dark"), (1000, "light"), (1000, "dark")
    ]
    for width, theme in shots:
        page, app, _ = await open_app(
            browser, client, initial_call("state", {"session_id": sid}, state), width=width, theme=theme
        )
        await wait_for_preview(page)
        await app.locator("#status:empty").wait_for(timeout=WAIT_MS)
        heading = await app.locator("h1").inner_text()
        assert heading == ("游戏配乐" if lang == "zh" else "Video Game Music")
        assert await app.locator(".track[data-track=title] .bar").count() == 1
        # At 400 px nothing runs off the side: the App fits its frame's width.
        frame = page.frame(url=lambda u: u.startswith(APP))
        overflow = await frame.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        suffix = "" if lang == "en" else "-zh"
        out = ROOT / "docs" / f"app-{width}-{theme}{suffix}.png"
        await page.screenshot(path=str(out), full_page=True)
        assert out.stat().st_size > 10_000
        await page.close()
