"""What the product cannot do, named so the reply can say so and offer what it can: other
resolutions, frame rates, colour filters, cutting or speeding up the picture, changing the
game itself, a game's own copyrighted soundtrack. And requests too vague to guess
("something darker": dungeon or boss?), which become a question instead of a change."""

from __future__ import annotations

import re

from gamemusic.words.plan import Question, Unsupported
from gamemusic.words.rules import Rule, State, registrar
from gamemusic.words.text import DUR, TIME
from gamemusic.words.vocabulary import FRANCHISE_RE, STYLE_RE, STYLE_TITLES, STYLE_ZH

EARLY: list[Rule] = []  # runs before the sound switches: they would mute the whole video
RULES: list[Rule] = []
early = registrar(EARLY)
rule = registrar(RULES)

_GAME_PART = (
    r"(?:the\s+)?(?:game|gameplay|original|in-game)(?:\s+(?:audio|sound|sounds|sfx|volume))?"
)


@early(
    rf"\b(?:mute|silence|lower|raise|boost|turn\s+(?:up|down)|cut)\s+{_GAME_PART}\s+(?:(?:from|between)\s+{TIME}\s+"
    rf"(?:to|and|-|until|till)\s+{TIME}|(?:for|during|in)\s+the\s+(?:first|last|final)\s+(?:{DUR}|minute))",
    rf"(?:从|在)?\s*第?{TIME}\s*(?:到|至|-)\s*第?{TIME}\s*(?:的)?(?:原声|游戏声音?|游戏音效)(?:静音|关掉|调小|小一?点|调低)",
)
def _part_of_game(m: re.Match[str], st: State) -> None:
    _no(st, "changing the game audio over part of the video", "只改一段时间里的原声",
        ("I can mute the game audio or set its level for the whole video.",
         "原声可以整体静音或调整音量。"))  # fmt: skip


_LEVEL = (
    r"(?:louder|quieter|softer|(?:(?:way|too|so|really|super)\s+)+(?:loud|quiet|soft|noisy)|turn(?:ed)?\s+"
    r"(?:it\s+|the\s+(?:music|bgm|game(?:\s+audio)?)\s+)?(?:up|down)|volume\s+(?:up|down)|boost(?:ed)?"
    r"|(?:lower|raise)\s+(?:the\s+)?(?:music|bgm|volume|game(?:\s+audio)?|it))"
)
_PART = (
    rf"(?:(?:in|for|during|over|at|on|across)\s+the\s+(?:first|last|final|opening|closing)\s+(?:{DUR}|minute|"
    r"bit|part|few\s+seconds|section)|(?:in|during|at|for|near|towards?)\s+the\s+(?:intro|outro|end|ending|"
    r"beginning|start|middle|second\s+half|first\s+half|last\s+part|final\s+part|climax|finale)\b"
    rf"|(?:from|after|between|until|till|starting\s+at|right\s+after|at|around)\s+{TIME})"
)
_GAP = r"(?:(?!\b(?:and|but|then|also)\b)[^,;.!?\n]){0,30}?"
_ZH_LEVEL = (
    r"(?:(?:再|稍微|调)*(?:大|小|响|轻|低|高)(?:声)?(?:一?点|些)|太(?:吵|大声|响|小声|轻)了?|调(?:大|小|高|低)|小声|大声"
    r"|(?:大|小)声点)"
)
_ZH_PART = (
    rf"(?:(?:在|从)?\s*(?:(?:前|最后|(?<!然)后)\s*(?:的)?\s*{DUR}|结尾|末尾|片尾|片头|开头|前半段|后半段|高潮)"
    rf"(?:的?部分|那段|的时候)?|(?:在|从)\s*第?{TIME}\s*"
    rf"(?:之后|以后|开始|后|到\s*第?{TIME})?)"
)


@early(
    rf"\b{_LEVEL}\b{_GAP}\b{_PART}",
    rf"\b{_PART}\b{_GAP}\b{_LEVEL}\b",
    rf"{_ZH_PART}(?:的)?(?:时候)?(?:音乐|背景音乐|bgm|声音|原声|游戏声音)?(?:要|再|就)?{_ZH_LEVEL}",
    rf"(?:音乐|背景音乐|bgm|原声|游戏声音)(?:在)?{_ZH_PART}(?:的)?(?:时候)?(?:要|再|就)?{_ZH_LEVEL}",
)
def _part_volume(m: re.Match[str], st: State) -> None:
    """"Louder in the last 30 seconds": a level holds for the whole video, so this part is
    refused (never a level for the whole video plus a moved range)."""
    _no(st, "a volume change over part of the video", "只改一段时间里的音量",
        ("A volume holds for the whole video; I can also limit where the music plays "
         "('music only in the last 30 seconds').",
         "音量只能整体调整；也可以限定音乐播放的时间段（“只在最后30秒放音乐”）。"))  # fmt: skip


