"""The register's ``ranked`` column read as an answer is read elsewhere (intake.register._ranked).

Before (session 19): only no, không, false, 0 and n meant "not ranked"; "không xếp hạng", "☐" and
"no " (a space after it) ranked the unit, and so did any other text ("sáp nhập"), without a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.intake.register import read_register

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

READ = [
    ("không xếp hạng", False),
    ("Không  được xếp hạng", False),
    ("không", False),
    ("no ", False),
    ("FALSE", False),
    ("0", False),
    ("☐", False),
    ("not ranked", False),
    ("có", True),
    ("x", True),
    ("✓", True),
    ("Xếp hạng", True),
    ("1", True),
    ("", True),  # empty: ranked, as a register without the column ranks every unit
]


def _register(path: Path, values: list[str]) -> Path:
    lines = ["code,name,type,district,province,ranked"]
    lines += [f"{i:05d},Xã {i},xã,Huyện A,Tỉnh B,{value}" for i, value in enumerate(values, start=1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("written", "ranked"), READ)
def test_a_ranked_cell_is_read_as_an_answer(tmp_path: Path, written: str, ranked: bool) -> None:
    register = read_register(_register(tmp_path / "r.csv", [written]))
    assert register.frame["ranked"].to_list() == [ranked]
    assert not register.problems


def test_an_unread_ranked_cell_is_an_error_at_its_row_and_the_unit_ranked(tmp_path: Path) -> None:
    register = read_register(_register(tmp_path / "r.csv", ["có", "sáp nhập", "không"]))
    assert register.frame["ranked"].to_list() == [True, True, False]
    [problem] = register.problems
    assert (problem.code, problem.row, problem.field) == ("register-ranked-unread", 3, "ranked")
    assert "«sáp nhập» is neither yes nor no" in problem.message
    assert "xếp hạng «sáp nhập» không phải có hay không" in problem.render("vi")


def test_the_run_says_so_and_exits_1(tmp_path: Path) -> None:
    register = tmp_path / "communes.csv"
    text = (EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig").splitlines()
    text = [text[0] + ",ranked", *(line + (",sáp nhập" if i == 1 else ",") for i, line in enumerate(text[1:], 1))]
    register.write_text("\n".join(text) + "\n", encoding="utf-8")
    args = [
        str(EXAMPLES / "assessments_long.csv"),
        "--communes",
        str(register),
        "--survey",
        str(EXAMPLES / "survey.csv"),
    ]
    done = CliRunner().invoke(main, ["score", *args, "-o", str(tmp_path / "out.xlsx"), "--lang", "en"])
    assert done.exit_code == 1 and "[register-ranked-unread]" in done.output, done.output
    assert "communes.csv row 2 column «ranked»" in done.output
