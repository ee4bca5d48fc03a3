"""An option that takes one value given more than once is refused (cli: ``option-given-twice``).

Before (session 21): click keeps the last value without a word. ``pari score ... --appraisal
appraisal.csv --appraisal bo-sung.csv`` read bo-sung.csv alone: the council's 70 decisions of the
first file were left out, exit 0; ``-o a.xlsx -o b.xlsx`` wrote b.xlsx alone; a second
``--communes`` replaced the register."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.cli_params import _given

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ARGS = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
ARGS += ["--survey", str(EXAMPLES / "survey.csv")]


def test_an_appraisal_given_twice_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    second = tmp_path / "bo-sung.csv"
    second.write_text("commune_code,criterion_id,evidence_accepted\n00001,7.2.1,có\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    appraisal = str(EXAMPLES / "appraisal.csv")
    done = CliRunner().invoke(main, [*ARGS, "--appraisal", appraisal, f"--appraisal={second}", "-o", str(out)])
    assert done.exit_code == 2, done.output
    assert (
        f"lỗi: --appraisal được đưa 2 lần («{appraisal}», «{second}»); tuỳ chọn này nhận một giá trị, và chỉ giá "
        "trị cuối được dùng [option-given-twice]"
    ) in done.output
    assert not out.exists()


@pytest.mark.parametrize("spelled", [["-o", "b.xlsx"], ["-ob.xlsx"], ["--output", "b.xlsx"], ["--output=b.xlsx"]])
def test_every_spelling_of_an_option_counts(tmp_path: Path, spelled: list[str]) -> None:
    done = CliRunner().invoke(main, [*ARGS, "-o", str(tmp_path / "a.xlsx"), *spelled, "--lang", "en"])
    assert done.exit_code == 2 and "-o is given 2 times" in done.output and "[option-given-twice]" in done.output
    assert not (tmp_path / "a.xlsx").exists()


def test_an_option_that_takes_many_values_may_be_repeated_and_flags_are_not_counted(tmp_path: Path) -> None:
    folder = tmp_path / "khao-sat"
    folder.mkdir()
    (folder / "survey.csv").write_bytes((EXAMPLES / "survey.csv").read_bytes())
    args = [*ARGS[:-1], str(folder / "survey.csv"), "--survey", str(EXAMPLES / "survey.csv")]
    done = CliRunner().invoke(main, [*args, "-q", "-q", "-o", str(tmp_path / "out.xlsx"), "--lang", "en"])
    assert "option-given-twice" not in done.output


def test_a_subcommand_of_a_group_refuses_it_too(tmp_path: Path) -> None:
    criteria = str(ROOT / "criteria" / "ha-noi-2025-commune.yaml")
    a, b = str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")
    done = CliRunner().invoke(main, ["criteria", "export", criteria, "-o", a, "-o", b, "--lang", "en"])
    assert done.exit_code == 2 and f"-o is given 2 times («{a}», «{b}»)" in done.output


def test_a_value_that_looks_like_an_option_is_a_value() -> None:
    from pari_index.cli import score

    given = {o.opts[0]: v for o, v in _given(score, ["x.csv", "--report", "-o", "-o", "out.xlsx", "--", "-o"]).items()}
    assert given == {"--report": ["-o"], "-o": ["out.xlsx"]}


def test_the_same_value_again_drops_nothing_and_is_read(tmp_path: Path) -> None:
    out = str(tmp_path / "out.xlsx")
    done = CliRunner().invoke(main, [*ARGS, "-o", out, "--lang", "en", "-o", out, "--lang", "en", "-q"])
    assert done.exit_code == 0, done.output
    assert (tmp_path / "out.xlsx").exists()
