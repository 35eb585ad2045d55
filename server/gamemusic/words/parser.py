"""One edit sentence (English or Chinese) -> an `EditPlan`, forgivingly.

    parse("umm add boss music, quieter, only the last 30 seconds, and make it vertical lol")
    -> EditPlan(style="boss", volume_factor=0.6, range=TimeRange(last=30), aspect="9:16",
                ignored=["umm", "lol"])

How: quoted titles are taken out first (their case kept), then the lower-cased rest goes
through the rule tables in `RULE_ORDER` (most specific first: "quieter under my voice" is
ducking before "quieter" can be the music's volume). Each rule consumes the words it
understood; a rule whose words follow a negation in the same clause changes nothing ("don't
make it louder"), or, for a switch, means its opposite (`rules.OPPOSITE`: "I don't want the
music to dip when I talk" is ducking off). Repeated cues for one aspect don't stack ("too
fast, slow it down" is one step); a number beats a word ("quieter, like 20%"). Words left over that are not filler are kept in `plan.ignored`: the reply
names them, nothing fails because of them. The parse raises `BadInput` only when a value is
out of range, two requests contradict each other, or nothing at all was understood; things
the product cannot do (4K, frame rate, filters) land in `plan.unsupported` and vague ones
("darker") in `plan.question`, for the caller to refuse or ask.
"""

from __future__ import annotations

import re

from gamemusic.errors import BadInput
from gamemusic.words import (
    compare,
    ducking,
    ending,
    fade_fixes,
    fades,
    history,
    levels_db,
    limits,
    music,
    music_volume,
    parts,
    picture,
    questions,
    refer,
    sound,
    tempo,
    timing,
    titles,
    together,
    typos,
)
from gamemusic.words.plan import EditPlan, Question
from gamemusic.words.replies import called_off, nothing_to_do, unplaced_amount
from gamemusic.words.rules import OPPOSITE, Handler, Opposed, Rule, State, bad
from gamemusic.words.text import FLAGS, TIME, detect_lang, normalize, say
from gamemusic.words.vocabulary import STYLE_TITLES, meaningful

MAX_TEXT = 2000
# A time or an amount left over: what it belonged to is unknown, so nothing is applied.
_AMOUNT = re.compile(rf"{TIME}|\d\s*(?:%|percent|db|分贝|bpm|倍)", FLAGS)

RULE_ORDER: tuple[list[Rule], ...] = (
    history.RULES,  # undo / redo
    parts.RULES,  # "no game audio during the boss fight": not the whole video's switch
    timing.LEAD,  # "no music for the first 5 s" is a start time, not "no music"
    ending.END,  # "no music in the last 10 s": an end before the video's, not "no music"
    titles.REMOVE,  # "remove the titles" before "remove ..." reads as the music
    limits.EARLY,  # "mute the game from 0:10 to 0:20": not the whole video's game audio
    together.SWITCHES,  # "mute both the music and the game" before either alone
    sound.SWITCHES,  # game audio kept / muted, music removed
    compare.RULES,  # "音乐比游戏声还大", "我的声音太小了": before the levels and the ducking
    ducking.RULES,  # "quieter under my voice" before "quieter"
    fade_fixes.FADES,  # "the fade out is too long", "fade in 2 s and out 3 s"
    fades.FADES,
    picture.RULES,  # before times: "9:16" is not 9 min 16 s
    limits.RULES,  # 4K, frame rate, filters
    questions.RULES,  # "darker", "something sad": a question
    tempo.RULES,  # tempo before volume: "lower the tempo"
    music.SHAPE,  # another take, stingers, arc, climax
    levels_db.LEVELS,  # "BGM -6dB", "lower the BGM by 3 dB"
    together.LEVELS,  # "everything louder except the music"
    sound.LEVELS,  # the game-audio volume
    music_volume.LEVELS,  # the music's
    compare.AFTER,  # "bgm再大点，但别盖住游戏声": a bound on the level just read
    timing.RANGES,
    music.STYLE,  # styles and franchises, "add music"
)