@early(
    rf"\b(?:make|let|have)\s+(?:the\s+)?(?:intro|outro|ending|beginning|opening|middle|climax|finale|last\s+part|first\s+part)"
    rf"\s+(?:sound\s+|feel\s+|be\s+)?(?:(?:more|less|a\s+bit|way|much|a\s+lot)\s+)?(?:{STYLE_RE.pattern}|louder|quieter|softer|faster|slower)",
)
def _part_style(m: re.Match[str], st: State) -> None:
    """"Make the intro more epic": a style or a level for one part of the video."""
    st.unplaced = True
    _no(st, f"'{m.group(0).strip()}' (one part of the video)", f"“{m.group(0).strip()}”（只改视频的一部分）",
        ("Style, volume and tempo hold for the whole video; I can limit where the music plays.",
         "风格、音量和节奏只能整体设置；可以限定音乐播放的时间段。"))  # fmt: skip


@early(
    rf"\b(?:(?:no|stop|disable|turn\s+off|more|less|stronger|lighter|don't)\s+)?(?:the\s+)?(?:auto[\s-]?)?duck(?:ing)?\b(?:\s+(?:off|on))?\s+{_PART}",
)
def _part_ducking(m: re.Match[str], st: State) -> None:
    """"No ducking during the first minute": ducking holds for the whole video."""
    _no(st, "ducking over part of the video", "只在一段时间里闪避",
        ("Ducking holds for the whole video: on or off, stronger or lighter.",
         "闪避只能整体设置：开或关、强或弱。"))  # fmt: skip


@early(
    r"(?:\b(?:only|just)\s+)?\b(?:(?:in|for|during)\s+)?the\s+(?:second|first|last|back|latter)\s+half\b(?![^.;!?\n]{0,24}?\d)|\bhalf[\s-]?way(?:\s+(?:through|point|mark))?\b(?![^.;!?\n]{0,24}?\d)"
    r"|\b(?:the\s+)?middle\s+(?:of\s+the\s+(?:video|clip)|part|section)\b(?![^.;!?\n]{0,24}?\d)"
    r"|\bno\s+(?:background\s+)?(?:music|bgm)\s+(?:at\s+the\s+(?:very\s+)?(?:start|beginning|end)|at\s+first|in\s+the\s+beginning)\b"
    r"|\b(?:after|before|during|until|till|when)\s+(?:the\s+|my\s+)?(?:intro|outro|cutscene|loading\s+screen|"
    r"menu|lobby|countdown|boss\s+(?:fight|appears|shows\s+up)|fight\s+(?:starts|begins)|match\s+(?:starts|begins))\b(?![^.;!?\n]{0,24}?\d)"
    r"|\b(?:(?:(?:remove|cut|drop|mute|kill|no|stop)\s+(?:the\s+)?(?:music|bgm)|(?:the\s+)?(?:music|bgm)\s+(?:off|out))\s+)?(?:(?:from|in|for)\s+the\s+(?:intro|outro|opening|credits|cutscenes?)|(?:of|in|at|for|from)\s+the\s+(?:end|ending|last|final|middle)\s+part)\b"
    r"(?![^.;!?\n]{0,24}?\d)",
    rf"\b(?:{DUR}|a\s+(?:few\s+)?(?:seconds?|bit|moment))\s+(?:before|from)\s+(?:the\s+(?:very\s+)?end\b|(?:the\s+(?:video|clip|recording|match)|it)"
    r"\s+(?:ends|is\s+over|finishes|stops)\b)|\b(?:no|without|not\s+have"
    rf"|don't\s+want|cut|kill|stop)\s+(?:any\s+|the\s+)?(?:music|bgm)\s+(?:in|for|during)\s+the\s+(?:last|final)\s+(?:{DUR}|minute)"
    rf"|\b(?:the\s+)?(?:last|final)\s+(?:{DUR})\s+(?:should\s+be\s+|are\s+|is\s+|must\s+be\s+|(?:should\s+|must\s+)?(?:have|has)\s+)?(?:silent|music[\s-]?free|without\s+music|(?:with\s+)?no\s+(?:music|bgm))\b"
    rf"|\b(?:end|stop|finish|cut\s+off)\s+(?:the\s+music\s+)?(?:{DUR})\s+(?:early|earlier|sooner)\b|\b(?:except|but\s+not|apart\s+from|"
    rf"other\s+than|minus)\s+(?:for\s+)?(?:during\s+)?the\s+(?:last|final)\s+(?:{DUR})",
    rf"提前\s*(?:{DUR})\s*(?:结束|停|停止|收尾)|除了?(?:结尾|最后)的?\s*(?:{DUR})|"
    rf"(?:最后|结尾|末尾|最后的)\s*(?:{DUR})\s*(?:(?:不要|别|不用|不)(?:放|播)(?:背景)?(?:音乐)?|(?:不要|别|不用|不放|没有|不需要)(?:有)?(?:背景)?音乐)|(?:结束|结尾)前\s*(?:{DUR})",
    r"(?:(?:boss战|打boss|战斗|高潮|过场动画|过场)(?:的)?(?:那段|那一段|那部分|部分|的时候|时)|(?:前|后|上|下)半段|(?:前|后)一半|一半的时候|中间(?:那段|部分|那部分)|中途|片头(?:之后|以后|过后|结束)|boss出来(?:的时候|时|后))"
    r"(?![^。；;!?\n]{0,12}?\d)",
)
def _unplaced(m: re.Match[str], st: State) -> None:
    """"The second half", "after the intro": a place the words cannot put a time on. The music is
    not placed anywhere else instead."""
    st.unplaced = True
    _no(st, f"'{m.group(0).strip()}' (I can't tell when that is)", f"“{m.group(0).strip()}”（我看不出那是什么时间）",
        ("Say the time: 'from 1:30', 'the last 40 seconds'.", "请说具体时间：“从1:30开始”“最后40秒”。"))


