"""The Textual editor: the only package that imports Textual."""
