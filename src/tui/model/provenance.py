"""What jianbao writes into the Word files it makes, so it knows them again.

An exported issue or 校对单 carries a marker in the document's properties
(docProps/core.xml, ``cp:category``): the Word import picker leaves such
files out, and importing one as a district's submission is refused with a
message that says what the file is.
"""

from __future__ import annotations

ISSUE_EXPORT = "jianbao:issue"
PROOF_REPORT = "jianbao:proof-report"
REVISIONS = "jianbao:revisions"  # two versions compared, as tracked changes (jianbao diff --format docx)
OWN_MARKS = (ISSUE_EXPORT, PROOF_REPORT, REVISIONS)
