"""Test-wide set-up: Qt runs offscreen, so the whole suite runs without a display."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# datasets (the hf export test) must never reach for the network
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
# Keep QSettings and data folders of tests away from the user's real ones.
_private = tempfile.mkdtemp(prefix="annotator-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_private, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_private, "data")
