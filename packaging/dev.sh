#!/usr/bin/env bash
# Set up a development environment and run comparer from the checkout.
#   bash packaging/dev.sh app [FILE …] [--screenshot PNG]
#                                set up, then open the app (on the bundled sample pair without files)
#   bash packaging/dev.sh test   set up, then run every check and the tests
#   bash packaging/dev.sh setup  set up only
# Setting up installs the Debian packages Qt needs (when missing, and when allowed to)
# and a virtual environment in .venv with comparer and its development tools.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
VENV="$ROOT/.venv"

QT_RUNTIME="libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core"
QT_X11="xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"
PY_BUILD="python3 python3-venv python3-pip"
# Tools tests/test_packaging.py runs on the desktop entry and the AppStream metadata.
CHECK_TOOLS="desktop-file-utils appstream"

missing_debs() {
  local pkg out=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || out+=("$pkg")
  done
  echo "${out[*]:-}"
}

install_system_packages() {
  command -v dpkg-query >/dev/null || return 0   # not Debian: the user installs Qt's libraries
  local want="$QT_RUNTIME $QT_X11 $CHECK_TOOLS"
  if [ -z "$PY" ]; then
    want="$want $PY_BUILD"
  elif ! "$PY" -c 'import venv, ensurepip' 2>/dev/null; then
    # Debian splits venv/ensurepip out of its Python; name the package for this exact version too.
    want="$want $PY_BUILD python$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')-venv"
  fi
  local missing
  missing=$(missing_debs $want)
  [ -z "$missing" ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "warning: not root and no sudo; please install these Debian packages: $missing" >&2
      return 0
    fi
    sudo="sudo"
  fi
  echo "Installing system packages: $missing"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

pick_python() {
  local py
  for py in python3.13 python3.12 python3.11 python3; do
    if command -v "$py" >/dev/null && "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      echo "$py"; return 0
    fi
  done
  echo "comparer needs Python 3.11 or newer" >&2
  return 1
}

setup_venv() {
  local stamp="$VENV/.comparer-installed" want
  want=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ -x "$VENV/bin/python" ] && ! "$VENV/bin/python" -c '' 2>/dev/null; then
    echo "Recreating $VENV: its Python no longer runs"
    rm -rf "$VENV"
  fi
  if [ -x "$VENV/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e ".[dev]"
  echo "$want" > "$stamp"
}

run_checks() {
  # Every check runs even when one before it failed, so one run shows every problem; any failure fails
  # the command. (A plain `a && b` would not stop `set -e`, and a failed ruff would go unnoticed.)
  local bin="$VENV/bin" failed=() t0
  check() {
    local name=$1 status=0
    shift
    echo "== $name"
    t0=$SECONDS
    "$@" || status=$?
    if [ "$status" -ne 0 ]; then
      failed+=("$name")
      echo "== $name: FAILED (exit $status) in $((SECONDS - t0)) s"
    else
      echo "== $name: passed in $((SECONDS - t0)) s"
    fi
  }
  check "ruff check" "$bin/ruff" check .
  check "ruff format --check" "$bin/ruff" format --check .
  check "mypy" "$bin/mypy" comparer
  check "core imports no Qt (lint-imports)" "$bin/lint-imports"
  check "tests (pytest)" "$bin/python" -m pytest "$@"
  if [ ${#failed[@]} -gt 0 ]; then
    echo "failed: $(IFS=,; echo "${failed[*]}" | sed 's/,/, /g')" >&2
    return 1
  fi
}

main() {
  local cmd=${1:-app}
  shift || true
  PY=$(pick_python 2>/dev/null) || PY=""   # none yet on a bare machine: installed just below
  install_system_packages
  [ -n "$PY" ] || PY=$(pick_python)
  setup_venv
  case "$cmd" in
    setup) ;;
    app) exec "$VENV/bin/comparer" gui "$@" ;;
    test) run_checks "$@" ;;
    *) echo "usage: bash packaging/dev.sh app|test|setup" >&2; exit 2 ;;
  esac
}

# Sourced (by tests/test_packaging.py), it only defines the functions.
[ "${BASH_SOURCE[0]}" != "$0" ] || main "$@"