_PICTURE = ("I only add music, titles and an aspect; the picture stays as recorded.",
            "我只加音乐、标题和改画幅；画面保持原样。")  # fmt: skip


def _no(st: State, en: str, zh: str, instead: tuple[str, str]) -> None:
    st.plan.unsupported.append(Unsupported(en, zh, *instead))


@rule(
    r"\b(?:4k|8k|2k|5k|2160\s*p?|1440\s*p|720\s*p|480\s*p|360\s*p|uhd|ultra\s*hd|qhd)\b|超高清|超清|标清|蓝光4k"
)
def _resolution(m: re.Match[str], st: State) -> None:
    word = m.group(0).strip()
    _no(st, word.upper() if "k" in word.lower() else word, word,
        ("The output is 1080p.", "输出是 1080p。"))  # fmt: skip


@rule(
    r"\b(?:\d{2,3}\s*(?:fps|frames?\s+(?:per|a)\s+second|hz)|frame\s*rate|framerate|fps)\b"
    r"(?:\s+(?:to\s+)?\d{2,3})?",
    r"\d{2,3}\s*(?:帧|fps)|帧率|帧数",
)
def _frame_rate(m: re.Match[str], st: State) -> None:
    _no(st, "a different frame rate", "改帧率",
        ("The output keeps the recording's frame rate.", "输出保持原视频的帧率。"))  # fmt: skip


@rule(
    r"\b(?:black\s+and\s+white|b&w|sepia|grayscale|greyscale|colou?r\s+(?:filter|grade|grading|"
    r"correction|correct)|(?:a\s+)?(?:vhs|vintage|retro|crt|film|instagram)\s+(?:filter|look|effect)|filters?"
    r"|saturation|more\s+saturated|brightness|brighter\s+(?:picture|image|video)|contrast|colou?rs?\s+"
    r"(?:pop|warmer|cooler)|lut|vignette|blur)\b",
    r"滤镜|调色|黑白|饱和度|亮度|对比度|色调|模糊|画面(?:太|有点|再)?(?:暗|亮|灰)了?|调亮一?点?|调暗一?点?|变亮一?点?|亮一点",
)
def _colour(m: re.Match[str], st: State) -> None:
    _no(st, f"'{m.group(0).strip()}' (a picture filter)", f"“{m.group(0).strip()}”（画面滤镜）",
        _PICTURE)


