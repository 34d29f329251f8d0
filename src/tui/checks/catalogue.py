"""Every rule declared once: ID, Chinese name, severity, 依据 (basis), an example, the fix.

The rules' code registers functions under these IDs (``checks/rules/``); a
test keeps the two in step.  The checks pane and reports name a rule by its
Chinese name; docs/checks.md's rule tables are generated from here
(``python -m tui.checks.catalogue``; a test fails when the page is stale).
"""

from __future__ import annotations

from typing import NamedTuple

from tui.model.findings import Severity
from tui.model.i18n import Lang, Text

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

GB15834 = "GB/T 15834—2011《标点符号用法》"
GB15835 = "GB/T 15835—2011《出版物上数字用法》"
HOUSE = "本刊体例（bulletin.toml）"
STRUCTURE = "期刊结构：报头、目录与正文一致"


# A named tuple, not a frozen dataclass: defining the class costs a tenth as much at import
# (every `check` and every start of the editor), and its instances are never changed.
class RuleSpec(NamedTuple):
    """One rule's single declaration: ID, Chinese name, severity, 依据, example, fix (docs/checks.md is built from these)."""

    id: str
    name: Text  # what the proofreader calls it: 半角逗号
    severity: Severity
    basis: str  # 依据: the standard or house rule that makes it wrong
    example: str  # a case it reports (Markdown, for docs/checks.md)
    fix: str = ""  # what --fix does; empty: no automatic fix
    right: str = ""  # the same written right: what the rule leaves alone

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]


class Family(NamedTuple):
    """A family of rules (typography, numbering…): its key, its heading in docs/checks.md, and notes."""

    key: str
    title: str
    notes: str = ""

    @property
    def name(self) -> Text:
        """What the checks pane and the 校对单 call the family: 标点与排版."""
        return FAMILY_NAMES.get(self.key, Text(self.key, self.key))


FAMILY_NAMES: dict[str, Text] = {
    "section": Text("栏目归属", "section"),
    "title": Text("标题", "titles"),
    "byline": Text("署名", "bylines"),
    "numbering": Text("期号与序号", "numbering"),
    "paragraph": Text("段落", "paragraphs"),
    "required": Text("必填项", "required fields"),
    "house": Text("本刊体例", "house style"),
    "typography": Text("标点与排版", "typography"),
    "text": Text("异常字符", "stray characters"),
    "wording": Text("错别字与易混词", "wording"),
    "standard": Text("规范表述", "standard wording"),
    "repetition": Text("重复字词", "repetition"),
    "particle": Text("的地得", "的/地/得"),
    "numbers": Text("数字用法", "numbers"),
    "consistency": Text("前后一致", "consistency"),
    "archive": Text("与往期对照", "archive"),
    "signoff": Text("签发", "sign-off"),
    "waiver": Text("豁免", "waivers"),
    "merge": Text("合并", "merges"),
    "import": Text("导入记录", "import notes"),
    "contents": Text("目录与正文", "contents"),
}


