"""Format readers. Each turns the bytes of one file into an :class:`Extracted` text.

A reader is a function ``(path, data) -> Extracted``; ``comparer.core.formats.sources``
maps file suffixes to readers. Readers raise ``SourceLoadError`` for bad input.
"""
