"""Column templates (bulletin.toml ``template``): the paragraphs a new article starts with.

A template is a writing aid: its paragraphs hold （prompts） the writer
replaces.  What of it must never reach print is each whole paragraph and
each （prompt） inside one; the checks report them (paragraph.template-left)
and the editor selects the first prompt when the body is entered, so typing
replaces it.
"""

from __future__ import annotations

import re

_PROMPT = re.compile(r"（[^（）]{6,}）")  # a （prompt） of six characters or more


def prompts(template: tuple[str, ...]) -> tuple[str, ...]:
    """The （prompts） of a template, in order of appearance, each once."""
    return tuple(dict.fromkeys(m.group(0) for p in template for m in _PROMPT.finditer(p)))


def template_pieces(template: tuple[str, ...]) -> tuple[str, ...]:
    """What of a template must not reach print: its paragraphs whole, then its （prompts）, longest first."""
    pieces = {p for p in template if p} | set(prompts(template))
    return tuple(sorted(pieces, key=len, reverse=True))