_SPLIT = re.compile(
    r"\n|[,;.!?，。；！？、]|\s+(?:and|then|also|plus|but|so)\s+|然后|并且|同时|以及|还有|但是|不过", FLAGS
)
_CLAUSE_END = re.compile(
    r"[,;.!?，。；！？、\n]|\b(?:and|but|then|because|cuz|cause|since)\b|然后|但是|不过|因为", FLAGS
)
_CLAUSE_START = re.compile(r"(?:because|cuz|cause|'cause|since)\b|因为", FLAGS)  # a match opening its clause
_NEGATED = re.compile(
    r"(?:\b(?:don't|dont|do\s+not|does\s+not|doesn't|not|never|no\s+need\s+to|stop\s+making|shouldn't|should\s+not|"
    r"won't|mustn't|skip|(?<!wait\s)no(?!\s+(?:wait|actually|sorry)))\s+"
    r"(?:[a-z']+\s+){0,4}$)|(?:不要|别|不用|不必|无需|不需要?|没必要|用不着|不想|(?<![是还])不是)\S{0,3}$",
    FLAGS,
)


def parse(text: str) -> EditPlan:
    """The plan for one sentence. Raises BadInput for out-of-range values, contradictions, and
    a sentence with nothing in it to act on (no request, nothing unsupported, no question)."""
    lang = detect_lang(text)
    state = State(EditPlan(lang=lang))
    work = normalize(text)
    if len(work) > MAX_TEXT:
        raise BadInput(
            say(lang, f"That instruction is too long ({len(work)} characters).",
                f"这条指令太长了（{len(work)} 个字符）。"),
            hint=say(lang, "Send one short sentence per edit.", "每次编辑请发一句短的话。"),
            code="not_understood",
        )  # fmt: skip
    if _CALLED_OFF.search(work):  # "switch to lofi... actually never mind": nothing asked
        raise called_off(lang)
    work = refer.resolve(typos.correct(titles.take_titles(work, state.plan).lower()))
    work = _LEAVE_IT.sub(lambda m: _set_aside(m, state), work)
    work = _UNCHANGED.sub("\n", _PRAISE.sub("\n", work))  # understood: no note
    for table in RULE_ORDER:
        for pattern, handler in table:
            state.cut = 0
            work = pattern.sub(lambda m, h=handler: _consume(m, h, state), work)
    _finish(state)
    left = _leftover(work)
    state.plan.ignored += left
    _check_conflicts(state.plan)
    plan = state.plan
    unplaced = [f for f in left if _AMOUNT.search(f)]  # not a negated one: "不要从0秒开始"
    if unplaced and not plan.is_empty:  # "只在第一分钟放音乐" with the time not read: the
        raise unplaced_amount(plan, unplaced)  # rest would apply to the whole video
    if plan.is_empty and not (plan.unsupported or plan.question):
        raise nothing_to_do(text, plan)
    return plan


# A sentence that ends by calling itself off: "make it louder, never mind", "换成lofi，算了".
_CALLED_OFF = re.compile(
    r"\S.*?(?:[,;.!]|\.\.\.|\s)\s*(?:(?:actually|oh|wait|no|ok|okay|hmm|eh)\s*,?\s+)*(?:never\s*mind|nvm|forget\s+(?:it|that|about\s+it)"
    r"|cancel\s+that|don'?t\s+bother|scratch\s+that)\s*(?:lol|then|please|pls|sorry)?[.!\s]*$"
    r"|\S.*?[，,。]\s*(?:还是)?(?:算了|不用了|不弄了|不改了)(?:吧|啊|哈)?[。!！\s]*$",
    FLAGS,
)
# "我声音小不用管": a clause its speaker waves off asks for nothing.
_LEAVE_IT = re.compile(
    r"(?:^|(?<=[,;.!?，。；！？\n]))[^,;.!?，。；！？\n]+?(?:就|也|先|都)?(?:不用管|别管|不要管|不管|无所谓|没关系|不要紧"
    r"|不重要|不用理|不用在意)(?:它|了|吧|啦)*(?=$|[,;.!?，。；！？\n])",
    FLAGS,
)


