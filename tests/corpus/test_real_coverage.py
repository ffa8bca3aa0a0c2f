"""The engine on real coverage: the hand-written references of ../shared/corpus, scored by its own tool.

The article texts are others' writing and are not in this repository: gather them into the git-ignored
``.corpus/`` as ../shared/corpus/README.md says. Without them (or without ../shared), these tests skip.
"""

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from comparer.core.engine.compare import compare
from comparer.core.engine.serialize import to_dict
from comparer.core.formats.sources import load_source

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
TEXTS = ROOT / ".corpus"
SCORER = SHARED / "tools" / "score_findings.py"


def _scorer():
    if not SCORER.is_file() or not (SHARED / "corpus").is_dir():
        pytest.skip(f"the corpus references are not here ({SHARED / 'corpus'}, {SCORER})")
    if not TEXTS.is_dir() or not any(TEXTS.iterdir()):
        pytest.skip(f"the corpus texts are not gathered into {TEXTS} (see ../shared/corpus/README.md)")
    spec = importlib.util.spec_from_file_location("score_findings", SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored():
    tool = _scorer()
    shown = hit = items = broken = 0
    families: Counter = Counter()
    for ref in sorted((SHARED / "corpus").glob("*/reference.json")):
        data = json.loads(ref.read_text(encoding="utf-8"))
        base = TEXTS / ref.parent.name
        for pair in data["pairs"]:
            if not all((base / f).is_file() for f in (pair["a"], pair["b"])):
                continue
            sources = [load_source(base / pair[side], source_id=side) for side in ("a", "b")]
            result = to_dict(compare(sources), show_all=False)
            found: set[str] = set()
            for ca, cb, f in tool.findings_of(result):
                shown += 1
                family = tool.FAMILY_OF.get(f["kind"])
                matched = [
                    it["id"]
                    for it in pair.get("items", [])
                    if it["family"] == family and tool.holds(ca, it["a_has"]) and tool.holds(cb, it["b_has"])
                ]
                found.update(matched)
                if not matched and any(
                    m["family"] == family and tool.holds(ca, m["a_has"]) and tool.holds(cb, m["b_has"])
                    for m in pair.get("must_not", [])
                ):
                    broken += 1
            for it in pair.get("items", []):
                families[(it["family"], it["id"] in found)] += 1
            hit += len(found)
            items += len(pair.get("items", []))
    if not items:
        pytest.skip(f"no pair of the corpus has both its texts in {TEXTS}")
    return {"shown": shown, "hit": hit, "items": items, "broken": broken, "families": families}


def test_most_findings_shown_on_real_coverage_are_expected_discrepancies(scored):
    assert scored["hit"] / scored["shown"] >= 0.85, scored


def test_most_expected_discrepancies_on_real_coverage_are_found(scored):
    assert scored["hit"] / scored["items"] >= 0.85, scored


def test_number_discrepancies_on_real_coverage_are_found(scored):
    found, missed = scored["families"][("number", True)], scored["families"][("number", False)]
    assert found / (found + missed) >= 0.9, scored


def test_nothing_the_references_forbid_is_shown(scored):
    assert scored["broken"] == 0, scored
