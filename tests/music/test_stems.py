"""Game-ready exports: stems that sum to the mix, seamless loops with loop points."""

from __future__ import annotations

import dataclasses
import json
import struct
import wave
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from gamemusic.errors import BadInput
from gamemusic.music import Note, compose, synthesize, write_loop, write_stems

SR = 48000


def _read(path: Path) -> np.ndarray:
    with wave.open(str(path)) as w:
        assert (w.getnchannels(), w.getframerate()) == (2, SR)
        return np.frombuffer(w.readframes(w.getnframes()), "<i2").reshape(-1, 2) / 32767.0


def _db(err: np.ndarray, ref: np.ndarray) -> float:
    return float(10 * np.log10((err**2).sum() / (ref**2).sum()))


@pytest.mark.parametrize("style", ["lofi", "synthwave"])
def test_voice_and_layer_stems_sum_to_the_mix(tmp_path: Path, style: str) -> None:
    piece = compose(style, 12, seed=3)
    files = write_stems(piece, tmp_path)
    mix = synthesize(piece)
    voices = [_read(p) for p in files.voices.values()]
    layers = [_read(p) for p in files.layers.values()]
    assert {len(v) for v in voices + layers} == {len(mix)}
    assert _db(sum(voices) - mix, mix) < -60
    assert _db(sum(layers) - mix, mix) < -60
    assert set(files.layers) == {"drums", "bass", "harmony", "melody"}


def test_the_manifest_names_each_layer_its_voices_and_bars(tmp_path: Path) -> None:
    piece = compose("chiptune", 20, seed=1)
    piece = dataclasses.replace(piece, arcs=((0.0, 10.0, "explore"), (10.0, 20.0, "combat")))
    man = json.loads(write_stems(piece, tmp_path).manifest.read_text())
    assert man["bpm"] == piece.bpm and man["key"].endswith("ionian")
    layers = {entry["layer"]: entry for entry in man["layers"]}
    assert layers["drums"]["voices"] == ["drums"] and layers["melody"]["voices"] == ["lead"]
    assert (tmp_path / layers["bass"]["file"]).exists()
    sections = layers["drums"]["sections"]
    assert [s["section"] for s in sections] == [s.name for s in piece.sections]
    assert {s["arc"] for s in sections} <= {"explore", "combat"}
    for s in sections:
        lo, hi = s["bars"]
        assert all(lo <= b <= hi for b in s["plays_bars"])
    assert sum(len(s["plays_bars"]) for s in sections) > 0


def _loop_piece() -> object:
    """Two bars by hand whose last note rings past the end (the wrap must carry it)."""
    base = compose("synthwave", 4 * 60 / 104 * 2, seed=2, ending="fade")
    beat = 60 / base.bpm
    notes = [Note(i * beat, beat * 0.9, 57 + (i % 4) * 3, 100, "lead") for i in range(8)]
    notes += [Note(i * beat, 0.1, 36, 110, "drums") for i in range(8)]
    notes += [Note(0.0, 8 * beat - 0.01, 45, 100, "pad")]
    notes.sort(key=lambda n: n.start_s)
    return dataclasses.replace(base, ending="loop", notes=notes)


def test_a_loop_seam_is_no_louder_and_no_steeper_than_anywhere_else() -> None:
    piece = _loop_piece()
    audio = synthesize(piece).mean(axis=1)  # type: ignore[arg-type]
    twice = np.concatenate([audio, audio])
    n = len(audio)
    steps = np.abs(np.diff(twice))
    assert steps[n - 1] <= steps[: n - 1].max()  # last sample -> first sample
    win = int(0.01 * SR)
    rms = np.sqrt(np.convolve(twice**2, np.ones(win) / win, mode="valid"))
    seam = rms[n - win // 2]
    assert seam <= rms[: n - win].max()
    assert abs(audio[0]) > 1e-4  # the tail really wrapped: the loop does not start silent


def test_write_loop_puts_loop_points_in_a_smpl_chunk_and_a_sidecar(tmp_path: Path) -> None:
    piece = _loop_piece()
    wav, side = write_loop(piece, tmp_path / "theme.wav")  # type: ignore[arg-type]
    data = wav.read_bytes()
    i = data.index(b"smpl")
    start, end = struct.unpack("<2I", data[i + 8 + 36 + 8 : i + 8 + 36 + 16])
    frames = len(_read(wav))
    assert (start, end) == (0, frames - 1)
    meta = json.loads(side.read_text())
    assert meta["loop_start"] == 0 and meta["loop_end"] == frames
    assert meta["bpm"] == piece.bpm and meta["bars"] == 2 and meta["seamless"]  # type: ignore[attr-defined]
    assert np.abs(_read(wav) - synthesize(piece)).max() < 2 / 32767  # type: ignore[arg-type]


def test_the_music_command_writes_stems_beside_the_mix(tmp_path: Path) -> None:
    from gamemusic.cli import app

    out, stems = tmp_path / "m.wav", tmp_path / "stems"
    args = ["music", "-o", str(out), "-s", "boss", "--duration", "4", "--stems", str(stems)]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert len(_read(out)) == 4 * SR
    assert (stems / "manifest.json").exists() and len(_read(stems / "layer_drums.wav")) == 4 * SR


def test_the_music_command_writes_a_loop_when_the_composer_can(tmp_path: Path) -> None:
    from gamemusic.cli import app

    try:
        compose("chiptune", 4, ending="loop")  # type: ignore[arg-type]
    except BadInput:
        pytest.skip("this composer has no loop ending yet")
    out = tmp_path / "loop.wav"
    args = ["music", "-o", str(out), "--duration", "8", "--loop"]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    meta = json.loads(out.with_suffix(".json").read_text())
    assert meta["loop_end"] == len(_read(out)) and meta["seamless"]