# "the fade sounds better now", "love the boss music", "nice, the ducking works well": praise of
# what is there asks for nothing (it read as adding fades, or switching to boss).
_PRAISE = re.compile(
    r"(?:^|(?<=[,;.!?\n])|(?<=\bbut\s))\s*(?:(?:ok(?:ay)?|nice|wow|great|cool|yes|yeah|yay|lol|omg)\s*,?\s+)*(?:"
    r"(?:the|this|that|it|my)\b(?:(?!\b(?:but|and|so)\b)[^,;.!?\n]){0,30}?\b(?:works?|looks?|sounds?|is|are|'s|feels?)\s+(?:(?:so|really|super|pretty|much|way"
    r"|a\s+lot|already|perfectly|just)\s+)*(?:good|great|fine|nice|perfect|better|amazing|awesome|fire|sick|dope|lit|solid|right"
    r"|cool|ok|okay|well|clean|smooth)(?:\s+now)?(?:\s+(?:lol|tho|thanks|thx|ty))?"
    r"|(?:that's|thats|that\s+is|it's|its)\s+(?:(?:so|much|way|a\s+lot)\s+)?(?:better|perfect|great|good|fine|it)(?:\s+now)?"
    r"|(?:i\s+(?:really\s+)?(?:love|like|dig)|love|loving)\s+(?:the|this|that|it|how)\b(?![^,;.!?\n]*\b(?:more|better|instead|than|but)\b)[^,;.!?\n]{0,40}"
    r"|(?:good|nice|great)\s+job\b[^,;.!?\n]{0,30}|(?:this|it|that)\s+(?:already\s+)?sounds\s+like\s+[^,;.!?\n]{1,30}?(?:\s+lol)?"
    r")(?=\s*(?:$|[,;.!?\n]|but\b))"
    # 淡出现在好多了, 闪避效果很好, 这首不错, 我喜欢这个lofi
    r"|(?:^|(?<=[,;.!?\n，。；！？]))\s*(?:(?:这个|这首|这版|这段|现在的?|音乐|背景音乐|bgm|配乐|淡入|淡出|闪避|节奏|竖屏|横屏|画面|标题|字幕|效果"
    r"|声音|风格|[a-z0-9]+(?:音乐)?)(?:的)?(?:效果)?(?:现在|已经)?(?:很|挺|真|太|非常|超|还挺|蛮)?(?:好多了|好听|不错|很棒|棒|完美|刚好|正好|燃|好看"
    r"|合适|舒服|满意|喜欢|(?<=[很挺真常超蛮])好(?![听看多]))(?:的|了|啊|呀|哦|哈|呢)*(?:[，,]\s*(?:很|超|好)?喜欢)?|我(?:很|挺|还挺|超|好)?喜欢(?:这个|这首|这版|现在的?)[^,;.!?\n，。；！？]{0,10}"
    r"|(?:太棒了|完美|好听|不错|挺好的?))(?=\s*(?:$|[,;.!?\n，。；！？]|就是|但是|不过))",
    FLAGS,
)


# "keep the volume where it is", "don't change the tempo", 保持原来的音量: a clause that keeps
# something as it is asks for nothing, and is not "not understood" either.
_THING = (
    r"(?:the\s+|my\s+)?(?:volume|music(?:\s+volume)?|bgm|song|game(?:play)?(?:\s+(?:audio|sound|sounds|volume))?|tempo|speed"
    r"|style|fades?|ducking|aspect(?:\s+ratio)?|format|titles?|everything(?:\s+else)?|the\s+rest|rest|it)"
)
_UNCHANGED = re.compile(
    rf"(?:^|(?<=[,;.!?\n])|(?<=\bbut\s)|(?<=\band\s))\s*(?:(?:but|and|just|please|pls)\s+)*(?:"
    rf"(?:keep|leave)\s+{_THING}\s+(?:alone|the\s+same|as\s+(?:it\s+)?is|where\s+it\s+is|how\s+it\s+is|untouched|unchanged)"
    rf"|(?:don't|dont|do\s+not)\s+(?:change|touch|mess\s+with)\s+{_THING}"
    rf"|(?:i\s+want\s+)?{_THING}\s+(?:stays?\s+(?:the\s+same|as\s+(?:it\s+)?is)|untouched|unchanged)"
    r"|保持(?:原来的|现在的|原样的?)?(?:音量|风格|节奏|速度|画幅|比例|淡入淡出|标题)(?:不变)?)"
    rf"(?=\s*(?:$|[,;.!?\n，。；！？]|but\b|and\b))|\s+without\s+(?:changing|touching)\s+{_THING}(?=\s*(?:$|[,;.!?\n]))",
    FLAGS,
)


