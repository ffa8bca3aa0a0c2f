"""What the packages are made of: desktop entry, AppStream metadata, icons, .deb and bundle recipes.

Building the real bundle, .deb and wheel takes minutes; `bash packaging/build.sh all` does it in CI.
These tests check the pieces those builds are assembled from, and build a .deb around a stand-in bundle.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import json
import os
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

import comparer
from comparer.core.engine.compare import compare
from comparer.core.engine.serialize import to_dict
from comparer.core.formats.samples import load_samples

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
DESKTOP = LINUX / "comparer.desktop"
METAINFO = LINUX / "org.comparer.Comparer.metainfo.xml"
# What Qt's xcb platform plugin and its fonts need from the system (the brief of the .deb's Depends).
QT_SYSTEM_LIBRARIES = {
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0",
    "fonts-dejavu-core",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
    # Qt's Wayland platform plugin (a Wayland session uses it before X11)
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
}


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (bash packaging/dev.sh setup installs it on Debian)")
    return path


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _load_smoke_check() -> ModuleType:
    spec = importlib.util.spec_from_file_location("smoke_check", PACKAGING / "smoke_check.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- icons -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", PNG_SIZES)
def test_icon_png_has_its_size(size: int) -> None:
    assert _png_size(ICONS / f"comparer-{size}.png") == (size, size)


def test_icon_svg_is_square_svg() -> None:
    root = ET.parse(ICONS / "comparer.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _, _, width, height = (float(v) for v in root.attrib["viewBox"].split())
    assert width == height


def test_windows_icon_holds_the_sizes_windows_uses() -> None:
    data = (ICONS / "comparer.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sides = {struct.unpack("<B", data[6 + 16 * i : 7 + 16 * i])[0] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sides


def test_icons_are_package_resources() -> None:
    """The installed app finds its icon through importlib.resources, as it finds the samples."""
    icons = resources.files("comparer.resources") / "icons"
    assert (icons / "comparer.svg").is_file()
    assert (icons / "comparer-256.png").read_bytes()[:4] == b"\x89PNG"


# --- desktop entry and AppStream metadata ------------------------------------------------------------


def test_desktop_entry_validates() -> None:
    out = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "error" not in out.stdout + out.stderr


def test_desktop_entry_starts_the_app_with_its_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[:2] == ["comparer", "gui"]
    assert entry["Terminal"] == "false"
    assert entry["Icon"] == "comparer"
    assert (ICONS / f"{entry['Icon']}.svg").is_file()


def test_desktop_entry_opens_the_formats_comparer_reads() -> None:
    mimetypes = set(filter(None, _desktop_entry()["MimeType"].split(";")))
    assert {"text/plain", "text/html", "application/pdf"} <= mimetypes


def test_metainfo_validates() -> None:
    out = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_metainfo_names_the_desktop_entry_and_this_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "comparer"
    releases = [r.attrib["version"] for r in root.iterfind("releases/release")]
    assert releases[0] == comparer.__version__, "add a <release> for the new version to the metainfo"


# --- the .deb, built around a stand-in bundle ---------------------------------------------------------


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A .deb built by build-deb.sh from a tiny stand-in for the PyInstaller bundle."""
    _tool("dpkg-deb")
    base = tmp_path_factory.mktemp("deb")
    bundle = base / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    launcher = bundle / "comparer"
    launcher.write_text("#!/bin/sh\necho comparer stand-in\n", encoding="utf-8")
    launcher.chmod(0o755)
    (bundle / "_internal" / "data.txt").write_text("bundled data\n", encoding="utf-8")
    env = {**os.environ, "COMPARER_DEB_COMPRESSION": "gzip"}
    out = subprocess.run(
        ["bash", str(LINUX / "build-deb.sh"), str(bundle), str(base / "out")],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    path = Path(out.stdout.strip().splitlines()[-1])
    assert path.is_file(), out.stdout + out.stderr
    return path


def _deb_field(deb: Path, field: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "-f", str(deb), field], capture_output=True, text=True, check=True
    ).stdout


def test_deb_is_named_and_versioned_after_comparer(deb: Path) -> None:
    assert _deb_field(deb, "Package").strip() == "comparer"
    assert _deb_field(deb, "Version").strip() == comparer.__version__
    assert deb.name.startswith(f"comparer_{comparer.__version__}_")


def test_deb_depends_on_the_libraries_qt_loads(deb: Path) -> None:
    depends = {d.strip().split()[0] for d in _deb_field(deb, "Depends").split(",") if d.strip()}
    assert depends >= QT_SYSTEM_LIBRARIES


def test_deb_installs_bundle_launcher_desktop_entry_icons_and_metainfo(deb: Path) -> None:
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    lines = listing.splitlines()
    paths = {line.split()[5] for line in lines}
    expected = {
        "./opt/comparer/comparer",
        "./opt/comparer/_internal/data.txt",
        "./usr/share/applications/comparer.desktop",
        "./usr/share/metainfo/org.comparer.Comparer.metainfo.xml",
        "./usr/share/icons/hicolor/scalable/apps/comparer.svg",
        *(f"./usr/share/icons/hicolor/{s}x{s}/apps/comparer.png" for s in PNG_SIZES),
    }
    assert expected <= paths
    launcher = next(line for line in lines if line.split()[5] == "./opt/comparer/comparer")
    assert launcher.startswith("-rwxr-xr-x root/root")
    symlink = next(line for line in lines if " ./usr/bin/comparer " in line)
    assert symlink.startswith("l")
    assert symlink.endswith("-> /opt/comparer/comparer")


