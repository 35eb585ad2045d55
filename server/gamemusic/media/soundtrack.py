"""The soundtrack as a stream: analyse first (cheap), then mix block by block.

1. `prepare`: one pass over the game audio (media/analysis.py; extra consumers ride along),
   the scene cuts from the keyframe index, the piece composed to follow both, then one pass
   over the music's blocks to measure it. `plan_mix` turns the measurements into gains.
2. `stream`: decode the game audio again, synthesize the music again (it is deterministic;
   short recordings and pieces are kept from the first pass instead), mix and limit, and yield
   (m, 2) float32 blocks whose concatenation is exactly n samples.

Memory is the blocks in flight plus a few bytes per 10 ms of measurements: flat in length.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import anyio
import numpy as np

from gamemusic.media import ffmpeg
from gamemusic.media.analysis import BLOCK, Consumer, GameAnalysis, Kept, analyse, game_blocks
from gamemusic.media.gameplay import Gameplay, GameplayReader
from gamemusic.media.meter import SR, Measured, Meter
from gamemusic.media.mix import Mixer, MixPlan, MixSettings, fade_span, plan_mix
from gamemusic.media.motion import packet_rate
from gamemusic.media.probe import MediaInfo
from gamemusic.media.report import MusicTrace
from gamemusic.media.scenes import scene_cuts

log = logging.getLogger("gamemusic.soundtrack")

CACHE_BYTES = 64 << 20  # music up to ~2.9 min is kept from the first pass, not made twice
GAME_KEPT_BYTES = 40 << 20  # so is game audio up to ~3.5 min (16-bit), not decoded twice
MIX_BLOCK = 4 * BLOCK  # mixed per hop to the worker thread: fewer waits on a busy event loop
Fraction = Callable[[float], Awaitable[None]]


@dataclass(frozen=True)
class MusicSpec:
    """The music to compose: style and seed, placed at timeline sample `start` for
    `length_s` seconds. arc, stingers and climax_s steer how it follows the gameplay
    (see Gameplay.steer; climax_s on the timeline)."""

    style: str
    length_s: float
    start: int = 0
    seed: int = 0
    bpm: float | None = None
    arc: Literal["auto", "calm", "intense"] = "auto"
    stingers: bool = True
    climax_s: float | None = None


@dataclass
class Prepared:
    info: MediaInfo
    n: int
    keep_game: bool
    plan: MixPlan
    piece: Any | None = None  # music.Piece
    cached: list[np.ndarray] | None = None
    game: GameAnalysis | None = None
    music: Measured | None = None
    gameplay: Gameplay | None = None  # under the music, on its clock, as the draft steers it
    trace: MusicTrace | None = None  # the music alone, for the music report
    cuts_s: tuple[float, ...] = ()  # the recording's scene cuts (read when there is music)
    game_kept: Kept | None = None  # the game audio from the analysis pass, when it was short
    timings: dict[str, float] = field(default_factory=dict)


def _music() -> Any:
    """Import the music engine off the event loop, while audio decodes."""
    import gamemusic.music

    return gamemusic.music


async def prepare(
    info: MediaInfo,
    n: int,
    spec: MusicSpec | None,
    settings: MixSettings,
    *,
    keep_game: bool = True,
    consumers: Sequence[Consumer] = (),
    on_progress: Fraction | None = None,
) -> Prepared:
    """The analysis pass and the mix plan for an output of n samples."""
    clock = time.perf_counter()

    async def report(x: float) -> None:
        if on_progress:
            await on_progress(x)

    async def game_pass(x: float) -> None:
        await report(0.6 * x)  # the game pass is most of the analysis's time

    game: GameAnalysis | None = None
    cuts: list[float] = []
    motion: np.ndarray | None = None
    music_mod: Any = None
    with_music = spec is not None and spec.length_s > 0.05
    reader = GameplayReader()  # the music follows the gameplay even when its sound is muted
    kept = Kept(GAME_KEPT_BYTES)
    hear = info.has_audio and (keep_game or with_music)

    async def side() -> None:
        nonlocal cuts, motion, music_mod
        if with_music:
            music_mod = await anyio.to_thread.run_sync(_music)
            cuts = await anyio.to_thread.run_sync(scene_cuts, info)
            if info.kind == "video":
                motion = await anyio.to_thread.run_sync(packet_rate, info)

    async with anyio.create_task_group() as tg:
        tg.start_soon(side)
        if keep_game:
            game = await analyse(info, n, [reader.feed, kept.feed, *consumers],
                                 on_progress=game_pass)  # fmt: skip
        elif hear and with_music:
            await _listen(info, n, reader)
    timings = {"game": time.perf_counter() - clock}
    piece, cached, music, gameplay, trace = None, None, None, None, None
    if with_music and spec is not None:
        offset = spec.start / SR
        climax = None if spec.climax_s is None else spec.climax_s - offset
        heard = gameplay = (
            reader.finish(n / SR, cuts, motion)
            .within(offset, offset + spec.length_s)
            .steer(arc=spec.arc, stingers=spec.stingers, climax_s=climax)
        )
        piece = await anyio.to_thread.run_sync(
            lambda: music_mod.compose(
                spec.style,
                spec.length_s,
                seed=spec.seed,
                bpm=spec.bpm,
                cuts=list(heard.cuts_s),
                intensity=heard.energy,
                arcs=heard.arcs,
                stingers=heard.stingers,
                ending="auto",
            )
        )
        timings["compose"] = time.perf_counter() - clock
        trace = MusicTrace()
        music, cached = await _measure_music(music_mod, piece, spec, n, settings, report, trace)
        timings["music"] = time.perf_counter() - clock
    plan = plan_mix(
        game.measured if game else None,
        music,
        n,
        music_start=spec.start if spec else 0,
        settings=settings,
    )
    log.debug("soundtrack planned in %s; predicted %.2f LUFS", timings, plan.predicted_lufs)
    return Prepared(
        info, n, keep_game, plan, piece, cached, game, music, gameplay, trace, tuple(cuts),
        game_kept=kept if keep_game and kept.blocks is not None else None, timings=timings,
    )  # fmt: skip


async def _listen(info: MediaInfo, n: int, reader: GameplayReader) -> None:
    """Feed the recording's sound to the gameplay reader alone (the game audio is muted)."""
    blocks = game_blocks(info, n)
    try:
        async for block in blocks:
            await anyio.to_thread.run_sync(reader.feed, block)
    finally:
        await blocks.aclose()  # type: ignore[attr-defined]


