"""comparer: compare news accounts of one event claim by claim."""

from comparer.core.engine.align import similarity
from comparer.core.engine.compare import compare

__version__ = "0.1.0"

__all__ = ["__version__", "compare", "similarity"]
