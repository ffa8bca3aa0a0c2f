#!/usr/bin/env bash
# Build and smoke-test what comparer ships: the one-folder bundle, the .deb and the wheel.
#   bash packaging/build.sh all          everything below, in order (what CI runs)
#   bash packaging/build.sh bundle       PyInstaller bundle in dist/comparer/, then smoke-test it
#   bash packaging/build.sh deb          .deb from the bundle in dist/, then check its metadata and contents
#   bash packaging/build.sh deb-install  install the .deb with apt-get, smoke-test /usr/bin/comparer, remove it
#                                        (needs root or sudo; it changes the system)
#   bash packaging/build.sh deb-fresh    install the .deb into a minimal Debian made by debootstrap and run it
#                                        there: its Depends must be enough (root; downloads ~40 MB of Debian)
#   bash packaging/build.sh wheel        wheel in dist/, installed into a new venv outside the checkout,
#                                        then smoke-tested from there
# Set-up (Debian packages, .venv) is the same as packaging/dev.sh's, plus the tools packaging needs.
# Environment: COMPARER_DEB_COMPRESSION (xz by default; zstd is ~15× faster to build, ~35% larger).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV="$ROOT/.venv"
DIST="$ROOT/dist"
PACKAGING_DEBS="binutils dpkg-dev file"

section() { printf '\n==== %s ====\n' "$*"; }
fail() { echo "build: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else return 1
  fi
}

can_be_root() { [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null && sudo -n true 2>/dev/null; }; }

