"""Both sounds at once, where one sentence names the music and the game together:

    "mute both the music and the game"          no music, no game audio
    "everything louder except the music"         the game audio only

`SWITCHES` run before `sound.SWITCHES` (which would read "mute the game" alone), `LEVELS`
before `sound.LEVELS` (which would read "louder" as the music's). "Music and game both a bit
quieter" is `sound._music_and_game`.
"""

from __future__ import annotations

import re

from gamemusic.words.rules import BIT, MUCH, Rule, State, factor, registrar
from gamemusic.words.sound import _ORIG, _SOUND, _scale_game, _scale_volume

SWITCHES: list[Rule] = []
LEVELS: list[Rule] = []
switch = registrar(SWITCHES)
level = registrar(LEVELS)


@switch(
    rf"\b(?:mute|silence|turn\s+off|kill|remove|cut)\s+(?:both\s+)?(?:the\s+)?(?:background\s+)?(?:music|bgm)\s+(?:and|&)\s+"
    rf"(?:the\s+)?(?:game|gameplay|original|in-game)(?:\s+{_SOUND})?\b(?:\s+both)?"
    rf"|\b(?:mute|silence|turn\s+off|kill|remove|cut)\s+(?:both\s+)?{_ORIG}(?:\s+{_SOUND})?\s+(?:and|&)\s+(?:the\s+)?(?:background\s+)?"
    r"(?:music|bgm)\b(?:\s+both)?",
)
def _mute_both(m: re.Match[str], st: State) -> None:
    """"Mute both the music and the game": no music, no game audio."""
    st.plan.original_audio = "mute"
    st.plan.remove_music = True


@level(
    rf"\b(?:make\s+|turn\s+)?everything\s+(?:{MUCH}\s+|{BIT}\s+)?(?P<dir>louder|quieter|softer|up|down)\s+(?:except|but|besides|other\s+than)\s+"
    r"(?:for\s+)?(?:the\s+)?(?P<what>music|bgm|game(?:play)?(?:\s+(?:audio|sound|sounds))?)\b",
)
def _all_but_one(m: re.Match[str], st: State) -> None:
    """"Everything louder except the music": the other sound only."""
    step = factor(m, 0.6, 0.36, 0.8) if m["dir"] in ("quieter", "softer", "down") else factor(m, 1.5, 2.25, 1.25)
    if m["what"] in ("music", "bgm"):
        _scale_game(st, step)
    else:
        _scale_volume(st, step)
