"""A cloud render after it was posted: poll it until it has a download link, then download.

Faults keep the render id on the job so the next export follows the same render: up to
`UNREADABLE_POLLS - 1` unreadable polls in a row (bad JSON, 5xx, unreachable) are waited
out, then one clear error; "completed" without a link and a failed download are errors too.
Only a render the cloud reports failed, or no longer knows (404), loses its id.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

import anyio
import httpx
from pydantic import ValidationError

from gamemusic.backends.base import Progress, Rendered
from gamemusic.backends.nemo.clock import Clock
from gamemusic.backends.nemo.http import NemoApi, one_line
from gamemusic.backends.nemo.models import DONE, FAILED, RenderInfo, RenderPoll
from gamemusic.errors import BadInput, CloudError
from gamemusic.media.probe import inspect_media
from gamemusic.sessions import Job

RENDER_WAIT_S = 3600.0
UNREADABLE_POLLS = 4  # in a row, before giving up (the render id is kept for a resume)


async def _poll(api: NemoApi, render_id: str) -> RenderInfo | None:
    """One look at the render; None when the reply could not be read (a hiccup)."""
    try:
        async with api.open("GET", f"/api/render/proxy/lambda/{render_id}") as reply:
            return RenderPoll.model_validate_json(reply.content).merged()
    except ValidationError:
        return None
    except CloudError as exc:
        if exc.cloud_code == 404:
            raise CloudError(
                f"NemoVideo no longer knows the render {render_id}.",
                hint="Call export again to start a new render.",
                cloud_code=404,
            ) from None
        if exc.cloud_code is None or exc.cloud_code >= 500:
            return None  # unreachable, or the server's own trouble: look again later
        raise


async def wait_for_render(
    api: NemoApi, job: Job, progress: Progress, *, poll_interval: float, clock: Clock
) -> str:
    """Poll the job's render until it has a download link; the render id stays on the job
    through every fault but a failed or forgotten render."""
    render_id = job.cloud_render_id or ""
    deadline = clock.now() + RENDER_WAIT_S
    unreadable = 0
    while True:
        try:
            info = await _poll(api, render_id)
        except CloudError as exc:
            if exc.cloud_code == 404:
                job.cloud_render_id = None
            raise
        unreadable = 0 if info is not None else unreadable + 1
        if unreadable >= UNREADABLE_POLLS:
            raise CloudError(
                f"NemoVideo's render status could not be read {UNREADABLE_POLLS} times in a row.",
                hint="Call export again later; it resumes the same render.",
            )
        info = info or RenderInfo(status="unknown")
        status = (info.status or "pending").lower()
        if status in DONE and info.url:
            return info.url
        if status in FAILED:
            job.cloud_render_id = None
            reason = one_line(str(info.error)) if info.error else ""
            raise CloudError(
                "NemoVideo could not render the video" + (f": {reason}." if reason else "."),
                hint="Call export again to start a new render.",
                cloud_code=None,
            )
        if status in DONE:
            raise CloudError(
                "NemoVideo finished the render but sent no download link.",
                hint="Call export again; it checks the same render once more.",
            )
        if clock.now() > deadline:
            raise CloudError(
                "The NemoVideo render is still not finished after an hour.",
                hint="Call export again later; it resumes the same render.",
            )
        done = info.progress / 100 if (info.progress or 0) > 1 else (info.progress or 0)
        await progress(0.05 + 0.8 * min(done, 1.0), f"Rendering on NemoVideo ({status})...")
        await clock.sleep(poll_interval)


async def download(api: NemoApi, url: str, out_path: Path, progress: Progress) -> Rendered:
    """Fetch the rendered MP4 into `out_path` atomically, checked to be a playable video."""
    url = api.url(url)
    headers: dict[str, str] = {}
    if api.same_origin(url):  # never hand the token to a CDN
        headers = {**api.headers(), "Authorization": f"Bearer {await api.token()}"}
    out_path.parent.mkdir(parents=True, exist_ok=True)
    part = out_path.with_name(f".{out_path.name}.{secrets.token_hex(4)}.part")
    try:
        async with api.client.stream("GET", url, headers=headers, follow_redirects=True) as reply:
            if reply.status_code != 200:
                raise CloudError(
                    f"Downloading the rendered video failed (HTTP {reply.status_code}).",
                    hint="Call export again; it resumes the same render.",
                    cloud_code=reply.status_code,
                )
            total, got, step = int(reply.headers.get("content-length") or 0), 0, 0
            with open(part, "wb") as f:
                async for chunk in reply.aiter_bytes(1 << 16):
                    f.write(chunk)
                    got += len(chunk)
                    if total and got * 10 // total > step:
                        step = got * 10 // total
                        await progress(0.85 + 0.15 * got / total, "Downloading the MP4...")
        info = await anyio.to_thread.run_sync(inspect_media, part)
        os.replace(part, out_path)
    except httpx.TransportError as exc:
        raise CloudError(
            f"The download of the rendered video broke off ({type(exc).__name__}).",
            hint="Call export again; it resumes the same render.",
        ) from None
    except BadInput:
        raise CloudError(
            "NemoVideo's rendered file is not a playable video.",
            hint="Call export again to try once more.",
        ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
    await progress(1.0, f"Saved {out_path.name}.")
    return Rendered(out_path, info.duration_s, info.width, info.height, info.size_bytes)
