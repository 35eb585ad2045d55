"""Two sounds compared, and the creator's own voice as the subject of a level (中文).

    音乐比游戏声还大        the music is louder than the game: a complaint, the music comes down
    音乐要比游戏声大一点    a request: the music goes up
    bgm比我的声音还响       the music over the voice: the dip under the voice gets deeper
    我的声音太小了 / 人声大一点   the voice should come through: ducking, 4 dB deeper

The voice is part of the recording; what the product can do for it is duck the music under
it, so a voice that should be louder is ducking (as "make my voice easier to hear" is). These
rules run before the level rules, which would read "大一点" as the music's.
"""

from __future__ import annotations

import re

from gamemusic.words.rules import Rule, State, Step, combine, registrar

RULES: list[Rule] = []
AFTER: list[Rule] = []  # after the level rules: a constraint on what they set
rule = registrar(RULES)
after = registrar(AFTER)

_MUSIC = r"(?:背景音乐|音乐|配乐|bgm)"
_GAME = r"(?:游戏原声|游戏声音|游戏音效|游戏的声音|游戏声|原声|游戏)"
_VOICE = (
    r"(?:我的?(?:声音|人声|解说|说话声?|讲话声?|麦克风?(?:的?声音)?|配音|旁白)|人声|解说(?:的?声音)?"
    r"|麦克风(?:的?声音)?|说话声|讲话声|我(?:说话|讲话|解说)(?:的?声音)?)"
)
_SOUND = rf"(?:{_MUSIC}|{_GAME}|{_VOICE})(?:的?(?:声音|音量)|声)?"


def _kind(word: str) -> str:
    return ("music" if re.match(_MUSIC, word) else "voice" if re.match(_VOICE, word)
            else "game")  # fmt: skip


def _duck_deeper(st: State) -> None:
    st.plan.duck, st.plan.duck_step = True, 4.0


def _scale(st: State, which: str, by: float) -> None:
    if which == "music":
        st.plan.volume_factor = combine(st.plan.volume_factor, by)
    elif which == "game":
        st.plan.game_volume_factor = combine(st.plan.game_volume_factor, by)


# bgm不要太大也不要太小 / 音量30%还是40%都行: neither way, or either value, asks for no change.
@rule(
    rf"(?:{_MUSIC}|{_GAME}|音量)?(?:的?(?:声音|音量))?(?:不要|别)(?:太|那么)(?:大|响|吵|小|轻)[,，]?(?:也|又|但也|但)?(?:不要|别)(?:太|那么)(?:大|响|吵|小|轻)",
    rf"(?:{_MUSIC}|{_GAME}|音量)?(?:的?(?:声音|音量))?(?:调到|调成|设成|开到)?\s*\d+\s*%?\s*(?:还是|或者|或)\s*\d+\s*%?\s*(?:都行|都可以|都ok|也行|随便)",
)
def _either_level(m: re.Match[str], st: State) -> None:
    st.plan.ignored.append(m.group(0).strip())


_COVERS = r"(?:盖过|盖住|压过|压住|淹没|盖掉|压着|盖着)了?"
_GAME_LOUD = rf"{_GAME}(?:的?声音)?(?:太大了?|太吵了?|太响了?)?[,，]?(?:都|快|要)?"


@rule(
    rf"{_GAME_LOUD}(?:别|不要|不能)?{_COVERS}{_VOICE}",
    rf"{_GAME_LOUD}(?:把|将){_VOICE}(?:都|给)?{_COVERS}",
)
def _game_over_voice(m: re.Match[str], st: State) -> None:
    """游戏声别盖过我说话 / 游戏声把我的声音盖住了: the game comes down, not a deeper dip."""
    _scale(st, "game", 0.6)


@rule(
    rf"(?P<want>要|得|应该|需要|希望|想让|让)?(?P<x>{_SOUND})(?:要|得|应该)?(?:都|还|也)?比(?P<y>{_SOUND})"
    r"(?:还|都|更|要)?(?P<dir>大声|大|响|吵|小声|小|轻|低)(?P<amt>很多|太多|不少|得多|一?点|一些|些)?(?P<le>了)?"
)
def _compare(m: re.Match[str], st: State) -> None:
    """X比Y还大 lowers X (a complaint); X要比Y大 raises it (a request). Against the voice it
    is the ducking that changes."""
    x, y = _kind(m["x"]), _kind(m["y"])
    if x == y:
        return
    louder = m["dir"] in ("大声", "大", "响", "吵")
    request = bool(m["want"]) or (m["amt"] in ("一点", "点", "一些", "些") and not m["le"])
    up = louder == request  # a complaint about a louder X, or a request for a quieter X: down
    if "voice" in (x, y):  # the music should sit under the voice: deeper ducking
        if (x == "voice") == up:
            _duck_deeper(st)
        return
    _scale(st, x, 1.5 if up else 0.6)


