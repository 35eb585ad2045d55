"""The vocabulary: style names and the words creators use for them (moods, adjectives, game
references, franchises), filler words a parser may skip, and what the product can do.

All of it is data over *normalized* text (see `text.normalize`).
"""

from __future__ import annotations

import re

from gamemusic.words.text import CJK, FLAGS, normalize, say

# ---- styles ---------------------------------------------------------------------------------
STYLE_TITLES = {
    "chiptune": "Retro Chiptune",
    "16bit": "16-bit FM",
    "boss": "Boss Battle",
    "rpg": "RPG Overworld",
    "dungeon": "Dungeon Ambient",
    "synthwave": "Synthwave",
    "lofi": "Lo-fi Chill",
    "platformer": "Platformer",
    "racing": "Racing",
}
STYLE_ZH = {
    "chiptune": "复古芯片音乐",
    "16bit": "16位 FM",
    "boss": "Boss战",
    "rpg": "角色扮演大地图",
    "dungeon": "地牢氛围",
    "synthwave": "合成器浪潮",
    "lofi": "低保真",
    "platformer": "平台跳跃",
    "racing": "赛车",
}
# Strong words name one style; weak words only count when no strong word is present
# ("retro synthwave" is synthwave, "retro" alone is chiptune).
STRONG: dict[str, tuple[str, ...]] = {
    "chiptune": ("chiptune", "chip tune", "chiptunes", "chip music", "8-bit", "8bit", "8 bit", "nes",
                 "gameboy", "game boy", "famicom", "pixel", "pixel art", "retro chiptune",
                 "bleep bloop", "bleepy", "芯片音乐", "芯片", "8位", "8比特", "像素", "红白机", "fc",
                 "小霸王", "8bit风", "gb", "8位机", "八位机"),
    "16bit": ("16-bit", "16bit", "16 bit", "16-bit fm", "snes", "super nintendo", "genesis",
              "mega drive", "megadrive", "sega", "fm synth", "16位", "16比特", "超任", "超级任天堂", "超级fc", "sfc", "16位机",
              "世嘉", "世嘉五代", "md"),
    "boss": ("boss", "boss fight", "boss battle", "final boss", "boss music", "boss战", "首领战",
             "决战", "最终boss", "最终boss战", "最终战", "终极boss", "打boss"),
    "rpg": ("rpg", "jrpg", "overworld", "rpg overworld", "orchestral", "heroic", "角色扮演",
            "大地图", "管弦", "交响", "英雄感", "英雄主义", "英雄史诗"),
    "dungeon": ("dungeon", "horror", "creepy", "spooky", "eerie", "cave", "caves", "haunted",
                "scary", "dungeon ambient", "地牢", "恐怖", "阴森", "诡异", "地下城", "洞穴", "鬼屋",
                "吓人", "惊悚", "惊恐", "毛骨悚然", "恐怖片", "鬼片"),
    "synthwave": ("synthwave", "synth wave", "retrowave", "retro wave", "outrun", "80s", "80's",
                  "eighties", "80s synth", "vaporwave", "cyberpunk", "合成器浪潮", "合成波", "80年代",
                  "蒸汽波", "赛博朋克", "复古波", "复古浪潮", "赛博", "night drive", "night driving",
                  "midnight drive", "夜晚开车", "夜里开车", "深夜开车", "晚上开车", "夜间驾驶", "夜间开车"),
    "lofi": ("lo-fi", "lofi", "lo-fi chill", "chillhop", "hip hop beats", "hip-hop beats",
             "lofi beats", "study beats", "lo fi beats", "低保真", "嘻哈", "学习音乐"),
    "platformer": ("platformer", "platforming", "mario-like", "platform game", "平台跳跃", "横版过关",
                   "跳跃游戏"),
    "racing": ("racing", "race", "driving", "high-speed", "high speed", "racer", "赛车", "竞速", "飙车",
               "开车", "高速", "速度与激情", "跑车", "赛道", "漂移"),
}  # fmt: skip
WEAK: dict[str, tuple[str, ...]] = {
    "chiptune": ("retro", "old school", "old-school", "arcade", "复古", "怀旧", "街机", "童年", "小时候",
                 "老式游戏机", "老游戏机", "老式游戏", "老游戏"),
    "16bit": ("fm", "90s", "nineties", "90年代"),
    "boss": ("冲击力", "震撼", "exciting", "energetic", "hyped", "metal", "heavy metal", "rock", "epic", "battle", "fight", "fighting", "intense", "tense", "combat", "aggressive",
             "hype", "action", "史诗", "战斗", "激烈", "燃", "紧张", "热血", "刺激", "打斗", "激昂", "燃爆", "高燃",
             "炸裂", "振奋", "澎湃", "霸气", "压迫感", "紧迫感", "打怪", "对决", "决斗", "厮杀", "对战", "带劲", "有劲", "有劲儿", "劲爆", "有冲劲",
             "够劲", "嗨", "气势", "有气势", "魂类", "魂系", "类魂", "提神", "来劲",
             "团战", "吃鸡"),
    "rpg": ("adventure", "adventurous", "classical", "fantasy", "quest", "exploration", "exploring", "medieval",
            "magical",
            "冒险", "奇幻", "魔幻", "探索", "中世纪", "勇者", "探险", "凯旋", "胜利感"),
    "dungeon": ("dark", "ambient", "mysterious", "scarier", "creepier", "spookier", "eerier",
                "黑暗", "氛围", "暗黑", "神秘", "悬疑", "悬疑感", "阴间"),
    "synthwave": ("neon", "synth", "synthy", "霓虹", "霓虹灯", "合成器"),
    "lofi": ("chill", "chilled", "chiller", "calmer", "mellower", "comfy", "缓和", "柔和", "温柔", "calm", "relaxing", "relaxed", "study", "cozy", "mellow", "放松",
             "轻松", "舒缓", "治愈", "惬意", "安静", "轻音乐", "睡前", "助眠", "咖啡馆", "佛系", "悠闲",
             "慵懒", "岁月静好", "田园", "宁静", "恬静"),
    "platformer": ("platform", "bouncy", "bouncier", "cheerful", "happy", "happier", "cute", "playful",
                   "upbeat", "欢快",
                   "轻快", "活泼", "可爱", "开心", "欢乐", "滑稽", "搞怪", "明快", "有活力", "活力", "元气",
                   "朝气", "有朝气", "阳光", "跑酷"),
    "racing": ("fast-paced", "chase", "chase scene", "pursuit", "getaway", "速度感", "追逐", "追车"),
}  # fmt: skip

