"""The allocator setting the app makes at start (annotator.ui.memory)."""

from __future__ import annotations

import platform

import pytest

from annotator.ui import memory


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_glibc_takes_the_threshold() -> None:
    assert memory.map_big_blocks_apart()


def test_nothing_is_done_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory.sys, "platform", "darwin")
    assert not memory.map_big_blocks_apart()
