"""Preset data types: timbres, voices, drum parts and the Style itself.

A style is data only; `compose` turns it into notes and `synthesize` into sound. Patterns are
16 steps (sixteenth notes) per 4/4 bar and come in three tiers, for low, middle and high
energy, and in families the seed and the section choose from. Bass letters: R root, O root an
octave up, 5 fifth, 3 third, 7 seventh, A chromatic approach into the next chord, m muted root.
Stab letters: x chord hit, m palm-muted hit (short, soft), b the chord a half step up
(phrygian colour). Drum letters: X accent, x hit, g ghost. Progressions are bars separated by
'|' (a bar's chords split it evenly); see theory.parse_chord for the numerals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["lead", "harmony", "bass", "pad", "stab", "arp", "drums"]

# General MIDI drum keys, also used by the synthesizer's kits.
KICK, RIM, SNARE, CLAP, HAT, TOM, OPEN, CRASH, RIDE, SHAKER = 36, 37, 38, 39, 42, 45, 46, 49, 51, 70


@dataclass(frozen=True)
class Timbre:
    """A pitched sound: band-limited cycle shapes, a brightness sweep and an ADSR envelope.

    wave: pulse | triangle (NES 4-bit steps) | saw | sine | flute | organ | pluck (plucked
    string, harmonics sin(pi h duty) / h^2) | fm (sine modulator at integer `fm_ratio`) |
    fm4 (four operators `ops` = ((ratio, level), ...) wired by YM2612 algorithm `algo`
    0, 1, 4, 5 or 7, feedback `feedback` 0..1 on the last operator; `fm_index` scales every
    modulator). `drive` > 0 saturates the cycle (tanh) before band-limiting; `resonance` is
    the Q of the 2-pole low-pass at `cutoff_hz` (0.707 flat).
    Movement: the note starts at `attack_fm_index` / `attack_cutoff_hz` and settles to
    `fm_index` / `cutoff_hz` with time constant `bright_s` (a sweep in half-octave steps).
    NES: `duty_seq` gives the pulse duty of the first 60 Hz frames, then `duty`; `steps` > 0
    quantizes the volume envelope to that many levels per 60 Hz frame.
    Pitch: `vibrato_cents` deep at `vibrato_hz`, faded in after `vibrato_delay_s`; a note
    with `glide` bends into its pitch over `glide_s`. `detune_cents` > 0 adds detuned copies
    (`unison` voices in all), `breath` mixes band-passed noise (flute chiff and air).
    """

    wave: str
    duty: float = 0.5
    fm_ratio: int = 1
    fm_index: float = 0.0
    attack_fm_index: float | None = None
    cutoff_hz: float = 18000.0
    attack_cutoff_hz: float | None = None
    bright_s: float = 0.15
    detune_cents: float = 0.0
    attack_s: float = 0.004
    decay_s: float = 0.3
    sustain: float = 0.7
    release_s: float = 0.06
    level: float = 1.0
    resonance: float = 0.707
    drive: float = 0.0
    ops: tuple[tuple[int, float], ...] = ()
    algo: int = 0
    feedback: float = 0.0
    duty_seq: tuple[float, ...] = ()
    steps: int = 0
    vibrato_cents: float = 0.0
    vibrato_hz: float = 5.5
    vibrato_delay_s: float = 0.15
    glide_s: float = 0.06
    unison: int = 2
    breath: float = 0.0


@dataclass(frozen=True)
class Voice:
    """One part of the arrangement; `name` is the voice/instrument name on every note."""

    name: str
    role: Role
    timbre: Timbre | None = None  # None for drums
    kit: str = ""  # drum kit for role "drums"
    low: int = 48  # MIDI range
    high: int = 84
    gain: float = 0.5
    pan: float = 0.0  # -1 left .. 1 right
    send: float = 0.15  # reverb/echo send
    min_energy: float = 0.0  # silent in bars below this energy
    patterns: tuple[str, str, str] = ("", "", "")  # bass/stab rhythm per energy tier
    alt_patterns: tuple[tuple[str, str, str], ...] = ()  # more families, chosen by seed/section
    shape: str = "triad"  # chord shape for pad/stab/arp: triad | seventh | power
    rate: int = 4  # arp notes per beat
    articulation: float = 0.9  # sounding fraction of the gap to the next note
    velocity: int = 100


@dataclass(frozen=True)
class DrumPart:
    key: int  # General MIDI drum key
    patterns: tuple[str, str, str]  # low, middle, high energy
    velocity: int = 100


@dataclass(frozen=True)
class Family:
    """A progression family: 8-bar A period, 8-bar B, 4-bar bridge and the outro's lead-in."""

    a: str
    b: str
    bridge: str
    tail: str = "IV V"


Groove = tuple[DrumPart, ...]


@dataclass(frozen=True)
class Style:
    id: str
    title: str
    summary: str
    default_bpm: float
    bpm_range: tuple[float, float]
    mode: str
    keys: tuple[int, ...]  # tonic pitch classes (0 = C) the seed picks from
    families: tuple[Family, ...]  # progression families, one chosen per seed
    voices: tuple[Voice, ...]
    drums: Groove  # the main groove; alt_drums add families chosen by seed and section
    alt_drums: tuple[Groove, ...] = ()
    swing: float = 0.0  # 0 straight .. 1 triplet feel on off-beat eighths
    forms: tuple[tuple[str, ...], ...] = (("A", "A", "B", "A", "bridge", "B"),)
    arps: tuple[str, ...] = ("up",)  # arp shapes: up down updown broken alberti pedal
    counter: str = "mixed"  # harmony voice: thirds | counter | mixed
    glide: float = 0.0  # share of lead leaps that slide in (synthwave, boss)
    melody_density: float = 0.5  # 0 sparse .. 1 busy
    leap: float = 0.2  # chance of a leap in a motif
    reverb_s: float = 1.2  # reverb decay time
    reverb_wet: float = 0.25
    echo_beats: float = 0.0  # echo time in beats on the send (0 = none)
    vinyl: float = 0.0  # vinyl hiss and crackle level
    beats_per_bar: int = 4
    fills: bool = True
    ghosts: bool = False  # ghost snare notes between backbeats


def timbre(wave: str, **kw: object) -> Timbre:
    """Shorthand for presets."""
    return Timbre(wave, **kw)  # type: ignore[arg-type]


# A dance beat both the arcade and the mood presets use (racing, synthwave).
FOUR_FLOOR = (
    DrumPart(KICK, ("x.......x.......", "x...x...x...x...", "x...x...x...x...")),
    DrumPart(SNARE, ("................", "....x.......x...", "....x.......x...")),
    DrumPart(CLAP, ("................", "................", "....x.......x...")),
    DrumPart(HAT, ("..x...x...x...x.", "x.x.x.x.x.x.x.x.", "xxXxxxXxxxXxxxXx"), 75),
)
