"""Inputs and checks for smoke-testing an installed or bundled ``comparer`` from the outside.

    python packaging/smoke_check.py inputs DIR      write the sample pair as .txt, .html and .docx into DIR
    python packaging/smoke_check.py json FILE [N]   check FILE is a comparison of N sources (default 2)
    python packaging/smoke_check.py png FILE        check FILE is a non-empty PNG image

It never imports comparer, so it judges the program under test only by what that program wrote.
Writing .docx needs python-docx (in comparer's environment).
"""

from __future__ import annotations

import html
import json
import struct
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "resources" / "samples"
SAMPLE_FILES = ("rferl-iran-retaliation.txt", "explainer-iran-missiles.txt")


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def write_inputs(out: Path) -> list[Path]:
    """The first sample as a saved web page and the second as a Word document, plus both as text."""
    out.mkdir(parents=True, exist_ok=True)
    first, second = (SAMPLES / name for name in SAMPLE_FILES)
    written = []
    for src in (first, second):
        dest = out / src.name
        dest.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
        written.append(dest)

    lines = _paragraphs(first.read_text(encoding="utf-8"))
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in lines[1:])
    page = out / "account-a.html"
    page.write_text(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(lines[0])}</title></head>\n"
        '<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>\n'
        f"<article><h1>{html.escape(lines[0])}</h1>\n{body}\n</article>\n"
        "<footer>Copyright Example News</footer></body></html>\n",
        encoding="utf-8",
    )
    written.append(page)

    import docx  # python-docx; only this step needs it

    document = docx.Document()
    lines = _paragraphs(second.read_text(encoding="utf-8"))
    document.add_heading(lines[0], level=1)
    for paragraph in lines[1:]:
        document.add_paragraph(paragraph)
    word = out / "account-b.docx"
    document.save(str(word))
    written.append(word)
    return written


def check_json(path: Path, n_sources: int) -> list[str]:
    """What is wrong with the comparison in ``path`` (empty when it looks right)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{path}: not JSON ({exc})"]
    problems = []
    if data.get("schema") != "comparer/2":
        problems.append(f"schema is {data.get('schema')!r}, not 'comparer/2'")
    sources = data.get("sources", [])
    if len(sources) != n_sources:
        problems.append(f"{len(sources)} sources, expected {n_sources}")
    for source in sources:
        if not source.get("text", "").strip():
            problems.append(f"source {source.get('id')} has no text")
        if not any(c.get("source") == source.get("id") for c in data.get("claims", [])):
            problems.append(f"source {source.get('id')} has no claims")
    if not data.get("links"):
        problems.append("no links between the accounts")
    return problems


def check_png(path: Path) -> list[str]:
    """What is wrong with the PNG in ``path`` (empty when it is a non-empty image)."""
    try:
        head = path.read_bytes()[:24]
    except OSError as exc:
        return [f"{path}: {exc.strerror or exc}"]
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return [f"{path}: not a PNG"]
    width, height = struct.unpack(">II", head[16:24])
    if width < 200 or height < 150:
        return [f"{path}: image is only {width}×{height}"]
    return []


def main(argv: list[str]) -> int:
    """Run one subcommand; print problems on stderr and exit 1 when there are any."""
    if len(argv) < 2 or argv[0] not in ("inputs", "json", "png"):
        print(__doc__, file=sys.stderr)
        return 2
    what, target = argv[0], Path(argv[1])
    if what == "inputs":
        for path in write_inputs(target):
            print(path)
        return 0
    if what == "json":
        problems = check_json(target, int(argv[2]) if len(argv) > 2 else 2)
    else:
        problems = check_png(target)
    for problem in problems:
        print(f"smoke: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
