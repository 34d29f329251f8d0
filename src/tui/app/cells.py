"""Text fitted to a number of terminal cells (Chinese characters take two), never cut silently."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size


def fit_cell(text: str, width: int) -> str:
    """``text`` padded to ``width`` cells, or cut to fit with an ellipsis at the end.

    Cut without one, a count reads as another number (“共 162 条，未处理 1”); the
    ellipsis says the rest is there, and the line under the list shows it whole.
    """
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    if width < 1:
        return ""
    return set_cell_size(set_cell_size(text, width - 1).rstrip() + "…", width)
