"""The layers stay apart: core is standard library only, only ui imports Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "annotator"
QT = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}


def imported_modules(path: Path, module_level_only: bool = False) -> set[str]:
    """Full names of the modules a file imports (anywhere, or at module level only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if module_level_only else list(ast.walk(tree))
    names = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def imported_roots(path: Path, module_level_only: bool = False) -> set[str]:
    return {name.split(".")[0] for name in imported_modules(path, module_level_only)}


def modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py")) if layer else sorted(PACKAGE.glob("*.py"))


def test_core_imports_only_the_standard_library() -> None:
    for path in modules("core"):
        outside = {r for r in imported_roots(path) if r not in sys.stdlib_module_names}
        assert outside <= {"annotator"}, f"{path.name} imports {outside}"
        ours = {m for m in imported_modules(path) if m.startswith("annotator")}
        assert all(m.startswith("annotator.core") for m in ours), f"{path.name}: {ours}"


def test_only_ui_imports_qt() -> None:
    for layer in ("core", "io", ""):
        for path in modules(layer):
            assert not imported_roots(path) & QT, f"{path} imports Qt"
    # the command line may load Qt lazily, inside the function that opens a window
    for path in modules("cli"):
        assert not imported_roots(path, module_level_only=True) & QT, f"{path} imports Qt"
        assert not any(m.startswith("annotator.ui") for m in imported_modules(path, True)), path


def test_io_does_not_import_cli_or_ui() -> None:
    for path in modules("io"):
        ours = {m for m in imported_modules(path) if m.startswith("annotator")}
        assert all(m.split(".")[1] in ("core", "io") for m in ours), f"{path.name}: {ours}"


def test_importing_the_cli_loads_no_qt() -> None:
    code = ("import sys, annotator.cli, annotator.__main__; annotator.cli.build_parser(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'PySide6', 'shiboken6'}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "[]"


def test_nothing_in_ui_but_the_app_imports_the_window() -> None:
    """Commands and widgets get what they need (the workspace, widgets, a Feedback), never
    the window; only app.py builds it. Imports under TYPE_CHECKING count too."""
    for path in modules("ui"):
        if path.name in ("app.py", "main_window.py") and path.parent.name == "ui":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                module = node.module or ""
                names = [module, *(f"{module}.{alias.name}" for alias in node.names)]
            assert not any(name.split(".")[-1] == "main_window" for name in names), \
                f"{path.relative_to(PACKAGE)}:{node.lineno} imports main_window"


def test_ui_never_reshapes_text() -> None:
    for path in modules("ui"):
        text = path.read_text(encoding="utf-8")
        assert "arabic_reshaper" not in text and "get_display" not in text, path.name
