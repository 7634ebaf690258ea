"""All-or-nothing writes of many project files, with a journal that survives a crash.

An import writes ``project.json``, new documents and many annotation files. A
:class:`Transaction` stages every new file first, then commits them in the way
SQLite commits with a hot journal:

1. **Stage** (nothing in the project changes): each new file's bytes go to
   ``<project>/.annotator-txn.<random>.tmp/new/<n>``, fsynced. A killed
   process leaves only this hidden folder; the next opener removes it (its
   lock tells that its owner is gone).
2. **Check** under the locks of every folder written to (the same locks a
   single save takes, :mod:`annotator.io.locking`): each target is still
   the file that was read; else nothing is written (a conflict). Each
   existing target is hard-linked (or copied) to ``old/<n>``, and
   ``journal.json`` lists target, new and old fingerprints.
3. **Commit point**: the staging folder is renamed to
   ``<project>/.annotator-journal`` (one atomic rename).
4. **Apply**: each new file is renamed over its target; then the journal is
   renamed to ``.annotator-journal.done-<random>`` (one atomic rename: a
   journal is never seen half removed) and removed. If applying fails in the
   process (a rename refused), every target already replaced gets its old
   version back and the error is raised.

:func:`recover` (called by :func:`annotator.io.project_file.open_project`,
so by every command and the window) finds a journal that a killed process
left, rolls it forward, or back when a file cannot be placed, and says what it
did. The project is therefore always either as before or fully imported.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from annotator.core.errors import Problem, WriteError
from annotator.core.safe_files import outside_problem
from annotator.io.atomic import (
    ABSENT,
    check_unchanged,
    default_mode,
    fingerprint,
    fingerprint_bytes,
    fsync_dir,
    write_error,
)
from annotator.io.locking import folder_locks, try_lock, unlock

log = logging.getLogger(__name__)

JOURNAL: Final = ".annotator-journal"
STAGING_PREFIX: Final = ".annotator-txn."
JOURNAL_FILE: Final = "journal.json"
DONE_PREFIX: Final = JOURNAL + ".done-"  # a journal whose transaction is over, being removed


@dataclass(frozen=True)
class _Entry:
    target: str  # path relative to the project root, with "/" separators
    new: str  # fingerprint of the new bytes
    old: str  # fingerprint of the file replaced, or ABSENT

    def to_json(self) -> dict[str, str]:
        return {"target": self.target, "new": self.new, "old": self.old}


class Transaction:
    """New contents for several files of one project, written all together or not at all."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.entries: list[_Entry] = []
        self._data: list[bytes] = []
        self._expected: list[str] = []

    def write(self, target: Path, data: bytes, expected: str) -> None:
        """Plan to replace ``target`` (inside the project) with ``data``.

        ``expected`` is the fingerprint of the file as it was read
        (:data:`ABSENT` for a new file); it is checked at commit.
        """
        relative = Path(os.path.relpath(Path(target).absolute(), self.root.absolute()))
        if relative.parts[:1] == ("..",) or relative.is_absolute():
            raise ValueError(f"{target} is not inside {self.root}")
        folder = Path(target).parent
        while not folder.exists():
            folder = folder.parent
        outside = outside_problem(folder, self.root)
        if outside is not None:  # a linked folder must not carry the import out of the project
            raise WriteError(outside)
        self.entries.append(_Entry(relative.as_posix(), fingerprint_bytes(data), expected))
        self._data.append(data)
        self._expected.append(expected)

    def commit(self) -> None:
        """Write every planned file, or none; raises ConflictError or WriteError."""
        if not self.entries:
            return
        targets = [self.root / e.target for e in self.entries]
        created: list[Path] = []
        try:
            for folder in dict.fromkeys(t.parent for t in targets):
                created += _make_folders(folder)
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, suffix=".tmp", dir=self.root))
        except OSError as exc:
            _remove_empty(created)
            raise write_error(self.root, exc, "nothing was written") from None
        owner = try_lock(staging)  # while held, nobody mistakes the staging for a dead one's
        try:
            self._stage(staging)
            with folder_locks([self.root, *(t.parent for t in targets)]):
                for target, expected in zip(targets, self._expected, strict=True):
                    check_unchanged(target, expected)
                self._keep_old(staging, targets)
                _write_json(staging / JOURNAL_FILE, {"entries": [e.to_json()
                                                                  for e in self.entries]})
                journal = self.root / JOURNAL
                os.replace(staging, journal)  # the commit point
                fsync_dir(self.root)
                staging = journal
                try:
                    _apply(self.root, journal, self.entries)
                except OSError as exc:
                    _roll_back(self.root, journal, self.entries)
                    _discard(self.root, journal)
                    _remove_empty(created)
                    raise write_error(self.root / self.entries[0].target, exc,
                                      "nothing was written (every file put back)") from None
                _discard(self.root, journal)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            _remove_empty(created)
            raise write_error(self.root, exc, "nothing was written") from None
        except BaseException:
            if staging.name != JOURNAL:
                shutil.rmtree(staging, ignore_errors=True)
                _remove_empty(created)
            raise
        finally:
            if owner is not None:
                unlock(owner)
        log.info("wrote %d file(s) in one transaction in %s", len(self.entries), self.root)

    def _stage(self, staging: Path) -> None:
        (staging / "new").mkdir()
        (staging / "old").mkdir()
        for n, data in enumerate(self._data):
            path = staging / "new" / str(n)
            with open(path, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            path.chmod(default_mode())

    def _keep_old(self, staging: Path, targets: list[Path]) -> None:
        for n, (target, entry) in enumerate(zip(targets, self.entries, strict=True)):
            if entry.old == ABSENT:
                continue
            backup = staging / "old" / str(n)
            try:
                os.link(target, backup)
            except OSError:  # a file system without hard links
                shutil.copy2(target, backup)
            (staging / "new" / str(n)).chmod(target.stat().st_mode & 0o7777)
        fsync_dir(staging / "old")


def _write_json(path: Path, value: Any) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, ensure_ascii=False, indent=2)
        handle.flush()
        os.fsync(handle.fileno())


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; returns those created, deepest first."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
    return missing