async def _measure_music(
    music_mod: Any,
    piece: Any,
    spec: MusicSpec,
    n: int,
    settings: MixSettings,
    report: Fraction,
    trace: MusicTrace,
) -> tuple[Measured, list[np.ndarray] | None]:
    """Measure the music as it will be heard on the timeline: after `start` samples of
    silence, faded in and out; `trace` takes it as composed. Short music is kept (unfaded)
    for the mix."""
    meter = Meter(codec_band=True)
    left = spec.start
    while left > 0:
        k = min(left, BLOCK)
        meter.feed(np.zeros((k, 2), np.float32))
        left -= k
    cache: list[np.ndarray] | None = []
    total = min(n - spec.start, round(spec.length_s * SR))
    end = spec.start + total
    fade_in = min(total, int(settings.fade_in_s * SR))
    fade_out = min(total, int(settings.fade_out_s * SR))
    it = music_mod.synthesize_blocks(piece, SR)
    made = spec.start

    def synthesize(count: int = 8) -> list[np.ndarray]:
        """The next `count` blocks, cut at the end ([] past it). Batched so that the worker
        thread is handed work ~15 times a minute, not 60."""
        nonlocal made
        blocks = []
        while len(blocks) < count and made < end:
            block = next(it, None)
            if block is None:
                break
            blocks.append(block[: end - made])
            made += len(blocks[-1])
        return blocks

    pos = spec.start

    def measure(blocks: list[np.ndarray]) -> None:
        """Trace, measure (and keep) blocks, in order."""
        nonlocal pos, cache
        for block in blocks:
            trace.feed(block)
            fade = fade_span(pos, len(block), spec.start, end, fade_in, fade_out)
            meter.feed(block if fade is None else block * fade[:, None])
            pos += len(block)
            if cache is not None and (pos - spec.start) * 8 <= CACHE_BYTES:
                cache.append(block)
            else:
                cache = None

    async def measured(blocks: list[np.ndarray], done: anyio.Event) -> None:
        await anyio.to_thread.run_sync(measure, blocks)
        done.set()

    done = anyio.Event()
    done.set()
    async with anyio.create_task_group() as tg:  # one batch measured while the next is made
        while blocks := await anyio.to_thread.run_sync(synthesize):
            await done.wait()
            done = anyio.Event()
            tg.start_soon(measured, blocks, done)
            await report(0.6 + 0.4 * (made - spec.start) / max(1, total))
    return meter.finish(), cache


