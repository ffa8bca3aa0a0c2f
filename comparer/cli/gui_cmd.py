"""``comparer gui [FILE …]``: open the desktop app."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from comparer.cli.common import add_source_options, load_sources


def add_parser(sub: Any) -> None:
    """Register the command."""
    p: argparse.ArgumentParser = sub.add_parser(
        "gui", help="open the desktop app (on the sample pair when no files are given)"
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="accounts to open")
    p.add_argument("--screenshot", metavar="PNG", help="render the window offscreen, save it as PNG and exit")
    p.add_argument("--size", default="1400x900", metavar="WxH", help="window size for --screenshot")
    p.add_argument("--smoke", action="store_true", help="start offscreen, compare the sample pair and exit")
    p.add_argument("--settings", metavar="INI", help="read and write settings in this file")
    add_source_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Open the window; or write a screenshot, or run the smoke test, and exit."""
    from comparer.core.formats.samples import load_samples

    sources = load_sources(args.files, args) if args.files else None
    from comparer.gui import app  # Qt loads only when the app is wanted

    if args.smoke:
        ok = app.smoke()
        print("comparer gui: smoke test " + ("passed" if ok else "FAILED"))
        return 0 if ok else 1
    if args.screenshot:
        try:
            width, height = (int(v) for v in args.size.lower().split("x"))
        except ValueError:
            print(f"comparer: --size takes WIDTHxHEIGHT, not {args.size!r}", file=sys.stderr)
            return 2
        out = app.render_screenshot(sources or load_samples(), args.screenshot, size=(width, height))
        print(f"wrote {out}")
        return 0
    return app.run_app(sources, settings_path=args.settings)