@rule(
    rf"(?P<a>{_SOUND})(?:和|跟|与|还有)(?P<b>{_SOUND})(?:都|也|全都?)(?:(?P<too>太|有点|好)?(?P<dir>大声|大|响|吵|小声|小|轻|低)"
    r"(?:一?点|一些|些)?了?|(?P<half>(?:降|减|小|调小|降低|调到)一半|减半))"
)
def _both(m: re.Match[str], st: State) -> None:
    """游戏声音和我说话声都太小了: each sound its own way (the voice by ducking)."""
    up = (m["dir"] in ("大声", "大", "响", "吵")) != bool(m["too"])
    for which in dict.fromkeys((_kind(m["a"]), _kind(m["b"]))):
        if m["half"]:
            _scale(st, which, 0.5)
        elif which == "voice":
            if up:
                _duck_deeper(st)
        else:
            _scale(st, which, 1.5 if up else 0.6)


@rule(
    rf"(?P<a>{_MUSIC}|{_GAME})(?:的?(?:声音|音量))?(?:和|跟|与)(?P<b>{_MUSIC}|{_GAME})(?:的?(?:声音|音量))?(?:都|也|全都?)"
    r"(?:调成|调到|设为|设成|改成|降到|开到|为|是)\s*(?P<v>\d{1,3})\s*%?"
)
def _both_level(m: re.Match[str], st: State) -> None:
    """游戏声和bgm都调成50%: each sound set to that level."""
    value = min(float(m["v"]), 100.0) / 100
    for which in dict.fromkeys((_kind(m["a"]), _kind(m["b"]))):
        if which == "music":
            st.plan.volume = value
        else:
            st.plan.game_volume = value


@after(r"(?:但是?|不过)?(?:别|不要|不能)(?:盖过|盖住|压过|压住|淹没|盖掉|超过|大过|比|抢|抢了)了?(?:游戏声音?|游戏音效|游戏的声音|原声|脚步声?|枪声|音效)")
def _not_over_game(m: re.Match[str], st: State) -> None:
    """音乐别压过游戏声: the music comes down; after "bgm再大点" it only bounds that request."""
    if st.plan.volume_factor is None and st.plan.volume is None:
        _scale(st, "music", 0.6)


@after(r"(?:但是?|不过)?(?:也)?(?:别|不要|不能)(?:盖过|盖住|压过|压住|淹没|盖掉|超过|大过|抢|抢了)了?(?:背景音乐|音乐|bgm|配乐)")
def _not_over_music(m: re.Match[str], st: State) -> None:
    """游戏声大一点，但别盖过音乐: a bound on the game's level just asked; alone, the game down."""
    if st.plan.game_volume_factor is None and st.plan.game_volume is None:
        _scale(st, "game", 0.6)


@rule(
    r"(?:节奏|速度|节拍|bpm)(?:再|稍微)?(?:放|调|变)?(?P<t>快|慢)(?:一?点|一些|些)?"
    r"\s*[,，]\s*(?:但|但是|不过)?(?:也)?(?:不要|别|不用)(?:太|那么)(?:快|慢)了?",
)
def _hedged_tempo(m: re.Match[str], st: State) -> None:
    """节奏慢一点，别太慢: a small step that way, not a contradiction."""
    st.plan.tempo_factor = combine(st.plan.tempo_factor, Step.of(1.07 if m["t"] == "快" else 0.93, True))


@rule(
    rf"(?P<x>{_MUSIC}|{_GAME}|音量)?(?:的?(?:声音|音量))?(?:再|稍微)?(?:调|开)?(?P<dir>大|响|高|小|轻|低)(?:声)?(?:一?点|一些|些)?"
    r"\s*[,，]\s*(?:但|但是|不过)?(?:也)?(?:不要|别|不用)(?:太|那么)(?:大|响|高|吵|小|轻|低)(?:声)?了?"
)
def _hedged(m: re.Match[str], st: State) -> None:
    """音乐大一点，但别太大: a small step that way, not a contradiction."""
    which = "game" if m["x"] and re.match(_GAME, m["x"]) else "music"
    _scale(st, which, 1.25 if m["dir"] in ("大", "响", "高") else 0.8)