# Franchises -> the sound of their era. The music is an original piece in that spirit, never
# the game's own; the reply says so (`inspired_by`).
FRANCHISES: dict[str, tuple[str, ...]] = {
    "chiptune": ("mega man", "megaman", "castlevania", "metroid", "tetris", "pac-man", "pacman",
                 "galaga", "space invaders", "contra", "duck hunt", "undertale", "shovel knight",
                 "魂斗罗", "俄罗斯方块", "吃豆人", "洛克人", "恶魔城", "坦克大战", "双截龙",
                 "泡泡龙", "雪人兄弟", "太空侵略者", "铲子骑士"),
    "16bit": ("sonic", "streets of rage", "street fighter", "chrono trigger", "super metroid",
              "earthbound", "索尼克", "刺猬索尼克", "街头霸王", "街霸", "怒之铁拳", "超时空之钥"),
    "rpg": ("zelda", "legend of zelda", "final fantasy", "dragon quest", "pokemon", "pokémon",
            "skyrim", "elder scrolls", "witcher", "genshin", "kingdom hearts", "塞尔达", "最终幻想",
            "勇者斗恶龙", "宝可梦", "精灵宝可梦", "原神", "上古卷轴", "巫师", "塞尔达传说", "旷野之息",
            "王国之泪", "口袋妖怪", "神奇宝贝", "仙剑奇侠传", "仙剑", "轩辕剑", "魔兽世界", "博德之门",
            "女神异闻录", "火焰纹章", "异度神剑", "王国之心"),
    "platformer": ("mario", "super mario", "kirby", "donkey kong", "celeste", "rayman",
                   "crash bandicoot", "马里奥", "超级马里奥", "马力欧", "超级马力欧", "超级玛丽", "星之卡比", "大金刚",
                   "雷曼", "古惑狼", "冒险岛"),
    "racing": ("mario kart", "need for speed", "forza", "gran turismo", "initial d", "ridge racer",
               "f-zero", "极品飞车", "头文字d", "马里奥赛车", "跑跑卡丁车", "qq飞车", "极限竞速",
               "狂野飙车", "gt赛车", "gta", "侠盗猎车手", "侠盗飞车", "gta5", "gta6"),
    "boss": ("dark souls", "elden ring", "sekiro", "bloodborne", "doom", "devil may cry",
             "monster hunter", "god of war", "黑魂", "黑暗之魂", "艾尔登法环", "老头环", "只狼",
             "黑神话", "怪物猎人", "战神", "鬼泣", "血源", "血源诅咒", "怪猎", "黑神话悟空"),
    "dungeon": ("diablo", "resident evil", "silent hill", "darkest dungeon", "hollow knight",
                "生化危机", "寂静岭", "暗黑破坏神", "空洞骑士", "死亡空间"),
    "synthwave": ("hotline miami", "cyberpunk 2077", "blood dragon", "迈阿密热线", "赛博朋克2077"),
    "lofi": ("animal crossing", "stardew valley", "minecraft", "动物森友会", "动森", "星露谷",
             "我的世界", "星露谷物语", "集合啦动物森友会", "旅行青蛙"),
}  # fmt: skip
# More franchises English-speaking creators name (round 3): each to the sound of its era or genre.
for _sid, _more in {
    "chiptune": ("ninja gaiden", "punch-out", "kid icarus", "excitebike", "dig dug", "frogger",
                 "deltarune", "super meat boy", "geometry dash", "binding of isaac"),
    "16bit": ("donkey kong country", "star fox", "golden axe", "altered beast", "secret of mana",
              "link to the past", "ff6", "toejam"),
    "rpg": ("breath of the wild", "tears of the kingdom", "botw", "totk", "ocarina of time",
            "xenoblade", "octopath", "fire emblem", "dragon age", "world of warcraft", "warcraft",
            "runescape", "oblivion", "ni no kuni", "honkai", "star rail", "ff7", "ffxiv", "ff14",
            "ori and the blind forest", "nier"),
    "platformer": ("spyro", "banjo kazooie", "banjo-kazooie", "yoshi", "sackboy",
                   "little big planet", "littlebigplanet", "fall guys", "astro bot",
                   "a hat in time"),
    "racing": ("burnout", "wipeout", "crash team racing", "rocket league", "trackmania",
               "asphalt", "daytona"),
    "boss": ("mortal kombat", "tekken", "bayonetta", "armored core", "smash bros", "halo",
             "call of duty", "metal gear", "lies of p", "nioh"),
    "dungeon": ("amnesia", "outlast", "dead space", "alien isolation", "limbo", "lethal company",
                "phasmophobia", "darkwood", "inscryption"),
    "synthwave": ("katana zero", "vice city", "furi", "neon white"),
    "lofi": ("stardew", "unpacking", "a short hike", "slime rancher", "spiritfarer", "cozy grove",
             "the sims", "coral island", "palia"),
}.items():
    FRANCHISES[_sid] = FRANCHISES[_sid] + _more
