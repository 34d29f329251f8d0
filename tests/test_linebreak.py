"""禁则: no line of the preview starts with ，。、 or a closing mark, none ends with an opening mark."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.model.linebreak import NO_LINE_END, NO_LINE_START, cell_width, wrap, wrap_text

ALPHABET = "人大代表监督工作会议开展调研，。、；：？！（）《》“”…—ab12 "


def test_a_comma_does_not_start_a_line() -> None:
    line = "区人大常委会组织代表开展专题调研，听取意见。"  # 16 characters before the comma
    lines = wrap(line, 32)  # 16 wide characters fill a line exactly: the comma would start the next
    assert lines == ["区人大常委会组织代表开展专题调", "研，听取意见。"]


def test_a_closing_quote_and_comma_go_down_together() -> None:
    line = "推动新质生产力“加速跑”，助力攻坚"
    lines = wrap(line, 22)  # “加速跑” would end at 11 characters, then ，
    assert all(not rest or rest[0] not in NO_LINE_START for rest in lines[1:])
    assert "".join(lines) == line


def test_an_opening_mark_does_not_end_a_line() -> None:
    lines = wrap("一二三四五六七八九（十）", 20)
    assert lines[0] == "一二三四五六七八九" and lines[1] == "（十）"


def test_what_cannot_all_go_down_stays_within_the_width() -> None:
    """An opening quote before a run of pausing marks: carried down whole it would overflow the next line."""
    lines = wrap("1“、！！！", 8)
    assert "".join(lines) == "1“、！！！"
    assert all(sum(cell_width(c) for c in line) <= 8 for line in lines), lines


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=200), st.integers(min_value=8, max_value=60))
def test_wrapping_keeps_every_character_and_the_width(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines) == text
    for n, line in enumerate(lines):
        assert sum(cell_width(c) for c in line) <= width
        if n and line[0] in NO_LINE_START:  # only a run of marks longer than a carry may start a line
            assert len(lines[n - 1]) == 1 or all(c in NO_LINE_START for c in line[:4]), (lines, n)
        if n < len(lines) - 1 and len(line) > 4:
            assert line[-1] not in NO_LINE_END, (lines, n)


def test_wrap_text_keeps_empty_lines() -> None:
    assert wrap_text("甲\n\n乙", 10) == ["甲", "", "乙"]


def test_balanced_title_lines() -> None:
    from tui.model.titlebreak import balanced_lines

    assert balanced_lines("拱墅区：多措并举护航新质生产力“加速跑”") == [
        "拱墅区：多措并举护航新质生产力“加速跑”"
    ]
    assert balanced_lines("萧山区：紧扣“三大关键”强化监督助力共同富裕示范区建设取得新成效") == [
        "萧山区：紧扣“三大关键”强化监督",
        "助力共同富裕示范区建设取得新成效",
    ]
    for title in (
        "上城区：“四步走”助力交出“八五”普法亮眼答卷",
        "关于进一步加强和改进新时代人大代表工作充分发挥代表作用的实施意见",
    ):
        lines = balanced_lines(title)
        assert "".join(lines) == title and len(lines) >= 2
        assert min(len(line) for line in lines) >= 5  # never one or two characters alone
        assert all(line[0] not in "，。、：；”）" for line in lines[1:])