FAMILIES = (
    Family("section", "section — section assignment"),
    Family("title", "title — titles"),
    Family("byline", "byline — bylines (structured; typography rules never look at them)"),
    Family(
        "numbering",
        "numbering — numbers against the archive, enumerations inside articles",
        "第N期 restarts at 1 each year, 总第M期 never; 增刊 and 专刊 count in sequences\n"
        "of their own (configurable). Enumerations may start again at one (a second\n"
        "series); a heading （二） restarts the 1. 2. under it. “第一议题” is not an\n"
        "enumeration: 第一 counts only when followed by ，or 、.",
    ),
    Family("paragraph", "paragraph — paragraphs"),
    Family("required", "required — required fields"),
    Family("house", "house — the masthead against the house configuration"),
    Family(
        "typography",
        "typography — punctuation and numbers in titles, paragraphs and 送 lines",
        "autocorrect-py (configured for official style: no spaces between Chinese\n"
        "and digits, U+3000 kept) finds half-width marks between Chinese and spaces\n"
        'beside full-width marks; the rules below marked "own" add what it misses.\n\n'
        "When two rules report the same span with the same fix, the more specific\n"
        "family wins: a title's half-width colon is `title.halfwidth-colon`, not also\n"
        "`typography.halfwidth-colon`.",
    ),
    Family(
        "text",
        "text — characters no text should hold",
        "Exports never fail on them: every exporter leaves them out.",
    ),
    Family(
        "wording",
        "wording — wrong characters and confused words (curated list)",
        "The list is data: `src/tui/defaults/wording.toml`, each group with its source. An\n"
        "entry holds the wrong form, the correction and, where the wrong form is also the\n"
        "seam of two right words, what must not come before or after it (按排 is not\n"
        "reported in 按排名先后). See “House word lists” below to add or switch off entries.",
    ),
    Family(
        "standard",
        "standard — standard wording of official documents",
        "The term lists are data: `src/tui/defaults/standard.toml` (political terms, names of\n"
        "bodies, the 新华社 list of words to avoid), each group with its source.",
    ),
    Family("repetition", "repetition — characters and words written twice"),
    Family(
        "particle",
        "particle — 的、地、得 (high-confidence patterns only)",
        "Only a manner word + 的 + a preposition or a verb with 了/着/过, an action verb + 的 +\n"
        "degree + judgement at the end of a clause, and a quality + 地 + a noun that is never a\n"
        "verb are reported; 进行了认真的研究 and 积极地工作 are right and left alone.",
    ),
    Family("numbers", "numbers — GB/T 15835 number forms in running text"),
    Family(
        "consistency",
        "consistency — totals, numbered summaries and dates inside the text",
        "Each is a likely error: a total is compared with its parts only after 其中 and in\n"
        "the same unit, and a shortfall counts only when it is smaller than the smallest\n"
        "part (a partial breakdown is common and right).",
    ),
    Family("archive", "archive — the issue against earlier issues in the archive"),
    Family("signoff", "signoff — sign-offs against what they approved"),
    Family("waiver", "waiver"),
    Family(
        "merge",
        "merge — two versions merged by `jianbao merge-driver` (git)",
        "Recorded in the issue as a note when git merges two branches that changed the same thing "
        "differently; the text keeps this side's version, the note the other's, whole. Resolve it "
        "(edit the text), then mark the note done (F4) or waive it.",
    ),
)


