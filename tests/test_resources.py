"""Shipped resources: found through the package, names cannot escape, the sample is valid."""

from __future__ import annotations

import importlib.util

import pytest

from annotator.cli import main
from annotator.resources_path import resource_path, resources_root


def test_resources_are_the_annotator_resources_package() -> None:
    spec = importlib.util.find_spec("annotator.resources")
    assert spec is not None, "pyproject maps resources/ to annotator.resources"
    assert resources_root().joinpath("__init__.py").is_file()
    assert resource_path("sample/project.json").is_file()


@pytest.mark.parametrize("name", ["/etc/passwd", "../pyproject.toml", "sample/../../x", ""])
def test_resource_names_stay_inside(name: str) -> None:
    with pytest.raises(ValueError):
        resource_path(name)


def test_sample_project_is_valid_and_has_what_annotators_need(
        capsys: pytest.CaptureFixture[str]) -> None:
    sample = resource_path("sample")
    assert main(["validate", str(sample)]) == 0
    texts = [p.read_text(encoding="utf-8") for p in sorted(sample.glob("documents/*.txt"))]
    assert 3 <= len(texts) <= 5
    joined = "".join(texts)
    assert any(ch.isdigit() for ch in joined)  # numbers and a date
    assert "2023" in joined
    assert any("a" <= ch.lower() <= "z" for ch in joined)  # a Latin name
    assert any("\u064b" <= ch <= "\u0652" for ch in joined)  # tashkeel


def test_pyproject_lists_exactly_the_packages_on_disk() -> None:
    """The package list is explicit (resources/ is mapped in): a new or missing folder breaks
    installs from a fresh clone, so it is caught here first."""
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(root).parts)
               for p in (root / "annotator").rglob("__init__.py")}
    assert listed == on_disk | {"annotator.resources"}
