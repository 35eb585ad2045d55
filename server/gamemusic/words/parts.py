"""A switch said for one moment of the video that has no time on it (English).

    no game audio during the boss fight     not the whole video muted: a part it cannot time
    mute the game when the boss shows up    the same
    kill the music in the cutscenes         not the whole video's music removed
    during the intro, no music              the moment said first

These run before the switches (mute, remove the music), which would take the whole video, and
before the limits' own "during the boss fight", which a "no" in front of it would negate.
"""

from __future__ import annotations

import re

from gamemusic.words.limits import GAME_PART, VOLUME_PART, cannot_time, no_part
from gamemusic.words.rules import Rule, State, registrar

RULES: list[Rule] = []
rule = registrar(RULES)

_MOMENT = (
    r"(?:(?:during|in|on|for|over|at|through|throughout)\s+(?:the\s+|my\s+|all\s+the\s+|those\s+|that\s+)?"
    r"(?:intro|outro|opening|ending|credits|cut[\s-]?scenes?|boss(?:\s+(?:fight|battle|part|section|fights))?"
    r"|(?:final\s+|big\s+)?(?:fights?|battles?|gunfights?|team\s?fights?)|middle(?:\s+part)?|climax|finale"
    r"|menus?(?:\s+part)?|lobby|loading\s+screens?|replays?|kill\s?cams?|highlights?|clutch(?:\s+part)?"
    r"|(?:last|final|first|end|ending|boring|quiet|slow)\s+(?:part|bit|section)|(?:second|first|last|back)\s+half)"
    r"|(?:after|before|until|till)\s+(?:the\s+)?(?:intro|cut[\s-]?scene|boss\s+fight|fight|menu|lobby|countdown)"
    r"|(?:when|while|whenever|once|as\s+soon\s+as)\s+(?:the\s+|a\s+)?(?:boss|fight|match|round|cut[\s-]?scene|enemy|enemies|"
    r"team\s?fight|gunfight)\b(?:\s+(?:starts|begins|appears|shows\s+up|comes(?:\s+in)?|is\s+on|happens|kicks\s+off))?)\b"
)
_GAME = r"(?:the\s+|my\s+)?(?:game|gameplay|original|in-game)(?:\s+(?:audio|sound|sounds|sfx|volume|noise))?"
_MUSIC = r"(?:the\s+|any\s+|my\s+)?(?:background\s+)?(?:music|bgm|song|track|soundtrack|tunes?|beat)"
_OFF = (
    r"(?:mute|silence|kill|cut|remove|drop|ditch|lose|delete|scrap|get\s+rid\s+of|take\s+out|turn\s+off|switch\s+off"
    r"|no|without|stop|don't\s+(?:want|need|play|use|put)|i\s+don't\s+want)"
)
_LEVEL = r"(?:lower|raise|boost|turn\s+(?:up|down)|bump|crank)"  # the game's level over a part
_GAME_VERBS = rf"(?:{_OFF}|{_LEVEL})"


def _switched(noun: str, verbs: str = _OFF) -> str:
    return rf"(?:{verbs}\s+{noun}|{noun}\s+(?:off|muted|out|gone|removed))"


@rule(
    rf"\b{_switched(_GAME, _GAME_VERBS)}\s+{_MOMENT}(?![^,;.!?\n]{{0,24}}?\d)",
    rf"\b{_MOMENT}\s*,?\s+(?:just\s+|please\s+|pls\s+)?{_switched(_GAME, _GAME_VERBS)}\b(?![^,;.!?\n]{{0,24}}?\d)",
)
def _game_moment(m: re.Match[str], st: State) -> None:
    """"No game audio during the boss fight": the game audio has one level for the whole video."""
    no_part(st, *GAME_PART)


@rule(
    rf"\b{_switched(_MUSIC)}\s+{_MOMENT}(?![^,;.!?\n]{{0,24}}?\d)",
    rf"\b{_MOMENT}\s*,?\s+(?:just\s+|please\s+|pls\s+)?{_switched(_MUSIC)}\b(?![^,;.!?\n]{{0,24}}?\d)",
)
def _music_moment(m: re.Match[str], st: State) -> None:
    """"No music during the boss fight": a moment the words cannot put a time on."""
    cannot_time(m, st)


_LOUDER = (
    r"(?:louder|quieter|softer|(?:turned\s+)?(?:up|down)|lower|higher|(?:more|less)\s+(?:loud|quiet|intense)|(?:too|so|way\s+too)\s+"
    r"(?:loud|quiet|soft))"
)
_SPEED = r"(?:faster|slower|quicker|speed\s+(?:it\s+|the\s+music\s+)?up|slow\s+(?:it\s+|the\s+music\s+)?down|tempo\s+(?:up|down))"
_SAID_OF = r"(?:(?:the\s+)?(?:music|bgm|song|track|soundtrack|beat|tunes?|it)\s+(?:should\s+be\s+|is\s+|needs\s+to\s+be\s+|to\s+be\s+)?)"


@rule(
    rf"\b(?<!speed\s)(?<!slow\s){_SAID_OF}(?:(?:a\s+(?:bit|little|lot)|way|much|slightly)\s+)?{_LOUDER}\s+{_MOMENT}(?![^,;.!?\n]{{0,24}}?\d)",
    rf"\b{_MOMENT}\s*,?\s+{_SAID_OF}?(?:(?:a\s+(?:bit|little|lot)|way|much|slightly)\s+)?{_LOUDER}\b(?![^,;.!?\n]{{0,24}}?\d)",
)
def _level_moment(m: re.Match[str], st: State) -> None:
    """"The music should be louder during the fight": a level holds for the whole video."""
    no_part(st, *VOLUME_PART)


@rule(
    rf"\b(?:make\s+)?{_SAID_OF}?(?:(?:a\s+(?:bit|little|lot)|way|much|slightly)\s+)?{_SPEED}\s+{_MOMENT}(?![^,;.!?\n]{{0,24}}?\d)",
    rf"\b{_MOMENT}\s*,?\s+(?:make\s+)?{_SAID_OF}?(?:(?:a\s+(?:bit|little|lot)|way|much|slightly)\s+)?{_SPEED}\b(?![^,;.!?\n]{{0,24}}?\d)",
)
def _tempo_moment(m: re.Match[str], st: State) -> None:
    """"Make the music slower for the intro": the tempo holds for the whole video."""
    no_part(st, "a tempo change over part of the video", "只改一段时间里的节奏",
          ("The tempo holds for the whole video; say 'slower' or '100 bpm' for all of it.",
           "节奏只能整体设置；可以说“慢一点”或“100 bpm”。"))  # fmt: skip
