"""Proofreading and file actions of the main screen: fix, waive, sign off, comment, save."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from tui.app.dialogs import ChoiceDialog, Field, FormDialog
from tui.app.strings import t
from tui.app.validation import FindingTable
from tui.checks.catalogue import family_name, family_of, rule_name
from tui.checks.filtering import FindingFilter
from tui.model import ROLES
from tui.model.findings import SEVERITY_LABEL, Finding, Severity

if TYPE_CHECKING:
    from tui.app.editor import Editor


class ProofActions:
    """Proofreading: fix, waive (one or all of a kind), un-waive, mark done, sign off, comment."""

    def __init__(self, editor: Editor) -> None:
        self.editor = editor

    def _target_finding(self, *, kind: bool = False) -> Finding | None:
        """The finding the user means: the table's row when the table has focus, else the last jumped to.

        ``kind``: an action on every finding of a kind; on a group's header it
        takes the group's first finding (the kind is what matters).
        """
        table = self.editor.query_one(FindingTable)
        finding = (
            table.current()
            if table.has_focus or self.editor.current_finding is None
            else self.editor.current_finding
        )
        if finding is None and kind and table.has_focus and (rule := table.current_group()) is not None:
            finding = next(iter(table.groups.get(rule, [])), None)
        if finding is None:
            self.editor.notify(t("no_finding", self.editor.lang), severity="warning")
        return finding

    def apply_fix(self) -> None:
        finding = self._target_finding()
        if finding is None:
            return
        if finding.fix is None:
            self.editor.notify(t("no_fix", self.editor.lang), severity="warning")
            return
        ok, changes = self.editor.guard(
            self.editor.session.apply_fix,
            finding,
            allowed=self.editor.allow_fixes or not self.editor.session.review,
        )
        if not ok:
            return
        self.editor.current_finding = None
        self.editor.reload_form()
        self.editor.refresh_findings()
        self.editor.schedule_autosave()
        for c in changes or []:
            self.editor.notify(t("fixed", self.editor.lang, old=c.old, new=c.new))

    def fix_all_of_kind(self) -> None:
        """Every safe fix of the highlighted finding's kind, at once; asked first when more than one article changes."""
        finding = self._target_finding(kind=True)
        if finding is None:
            return
        session, lang = self.editor.session, self.editor.lang
        only = self.editor.query_one(FindingTable).filter  # a filtered list: what it shows of the kind
        found = session.fixable_of(finding.rule, only)
        if not found:
            self.editor.notify(t("no_fix", lang), severity="warning")
            return
        name = rule_name(finding.rule, lang)
        articles = {f.location.article for f in found}

        def go(choice: str | None = "yes") -> None:
            if choice != "yes":
                return
            allowed = self.editor.allow_fixes or not session.review
            ok, changes = self.editor.guard(session.apply_fixes_of, finding.rule, allowed=allowed, only=only)
            if not ok:
                return
            self.editor.current_finding = None
            self.editor.reload_form()
            self.editor.refresh_findings()
            self.editor.schedule_autosave()
            self.editor.notify(t("fixed_all", lang, n=len(changes or []), name=name))

        if len(articles) <= 1:
            go()
            return
        self.editor.app.push_screen(
            ChoiceDialog(
                t("fix_all_title", lang),
                t("fix_all_body", lang, n=len(found), name=name, articles=len(articles)),
                [("no", t("no", lang)), ("yes", t("yes", lang))],
            ),
            go,
        )

    def waive_all_of_kind(self) -> None:
        """Waive every open finding of the highlighted finding's kind, with one reason."""
        finding = self._target_finding(kind=True)
        if finding is None:
            return
        session, lang = self.editor.session, self.editor.lang
        only = self.editor.query_one(FindingTable).filter  # a filtered list: what it shows of the kind
        count = len(session.open_of(finding.rule, only))
        name = rule_name(finding.rule, lang)

        def done(values: dict[str, str] | None) -> None:
            if not values:
                return
            ok, n = self.editor.guard(session.waive_all, finding.rule, values["reason"], values["by"], only)
            if ok:
                self.editor.refresh_findings()
                self.editor.schedule_autosave()
                self.editor.notify(t("waived_all", lang, n=n, name=name))

        self.editor.app.push_screen(
            FormDialog(
                t("waive_all_title", lang, name=name),
                [Field("reason", t("waive_reason", lang)), Field("by", t("waive_by", lang), self._who())],
                lang,
                note=t("waive_all_note", lang, n=count, name=name),
            ),
            done,
        )

    def filter_findings(self) -> None:
        """f: narrow the checks list by severity, family or rule, article, waived, new since the save."""
        table, lang = self.editor.query_one(FindingTable), self.editor.lang
        current = table.filter
        findings = table.all
        everything = (t("opt_all", lang), "")
        severities = [everything] + [(SEVERITY_LABEL[s].get(lang), s.value) for s in Severity]
        kinds = [everything]
        per_rule = Counter(f.rule for f in findings)
        per_family = Counter(family_of(f.rule) for f in findings)
        for family in per_family:
            kinds.append((f"{family_name(family, lang)}（{per_family[family]}）", family))
            kinds += [
                (f"　{rule_name(rule, lang)}（{n}）", rule)
                for rule, n in per_rule.items()
                if family_of(rule) == family
            ]
        articles = [everything]
        per_article = Counter(f.location.article for f in findings if f.location.article is not None)
        issue = self.editor.session.issue
        for index in sorted(per_article):
            title = issue.articles[index].title if index < len(issue.articles) else ""
            label = t("comment_on", lang, n=index + 1, title=title[:14])
            articles.append((f"{label}（{per_article[index]}）", str(index)))
        fields = [
            Field("severity", t("filter_severity", lang), current.severity or "", tuple(severities)),
            Field("kind", t("filter_kind", lang), current.kind or "", tuple(kinds)),
            Field(
                "article",
                t("filter_article", lang),
                "" if current.article is None else str(current.article),
                tuple(articles),
            ),
            Field(
                "waived",
                t("filter_waived", lang),
                "show" if current.show_waived else "hide",
                ((t("opt_hide", lang), "hide"), (t("opt_show", lang), "show")),
            ),
        ]
        if self.editor.session.saved_findings is not None:  # known once the saved text was checked
            fields.append(
                Field(
                    "scope",
                    t("filter_scope", lang),
                    "new" if current.new_only else "all",
                    ((t("opt_all", lang), "all"), (t("opt_new", lang), "new")),
                )
            )

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            table.set_filter(
                FindingFilter(
                    severity=Severity(values["severity"]) if values["severity"] else None,
                    kind=values["kind"] or None,
                    article=int(values["article"]) if values["article"] else None,
                    show_waived=values["waived"] == "show",
                    new_only=values.get("scope") == "new",
                )
            )
            self.editor.refresh_findings()  # "new since the save" is worked out for a list that asks

        self.editor.app.push_screen(FormDialog(t("filter_title", lang), fields, lang), done)

    def unwaive(self) -> None:
        """Take the highlighted finding's waiver back, after saying whose it was."""
        finding = self._target_finding()
        if finding is None:
            return
        w, lang = finding.waiver, self.editor.lang
        if w is None:
            self.editor.notify(t("not_waived", lang), severity="warning")
            return

        def go(choice: str | None) -> None:
            if choice == "yes" and self.editor.guard(self.editor.session.unwaive, finding)[0]:
                self.editor.refresh_findings()
                self.editor.schedule_autosave()
                self.editor.notify(t("unwaived", lang))

        self.editor.app.push_screen(
            ChoiceDialog(
                t("b.unwaive", lang),
                t("unwaive_body", lang, reason=w.reason, by=w.by),
                [("no", t("no", lang)), ("yes", t("yes", lang))],
            ),
            go,
        )

    def mark_done(self) -> None:
        """An import note dealt with (the article restored, the title checked): it stops showing."""
        finding = self._target_finding()
        if finding is None:
            return
        if self.editor.guard(self.editor.session.mark_done, finding)[0]:
            self.editor.current_finding = None
            self.editor.refresh_findings()
            self.editor.schedule_autosave()
            self.editor.notify(t("marked_done", self.editor.lang))

    def waive(self) -> None:
        finding = self._target_finding()
        if finding is None:
            return
        note = f"[{finding.rule}] {finding.location.describe(self.editor.lang)}\n{finding.message.get(self.editor.lang)}"

        def done(values: dict[str, str] | None) -> None:
            if (
                values
                and self.editor.guard(self.editor.session.waive, finding, values["reason"], values["by"])[0]
            ):
                self.editor.refresh_findings()
                self.editor.schedule_autosave()
                self.editor.notify(t("waived_ok", self.editor.lang))

        self.editor.app.push_screen(
            FormDialog(
                t("waive_title", self.editor.lang),
                [
                    Field("reason", t("waive_reason", self.editor.lang)),
                    Field("by", t("waive_by", self.editor.lang), self._who()),
                ],
                self.editor.lang,
                note=note,
            ),
            done,
        )

    def _who(self) -> str:
        return self.editor.session.issue.endblock.editor if not self.editor.session.review else ""

    def sign_off(self) -> None:
        roles = tuple((t(f"role.{r}", self.editor.lang), r) for r in ROLES)
        default = "proofreader" if self.editor.session.review else "editor"

        def done(values: dict[str, str] | None) -> None:
            if values and self.editor.guard(self.editor.session.sign_off, values["role"], values["name"])[0]:
                self.editor.refresh_findings()  # the header names the new sign-off
                self.editor.schedule_autosave()
                self.editor.notify(
                    t(
                        "signed",
                        self.editor.lang,
                        role=t(f"role.{values['role']}", self.editor.lang),
                        name=values["name"],
                    )
                )

        errors = self.editor.session.active_errors()
        if errors:  # refused up front, before asking for a name
            self.editor.notify(t("signoff_refused", self.editor.lang, n=len(errors)), severity="error")
            return
        self.editor.app.push_screen(
            FormDialog(
                t("signoff_title", self.editor.lang),
                [
                    Field("role", t("signoff_role", self.editor.lang), default, roles),
                    Field("name", t("signoff_name", self.editor.lang), self._who()),
                ],
                self.editor.lang,
            ),
            done,
        )

    def resolve_comments(self) -> None:
        """Mark the selected article's open comments as dealt with (one undo step)."""
        index = self.editor.selected_article()
        if index is None:
            return
        done, n = self.editor.guard(self.editor.session.resolve_comments, index)
        if done:
            self.editor.reload_form()
            self.editor.refresh_findings()
            self.editor.schedule_autosave()
            self.editor.notify(t("comments_resolved", self.editor.lang, n=n))

    def comment(self) -> None:
        index = self.editor.selected_article()
        if index is None:
            return

        def done(values: dict[str, str] | None) -> None:
            if (
                values
                and self.editor.guard(self.editor.session.add_comment, index, values["by"], values["text"])[0]
            ):
                self.editor.reload_form()
                self.editor.refresh_findings()  # the outline counts the article's open comments
                self.editor.schedule_autosave()
                self.editor.notify(t("commented", self.editor.lang))

        article = self.editor.session.issue.articles[index]
        name = article.title or next((p for p in article.paragraphs if p), "")[:12]
        on = t("comment_on", self.editor.lang, n=index + 1, title=name)
        self.editor.app.push_screen(
            FormDialog(
                f"{t('comment_title', self.editor.lang)}：{on}",
                [
                    Field("text", t("comment_text", self.editor.lang)),
                    Field("by", t("comment_by", self.editor.lang), self._who()),
                ],
                self.editor.lang,
            ),
            done,
        )
