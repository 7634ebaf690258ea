"""Packaging: the wheel and the sdist carry every resource, and the wheel alone runs the app.

The distributions are built once (``python -m build`` on a copy of the tree as
a fresh clone has it: sdist, then the wheel from the sdist), then installed
into a fresh virtual environment with nothing else, where ``annotator
--version`` and ``annotator self-test`` must pass. The one-folder PyInstaller
app is built by ``packaging/build-linux.sh`` from ``.ci/run``, never here.
The desktop files (``packaging/linux``) and the Flatpak manifest are checked
for one app id, and with the freedesktop validators where they are installed.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from annotator import __version__

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "org.annotator.Annotator"
# what a fresh clone does not have (.gitignore), or what must not reach a distribution
NOT_IN_A_CLONE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "*.pyc", ".mypy_cache",
    ".ruff_cache", ".pytest_cache", ".hypothesis", "shots", ".config-tmp")
# named here so that a failure says plainly what went missing
NAMED = (
    "annotator/resources/fonts/NotoNaskhArabic-Regular.ttf",
    "annotator/resources/fonts/NotoNaskhArabic-Bold.ttf",
    "annotator/resources/fonts/OFL.txt",
    "annotator/resources/sample/project.json",
    "annotator/resources/sample/documents/01-kim-leaves-russia.txt",
    "annotator/resources/icons/annotator/index.theme",
    "annotator/resources/icons/annotator/scalable/actions/document-save.svg",
    "annotator/resources/i18n/annotator_ar.qm",
    "annotator/io/templates/report.html",
)


def shipped() -> list[str]:
    """Every file the installed package must hold besides its modules, as wheel paths."""
    files = [f"annotator/resources/{p.relative_to(ROOT / 'resources').as_posix()}"
             for p in (ROOT / "resources").rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"]
    files += [f"annotator/io/templates/{p.relative_to(ROOT / 'annotator/io/templates')}"
              for p in (ROOT / "annotator/io/templates").rglob("*") if p.is_file()]
    return sorted(files)


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The wheel and the sdist, built from a clean copy of the tree."""
    base = tmp_path_factory.mktemp("dists")
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=NOT_IN_A_CLONE)
    done = subprocess.run([sys.executable, "-m", "build", "--outdir", str(base / "dist"),
                           str(source)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (wheel,) = (base / "dist").glob("annotator-*.whl")
    (sdist,) = (base / "dist").glob("annotator-*.tar.gz")
    return wheel, sdist


@pytest.mark.timeout(600)
def test_the_wheel_carries_every_resource(dists: tuple[Path, Path]) -> None:
    wheel, _ = dists
    assert wheel.name == f"annotator-{__version__}-py3-none-any.whl"
    names = set(zipfile.ZipFile(wheel).namelist())
    assert not [f for f in NAMED if f not in names]
    assert not [f for f in shipped() if f not in names]
    assert [n for n in names if n.startswith("annotator/resources/i18n/")
            and n.endswith(".qm")], "no compiled translation in the wheel"
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert not [n for n in names if n.startswith(("tests/", "packaging/", "tools/"))]


@pytest.mark.timeout(600)
def test_the_sdist_carries_every_resource(dists: tuple[Path, Path]) -> None:
    _, sdist = dists
    prefix = f"annotator-{__version__}/"
    with tarfile.open(sdist) as tar:
        names = {n.removeprefix(prefix) for n in tar.getnames()}
    # in the sdist, resources/ is still the top-level folder that setuptools maps
    expected = [f.replace("annotator/resources/", "resources/", 1) for f in (*NAMED, *shipped())]
    assert not [f for f in expected if f not in names]
    assert {"pyproject.toml", "README.md", "LICENSE"} <= names


@pytest.mark.timeout(600)
def test_the_wheel_declares_the_command_and_no_build_tools(dists: tuple[Path, Path]) -> None:
    wheel, _ = dists
    with zipfile.ZipFile(wheel) as archive:
        info = f"annotator-{__version__}.dist-info"
        entry_points = archive.read(f"{info}/entry_points.txt").decode()
        metadata = archive.read(f"{info}/METADATA").decode()
    assert "annotator = annotator.__main__:main" in entry_points
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    runtime = [line for line in requires if "extra ==" not in line]
    assert any("PySide6-Essentials" in line for line in runtime)
    assert not [line for line in runtime if re.search(r"pyinstaller|\bbuild\b", line, re.I)]


def _clean_env(home: Path, path: Path) -> dict[str, str]:
    """A user's environment with nothing of this checkout: no PYTHONPATH, no display."""
    env = {"PATH": f"{path}{os.pathsep}/usr/bin{os.pathsep}/bin", "HOME": str(home),
           "LANG": "C.UTF-8"}
    for name in ("SYSTEMROOT", "TEMP", "TMP", "TMPDIR"):  # what Windows and macOS need
        if name in os.environ:
            env[name] = os.environ[name]
    return env


@pytest.mark.timeout(900)
def test_the_wheel_alone_runs_version_and_self_test(dists: tuple[Path, Path],
                                                    tmp_path: Path) -> None:
    """A fresh virtual environment, the wheel and what it depends on: nothing else."""
    wheel, _ = dists
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True, clear=True)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    python = bin_dir / ("python.exe" if sys.platform == "win32" else "python")
    done = subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    home = tmp_path / "home"
    home.mkdir()
    env = _clean_env(home, bin_dir)
    command = str(bin_dir / "annotator")

    version = subprocess.run([command, "--version"], env=env, cwd=tmp_path,
                             capture_output=True, text=True, timeout=120)
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith(f"annotator {__version__}\n")
    assert re.search(r"^Qt: 6\.\d+", version.stdout, re.M), version.stdout
    assert re.search(r"^PySide6: 6\.\d+", version.stdout, re.M), version.stdout

    env["QT_QPA_PLATFORM"] = "offscreen"
    test = subprocess.run([command, "self-test"], env=env, cwd=tmp_path, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)
    assert test.returncode == 0, test.stdout + test.stderr
    assert "self-test passed" in test.stdout
    assert str(env_dir) in test.stdout, "the resources must come from the installed wheel"
    assert str(ROOT) not in test.stdout


def test_version_names_qt_and_pyside6() -> None:
    done = subprocess.run([sys.executable, "-m", "annotator", "--version"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"annotator {__version__}"
    assert [line.split(":")[0] for line in lines[1:]] == ["Python", "Qt", "PySide6"]


def test_version_without_pyside6_says_qt_is_not_installed() -> None:
    code = ("import sys; sys.modules['PySide6'] = None\n"
            "from annotator.cli import main\n"
            "raise SystemExit(main(['--version']))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "Qt: not installed"
    assert "Traceback" not in done.stderr


# -- desktop integration ---------------------------------------------------------------

def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_one_app_id_everywhere() -> None:
    yaml = pytest.importorskip("yaml")
    desktop = (LINUX / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Icon={APP_ID}\n" in desktop
    assert re.search(r"^Exec=annotator( |$)", desktop, re.M)
    metainfo = ElementTree.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert metainfo.findtext("id") == APP_ID
    assert metainfo.findtext("launchable") == f"{APP_ID}.desktop"
    assert metainfo.find("content_rating").get("type") == "oars-1.1"  # type: ignore[union-attr]
    releases = [r.get("version") for r in metainfo.iter("release")]
    assert __version__ in releases, "add the release to the metainfo"
    captions = [s.findtext("caption") for s in metainfo.iter("screenshot")]
    assert captions and all(captions)
    manifest = yaml.safe_load((PACKAGING / "flatpak" / f"{APP_ID}.yml").read_text())
    assert manifest["id"] == APP_ID and manifest["command"] == "annotator"
    sources = [s for m in manifest["modules"] for s in m.get("sources", [])]
    wheels = [s["path"] for s in sources if s.get("path", "").endswith(".whl")]
    assert wheels == [f"../../dist/annotator-{__version__}-py3-none-any.whl"], \
        "the Flatpak builds the wheel of this version"
    assert all(re.fullmatch(r"[0-9a-f]{64}", s["sha256"]) for s in sources if "url" in s)
    spec = (PACKAGING / "annotator.spec").read_text(encoding="utf-8")
    compile(spec, "annotator.spec", "exec")  # the spec is Python
    assert f'APP_ID = "{APP_ID}"' in spec


def test_icons_are_there_in_every_size() -> None:
    svg = ElementTree.parse(LINUX / "icons" / "scalable" / f"{APP_ID}.svg").getroot()
    assert svg.get("viewBox") == "0 0 256 256"
    for size in (48, 128, 256):
        assert png_size(LINUX / "icons" / f"{size}x{size}" / f"{APP_ID}.png") == (size, size)
    assert (PACKAGING / "windows" / "annotator.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert (PACKAGING / "macos" / "Annotator.icns").read_bytes()[:4] == b"icns"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="apt-get install desktop-file-utils (.ci/run runs it after the suite)")
def test_desktop_file_validates() -> None:
    done = subprocess.run(["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="apt-get install appstream (.ci/run runs it after the suite)")
def test_metainfo_validates() -> None:
    done = subprocess.run(["appstreamcli", "validate", "--no-net",
                           str(LINUX / f"{APP_ID}.metainfo.xml")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script for Linux desktops")
def test_install_user_puts_the_files_in_place_and_takes_them_away(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    program = tmp_path / "my apps" / "annotator"  # a space: the Exec key quotes the path
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    script = str(LINUX / "install-user.sh")
    done = subprocess.run(["bash", script, "--exec", str(program)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    share = home / ".local" / "share"
    desktop = share / "applications" / f"{APP_ID}.desktop"
    assert f'Exec="{program}" open %f\n' in desktop.read_text(encoding="utf-8")
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    for icon in ("scalable/apps/{}.svg", "48x48/apps/{}.png", "256x256/apps/{}.png"):
        assert (share / "icons" / "hicolor" / icon.format(APP_ID)).is_file(), icon
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                               text=True, timeout=60)
        assert check.returncode == 0, check.stdout
    done = subprocess.run(["bash", script, "--uninstall"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert not [p for p in home.rglob("*") if p.is_file() and p.name != "mimeinfo.cache"]


def test_build_scripts_parse() -> None:
    for script in (PACKAGING / "build-linux.sh", LINUX / "install-user.sh"):
        done = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 0, (script, done.stderr)
        assert os.access(script, os.X_OK), f"{script} is not executable"
