"""的、地、得 by pattern: only where the pattern leaves no doubt.

* 地 before a verb phrase: a manner word, 的, then a preposition that opens
  the verb phrase (积极的为代表履职服务, 认真的按照要求) or a verb that takes
  an aspect particle (认真的研究了): 认真地…
* 得 before a complement: an action verb, 的, then a degree word and a
  judgement (完成的很好, 开展的有声有色): 完成得很好.
* 的 before a noun: an adjective, 地, then a noun that cannot be a verb
  (热情地态度, 良好地氛围): 热情的态度.

Everything else is left alone: 进行了认真的研究 (的 before a nominal verb)
is right, and so is 积极地工作.  A pattern is a likely error, so a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from tui.checks.patterns import LazyPattern, lazy
from tui.checks.rules.base import Segment, span
from tui.model.findings import Finding
from tui.model.i18n import Text

_MANNER = (
    "认真|积极|主动|深入|切实|有效|全面|扎实|稳步|充分|广泛|科学|依法|有序|持续|精准|大力|着力|高效|规范|系统"
    "|热情|耐心|细致|及时|坚定|坚决|严格|牢牢|紧紧|不断|逐步|稳妥|审慎|有力|迅速|积极主动|认认真真|扎扎实实"
    "|踏踏实实|实实在在|高质量|创造性|创新性|更好|更加|很好|较好"
)
# Prepositions that open a verb phrase, with the words that start with them listed out.
_PREPOSITION = (
    r"(?:把(?!关|握|手|脉)|将(?!来|领|士)|向(?!上|下|前|好)|从(?!业|严|优)|为(?!期|民|人)"
    r"|对(?!策|象|手|话|照|比|口|应|待|外|接)|在(?!线|职|建|校|岗|编|押|读|地|途)|按照|围绕|通过(?!率)|结合(?!点|部)|立足|聚焦(?!点)|紧扣|依托)"
)
_ASPECT_VERB = (
    r"(?:研究|推进|开展|落实|做好|抓好|参与|履行|发挥|推动|加强|完善|解决|提出|反映|听取|回应|督促|跟踪|宣传"
    r"|学习|贯彻|执行|办理|审议|调研|走访|收集|征求|整改)[了着过]"
)
# Each pattern starts at the particle itself (a literal, which re finds fast);
# the word before it is checked on the few hits.
_ADVERBIAL = lazy(rf"的(?={_PREPOSITION}|{_ASPECT_VERB})")
_MANNER_BEFORE = lazy(rf"(?:{_MANNER})$")

_ACTION = (
    "完成|开展|推进|落实|执行|进行|发展|组织|实施|解决|处理|建设|发挥|贯彻|推动|配合|衔接|结合|协调|运行|办理"
    "|整改|宣传|准备|安排|部署|筹备|举办|召开|做|办|干|搞|抓|写|讲|学"
)
_DEGREE = r"(?:很|非常|十分|更加|越来越|比较|相当|特别|较为|不够|还不够|不太|更)"
_JUDGEMENT = r"(?:好|快|扎实|有效|顺利|出色|到位|细致|深入|充分|及时|成功|稳|精彩|圆满|规范|实|细|活|热烈)"
_IDIOM_COMPLEMENT = "有声有色|井井有条|红红火火|热火朝天|扎扎实实|卓有成效|风生水起|有条不紊"
# The judgement ends the clause (完成的很好。), so 发展的更好路径 (的 before a noun phrase) stays out.
_CLAUSE_END = r"(?=[，。；、！？”）]|了|$)"
_COMPLEMENT = lazy(rf"的(?=(?:{_DEGREE}{_JUDGEMENT}|{_IDIOM_COMPLEMENT}){_CLAUSE_END})")
_ACTION_BEFORE = lazy(rf"(?:{_ACTION})$")

_QUALITY = (
    "热情|良好|积极|重要|显著|浓厚|有效|扎实|强烈|深刻|明显|充分|突出|健康|稳定|和谐|广泛|巨大|坚实|优良"
    "|优质|优秀|高效|便捷|良性|浓郁|热烈|独特|鲜明|务实|严谨|清新|长效"
)
_NOUN = (
    "态度|氛围|局面|成果|成效|效果|精神|水平|力度|举措|措施|经验|意义|基础|条件|环境|作风|风貌|面貌|形势|格局"
    "|动力|声音|反响|进展|成绩|品质|质量|机制|制度|平台|渠道|窗口|势头|态势|前景|效益|口碑|风气|生态|秩序"
)
_ATTRIBUTIVE = lazy(rf"地(?=(?:{_NOUN})(?![于着了过]))")
_QUALITY_BEFORE = lazy(rf"(?:{_QUALITY})$")


_RULE_OF = {"地": "particle.adverbial", "得": "particle.complement", "的": "particle.attributive"}
_LONGEST_WORD = 5


def _hits(text: str, particle: LazyPattern, word: LazyPattern) -> Iterator[tuple[int, str]]:
    """(position of the particle, the word before it) where both patterns hold."""
    for m in particle.finditer(text):
        before = word.search(text, max(0, m.start() - _LONGEST_WORD), m.start())
        if before is not None:
            yield m.start(), before.group()


def may_misuse(text: str) -> bool:
    """A quick test (three literal-first scans) before :func:`particle_findings`."""
    return any(p.search(text) is not None for p in (_ADVERBIAL, _COMPLEMENT, _ATTRIBUTIVE))


# (the particle written, its pattern, the word it must follow, the right particle, message zh, message en)
_PATTERNS = (
    (
        "的",
        _ADVERBIAL,
        _MANNER_BEFORE,
        "地",
        "“{w}”修饰后面的动作，应用“地”",
        "“{w}” modifies the verb after it: 地, not 的",
    ),
    (
        "的",
        _COMPLEMENT,
        _ACTION_BEFORE,
        "得",
        "“{w}”后面是补语，应用“得”",
        "a complement follows “{w}”: 得, not 的",
    ),
    (
        "地",
        _ATTRIBUTIVE,
        _QUALITY_BEFORE,
        "的",
        "“{w}”修饰后面的名词，应用“的”",
        "“{w}” modifies the noun after it: 的, not 地",
    ),
)


def particle_findings(seg: Segment) -> Iterator[Finding]:
    text = seg.text
    for particle, pattern, word_before, right, zh, en in _PATTERNS:
        if particle not in text:
            continue
        for pos, word in _hits(text, pattern, word_before):
            message = Text(zh.format(w=word), en.format(w=word))
            yield span(seg, _RULE_OF[right], "warning", message, pos, pos + 1, right)