_MUSIC_BLAMED = re.compile(rf"{_MUSIC}[^。；;\n]{{0,8}}?(?:小|低|轻|关|压|吵|太大|太响|大声)")


@rule(rf"(?:都|完全|根本|有点)?听不(?:到|见|清)(?:楚)?(?P<x>{_GAME})(?:的?声音)?了?")
def _game_unheard(m: re.Match[str], st: State) -> None:
    """听不到游戏的声音了: the game comes up, unless the music is blamed in the same sentence
    ("听不见游戏声了，音乐小点": lowering the music is the fix)."""
    if not _MUSIC_BLAMED.search(m.string[: m.start()] + m.string[m.end() :]):
        _scale(st, "game", 1.5)


@rule(
    rf"(?:让|把)?{_VOICE}(?:也|再|要|稍微|能不能|可以|更|调|开)?(?:大声|大|响|清楚|清晰|突出|明显)(?:一?点|一些|些)?(?!\s*(?:了|吗))",
    rf"{_VOICE}(?:都|有点|太|好|总是|老是|根本)?(?:小|轻|弱|不清楚|不清晰|不明显|不突出)了?(?!一?点|些)",
)
def _voice_up(m: re.Match[str], st: State) -> None:
    """我的声音太小了, 人声大一点: the voice should come through."""
    st.voice_reason = st.plan.duck is None  # "我声音有点小，音乐小一点": the reason only
    _duck_deeper(st)


_EN_LEVEL = re.compile(
    r"\b(?:quiet(?:er)?|soft(?:er)?|lower|loud(?:er)?|noisy|higher|down|up|reduce|volume|duck\w*|dip|level)\b|\d|%", re.I
)


@rule(
    r"\b(?<!because\s)(?<!cuz\s)(?<!cause\s)(?<!since\s)(?<!as\s)(?:my\s+|the\s+)?(?<!because\smy\s)(?<!cuz\smy\s)(?<!since\smy\s)(?:voice|commentary|mic|microphone|narration|talking)\s+(?:is|sounds|gets)\s+"
    r"(?:(?:so|really|kinda|kind\s+of|too|way\s+too|pretty|super|very|still|always|a\s+bit|a\s+little|a\s+tad|slightly)\s+)*"
    r"(?:quiet|low|soft|faint|weak|hard\s+to\s+hear)\b(?!\s+(?:enough|now|compared|than|next|against|over|under|with|by|in)\b)",
)
def _voice_quiet(m: re.Match[str], st: State) -> None:
    """"My voice is too quiet": the voice should come through, the dip under it deepens; next to
    a level ("softer music please, my mic is quiet") it is that level's reason only."""
    if not _EN_LEVEL.search(m.string[: m.start()] + " " + m.string[m.end() :]):
        _duck_deeper(st)


_EN_GAME = r"(?:the\s+|my\s+)?(?:game(?:play)?|in-game)(?:\s+(?:audio|sounds?|sfx|noise|volume))?|(?:the\s+)?(?:sfx|gunshots|explosions)"
_EN_VOICE = r"(?:my\s+)?(?:voice|commentary|mic|talking|narration)|me|myself"


@rule(
    rf"\b(?:{_EN_GAME})\s+(?:is\s+|are\s+|keeps\s+|kinda\s+|totally\s+)*(?:drowning|drowns|covering|covers|overpowering|overpowers|burying|buries"
    rf"|louder\s+than)\s+(?:out\s+)?(?:{_EN_VOICE})\b(?:\s+out\b)?",
    rf"\b(?:{_EN_VOICE})\s+(?:is\s+getting|gets|is|keeps\s+getting)\s+(?:totally\s+|kinda\s+|completely\s+)?(?:drowned|covered|buried|overpowered|lost)"
    rf"(?:\s+out)?\s+(?:by|under|in)\s+(?:{_EN_GAME})\b",
    rf"\bcan'?t\s+hear\s+(?:{_EN_VOICE})\s+over\s+(?:{_EN_GAME})\b",
)
def _game_over_voice(m: re.Match[str], st: State) -> None:
    """"The game is drowning out my voice": the game is in the way, not the music: it comes down
    (only the music can dip under the voice)."""
    _scale(st, "game", 0.6)

