"""comparer.core must stay free of Qt, so it runs in scripts, servers and notebooks."""

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "comparer" / "core"
FORBIDDEN = ("PySide6", "shiboken6", "comparer.gui", "comparer.cli")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_sources_do_not_import_qt():
    offenders = {
        str(path.relative_to(CORE)): sorted(n for n in _imports(path) if n.startswith(FORBIDDEN))
        for path in CORE.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_and_running_core_loads_no_qt():
    code = (
        "import sys, comparer.core.engine.compare as c, comparer.core.formats.samples as s\n"
        "c.compare(s.load_samples())\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
