"""Checks over the finished model that need no renderer: glyph coverage of the shipped fonts."""
