"""The JSON is strict: open bounds are null, never Infinity (hostile input, fault 4)."""

from __future__ import annotations

import dataclasses
import json
import math
from typing import Any

from comparer.core.engine.compare import compare
from comparer.core.engine.model import Source
from comparer.core.engine.serialize import strict, to_dict


def _refuse(name: str) -> Any:
    raise ValueError(f"not strict JSON: {name}")


def _comparison() -> Any:
    a = Source("a", "A", "Twelve people were killed in the blast on Tuesday, police said.\n")
    b = Source("b", "B", "Thirty people were killed in the blast on Tuesday, police said.\n")
    return compare([a, b])


def test_infinite_values_anywhere_are_written_as_null() -> None:
    comparison = _comparison()
    findings = [
        dataclasses.replace(f, detail={**f.detail, "bounds": (13.0, math.inf), "ratio": math.nan})
        for f in comparison.findings
    ]
    options = {**comparison.options, "cap": -math.inf}
    hostile = dataclasses.replace(comparison, findings=findings, options=options)
    text = json.dumps(to_dict(hostile), allow_nan=False)
    data = json.loads(text, parse_constant=_refuse)
    assert data["options"]["cap"] is None
    assert data["findings"]
    assert all(f["detail"]["bounds"] == [13.0, None] for f in data["findings"])


def test_strict_keeps_finite_values() -> None:
    assert strict({"a": [1, 2.5, (3.0, math.inf)], "b": "x", "c": None, "d": True}) == {
        "a": [1, 2.5, [3.0, None]],
        "b": "x",
        "c": None,
        "d": True,
    }
