"""Exporters: render an Issue for print, the web and other tools."""