# Round 5 (English): the games streamers clip most, each to the sound its players expect.
for _sid, _more in {
    "chiptune": ("terraria", "shovel knight", "pacman", "galaga", "space invaders"),
    "rpg": ("red dead", "red dead redemption", "rdr2", "baldur's gate"),
    "platformer": ("roblox", "cuphead", "splatoon", "sonic mania"),
    "boss": ("fortnite", "valorant", "apex legends", "apex", "cod", "warzone", "overwatch", "pubg",
             "counter strike", "counter-strike", "rainbow six", "battlefield",
             "destiny 2", "titanfall", "league of legends", "dota", "dota 2", "hades", "tarkov",
             "escape from tarkov", "black myth wukong", "wukong"),
    "dungeon": ("dead by daylight", "five nights at freddy's", "fnaf", "among us"),
}.items():
    FRANCHISES[_sid] = FRANCHISES[_sid] + _more

# Games Chinese creators record (round 5), each to the sound its players would expect.
for _sid, _more in {
    "chiptune": ("传说之下", "以撒的结合", "以撒", "泰拉瑞亚", "超级食肉男孩"),
    "16bit": ("拳皇", "合金弹头", "三国战纪", "地下城与勇士", "dnf"),
    "rpg": ("星穹铁道", "崩坏星穹铁道", "崩铁", "崩坏3", "阴阳师", "梦幻西游", "逆水寒", "天涯明月刀",
            "剑网3", "剑侠情缘", "古剑奇谭", "鸣潮", "明日方舟", "幻塔", "八方旅人", "异度之刃"),
    "platformer": ("植物大战僵尸", "pvz", "蛋仔派对", "蛋仔", "糖豆人", "双人成行", "鹅鸭杀",
                   "奥日", "茶杯头", "cuphead"),
    "racing": ("极限竞速地平线", "地平线5", "火箭联盟", "飙酷车神", "赛车计划"),
    "boss": ("和平精英", "绝地求生", "pubg", "穿越火线", "永劫无间", "使命召唤", "守望先锋",
             "无畏契约", "瓦罗兰特", "apex英雄", "三角洲行动", "毁灭战士", "战地风云",
             "彩虹六号", "csgo", "cs2", "反恐精英", "堡垒之夜", "哈迪斯", "死亡细胞", "仁王",
             "法环", "王者荣耀", "英雄联盟"),
    "dungeon": ("第五人格", "饥荒", "恐鬼症", "港诡实录", "纸嫁衣", "小小梦魇",
                "黎明杀机", "层层恐惧"),
    "synthwave": ("绝区零", "电驭叛客"),
    "lofi": ("光遇", "迷你世界", "模拟人生", "动物之森", "江南百景图", "桃源深处有人家", "风来之国"),
}.items():
    FRANCHISES[_sid] = FRANCHISES[_sid] + _more


