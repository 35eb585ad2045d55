"""Style presets: tempo, mode, progressions, voices, drum patterns, swing and form.

A style is data only; `compose` turns it into notes and `synthesize` into sound. Patterns are
16 steps (sixteenth notes) per 4/4 bar and come in three tiers, for low, middle and high
energy. Bass/stab pattern letters: R root, O root an octave up, 5 fifth, 3 third, A approach
note into the next chord, x chord hit, . nothing. Drum letters: X accent, x hit, g ghost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from gamemusic.errors import BadInput

Role = Literal["lead", "harmony", "bass", "pad", "stab", "arp", "drums"]

# General MIDI drum keys, also used by the synthesizer's kits.
KICK, RIM, SNARE, CLAP, HAT, TOM, OPEN, CRASH, RIDE, SHAKER = 36, 37, 38, 39, 42, 45, 46, 49, 51, 70


@dataclass(frozen=True)
class Timbre:
    """A pitched sound: one band-limited cycle shape, a brightness sweep and an ADSR envelope.

    wave: pulse | triangle (NES 4-bit steps) | saw | sine | flute | organ | fm.
    fm uses a sine modulator at an integer `fm_ratio` so the cycle stays periodic. The note
    starts at `attack_fm_index` / `attack_cutoff_hz` and settles to `fm_index` / `cutoff_hz`
    with time constant `bright_s`. `detune_cents` > 0 adds a detuned second copy (chorus).
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
class Style:
    id: str
    title: str
    summary: str
    default_bpm: float
    bpm_range: tuple[float, float]
    mode: str
    keys: tuple[int, ...]  # tonic pitch classes (0 = C) the seed picks from
    progressions: tuple[str, str, str]  # roman numerals for A, B and bridge
    cadence: str  # chords before the final tonic
    voices: tuple[Voice, ...]
    drums: tuple[DrumPart, ...]
    swing: float = 0.0  # 0 straight .. 1 triplet feel on off-beat sixteenths
    chord_beats: int = 4  # beats per chord
    form: tuple[str, ...] = ("A", "A", "B", "A", "bridge", "B")
    melody_density: float = 0.5  # 0 sparse .. 1 busy
    leap: float = 0.2  # chance of a leap in a motif
    reverb_s: float = 1.2  # reverb decay time
    reverb_wet: float = 0.25
    echo_beats: float = 0.0  # echo time in beats on the send (0 = none)
    vinyl: float = 0.0  # vinyl hiss and crackle level
    beats_per_bar: int = 4
    fills: bool = True


def _t(wave: str, **kw: float) -> Timbre:
    return Timbre(wave, **kw)  # type: ignore[arg-type]


_CHIP_DRUMS = (
    DrumPart(KICK, ("x.......x.......", "x.......x.x.....", "x...x...x.x.x...")),
    DrumPart(SNARE, ("................", "....x.......x...", "....x.......x.xx")),
    DrumPart(HAT, ("x...x...x...x...", "x.x.x.x.x.x.x.x.", "xxXxxxXxxxXxxxXx"), 70),
)
_ROCK_DRUMS = (
    DrumPart(KICK, ("x.......x.......", "x.x.....x.x.....", "x.x.x.x.x.x.x.x.")),
    DrumPart(SNARE, ("....x.......x...", "....x.......x...", "....X.......X..x")),
    DrumPart(HAT, ("x.x.x.x.x.x.x.x.", "X.x.X.x.X.x.X.x.", "XxxxXxxxXxxxXxxx"), 70),
)
_FOUR_FLOOR = (
    DrumPart(KICK, ("x.......x.......", "x...x...x...x...", "x...x...x...x...")),
    DrumPart(SNARE, ("................", "....x.......x...", "....x.......x...")),
    DrumPart(CLAP, ("................", "................", "....x.......x...")),
    DrumPart(HAT, ("..x...x...x...x.", "x.x.x.x.x.x.x.x.", "xxXxxxXxxxXxxxXx"), 75),
)