@rule(
    rf"\b(?:(?:trim|cut)(?:\s+(?:off|out|away))?\s+(?:the\s+)?(?:first|last|final|opening)\s+(?:{DUR}|minute)"
    r"|trim|cut\s+(?:out|the\s+(?:video|clip|intro|beginning|end|part|boring))|crop\s+out|black\s+bars|letterbox(?:ing)?|"
    r"speed\s+up\s+the\s+(?:video|clip|gameplay|footage)|speed\s+(?:the\s+)?(?:video|clip|footage)\s+up|(?:make\s+)?the\s+(?:video|clip|footage)\s+"
    r"(?:faster|slower|quicker)|slow[\s-]?mo(?:tion)?|time[\s-]?lapse|"
    r"zoom(?:\s+in|\s+out)?|transitions?|stickers?|emojis?|green\s*screen|face\s*cam|webcam|"
    r"stabili[sz]e|reverse\s+the\s+(?:video|clip)|loop\s+the\s+video|splice|jump\s+cuts?"
    r"|(?:make|get|cut)\s+(?:the\s+)?(?:video|clip|recording|footage)\s+(?:down\s+)?(?:(?:a\s+(?:bit|lot)|\d+\s*(?:s|seconds?))\s+)?(?:shorter|longer)"
    r"|shorten\s+(?:the\s+)?(?:video|clip)|(?:stop|end|cut|trim)\s+(?:everything|the\s+(?:whole\s+)?(?:video|clip|recording))\s+(?:after|at|from)\s+\d[\d:.]*\s*\w*|(?:countdown\s+)?timer|progress\s+bar|borders?)\b",
    rf"(?:剪掉|去掉|删掉)(?:前|最后|后)\s*{DUR}(?:的?(?:画面|视频))?|剪掉|剪辑掉|裁掉片头|加速视频|视频加速|慢动作|慢镜头|倍速|转场|贴纸|表情包|放大画面|缩放|绿幕|摄像头",
)
def _video_edit(m: re.Match[str], st: State) -> None:
    _no(st, f"'{m.group(0).strip()}' (editing the picture)", f"“{m.group(0).strip()}”（剪辑画面）",
        _PICTURE)


@rule(
    r"\b(?:change|edit|modify|hack|mod)\s+(?:the\s+)?game(?:play)?\s*(?:itself|physics|graphics|"
    r"level|map|difficulty|character|score)?\b|\b(?:remove|delete|hide)\s+(?:the\s+)?(?:enemies|"
    r"enemy|hud|ui|health\s+bar|minimap|crosshair)\b|\bmake\s+(?:me|my\s+character)\s+win\b|"
    r"\b(?:better|higher)\s+(?:score|kd|k/d|rank)\b|\b(?:change|swap|edit|modify|replace)\s+(?:the\s+|my\s+)?(?:character(?:'s)?\s+|player(?:'s)?\s+)?"
    r"(?:skin|outfit|model|weapon|graphics|textures?|map)\b|\b(?:my|the)\s+(?:character|player|car|guy|avatar|hero|champ|champion|"
    r"aim)\s+(?:run|move|jump|drive|go|look|shoot|walk|hit|aim|play)\w*(?:\s+(?:faster|slower|higher|better|quicker|cooler|stronger))?\b"
    r"|\bmake\s+(?:my|the)\s+(?:character|player|car|guy|avatar|hero|team|aim)\s+[a-z]+(?:\s+(?:faster|slower|higher|better|quicker|cooler|stronger))?\b"
    r"|\b(?:make|let)\s+(?:the\s+)?(?:boss|enemies|enemy|game|level|fight|match)\s+(?:a\s+(?:bit|lot)\s+)?(?:easier|harder|weaker|stronger|shorter|longer)\b",
    r"(?:改|修改)(?:游戏|关卡|角色|分数|难度)|去掉(?:敌人|血条|小地图|界面|hud)|让我赢",
)
def _game_itself(m: re.Match[str], st: State) -> None:
    _no(st, "changing the game itself", "修改游戏本身",
        ("I work on the recording: music, game-audio level, titles and aspect.",
         "我处理的是录像：音乐、原声音量、标题和画幅。"))  # fmt: skip


