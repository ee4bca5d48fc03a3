"""Every path a command writes, pointed at a user's own file or folder: the user's files stay.

tests/test_hostile_matrix.py gives every file a command reads the same broken files; this gives
every path a command writes (``-o``, ``--report``, ``--cache``) the same files of a user, walking
the command tree so that a new command or option is covered without being listed. A file the
output would replace is replaced only when pari-index wrote it (outputs.ownership); in a folder,
each file of the output's names is judged (``score -o FOLDER`` replaced a user's own summary.csv).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import click
import polars as pl
import pytest
from click.testing import CliRunner
from test_hostile_matrix import ASSESSMENTS, BASE, COMMUNES, SURVEY, WRITTEN, command_line

from pari_index.cli import main
from pari_index.messages.help_words import walk


def _folder_of_theirs(path: Path) -> None:
    path.mkdir()
    (path / "ảnh.jpg").write_bytes(b"\xff\xd8\xff")
    (path / "summary.csv").write_text("họ tên,lương\nAn,1\n", encoding="utf-8")
    pl.DataFrame({"x": [1]}).write_parquet(path / "criteria.parquet")
    (path / "communes.csv").write_text("mã,tên\n1,Xã A\n", encoding="utf-8")


#: A user's own things under the name an output is given.
THEIRS: dict[str, Callable[[Path], object]] = {
    "bang-luong.xlsx": lambda p: pl.DataFrame({"Họ tên": ["An"], "Lương": [1]}).write_excel(p),
    "bang.csv": lambda p: p.write_text("a,b\n1,2\n", encoding="utf-8"),
    "trang.html": lambda p: p.write_text("<html><body>trang của tôi</body></html>", encoding="utf-8"),
    "ke-hoach.yaml": lambda p: p.write_text("ke_hoach: 1\n", encoding="utf-8"),
    "ghi-chu": lambda p: p.write_text("ghi chú", encoding="utf-8"),
    "thu-muc": _folder_of_theirs,
}

WRITES = [
    (path, str(param.name))
    for path, command in walk(main)
    for param in command.params
    if isinstance(param.type, click.Path) and param.name in WRITTEN
]


def _contents(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {child.name: child.read_bytes() for child in path.iterdir()}
    return {path.name: path.read_bytes()}


def _argv(path: str, name: str, target: Path, results: str, folder: Path) -> list[str]:
    given, written = BASE[path]
    argv = command_line(path, {**given, name: str(target)}, results)
    # The command's own output elsewhere when the path under test is another (--report, --cache).
    own = [] if name == "output" else [written[0], str(folder / Path(written[1]).name)] if written else []
    return [*argv, *own]


def test_the_walk_finds_every_written_path() -> None:
    found = {path for path, _ in WRITES}
    assert {path for path in BASE if BASE[path][1]} <= found <= set(BASE)
    assert len(WRITES) >= 9


@pytest.mark.parametrize(("path", "name"), WRITES, ids=[f"{p}:{n}" for p, n in WRITES])
def test_no_command_replaces_a_users_own_file_or_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, results: str, path: str, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    changed = []
    for number, (theirs, make) in enumerate(THEIRS.items()):
        folder = tmp_path / f"lần-{number}"
        folder.mkdir()
        target = folder / theirs
        make(target)
        before = _contents(target)
        lang = ("vi", "en")[number % 2]
        done = CliRunner().invoke(main, [*_argv(path, name, target, results, folder), "--lang", lang])
        assert done.exception is None or isinstance(done.exception, SystemExit), (theirs, done.output)
        after = _contents(target) if target.exists() else {}
        # Files may be added beside a user's (demo-data's synthetic files); none may change or go.
        kept = {key: after.get(key) for key in before}
        if kept != before:
            changed.append(f"{theirs} ({lang}): exit {done.exit_code}: {done.output[-300:]}")
        shutil.rmtree(folder)
    assert changed == [], "\n".join(changed)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_results_folder_is_written_again_and_in_the_other_format(tmp_path: Path, fmt: str) -> None:
    other = {"csv": "parquet", "parquet": "csv"}[fmt]
    argv = ["score", ASSESSMENTS, "--communes", COMMUNES, "--survey", SURVEY, "-o", str(tmp_path / "kq")]
    for chosen in (fmt, fmt, other):
        done = CliRunner().invoke(main, [*argv, "--format", chosen, "--lang", "en"])
        assert done.exit_code == 0, done.output
    assert sorted(p.suffix for p in (tmp_path / "kq").iterdir()) == [f".{other}"] * 5
