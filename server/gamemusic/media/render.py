"""Encode the final MP4 with ffmpeg: the picture (copied or scaled/padded to 1080p, titles
drawn) and our mixed soundtrack fed through stdin.

Fast path: H.264 yuv420p input already at the target size, unrotated and with no titles
keeps its video stream untouched; the soundtrack arrives as AAC frames encoded in parts at
once (media/aac.py) and is copied too. Everything else is scaled and padded (never
stretched) with libx264 at a constant frame rate, ffmpeg encoding the raw float32 soundtrack
beside it. The MP4's index goes into space reserved at the front (faststart, one pass).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import anyio
import numpy as np

from gamemusic.errors import BadInput, RenderError
from gamemusic.media import aac, ffmpeg
from gamemusic.media.meter import SR, Measured, Meter
from gamemusic.media.probe import MediaInfo

COPYABLE_CONTAINERS = ("mp4", "mov", "mkv")
CHECK_NEAR = 10 ** (-4.0 / 20)  # true peaks measured where the sample peak is over -4 dBFS


@dataclass(frozen=True)
class Title:
    text: str
    start_s: float
    end_s: float
    position: str = "center"


@dataclass(frozen=True)
class EncodeOptions:
    width: int
    height: int
    fps: float = 30.0
    preset: str = "veryfast"
    crf: int = 20
    audio_bitrate: str = aac.BITRATE
    titles: tuple[Title, ...] = ()
    font: Path | None = None
    timeout_s: float | None = None


def target_size(info: MediaInfo, aspect: str | None) -> tuple[int, int]:
    """1920x1080 for landscape, 1080x1920 for vertical, 1080x1080 square; auto follows input."""
    if aspect == "9:16":
        return 1080, 1920
    if aspect == "16:9":
        return 1920, 1080
    if aspect == "1:1":
        return 1080, 1080
    return (1080, 1920) if info.vertical else (1920, 1080)


def output_fps(info: MediaInfo) -> float:
    if info.kind != "video" or not info.fps or info.fps > 120 or info.fps < 1:
        return 30.0
    return round(info.fps, 3)


def can_copy(info: MediaInfo, opts: EncodeOptions) -> bool:
    return (
        info.kind == "video"
        and info.container in COPYABLE_CONTAINERS
        and info.video_codec == "h264"
        and info.pix_fmt in ("yuv420p", "yuvj420p")
        and (info.width, info.height) == (opts.width, opts.height)
        and info.rotation == 0
        and not opts.titles
    )


def _escape_text(text: str) -> str:
    """drawtext's text= value, escaped for the filtergraph and for drawtext itself."""
    out = text.replace("\\", "\\\\\\\\").replace("'", "\u2019").replace("%", "\\\\%")
    return out.replace(":", "\\:").replace(",", "\\,").replace(";", "\\;")


