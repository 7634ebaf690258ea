"""Fixtures of the io tests: a private copy of the export test project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

EXPORT_PROJECT = Path(__file__).resolve().parent.parent / "data" / "export" / "project"


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    """A copy of ``tests/data/export/project`` that a test may change."""
    root = tmp_path / "project"
    shutil.copytree(EXPORT_PROJECT, root)
    return root
