"""Look at a file before anything decodes it: size cap, content sniffing, then a PyAV probe.

The probe runs in-process, so it only ever sees files within the size cap (the size is read
from the file system before any byte is: 20 GB for the local engine, 500 MB for the cloud's
uploads), whose image headers declare at most 8K, and whose first bytes match a supported
container, opened with that container's demuxer forced and the file protocol alone allowed:
an HLS playlist or an ffconcat list renamed to .avi never reaches a demuxer that would follow
its references.
"""

from __future__ import annotations

import logging
import struct
from collections import OrderedDict
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import BinaryIO, Literal

import anyio
import av

from gamemusic.errors import BadInput
from gamemusic.media.ffmpeg import display_rotation

log = logging.getLogger("gamemusic.media")

MAX_BYTES = 20 * 1024**3  # the local engine streams: hours of 1080p VOD
CLOUD_MAX_BYTES = 500 * 1024**2  # NemoVideo's upload limit
MAX_PIXELS = 8192 * 8192
MAX_DURATION_S = 6 * 3600
MAX_STREAMS = 16
SUPPORTED = (
    "mp4, mov, avi, webm, mkv (video), jpg, png, gif, webp (image), mp3, wav, m4a, aac (audio)"
)

Kind = Literal["video", "image", "audio"]


@dataclass(frozen=True)
class Sniffed:
    container: str  # our name: mp4, avi, mkv, jpg, png, gif, webp, mp3, wav, aac
    demuxer: str  # the ffmpeg demuxer to force


@dataclass(frozen=True)
class MediaInfo:
    path: Path
    kind: Kind
    container: str
    demuxer: str
    size_bytes: int
    duration_s: float
    width: int = 0
    height: int = 0
    fps: float = 0.0
    video_codec: str | None = None
    pix_fmt: str | None = None
    audio_codec: str | None = None
    rotation: int = 0

    @property
    def has_audio(self) -> bool:
        return self.audio_codec is not None

    @property
    def display_size(self) -> tuple[int, int]:
        """Width and height as shown, after rotation metadata."""
        if self.rotation % 180:
            return self.height, self.width
        return self.width, self.height

    @property
    def vertical(self) -> bool:
        w, h = self.display_size
        return h > w

    def summary(self) -> dict[str, object]:
        d = asdict(self)
        d["path"] = str(self.path)
        d["has_audio"] = self.has_audio
        return d


def _bad(path: Path, what: str, hint: str = f"Send a file of one of: {SUPPORTED}.", **kw: object):
    return BadInput(f"'{path.name}' {what}.", hint=hint, **kw)