def title_size(text: str, width: int, height: int) -> int:
    """Font size in pixels: 1/12 of the short side, smaller for text that would not fit in
    90% of the width (wide CJK glyphs count about 1 em, others about 0.6)."""
    ems = sum(1.0 if ord(c) > 0x2E7F else 0.6 for c in text) or 1.0
    return max(24, min(min(width, height) // 12, int(0.9 * width / ems)))


def _title_filter(title: Title, font: Path | None, width: int, height: int) -> str:
    size = title_size(title.text, width, height)
    y = {"top": "h*0.08", "bottom": "h*0.82-text_h", "center": "(h-text_h)/2"}[title.position]
    font_arg = f"fontfile='{font.as_posix()}':" if font else ""
    return (
        f"drawtext={font_arg}text='{_escape_text(title.text)}':fontsize={size}:fontcolor=white:"
        f"borderw={max(2, size // 16)}:bordercolor=black@0.8:x=(w-text_w)/2:y={y}:"
        f"enable='between(t\\,{title.start_s:.3f}\\,{title.end_s:.3f})'"
    )


def _picture_inputs(info: MediaInfo, duration_s: float, fps: float) -> list[str]:
    if info.kind == "video":
        return [*ffmpeg.WHITELIST, "-f", info.demuxer, "-i", str(info.path)]
    if info.container == "gif":
        return [*ffmpeg.WHITELIST, "-ignore_loop", "0", "-f", "gif", "-i", str(info.path)]
    if info.kind == "image":
        return [
            *ffmpeg.WHITELIST,
            "-loop",
            "1",
            "-framerate",
            f"{fps:g}",
            "-f",
            info.demuxer,
            "-i",
            str(info.path),
        ]
    raise BadInput("An audio file has no picture.", code="unsupported")  # handled by caller


def _video_filters(info: MediaInfo, opts: EncodeOptions) -> list[str]:
    w, h = opts.width, opts.height
    chain = [
        f"scale={w}:{h}:force_original_aspect_ratio=decrease:flags=bicubic",
        f"pad={w}:{h}:(ow-iw)/2:(oh-ih)/2:color=black",
        "setsar=1",
        f"fps={opts.fps:g}",
        "tpad=stop_mode=clone:stop=-1",  # hold the last frame; -t ends the clip on time
        *(_title_filter(t, opts.font, w, h) for t in opts.titles),
        "format=yuv420p",
    ]
    return chain


def _x264(opts: EncodeOptions) -> list[str]:
    return ["-c:v", "libx264", "-preset", opts.preset, "-crf", str(opts.crf),
            "-pix_fmt", "yuv420p"]  # fmt: skip


def _waveform_graph(opts: EncodeOptions, duration_s: float) -> str:
    """A simple visual for a sound file: the finished soundtrack's waveform, drawn from the
    audio we send (input 0, split so the same samples are also the output's sound)."""
    w, h, fps = opts.width, opts.height, f"{opts.fps:g}"
    titles = "".join("," + _title_filter(t, opts.font, w, h) for t in opts.titles)
    return (
        f"[0:a]asplit=2[wave][a];"
        f"color=c=0x10141c:s={w}x{h}:r={fps}:d={duration_s:.3f}[bg];"
        f"[wave]showwaves=s={w}x{h // 2}:mode=cline:draw=full:scale=sqrt:rate={fps}"
        f":colors=0x5ec8ff|0xb06cff[w];"
        f"[bg][w]overlay=0:(H-h)/2:shortest=1{titles},format=yuv420p[v]"
    )


def moov_reserve(duration_s: float, fps: float) -> int:
    """Bytes to reserve for the MP4 index at the front of the file, so it needs no second
    pass to move it there (faststart): ~11 bytes per packet measured; 24 reserved, for video
    frames at 1.5x the average rate plus AAC frames, and 64 KB."""
    packets = duration_s * (1.5 * max(fps, 1.0) + SR / aac.FRAME)
    return int(24 * packets) + 65536


def build_args(
    info: MediaInfo,
    out: Path,
    duration_s: float,
    opts: EncodeOptions,
    *,
    adts: bool = False,
    reserve: bool = True,
) -> list[str]:
    """The ffmpeg arguments (without the executable) for one render. The soundtrack arrives on
    stdin as raw float32 to be encoded, or (`adts`) as ready AAC frames to be copied. The index
    goes in front: into reserved space (`reserve`), or by ffmpeg's faststart rewrite."""
    if adts:
        audio_in = ["-itsoffset", f"-{aac.PRIMING_S:.6f}", "-f", "aac", "-i", "pipe:0"]
        audio_codec = ["-c:a", "copy"]
    else:
        audio_in = aac.PCM_IN
        audio_codec = [*aac.codec_args(opts.audio_bitrate), "-ar", str(SR)]
    copy = info.kind != "audio" and can_copy(info, opts)
    fps = info.fps if copy else opts.fps
    front_index = (
        ["-moov_size", str(moov_reserve(duration_s, fps))] if reserve
        else ["-movflags", "+faststart"]
    )  # fmt: skip
    if info.kind == "audio":
        inputs = audio_in
        maps = ["-filter_complex", _waveform_graph(opts, duration_s), "-map", "[v]",
                "-map", "[a]"]  # fmt: skip
        video_codec = _x264(opts)
    else:
        inputs = [*_picture_inputs(info, duration_s, opts.fps), *audio_in]
        maps = ["-map", "0:v:0", "-map", "1:a:0"]
        if copy:
            video_codec = ["-c:v", "copy"]
        else:
            maps += ["-vf", ",".join(_video_filters(info, opts))]
            video_codec = [*_x264(opts), "-fps_mode", "cfr"]
    return [
        *inputs, *maps, *video_codec, *audio_codec,
        "-t", f"{duration_s:.6f}", "-map_metadata", "-1", "-map_chapters", "-1", "-sn", "-dn",
        *front_index, "-f", "mp4", "-y", str(out),
    ]  # fmt: skip


Soundtrack = Callable[[], AsyncIterator[np.ndarray]]


async def _check_adts(frames: asyncio.Queue[bytes | None], meter: Meter) -> None:
    """Decode the AAC frames the render copies (an ffmpeg child) into `meter`: the output's
    audio as a player will hear it, measured while the render runs. It comes as 16-bit PCM (half
    the bytes): a peak over full scale reads as full scale, still over the -1 dBTP limit."""
    buf = bytearray()

    async def feed(stdin: asyncio.StreamWriter) -> None:
        while (chunk := await frames.get()) is not None:
            stdin.write(chunk)
            await stdin.drain()

    def pcm(raw: bytes) -> np.ndarray:
        return np.frombuffer(raw, dtype="<i2").reshape(-1, 2) * np.float32(1 / 32768)

    async def take(chunk: bytes) -> None:
        buf.extend(chunk)
        if len(buf) >= SR * 4:
            whole = len(buf) // 4 * 4
            data = pcm(bytes(buf[:whole]))
            del buf[:whole]
            await anyio.to_thread.run_sync(meter.feed, data)

    await ffmpeg.run(
        ["-f", "aac", "-i", "pipe:0", "-ac", "2", "-ar", str(SR), "-f", "s16le", "pipe:1"],
        feed=feed, on_stdout=take, what="Checking the audio",
    )  # fmt: skip
    if whole := len(buf) // 4 * 4:
        meter.feed(pcm(bytes(buf[:whole])))


async def encode(
    info: MediaInfo,
    soundtrack: Soundtrack,
    n: int,
    out: Path,
    opts: EncodeOptions,
    *,
    on_progress: Callable[[float], Awaitable[None]] | None = None,
) -> Measured | None:
    """Write `out` atomically from `info`'s picture and the soundtrack: `soundtrack()` gives
    its (m, 2) float32 48 kHz blocks, n samples in all (the output's duration); it is called
    again if the render has to start over.

    When the picture is copied, AAC encoding is the bottleneck: the soundtrack is then encoded
    in parts at once (media/aac.py), the frames are copied into the MP4 as they come, and
    decoded again on the side: the result is the output's audio measured (loudness, true
    peak). Otherwise ffmpeg encodes the audio itself, beside libx264, and None is returned."""
    duration_s = n / SR
    split = can_copy(info, opts)
    measured: Meter | None = None

    async def feed_pcm(stdin: asyncio.StreamWriter) -> None:
        blocks = soundtrack()
        try:
            async for block in blocks:
                stdin.write(aac.pcm16(block))
                await stdin.drain()
        finally:
            await blocks.aclose()  # type: ignore[attr-defined]

    async def feed_adts(stdin: asyncio.StreamWriter) -> None:
        # Whole AAC frames only (dropping < 21 ms of the fade-out's tail), so that the copied
        # audio never outlasts the picture.
        nonlocal measured
        blocks = soundtrack()
        whole = n // aac.FRAME * aac.FRAME
        frames = aac.encode_stream(blocks, whole, bitrate=opts.audio_bitrate,
                                   timeout=opts.timeout_s)  # fmt: skip
        meter = Meter(true_peak_near=CHECK_NEAR)
        copies: asyncio.Queue[bytes | None] = asyncio.Queue(maxsize=256)
        checking = asyncio.ensure_future(_check_adts(copies, meter))

        async def to_check(chunk: bytes | None) -> None:
            """Queue `chunk` for the check, waiting while its queue is full; if the check
            stops meanwhile, raise its error rather than wait for a reader that is gone."""
            put = asyncio.ensure_future(copies.put(chunk))
            try:
                await asyncio.wait((put, checking), return_when=asyncio.FIRST_COMPLETED)
            finally:
                if not put.done():
                    put.cancel()
            if not put.done() or put.cancelled():
                checking.result()  # the check failed: say why

        try:
            async for chunk in frames:
                stdin.write(chunk)
                await to_check(chunk)
                await stdin.drain()
            await to_check(None)  # the end, queued like the rest: the queue may be full
            await checking
            measured = meter
        finally:
            if not checking.done():
                checking.cancel()
                await asyncio.gather(checking, return_exceptions=True)
            await frames.aclose()  # type: ignore[attr-defined]
            await blocks.aclose()  # type: ignore[attr-defined]

    async with ffmpeg.partial_file(out) as tmp:
        for reserve in (True, False):
            try:
                await ffmpeg.run(
                    build_args(info, tmp, duration_s, opts, adts=split, reserve=reserve),
                    total_s=duration_s,
                    on_progress=on_progress,
                    feed=feed_adts if split else feed_pcm,
                    timeout=opts.timeout_s,
                    what="Rendering the video",
                )
                break
            except RenderError as exc:  # an index larger than reserved: faststart instead
                if not reserve or "reserved_moov_size" not in str(exc.context.get("detail")):
                    raise
    return measured.finish() if measured is not None else None
