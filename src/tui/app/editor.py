"""What the editor's controllers may ask of the screen that hosts them.

The controllers (``navigator``, ``structure``, ``proofreading``) hold the
logic of the screen's keys; the screen owns the widgets and the session.
They see the screen only through this protocol, so none of them imports the
screen, and each can be read on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, overload

if TYPE_CHECKING:
    from textual.app import App
    from textual.message import Message
    from textual.notifications import SeverityLevel
    from textual.widget import Widget

    from tui.app.navigator import FindingNavigator
    from tui.app.outline_nodes import NodeRef
    from tui.model.findings import Finding
    from tui.model.i18n import Lang
    from tui.session import Session

R = TypeVar("R")
Q = TypeVar("Q", bound="Widget")


class Editor(Protocol):
    session: Session
    lang: Lang
    node: NodeRef
    current_finding: Finding | None
    allow_fixes: bool
    editing_masthead: bool
    navigator: FindingNavigator

    @property
    def app(self) -> App[Any]: ...

    @property
    def read_only(self) -> bool: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
    ) -> None: ...

    @overload
    def query_one(self, selector: str) -> Widget: ...

    @overload
    def query_one(self, selector: type[Q]) -> Q: ...

    @overload
    def query_one(self, selector: str, expect_type: type[Q]) -> Q: ...

    def call_next(self, callback: Callable[..., Any], *args: Any) -> None: ...

    def post_message(self, message: Message) -> bool: ...

    def call_after_refresh(self, callback: Callable[..., Any], *args: Any) -> bool: ...

    def guard(self, func: Callable[..., R], *args: Any, **kwargs: Any) -> tuple[bool, R | None]:
        """Run a session call: (True, result), or (False, None) after telling the user why not."""
        ...

    def selected_article(self) -> int | None: ...

    def after_structure(self, select: NodeRef) -> None: ...

    def refresh_all(self, select: NodeRef | None = None) -> None: ...

    def refresh_findings(self) -> None: ...

    @property
    def pane_stale(self) -> bool: ...

    def refresh_header(self) -> None: ...

    def reload_form(self) -> None: ...

    def show_node(self, ref: NodeRef) -> None: ...

    def schedule_autosave(self) -> None: ...

    def focus_later(self, selector: str) -> None: ...

    async def settle_panes(self) -> None: ...
