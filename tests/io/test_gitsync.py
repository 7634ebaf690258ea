"""Team sync with real git: a bare remote, clones for annotators and an adjudicator."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from annotator.api import open_project
from annotator.cli import main
from annotator.io import gitsync

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

TEXTS = {f"doc-{n}": f"التقى الزعيم {n} بالرئيس في موسكو وقدّم له هدية {n}\n" for n in range(6)}


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(root).parts}


@pytest.fixture
def team(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Path]:
    """A remote with a project the coordinator sent, and a clone per team member."""
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch=main", str(remote)],
                   check=True)
    coordinator = tmp_path / "coordinator"
    texts = tmp_path / "texts"
    texts.mkdir()
    for doc_id, text in TEXTS.items():
        (texts / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    assert main(["init", str(coordinator), *map(str, sorted(texts.iterdir())), "--git"]) == 0
    git(coordinator, "remote", "add", "origin", str(remote))
    assert main(["assign", str(coordinator), "--annotators", "amal,omar", "--overlap", "0.5",
                 "--seed", "2"]) == 0
    raw = json.loads((coordinator / "project.json").read_text("utf-8"))
    raw["adjudicator"] = "sara"
    (coordinator / "project.json").write_text(json.dumps(raw, ensure_ascii=False, indent=2)
                                              + "\n", encoding="utf-8")
    assert main(["sync", str(coordinator), "--coordinator"]) == 0
    clones = {"coordinator": coordinator}
    for name in ("amal", "omar", "sara"):
        clone = tmp_path / name
        git(tmp_path, "clone", "--quiet", str(remote), str(clone))
        clones[name] = clone
    capsys.readouterr()
    return clones


def work(clone: Path, annotator: str, doc_id: str, rng: random.Random) -> None:
    project = open_project(clone)
    who = "gold" if annotator == "sara" else annotator
    work = project.load(who, doc_id)
    start = rng.randrange(0, len(work.text) - 6)
    try:
        work.add_span(start, start + 5, rng.choice(["entity", "gift", "meeting"]))
    except Exception:  # the same span twice: fine, nothing to add
        return
    project.save(work)


def test_random_syncs_bring_every_file_to_every_clone(team: dict[str, Path],
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(11)
    members = ["amal", "omar", "sara"]
    for _round in range(4):
        rng.shuffle(members)
        for name in members:
            work(team[name], name, rng.choice(sorted(TEXTS)), rng)
            assert main(["sync", str(team[name]), "--annotator", name, "--json"]) == 0
    for _ in range(2):  # everyone receives what the others sent last
        for name in ("amal", "omar", "sara", "coordinator"):
            args = ["--coordinator"] if name == "coordinator" else ["--annotator", name]
            assert main(["sync", str(team[name]), *args]) == 0
    reference = files(team["coordinator"])
    assert any(k.startswith("annotations/amal/") for k in reference)
    assert any(k.startswith("annotations/omar/") for k in reference)
    assert any(k.startswith("gold/") for k in reference)
    for name in ("amal", "omar", "sara"):
        assert files(team[name]) == reference, name
        assert main(["validate", str(team[name])]) == 0
    capsys.readouterr()


def test_one_annotator_on_two_machines_keeps_both_versions(
        team: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    laptop = tmp_path / "amal-laptop"
    git(tmp_path, "clone", "--quiet", str(tmp_path / "remote.git"), str(laptop))
    rng = random.Random(3)
    work(team["amal"], "amal", "doc-1", rng)
    assert main(["sync", str(team["amal"]), "--annotator", "amal"]) == 0
    work(laptop, "amal", "doc-1", random.Random(99))
    mine = (laptop / "annotations" / "amal" / "doc-1.json").read_bytes()
    theirs = (team["amal"] / "annotations" / "amal" / "doc-1.json").read_bytes()
    capsys.readouterr()
    assert main(["sync", str(laptop), "--annotator", "amal", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert len(report["conflicts"]) == 1
    copy = laptop / report["conflicts"][0]
    assert copy.read_bytes() == mine
    assert (laptop / "annotations" / "amal" / "doc-1.json").read_bytes() == theirs
    assert main(["validate", str(laptop)]) == 1
    assert "pending-conflict" in capsys.readouterr().out
    assert "conflict" not in git(laptop, "ls-files")  # the copy is never committed
    assert main(["sync", str(laptop), "--annotator", "amal"]) == 0  # nothing left to send


def test_refusals_change_nothing(team: dict[str, Path], tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    amal = team["amal"]
    (amal / "project.json").write_text((amal / "project.json").read_text("utf-8") + " ",
                                       encoding="utf-8")
    head = git(amal, "rev-parse", "HEAD")
    assert main(["sync", str(amal), "--annotator", "amal"]) == 2
    assert "not amal's" in capsys.readouterr().err
    git(amal, "checkout", "--", "project.json")
    git(amal, "checkout", "--quiet", "--detach")
    assert main(["sync", str(amal), "--annotator", "amal"]) == 2
    assert "detached head" in capsys.readouterr().err
    git(amal, "checkout", "--quiet", "main")
    git(amal, "remote", "remove", "origin")
    assert main(["sync", str(amal), "--annotator", "amal"]) == 2
    assert "no remote" in capsys.readouterr().err
    assert git(amal, "rev-parse", "HEAD") == head
    plain = tmp_path / "plain"
    assert main(["init", str(plain)]) == 0
    assert main(["sync", str(plain), "--annotator", "amal"]) == 2
    assert "git init" in capsys.readouterr().err
    assert gitsync.machine_name() and "/" not in gitsync.machine_name()


def test_an_unreachable_remote_or_an_unfinished_rebase_changes_nothing(
        team: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    amal = team["amal"]
    work(amal, "amal", "doc-2", random.Random(5))
    head = git(amal, "rev-parse", "HEAD")
    git(amal, "remote", "set-url", "origin", str(amal.parent / "gone.git"))
    assert main(["sync", str(amal), "--annotator", "amal"]) == 2
    assert "git fetch" in capsys.readouterr().err
    assert git(amal, "rev-parse", "HEAD") == head and "doc-2.json" in git(
        amal, "status", "--porcelain", "--untracked-files=all")
    git_dir = amal / ".git"
    (git_dir / "rebase-merge").mkdir()
    assert main(["sync", str(amal), "--annotator", "amal"]) == 2
    assert "unfinished rebase" in capsys.readouterr().err


def test_assign_places_new_documents_only_and_status_counts(
        team: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    coordinator = team["coordinator"]
    before = json.loads((coordinator / "project.json").read_text("utf-8"))["assignments"]
    assert set(before) == {"amal", "omar"}
    assert sum(map(len, before.values())) == 9  # 6 documents, half of them twice
    (coordinator / "documents" / "doc-new.txt").write_text("وثيقة جديدة\n", encoding="utf-8")
    assert main(["assign", str(coordinator), "--annotators", "amal,omar"]) == 0
    after = json.loads((coordinator / "project.json").read_text("utf-8"))["assignments"]
    assert {k: [d for d in v if d != "doc-new"] for k, v in after.items()} == before
    assert sum("doc-new" in v for v in after.values()) == 1
    capsys.readouterr()
    assert main(["status", str(coordinator), "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["annotators"]["amal"]["assigned"] == len(after["amal"])
    assert status["annotators"]["amal"]["new"] == len(after["amal"])