def sniff(head: bytes) -> Sniffed | None:
    """Recognise a supported container from the first bytes, or None."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return Sniffed("mp4", "mov")
    if len(head) >= 8 and head[4:8] in (b"moov", b"mdat", b"wide", b"free", b"skip"):
        return Sniffed("mov", "mov")
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return Sniffed("avi", "avi")
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return Sniffed("wav", "wav")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Sniffed("webp", "webp_pipe")
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return Sniffed("mkv", "matroska")
    if head[:3] == b"\xff\xd8\xff":
        return Sniffed("jpg", "jpeg_pipe")
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return Sniffed("png", "png_pipe")
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return Sniffed("gif", "gif")
    if head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE6 == 0xE2):
        return Sniffed("mp3", "mp3")
    if len(head) > 1 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0:
        return Sniffed("aac", "aac")
    return None


def _describe_unknown(head: bytes) -> str:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"#EXTM3U"):
        return "is an HLS playlist, not a video file"
    if text.startswith(b"ffconcat") or text.startswith(b"file "):
        return "is a concat list, not a video file"
    printable = sum(32 <= b < 127 or b in (9, 10, 13) for b in head)
    if head and printable / len(head) > 0.95:
        return "is a text file, not a video, image or audio file"
    return "is not a video, image or audio file we can read"


def _iso_truncated(path: Path, size: int) -> bool:
    """True when a top-level MP4/MOV box claims more bytes than the file holds."""
    with path.open("rb") as f:
        pos = 0
        for _ in range(10_000):
            if pos >= size:
                return pos > size  # the last box ran past the end of the file
            f.seek(pos)
            header = f.read(16)
            if len(header) < 8:
                return True
            box_size = struct.unpack(">I", header[:4])[0]
            if box_size == 1 and len(header) >= 16:
                box_size = struct.unpack(">Q", header[8:16])[0]
            elif box_size == 0:
                return False  # box runs to the end of the file
            if box_size < 8:
                return True
            pos += box_size
        return False


def _jpeg_size(f: BinaryIO) -> tuple[int, int] | None:
    """Width and height from the first SOF marker, walking the segments from the start."""
    f.seek(2)
    for _ in range(1000):
        marker = f.read(2)
        while len(marker) == 2 and marker[0] == 0xFF and marker[1] == 0xFF:
            marker = marker[1:] + f.read(1)  # fill bytes
        if len(marker) < 2 or marker[0] != 0xFF:
            return None
        kind = marker[1]
        if kind in (0x01, *range(0xD0, 0xD8)):
            continue  # no length field
        header = f.read(2)
        if len(header) < 2:
            return None
        length = struct.unpack(">H", header)[0]
        if kind in _JPEG_SOF:
            sof = f.read(5)
            if len(sof) < 5:
                return None
            height, width = struct.unpack(">HH", sof[1:5])
            return width, height
        if kind == 0xDA or length < 2:
            return None  # image data before any frame header
        f.seek(length - 2, 1)
    return None


_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def header_size(path: Path, container: str) -> tuple[int, int] | None:
    """An image's declared width and height, read from its header without decoding (so a
    20000x20000 PNG is refused before a decoder allocates gigabytes for it), or None."""
    with path.open("rb") as f:
        if container == "jpg":
            return _jpeg_size(f)
        head = f.read(32)
    if container == "png" and len(head) >= 24 and head[12:16] == b"IHDR":
        width, height = struct.unpack(">II", head[16:24])
        return width, height
    if container == "gif" and len(head) >= 10:
        width, height = struct.unpack("<HH", head[6:10])
        return width, height
    if container == "webp" and len(head) >= 30:
        chunk = head[12:16]
        if chunk == b"VP8X":
            width = int.from_bytes(head[24:27], "little") + 1
            height = int.from_bytes(head[27:30], "little") + 1
            return width, height
        if chunk == b"VP8L" and len(head) >= 25:
            bits = int.from_bytes(head[21:25], "little")
            return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
        if chunk == b"VP8 ":
            width, height = struct.unpack("<HH", head[26:30])
            return width & 0x3FFF, height & 0x3FFF
    return None


def _too_many_pixels(width: int, height: int) -> bool:
    return width * height > MAX_PIXELS or max(width, height) > 16384


def _refuse_size(path: Path, width: int, height: int) -> BadInput:
    return _bad(
        path,
        f"is {width}x{height}, larger than 8K",
        code="absurd",
        hint="Scale it down to 4K or less.",
    )


def size_text(size: float) -> str:
    return f"{size / 2**30:.1f} GB" if size >= 2**30 else f"{size / 2**20:.0f} MB"


def check_file(path: Path, max_bytes: int = MAX_BYTES) -> Sniffed:
    """Size and content checks that need no decoder. Raises BadInput."""
    if not path.exists():
        raise BadInput(f"File not found: '{path}'.", code="not_found")
    if path.is_dir():
        raise _bad(path, "is a folder", hint="Give the path of a video file inside it.")
    if not path.is_file():
        raise _bad(path, "is not a regular file")
    size = path.stat().st_size
    if size == 0:
        raise _bad(path, "is empty (0 bytes)", hint="Check the recording finished saving.")
    if size > max_bytes:
        raise BadInput(
            f"'{path.name}' is {size_text(size)}; the limit is {size_text(max_bytes)}.",
            hint="Trim the clip or compress it, then try again.",
            code="too_large",
        )
    with path.open("rb") as f:
        head = f.read(64)
    sniffed = sniff(head)
    if sniffed is None:
        raise _bad(path, _describe_unknown(head), code="unsupported")
    declared = header_size(path, sniffed.container)
    if declared is not None and _too_many_pixels(*declared):
        raise _refuse_size(path, *declared)
    if sniffed.container in ("mp4", "mov") and _iso_truncated(path, size):
        raise _bad(
            path,
            "is truncated or damaged",
            hint="Re-export or re-copy the recording.",
            code="corrupt",
        )
    return sniffed


def inspect_media(path: Path, max_bytes: int = MAX_BYTES) -> MediaInfo:
    """Check and probe a local file. Raises BadInput for anything we cannot use."""
    path = path.resolve()
    sniffed = check_file(path, max_bytes)
    size = path.stat().st_size
    try:
        container = av.open(
            str(path), format=sniffed.demuxer, options={"protocol_whitelist": "file"}
        )
    except (av.FFmpegError, OSError, ValueError) as exc:
        log.info("probe failed for %s: %s", path, exc)
        raise _bad(
            path,
            "is damaged or truncated and cannot be read",
            hint="Re-export or re-copy the recording.",
            code="corrupt",
        ) from None
    with container:
        if len(container.streams) > MAX_STREAMS:
            raise _bad(
                path,
                f"has {len(container.streams)} streams",
                code="absurd",
                hint="Export it with one video and one audio stream.",
            )
        video = next((s for s in container.streams.video), None)
        audio = next((s for s in container.streams.audio), None)
        duration = (container.duration or 0) / 1_000_000
        if video is not None and video.duration and video.time_base:
            duration = float(video.duration * video.time_base)  # the picture sets the length
        info = MediaInfo(
            path=path,
            kind=_kind(sniffed, video, audio),
            container=sniffed.container,
            demuxer=sniffed.demuxer,
            size_bytes=size,
            duration_s=duration,
            width=video.codec_context.width if video else 0,
            height=video.codec_context.height if video else 0,
            fps=float(video.average_rate or video.guessed_rate or 0) if video else 0.0,
            video_codec=video.codec_context.name if video else None,
            pix_fmt=video.codec_context.pix_fmt if video else None,
            audio_codec=audio.codec_context.name if audio else None,
        )
    _check_sane(info)
    return info


_seen: OrderedDict[tuple[str, int, int], MediaInfo] = OrderedDict()


async def inspect(path: Path) -> MediaInfo:
    """`inspect_media` off the event loop, plus the display rotation (read by an ffmpeg child).
    A file probed before and unchanged since (same size and modification time) is not probed
    again: upload and export of one recording read it once."""
    try:
        st = path.resolve().stat()
        key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    except OSError:
        key = None
    if key is not None and key in _seen:
        return _seen[key]
    info = await anyio.to_thread.run_sync(inspect_media, path)
    if info.kind == "video":
        info = replace(info, rotation=await display_rotation(info.path, info.demuxer))
    if key is not None:
        _seen[key] = info
        while len(_seen) > 64:
            _seen.popitem(last=False)
    return info


def _kind(sniffed: Sniffed, video: object, audio: object) -> Kind:
    if sniffed.container in ("jpg", "png", "webp", "gif"):
        return "image"
    if video is not None:
        return "video"
    if audio is not None:
        return "audio"
    raise BadInput("The file has neither a video nor an audio stream.", code="unsupported")


def _check_sane(info: MediaInfo) -> None:
    p = info.path
    if info.kind in ("video", "image"):
        if info.width <= 0 or info.height <= 0:
            raise _bad(p, "has a video stream with no picture size", code="corrupt")
        if _too_many_pixels(info.width, info.height):
            raise _refuse_size(p, info.width, info.height)
    if info.kind in ("video", "audio"):
        if info.duration_s <= 0:
            raise _bad(
                p,
                "has no readable duration (damaged or still recording?)",
                code="corrupt",
                hint="Re-export the recording.",
            )
        if info.duration_s > MAX_DURATION_S:
            raise _bad(
                p,
                f"lasts {info.duration_s / 3600:.1f} hours; the limit is 6 hours",
                code="absurd",
                hint="Trim it to the part you want to share.",
            )
