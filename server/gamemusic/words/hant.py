"""Traditional characters as simplified ones, for the words of an edit request ("前15秒別放音樂"
reads as "前15秒别放音乐"); the rule tables are written in simplified Chinese. Only characters
that a request for this product uses; quoted titles are never passed through here.
"""

from __future__ import annotations

# Pairs: each traditional character, then its simplified form (one to one, same order).
_PAIRS = (
    "樂乐別别聲声調调點点開开關关遊游戲戏機机換换個个來来進进麼么這这幫帮給给讓让說说話话時时"
    "後后頭头結结長长節节標标題题畫画橫横豎竖銷销復复複复風风戰战鬥斗緊紧張张賽赛車车競竞輕轻"
    "鬆松電电馬马裡里裏里奧奥薩萨爾尔達达寶宝夢梦終终極极類类動动態态靜静聽听見见響响蓋盖壓压"
    "閃闪夠够實实現现種种隨随數数錄录製制視视頻频號号體体設设為为從从間间鐘钟兩两幾几會会還还"
    "沒没與与對对錯错過过邊边嗎吗們们場场漸渐強强減减適适發发佈布顯显頂顶寫写著着請请謝谢該该"
    "應应當当樣样試试熱热氣气雜杂亂乱難难煩烦討讨厭厌歡欢愛爱優优溫温傷伤憂忧鬱郁險险勝胜敗败"
    "級级鍵键槍枪專专業业簡简單单門门問问將将並并於于鬧闹趕赶緩缓轉转選选擇择刪删維维變变萬万"
    "兒儿語语濾滤鏡镜質质幀帧導导輸输檔档圖图預预覽览範范圍围遠远歲岁舊旧經经紅红瑪玛歐欧殺杀"
    "剛刚僅仅隻只準准讚赞嚇吓驚惊靈灵詭诡異异陰阴擊击彈弹詞词鋼钢麥麦講讲訊讯線线續续繼继暫暂"
    "盡尽儘尽內内餘余總总統统飆飙駕驾駛驶飛飞艦舰鐵铁劍剑俠侠術术龍龙惡恶獸兽殭僵屍尸礦矿層层"
    "樓楼壞坏帥帅懷怀學学習习覺觉療疗癒愈詩诗壯壮觀观礡礴懸悬乾干淨净幹干齊齐須须歸归"
    "嘍喽唄呗囉啰罷罢妳你燈灯滅灭髮发螢萤況况認认識识計计劃划啟启廣广東东區区絕绝獨独"
    "勢势網网頁页貼贴傳传訂订遲迟較较載载碼码雙双處处據据則则狀状"
)
_TABLE = str.maketrans(_PAIRS[0::2], _PAIRS[1::2])


def simplify(text: str) -> str:
    """`text` with the traditional characters above in their simplified form."""
    return text.translate(_TABLE)