setup() {
  section "set-up: system packages and .venv"
  bash packaging/dev.sh setup
  if command -v dpkg-query >/dev/null; then
    local missing=() pkg debs=$PACKAGING_DEBS base
    # PyInstaller bundles libpython3.X.so, which Debian's own Python keeps in a separate package.
    base=$("$VENV/bin/python" -c 'import os, sys; print(os.path.realpath(sys._base_executable))')
    case "$base" in
      /usr/bin/*) debs="$debs libpython$("$VENV/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')" ;;
    esac
    for pkg in $debs; do
      dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
      echo "Installing system packages: ${missing[*]}"
      as_root apt-get update -qq || fail "cannot run apt-get as root; install ${missing[*]} yourself"
      DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
  fi
  if ! "$VENV/bin/python" -c "import PyInstaller" 2>/dev/null; then
    local bundle_deps
    bundle_deps=$("$VENV/bin/python" -c \
      "import tomllib; print(' '.join(tomllib.load(open('pyproject.toml','rb'))['project']['optional-dependencies']['bundle']))")
    echo "Installing into .venv: $bundle_deps"
    "$VENV/bin/python" -m pip install -q $bundle_deps
  fi
}

bundle() {
  section "bundle: PyInstaller one-folder build in dist/comparer"
  rm -rf "$DIST/comparer"
  local start=$SECONDS
  "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$ROOT/build/pyinstaller" packaging/comparer.spec
  [ -x "$DIST/comparer/comparer" ] || fail "PyInstaller made no dist/comparer/comparer"
  echo "built in $((SECONDS - start)) s, $(du -sh "$DIST/comparer" | cut -f1)"
  section "bundle: smoke test"
  bash packaging/smoke.sh "$DIST/comparer/comparer"
}

the_deb() {
  local debs=("$DIST"/comparer_*.deb)
  [ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one dist/comparer_*.deb, found: ${debs[*]}"
  echo "${debs[0]}"
}

deb() {
  section "deb: desktop entry and AppStream metadata"
  desktop-file-validate packaging/linux/comparer.desktop
  echo "desktop-file-validate: ok"
  appstreamcli validate --no-net packaging/linux/org.comparer.Comparer.metainfo.xml
  section "deb: dpkg-deb --build"
  [ -x "$DIST/comparer/comparer" ] || fail "no bundle in dist/comparer (run: bash packaging/build.sh bundle)"
  rm -f "$DIST"/comparer_*.deb
  local start=$SECONDS
  bash packaging/linux/build-deb.sh "$DIST/comparer" "$DIST" >/dev/null
  local pkg
  pkg=$(the_deb)
  echo "built $(basename "$pkg") in $((SECONDS - start)) s, $(du -h "$pkg" | cut -f1)"
  section "deb: dpkg-deb --info / --contents"
  dpkg-deb --info "$pkg"
  local contents
  contents=$(dpkg-deb --contents "$pkg")
  local want
  for want in ./opt/comparer/comparer "./usr/bin/comparer -> /opt/comparer/comparer" \
    ./usr/share/applications/comparer.desktop ./usr/share/metainfo/org.comparer.Comparer.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/comparer.svg ./usr/share/icons/hicolor/48x48/apps/comparer.png \
    ./usr/share/icons/hicolor/512x512/apps/comparer.png; do
    grep -qF -- "$want" <<<"$contents" || fail "$pkg lacks $want"
  done
  echo "$(wc -l <<<"$contents") entries; launcher, symlink, desktop entry, metainfo and icons present"
}

deb_install() {
  section "deb-install: apt-get install, smoke test /usr/bin/comparer, remove"
  local pkg
  pkg=$(the_deb)
  can_be_root || fail "installing the .deb needs root or sudo without a password"
  if dpkg-query -W -f='${Status}' comparer 2>/dev/null | grep -q "install ok installed"; then
    echo "removing the comparer package installed before"
    as_root apt-get remove -y -qq comparer >/dev/null
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null
  [ "$(readlink /usr/bin/comparer)" = /opt/comparer/comparer ] || fail "/usr/bin/comparer is not the bundle"
  local status=0
  bash packaging/smoke.sh /usr/bin/comparer || status=$?
  as_root apt-get remove -y -qq comparer >/dev/null
  [ ! -e /opt/comparer/comparer ] || fail "apt-get remove left /opt/comparer/comparer"
  echo "removed the comparer package"
  [ "$status" -eq 0 ] || fail "the installed package failed its smoke test"
}

# The .deb on a machine that has nothing but a minimal Debian: its Depends alone must bring every library
# the bundle loads. (deb-install cannot tell: this machine already has them for the tests.)
deb_fresh() {
  section "deb-fresh: install the .deb into a minimal Debian (debootstrap) and run it there"
  local pkg
  pkg=$(the_deb)
  [ "$(id -u)" -eq 0 ] || fail "deb-fresh needs root (debootstrap, chroot, mount)"
  if ! command -v debootstrap >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  fi
  local suite mirror target start=$SECONDS
  suite=${COMPARER_DEBIAN_SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")}
  mirror=${COMPARER_DEBIAN_MIRROR:-http://deb.debian.org/debian}
  target=$(mktemp -d)
  # shellcheck disable=SC2064  # expand now: target is local
  trap "umount '$target/proc' '$target/dev' 2>/dev/null; rm -rf --one-file-system '$target'" EXIT
  debootstrap --variant=minbase "$suite" "$target" "$mirror" >"$target.log" 2>&1 ||
    { tail -20 "$target.log"; rm -f "$target.log"; fail "debootstrap $suite failed"; }
  rm -f "$target.log"
  echo "minimal Debian $suite in $((SECONDS - start)) s"
  mount --bind /dev "$target/dev"
  mount -t proc proc "$target/proc"
  cp /etc/resolv.conf "$target/etc/resolv.conf"
  cp "$pkg" "$target/tmp/"
  local inside=(chroot "$target" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root
    DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen)
  start=$SECONDS
  "${inside[@]}" apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$pkg")" >"$target/apt.log" 2>&1 ||
    { cat "$target/apt.log"; fail "apt-get install of $(basename "$pkg") failed in a minimal Debian"; }
  echo "installed with its Depends in $((SECONDS - start)) s"
  local missing
  # The bundle's launcher puts _internal on LD_LIBRARY_PATH; ldd has to be told.
  missing=$("${inside[@]}" LD_LIBRARY_PATH=/opt/comparer/_internal sh -c \
    'find /opt/comparer -name "*.so*" -type f ! -name libqgtk3.so -exec ldd {} + 2>/dev/null' |
    grep -E "^/|not found" |
    grep -B1 "not found" | grep -v "^--" || true)
  [ -z "$missing" ] || fail "libraries the bundle needs that the Depends do not bring: $missing"
  echo "every shared library in the bundle (Qt's xcb platform plugin too) finds what it links to"
  local version
  version=$("${inside[@]}" comparer --version)
  [[ "$version" == comparer\ * ]] || fail "comparer --version printed '$version'"
  "${inside[@]}" sh -c 'cd /tmp && comparer gui --smoke'
  "${inside[@]}" sh -c 'cd /tmp && comparer gui --screenshot /tmp/window.png' >/dev/null
  [ -s "$target/tmp/window.png" ] || fail "comparer gui --screenshot wrote nothing"
  echo "$version runs in the minimal Debian: gui --smoke passed, a screenshot was written"
  umount "$target/proc" "$target/dev"
  rm -rf --one-file-system "$target"
  trap - EXIT
}

wheel() {
  section "wheel: build"
  rm -rf "$DIST/wheel"
  "$VENV/bin/python" -m pip wheel -q --no-deps . -w "$DIST/wheel"
  local whl
  whl=$(ls "$DIST"/wheel/comparer-*.whl)
  local listing
  listing=$("$VENV/bin/python" -m zipfile -l "$whl")
  local want
  for want in comparer/cli/__init__.py comparer/core/engine/compare.py comparer/resources/samples/rferl-iran-retaliation.txt \
    comparer/resources/samples/explainer-iran-missiles.txt comparer/resources/icons/comparer.svg \
    comparer/resources/icons/comparer-256.png comparer/resources/schema/comparer-1.schema.json; do
    grep -qF "$want" <<<"$listing" || fail "$(basename "$whl") lacks $want"
  done
  echo "$(basename "$whl"): $(grep -c "comparer/" <<<"$listing") files, samples, icons and schema included"
  section "wheel: install into a new venv outside the checkout"
  local env_dir
  env_dir=$(mktemp -d)
  # shellcheck disable=SC2064  # expand now: env_dir is local
  trap "rm -rf '$env_dir'" EXIT
  "$(cd / && "$VENV/bin/python" -c 'import sys; print(sys._base_executable)')" -m venv "$env_dir/venv"
  "$env_dir/venv/bin/python" -m pip install -q "$whl"
  local where
  where=$(cd "$env_dir" && "$env_dir/venv/bin/python" -c 'import comparer; print(comparer.__file__)')
  case "$where" in
    "$env_dir/venv/"*) echo "comparer imports from $where" ;;
    *) fail "comparer imported from $where, not from the new venv" ;;
  esac
  section "wheel: smoke test of the installed comparer command"
  bash packaging/smoke.sh "$env_dir/venv/bin/comparer"
}

cmd=${1:-all}
case "$cmd" in
  all) setup; bundle; deb; deb_install; deb_fresh; wheel ;;
  bundle) setup; bundle ;;
  deb) setup; deb ;;
  deb-install) deb_install ;;
  deb-fresh) deb_fresh ;;
  wheel) setup; wheel ;;
  setup) setup ;;
  *) echo "usage: bash packaging/build.sh all|bundle|deb|deb-install|deb-fresh|wheel|setup" >&2; exit 2 ;;
esac
section "build $cmd: done"
