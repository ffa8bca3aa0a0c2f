#!/usr/bin/env bash
# Smoke-test a comparer program from the outside: a bundle, an installed .deb or a wheel's command.
#   bash packaging/smoke.sh PROGRAM
# Runs it from an empty folder outside the checkout with Qt offscreen: --version, `compare` on the sample
# pair as text and as a saved web page against a Word document (JSON output checked), and the window
# (`gui --smoke` when offered, and `gui --screenshot` checked to be a PNG).
# Uses .venv/bin/python (or $SMOKE_PYTHON) to write the inputs and check the outputs.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PROGRAM=${1:?usage: bash packaging/smoke.sh PROGRAM}
PY=${SMOKE_PYTHON:-$ROOT/.venv/bin/python}
CHECK="$PY $ROOT/packaging/smoke_check.py"
case "$PROGRAM" in /*) ;; *) PROGRAM=$(command -v "$PROGRAM" || realpath "$PROGRAM") ;; esac

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
export QT_QPA_PLATFORM=offscreen

step() { echo "  smoke: $*"; }

step "$PROGRAM --version"
version=$("$PROGRAM" --version)
[[ "$version" == comparer\ * ]] || { echo "smoke: --version printed '$version'" >&2; exit 1; }

$CHECK inputs in >/dev/null
step "compare two text files --format json"
"$PROGRAM" compare in/rferl-iran-retaliation.txt in/explainer-iran-missiles.txt --format json > txt.json
$CHECK json txt.json 2

step "compare a saved web page with a Word document --format json"
"$PROGRAM" compare in/account-a.html in/account-b.docx --format json -o formats.json
$CHECK json formats.json 2

step "compare with text output"
"$PROGRAM" compare in/rferl-iran-retaliation.txt in/explainer-iran-missiles.txt > report.txt
[ -s report.txt ] || { echo "smoke: the text report is empty" >&2; exit 1; }

gui_help=$("$PROGRAM" gui --help)
if ! grep -q -- "--screenshot" <<<"$gui_help"; then
  echo "smoke: '$PROGRAM gui --help' offers no --screenshot" >&2
  exit 1
fi
if grep -q -- "--smoke" <<<"$gui_help"; then
  step "gui --smoke"
  "$PROGRAM" gui --smoke
fi
step "gui --screenshot window.png (the sample pair)"
"$PROGRAM" gui --screenshot window.png
$CHECK png window.png
step "gui --screenshot formats.png (the web page and the Word document)"
"$PROGRAM" gui in/account-a.html in/account-b.docx --screenshot formats.png
$CHECK png formats.png
echo "  smoke: all passed for $PROGRAM"