def _set_aside(m: re.Match[str], state: State) -> str:
    state.plan.ignored.append(m.group(0).strip()[:60])
    return "\n"


def _consume(m: re.Match[str], handler: Handler, state: State) -> str:
    before = m.string[state.cut : m.start()]  # "不要淡入也不要淡出": not negated by itself
    state.cut = m.end()
    clause = _CLAUSE_END.split(before)[-1] if before else ""
    if clause and _NEGATED.search(clause) and not _CLAUSE_START.match(m.group(0)):
        flipped = OPPOSITE.get(handler)
        if flipped is None:
            state.plan.ignored.append(f"{clause.strip()} {m.group(0).strip()}".strip()[:60])
        else:
            flipped(m, state)
        return "\n"
    try:
        handler(m, state)
    except Opposed:
        if _CORRECTION.search(m.string, m.end()):  # "louder. no wait, quieter": the last word
            return "\n"  # wins, whichever rule reads it first
        if _CORRECTION.search(m.string, 0, m.start()):
            _redo_step(m, handler, state)
            return "\n"
        raise bad(state.plan, "You asked for more and for less of the same thing in one sentence.",
                  "同一句里对同一项既要加又要减。", code="not_understood",
                  hint=("Say one direction, e.g. 'a bit quieter'.", "请只说一个方向，例如“小一点”。"),
                  ) from None  # fmt: skip
    return "\n"


_CORRECTION = re.compile(
    r"\b(?:no\s+wait|wait\s+no|no\s+no|actually|i\s+mean|i\s+meant|make\s+that|or\s+rather|scratch\s+that|"
    r"correction|on\s+second\s+thought)\b|不对|不是|算了|改成|我是说",
    FLAGS,
)
_STEPS = ("volume_factor", "game_volume_factor", "tempo_factor")


def _redo_step(m: re.Match[str], handler: Handler, state: State) -> None:
    """A corrected step: the handler runs again on a clean slate; only the step it sets is new."""
    plan = state.plan
    before = {name: getattr(plan, name) for name in _STEPS}
    for name in _STEPS:
        setattr(plan, name, None)
    handler(m, state)
    for name, value in before.items():
        if getattr(plan, name) is None:
            setattr(plan, name, value)


