"""Matching a word list against text: one scan for anchor characters, built once per list.

The lists hold hundreds of wrong forms and the editor re-checks on every
keystroke, so matching is never a loop of ``str.find`` per word, and not a
regular expression of all the words either (``re`` would try the word list
at every character of the text).  Each entry is anchored on its rarest
character (凑 in 凑效, 帐 in 台帐), so one character-class scan finds the
few places where any entry could start, and only there are the entries
compared.  Where several entries match at one place the longest whose
conditions hold wins; an entry that does not hold never hides another.

Conditions (``not_after`` and the rest) are compiled the first time a hit
needs them, so a list of hundreds costs little to load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from tui.model.wordlist import LanguageSettings, WordEntry

_LOOKBACK = 12  # characters a ``before`` condition may look at

# Characters of Chinese prose by frequency, commonest first: first every
# character of a published bulletin (counted on the shipped sample issue),
# then a general list.
# An entry is anchored on the character of its wrong form that comes latest
# here, or on one not here at all: the fewer places the scan stops, the
# cheaper the check.
_OFFICIAL = (
    "人业区大展法产动建代发力等新表的会委组题推开实生常化作创议督普监关工专民助质聚为政研织项高地一体制是全企调对活办三策焦场"
    "式点机效务共出五台方提面合平部学成服级科能设规造主环问目教育领集与保进和景同分度重引深中落传村市年量情打将公条门事治室职"
    "强况通决立优行系有并加富交改用过好智站定续现道以入个局宣期多升紧八技于围绕导府经心各商障来理不收转联习塘键上充挥精准向划"
    "要路域察意见持相在形验协群余钱山扣城才视径基极家文境执责支络融未族措护西湖四走江革团施培谈广供二济兴访电省检街积链小金针"
    "整选听资报告众宗杭第编拱墅举航履萧裕流滨献员标明时座泛参长结增类营例查激两头居带构足跟促物医药取解贯农万安计任层信究跑步"
    "社接考及审到功所模核镇确踪统数依托够布节型性元内清单彻空间就切格自青律息速迭亮答十让天线课国算云程覆盖每本林识权素位赋双"
    "岗指校探由牵杆召源下配旅批示筑牢撑容投证网完善土临拓次累近管应真把官认党范闭州总日坚眼卷齐快言汇囊做油础北征破堵靶司透圈"
    "健知特品如索美玉态底栖梳挖掘析根反需从请负字套励还术周杰车壮直使难痛得财预材料具盘石乡轴风边口询渠样板势身果留换求享微拨"
    "付卫回话季思想贡谁纳训存讲庭阵界寺乐谐园少德刊月录攻纵横摘登则因宜当纲惠既又气剑耕谷钢穿武命康竞娱色牌院半摇延伸触角宋凤"
    "摸密紫港架称运馈腿秒擎勤种星球邀东红超银溪招峰迈硬奖错豁免慧测试愈敏芯柱龙销账移约宇宙赛抓手储备远映较低张晗刘鹏扎署振浦"
    "阳百膜游利给断放千起梅绿廊渗彩注谢湘典案房我血干置零米益盯价水疗养老消费均已候名届初看正郭彧拳逐润尚巾帼辨辅觉读书班外拧"
    "评先后了奏响音担防诈骗灵扬神矛盾纠纷咨良轨前瞻细谋此恳脉赴兄弟子女讨判概念率待顶侨芮可处暗排稳英颖婴幼儿驿堂榴籽亲宽孔铮"
    "都洁庄序邻里绩吴静之送厅县辑杨"
)
_GENERAL = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然"
    "家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把"
    "机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果"
    "加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔"
    "更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展"
    "马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共"
    "确传师观清今切院让识候带导争运笔构房视京"
)
COMMON = "".join(dict.fromkeys(_OFFICIAL + _GENERAL))
_RANK = {ch: i for i, ch in enumerate(COMMON)}


def anchor_of(wrong: str) -> int:
    """Where to anchor an entry: the index of the rarest character of its wrong form."""
    return max(range(len(wrong)), key=lambda i: _RANK.get(wrong[i], len(COMMON)))


@lru_cache(maxsize=1024)
def _pattern(source: str, behind: bool) -> re.Pattern[str]:
    return re.compile(f"(?:{source})$" if behind else source)


class _Anchored:
    """A word-list entry found through its rarest character: one scan finds every candidate.

    A plain class: hundreds are made at each start and none is compared (a
    frozen dataclass also wrote six methods by ``exec`` at import).
    """

    __slots__ = ("entry", "offset", "plain", "wrong")

    def __init__(self, entry: WordEntry, offset: int) -> None:
        self.entry = entry
        self.offset = offset  # where the anchor character stands in the wrong form
        self.wrong = entry.wrong
        self.plain = not (
            entry.after or entry.not_after or entry.before or entry.not_before
        )  # a match is a hit

    def applies(self, text: str, start: int, end: int) -> bool:
        e = self.entry
        back = max(0, start - _LOOKBACK)
        if e.after and not _pattern(e.after, False).match(text, end):
            return False
        if e.not_after and _pattern(e.not_after, False).match(text, end):
            return False
        if e.before and not _pattern(e.before, True).search(text, back, start):
            return False
        return not (e.not_before and _pattern(e.not_before, True).search(text, back, start))


def trie_pattern(words: Iterable[str]) -> str:
    """One regular expression for ``words``, written as a trie (longest first at each position)."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]  # recursive; "" marks a word's end
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(trie)


