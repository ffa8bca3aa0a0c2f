"""Project commands: ``comparer export``, ``comparer agreement`` and ``comparer report``."""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from comparer.cli.common import add_source_options, load_sources
from comparer.core.engine.compare import compare
from comparer.core.engine.model import Comparison, Source
from comparer.core.errors import ComparerError
from comparer.core.project.annotations import LinkAnnotation
from comparer.core.project.store import Project
from comparer.core.report.html import PAGE_SIZES, render_html
from comparer.core.research.agreement import agreement_report, ratings_from_annotations, render_report
from comparer.core.research.export import FORMATS, export_frame, write_export


def add_parser(sub: Any) -> None:
    """Register ``export``, ``agreement`` and ``report``."""
    p = sub.add_parser(
        "export",
        help="export a project's links and annotations (CSV, XLSX, JSON)",
        description="One row per link and annotator: both passages, offsets, findings, relation, score, "
        "label, note, annotator and the options used.",
    )
    p.add_argument("project", metavar="PROJECT", help="a .comparer project file")
    p.add_argument("--format", choices=FORMATS, default="csv", help="file format (default csv)")
    p.add_argument("-o", "--output", metavar="FILE", help="where to write (default: next to the project)")
    p.add_argument("--annotator", action="append", metavar="NAME", help="only this annotator (repeatable)")
    _add_comparison_option(p)
    p.set_defaults(run=run_export)

    p = sub.add_parser(
        "agreement",
        help="agreement between annotators (raw, Cohen's kappa, Krippendorff's alpha)",
        description="Pool the labels of one or more projects of the same sources and print raw agreement, "
        "Cohen's kappa (two annotators), Krippendorff's alpha (nominal), the confusion matrix and the "
        "links to adjudicate.",
    )
    p.add_argument("projects", nargs="+", metavar="PROJECT", help=".comparer project files")
    p.add_argument("--annotator", action="append", metavar="NAME", help="only these annotators (repeatable)")
    _add_comparison_option(p)
    p.set_defaults(run=run_agreement)

    p = sub.add_parser(
        "report",
        help="a printable report for class (HTML or PDF)",
        description="Both accounts with the findings highlighted and explained, for printing. Give a "
        "project (its labels are included) or two or more accounts.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="a .comparer project, or two or more accounts")
    p.add_argument("--format", choices=("html", "pdf"), default="html", help="html (default) or pdf")
    p.add_argument("-o", "--output", metavar="FILE", help="where to write (html: default standard output)")
    p.add_argument("--page", choices=PAGE_SIZES, default="a4", help="paper size (default a4)")
    p.add_argument("--heading", help="heading of the report")
    p.add_argument(
        "--worksheet", action="store_true", help="accounts only, no findings: for students to mark"
    )
    _add_comparison_option(p)
    add_source_options(p)
    p.set_defaults(run=run_report)


def _add_comparison_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--comparison",
        type=int,
        metavar="N",
        help="which comparison of the project (1, 2, …; default: the first); a project holds one per "
        "set of accounts",
    )


def _open(path: str, args: argparse.Namespace, like: Sequence[Source] = ()) -> Project:
    """The project at ``path``, read-only, on the comparison ``--comparison`` names (default: the one of
    the accounts ``like`` when given and the project holds them, else the first)."""
    project = Project.open(path, read_only=True)
    try:
        held = project.comparisons()
        same = project.number_of(like) if like and args.comparison is None else None
        if args.comparison is not None:
            project.use(args.comparison)
        elif same is not None:
            project.use(same)
        elif len(held) > 1:
            print(
                f"comparer: {path} holds {len(held)} comparisons; using 1 ({held[0].describe()}); "
                "choose another with --comparison N",
                file=sys.stderr,
            )
    except BaseException:
        project.close()
        raise
    return project


def _only(annotations: tuple[LinkAnnotation, ...], names: list[str] | None) -> tuple[LinkAnnotation, ...]:
    return annotations if not names else tuple(a for a in annotations if a.annotator in names)


def run_export(args: argparse.Namespace) -> int:
    """Run ``comparer export``."""
    target = Path(args.output) if args.output else Path(args.project).with_suffix(f".{args.format}")
    if _same_file(target, Path(args.project)):
        raise ComparerError(f"{target}: is the project itself; choose another output file with -o")
    with _open(args.project, args) as project:
        comparison = project.comparison()
        frame = export_frame(comparison, _only(project.annotations(), args.annotator), project.added_links())
    write_export(frame, target, args.format, options=comparison.options)
    print(f"wrote {len(frame)} rows to {target}", file=sys.stderr)
    return 0


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def _fingerprint(comparison: Comparison) -> str:
    digest = hashlib.sha256()
    for source in comparison.sources:
        digest.update(source.id.encode() + b"\0" + source.text.encode() + b"\0")
    return digest.hexdigest()


def run_agreement(args: argparse.Namespace) -> int:
    """Run ``comparer agreement``."""
    pooled: dict[tuple[str, str], LinkAnnotation] = {}
    describe: dict[str, str] = {}
    prints: set[str] = set()
    first: Sequence[Source] = ()
    for path in args.projects:
        # Each further project is read on its comparison of the first project's accounts, if it has one.
        with _open(path, args, like=first) as project:
            if project.has_comparison:
                prints.add(_fingerprint(project.comparison()))
                first = first or project.comparison().sources
            for row in project.links():
                describe.setdefault(row.key, row.id)
            for ann in project.annotations():
                pooled[(ann.link_key, ann.annotator)] = ann
    if len(prints) > 1:
        print(
            "comparer: warning: the projects hold different sources; only shared links count", file=sys.stderr
        )
    ratings = ratings_from_annotations(pooled.values())
    names = args.annotator or None
    if names:
        unknown = [n for n in names if n not in ratings.annotators]
        if unknown:
            known = ", ".join(ratings.annotators) or "none"
            raise ComparerError(f"no labels by {', '.join(unknown)} (annotators: {known})")
    sys.stdout.write(render_report(agreement_report(ratings, names), describe=describe))
    return 0


def run_report(args: argparse.Namespace) -> int:
    """Run ``comparer report``."""
    annotations: tuple[LinkAnnotation, ...] = ()
    if len(args.files) == 1:
        if args.output and _same_file(Path(args.output), Path(args.files[0])):
            raise ComparerError(f"{args.output}: is the project itself; choose another output file with -o")
        with _open(args.files[0], args) as project:
            comparison = project.comparison()
            annotations = project.annotations()
    else:
        if args.comparison is not None:
            raise ComparerError("--comparison chooses a comparison of a project; give one .comparer file")
        comparison = compare(load_sources(args.files, args))
    html = render_html(
        comparison,
        annotations=annotations,
        page=args.page,
        title=args.heading,
        hide_findings=args.worksheet,
        for_qt=args.format == "pdf",
    )
    if args.format == "pdf":
        if not args.output:
            raise ComparerError("a PDF report needs -o FILE")
        from comparer.gui.report_pdf import write_pdf  # Qt only when a PDF is asked for

        write_pdf(html, args.output, page=args.page, title=args.heading or "comparer report")
        return 0
    if args.output:
        try:
            Path(args.output).write_text(html, encoding="utf-8")
        except OSError as exc:
            raise ComparerError(f"{args.output}: cannot write ({exc.strerror or exc})") from exc
    else:
        sys.stdout.write(html)
    return 0
