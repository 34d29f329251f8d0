"""Importers: turn bulletins written elsewhere (plain text, Word) into Issues."""
