"""Auth, headers, envelope and the whole error table, asserted on what was sent (respx)."""

from __future__ import annotations

import json
import stat
import time
import uuid
from pathlib import Path

import httpx
import pytest
import respx

import gamemusic
from gamemusic.backends.nemo import NemoBackend
from gamemusic.backends.nemo.http import detect_platform
from gamemusic.config import Settings
from gamemusic.errors import CloudError
from gamemusic.sessions import Session
from nemo.cloud import BASE, envelope

pytestmark = pytest.mark.anyio
CREDITS = envelope({"available": 100, "frozen": 0, "total": 100})


def reply(code: int, message: str = "nope", status: int = 200) -> httpx.Response:
    return httpx.Response(status, json=envelope(None, code, message))


async def test_the_first_call_gets_an_anonymous_token_with_a_client_id_and_no_bearer(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    cloud.get("/api/credits/balance/simple").respond(json=CREDITS)
    await nemo.credits()
    sent = cloud["token"].calls.last.request
    assert sent.method == "POST" and sent.url == f"{BASE}/api/auth/anonymous-token"
    assert uuid.UUID(sent.headers["x-client-id"]).version == 4
    assert "authorization" not in sent.headers
    assert sent.headers["x-skill-source"] == "video-game-music"


async def test_every_request_carries_the_bearer_token_and_the_attribution_headers(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    route = cloud.get("/api/credits/balance/simple").respond(json=CREDITS)
    await nemo.credits()
    headers = route.calls.last.request.headers
    assert headers["authorization"] == "Bearer nmv_usr_tok1"
    assert headers["x-skill-source"] == "video-game-music"
    assert headers["x-skill-version"] == gamemusic.__version__ == "1.0.0"
    assert headers["x-skill-platform"] == "unknown"
    assert "x-client-id" not in headers


async def test_the_token_is_cached_owner_only_with_its_expiry_and_reused_by_the_next_process(
    nemo: NemoBackend, cloud: respx.MockRouter, settings: Settings
) -> None:
    cloud.get("/api/credits/balance/simple").respond(json=CREDITS)
    await nemo.credits()
    cached = settings.home / "nemo" / "token.json"
    assert stat.S_IMODE(cached.stat().st_mode) == 0o600
    saved = json.loads(cached.read_text())
    assert saved["token"] == "nmv_usr_tok1"
    assert abs(saved["expires_at"] - (time.time() + 7 * 24 * 3600)) < 60
    client_id = (settings.home / "nemo" / "client_id").read_text()
    assert stat.S_IMODE((settings.home / "nemo" / "client_id").stat().st_mode) == 0o600

    again = NemoBackend(settings, base_url=BASE)
    await again.credits()
    await again.aclose()
    assert cloud["token"].call_count == 1
    assert (settings.home / "nemo" / "client_id").read_text() == client_id


async def test_an_expired_cached_token_is_replaced_before_the_request_with_the_same_client_id(
    nemo: NemoBackend, cloud: respx.MockRouter, settings: Settings
) -> None:
    route = cloud.get("/api/credits/balance/simple").respond(json=CREDITS)
    await nemo.credits()
    cached = settings.home / "nemo" / "token.json"
    saved = json.loads(cached.read_text()) | {"expires_at": time.time() - 1}
    cached.write_text(json.dumps(saved))
    later = NemoBackend(settings, base_url=BASE)
    await later.credits()
    await later.aclose()
    ids = {c.request.headers["x-client-id"] for c in cloud["token"].calls}
    assert cloud["token"].call_count == 2 and len(ids) == 1
    assert route.calls.last.request.headers["authorization"] == "Bearer nmv_usr_tok2"


async def test_nemo_token_from_the_environment_is_used_without_the_anonymous_flow(
    cloud: respx.MockRouter, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEMO_TOKEN", "nmv_usr_mine")
    route = cloud.get("/api/credits/balance/simple").respond(json=CREDITS)
    backend = NemoBackend(settings, base_url=BASE)
    await backend.credits()
    await backend.aclose()
    assert route.calls.last.request.headers["authorization"] == "Bearer nmv_usr_mine"
    assert cloud["token"].call_count == 0


async def test_nemo_api_base_from_the_environment_is_the_base_url(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEMO_API_BASE", "https://elsewhere.test/")
    monkeypatch.setenv("NEMO_TOKEN", "nmv_usr_mine")
    with respx.mock(base_url="https://elsewhere.test") as router:
        route = router.get("/api/credits/balance/simple").respond(json=CREDITS)
        backend = NemoBackend(settings)
        await backend.credits()
        await backend.aclose()
    assert route.called


def test_the_platform_header_follows_the_install_path_unless_the_environment_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gamemusic, "__file__", "/home/u/.cursor/skills/gamemusic/__init__.py")
    assert detect_platform() == "cursor"
    monkeypatch.setattr(gamemusic, "__file__", "/opt/clawhub/skills/x/gamemusic/__init__.py")
    assert detect_platform() == "clawhub"
    monkeypatch.setenv("NEMO_SKILL_PLATFORM", "cursor")
    assert detect_platform() == "cursor"
    monkeypatch.setenv("NEMO_SKILL_PLATFORM", "bogus")
    assert detect_platform() == "clawhub"
    monkeypatch.setattr(gamemusic, "__file__", "/usr/lib/python3/gamemusic/__init__.py")
    monkeypatch.delenv("NEMO_SKILL_PLATFORM")
    assert detect_platform() == "unknown"


async def test_code_1001_gets_a_new_anonymous_token_and_retries_once(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    route = cloud.get("/api/credits/balance/simple").mock(
        side_effect=[reply(1001, "token expired"), httpx.Response(200, json=CREDITS)]
    )
    assert (await nemo.credits()).available == 100
    tokens = [c.request.headers["authorization"] for c in route.calls]
    assert tokens == ["Bearer nmv_usr_tok1", "Bearer nmv_usr_tok2"]


async def test_code_1001_twice_is_an_error_after_one_re_auth(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    cloud.get("/api/credits/balance/simple").mock(return_value=reply(1001))
    with pytest.raises(CloudError) as caught:
        await nemo.credits()
    assert caught.value.cloud_code == 1001
    assert cloud["token"].call_count == 2


async def test_http_401_counts_as_a_bad_token(nemo: NemoBackend, cloud: respx.MockRouter) -> None:
    cloud.get("/api/credits/balance/simple").mock(
        side_effect=[httpx.Response(401, text="Unauthorized"), httpx.Response(200, json=CREDITS)]
    )
    assert (await nemo.credits()).available == 100
    assert cloud["token"].call_count == 2


async def test_code_1001_with_nemo_token_given_says_so_and_does_not_re_auth(
    cloud: respx.MockRouter, settings: Settings
) -> None:
    cloud.get("/api/credits/balance/simple").mock(return_value=reply(1001))
    backend = NemoBackend(settings, base_url=BASE, token="nmv_usr_secret123")
    with pytest.raises(CloudError) as caught:
        await backend.credits()
    await backend.aclose()
    assert caught.value.cloud_code == 1001
    assert "NEMO_TOKEN" in caught.value.user_text()
    assert "nmv_usr_secret123" not in caught.value.user_text()
    assert cloud["token"].call_count == 0


async def test_http_400_on_the_token_request_makes_a_new_client_id_and_retries(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    cloud["token"].mock(
        side_effect=[
            reply(400, "missing X-Client-Id", 400),
            httpx.Response(200, json=envelope({"token": "nmv_usr_ok", "user_id": "anon_1"})),
        ]
    )
    cloud.get("/api/credits/balance/simple").respond(json=CREDITS)
    await nemo.credits()
    first, second = (c.request.headers["x-client-id"] for c in cloud["token"].calls)
    assert first != second


async def test_code_429_waits_and_retries_once_then_gives_up(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    route = cloud.get("/api/credits/balance/simple").mock(
        side_effect=[reply(429, "slow down", 429), httpx.Response(200, json=CREDITS)]
    )
    assert (await nemo.credits()).available == 100
    assert route.call_count == 2
    route.mock(side_effect=None, return_value=reply(429, "slow down", 429))
    with pytest.raises(CloudError) as caught:
        await nemo.credits()
    assert caught.value.cloud_code == 429 and route.call_count == 4


async def test_code_429_waits_the_retry_delay(cloud: respx.MockRouter, settings: Settings) -> None:
    cloud.get("/api/credits/balance/simple").mock(
        side_effect=[reply(429), httpx.Response(200, json=CREDITS)]
    )
    backend = NemoBackend(settings, base_url=BASE, retry_delay=0.2)
    started = time.monotonic()
    await backend.credits()
    await backend.aclose()
    assert time.monotonic() - started >= 0.2


async def test_code_2001_for_an_anonymous_user_links_registration_bound_to_the_user(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    cloud.get("/api/credits/balance/simple").mock(return_value=reply(2001, "no credits"))
    with pytest.raises(CloudError) as caught:
        await nemo.credits()
    assert caught.value.cloud_code == 2001
    assert "https://nemovideo.com/register?bind=anon_u1" in caught.value.user_text()


async def test_code_2001_for_a_registered_user_says_top_up(
    cloud: respx.MockRouter, settings: Settings
) -> None:
    cloud.get("/api/credits/balance/simple").mock(return_value=reply(2001))
    backend = NemoBackend(settings, base_url=BASE, token="nmv_usr_paid")
    with pytest.raises(CloudError) as caught:
        await backend.credits()
    await backend.aclose()
    assert "Top up" in caught.value.user_text() and "register" not in caught.value.user_text()


@pytest.mark.parametrize(
    ("code", "status", "words"),
    [
        (402, 402, ["Register or upgrade the plan", "not about credits"]),
        (4001, 200, ["mp4, mov, avi, webm, mkv, jpg, png, gif, webp, mp3, wav, m4a or aac"]),
        (4002, 200, ["500 MB", "Trim", "compress"]),
        (1002, 200, ["session"]),
    ],
)
async def test_error_table_codes_become_one_line_messages_saying_what_to_do(
    nemo: NemoBackend, cloud: respx.MockRouter, code: int, status: int, words: list[str]
) -> None:
    cloud.get("/api/credits/balance/simple").mock(return_value=reply(code, "x", status))
    with pytest.raises(CloudError) as caught:
        await nemo.credits()
    text = caught.value.user_text()
    assert caught.value.cloud_code == code and "\n" not in text
    for word in words:
        assert word in text


async def test_an_unknown_code_is_a_clear_error_with_the_code_and_no_raw_json_or_token(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    cloud.get("/api/credits/balance/simple").mock(
        return_value=reply(5555, "quota shard\nnmv_usr_tok1 exploded")
    )
    with pytest.raises(CloudError) as caught:
        await nemo.credits()
    text = caught.value.user_text()
    assert caught.value.cloud_code == 5555 and "5555" in text
    assert "quota shard" in text and "nmv_usr" not in text and "{" not in text


async def test_an_envelope_with_http_200_and_a_non_zero_code_is_an_error(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    cloud.get("/api/credits/balance/simple").mock(
        return_value=httpx.Response(200, json={"code": 3003, "message": "odd", "data": {}})
    )
    with pytest.raises(CloudError) as caught:
        await nemo.credits()
    assert caught.value.cloud_code == 3003


async def test_an_http_error_without_an_envelope_reports_the_status(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    cloud.get("/api/credits/balance/simple").respond(502, text="<html>Bad Gateway</html>")
    with pytest.raises(CloudError) as caught:
        await nemo.credits()
    assert caught.value.cloud_code == 502 and "<html>" not in caught.value.user_text()


async def test_an_unreachable_api_is_a_cloud_error_naming_the_base_url(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    cloud.get("/api/credits/balance/simple").mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(CloudError) as caught:
        await nemo.credits()
    assert BASE in caught.value.user_text()


async def test_a_reply_of_the_wrong_shape_is_a_cloud_error_not_a_crash(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    cloud.get("/api/credits/balance/simple").respond(json=envelope({"available": "lots"}))
    with pytest.raises(CloudError):
        await nemo.credits()


async def test_credits_reports_available_frozen_total_and_the_registration_note(
    nemo: NemoBackend, cloud: respx.MockRouter
) -> None:
    cloud.get("/api/credits/balance/simple").respond(
        json=envelope({"available": 80, "frozen": 5, "total": 85})
    )
    got = await nemo.credits()
    assert (got.available, got.frozen, got.total) == (80, 5, 85)
    assert "register?bind=anon_u1" in got.note


async def test_the_cloud_session_is_created_once_with_task_name_and_language(
    nemo: NemoBackend, cloud: respx.MockRouter, clip: Path
) -> None:
    cloud.post("/api/upload-video/nemo_agent/me/7001").respond(
        json=envelope({"files": [{"filename": "a.mp4", "cdn_url": "https://cdn.test/a.mp4"}]})
    )
    session = Session(id="s-zh000001", backend="nemo", lang="zh")
    await nemo.upload(session, str(clip))
    await nemo.upload(session, str(clip))
    sent = cloud["session"].calls.last.request
    assert json.loads(sent.content) == {"task_name": "project", "language": "zh"}
    assert sent.headers["authorization"] == "Bearer nmv_usr_tok1"
    assert cloud["session"].call_count == 1
    assert session.cloud == {"session_id": "7001", "task_id": "t1", "user_id": "anon_u1"}


async def test_the_token_never_reaches_the_log(
    nemo: NemoBackend, cloud: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    cloud["token"].mock(
        side_effect=[
            httpx.Response(200, json=envelope({"tokn": "nmv_usr_first", "user_id": "anon_1"})),
            httpx.Response(200, json=envelope({"token": "nmv_usr_second", "user_id": 2})),
            httpx.Response(200, json=envelope({"token": "nmv_usr_third", "user_id": "anon_3"})),
        ]
    )
    cloud.get("/api/credits/balance/simple").mock(
        side_effect=[reply(1001), httpx.Response(200, json=CREDITS)]
    )
    with pytest.raises(CloudError):
        await nemo.credits()  # the first token reply is malformed
    await nemo.credits()
    assert caplog.records and "nmv_usr_" not in caplog.text
