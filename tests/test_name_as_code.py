"""A unit's name typed where its code belongs: its ``unknown-commune`` finding names the code the
register gives that name (intake.nearest's ``name`` kind), in the assessments, the survey and the
appraisal, by batch or not, and from a cached intake, in both languages.

A clerk who knows the commune as "Phường Hồng Cẩm" types that in the code column. Before, every
row was refused with "add it to the register, or correct the code": true, but it did not say
which code, and a file of names throughout stopped the run with 3,429 such rows.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from example_runs import EXAMPLES, score_examples

from pari_index.cli import main
from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria
from pari_index.intake.assessments import read_assessments
from pari_index.intake.nearest import GIVEN, NEAREST, SUGGESTED, nearest_codes
from pari_index.messages import localise_findings

KNOWN = pl.Series(["00001", "00004", "00031", "00123", "00124"])
NAMES = pl.DataFrame(
    {
        "code": ["00001", "00004", "00031", "00123", "00124"],
        "name": ["Phường Hồng Cẩm", "Xã Tân Lộc", "Phường 4", "Xã An Bình", "Phường An Bình"],
    }
)


def _near(codes: list[str]) -> dict[str, tuple[str, str]]:
    found = nearest_codes(pl.Series(codes, dtype=pl.String), KNOWN, names=NAMES)
    return {given: (kind, suggested) for given, kind, suggested in found.select(GIVEN, NEAREST, SUGGESTED).rows()}


def test_a_name_whole_or_without_its_type_in_any_case_names_its_code() -> None:
    assert _near(["Phường Hồng Cẩm", "phường  hồng cẩm ", "HỒNG CẨM", "Tân Lộc", "Phường 4", "An Bình"]) == {
        "Phường Hồng Cẩm": ("name", "00001"),
        "phường  hồng cẩm ": ("name", "00001"),
        "HỒNG CẨM": ("name", "00001"),
        "Tân Lộc": ("name", "00004"),
        "Phường 4": ("name", "00031"),
        # Two units of the name, one a xã and one a phường: both are named.
        "An Bình": ("name", "00123, 00124"),
    }


def test_a_number_left_of_a_name_or_another_name_is_no_name() -> None:
    # "4" is what is left of "Phường 4" (00031) without its type: it names no unit, and is told
    # as 00004 without its zeros. A name the register does not hold, or with a letter changed,
    # names nothing.
    assert _near(["4", "Xã Hồng Cẩm Mới", "Phường Hông Cẩm"]) == {"4": ("zeros", "00004")}


def test_without_the_names_nothing_is_said_of_a_name() -> None:
    found = nearest_codes(pl.Series(["Phường Hồng Cẩm"]), KNOWN)
    assert found.height == 0


def _with_names(source: Path, target: Path, rows: int | None = None) -> Path:
    """``source`` (a CSV of the example) with its commune codes replaced by the register's names,
    in every row or the first ``rows``."""
    names = {row["code"]: row["name"] for row in csv.DictReader((EXAMPLES / "communes.csv").open(encoding="utf-8-sig"))}
    table = list(csv.reader(source.open(encoding="utf-8-sig")))
    at = table[0].index("commune_code")
    for line in table[1 : None if rows is None else rows + 1]:
        line[at] = names[line[at]]
    with target.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(table)
    return target


def test_a_survey_and_an_appraisal_of_names_say_the_codes(tmp_path: Path) -> None:
    survey = _with_names(EXAMPLES / "survey.csv", tmp_path / "survey.csv", rows=1)
    appraisal = _with_names(EXAMPLES / "appraisal.csv", tmp_path / "appraisal.csv", rows=1)
    code, said, out = score_examples(tmp_path, survey=survey, appraisal=appraisal)
    assert code == 1 and out.exists()  # written, and marked incomplete: two rows were refused
    wanted = (
        "commune Phường Hồng Cẩm is not in the commune register; this is a unit's name, which the register gives"
        " to code 00001: write the unit's code, not its name"
    )
    assert f"survey.csv row 2: {wanted}" in said
    assert f"appraisal.csv row 2: {wanted}" in said


@pytest.mark.parametrize("extra", [[], ["--batch-size", "7"], ["--cache", "CACHE"]])
def test_a_file_of_names_stops_the_run_naming_each_code(tmp_path: Path, extra: list[str]) -> None:
    assessments = _with_names(EXAMPLES / "assessments_long.csv", tmp_path / "a.csv")
    extra = [str(tmp_path / "cache") if arg == "CACHE" else arg for arg in extra]
    args = ["score", str(assessments), "--communes", str(EXAMPLES / "communes.csv"), "--no-survey"]
    args += ["-o", str(tmp_path / "r.xlsx"), *extra]
    for _ in range(2 if "--cache" in extra else 1):  # the second from the cached intake
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1, result.output
        assert "file-unread" in result.output
        assert (
            "a.csv hàng 2: xã Phường Hồng Cẩm không có trong danh sách đơn vị; đây là tên đơn vị, danh sách đơn vị"
            " ghi tên này cho mã 00001: ghi mã đơn vị, không ghi tên" in result.output
        )
    assert not (tmp_path / "r.xlsx").exists()


def test_the_finding_keeps_the_kind_and_code_for_a_program(tmp_path: Path) -> None:
    bundled = EXAMPLES.parent / "criteria" / "ha-noi-2025-commune.yaml"
    leaves = compile_criteria(load_criteria(bundled).criteria, None).leaves
    path = tmp_path / "a.csv"
    path.write_text("commune_code,criterion_id,value\nTân Lộc,1.1.1,04/06/2025\n", encoding="utf-8")
    # (a form of three columns lacks the evidence and self-score columns: told, not asserted here)
    findings = read_assessments([path], leaves, KNOWN, unit_names=NAMES).findings.filter(
        ~pl.col("kind").str.ends_with("-column-absent")
    )
    params = json.loads(findings["params"][0])
    assert (params["nearest"], params["suggested"]) == ("name", "00004")
    vi = localise_findings(findings, "vi")["message"][0]
    assert vi.endswith("danh sách đơn vị ghi tên này cho mã 00004: ghi mã đơn vị, không ghi tên")
