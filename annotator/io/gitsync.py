"""Team sync through git: send one annotator's files, receive everyone else's, lose nothing.

A project folder is a git work tree with a remote. :func:`sync` commits only
what belongs to the one who syncs (``annotations/<name>/``, plus ``gold/`` for
the project's adjudicator; the coordinator sends ``project.json``,
``documents/`` and the guidelines file), fetches, rebases onto the remote and
pushes; it never force-pushes and never commits ``suggestions/``, conflict
copies or ``.``-prefixed files.

Annotators never edit the same file, so the only conflict is one annotator
editing one file on two machines. Then the remote version stays and the local
one is kept beside it as ``<doc_id>.json.conflict-<machine>-<YYYYmmddTHHMMSSZ>``
(never committed; ``validate`` lists it as a pending conflict, the window
offers keep mine / take theirs).

Everything that would leave the repository in a state the user did not ask
for is refused before anything changes (:class:`SyncRefusedError`, exit 2):
no git repository, no remote, a detached head, an unfinished rebase or merge,
a modified file that is not the syncing person's. Git runs through its command
line with a timeout and without prompts (``GIT_TERMINAL_PROMPT=0``), so the
user's credential helpers and SSH keys work as they are.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import socket
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from annotator.core.errors import PathError, Problem
from annotator.core.project import GOLD, PROJECT_FILE, Project

log = logging.getLogger(__name__)

TIMEOUT: Final = 120.0  # seconds for one git command (a network fetch or push)
CONFLICT_MARK: Final = ".conflict-"
GITIGNORE: Final = ".gitignore"  # sent by the coordinator
_UNSAFE = re.compile(r'[/\\:*?"<>|\s\x00-\x1f\x7f]+')


class SyncRefusedError(PathError):
    """Sync cannot start (or git failed): nothing was changed; the message says what to do."""


@dataclass
class SyncReport:
    """What one sync did."""

    sent: list[str] = field(default_factory=list)  # files committed and pushed
    received: list[str] = field(default_factory=list)  # files the remote brought
    conflicts: list[str] = field(default_factory=list)  # local copies kept beside
    committed: bool = False
    pushed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"sent": len(self.sent), "received": len(self.received),
                "conflicts": self.conflicts, "sent_files": self.sent,
                "received_files": self.received}


def _refuse(root: Path, message: str) -> SyncRefusedError:
    return SyncRefusedError(Problem("sync-refused", message, file=str(root)))


class Git:
    """The git command line in one work tree, without prompts, with a timeout."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_EDITOR": "true",
                    "GIT_MERGE_AUTOEDIT": "no", "LC_ALL": "C"}

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        try:
            done = subprocess.run(["git", *args], cwd=self.root, env=self.env, text=True,
                                  capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        except FileNotFoundError:
            raise _refuse(self.root, "git is not installed (e.g. 'sudo apt-get install git')"
                          ) from None
        except subprocess.TimeoutExpired:
            raise _refuse(self.root, f"'git {' '.join(args)}' did not answer within "
                          f"{TIMEOUT:.0f} s (network?); nothing more was done") from None
        if check and done.returncode != 0:
            raise _refuse(self.root, f"'git {' '.join(args)}' failed: "
                          f"{(done.stderr or done.stdout).strip()[:500]}")
        return done

    def blob(self, spec: str) -> bytes | None:
        """The exact bytes of ``git show SPEC`` (None when there is no such object)."""
        done = subprocess.run(["git", "show", spec], cwd=self.root, env=self.env,
                              capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        return done.stdout if done.returncode == 0 else None

    def out(self, *args: str) -> str:
        return self.run(*args).stdout.strip()

    def lines(self, *args: str) -> list[str]:
        return [line for line in self.run(*args).stdout.split("\0" if "-z" in args else "\n")
                if line]


def machine_name() -> str:
    """This computer's name, made safe for a file name (FORMAT.md section 2)."""
    name = _UNSAFE.sub("-", socket.gethostname()).strip(".-") or "machine"
    return name[:60]


def conflict_copy_name(path: Path, machine: str, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    return path.with_name(f"{path.name}{CONFLICT_MARK}{machine}-{stamp}")


def is_conflict_copy(name: str) -> bool:
    return CONFLICT_MARK in name and ".json" + CONFLICT_MARK in name


def own_paths(project: Project, annotator: str | None) -> list[str]:
    """The paths (relative to the project) that ``annotator`` (None: coordinator) sends."""
    if annotator is None:
        paths = [PROJECT_FILE, "documents", GITIGNORE]
        guidelines = project.extra.get("guidelines")
        if isinstance(guidelines, str) and guidelines:
            paths.append(guidelines)
        return paths
    paths = [f"annotations/{annotator}"]
    if annotator == GOLD or project.extra.get("adjudicator") == annotator:
        paths.append(GOLD)
    return paths


def _sendable(relative: str) -> bool:
    """Not a conflict copy, not a hidden file (but .gitignore), nothing under suggestions/."""
    if relative == GITIGNORE:
        return True
    parts = relative.split("/")
    return (not any(p.startswith(".") for p in parts) and parts[0] != "suggestions"
            and not is_conflict_copy(parts[-1]))


def _status(git: Git, prefix: str) -> list[tuple[str, str]]:
    """(two-letter status, path relative to the project) of changed and untracked files."""
    entries = []
    for line in git.lines("status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "."):
        code, path = line[:2], line[3:]
        if path.startswith(prefix):
            entries.append((code, path[len(prefix):]))
    return entries


def _inside(relative: str, paths: Sequence[str]) -> bool:
    return any(relative == p or relative.startswith(p.rstrip("/") + "/") for p in paths)


def _preflight(git: Git, root: Path) -> tuple[str, str, str]:
    """(remote, branch, prefix of the project inside the repository), or refuse."""
    top = git.run("rev-parse", "--show-toplevel", check=False)
    if top.returncode != 0:
        raise _refuse(root, "this project is not a git repository. Make it one with "
                      "'git init' and 'git remote add origin URL' in the project folder (or "
                      "create projects with 'annotator init --git'), then sync again")
    toplevel = Path(top.stdout.strip()).resolve()
    prefix = root.resolve().relative_to(toplevel).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    git_dir = Path(git.out("rev-parse", "--absolute-git-dir"))
    for marker in ("rebase-merge", "rebase-apply", "MERGE_HEAD", "CHERRY_PICK_HEAD"):
        if (git_dir / marker).exists():
            raise _refuse(root, "an unfinished rebase or merge is in the repository: finish it "
                          "('git rebase --continue') or undo it ('git rebase --abort'), then "
                          "sync again; nothing was changed")
    branch = git.run("symbolic-ref", "--quiet", "--short", "HEAD", check=False).stdout.strip()
    if not branch:
        raise _refuse(root, "the repository is on a detached head: check out your branch "
                      "('git switch main'), then sync again; nothing was changed")
    upstream = git.run("rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}",
                       check=False).stdout.strip()
    remotes = git.lines("remote")
    if upstream and "/" in upstream:
        remote, _, remote_branch = upstream.partition("/")
    elif remotes:
        remote, remote_branch = ("origin" if "origin" in remotes else remotes[0]), branch
    else:
        raise _refuse(root, "the repository has no remote to sync with: add one with "
                      "'git remote add origin URL', then sync again; nothing was changed")
    return remote, remote_branch, prefix


def sync(project: Project, annotator: str | None, message: str | None = None,
         machine: str | None = None, now: datetime | None = None) -> SyncReport:
    """Send ``annotator``'s files (None: the coordinator's) and receive the others'."""
    root = project.root
    git = Git(root)
    remote, branch, prefix = _preflight(git, root)
    mine = own_paths(project, annotator)
    changes = _status(git, prefix)
    foreign = sorted(path for code, path in changes if code != "??" and _sendable(path)
                     and not _inside(path, mine))
    if foreign:
        raise _refuse(root, f"{len(foreign)} changed file(s) that are not "
                      f"{annotator or 'the coordinator'}'s: {', '.join(foreign[:5])}"
                      f"{' ...' if len(foreign) > 5 else ''}; sync sends only your own files: "
                      "commit or undo those changes first ('git status'); nothing was changed")
    git.run("fetch", "--quiet", remote)  # an unreachable remote or bad credentials: stop here
    report = SyncReport()
    to_send = sorted(path for _code, path in changes if _inside(path, mine) and _sendable(path))
    who = annotator or "coordinator"
    if to_send:
        git.run("add", "--all", "--", *(prefix + p for p in to_send))
        identity = _identity(git, who)
        git.run(*identity, "commit", "--quiet", "-m",
                message or f"{who}: {len(to_send)} file(s) from Annotator")
        report.committed = True
        report.sent = to_send
    for attempt in range(3):  # someone may push between our fetch and our push
        if attempt:
            git.run("fetch", "--quiet", remote)
        tracking = f"refs/remotes/{remote}/{branch}"
        exists = git.run("rev-parse", "--verify", "--quiet", tracking, check=False)
        before = git.out("rev-parse", "HEAD")
        if exists.returncode == 0:
            base = git.out("merge-base", "HEAD", tracking)
            report.received += [p[len(prefix):] for p in git.lines(
                "diff", "--name-only", "-z", base, tracking, "--", ".") if p.startswith(prefix)]
            _rebase(git, tracking, prefix, machine or machine_name(), now, report)
        ahead = git.run("rev-list", "--count", f"{tracking}..HEAD", check=False)
        if exists.returncode == 0 and ahead.stdout.strip() == "0":
            break  # nothing of ours to push
        pushed = git.run("push", "--quiet", remote, f"HEAD:refs/heads/{branch}", check=False)
        if pushed.returncode == 0:
            report.pushed = True
            break
        if "rejected" not in pushed.stderr and "fetch first" not in pushed.stderr:
            raise _refuse(root, f"'git push' failed: {pushed.stderr.strip()[:500]} (your commit "
                          f"is kept locally at {before[:10]}; sync again when it is fixed)")
    report.received = sorted(set(report.received))
    log.info("sync of %s in %s: sent %d, received %d, %d conflict(s)", who, root,
             len(report.sent), len(report.received), len(report.conflicts))
    return report


def _identity(git: Git, who: str) -> list[str]:
    """``-c user.name=... -c user.email=...`` when git has no identity configured."""
    name = git.run("config", "user.name", check=False).stdout.strip()
    email = git.run("config", "user.email", check=False).stdout.strip()
    args = []
    if not name:
        args += ["-c", f"user.name={who}"]
    if not email:
        args += ["-c", f"user.email={who}@annotator.invalid"]
    return args


def _rebase(git: Git, onto: str, prefix: str, machine: str, now: datetime | None,
            report: SyncReport) -> None:
    """Rebase onto ``onto``; a file both sides changed keeps theirs, ours goes beside it."""
    done = git.run("rebase", "--quiet", onto, check=False)
    while done.returncode != 0:
        conflicted = git.lines("diff", "--name-only", "-z", "--diff-filter=U")
        if not conflicted:
            git.run("rebase", "--abort", check=False)
            raise _refuse(git.root, f"'git rebase' failed: {done.stderr.strip()[:500]}; it was "
                          "undone, nothing was changed")
        for path in conflicted:
            _keep_both(git, path, prefix, machine, now, report)
        done = git.run("-c", "core.editor=true", "rebase", "--continue", check=False)
        if done.returncode != 0 and "nothing to commit" in (done.stdout + done.stderr):
            done = git.run("rebase", "--skip", check=False)


def _keep_both(git: Git, path: str, prefix: str, machine: str, now: datetime | None,
               report: SyncReport) -> None:
    """The remote's version of ``path`` stays; ours is written beside it, never committed."""
    target = git.root / path[len(prefix):] if path.startswith(prefix) else git.root / path
    ours = git.blob(f":3:{path}")  # in a rebase, stage 3 is our commit being replayed
    copy = conflict_copy_name(target, machine, now)
    if ours is not None:
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(ours)
        report.conflicts.append(copy.relative_to(git.root).as_posix())
    theirs = git.run("show", f":2:{path}", check=False)
    if theirs.returncode == 0:
        git.run("checkout", "--ours", "--", path)
        git.run("add", "--", path)
    else:  # they deleted it: take the deletion, our version is in the copy
        git.run("rm", "--quiet", "--cached", "--", path, check=False)
        target.unlink(missing_ok=True)
    log.warning("sync conflict: %s changed here and on the remote; kept theirs, ours in %s",
                path, copy)


def init_repository(root: Path) -> None:
    """``git init`` a new project with a ``.gitignore`` for what is never shared."""
    git = Git(root)
    if shutil.which("git") is None:
        raise _refuse(root, "git is not installed (e.g. 'sudo apt-get install git')")
    git.run("init", "--quiet", "--initial-branch=main")
    ignore = root / GITIGNORE
    if not ignore.exists():
        ignore.write_text("# never shared: suggestions, conflict copies, temporary files\n"
                          "suggestions/\n*.json.conflict-*\n.annotator-*\n.*.tmp\n",
                          encoding="utf-8")