@rule(
    r"\b(?:the\s+)?(?:actual|official|exact|copyrighted)\s+(?:[a-z0-9']+\s+){0,3}(?:theme|"
    r"soundtrack|ost|song|music)\b|\b(?:the\s+)?(?:real|original)\s+(?:[a-z0-9']+\s+){1,3}(?:theme"
    r"|soundtrack|ost)\b|\bost\b|\bthe\s+(?:[a-z0-9']+\s+){1,3}(?:theme\s+song|main\s+theme|title\s+theme|intro\s+song)\b|\b(?:a\s+)?(?:real|"
    r"licensed|popular|famous|copyrighted)\s+songs?\b|\bspotify\b"
    rf"|\bthe\s+(?:[a-z0-9']+\s+){{0,3}}(?:theme|song|soundtrack|ost|track)\s+(?:from|of|in)\s+(?:the\s+)?(?:{FRANCHISE_RE.pattern})"
    r"|\b(?:use|add|put\s+in|upload)\s+(?:my\s+own|my|a\s+custom)\s+"
    r"(?:song|music|track|mp3|audio\s+file|beat)s?\b",
    r"(?:官方|正版|原版)(?:配乐|原声带|音乐|主题曲|bgm)|原声带|流行歌曲",
)
def _their_music(m: re.Match[str], st: State) -> None:
    _no(st, "a game's own or a licensed soundtrack", "游戏原版配乐或授权歌曲",
        ("I compose original music in a style: say 'chiptune', 'boss', 'rpg' and so on.",
         "我只作原创音乐：说“芯片音乐”“Boss战”“角色扮演”等风格即可。"))  # fmt: skip


@rule(
    r"\b(?:more|less|boost(?:ed)?|extra|heavier|deeper|punchier)\s+(?:the\s+)?(?:bass|treble|low[\s-]?end|highs|mids|"
    r"sub[\s-]?bass)\b|\b(?:not\s+)?(?:so|too)\s+much\s+(?:bass|treble|low[\s-]?end)\b|\b(?:mono|stereo|surround(?:\s+sound)?|5\.1|spatial\s+audio|binaural)\b|\bbass[\s-]?boost(?:ed)?\b|\b(?:less|more|too|so)\s+(?:bassy|boomy|muddy|tinny|trebly)\b|\b(?:eq|equali[sz]e|equali[sz]er|reverb|echo|compress(?:or|ion|ed|ing)?|lufs|de-?ess(?:er|ing)?|lpf|hpf)\b"
    r"|\b(?:low|high)[\s-]?pass\b|\bpan(?:ning)?\s+(?:the\s+)?(?:music|bgm|game|audio|sound|it)\s+(?:to\s+the\s+)?(?:left|right|center)\b|\bpanning\b"
    r"|\b(?:in\s+the\s+)?key\s+of\s+[a-g](?:#|b)?(?:\s+(?:minor|major))?\b"
    r"|\bpitch(?:ed)?\s+(?:it\s+|the\s+(?:music|bgm|song)\s+)?(?:up|down)\b|\b(?:higher|lower)\s+pitch\b|\bpitch[\s-]?shift\w*|\btranspose\b"
    r"|\b(?:change|shift)\s+the\s+key\b|\bnormali[sz](?:e|ation)\b|\bmaster(?:ing)?\s+(?:the\s+)?(?:audio|sound|mix)\b|\blimiter\b",
    r"重低音|低音炮|(?:加|多|更多|少)(?:点|一点)?(?:低音|高音)|均衡器|混响|回声|回音",
)
def _mix(m: re.Match[str], st: State) -> None:
    _no(st, f"'{m.group(0).strip()}' (mixing the sound)", f"“{m.group(0).strip()}”（混音）",
        ("I can pick a style, set the music's and the game's volume, and the tempo.",
         "我能换风格、调音乐和原声的音量、改节奏。"))  # fmt: skip


@rule(
    r"\b(?:hdr|dolby\s+vision|auto[\s-]?(?:captions?|subtitles?)|transcri(?:be|ption)|subtitles?\s+(?:for|of)"
    r"\s+what\s+i\s+say|(?:remove|mute|cut|delete|take\s+out)\s+(?:my|the)\s+(?:own\s+)?(?:voice|commentary|mic|narration|voice[\s-]?over)"
    r"|(?:add|put\s+in|insert)\s+(?:some\s+|a\s+few\s+|an?\s+)?(?:[a-z]+\s+)?(?:sound\s+effects?|sfx|"
    r"whoosh(?:es)?)|auto[\s-]?tune|voice\s+changer|change\s+my\s+voice|noise\s+(?:removal|reduction)|"
    r"remove\s+(?:the\s+)?(?:background\s+|room\s+|mic\s+|fan\s+|wind\s+|keyboard\s+)?noise|(?:room|mic|fan|wind|keyboard)\s+noise|hiss|watermark|(?:my\s+)?logo|(?:a\s+)?webcam\s+overlay)\b",
    r"自动字幕|语音转文字|识别字幕|加音效|变声|降噪|水印|加logo|hdr",
)
def _other_tools(m: re.Match[str], st: State) -> None:
    _no(st, f"'{m.group(0).strip()}'", f"“{m.group(0).strip()}”",
        ("I add game-style music, set the game-audio level, titles and the aspect.",
         "我能加游戏风格的音乐、调原声音量、加标题和改画幅。"))  # fmt: skip