RULES: tuple[RuleSpec, ...] = (
    # section
    RuleSpec(
        "section.no-column",
        Text("未指定栏目", "no column"),
        E,
        HOUSE,
        'an article with `column = ""`',
        right="every article names a column of the issue",
    ),
    RuleSpec(
        "section.undeclared-column",
        Text("栏目未列入本期", "column not in this issue"),
        E,
        STRUCTURE,
        '`column = "情况交流"` but the issue\'s `[[columns]]` has no 情况交流',
        right='`column = "情况交流"` with 情况交流 in `[[columns]]`',
    ),
    RuleSpec(
        "section.unknown-column",
        Text("栏目不在栏目目录中", "column not in the catalogue"),
        E,
        HOUSE,
        "a column 八卦新闻 not in the catalogue of `bulletin.toml`",
        right="助力攻坚, 监督纵横 (columns of the catalogue)",
    ),
    RuleSpec(
        "section.empty-column",
        Text("空栏目", "empty column"),
        W,
        STRUCTURE,
        "the column 情况交流 has no articles",
        right="a column with at least one article, or removed from the issue",
    ),
    RuleSpec(
        "section.column-order",
        Text("栏目顺序与目录不符", "column order"),
        W,
        HOUSE,
        "信息摘登 listed before 助力攻坚, only with `check_column_order = true` in `[style]` (off by default)",
        right="columns in catalogue order",
    ),
    RuleSpec(
        "section.duplicate-column",
        Text("栏目重复", "duplicate column"),
        E,
        STRUCTURE,
        "助力攻坚 listed twice",
        right="each column listed once",
    ),
    RuleSpec(
        "section.titled-brief",
        Text("信息摘登稿件有标题", "titled brief"),
        E,
        HOUSE + "：信息摘登不设标题",
        "an item with a title in 信息摘登 (a briefs column)",
        right="a brief without a title in 信息摘登",
    ),
    RuleSpec(
        "section.untitled-article",
        Text("文章缺少标题", "untitled article"),
        E,
        HOUSE,
        "an article without a title in 监督纵横",
        right="萧山区：紧扣“三大关键”强化监督 in 监督纵横",
    ),
    RuleSpec(
        "section.duplicate-title",
        Text("标题重复", "duplicate title"),
        E,
        STRUCTURE,
        "two articles titled 拱墅区：多措并举护航新质生产力“加速跑”",
        right="every title once",
    ),
    # title
    RuleSpec(
        "title.halfwidth-colon",
        Text("标题冒号为半角", "half-width colon in a title"),
        E,
        f"{GB15834} 4.7 冒号；{HOUSE}：标题“区名：”",
        "西湖区`:`高效履职助力推动企业场景服务迭代升级",
        "`：`",
        right="西湖区：高效履职助力推动企业场景服务迭代升级",
    ),
    RuleSpec(
        "title.unknown-prefix",
        Text("标题区名不在名录中", "unknown district in a title"),
        W,
        HOUSE + "：标题以“区名：”开头",
        "拱野区：多措并举 (did you mean 拱墅区?)",
        right="拱墅区：多措并举",
    ),
    RuleSpec(
        "title.missing-prefix",
        Text("标题缺少区名", "title without a district"),
        W,
        HOUSE + "：标题以“区名：”开头",
        "多措并举护航新质生产力, by 拱墅区人大常委会办公室",
        right="拱墅区：多措并举护航新质生产力",
    ),
    RuleSpec(
        "title.trailing-period",
        Text("标题末尾有句号", "full stop after a title"),
        E,
        f"{GB15834} 4.1 句号（标题末尾不用句号）",
        "拱墅区：多措并举护航新质生产力。",
        "removes 。",
        right="拱墅区：多措并举护航新质生产力",
    ),
    RuleSpec(
        "title.too-long",
        Text("标题过长", "title too long"),
        W,
        HOUSE + "：title_max_length",
        "a title over `title_max_length` (40) characters",
        right="a title of 40 characters or fewer",
    ),
    # byline
    RuleSpec(
        "byline.missing",
        Text("缺少署名", "no byline"),
        E,
        HOUSE + "：文末括注单位和作者",
        "an article with no byline",
        right="（拱墅区人大常委会办公室\u3000宋玉凤）",
    ),
    RuleSpec(
        "byline.unknown-unit",
        Text("署名单位不在名录中", "unknown unit"),
        W,
        HOUSE + "：单位名录",
        "拱墅区人大常委办公室 (did you mean 拱墅区人大常委会办公室?)",
        "the nearest known unit, when it is nearly the same",
        right="拱墅区人大常委会办公室",
    ),
    RuleSpec(
        "byline.district-mismatch",
        Text("署名单位与标题区名不符", "unit and title name different districts"),
        E,
        HOUSE,
        "title 拱墅区：…, unit 西湖区人大常委会办公室",
        right="title 拱墅区：…, unit 拱墅区人大常委会办公室",
    ),
    RuleSpec(
        "byline.name-format",
        Text("作者姓名格式不对", "author name format"),
        E,
        HOUSE + "：作者为2至4个汉字的姓名",
        "宋玉凤等, Tom, 宋, 宋玉凤玉凤 (not 2–4 Chinese characters)",
        right="宋玉凤, 石晗, 欧阳明",
    ),
    RuleSpec(
        "byline.name-run",
        Text("两个姓名连写", "two names run together"),
        W,
        HOUSE + "：姓名之间空一格",
        "石晗刘鹏 (two names run together; compound surnames such as 欧阳 are allowed)",
        right="石\u3000晗\u3000刘\u3000鹏 (two names)",
    ),
    RuleSpec(
        "byline.duplicate-name",
        Text("作者姓名重复", "name repeated"),
        E,
        HOUSE,
        "宋玉凤 twice",
        right="each author once",
    ),
    # numbering
    RuleSpec(
        "numbering.number",
        Text("期号不连续", "issue number"),
        E,
        "期号规则：第N期每年从1起连续编号",
        "第14期 after 2025 第12期 (expected 第13期)",
        right="第13期 after 2025 第12期",
    ),
    RuleSpec(
        "numbering.cumulative",
        Text("总期号不连续", "cumulative number"),
        E,
        "期号规则：总第M期跨年连续编号",
        "总第721期 after 总第718期",
        right="总第719期 after 总第718期",
    ),
    RuleSpec(
        "numbering.date-order",
        Text("出刊日期早于上一期", "date before the previous issue"),
        E,
        "期号规则：日期随期号递增",
        "dated 2025-11-01, before the previous issue's 2025-11-14",
        right="dated 2025-11-28, after 2025-11-14",
    ),
    RuleSpec(
        "numbering.date-year",
        Text("出刊日期与期号年份不符", "date in another year than the numbers"),
        E,
        "期号规则：第N期所属年份即出刊年份",
        "第13期 continuing 2025's numbers but dated 2026-01-09; 第1期 (总第751期, after 2026's last) dated 2026-01-08: the year should be 2027",
        right="2026 第1期 dated 2026-01-09",
    ),
    RuleSpec(
        "numbering.duplicate",
        Text("期号与档案重复", "number already in the archive"),
        E,
        "期号规则：期号不得重复",
        "第8期 printed with 总第703期 after 第7期（总第703期）: “总第703期与2026年第7期重复，按顺序应为总第704期” (reported on the later issue only)",
        right="第8期（总第704期） after 第7期（总第703期）",
    ),
    RuleSpec(
        "numbering.archive-unreadable",
        Text("档案文件无法读取", "archive file unreadable"),
        W,
        "期号核对需要完整档案",
        "an archive file that cannot be loaded",
        right="every archive file loads",
    ),
    RuleSpec(
        "numbering.enumeration",
        Text("序次语不连续", "enumeration out of order"),
        E,
        f"{GB15835}；层次序数应连续（一是、二是……）",
        "一是… 三是… (skips 二是); 一是… 二是… 二是… (repeat); 二是… (does not start at one); "
        "also 第一，/第二，, （一）（二）, 1. 2., 一、二、",
        right="一是… 二是… 三是…; （一）（二）; 1. 2.",
    ),
    # paragraph
    RuleSpec(
        "paragraph.split",
        Text("段落在句中断开", "paragraph split mid-sentence"),
        W,
        "行文规范：一句话不跨段",
        "…组织代表分专项开展视察，¶ 广泛征集社会意见 (a paragraph ending on ，, or a long one ending without an end mark, "
        "followed by one that goes on with the sentence) (own)",
        "joins the two paragraphs",
        right="one sentence in one paragraph; 一、坚持问题导向 as a heading of its own",
    ),
    RuleSpec(
        "paragraph.template-left",
        Text("模板文字未改写", "template text left"),
        E,
        HOUSE + "：栏目模板（template）只是写作提示",
        "a paragraph exactly as the column's `template` in bulletin.toml has it, e.g. "
        "（开头：用一两句话概述主要做法和成效。）",
        right="the same paragraph written over, even in part",
    ),
    # required
    RuleSpec(
        "required.empty",
        Text("必填项为空", "required field empty"),
        E,
        HOUSE + "：报头与报尾",
        '`editor = ""` (本期责任编辑), an empty 送 list, an empty bulletin name or unit',
        right="本期责任编辑：杨青青",
    ),
    RuleSpec(
        "required.phone",
        Text("电话号码格式不对", "phone number"),
        E,
        HOUSE + "：报尾电话",
        '`phone = "0571-852"`; accepted: (0571)85250657, （0571）85250657, 0571-85250657, 85250657, 13800000000',
        right="(0571)85250657",
    ),
    RuleSpec(
        "required.empty-body",
        Text("正文为空", "empty body"),
        E,
        STRUCTURE,
        "an article with no paragraphs",
        right="an article with its paragraphs",
    ),
    # house
    RuleSpec(
        "house.name",
        Text("刊名与本刊配置不符", "bulletin name differs from the house's"),
        E,
        HOUSE + "：name",
        "杭州人大信息QQ where `bulletin.toml` says 杭州人大信息",
        "the house's name",
        right="杭州人大信息",
    ),
    RuleSpec(
        "house.unit",
        Text("编印单位与本刊配置不符", "editing unit differs from the house's"),
        E,
        HOUSE + "：unit",
        "杭州市人大研究室 where `bulletin.toml` says 杭州市人大常委会研究室",
        "the house's unit",
        right="杭州市人大常委会研究室",
    ),
    # typography
    RuleSpec(
        "typography.halfwidth-comma",
        Text("半角逗号", "half-width comma"),
        E,
        f"{GB15834} 4.4 逗号",
        "赋能`,`精准激活力",
        "`，`",
        right="赋能，精准激活力",
    ),
    RuleSpec(
        "typography.halfwidth-colon",
        Text("半角冒号", "half-width colon"),
        E,
        f"{GB15834} 4.7 冒号",
        "赋能`:`精准",
        "`：`",
        right="赋能：精准",
    ),
    RuleSpec(
        "typography.halfwidth-semicolon",
        Text("半角分号", "half-width semicolon"),
        E,
        f"{GB15834} 4.6 分号",
        "项目落地`;`针对 (own)",
        "`；`",
        right="项目落地；针对",
    ),
    RuleSpec(
        "typography.halfwidth-question",
        Text("半角问号", "half-width question mark"),
        E,
        f"{GB15834} 4.2 问号",
        "是否`?`如何",
        "`？`",
        right="是否？如何",
    ),
    RuleSpec(
        "typography.halfwidth-exclamation",
        Text("半角叹号", "half-width exclamation mark"),
        E,
        f"{GB15834} 4.3 叹号",
        "加油`!`奋进",
        "`！`",
        right="加油！奋进",
    ),
    RuleSpec(
        "typography.halfwidth-period",
        Text("半角句号", "half-width full stop"),
        E,
        f"{GB15834} 4.1 句号",
        "赋能`.`精准",
        "`。`",
        right="赋能。精准",
    ),
    RuleSpec(
        "typography.halfwidth-parenthesis",
        Text("半角括号", "half-width parentheses"),
        E,
        f"{GB15834} 4.9 括号",
        "各区、县`(市)`人大常委会 (own)",
        "`（市）`",
        right="各区、县（市）人大常委会",
    ),
    RuleSpec(
        "typography.space-fullwidth",
        Text("全角标点旁有空格", "space beside a full-width mark"),
        W,
        f"{GB15834} 5 标点符号的位置和书写形式",
        "赋能，` `精准",
        "removes the space",
        right="赋能，精准",
    ),
    RuleSpec(
        "typography.autocorrect",
        Text("其他排版问题", "other typesetting"),
        W,
        "autocorrect 中文排版规则",
        "any other change autocorrect suggests",
        "autocorrect's text",
        right="text autocorrect leaves as it is",
    ),
    RuleSpec(
        "typography.unbalanced-pair",
        Text("成对标点不配对", "unbalanced paired mark"),
        E,
        f"{GB15834} 4.8 引号、4.9 括号、4.15 书名号",
        "三是“加油站赋能 (a “ with no ”; also ‘’ 《》 （） 【】 〈〉) (own)",
        right="三是“加油站”赋能",
    ),
    RuleSpec(
        "typography.reversed-pair",
        Text("引号方向颠倒", "paired marks reversed"),
        E,
        f"{GB15834} 4.8 引号、4.9 括号、4.15 书名号",
        "`”加油站“` (one finding, not two unbalanced marks) (own)",
        "`“加油站”`",
        right="“加油站”",
    ),
    RuleSpec(
        "typography.ellipsis",
        Text("省略号不规范", "ellipsis"),
        E,
        f"{GB15834} 4.11 省略号",
        "`...`, `。。。`, a single `…`, `………` (own); `……` and, for a paragraph left out, `…………` are right",
        "`……`",
        right="……; …………",
    ),
    RuleSpec(
        "typography.dash",
        Text("破折号不规范", "dash"),
        E,
        f"{GB15834} 4.10 破折号",
        "赋能`--`精准, `———` (own); a single `—` between terms is the connector of 4.13 (北京—杭州) and is right",
        "`——`",
        right="坚持“三个结合”——把…; 北京—杭州 (connector)",
    ),
    RuleSpec(
        "typography.single-dash",
        Text("单个一字线用作破折号", "single dash where a dash is meant"),
        W,
        f"{GB15834} 4.10 破折号、4.13 连接号",
        "坚持一个原则`—`，就是 (a single — beside a clause mark connects nothing) (own)",
        right="坚持一个原则——就是…; 调研—交办—督办—反馈",
    ),
    RuleSpec(
        "typography.enumeration-comma",
        Text("引号、书名号间多用顿号", "enumeration comma between quoted items"),
        W,
        f"{GB15834} 4.5 顿号（标有引号、书名号的并列成分之间通常不用顿号）",
        "《条例》`、`《办法》, ”`、`“ (own)",
        "removes 、",
        right="《条例》《办法》; “最多跑一次”“放管服”",
    ),
    RuleSpec(
        "typography.fullwidth-alnum",
        Text("全角数字或字母", "full-width digits or letters"),
        W,
        f"{GB15835}：阿拉伯数字用半角",
        "`１２３`家 (own)",
        "`123`",
        right="123家",
    ),
    RuleSpec(
        "typography.leading-space",
        Text("段首空格", "leading space"),
        W,
        HOUSE + "：段首缩进由版式生成",
        "a paragraph starting with U+3000 (indentation comes from the layout) (own)",
        "removes it",
        right="a paragraph starting with its first character",
    ),
    RuleSpec(
        "typography.cjk-latin-space",
        Text("中文与数字、字母间空格", "space between Chinese and Latin"),
        W,
        HOUSE + "：space_between_cjk_and_latin",
        "产业` `48家 (house style: no space; with `space_between_cjk_and_latin = true`, a missing space) (own)",
        "removes (or adds) the space",
        right="产业48家",
    ),
    # typography, beyond width
    RuleSpec(
        "typography.doubled-mark",
        Text("标点重复", "doubled punctuation"),
        E,
        f"{GB15834} 4.1–4.7（一处停顿只用一个点号）",
        "工作`。。`推进, 调研`，，`走访, 视察`，。` (own)",
        "one mark, when both are the same",
        right="工作。推进; 已经……。（…… then 。 is right）",
    ),
    RuleSpec(
        "typography.straight-quotes",
        Text("直引号", "straight quotes"),
        E,
        f"{GB15834} 4.8 引号（中文用“”‘’）",
        '建设`"人大代表之家"` (own)',
        "`“人大代表之家”`",
        right="建设“人大代表之家”",
    ),
    RuleSpec(
        "typography.ellipsis-etc",
        Text("省略号与“等”连用", "ellipsis with 等"),
        W,
        f"{GB15834} 4.11 省略号（省略号与“等”“等等”意思重复，不连用）",
        "走访企业、社区、学校`……等` (own)",
        "`……`",
        right="走访企业、社区、学校……; 走访企业、社区、学校等",
    ),
    RuleSpec(
        "typography.space-in-chinese",
        Text("汉字间有空格", "space between Chinese characters"),
        W,
        f"{GB15834} 5 标点符号的位置和书写形式；{HOUSE}",
        "人大` `代表 in a paragraph (a title, or a book title in 《》, may use a space for a pause) (own)",
        "removes the space",
        right="人大代表; 《关于充分发挥人大职能作用 助力加快建设的工作举措》",
    ),
    RuleSpec(
        "typography.paragraph-end",
        Text("段末缺少标点", "paragraph without an end mark"),
        W,
        f"{GB15834} 4.1 句号（陈述句末尾用句号）",
        "the last paragraph, 30 characters or more, ending on a character (headings such as 一、… and 一是… are left alone) (own)",
        "adds 。",
        right="…推动各项工作落实落细。",
    ),
    # wording
    RuleSpec(
        "wording.typo",
        Text("错别字", "wrong characters"),
        E,
        "常见错别字（《现代汉语词典》第7版词形）；《第一批异形词整理表》；《通用规范汉字表》（shipped list: `src/tui/defaults/wording.toml`, each group with its source）",
        "按排, 凑效, 松驰, 一股作气, 辨论, 气慨, 台帐, 答覆",
        "the listed correction",
        right="安排, 按排名先后 (a seam of two words, kept out by the entry's condition), 奏效, 台账",
    ),
    RuleSpec(
        "wording.confusable",
        Text("易混词", "confused words"),
        W,
        "《现代汉语词典》（第7版）辨析（截至/截止, 反映/反应, 制定/制订, 必须/必需, 既/即）",
        "截止12月底 (before a date: 截至), 反应问题, 制订条例, 必需坚持, 即要…又要",
        "the listed correction",
        right="截至12月底; 截止到12月底; 报名截止日期; 群众反应强烈; 制订工作方案",
    ),
    # standard wording
    RuleSpec(
        "standard.term",
        Text("规范表述", "standard wording"),
        E,
        "党的文献用语；宪法和组织法的机构名称；新华社规范用语（shipped list: `src/tui/defaults/standard.toml`）",
        "马克思主意, 以法治国, 法制政府, 全过程民主, 区人大主任, 习总书记",
        "the standard wording",
        right="马克思主义, 依法治国, 以法治思维, 法治政府, 法制建设, 全过程人民民主, 区人大常委会主任",
    ),
    RuleSpec(
        "standard.sensitive",
        Text("慎用词", "wording to avoid"),
        W,
        "新华社《新华社新闻信息报道中的禁用词和慎用词》（2016年修订）",
        "台湾政府, 中台关系, 两岸三地, 大陆与香港, 北朝鲜",
        "the wording the list gives (none for 两岸三地)",
        right="台湾当局, 两岸关系, 内地与香港, 朝鲜",
    ),
    RuleSpec(
        "standard.quotes",
        Text("数字略语未加引号", "numbered abbreviation without quotes"),
        W,
        f"{GB15834} 4.8 引号（标示特定称谓）；{GB15835} 5.2.2 示例“十一五”规划",
        "十四五规划, 坚持两个确立, 八八战略",
        "puts it in “”",
        right="“十四五”规划, “两个确立”, 二十四五岁, 《“十四五”规划纲要》",
    ),
    RuleSpec(
        "standard.order",
        Text("机关排列顺序", "order of bodies"),
        W,
        "党政机关排列惯例：党委、人大、政府、政协（监委在政府之后）；新华社：中共中央总书记、国家主席、中央军委主席",
        "市政府、市委; 区政协、区人大; 国家主席、中共中央总书记 (own)",
        right="市委、市人大常委会、市政府、市政协; 法院、检察院 (courts are not ordered)",
    ),
    # repetition
    RuleSpec(
        "repetition.char",
        Text("字重复", "character written twice"),
        E,
        "行文规范：虚词不重叠",
        "研究`了了`, 我们`的的`, 这`是是` (的 了 是 也 们 在 这)",
        "one character",
        right="为了了解, 不了了之, 目的的, 的的确确, 是否, 实实在在, 现在在座, 常常, 看看",
    ),
    RuleSpec(
        "repetition.word",
        Text("词语重复", "word written twice"),
        E,
        "行文规范：词语不误重",
        "`加强加强`监督, `人大代表人大代表`",
        "one copy",
        right="讨论讨论, 研究研究, 一步一步, 踏踏实实, 人大代表代表人民, 按照要求要求各单位",
    ),
    # particles
    RuleSpec(
        "particle.adverbial",
        Text("“的”应为“地”", "的 for 地"),
        W,
        "《现代汉语词典》：“地”用在状语后",
        "积极`的`为代表履职服务, 认真`的`研究了",
        "`地`",
        right="积极地为代表履职服务; 进行了认真的研究; 有效的对策",
    ),
    RuleSpec(
        "particle.complement",
        Text("“的”应为“得”", "的 for 得"),
        W,
        "《现代汉语词典》：“得”用在补语前",
        "完成`的`很好, 开展`的`有声有色",
        "`得`",
        right="完成得很好; 推动发展的更好路径",
    ),
    RuleSpec(
        "particle.attributive",
        Text("“地”应为“的”", "地 for 的"),
        W,
        "《现代汉语词典》：“的”用在定语后",
        "热情`地`态度, 良好`地`氛围",
        "`的`",
        right="热情的态度; 重要地位; 积极地工作",
    ),
    # numbers
    RuleSpec(
        "numbers.short-year",
        Text("年份简写", "year in two digits"),
        E,
        f"{GB15835}（年份不能简写为两位数字）",
        "`21`年3月, `24`年底",
        "the year in full (2021)",
        right="2021年3月; 连续12年; 50年代",
    ),
    RuleSpec(
        "numbers.mixed-form",
        Text("数字形式混用", "mixed numerals"),
        E,
        f"{GB15835} 年份用阿拉伯数字或汉字数字，不混用；汉字“〇”不写作“○”“O”",
        "`二0二一`年, `2O21`年, `二○二一`年",
        "2021年, or 二〇二一年",
        right="2021年; 二〇二一年",
    ),
    RuleSpec(
        "numbers.range",
        Text("范围误用连字符", "hyphen for a range"),
        E,
        f"{GB15835}；{GB15834} 4.13 连接号（数值范围用“～”，时间起止用“—”）",
        "`3-5`天, `10%-15%`, `2021-2025`年, `1-10`月",
        "3～5天, 10%～15%, 2021—2025年, 1—10月",
        right="3～5天; 3至5天; 0571-85250657; 2025-03-07; 3-201室",
    ),
    RuleSpec(
        "numbers.percent-range",
        Text("百分数范围缺%", "percentage range"),
        E,
        f"{GB15835}（百分数范围前后两个数都带%）",
        "`20～30%`",
        "20%～30%",
        right="20%～30%",
    ),
    RuleSpec(
        "numbers.approximate",
        Text("约数重复", "approximation said twice"),
        E,
        f"{GB15835}（约数只用一种表示）",
        "`约30家左右`, `约30余家`, `近20人左右`",
        "drops 左右 (or 约)",
        right="约30家; 30家左右; 节约30%左右; 30余家",
    ),
    RuleSpec(
        "numbers.hundreds",
        Text("数字后用百、千", "百 or 千 after digits"),
        E,
        f"{GB15835}（“万”“亿”可与阿拉伯数字连用，“百”“千”不可）",
        "`3百`人, `5千`元, `3千`万",
        "300人, 5000元, 3000万",
        right="300人; 3万人; 3千米; 三百人",
    ),
    RuleSpec(
        "numbers.date-form",
        Text("日期写法不规范", "date form"),
        W,
        f"{GB15835}（年月日：2025年3月7日）",
        "2025年`03`月`07`日, `2026.1.5`, 3月8`号`",
        "2025年3月7日, 2026年1月5日, 3月8日",
        right="2025年3月7日; 2025-03-07; 8号楼; 1号文件",
    ),
    RuleSpec(
        "numbers.set-form",
        Text("约定俗成用汉字数字", "set expression in Chinese numerals"),
        W,
        f"{GB15835} 5.2.2（已定型的含汉字数字的词语用汉字数字）",
        "党的`20`大, `20届3中`全会",
        "党的二十大, 二十届三中全会",
        right="党的二十大; 二十届三中全会",
    ),
    # consistency
    RuleSpec(
        "consistency.total",
        Text("合计与分项不符", "total and parts differ"),
        W,
        "行文规范：数据前后一致",
        "共收集意见56条，其中立法类20条、监督类30条 (short of the total by less than the smallest part), or parts above the total",
        right="共收集意见56条，其中立法类20条、监督类36条; 共走访代表120名，其中女代表30名、少数民族代表5名",
    ),
    RuleSpec(
        "consistency.count",
        Text("概括数与分项不符", "summary count and items differ"),
        W,
        "行文规范：概括数与所列条目一致",
        "坚持“两个结合”：一是…。 (one item); “四个一”：一是… 二是… 三是…",
        right="坚持“两个结合”：一是…二是…",
    ),
    RuleSpec(
        "consistency.future-date",
        Text("日期晚于出刊日期", "date after the issue's"),
        W,
        "行文规范：已发生的事项日期不晚于出刊日期",
        "2025年12月3日召开 in an issue dated 2025-11-28",
        right="将于2025年12月3日召开; 2026年1月1日起施行",
    ),
    # archive
    RuleSpec(
        "archive.repeated-title",
        Text("标题与往期重复", "title printed before"),
        W,
        "档案：同一稿件不重复刊发",
        "a title that an earlier issue in the archive already printed",
        right="a title new to the archive",
    ),
    RuleSpec(
        "archive.endblock-changed",
        Text("报尾与上期不同", "end block changed"),
        INFO,
        "档案：报尾随期沿用",
        "本期责任编辑 杨青青 after 张明明 in the previous issue",
        right="the same editor and phone as the previous issue",
    ),
    # text
    RuleSpec(
        "text.control-character",
        Text("不可见控制字符", "control character"),
        E,
        "Unicode：控制字符不属于正文",
        "an invisible U+0007 or U+000B pasted into a paragraph, title, byline, masthead or 送 line "
        "(U+0000–U+001F but tab and newline, U+007F, U+FFFE, U+FFFF)",
        "removes it",
        right="text without invisible characters",
    ),
    # signoff
    RuleSpec(
        "signoff.changed",
        Text("签发后已修改", "changed after sign-off"),
        W,
        "校对记录：签发针对签发时的稿件",
        "a paragraph edited after the editor signed the issue off (`check --strict` fails until it is signed again)",
        right="signed off again after the last change",
    ),
    # merge
    RuleSpec(
        "merge.conflict",
        Text("合并冲突", "merge conflict"),
        E,
        "两人同时修改同一处：须由编辑决定取舍",
        "the same paragraph changed on two branches of the archive; the text keeps one version, the note the other",
        right="changes in different places of the issue: merged without a note",
    ),
    # waiver
    RuleSpec(
        "waiver.stale",
        Text("豁免已失效", "stale waiver"),
        INFO,
        "校对记录",
        "a waiver whose finding is gone because the text changed",
        right="a waiver whose finding is still there",
    ),
)

