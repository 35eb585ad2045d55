"""The chords of each section, bar by bar, from the style's progression families.

A 8-bar A or B section plays its family's period; a 4-bar one keeps the first two bars and
the cadence (bars 7-8). The intro holds the tonic and turns to the dominant side in its last
bar, a break sits on the tail's last chord, the outro plays the tail (IV V, bVI bVII, ...)
into the final tonic. In a tension arc major chords darken to their parallel minor.
"""

from __future__ import annotations

from gamemusic.music.form import Section
from gamemusic.music.spec import Family
from gamemusic.music.theory import Chord, parse_bars, parse_chord

_FOUR = (0, 1, 6, 7)  # the bars of an 8-bar period a 4-bar phrase keeps


def section_bars(
    family: Family, sec: Section, n_bars: int, mode: tuple[int, ...], *, dark: bool = False
) -> list[list[Chord]]:
    """One list of chords per bar of `sec` (n_bars bars from its first downbeat)."""
    tonic = parse_chord(_tonic_name(family), mode)
    tail = [parse_chord(t, mode) for t in family.tail.split()]
    if sec.name in ("A", "B"):
        period = parse_bars(family.a if sec.name == "A" else family.b, mode)
        bars = period if n_bars >= 8 else [period[i] for i in _FOUR]
        out = [bars[i % len(bars)] for i in range(n_bars)]
    elif sec.name == "bridge":
        bridge = parse_bars(family.bridge, mode)
        out = [bridge[i % len(bridge)] for i in range(n_bars)]
    elif sec.name == "break":
        out = [[tail[-1]] for _ in range(n_bars)]
    elif sec.name == "outro":
        if n_bars >= len(tail):
            per = n_bars // len(tail)
            out = [[tail[min(i // per, len(tail) - 1)]] for i in range(n_bars)]
        else:
            out = [tail] if n_bars else []
    else:  # intro
        out = [[tonic] for _ in range(n_bars)]
        if n_bars >= 2:
            out[-1] = [tail[-1]]
    if dark:
        out = [[darken(c, mode) for c in bar] for bar in out]
    return out


def _tonic_name(family: Family) -> str:
    first = family.a.split("|")[-1].split()[-1]  # the period's last chord is its tonic
    return first


def darken(chord: Chord, mode: tuple[int, ...]) -> Chord:
    """A major triad (not the dominant) as its parallel minor: tension in an arc."""
    if chord.is_dominant or len(chord.pcs) < 3 or (chord.pcs[1] - chord.pcs[0]) % 12 != 4:
        return chord
    name = chord.name.split("/")[0]
    if "/" in chord.name or not name.lstrip("b#")[:1].isupper():
        return chord
    core = name.removesuffix("M7").removesuffix("7")
    minor = core[: len(core) - len(core.lstrip("b#"))] + core.lstrip("b#").lower()
    return parse_chord(minor + ("7" if name.endswith("7") else ""), mode)