def _word_re(words: list[str]) -> str:
    """One alternation, longest first; a word's Latin edge must not run on into Latin letters
    ("fc" is not in "fcking"), a Chinese edge may touch anything ("战斗bgm")."""

    def one(w: str) -> str:
        body = re.escape(w).replace(r"\ ", r"[\s-]*").replace(r"\-", r"[\s-]*")
        head = r"(?<![a-z0-9])" if w[:1].isascii() else ""
        tail = r"(?![a-z0-9])" if w[-1:].isascii() else ""
        return head + body + tail

    return "(?:" + "|".join(one(w) for w in sorted(words, key=len, reverse=True)) + ")"


# More mood words English-speaking creators use (round 3): weak, so a named style beats them.
for _sid, _more in {
    "chiptune": ("nostalgic", "pixelated", "arcadey", "blippy", "bit-crushed", "bitcrushed"),
    "boss": ("soulslike", "souls-like", "badass", "brutal", "climactic", "adrenaline", "heated",
             "more energy", "high energy", "high-energy", "tension"),
    "rpg": ("triumphant", "victorious", "majestic", "legendary", "uplifting", "inspiring",
            "fanfare", "noble", "grand adventure"),
    "dungeon": ("suspense", "suspenseful", "unsettling", "haunting", "ghostly", "gloomy",
                "stealth", "stealthy", "atmospheric", "ominous"),
    "synthwave": ("futuristic", "sci-fi", "scifi", "retro-futuristic", "spacey", "cyber"),
    "lofi": ("peaceful", "serene", "soothing", "tranquil", "laid-back", "laid back", "easygoing",
             "sleepy", "dreamy", "wholesome", "zen", "meditative", "chillout", "cozier", "comfier"),
    "platformer": ("whimsical", "goofy", "silly", "quirky", "cartoony", "joyful", "sunny",
                   "lighthearted", "light-hearted"),
    "racing": ("speedy", "high-octane", "turbo", "nitro", "drift", "drifting", "rally"),
}.items():
    WEAK[_sid] = WEAK[_sid] + _more

_STYLE_OF: dict[str, tuple[str, bool]] = {}
for _id, _words in WEAK.items():
    _STYLE_OF.update({w: (_id, False) for w in _words})
for _id, _words in STRONG.items():
    _STYLE_OF.update({w: (_id, True) for w in (*_words, _id)})