def _render(node: dict) -> str:  # type: ignore[type-arg]  # the recursive trie of trie_pattern
    branches = [re.escape(ch) + _render(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


# An entry whose every character is this common (人大代表大会, 以法行政) would
# stop the anchor scan too often; those few are matched by a trie pattern.
COMMON_ANCHOR = 300


class Lexicon:
    """A word list ready to match: entries by anchor character, the anchor scan, the common-word pattern.

    Built once per house settings (:func:`lexicon_for`) and never compared: a
    plain class, not a dataclass generated by ``exec`` at every start.
    """

    def __init__(self, entries: list[WordEntry]) -> None:
        self.entries = entries
        self.by_anchor: dict[str, list[_Anchored]] = {}
        self.by_wrong: dict[str, list[_Anchored]] = {}
        self.scan: re.Pattern[str] | None = None
        self.common: re.Pattern[str] | None = None
        for entry in entries:
            k = anchor_of(entry.wrong)
            if _RANK.get(entry.wrong[k], len(COMMON)) < COMMON_ANCHOR:
                self.by_wrong.setdefault(entry.wrong, []).append(_Anchored(entry, 0))
            else:
                self.by_anchor.setdefault(entry.wrong[k], []).append(_Anchored(entry, k))
        if self.by_anchor:
            self.scan = re.compile("[" + "".join(re.escape(ch) for ch in sorted(self.by_anchor)) + "]")
        if self.by_wrong:
            self.common = re.compile(trie_pattern(self.by_wrong))

    def _common_hits(self, text: str) -> Iterator[tuple[int, int, WordEntry]]:
        """Hits of the common-character entries: the trie gives the longest, shorter ones are tried too."""
        assert self.common is not None
        pos = 0
        while (m := self.common.search(text, pos)) is not None:
            start = m.start()
            for stop in range(m.end(), start, -1):
                for anchored in self.by_wrong.get(text[start:stop], ()):
                    if anchored.applies(text, start, stop):
                        yield start, stop, anchored.entry
            pos = start + 1

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, text: str) -> Iterator[tuple[int, int, WordEntry]]:
        """Each hit ``(start, end, entry)``, left to right, not overlapping (the longer wins)."""
        hits: list[tuple[int, int, WordEntry]] = []
        if self.scan is not None:
            by_anchor = self.by_anchor
            startswith = text.startswith
            for m in self.scan.finditer(text):
                pos = m.start()
                for anchored in by_anchor[text[pos]]:
                    start = pos - anchored.offset
                    if start >= 0 and startswith(anchored.wrong, start):
                        end = start + len(anchored.wrong)
                        if anchored.plain or anchored.applies(text, start, end):
                            hits.append((start, end, anchored.entry))
        if not hits and self.common is None:
            return
        if self.common is not None:
            hits += self._common_hits(text)
        if len(hits) > 1:
            hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        taken = 0
        for start, end, entry in hits:
            if start >= taken:
                yield start, end, entry
                taken = end


def merged(shipped: Iterable[WordEntry], settings: LanguageSettings) -> list[WordEntry]:
    """The shipped entries the house did not switch off, then the house's own."""
    off = set(settings.off)
    return [e for e in shipped if e.wrong not in off] + list(settings.entries)


@lru_cache(maxsize=8)
def lexicon_for(settings: LanguageSettings) -> Lexicon:
    """The lexicon of the shipped lists with a house's settings, built once per settings."""
    from tui.files.wordlists import shipped_entries

    return Lexicon(merged(shipped_entries(), settings))