def test_build_deb_refuses_a_missing_bundle(tmp_path: Path) -> None:
    _tool("dpkg-deb")
    out = subprocess.run(
        ["bash", str(LINUX / "build-deb.sh"), str(tmp_path / "nothing"), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode != 0
    assert "no bundle" in out.stderr
    assert not list((tmp_path / "out").glob("*.deb"))


# --- the bundle recipe and the smoke checks ------------------------------------------------------------


def _spec_list(name: str) -> list[str]:
    tree = ast.parse((PACKAGING / "comparer.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            value = ast.literal_eval(node.value)
            assert isinstance(value, list)
            return value
    raise AssertionError(f"comparer.spec has no {name} list")


def test_bundle_recipe_names_only_importable_libraries() -> None:
    """A renamed or dropped library would otherwise only show up as a crash in the built app."""
    missing = [name for name in _spec_list("LAZY_LIBRARIES") if importlib.util.find_spec(name) is None]
    assert missing == []


def test_bundle_recipe_keeps_the_qt_modules_the_app_uses() -> None:
    kept = set(_spec_list("LAZY_LIBRARIES"))
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} <= kept
    source = (PACKAGING / "comparer.spec").read_text(encoding="utf-8")
    for unused in ("QtWebEngineCore", "QtNetwork", "QtQml", "QtQuick", "Qt3DCore", "QtMultimedia"):
        assert f'"{unused}"' in source


def test_smoke_check_accepts_a_real_comparison_and_rejects_a_broken_one(tmp_path: Path) -> None:
    smoke = _load_smoke_check()
    good = tmp_path / "good.json"
    good.write_text(json.dumps(to_dict(compare(load_samples()))), encoding="utf-8")
    assert smoke.check_json(good, 2) == []
    assert smoke.check_json(good, 3) != []
    data = json.loads(good.read_text(encoding="utf-8"))
    data["links"] = []
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    assert any("no links" in p for p in smoke.check_json(broken, 2))
    assert smoke.check_json(tmp_path / "absent.json", 2) != []


def test_smoke_check_png(tmp_path: Path) -> None:
    smoke = _load_smoke_check()
    assert smoke.check_png(ICONS / "comparer-512.png") == []
    assert smoke.check_png(ICONS / "comparer-16.png") != []  # too small to be a window
    text = tmp_path / "x.png"
    text.write_text("not an image", encoding="utf-8")
    assert smoke.check_png(text) != []


def test_smoke_inputs_are_the_sample_pair_in_three_formats(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    written = _load_smoke_check().write_inputs(tmp_path)
    assert {p.suffix for p in written} == {".txt", ".html", ".docx"}
    assert all(p.stat().st_size > 500 for p in written)


@pytest.mark.parametrize(
    "script",
    [
        "packaging/dev.sh",
        "packaging/build.sh",
        "packaging/smoke.sh",
        "packaging/linux/build-deb.sh",
        "packaging/macos/build.sh",
        ".ci/run",
    ],
)
def test_shell_scripts_parse(script: str) -> None:
    subprocess.run(["bash", "-n", str(ROOT / script)], check=True)


# --- the Windows and macOS recipes (built only on those systems) --------------------------------------


def test_windows_installer_recipe_matches_this_version_and_its_files() -> None:
    iss = (PACKAGING / "windows" / "comparer.iss").read_text(encoding="utf-8")
    assert f'#define AppVersion "{comparer.__version__}"' in iss
    assert r"SetupIconFile={#Root}\resources\icons\comparer.ico" in iss
    assert r'Source: "{#Root}\dist\comparer\*"' in iss  # where the spec puts the bundle
    assert '"gui"' in iss  # the Start-menu entry opens the window


def test_macos_recipe_builds_the_app_the_spec_declares() -> None:
    spec = (PACKAGING / "comparer.spec").read_text(encoding="utf-8")
    script = (PACKAGING / "macos" / "build.sh").read_text(encoding="utf-8")
    assert 'name="comparer.app"' in spec
    assert "dist/comparer.app" in script
    assert 'bundle_identifier="org.comparer.Comparer"' in spec
    assert ET.parse(METAINFO).getroot().findtext("id") == "org.comparer.Comparer"


def _run_checks_with(tmp_path: Path, failing: str) -> subprocess.CompletedProcess[str]:
    """dev.sh's run_checks against stand-in tools that log their call; the one named ``failing`` fails."""
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    log = tmp_path / "calls.log"
    for tool in ("ruff", "mypy", "lint-imports", "python"):
        status = 1 if tool == failing else 0
        stub = bin_dir / tool
        stub.write_text(f'#!/bin/sh\necho "{tool} $*" >> "{log}"\nexit {status}\n', encoding="utf-8")
        stub.chmod(0o755)
    script = f'source "{PACKAGING / "dev.sh"}"; VENV="{tmp_path / "venv"}"; run_checks -q'
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    out.stdout += log.read_text(encoding="utf-8") if log.exists() else ""
    return out


def test_dev_checks_pass_when_every_check_passes(tmp_path: Path) -> None:
    out = _run_checks_with(tmp_path, failing="")
    assert out.returncode == 0, out.stdout + out.stderr
    for call in (
        "ruff check .",
        "ruff format --check .",
        "mypy comparer",
        "lint-imports",
        "python -m pytest -q",
    ):
        assert call in out.stdout


@pytest.mark.parametrize("failing", ["ruff", "mypy", "lint-imports", "python"])
def test_dev_checks_fail_when_any_check_fails_and_still_run_the_rest(tmp_path: Path, failing: str) -> None:
    out = _run_checks_with(tmp_path, failing=failing)
    assert out.returncode != 0, out.stdout
    assert "FAILED" in out.stdout
    assert "failed:" in out.stderr
    assert "python -m pytest -q" in out.stdout  # the tests ran although an earlier check failed