@rule(
    r"\b(?:phonk|jazz|jazzy|dubstep|edm|trap|techno|house\s+music|drum\s+(?:and|&|n)\s+bass|dnb|k-?pop|j-?pop|rap|"
    r"(?<!kong\s)country|reggae|punk|opera|acoustic|piano|guitar(?!\s+hero)|violin|a\s+cappella|acapella|disco|funk|blues|gospel"
    r"|drums?(?:\s+solo)?|saxophone|sax|flute|trumpet|vocals?|singing|lyrics|beatbox(?:ing)?)\b",
    r"电子乐|电音|爵士|摇滚|说唱|嘻哈说唱|钢琴|吉他|古风|国风|民谣|流行乐|蹦迪|dj",
)
def _genre(m: re.Match[str], st: State) -> None:
    """A genre or instrument the engine has no style for: named, with the styles it has."""
    word = m.group(0).strip()
    _no(st, f"'{word}' (not one of my styles)", f"“{word}”（不在我的风格里）",
        ("My styles: " + ", ".join(STYLE_TITLES.values()) + ".",
         "我的风格：" + "、".join(STYLE_ZH.values()) + "。"))  # fmt: skip


@rule(
    r"\b(?:only\s+)?(?:at|in|during|for|near|towards?|by)\s+the\s+(?:very\s+)?(?:end|ending|intro|outro|finale)\b(?![^.;!?\n]{0,24}?\d)",
    r"(?:结尾|片尾|末尾|片头)(?:的时候|处)?(?:来点|来个|加点|放点|要有|换成|用)(?![^。；;!?\n]{0,12}?\d)",
)
def _at_the_end(m: re.Match[str], st: State) -> None:
    """"Fanfare vibes at the end": a part of the video with no time on it (fades and titles
    "at the end" were read before this)."""
    _unplaced(m, st)


@rule(
    r"\b(?:change|switch|another|different|new|pick\s+a)\s+(?:the\s+|a\s+)?(?:style|genre|vibe|mood)\b"
    r"(?!\s+(?:to|into|for)\b)|\b(?:doesn't|does\s+not|don't|dont|do\s+not)\s+(?:really\s+)?(?:fit|suit|match|go\s+with)\b"
    r"(?!\s+(?:the\s+)?(?:gameplay|action|intensity|fights?|tempo|beat|timing)\b)|\bwrong\s+(?:vibe|style|mood|genre|kind\s+of\s+music)\b"
    r"|\b(?:less|not\s+so|too|so)\s+(?:cheesy|corny|cringe|cringy|cheap|tacky|lame|"
    r"basic|kiddy|childish)\b",
    r"换(?:个|一个|一种|种)?风格(?!成|为|到)|换(?:个|一种)类型",
)
def _which_style(m: re.Match[str], st: State) -> None:
    st.plan.question = Question("Which style?", "换成哪种风格？", tuple(STYLE_TITLES))


@rule(
    r"\b(?:sad|sadder|melancholic|melancholy|emotional|moody|bittersweet)\b",
    r"伤感|悲伤|难过|忧伤|感人",
)
def _sad(m: re.Match[str], st: State) -> None:
    st.plan.question = Question(
        "Sad how: mellow lo-fi, or a bittersweet RPG theme?",
        "想要哪种伤感：舒缓的低保真，还是略带忧伤的角色扮演旋律？",
        ("lofi", "rpg"),
    )


@rule(
    r"\b(?:(?:a\s+)?(?:bit|little|lot|much)\s+)?(?:darker|more\s+dark|more\s+sinister|heavier|"
    r"more\s+ominous|grittier)\b",
    r"(?:更|再)?(?:黑暗|暗黑|阴暗|沉重|压抑)(?:一?点|一些|些)|更(?:黑暗|暗黑|阴暗|沉重|压抑)|暗一?点",
)
def _darker(m: re.Match[str], st: State) -> None:
    st.plan.question = Question(
        "Darker how: eerie dungeon ambience, or a heavy boss fight?",
        "想要哪种暗：阴森的地牢氛围，还是沉重的Boss战？",
        ("dungeon", "boss"),
    )
