"""Both sounds at once, where one sentence names the music and the game together:

    "mute both the music and the game"          no music, no game audio
    "everything louder except the music"         the game audio only
    "the game is way louder than the music"      a complaint: the game comes down
    "I can't hear the gunshots"                  the game comes up (not after the music is blamed)

`SWITCHES` run before `sound.SWITCHES` (which would read "mute the game" alone), `LEVELS`
before `sound.LEVELS` (which would read "louder" as the music's). "Music and game both a bit
quieter" is `sound._music_and_game`.
"""

from __future__ import annotations

import re

from gamemusic.words.music_volume import _scale_volume
from gamemusic.words.rules import BIT, MUCH, Rule, State, factor, group, registrar
from gamemusic.words.sound import _NOISES, _ORIG, _SOUND, _scale_game
from gamemusic.words.text import NUM

SWITCHES: list[Rule] = []
LEVELS: list[Rule] = []
switch = registrar(SWITCHES)
level = registrar(LEVELS)


@switch(  # before the mute, which would take "cut the game audio"
    r"\b(?:lower|reduce|drop|cut|turn\s+down|bring\s+down)\s+(?:both\s+)?(?:the\s+)?(?:(?:music|bgm)\s+and\s+(?:the\s+)?game(?:play)?"
    r"(?:\s+(?:audio|sounds?))?|game(?:play)?(?:\s+(?:audio|sounds?))?\s+and\s+(?:the\s+)?(?:music|bgm)|both|everything)\s+"
    r"(?:down\s+)?(?:by|in)\s+half\b",
)
def _both_half(m: re.Match[str], st: State) -> None:
    """"Lower the music and the game by half": both sounds times 0.5 (not one step each)."""
    _scale_volume(st, 0.5)
    _scale_game(st, 0.5)


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


_WHICH = r"(?:the\s+)?(?P<{0}>music|bgm|soundtrack|game(?:play)?(?:\s+(?:audio|sound|sounds))?|in-game\s+(?:audio|sound))"


@level(
    rf"\b{_WHICH.format('x')}(?:'s|\s+is|\s+are|\s+gets|\s+sounds)\s+(?:(?:way|much|a\s+lot|so|kinda|a\s+bit|still)\s+)*"
    rf"(?P<dir>louder|quieter|softer)\s+than\s+{_WHICH.format('y')}",
)
def _louder_than(m: re.Match[str], st: State) -> None:
    """"The game is way louder than the music": a complaint, that sound comes down (said as a
    request, "music louder than the game please", it is the level rules' step up)."""
    x, y = (group(m, k) or "" for k in ("x", "y"))
    if (x in ("music", "bgm", "soundtrack")) == (y in ("music", "bgm", "soundtrack")):
        return
    step = 0.6 if m["dir"] == "louder" else 1.5
    if x in ("music", "bgm", "soundtrack"):
        _scale_volume(st, step)
    else:
        _scale_game(st, step)


@level(
    rf"\b(?:can(?:'t|not|t)\s+(?:really\s+|even\s+)?|(?:can\s+|could\s+)?(?:only\s+)?barely\s+)hear\s+(?:the\s+|my\s+)?(?:(?:game(?:play)?|in-game|original)(?:\s+(?:audio|sound|sounds))?|{_NOISES})\b"
    r"(?!\s+(?:over|because|under|with|behind)\b)",
)
def _cant_hear_game(m: re.Match[str], st: State) -> None:
    """"I can't hear the gunshots": the game comes up, unless the music was just blamed ("the
    music is way too loud, I can't hear the game": lowering the music is the fix)."""
    if not _BLAMED.search(m.string, 0, m.start()):
        _scale_game(st, 1.5)


_BLAMED = re.compile(
    r"\b(?:music|bgm|soundtrack)(?:'s|\s+is)?\s+(?:(?:way|so|really|kinda|much)\s+)*(?:too\s+)?loud"
    r"|\b(?:lower|turn\s+down|tone\s+down|drop|quiet\s+down)\s+(?:the\s+)?(?:music|bgm|soundtrack)\b"
    r"|\b(?:music|bgm|soundtrack)\s+(?:down|quieter|lower|softer)\b",
    re.I,
)


@level(
    rf"\bturn\s+(?:both\s+)?(?:the\s+)?(?:music|bgm)\s+and\s+(?:the\s+)?game(?:play)?(?:\s+(?:audio|sound|sounds))?\s+(?P<dir>up|down)\s+"
    rf"(?:by\s+)?(?P<n>{NUM})\s*(?:%|percent)",
    rf"\b(?:the\s+)?(?:music|bgm)\s+and\s+(?:the\s+)?game(?:play)?(?:\s+(?:audio|sound|sounds))?\s+(?:both\s+)?(?P<n>{NUM})\s*(?:%|percent)\s+"
    r"(?P<dir>louder|quieter|softer)",
)
def _both_by(m: re.Match[str], st: State) -> None:
    """"Turn the music and game up 20%": both sounds times 1.2 (not a level of 20%)."""
    n = min(float(m["n"]), 95.0) / 100
    by = round(1 + n if m["dir"] in ("up", "louder") else 1 - n, 4)
    _scale_volume(st, by)
    _scale_game(st, by)



@level(
    rf"\b(?:set\s+|put\s+|turn\s+)?(?:both\s+)?(?:the\s+)?(?:(?:music|bgm)\s+and\s+(?:the\s+)?game(?:play)?(?:\s+(?:audio|sounds?))?"
    rf"|game(?:play)?(?:\s+(?:audio|sounds?))?\s+and\s+(?:the\s+)?(?:music|bgm)|both(?:\s+sounds)?)(?:\s+volumes?)?\s+(?:both\s+)?"
    rf"(?:at|to)\s+(?P<v>{NUM})\s*(?:%|percent)?(?![\d:.]|\s*(?:s|secs?|seconds?|m|mins?|minutes?)\b)",
)
def _both_level(m: re.Match[str], st: State) -> None:
    """"Music and game both at 50%": each sound set to that level."""
    value = float(m["v"])
    value = value / 100 if value > 1 or "." not in m["v"] else value
    if value > 1:
        return
    st.plan.volume, st.plan.game_volume = round(value, 4), round(value, 4)
