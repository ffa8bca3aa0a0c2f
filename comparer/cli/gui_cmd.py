"""``comparer gui [FILE …]``: open the desktop app."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from comparer.cli.common import add_source_options


def add_parser(sub: Any) -> None:
    """Register the command."""
    p: argparse.ArgumentParser = sub.add_parser(
        "gui", help="open the desktop app (on the sample pair when no files are given)"
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="accounts to open")
    p.add_argument("--screenshot", metavar="PNG", help="render the window offscreen, save it as PNG and exit")
    add_source_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Until the window exists, print the comparison of the sample pair."""
    from comparer.core.compare import compare
    from comparer.core.samples import load_samples
    from comparer.core.textreport import render_text

    sys.stdout.write(render_text(compare(load_samples())))
    return 0
