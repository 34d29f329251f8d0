"""One declaration per rule: the code, the catalogue and docs/checks.md agree."""

from __future__ import annotations

from conftest import ROOT
from test_rules import CASES
from tui.checks.catalogue import BY_ID, RULES, render_markdown, rule_name, update
from tui.checks.rules import all_rule_ids

NOT_FUNCTIONS = {
    "waiver.stale",
    "numbering.archive-unreadable",
    "merge.conflict",
}  # waivers, the archive scan, git merges


def test_every_registered_rule_is_declared_and_every_declaration_is_used() -> None:
    registered = set(all_rule_ids())
    declared = set(BY_ID)
    assert registered <= declared, registered - declared
    assert declared - registered == NOT_FUNCTIONS
    assert len(RULES) == len(BY_ID)  # no ID declared twice


def test_every_declaration_is_complete() -> None:
    for spec in RULES:
        assert spec.name.zh and spec.name.en and spec.basis and spec.example and spec.right, spec.id
        assert not any(ch.isascii() and ch.isalpha() for ch in spec.name.zh), spec.id  # Chinese names


def test_rules_fire_with_their_declared_severity() -> None:
    for case in CASES:
        assert BY_ID[case.rule].severity.value == case.severity, case.rule


def test_docs_checks_md_is_generated_from_the_catalogue() -> None:
    page = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert render_markdown() in page, "docs/checks.md is stale: run `make docs`"
    assert update(page) == page


def test_names_in_both_languages() -> None:
    assert rule_name("typography.halfwidth-comma", "zh") == "半角逗号"
    assert rule_name("typography.halfwidth-comma", "en") == "half-width comma"
    assert rule_name("import.spacing", "zh") == "import.spacing"  # not a check: its ID