def _remove_empty(folders: list[Path]) -> None:
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _apply(root: Path, journal: Path, entries: list[_Entry]) -> None:
    """Move each staged file over its target (again after a crash: done ones are skipped)."""
    for n, entry in enumerate(entries):
        staged = journal / "new" / str(n)
        target = root / entry.target
        if not staged.exists():
            if fingerprint(target) == entry.new:
                continue  # placed before the crash
            raise FileNotFoundError(2, "a staged file is missing from the journal", str(staged))
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, target)
        fsync_dir(target.parent)


def _roll_back(root: Path, journal: Path, entries: list[_Entry]) -> None:
    """Put back every target that holds its new version (best effort, never raises)."""
    for n, entry in enumerate(entries):
        target = root / entry.target
        if fingerprint(target) != entry.new:
            continue  # not replaced yet
        try:
            if entry.old == ABSENT:
                target.unlink()
            else:
                os.replace(journal / "old" / str(n), target)
            fsync_dir(target.parent)
        except OSError:
            log.exception("could not put back %s", target)


def _discard(root: Path, journal: Path) -> None:
    """Remove a journal whose transaction is over: renamed first (atomically), so a crash
    while its files are deleted leaves a folder :func:`recover` removes silently, never a
    journal without its ``journal.json``."""
    done = Path(tempfile.mkdtemp(prefix=DONE_PREFIX, dir=root))
    os.replace(journal, done / "journal")
    fsync_dir(root)
    shutil.rmtree(done, ignore_errors=True)


def recover(root: Path) -> list[Problem]:
    """Finish or undo a transaction a killed process left in ``root``; say what was done.

    Returns nothing when there was nothing to do (the usual case: two ``stat``
    calls and a folder listing, no write).
    """
    root = Path(root)
    done: list[Problem] = []
    journal = root / JOURNAL
    try:
        listing = [e.name for e in os.scandir(root)]
    except OSError:
        return done
    for name in listing:  # journals of finished transactions that a crash left half removed
        if name.startswith(DONE_PREFIX):
            shutil.rmtree(root / name, ignore_errors=True)
    names = [name for name in listing if name.startswith(STAGING_PREFIX)]
    for name in names:  # staged but never committed: the project was never touched
        staging = root / name
        handle = try_lock(staging) if staging.is_dir() else None
        if handle is None:
            continue  # a live transaction's, or not ours
        try:
            shutil.rmtree(staging)
        except OSError:
            continue
        finally:
            unlock(handle)
        log.warning("removed the staging of an interrupted import: %s", staging)
        done.append(Problem("interrupted", "an import was interrupted before it wrote anything; "
                            "its staged files were removed (the project is as before)",
                            file=str(staging)))
    if not journal.is_dir():
        return done
    with folder_locks([root]):
        if not journal.is_dir():
            return done  # another process recovered it meanwhile
        try:
            raw = json.loads((journal / JOURNAL_FILE).read_text(encoding="utf-8"))
            entries = [_Entry(e["target"], e["new"], e["old"]) for e in raw["entries"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise WriteError(Problem("interrupted", f"an interrupted import left a journal that "
                                     f"cannot be read ({exc}); move {journal} away after "
                                     "checking the project", file=str(journal))) from None
        parents = {os.path.realpath((root / e.target).parent) for e in entries}
        with folder_locks([Path(p) for p in parents - {os.path.realpath(root)}
                           if os.path.isdir(p)]):
            try:
                _apply(root, journal, entries)
                message = (f"an interrupted import was finished: {len(entries)} file(s) "
                           "written as it planned")
            except OSError as exc:
                _roll_back(root, journal, entries)
                message = (f"an interrupted import could not be finished ({exc.strerror or exc})"
                           " and was undone: the project is as before it")
        _discard(root, journal)
    log.warning("%s (%s)", message, root)
    done.append(Problem("interrupted", message, file=str(root)))
    return done
