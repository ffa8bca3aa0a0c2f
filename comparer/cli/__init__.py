"""The command line: ``comparer compare``, ``comparer gui`` and friends.

With no arguments, ``comparer`` opens the app on the bundled sample pair.
Errors a user can cause print one line on stderr and exit non-zero.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from comparer import __version__
from comparer.cli import batch_cmd, compare_cmd, gui_cmd, project_cmd
from comparer.core.errors import ComparerError

EXIT_USAGE = 2
EXIT_ERROR = 1

# Each command module offers add_parser(subparsers) and run(args) -> int.
COMMANDS = (compare_cmd, batch_cmd, gui_cmd, project_cmd)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="comparer",
        description="Compare news accounts of one event claim by claim. "
        "Run with no arguments to open the app on the bundled sample pair.",
    )
    parser.add_argument("--version", action="version", version=f"comparer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``comparer`` command."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list:
        args_list = ["gui"]
    args = parser.parse_args(args_list)
    try:
        return int(args.run(args))
    except ComparerError as exc:
        print(f"comparer: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def gui_main() -> int:
    """Entry point of the ``comparer-gui`` launcher (no console)."""
    return main(["gui", *sys.argv[1:]])
