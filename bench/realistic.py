"""Long accounts built from real sentences: the gathered corpus texts (``.corpus/``), perturbed.

Real sentences are longer and denser in names, figures and quotations than generated ones, so they cost the
engine more per sentence. Account A samples sentences from every gathered article; account B retells 70 % of
them with a figure changed or words dropped, adds sentences of its own and shuffles blocks, as
``synthetic.make_pair`` does. The texts are read at run time and never written anywhere.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / ".corpus"
_NUMBER = re.compile(r"\b\d[\d,]*\b")


def corpus_sentences(root: Path = CORPUS) -> list[str]:
    """Body sentences of every gathered corpus text."""
    from comparer.core.engine.segment import segment
    from comparer.core.formats.sources import source_from_text

    out: list[str] = []
    for path in sorted(root.glob("*/*.txt")):
        source = source_from_text(path.read_text(encoding="utf-8"), source_id="a")
        out.extend(c.text for c in segment(source) if c.role == "body" and len(c.text) > 40)
    if not out:
        raise SystemExit(f"no corpus texts under {root}: gather them as ../shared/corpus/README.md says")
    return out


def _perturb(rng: random.Random, sentence: str) -> str:
    choice = rng.random()
    if choice < 0.3:
        return _NUMBER.sub(
            lambda m: str(int(m.group().replace(",", "")) + rng.randint(1, 9)), sentence, count=1
        )
    if choice < 0.6:
        words = sentence.split()
        if len(words) > 8:
            del words[rng.randrange(1, len(words) - 1)]
        return " ".join(words)
    return sentence


def make_real_pair(sentences: int, seed: int = 7) -> tuple[str, str]:
    """Two accounts of ``sentences`` real sentences each, B retelling most of A."""
    rng = random.Random(seed)
    pool = corpus_sentences()
    a = [rng.choice(pool) for _ in range(sentences)]
    kept = [_perturb(rng, s) for s in a if rng.random() < 0.7]
    b = kept + [rng.choice(pool) for _ in range(sentences - len(kept))]
    blocks = [b[i : i + 5] for i in range(0, len(b), 5)]
    rng.shuffle(blocks)
    b = [s for block in blocks for s in block]

    def paragraphs(lines: list[str]) -> str:
        return "\n\n".join(" ".join(lines[i : i + 3]) for i in range(0, len(lines), 3))

    return paragraphs(a), paragraphs(b)