for _id, _title in STYLE_TITLES.items():
    _STYLE_OF[_title.lower()] = (_id, True)
    _STYLE_OF[STYLE_ZH[_id].lower()] = (_id, True)
STYLE_RE = re.compile(_word_re(list(_STYLE_OF)), FLAGS)
_FRANCHISE_OF = {w: (sid, w) for sid, words in FRANCHISES.items() for w in words}
FRANCHISE_WORDS = _word_re(list(_FRANCHISE_OF))
FRANCHISE_RE = re.compile(
    FRANCHISE_WORDS + r"(?:[\s-]*(?:like|style|era|vibes?|inspired|ish|风格?|那样|一样|的感觉))?",
    FLAGS,
)


def franchise(text: str) -> tuple[str, str] | None:
    """(style id, franchise as written in the table) for a matched franchise phrase."""
    t = re.sub(r"[\s-]+", " ", text.strip().lower())
    for w in sorted(_FRANCHISE_OF, key=len, reverse=True):
        if t.startswith(re.sub(r"[\s-]+", " ", w)):
            return _FRANCHISE_OF[w]
    return None



def _key(word: str) -> str:
    return re.sub(r"[\s-]+", " ", word.strip().lower())


_STYLE_KEYS = {_key(w): v for w, v in _STYLE_OF.items()} | {
    _key(w).replace(" ", ""): v for w, v in _STYLE_OF.items()
}


def style_word(word: str) -> tuple[str, bool] | None:
    """(style id, strong?) for a matched synonym."""
    k = _key(word)
    return _STYLE_KEYS.get(k) or _STYLE_KEYS.get(k.replace(" ", ""))


def resolve_style(word: str) -> str | None:
    """A style id from an id, a title or a synonym, in English or Chinese; None if unknown.

    >>> resolve_style("8-bit"), resolve_style("Boss战"), resolve_style("lo fi music")
    ('chiptune', 'boss', 'lofi')
    """
    text = normalize(word).strip().lower()
    text = re.sub(r"(?:\s*(?:background\s+)?(?:music|style|bgm)|背景音乐|音乐|风格)$", "", text)
    found = style_word(text)
    return found[0] if found else None


def _words(text: str) -> list[str]:
    return text.split()


