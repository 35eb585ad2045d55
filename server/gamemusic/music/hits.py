"""Moments outside the bar-by-bar arrangement: stinger hits and the final chord."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from gamemusic.music.parts import Note
from gamemusic.music.theory import degree_to_pitch, parse_chord

if TYPE_CHECKING:
    from gamemusic.music.arrange import Arranger


def place_stingers(arr: Arranger, times: Iterable[float], duration_s: float) -> tuple[float, ...]:
    """Accented hits on the beats nearest `times`: chord stab (or pad), bass, crash, kick.

    At most one every 4 bars; returns the placed times in seconds."""
    g, placed = arr.grid, []
    last = -(10**9)
    drums = arr.voices.get("drums")
    chordal = arr.voices.get("stab") or arr.voices.get("pad")
    bass = arr.voices.get("bass")
    for t in sorted(float(x) for x in times):
        beat = round(t / g.beat_s)
        start = g.time(beat)
        if beat - last < 4 * g.beats_per_bar or not 0 <= start < duration_s - 0.25:
            continue
        down = g.phase + (beat - g.phase) // g.beats_per_bar * g.beats_per_bar
        chords, tonic = arr.bar_chords.get(down, ([], arr.tonic))
        if not chords:
            continue
        chord = chords[min(len(chords) - 1, (beat - down) * len(chords) // g.beats_per_bar)]
        last = beat
        placed.append(start)
        if drums is not None:
            arr.drummer.crash(drums, beat, 124)
        if chordal is not None:
            for p in arr.parts.chord_pitches(chordal, chord, tonic, 0.6):
                arr.parts.emit(chordal, beat, beat + 1.5, p, 124, 0.9)
        if bass is not None:
            root = degree_to_pitch(chord.degrees[0], tonic, chord.local)
            root += 12 * ((bass.low + 6 - root) // 12 + 1)
            arr.parts.emit(bass, beat, beat + 1, root, 124, 0.9)
    return tuple(placed)


def final_chord(arr: Arranger, beat: int, shift: int) -> None:
    """The tonic chord on the final downbeat, ringing to the end."""
    start = arr.grid.time(beat)
    tonic = arr.tonic + shift
    home = parse_chord("i" if arr.mode[2] == 3 else "I", arr.mode)
    for v in arr.style.voices:
        if v.role == "drums":
            arr.drummer.crash(v, beat) if arr.style.fills else arr.notes.append(
                Note(start, 0.1, 36, 110, v.name)
            )
            continue
        if v.role == "lead":
            p = arr.last_pitch if arr.last_pitch is not None else v.low + 12
            cands = [
                degree_to_pitch(d, tonic, home.local) + 12 * o for d in (0,) for o in range(-3, 4)
            ]
            cands = [c for c in cands if v.low <= c <= v.high] or cands
            pitches = [min(cands, key=lambda c: abs(c - p))]
        elif v.role == "harmony":
            cands = [
                degree_to_pitch(d, tonic, home.local) + 12 * o for d in (2, 4) for o in range(-3, 4)
            ]
            pitches = [
                min(
                    (c for c in cands if v.low <= c <= v.high),
                    default=cands[0],
                    key=lambda c: abs(c - (v.low + v.high) / 2),
                )
            ]
        elif v.role == "bass":
            r = degree_to_pitch(0, tonic, home.local)
            while r < v.low:
                r += 12
            while r > v.low + 11:
                r -= 12
            pitches = [r]
        else:
            pitches = arr.parts.chord_pitches(v, home, tonic, 0.45)
        for k, p in enumerate(pitches):
            roll = 0.025 * k if v.role in ("arp", "stab") else 0.0
            arr.notes.append(Note(start + roll, 1e9, p, int(v.velocity * 0.9), v.name))
