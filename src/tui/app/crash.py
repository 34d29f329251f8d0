"""An unexpected error inside the editor: keep the text, log the details, say it in plain words.

Textual would print a full traceback with local variables; the editor's
users need to know that their text is safe and where the details are.
"""

from __future__ import annotations

import datetime as dt
import traceback

from tui.app.strings import t
from tui.files.user_dirs import state_dir
from tui.model.i18n import Lang
from tui.session import Session


def crash_report(session: Session | None, error: BaseException, lang: Lang) -> str:
    """Write the unsaved buffer to its recovery file and the traceback to a log; the message to show."""
    lines = [t("crash", lang, error=f"{type(error).__name__}: {error}")]
    if session is not None:
        try:
            saved = session.autosave()
        except Exception:  # the crash may come from the very data being saved
            saved = None
            lines.append(t("crash_not_saved", lang))
        if saved is not None:
            lines.append(t("crash_saved", lang, file=session.path))
    try:
        folder = state_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / f"crash-{dt.datetime.now():%Y%m%d-%H%M%S}.log"
        log.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
        lines.append(t("crash_log", lang, log=log))
    except OSError:
        lines.append("".join(traceback.format_exception_only(error)))
    return "\n".join(lines)
