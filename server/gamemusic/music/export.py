"""Write audio as WAV and a Piece as a Standard MIDI File; both atomic (temp name + rename)."""

from __future__ import annotations

import os
import struct
import tempfile
import wave
from pathlib import Path

import numpy as np

from gamemusic.music.compose import Piece

PPQ = 480  # MIDI ticks per quarter note
DRUM_CHANNEL = 9
# General MIDI program per (role, wave); role alone as a fallback.
_PROGRAMS = {
    ("lead", "pulse"): 80,
    ("lead", "saw"): 81,
    ("lead", "flute"): 73,
    ("lead", "sine"): 79,
    ("lead", "fm"): 62,
    ("harmony", "fm"): 16,
    ("pad", "saw"): 50,
    ("stab", "fm"): 4,
    ("stab", "organ"): 16,
    ("stab", "saw"): 30,
    ("arp", "saw"): 46,
    ("bass", "saw"): 38,
    ("bass", "fm"): 36,
    ("bass", "sine"): 33,
    ("bass", "triangle"): 38,
    "lead": 80,
    "harmony": 80,
    "pad": 89,
    "stab": 4,
    "arp": 80,
    "bass": 38,
}


def _atomic_write(path: str | os.PathLike[str], write: object) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    try:
        write(tmp)  # type: ignore[operator]
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def write_wav(path: str | os.PathLike[str], audio: np.ndarray, sr: int = 48000) -> Path:
    """Write `audio`, shape (samples, channels) or (samples,) float in -1..1, as 16-bit PCM."""
    data = np.asarray(audio, dtype=np.float32)
    if data.ndim == 1:
        data = data[:, None]
    pcm = np.round(np.clip(data, -1.0, 1.0) * 32767.0).astype("<i2")

    def write(tmp: str) -> None:
        with wave.open(tmp, "wb") as w:
            w.setnchannels(pcm.shape[1])
            w.setsampwidth(2)
            w.setframerate(int(sr))
            w.writeframes(pcm.tobytes())

    return _atomic_write(path, write)


def _vlq(value: int) -> bytes:
    """MIDI variable-length quantity."""
    out = [value & 0x7F]
    value >>= 7
    while value:
        out.append(0x80 | (value & 0x7F))
        value >>= 7
    return bytes(reversed(out))


def _track(events: list[tuple[int, int, bytes]]) -> bytes:
    """events: (tick, order, message bytes); sorted so note-offs precede note-ons per tick."""
    body = bytearray()
    now = 0
    for tick, _, msg in sorted(events, key=lambda e: (e[0], e[1])):
        body += _vlq(tick - now) + msg
        now = tick
    body += b"\x00\xff\x2f\x00"  # end of track
    return b"MTrk" + struct.pack(">I", len(body)) + bytes(body)


def _meta(kind: int, data: bytes) -> bytes:
    return bytes([0xFF, kind]) + _vlq(len(data)) + data


def midi_bytes(piece: Piece) -> bytes:
    """The piece as a format-1 Standard MIDI File: a tempo track, then one track per voice.

    Bar lines fall on the piece's downbeats: a pickup of p beats is a p/4 bar before the
    first 4/4 bar. Each section start is a marker ("A", "B", ...).
    """
    beat_s = 60.0 / piece.bpm

    def tick(t: float) -> int:
        return max(0, round(t / beat_s * PPQ))

    tempo = round(60_000_000 / piece.bpm)
    bpb, phase = piece.style.beats_per_bar, piece.grid.phase
    conductor = [
        (0, 0, _meta(0x03, piece.style.title.encode())),
        (0, 0, _meta(0x51, tempo.to_bytes(3, "big"))),
    ]
    if phase:
        conductor.append((0, 0, _meta(0x58, bytes([phase, 2, 24, 8]))))
    conductor.append((phase * PPQ, 0, _meta(0x58, bytes([bpb, 2, 24, 8]))))
    for sec in piece.sections:
        conductor.append((sec.start_beat * PPQ, 1, _meta(0x06, sec.name.encode())))
    tracks = [_track(conductor)]
    channel = 0
    for voice in piece.style.voices:
        notes = [n for n in piece.notes if n.voice == voice.name]
        if not notes:
            continue
        if voice.role == "drums":
            ch = DRUM_CHANNEL
        else:
            ch, channel = channel, channel + 1 + (channel + 1 == DRUM_CHANNEL)
        events = [(0, 0, _meta(0x03, voice.name.encode()))]
        if ch != DRUM_CHANNEL and voice.timbre is not None:
            program = _PROGRAMS.get((voice.role, voice.timbre.wave), _PROGRAMS[voice.role])
            events.append((0, 1, bytes([0xC0 | ch, int(program)])))
        for n in notes:
            on = tick(n.start_s)
            off = max(on + 1, tick(n.start_s + n.dur_s))
            pitch = int(np.clip(n.pitch, 0, 127))
            events.append((on, 3, bytes([0x90 | ch, pitch, int(np.clip(n.velocity, 1, 127))])))
            events.append((off, 2, bytes([0x80 | ch, pitch, 0])))
        tracks.append(_track(events))
    header = b"MThd" + struct.pack(">IHHH", 6, 1, len(tracks), PPQ)
    return header + b"".join(tracks)


def write_midi(piece: Piece, path: str | os.PathLike[str]) -> Path:
    """Write `piece` as a Standard MIDI File (format 1, one track per voice)."""
    data = midi_bytes(piece)
    return _atomic_write(path, lambda tmp: Path(tmp).write_bytes(data))