# ---- filler ---------------------------------------------------------------------------------
FILLER_EN = frozenset(
    _words(
    """a an the some any my me i i'm im we our us you your it it's its this that these those to
    into onto of for on in at with and or then also plus please pls plz can could would will
    should shall just only more bit little very really so now instead thanks thank ok okay hey
    hi yes make set change switch turn give use put add want need like let let's lets try go be
    is are was sound sounds feel feeling vibe vibes kind sort style styled music musics
    background bgm soundtrack track tracks song tune tunes video clip gameplay recording
    footage game games gaming audio sound version type genre mood whole entire part section
    aspect ratio format mode orientation resolution quality output volume level cool nice
    awesome good great fun some something kinda bit during play plays playing i'd id
    i'll fits fit suits convert era era's actually wait hmm um uh lol guys bro tunes stuff thing
    things sorta pretty super yeah yep nah ty thx stream vod highlight highlights behind under over
    there here through all everything overall fitting suitable matching sounding feels feel
    again maybe perhaps think guess honestly literally basically kinda seems seem bit probably
    whatever rather something's one ones kind bgm's tracks clips videos my own fight boss's
    montage edit edits upload uploaded channel viewers chat have has having crop
    cropped back not don't dont no never do does doesn't keep theme as same short throw slap
    stick chuck toss pop drop bump yo fam dude alright gimme possibly thinking how about what get
    going real quick we're we we'll us got u ur ya wanna gonna lemme ngl tbh rn man mind quickly
    plss pleaseee kindly uhh uhhh erm hmmm lmao tho beats slaps"""
    )
)  # fmt: skip
FILLER_ZH = sorted(
    _words(
    """请 帮我 帮忙 麻烦 给我 给 把 将 让 使 使用 用 换成 换为 改成 改为 改用 切换到 切换成 切换
    变成 设为 设置为 设置成 设置 调成 调到 调整 做成 弄成 加上 加入 添加 加 配上 来点 要 想要 我想
    我要 想 需要 一下 一点 一些 点 些 的 地 得 了 吧 呢 啊 呀 哦 嘛 和 与 及 并且 并 然后 再 还有
    同时 也 都 就 只 只要 仅 只在 在 里 中 时 上 这个 那个 这段 一个 一首 一段 个 首 段 它 我 我的
    视频 影片 片子 录像 游戏 音乐 背景音乐 配乐 风格 类型 声音 效果 感觉 一样 像 谢谢 好的 好 吗
    画幅 比例 格式 模式 版本 分辨率 音量 整体 稍微 有点 更 更加 比较 换 成 为 改 来 下 放 风 风的 发 发到 适合 有 感
    的话 那个 就是 其实 算了 还是 改回 回到 哈 嗯 呃 谢了 兄弟 能不能 可以 可不可以 整个 太 啦 咯
    喔 哎 下吧 一下吧 帮 感觉的 调 弄 搞 整 那种 这种 风格的 类型的 来个 这里 那里 部分 直播 时候
    时代 年代 配个 配点 配一段 配 吗 么 设到 设置到 调整到 调整为 调至 拉到 降到 提到 开到 改到
    有没有 也行 都行 就行 或者 是不是 应该 是否 让你 调为 歌 歌曲 曲子 当背景 当bgm 裁剪成 裁成 尺寸
    我在玩 在玩 玩的是 我玩的 这是 这个是 的录屏 录屏 这局 这把 这次 这回 一次 但 但是 可是 剪成 导出
    能 强的 之后再放 后面再放 再放 别动 不要动 不用动 别改 不要改 不用改 不变 保持不变 保持原样 声 不对 说错了 搞错了 我是说 不要 满满的 满满 倒是 还行 挺好 没问题
    兄弟们 兄弟 家人们 老铁们 老铁 宝子们 宝子 朋友们 大家 用户说 用户 说 不想要 很 非常 超级 特别 听起来 听着 类似的 类似
    其他的 其他 别的 背景 小曲 小调 上一次 上次 修改 操作 改动 刚刚 刚才 左右 就停 停 加到 设成 转成 换回 打开 先 特效
    只是 别换 刚好 正好
    那个啥 啥 开着 标题 字幕"""),
    key=len,
    reverse=True,
)  # fmt: skip
_ZH_FILLER_RE = re.compile("|".join(re.escape(w) for w in FILLER_ZH))
_TOKEN = re.compile(r"[a-z0-9']+|[\u3400-\u9fff\uf900-\ufaff]+", FLAGS)


def meaningful(fragment: str) -> list[str]:
    """Words of `fragment` that are not filler (what a parser must have understood)."""
    left = []
    for tok in _TOKEN.findall(fragment.lower()):
        if CJK.match(tok):
            rest = _ZH_FILLER_RE.sub("", tok)
            if rest:
                left.append(rest)
        elif tok.strip("'") and tok.strip("'") not in FILLER_EN:
            left.append(tok)
    return left


SUPPORTED_EN = (
    "I can: pick a style (chiptune, 16-bit, boss, rpg, dungeon, synthwave, lo-fi, platformer, "
    "racing), set the volume (35%, quieter, louder), limit the music to a range (from 0:30 to "
    "1:20, last 10 seconds), fade in/out, turn ducking on/off or stronger, set the tempo "
    "(120 bpm, faster), make another take, mute or keep the game audio, remove the music, add "
    "titles (add title 'Boss Rush' for 3 s), change the aspect (vertical, 16:9, square), "
    "1080p, undo, redo."
)
SUPPORTED_ZH = (
    "我能做的：换风格（芯片音乐、16位、Boss战、角色扮演、地牢、合成器浪潮、低保真、平台跳跃、赛车），"
    "调音量（35%、调低音乐、大声一点），限定时间段（从0:30到1:20、最后10秒），淡入淡出，开关闪避或加强，"
    "改节奏（120 bpm、快一点），换一版，原声静音/保留，去掉音乐，加标题（加标题「Boss Rush」3秒），"
    "改画幅（竖屏、16:9、方形），1080p，撤销，重做。"
)


def supported(lang: str) -> str:
    return say(lang, SUPPORTED_EN, SUPPORTED_ZH)
