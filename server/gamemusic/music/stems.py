"""Game-ready exports: stems per voice and per layer with an FMOD/Wwise-style manifest, and
seamless loops with a WAV `smpl` chunk and a JSON sidecar. Streamed to disk chunk by chunk,
so memory does not grow with the piece; every file appears atomically or not at all.

Stems: each voice is its own bus with its own send into an identical reverb, with the same
static gains, fades and soft-clip gain as the mix, so the voice stems (plus "fx" for vinyl
noise) sum to `synthesize(piece)` up to float rounding. Layers group the voices by role:
drums, bass, harmony (harmony, pad, stab, arp voices) and melody (lead).
"""

from __future__ import annotations

import json
import os
import struct
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from gamemusic.music.compose import Piece
from gamemusic.music.synth import CHUNK, Engine, interleave, leveled_chunks

LAYER_OF_ROLE = {
    "lead": "melody",
    "harmony": "harmony",
    "pad": "harmony",
    "stab": "harmony",
    "arp": "harmony",
    "bass": "bass",
    "drums": "drums",
}
LAYERS = ("drums", "bass", "harmony", "melody")
_NAMES = ("C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B")


class WavWriter:
    """16-bit PCM stereo WAV written incrementally to a temporary file beside `path`, renamed
    into place by close(); an optional `smpl` chunk loops samples [0, n)."""

    def __init__(self, path: Path, sr: int) -> None:
        self.path, self.sr, self.frames = path, sr, 0
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        self.tmp = Path(tmp)
        self.file = os.fdopen(fd, "wb")
        fmt = struct.pack("<HHIIHH", 1, 2, sr, sr * 4, 4, 16)
        self.file.write(b"RIFF\0\0\0\0WAVEfmt " + struct.pack("<I", 16) + fmt + b"data\0\0\0\0")

    def write(self, block: np.ndarray) -> None:
        """block: (m, 2) float in -1..1."""
        pcm = np.round(np.clip(block, -1.0, 1.0) * 32767.0).astype("<i2")
        self.file.write(pcm.tobytes())
        self.frames += len(block)

    def close(self, loop: bool = False) -> Path:
        data = self.frames * 4
        if data % 2:
            self.file.write(b"\0")
        if loop and self.frames:
            head = struct.pack("<9I", 0, 0, round(1e9 / self.sr), 60, 0, 0, 0, 1, 0)
            body = struct.pack("<6I", 0, 0, 0, self.frames - 1, 0, 0)
            self.file.write(b"smpl" + struct.pack("<I", len(head) + len(body)) + head + body)
        size = self.file.tell()
        self.file.seek(4)
        self.file.write(struct.pack("<I", size - 8))
        self.file.seek(40)
        self.file.write(struct.pack("<I", data))
        self.file.close()
        os.replace(self.tmp, self.path)
        return self.path

    def abort(self) -> None:
        self.file.close()
        self.tmp.unlink(missing_ok=True)


def _atomic_json(path: Path, data: object) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2, ensure_ascii=False)
    os.replace(tmp, path)
    return path


def _write_all(writers: list[WavWriter], blocks: Iterable[list[np.ndarray]], loop: bool) -> None:
    try:
        for parts in blocks:
            for w, part in zip(writers, parts, strict=True):
                w.write(part)
    except BaseException:
        for w in writers:
            w.abort()
        raise
    for w in writers:
        w.close(loop)


def key_name(piece: Piece) -> str:
    return f"{_NAMES[piece.tonic % 12]} {piece.style.mode}"


def bar_count(piece: Piece) -> int:
    return max(1, round(piece.duration_s / (piece.grid.beat_s * piece.grid.beats_per_bar)))


def write_loop(piece: Piece, path: str | os.PathLike[str], sr: int = 48000) -> tuple[Path, Path]:
    """Write the piece as a loop WAV (with `smpl` loop points 0 .. n - 1) and a JSON sidecar
    beside it (same name, .json): loop start/end samples, bpm, bars, key. The piece should
    have ending "loop" so its tail wraps onto its start; returns (wav, json) paths."""
    target = Path(path)
    engine = Engine(piece, sr)
    writer = WavWriter(target, sr)
    _write_all([writer], ([interleave(c[0])] for c in leveled_chunks(piece, sr, engine)), True)
    meta = {
        "file": target.name,
        "sample_rate": sr,
        "samples": engine.n,
        "loop_start": 0,
        "loop_end": engine.n,
        "loop_end_inclusive": engine.n - 1,
        "seamless": piece.ending == "loop",
        "bpm": piece.bpm,
        "bars": bar_count(piece),
        "beats_per_bar": piece.grid.beats_per_bar,
        "key": key_name(piece),
        "style": piece.style.id,
        "seed": piece.seed,
    }
    return target, _atomic_json(target.with_suffix(".json"), meta)


