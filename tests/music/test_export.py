from __future__ import annotations

import struct
import wave
from pathlib import Path

import numpy as np

from gamemusic.music import compose, render_music, write_midi, write_wav


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    out, i = [], 0
    while i < len(data):
        kind, size = data[i : i + 4], struct.unpack(">I", data[i + 4 : i + 8])[0]
        out.append((kind, data[i + 8 : i + 8 + size]))
        i += 8 + size
    return out


def _note_ons(track: bytes) -> int:
    """Count note-ons (velocity > 0) by walking the track's events."""
    i, count, status = 0, 0, 0
    while i < len(track):
        while track[i] & 0x80:  # delta time (variable length)
            i += 1
        i += 1
        if track[i] == 0xFF:  # meta: type, length, data
            length, i = track[i + 2], i + 3
            i += length
            continue
        status = track[i]
        kind = status & 0xF0
        size = 1 if kind in (0xC0, 0xD0) else 2
        if kind == 0x90 and track[i + 2] > 0:
            count += 1
        i += 1 + size
    return count


def test_write_midi_gives_a_standard_midi_file_with_every_note(tmp_path: Path) -> None:
    piece = compose("rpg", 40, seed=6)
    path = write_midi(piece, tmp_path / "theme.mid")
    chunks = _chunks(path.read_bytes())
    kind, header = chunks[0]
    fmt, ntracks, ppq = struct.unpack(">HHH", header)
    assert kind == b"MThd" and fmt == 1 and ppq == 480
    tracks = [body for k, body in chunks[1:]]
    assert [k for k, _ in chunks[1:]] == [b"MTrk"] * ntracks
    assert ntracks == 1 + len({n.voice for n in piece.notes})
    assert sum(_note_ons(t) for t in tracks) == len(piece.notes)
    assert list(tmp_path.iterdir()) == [path]


def test_write_wav_round_trips_16_bit_stereo(tmp_path: Path) -> None:
    audio = render_music("lofi", 3.21, seed=1)
    path = write_wav(tmp_path / "out" / "loop.wav", audio)
    with wave.open(str(path)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (2, 2, 48000)
        back = np.frombuffer(w.readframes(w.getnframes()), "<i2").reshape(-1, 2) / 32767
    assert back.shape == audio.shape
    assert np.abs(back - audio).max() < 1e-4
    assert list(path.parent.iterdir()) == [path]


def _meta_events(track: bytes) -> list[tuple[int, int, bytes]]:
    """(tick, meta type, data) of a conductor track made of meta events only."""
    i, now, out = 0, 0, []
    while i < len(track):
        delta = 0
        while True:
            delta = (delta << 7) | (track[i] & 0x7F)
            i += 1
            if not track[i - 1] & 0x80:
                break
        now += delta
        kind, length = track[i + 1], track[i + 2]
        out.append((now, kind, track[i + 3 : i + 3 + length]))
        i += 3 + length
    return out


def test_midi_bar_lines_fall_on_the_pieces_downbeats(tmp_path: Path) -> None:
    for seconds in (30.0, 31.0, 32.3):  # different pickups
        piece = compose("chiptune", seconds, seed=3)
        chunks = _chunks(write_midi(piece, tmp_path / "t.mid").read_bytes())
        events = _meta_events(chunks[1][1])
        sigs = [(t, d[0]) for t, k, d in events if k == 0x58]
        phase = piece.grid.phase
        # a pickup bar of `phase` beats, then 4/4 from the first downbeat
        assert sigs == ([(0, phase)] if phase else []) + [(phase * 480, 4)]
        bar_ticks = {phase * 480 + k * 4 * 480 for k in range(400)}
        markers = [(t, d.decode()) for t, k, d in events if k == 0x06]
        assert [m for _, m in markers] == [s.name for s in piece.sections]
        assert all(t in bar_ticks for t, _ in markers[1:])
        # the drums' section crashes sit on those bar lines
        beat = 60 / piece.bpm
        crash = [n for n in piece.notes if n.voice == "drums" and n.pitch == 49]
        assert crash and all(round(n.start_s / beat * 480) in bar_ticks for n in crash)


def test_every_voice_is_a_named_track(tmp_path: Path) -> None:
    piece = compose("boss", 40, seed=1)
    chunks = _chunks(write_midi(piece, tmp_path / "b.mid").read_bytes())
    names = []
    for _, body in chunks[2:]:
        assert body[1:3] == b"\xff\x03"
        names.append(body[4 : 4 + body[3]].decode())
    assert names == [v.name for v in piece.style.voices]