def _finish(state: State) -> None:
    plan = state.plan
    for name in ("volume_factor", "game_volume_factor", "tempo_factor"):
        value = getattr(plan, name)
        setattr(plan, name, None if value is None else float(value))  # a `Step` no longer
    game_down = plan.original_audio == "mute" or min(
        plan.game_volume_factor or 1.0, 1.0 if plan.game_volume is None else plan.game_volume) < 1
    # (English keeps both: "turn the bgm down, i can't hear my commentary" also deepens the dip)
    music_down = plan.lang == "zh" and min(plan.volume_factor or 1.0, 1.0 if plan.volume is None else plan.volume) < 1
    game_set = game_down or plan.game_volume_factor is not None or plan.game_volume is not None
    if state.voice_reason and (game_set or music_down):  # "原声小一点，我的声音听不清": its reason
        plan.duck = plan.duck_step = None
    if plan.duck_db is not None:  # "duck it harder, my voice is getting buried": the depth said
        plan.duck_step = None
    styles = [(s, strong) for s, strong in state.styles if s not in state.refused_styles]
    asked = plan.add_music or plan.is_empty  # music asked for, no style named
    if not styles and state.setting and state.setting[0] not in state.refused_styles and asked:
        styles = [(state.setting[0], True)]  # "music for my minecraft clip": its era's sound
        plan.inspired_by = state.setting[1]
    named = list(dict.fromkeys(s for s, _ in styles))
    # "换个风格，要么rpg要么lofi": two styles named are the choices, not every style
    offered = plan.question.choices if plan.question and state.either and len(named) < 2 else ()
    either = list(dict.fromkeys([*offered, *(s for s, _ in styles)]))
    if state.either and len(either) > 1:  # "boss or rpg", 更暗还是更燃: ask which
        plan.question = Question("Which one?", "要哪一种？", tuple(either))
        styles = []
    if plan.question and state.refused_styles and not styles:  # "darker, but not horror": boss
        left = [c for c in plan.question.choices if c not in state.refused_styles]
        if len(left) == 1:
            styles, plan.question = [(left[0], True)], None
        elif left:  # "换个风格，别再是lofi了": the refused one is not offered
            q = plan.question
            plan.question = Question(q.en, q.zh, tuple(left))
    if styles:
        strong = [s for s, is_strong in styles if is_strong]
        plan.style = (strong or [s for s, _ in styles])[-1]
        plan.question = None  # "darker, dungeon": the style named settles it
        if state.setting and state.setting[0] == plan.style and not plan.inspired_by:
            plan.inspired_by = state.setting[1]  # "fantasy vibe for my zelda run"
    if state.unplaced:  # "boss music in the second half": no music anywhere else instead
        plan.style = plan.inspired_by = None
    if state.unplaced_part:  # "前15秒配lofi，后面配boss": not lofi over the first 15 s either
        plan.range = None
    if plan.style or plan.music_settings or state.unplaced:  # "make the music quieter" only
        plan.add_music = False  # asks for the level
    elif state.dislike and not plan.undo and not plan.question:  # "I don't like this one": another take
        plan.new_take = True
    if state.refused_styles and not plan.style and set(plan.changed()) == {"new_take"}:
        plan.new_take = False  # "不要恐怖的了，换个": not another take of that, another style
    if plan.question and set(plan.changed()) == {"new_take"}:
        plan.new_take = False  # "换个暗一点的": the answer says what comes instead
    if plan.volume is not None:  # "quieter, like 20%": the number wins
        plan.volume_factor = None
    if plan.bpm is not None:  # "slower, around 80 bpm"
        plan.tempo_factor = None
    if plan.game_volume is not None:
        plan.game_volume_factor = None
    if (plan.game_volume or plan.game_volume_factor) and plan.original_audio == "mute":
        plan.original_audio = None  # "game audio down" next to "mute": the level is meant
    if not plan.style and state.refused_styles and not plan.question:  # "less intense, slower"
        others = tuple(s for s in STYLE_TITLES if s not in state.refused_styles)
        plan.question = Question("Which style instead?", "换成哪种风格？", others)


def _leftover(work: str) -> list[str]:
    return [frag.strip()[:60] for frag in _SPLIT.split(work) if meaningful(frag)]


def _check_conflicts(plan: EditPlan) -> None:
    if plan.undo and plan.redo:
        raise bad(plan, "Undo and redo in one sentence cancel out.", "撤销和重做不能放在同一句里。",
                  code="not_understood", hint=("Say just 'undo' or 'redo'.", "只说“撤销”或“重做”。"))  # fmt: skip
    if plan.remove_music and plan.music_settings and not (plan.style or plan.add_music):
        raise bad(
            plan, "You asked to remove the music and to change it in the same sentence.",
            "同一句里既要去掉音乐又要调整音乐。", code="not_understood",
            hint=("Say which one you want: 'remove the music' or the change alone.",
                  "请二选一：“去掉音乐”，或者只说要怎么调整。"),
        )  # fmt: skip