@dataclass(frozen=True)
class StemFiles:
    voices: dict[str, Path]  # voice name (and "fx" for vinyl noise) -> WAV
    layers: dict[str, Path]  # layer -> WAV
    manifest: Path


def _bars_played(piece: Piece, voices: set[str]) -> set[int]:
    grid = piece.grid
    bars: set[int] = set()
    for n in piece.notes:
        if n.voice in voices:
            beat0 = int(n.start_s / grid.beat_s + 1e-6)
            beat1 = int(max(n.start_s, n.start_s + n.dur_s - 1e-6) / grid.beat_s + 1e-6)
            bars.update(range(grid.bar_of(beat0), grid.bar_of(beat1) + 1))
    return bars


def manifest(piece: Piece, layers: dict[str, list[str]], files: dict[str, str]) -> dict:
    """FMOD/Wwise-style description: per layer its voices and, per section (with the
    gameplay arc it follows, if any), the bars it plays."""
    grid = piece.grid
    sections = []
    for s in piece.sections:
        mid = 0.5 * (s.start_s + s.end_s)
        arc = next((k for a, b, k in piece.arcs if a <= mid < b), None)
        bar0, bar1 = grid.bar_of(s.start_beat), grid.bar_of(max(s.start_beat, s.end_beat - 1))
        sections.append((s, arc, bar0, bar1))
    out = []
    for layer, voices in layers.items():
        played = _bars_played(piece, set(voices))
        per = []
        for s, arc, bar0, bar1 in sections:
            bars = [b for b in range(bar0, bar1 + 1) if b in played]
            per.append(
                {
                    "section": s.name,
                    "arc": arc,
                    "start_s": round(s.start_s, 4),
                    "end_s": round(s.end_s, 4),
                    "bars": [bar0, bar1],
                    "plays_bars": bars,
                }
            )
        out.append({"layer": layer, "file": files[layer], "voices": voices, "sections": per})
    return {
        "style": piece.style.id,
        "seed": piece.seed,
        "bpm": piece.bpm,
        "beats_per_bar": grid.beats_per_bar,
        "key": key_name(piece),
        "duration_s": piece.duration_s,
        "bars": bar_count(piece),
        "layers": out,
    }


def write_stems(piece: Piece, folder: str | os.PathLike[str], sr: int = 48000) -> StemFiles:
    """Write one WAV per voice (<voice>.wav, plus fx.wav for vinyl noise), one per layer
    (layer_<name>.wav) and manifest.json into `folder`. All stems have the mix's length; the
    voice stems sum to the mix, and so do the layer stems."""
    root = Path(folder)
    voices = [v for v in piece.style.voices]
    names = [v.name for v in voices] + (["fx"] if piece.style.vinyl else [])
    bus_of = {v.name: i for i, v in enumerate(voices)}
    engine = Engine(piece, sr, bus_of, vinyl_bus=len(voices) if piece.style.vinyl else 0)
    groups: dict[str, list[str]] = {}
    for v in voices:
        groups.setdefault(LAYER_OF_ROLE[v.role], []).append(v.name)
    if piece.style.vinyl:
        groups.setdefault("harmony", []).append("fx")
    layers = {k: groups[k] for k in LAYERS if k in groups}
    index = {name: i for i, name in enumerate(names)}

    def blocks() -> Iterable[list[np.ndarray]]:
        for chunk in leveled_chunks(piece, sr, engine):
            per_voice = [interleave(chunk[i]) for i in range(len(names))]
            per_layer = [
                interleave(sum(chunk[index[v]] for v in members))  # type: ignore[arg-type]
                for members in layers.values()
            ]
            yield per_voice + per_layer

    voice_paths = {name: root / f"{name}.wav" for name in names}
    layer_paths = {k: root / f"layer_{k}.wav" for k in layers}
    writers = [WavWriter(p, sr) for p in (*voice_paths.values(), *layer_paths.values())]
    _write_all(writers, blocks(), piece.ending == "loop")
    files = {k: p.name for k, p in layer_paths.items()}
    man = _atomic_json(root / "manifest.json", manifest(piece, layers, files))
    return StemFiles(voice_paths, layer_paths, man)


__all__ = ["CHUNK", "StemFiles", "WavWriter", "manifest", "write_loop", "write_stems"]
