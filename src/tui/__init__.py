"""jianbao: a terminal editor for Chinese official bulletins (简报)."""

__version__ = "0.1.0"