class _Music:
    """The music's samples at timeline positions, from the cache or synthesized again."""

    def __init__(self, prepared: Prepared) -> None:
        p = prepared.plan
        self.start, self.end = p.music_start, p.music_end
        self._it: Iterator[np.ndarray] | None = None
        if prepared.piece is not None and p.music_gain > 0 and self.end > self.start:
            if prepared.cached is not None:
                self._it = iter(prepared.cached)
            else:
                self._it = _music().synthesize_blocks(prepared.piece, SR)
        self._rest = np.zeros((0, 2), np.float32)

    def take(self, pos: int, m: int) -> np.ndarray | None:
        """Samples pos..pos+m of the timeline's music: (m, 2), or None when silent there."""
        if self._it is None or pos + m <= self.start or pos >= self.end:
            return None
        out = np.zeros((m, 2), np.float32)
        lo, hi = max(pos, self.start), min(pos + m, self.end)
        need = hi - lo
        parts = [self._rest]
        have = len(self._rest)
        while have < need:
            block = next(self._it, None)
            if block is None:
                break
            parts.append(block)
            have += len(block)
        joined = np.concatenate(parts) if len(parts) > 1 else self._rest
        got = min(need, len(joined))
        out[lo - pos : lo - pos + got] = joined[:got]
        self._rest = joined[got:]
        return out


class _Game:
    """The game audio again, in blocks of exactly the size asked for (zeros past its end):
    as kept by the analysis pass, or decoded again."""

    def __init__(self, info: MediaInfo, n: int, kept: Kept | None) -> None:
        self._blocks: AsyncIterator[np.ndarray] | None = (
            kept.replay() if kept is not None else game_blocks(info, n)
        )
        self._rest: np.ndarray | None = None

    async def take(self, m: int) -> np.ndarray:
        out = np.zeros((m, 2), np.float32)
        got = 0
        while got < m and self._blocks is not None:
            if self._rest is None:
                self._rest = await anext(self._blocks, None)
                if self._rest is None:
                    await self.aclose()
                    break
            k = min(m - got, len(self._rest))
            out[got : got + k] = self._rest[:k]
            got += k
            self._rest = self._rest[k:] if k < len(self._rest) else None
        return out

    async def aclose(self) -> None:
        if self._blocks is not None:
            blocks, self._blocks = self._blocks, None
            await blocks.aclose()  # type: ignore[attr-defined]


def _mix_block(
    mixer: Mixer, music: _Music, pos: int, m: int, game: np.ndarray | None
) -> np.ndarray:
    return mixer.process(pos, m, game, music.take(pos, m))


async def stream(prepared: Prepared) -> AsyncIterator[np.ndarray]:
    """The finished soundtrack: (m, 2) float32 C-contiguous blocks, n samples in all."""
    n, info = prepared.n, prepared.info
    mixer = Mixer(prepared.plan)
    music = _Music(prepared)
    use_game = prepared.keep_game and info.has_audio and prepared.plan.game_gain > 0
    game = _Game(info, n, prepared.game_kept) if use_game else None
    pos = 0
    try:
        while pos < n:
            m = min(MIX_BLOCK, n - pos)
            samples = await game.take(m) if game else None
            block = await anyio.to_thread.run_sync(_mix_block, mixer, music, pos, m, samples)
            pos += m
            if len(block):
                yield block
        yield await anyio.to_thread.run_sync(mixer.finish)
    finally:
        if game is not None:
            await game.aclose()
    log.debug("limiter: lowest gain %.2f dB", 20 * np.log10(max(mixer.limiter.min_gain, 1e-9)))


async def measure_file(path: Any) -> Measured:
    """Decode a finished file's audio (an ffmpeg child) and measure loudness and true peak."""
    meter = Meter(true_peak_near=10 ** (-4.0 / 20))  # 3 dB under the -1 dBTP limit
    args = [*ffmpeg.WHITELIST, "-i", str(path), "-map", "0:a:0", "-ac", "2", "-ar", str(SR),
            "-f", "f32le", "pipe:1"]  # fmt: skip
    async with ffmpeg.reading(args, what="Checking the output's audio") as reader:
        while raw := await reader.read(BLOCK * 8):
            data = np.frombuffer(raw[: len(raw) // 8 * 8], dtype="<f4").reshape(-1, 2)
            await anyio.to_thread.run_sync(meter.feed, data)
            if reader.eof:
                break
    return meter.finish()
