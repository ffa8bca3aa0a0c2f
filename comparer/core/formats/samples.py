"""The bundled sample pair, read through importlib.resources."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from comparer.core.engine.model import Source
from comparer.core.formats.sources import load_source

SAMPLE_FILES = ("rferl-iran-retaliation.txt", "explainer-iran-missiles.txt")
SAMPLE_OUTLETS = ("RFE/RL", "explainer")


def sample_paths() -> list[Path]:
    """Paths of the two sample accounts (inside the installed package)."""
    root = resources.files("comparer.resources") / "samples"
    return [Path(str(root / name)) for name in SAMPLE_FILES]


def load_samples() -> list[Source]:
    """The sample pair as sources ``a`` (RFE/RL) and ``b`` (explainer)."""
    return [
        load_source(path, source_id=sid, outlet=outlet)
        for path, sid, outlet in zip(sample_paths(), "ab", SAMPLE_OUTLETS, strict=True)
    ]
