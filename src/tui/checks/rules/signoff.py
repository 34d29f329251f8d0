"""Sign-offs against the text they approved: a change after signing is reported until signed again."""

from __future__ import annotations

from collections.abc import Iterator

from tui.checks.rules.base import Context, at, issue_rule
from tui.files.codec import content_digest
from tui.model.findings import Finding
from tui.model.i18n import Text


@issue_rule("signoff.changed")
def changed_after_signing(ctx: Context) -> Iterator[Finding]:
    signed = [s for s in ctx.issue.signoffs if s.digest]  # sign-offs from before digests cannot tell
    if not signed:
        return
    latest = signed[-1]  # sign-offs are appended as they are given
    if latest.digest == content_digest(ctx.issue):
        return
    yield at(
        "signoff.changed",
        "warning",
        Text(
            f"签发后已修改：{latest.name}于{latest.at:%Y-%m-%d %H:%M}签发之后，稿件有改动，需重新签发",
            f"changed after sign-off: the issue changed after {latest.name} signed it off at {latest.at:%Y-%m-%d %H:%M}; sign it off again",
        ),
        "signoffs",
    )