STYLES: dict[str, Style] = {
    s.id: s
    for s in (
        Style(
            "chiptune",
            "Retro Chiptune",
            "8-bit NES sound: pulse leads, triangle bass, noise drums, fast arpeggios.",
            150,
            (120, 180),
            "ionian",
            (0, 2, 7, 5, 9),
            ("I vi IV V", "IV V iii vi", "vi IV I V"),
            "IV V",
            voices=(
                Voice(
                    "lead",
                    "lead",
                    _t("pulse", duty=0.25, decay_s=0.25, sustain=0.75),
                    low=67,
                    high=88,
                    gain=0.30,
                    pan=-0.15,
                    send=0.12,
                    articulation=0.85,
                ),
                Voice(
                    "harmony",
                    "harmony",
                    _t("pulse", duty=0.5, decay_s=0.2, sustain=0.6),
                    low=60,
                    high=82,
                    gain=0.16,
                    pan=0.35,
                    min_energy=0.68,
                    send=0.1,
                ),
                Voice(
                    "arp",
                    "arp",
                    _t("pulse", duty=0.125, decay_s=0.05, sustain=0.8, release_s=0.01),
                    low=60,
                    high=79,
                    gain=0.15,
                    pan=0.3,
                    min_energy=0.4,
                    rate=8,
                    articulation=1.0,
                ),
                Voice(
                    "bass",
                    "bass",
                    _t("triangle", decay_s=0.5, sustain=0.9),
                    low=36,
                    high=57,
                    gain=0.55,
                    send=0.0,
                    articulation=0.8,
                    patterns=("R.......R.......", "R...O...R...O.5.", "R.ROR.O.R.ROR.5A"),
                ),
                Voice("drums", "drums", kit="chip", gain=0.45, send=0.05),
            ),
            drums=_CHIP_DRUMS,
            melody_density=0.65,
            leap=0.25,
            reverb_s=0.6,
            reverb_wet=0.12,
            echo_beats=0.75,
        ),
        Style(
            "16bit",
            "16-bit FM",
            "Mega Drive style FM: slap bass, brassy FM lead, bell-like electric piano.",
            128,
            (108, 150),
            "dorian",
            (2, 4, 9, 0),
            ("i IV i VII", "III VII IV i", "v VII IV IV"),
            "IV VII",
            voices=(
                Voice(
                    "lead",
                    "lead",
                    _t(
                        "fm",
                        fm_ratio=1,
                        fm_index=1.4,
                        attack_fm_index=3.5,
                        bright_s=0.12,
                        cutoff_hz=9000,
                        decay_s=0.5,
                        sustain=0.7,
                    ),
                    low=64,
                    high=86,
                    gain=0.3,
                    pan=-0.1,
                    send=0.2,
                ),
                Voice(
                    "harmony",
                    "harmony",
                    _t("fm", fm_ratio=2, fm_index=0.9, decay_s=0.4, sustain=0.6),
                    low=57,
                    high=79,
                    gain=0.16,
                    pan=0.4,
                    min_energy=0.65,
                ),
                Voice(
                    "keys",
                    "stab",
                    _t(
                        "fm",
                        fm_ratio=1,
                        fm_index=0.5,
                        attack_fm_index=2.5,
                        bright_s=0.06,
                        decay_s=0.7,
                        sustain=0.25,
                        release_s=0.12,
                    ),
                    low=55,
                    high=76,
                    gain=0.13,
                    pan=0.25,
                    send=0.25,
                    min_energy=0.25,
                    patterns=("x...........x...", "..x...x...x...x.", "x.x..x.x..x..x.x"),
                ),
                Voice(
                    "bass",
                    "bass",
                    _t(
                        "fm",
                        fm_ratio=1,
                        fm_index=1.6,
                        attack_fm_index=6.0,
                        bright_s=0.05,
                        cutoff_hz=5000,
                        decay_s=0.25,
                        sustain=0.55,
                    ),
                    low=33,
                    high=55,
                    gain=0.5,
                    send=0.0,
                    articulation=0.7,
                    patterns=("R.......R.......", "R..R..O.R..R.O.5", "R.RR.OR.R.RO.R5A"),
                ),
                Voice("drums", "drums", kit="fm", gain=0.45, send=0.08),
            ),
            drums=_ROCK_DRUMS,
            melody_density=0.6,
            leap=0.3,
            reverb_s=0.9,
            reverb_wet=0.15,
        ),
        Style(
            "boss",
            "Boss Battle",
            "Fast, minor and driving: detuned saw lead, power-chord stabs, double kick.",
            172,
            (150, 196),
            "harmonic_minor",
            (4, 2, 9, 0),
            ("i VI iv V", "i iv VI V", "VI iv ii V"),
            "iv V",
            voices=(
                Voice(
                    "lead",
                    "lead",
                    _t(
                        "saw",
                        detune_cents=7,
                        cutoff_hz=5500,
                        attack_cutoff_hz=9000,
                        decay_s=0.4,
                        sustain=0.8,
                    ),
                    low=64,
                    high=88,
                    gain=0.26,
                    pan=0.0,
                    send=0.15,
                    articulation=0.9,
                ),
                Voice(
                    "stabs",
                    "stab",
                    _t(
                        "saw",
                        cutoff_hz=2600,
                        attack_cutoff_hz=6000,
                        bright_s=0.05,
                        decay_s=0.2,
                        sustain=0.5,
                    ),
                    low=45,
                    high=67,
                    gain=0.14,
                    pan=0.3,
                    min_energy=0.3,
                    shape="power",
                    patterns=("x...............", "x..x..x...x..x..", "x.xx.xx.x.xx.xx."),
                ),
                Voice(
                    "strings",
                    "pad",
                    _t(
                        "saw",
                        detune_cents=12,
                        cutoff_hz=1800,
                        attack_s=0.25,
                        sustain=1.0,
                        release_s=0.3,
                    ),
                    low=52,
                    high=72,
                    gain=0.15,
                    pan=-0.35,
                    send=0.3,
                ),
                Voice(
                    "bass",
                    "bass",
                    _t("pulse", duty=0.5, cutoff_hz=1500, decay_s=0.2, sustain=0.7),
                    low=28,
                    high=50,
                    gain=0.42,
                    send=0.0,
                    articulation=0.8,
                    patterns=("R.R.R.R.R.R.R.R.", "R.R.R.R.R.R.O.R.", "RRRRRRORRRRRRRO5"),
                ),
                Voice("drums", "drums", kit="rock", gain=0.5, send=0.08),
            ),
            drums=_ROCK_DRUMS,
            melody_density=0.55,
            leap=0.3,
            reverb_s=1.4,
            reverb_wet=0.2,
        ),
        Style(
            "rpg",
            "RPG Overworld",
            "Adventurous orchestral feel: string pad, flute melody, harp arpeggios.",
            112,
            (92, 128),
            "ionian",
            (0, 5, 7, 2, 10),
            ("I V vi iii IV I IV V", "IV V iii vi ii V I I", "vi IV ii V"),
            "IV V",
            voices=(
                Voice(
                    "flute",
                    "lead",
                    _t("flute", attack_s=0.04, decay_s=0.6, sustain=0.85, release_s=0.12),
                    low=65,
                    high=89,
                    gain=0.32,
                    pan=-0.1,
                    send=0.3,
                    articulation=0.95,
                ),
                Voice(
                    "strings",
                    "pad",
                    _t(
                        "saw",
                        detune_cents=9,
                        cutoff_hz=2400,
                        attack_s=0.35,
                        sustain=1.0,
                        release_s=0.5,
                    ),
                    low=50,
                    high=74,
                    gain=0.16,
                    pan=0.25,
                    send=0.35,
                ),
                Voice(
                    "harp",
                    "arp",
                    _t(
                        "saw",
                        cutoff_hz=1400,
                        attack_cutoff_hz=5000,
                        bright_s=0.05,
                        decay_s=0.5,
                        sustain=0.0,
                        release_s=0.3,
                    ),
                    low=55,
                    high=84,
                    gain=0.16,
                    pan=0.4,
                    send=0.35,
                    min_energy=0.3,
                    rate=2,
                    articulation=1.0,
                ),
                Voice(
                    "bass",
                    "bass",
                    _t(
                        "saw",
                        cutoff_hz=700,
                        attack_s=0.02,
                        decay_s=0.6,
                        sustain=0.6,
                        release_s=0.15,
                    ),
                    low=33,
                    high=55,
                    gain=0.38,
                    send=0.1,
                    patterns=("R.......5.......", "R.....5.R...5...", "R..5..O.R..5.3.A"),
                ),
                Voice("drums", "drums", kit="orch", gain=0.4, send=0.25),
            ),
            drums=(
                DrumPart(TOM, ("x...............", "x.......x.......", "x.....x.x.......")),
                DrumPart(SNARE, ("................", "....g.......g...", "....x...g.g.x.gg"), 80),
                DrumPart(SHAKER, ("................", "..x...x...x...x.", "x.x.x.x.x.x.x.x."), 55),
            ),
            melody_density=0.45,
            leap=0.25,
            reverb_s=2.0,
            reverb_wet=0.3,
        ),
        Style(
            "dungeon",
            "Dungeon Ambient",
            "Dark and slow: drones, low strings, distant bells and a heartbeat drum.",
            70,
            (56, 84),
            "phrygian",
            (2, 4, 1),
            ("i II i VII", "i VI II i", "iv i II i"),
            "VI II",
            voices=(
                Voice(
                    "bells",
                    "lead",
                    _t(
                        "fm",
                        fm_ratio=4,
                        fm_index=1.2,
                        attack_fm_index=3.0,
                        bright_s=0.2,
                        attack_s=0.003,
                        decay_s=0.9,
                        sustain=0.0,
                        release_s=0.8,
                    ),
                    low=62,
                    high=86,
                    gain=0.22,
                    pan=0.3,
                    send=0.55,
                    articulation=1.0,
                ),
                Voice(
                    "drone",
                    "pad",
                    _t(
                        "saw",
                        detune_cents=14,
                        cutoff_hz=700,
                        attack_s=1.2,
                        sustain=1.0,
                        release_s=1.2,
                    ),
                    low=45,
                    high=66,
                    gain=0.26,
                    pan=-0.2,
                    send=0.45,
                ),
                Voice(
                    "bass",
                    "bass",
                    _t("triangle", cutoff_hz=400, attack_s=0.3, sustain=1.0, release_s=0.8),
                    low=26,
                    high=45,
                    gain=0.45,
                    send=0.1,
                    articulation=1.0,
                    patterns=("R...............", "R...............", "R.......5......."),
                ),
                Voice("drums", "drums", kit="deep", gain=0.45, send=0.4),
            ),
            drums=(
                DrumPart(KICK, ("x..x............", "x..x............", "x..x....x..x....")),
                DrumPart(TOM, ("................", "..............x.", "......x.......xx"), 70),
                DrumPart(SHAKER, ("................", "................", "..x...x...x...x."), 45),
            ),
            chord_beats=8,
            form=("A", "bridge", "A", "B"),
            melody_density=0.12,
            leap=0.35,
            reverb_s=3.0,
            reverb_wet=0.45,
            echo_beats=1.5,
            fills=False,
        ),
        Style(
            "synthwave",
            "Synthwave",
            "80s neon night drive: saw pads, octave bass, gated snare, echoing lead.",
            104,
            (84, 118),
            "aeolian",
            (9, 4, 6, 0),
            ("i VI III VII", "VI VII i i", "iv VI VII VII"),
            "VI VII",
            voices=(
                Voice(
                    "lead",
                    "lead",
                    _t(
                        "saw",
                        detune_cents=6,
                        cutoff_hz=4500,
                        attack_cutoff_hz=7000,
                        attack_s=0.01,
                        decay_s=0.5,
                        sustain=0.8,
                        release_s=0.15,
                    ),
                    low=62,
                    high=86,
                    gain=0.24,
                    pan=-0.1,
                    send=0.4,
                ),
                Voice(
                    "pad",
                    "pad",
                    _t(
                        "saw",
                        detune_cents=13,
                        cutoff_hz=2600,
                        attack_s=0.4,
                        sustain=1.0,
                        release_s=0.6,
                    ),
                    low=52,
                    high=74,
                    gain=0.16,
                    pan=0.2,
                    send=0.4,
                ),
                Voice(
                    "arp",
                    "arp",
                    _t(
                        "pulse", duty=0.5, cutoff_hz=3500, decay_s=0.12, sustain=0.3, release_s=0.05
                    ),
                    low=57,
                    high=81,
                    gain=0.13,
                    pan=0.45,
                    send=0.35,
                    min_energy=0.45,
                    rate=4,
                ),
                Voice(
                    "bass",
                    "bass",
                    _t(
                        "saw",
                        cutoff_hz=1100,
                        attack_cutoff_hz=2500,
                        bright_s=0.06,
                        decay_s=0.15,
                        sustain=0.6,
                    ),
                    low=28,
                    high=52,
                    gain=0.42,
                    send=0.0,
                    articulation=0.75,
                    patterns=("R.R.R.R.R.R.R.R.", "R.O.R.O.R.O.R.O.", "RRORRRORRRORRROR"),
                ),
                Voice("drums", "drums", kit="electro", gain=0.45, send=0.2),
            ),
            drums=_FOUR_FLOOR,
            melody_density=0.4,
            leap=0.2,
            reverb_s=2.0,
            reverb_wet=0.3,
            echo_beats=0.75,
        ),
        Style(
            "lofi",
            "Lo-fi Chill",
            "Laid-back swung beat, soft filtered keys with seventh chords, vinyl crackle.",
            80,
            (66, 92),
            "ionian",
            (5, 3, 2, 0),
            ("ii V I vi", "IV iii ii I", "vi ii V I"),
            "ii V",
            voices=(
                Voice(
                    "lead",
                    "lead",
                    _t(
                        "sine",
                        cutoff_hz=2500,
                        attack_s=0.02,
                        decay_s=0.8,
                        sustain=0.4,
                        release_s=0.2,
                    ),
                    low=62,
                    high=81,
                    gain=0.2,
                    pan=-0.2,
                    send=0.3,
                    articulation=0.8,
                    velocity=85,
                ),
                Voice(
                    "keys",
                    "stab",
                    _t(
                        "fm",
                        fm_ratio=1,
                        fm_index=0.35,
                        attack_fm_index=1.5,
                        bright_s=0.08,
                        cutoff_hz=1800,
                        attack_s=0.006,
                        decay_s=1.2,
                        sustain=0.3,
                        release_s=0.3,
                    ),
                    low=53,
                    high=74,
                    gain=0.15,
                    pan=0.2,
                    send=0.25,
                    shape="seventh",
                    articulation=1.0,
                    patterns=("x...............", "x.........x.....", "x.....x...x..x.."),
                ),
                Voice(
                    "bass",
                    "bass",
                    _t(
                        "sine",
                        cutoff_hz=600,
                        attack_s=0.01,
                        decay_s=0.6,
                        sustain=0.6,
                        release_s=0.1,
                    ),
                    low=31,
                    high=52,
                    gain=0.5,
                    send=0.0,
                    articulation=0.8,
                    patterns=("R...............", "R.......5..R....", "R.....R.5..R..A."),
                ),
                Voice("drums", "drums", kit="dusty", gain=0.42, send=0.12),
            ),
            drums=(
                DrumPart(KICK, ("x.........x.....", "x.........x.....", "x.x.......x..x..")),
                DrumPart(SNARE, ("....x.......x...", "....x.......x...", "....x..g....x..g")),
                DrumPart(HAT, ("x.x.x.x.x.x.x.x.", "x.x.x.x.x.x.x.x.", "xgxgxgxgxgxgxgxg"), 60),
            ),
            swing=0.6,
            melody_density=0.3,
            leap=0.3,
            reverb_s=1.0,
            reverb_wet=0.2,
            vinyl=1.0,
            fills=False,
        ),
        Style(
            "platformer",
            "Platformer",
            "Bouncy and bright: staccato square lead, hopping bass, off-beat organ.",
            140,
            (118, 164),
            "ionian",
            (0, 7, 5, 10),
            ("I vi ii V", "IV V I vi", "ii V iii vi"),
            "IV V",
            voices=(
                Voice(
                    "lead",
                    "lead",
                    _t("pulse", duty=0.5, cutoff_hz=7000, decay_s=0.15, sustain=0.6),
                    low=67,
                    high=91,
                    gain=0.26,
                    pan=-0.1,
                    send=0.12,
                    articulation=0.6,
                ),
                Voice(
                    "harmony",
                    "harmony",
                    _t("pulse", duty=0.125, decay_s=0.15, sustain=0.6),
                    low=60,
                    high=84,
                    gain=0.13,
                    pan=0.35,
                    min_energy=0.7,
                    articulation=0.6,
                ),
                Voice(
                    "organ",
                    "stab",
                    _t("organ", cutoff_hz=5000, decay_s=0.1, sustain=0.7),
                    low=55,
                    high=76,
                    gain=0.12,
                    pan=0.3,
                    min_energy=0.3,
                    articulation=0.5,
                    patterns=("x.......x.......", "..x...x...x...x.", "..x...x...x...xx"),
                ),
                Voice(
                    "bass",
                    "bass",
                    _t("pulse", duty=0.25, cutoff_hz=1800, decay_s=0.15, sustain=0.6),
                    low=36,
                    high=57,
                    gain=0.4,
                    send=0.0,
                    articulation=0.5,
                    patterns=("R.......5.......", "R...5...O...5...", "R.O.5.O.R.O.5.3A"),
                ),
                Voice("drums", "drums", kit="chip", gain=0.42, send=0.06),
            ),
            drums=_CHIP_DRUMS,
            melody_density=0.7,
            leap=0.35,
            reverb_s=0.8,
            reverb_wet=0.12,
        ),
        Style(
            "racing",
            "Racing",
            "High-speed rock synth: driving eighth bass, four-on-the-floor, saw lead.",
            164,
            (140, 184),
            "mixolydian",
            (4, 9, 2, 7),
            ("I VII IV I", "IV I VII VII", "vi IV VII v"),
            "IV VII",
            voices=(
                Voice(
                    "lead",
                    "lead",
                    _t("saw", detune_cents=5, cutoff_hz=6500, decay_s=0.4, sustain=0.8),
                    low=64,
                    high=88,
                    gain=0.24,
                    pan=0.0,
                    send=0.18,
                ),
                Voice(
                    "guitar",
                    "stab",
                    _t(
                        "saw",
                        cutoff_hz=2200,
                        attack_cutoff_hz=4500,
                        bright_s=0.04,
                        decay_s=0.12,
                        sustain=0.4,
                    ),
                    low=40,
                    high=64,
                    gain=0.14,
                    pan=-0.35,
                    min_energy=0.3,
                    shape="power",
                    articulation=0.5,
                    patterns=("x.......x.......", "x.x.x.x.x.x.x.x.", "xxx.xxx.xxx.xxxx"),
                ),
                Voice(
                    "bass",
                    "bass",
                    _t("saw", cutoff_hz=900, decay_s=0.2, sustain=0.6),
                    low=28,
                    high=52,
                    gain=0.42,
                    send=0.0,
                    articulation=0.7,
                    patterns=("R.R.R.R.R.R.R.R.", "R.R.R.R.R.R.O.R.", "RRORRRORRRORRR5A"),
                ),
                Voice("drums", "drums", kit="rock", gain=0.5, send=0.08),
            ),
            drums=_FOUR_FLOOR,
            melody_density=0.55,
            leap=0.25,
            reverb_s=1.0,
            reverb_wet=0.15,
        ),
    )
}


def get_style(style_id: str) -> Style:
    """The preset for `style_id`; an unknown id raises BadInput(code="unknown_style")."""
    try:
        return STYLES[style_id]
    except KeyError:
        raise BadInput(
            f"Unknown style '{style_id}'.",
            hint="Styles: " + ", ".join(STYLES) + ".",
            code="unknown_style",
        ) from None