BY_ID = {spec.id: spec for spec in RULES}


def rule_name(rule_id: str, lang: Lang) -> str:
    """The rule's name in the UI language; the ID itself for a rule not declared here (import notes)."""
    spec = BY_ID.get(rule_id)
    return spec.name.get(lang) if spec is not None else rule_id


def family_of(rule_id: str) -> str:
    return rule_id.split(".", 1)[0]


def family_name(key: str, lang: Lang) -> str:
    """The family's name in the UI language (import notes included); the key itself if unknown."""
    name = FAMILY_NAMES.get(key)
    return name.get(lang) if name is not None else key


def rule_basis(rule_id: str) -> str:
    """The rule's 依据 (the standard's clause or the house rule); empty for a rule not declared here."""
    spec = BY_ID.get(rule_id)
    return spec.basis if spec is not None else ""


BEGIN = "<!-- rules: generated from src/tui/checks/catalogue.py by `python -m tui.checks.catalogue`; do not edit -->"
END = "<!-- end of the generated rules -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|") or "—"


def render_markdown() -> str:
    """The rules section of docs/checks.md."""
    out = [BEGIN, ""]
    for family in FAMILIES:
        out += [f"### {family.title}", ""]
        out += ["| rule | 名称 | severity | 依据 | wrong | right | fix |", "|---|---|---|---|---|---|---|"]
        for spec in RULES:
            if spec.family == family.key:
                out.append(
                    f"| `{spec.id}` | {spec.name.zh} | {spec.severity.value} | {_cell(spec.basis)} "
                    f"| {_cell(spec.example)} | {_cell(spec.right)} | {_cell(spec.fix)} |"
                )
        out.append("")
        if family.notes:
            out += [family.notes, ""]
    out.append(END)
    return "\n".join(out)


def update(page: str) -> str:
    """``page`` with its generated section replaced by the current one."""
    start, end = page.index(BEGIN), page.index(END) + len(END)
    return page[:start] + render_markdown() + page[end:]


if __name__ == "__main__":  # pragma: no cover - the docs target
    import sys
    from pathlib import Path

    path = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/checks.md")
    path.write_text(update(path.read_text(encoding="utf-8")), encoding="utf-8")
