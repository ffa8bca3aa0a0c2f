"""Outputs of a comparison: HTML and plain-text reports, the link rows of every CSV, cells made safe for
spreadsheets, and the one table of kinds (titles, severity, colours) every view reads."""
