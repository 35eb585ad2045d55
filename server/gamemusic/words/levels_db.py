"""Level changes said as editors say them: in decibels ("BGM -6dB", "lower the BGM by 3 dB",
"gain +3 on the game": N dB scales the level by 10^(N/20), -6 dB is about half) or as a signed
percent ("volume -20%", "game +50%": relative, never a level of 20%). Ducking in dB ("duck
12 dB") is `ducking.py`; these run after it and before `sound.LEVELS`, which would read "lower
the BGM" as one step and "20%" as a level.
"""

from __future__ import annotations

import re

from gamemusic.words.music_volume import _scale_volume
from gamemusic.words.rules import Rule, State, registrar
from gamemusic.words.sound import _GAME, _scale_game
from gamemusic.words.text import NUM

LEVELS: list[Rule] = []
level = registrar(LEVELS)

_MUSIC = r"(?:the\s+)?(?:music|bgm|soundtrack|background\s+music)(?:'s)?(?:\s+(?:volume|level|gain))?"
_DOWN = ("lower", "reduce", "drop", "cut", "decrease", "turn down", "-")


def _factor(db: float, down: bool) -> float:
    return max(0.05, min(4.0, round(10 ** ((-db if down else db) / 20), 4)))


@level(
    rf"\b(?P<who>{_MUSIC}|{_GAME})\s*(?:at\s+|to\s+|by\s+)?(?P<sign>[+-])\s*(?P<db>{NUM})\s*db\b",
    rf"\b(?P<verb>lower|reduce|drop|cut|decrease|raise|boost|increase|turn\s+down|turn\s+up)\s+(?P<who>{_MUSIC}|{_GAME})"
    rf"\s+(?:by\s+)?(?P<db>{NUM})\s*db\b",
    rf"\bgain\s+(?P<sign>[+-])\s*(?P<db>{NUM})\s*(?:db\s+)?(?:on|for|to)\s+(?P<who>{_MUSIC}|{_GAME})",
)
def _db(m: re.Match[str], st: State) -> None:
    """A level change in dB, on the music or on the game audio."""
    down = (m["sign"] if "sign" in m.re.groupindex and m["sign"] else
            re.sub(r"\s+", " ", m["verb"] or "")) in _DOWN  # fmt: skip
    by = _factor(float(m["db"]), down)
    if re.search(r"music|bgm|soundtrack", m["who"]):
        _scale_volume(st, by)
    else:
        _scale_game(st, by)


@level(rf"\b(?P<who>{_MUSIC}|(?:the\s+)?volume|{_GAME})\s*[:=]?\s*(?P<sign>[+-])\s*(?P<n>{NUM})\s*(?:%|percent)")
def _signed_pct(m: re.Match[str], st: State) -> None:
    """"Volume -20%", "game +50%": the level times 0.8 / 1.5."""
    n = min(float(m["n"]), 95.0 if m["sign"] == "-" else 300.0) / 100
    by = round(1 - n if m["sign"] == "-" else 1 + n, 4)
    if re.search(r"music|bgm|soundtrack|volume", m["who"]) and not re.search(r"game|original|sfx", m["who"]):
        _scale_volume(st, by)
    else:
        _scale_game(st, by)
