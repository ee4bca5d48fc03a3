"""A row of a commune the register does not hold is one finding, not one per cell.

On a wide form a commune's row carries every value, self-score and evidence field of the set:
a typo in its code was reported once for each of its cells (253 for one row of the bundled set).
Now the row is one ``unknown-commune`` finding naming the file, the row and the code, with how
many values of the row were not used; the ledger and the summary's counts are unchanged (the row
is rejected, once), and a batched run gives the unbatched run's files to the byte.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from click.testing import CliRunner
from test_batches import BUNDLED, DATE, same_intake_by_batch

from pari_index.cli import main
from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria
from pari_index.demo import generate
from pari_index.intake.assessments import read_assessments
from pari_index.intake.register import read_register
from pari_index.messages import localise_findings
from pari_index.pipeline import run_score

#: The wide rows (data rows from 0) whose code is spoiled, and the code they get: a typo, and a
#: code that lost its leading zeros.
SPOILED = {0: "99999", 2: "1"}


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A small country in long and wide forms; two rows of the wide form with unknown codes."""
    folder = tmp_path_factory.mktemp("unknown")
    made = generate(BUNDLED, folder, communes=9, districts=2, seed=4, forms=("long", "wide"), mistakes=0.0)
    header, *rows = _rows(made["assessments_wide"])
    assert len(rows) > max(SPOILED)
    for index, code in SPOILED.items():
        rows[index][0] = code
    wide = folder / "wide_spoiled.csv"
    with wide.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, *rows])
    return {**made, "wide": wide, "filled": {i + 2: sum(1 for c in rows[i][1:] if c) for i in SPOILED}}


def _leaves() -> Any:
    return compile_criteria(load_criteria(BUNDLED).criteria, None).leaves


def test_a_wide_row_of_an_unknown_commune_is_one_finding(files: dict[str, Any]) -> None:
    register = read_register(files["communes"])
    intake = read_assessments([files["wide"]], _leaves(), register.codes)
    # In the order the cells are checked (a wide form's column by column): row 2 has no 1.1.1.
    unknown = intake.findings.filter(pl.col("kind") == "unknown-commune").sort("row")
    got = unknown.select("file", "row", "commune_code", "criterion_id", "column").rows()
    assert got == [(str(files["wide"]), 2, "99999", None, None), (str(files["wide"]), 4, "1", None, None)]
    # The row's values, counted: a hundred and more (the test is not vacuous).
    filled = files["filled"]
    assert min(filled.values()) > 100
    assert [json.loads(p)["cells"] for p in unknown["params"]] == [filled[2], filled[4]]
    assert unknown["message"][0] == (
        f"commune 99999 is not in the commune register; none of the {filled[2]} values of this row was used"
    )
    vi = localise_findings(unknown, "vi")
    # (a code that lost its leading zeros names the register's code: intake.nearest)
    assert vi["message"][1] == (
        "xã 1 không có trong danh sách đơn vị; danh sách có mã 00001: mã đã mất các số 0 ở đầu (Excel bỏ chúng"
        f" khi coi mã là số); không dùng {filled[4]} giá trị của dòng này"
    )
    assert vi["hint"][1] == "bổ sung vào danh sách, hoặc sửa mã (mã giữ các số 0 ở đầu)"
    # No other finding names those rows: nothing else of theirs was checked, nothing dropped.
    assert intake.findings.filter(pl.col("row").is_in([2, 4])).height == 2


def test_a_long_row_of_one_value_says_nothing_of_a_count(tmp_path: Path, files: dict[str, Any]) -> None:
    path = tmp_path / "long.csv"
    path.write_text("commune_code,criterion_id,input,value,self_score\n99999,1.1.1,,04/06/2025,\n", encoding="utf-8")
    intake = read_assessments([path], _leaves(), read_register(files["communes"]).codes)
    assert intake.findings.select("kind", "row", "message").rows() == [
        ("unknown-commune", 2, "commune 99999 is not in the commune register")
    ]
    assert localise_findings(intake.findings, "vi")["message"][0] == "xã 99999 không có trong danh sách đơn vị"


def test_the_ledger_and_the_counts_reject_each_row_once(files: dict[str, Any], tmp_path: Path) -> None:
    """Every row of the wide form is in the ledger, the two spoiled rows rejected for their
    code; the summary counts two rejected rows in one file."""
    out = tmp_path / "out"
    result = run_score(
        assessments=[files["wide"], files["assessments_long"]],
        criteria=BUNDLED,
        communes=files["communes"],
        no_survey=True,
        output=out,
        fmt="csv",
        date=DATE,
        allow_incomplete=True,
    ).result
    ledger = result.ledger.filter(pl.col("file") == str(files["wide"]))
    assert ledger.height == len(_rows(files["wide"])) - 1
    rejected = ledger.filter(pl.col("status") != "scored")
    assert rejected.select("row", "status").rows() == [(2, "rejected"), (4, "rejected")]
    assert rejected["reasons"].to_list() == (
        result.findings.filter(pl.col("kind") == "unknown-commune").sort("row")["message"].to_list()
    )
    facts = result.completeness.facts()
    assert (facts["rows_rejected"], facts["files_with_rejected_rows"]) == ("2", "1")


@pytest.mark.parametrize("chunk", [None, 150])
@pytest.mark.parametrize("size", [1, 3])
def test_a_wide_form_of_unknown_communes_is_checked_by_batch_as_whole(
    files: dict[str, Any], size: int, chunk: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same findings in the same order and the same ledger, batch by batch or at once; also
    when the cells are checked in slices of communes (the rows of unknown codes batched apart)."""
    register = read_register(files["communes"])
    paths = [files["assessments_long"], files["wide"]]
    whole = same_intake_by_batch(paths, _leaves(), register, size, chunk, monkeypatch)
    assert sorted(whole.findings.filter(pl.col("kind") == "unknown-commune")["row"].to_list()) == [2, 4]


def test_a_batched_run_writes_the_unbatched_bytes_with_unknown_communes(files: dict[str, Any], tmp_path: Path) -> None:
    written = []
    for size in (None, 1):
        out = tmp_path / f"size-{size}"
        run_score(
            assessments=[files["assessments_long"], files["wide"]],
            criteria=BUNDLED,
            communes=files["communes"],
            no_survey=True,
            output=out / "results",
            fmt="csv",
            report=out / "report.html",
            date=DATE,
            batch_size=size,
            allow_incomplete=True,
        )
        found = {p.name: p.read_bytes() for p in (out / "results").iterdir()}
        found["report.html"] = (out / "report.html").read_bytes()
        written.append(found)
    assert written[0] == written[1]
    assert b"99999" in written[0]["findings.csv"]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "row 2: commune 99999 is not in the commune register; none of the {n} values of this row was used"),
        ("vi", "hàng 2: xã 99999 không có trong danh sách đơn vị; không dùng {n} giá trị của dòng này"),
    ],
)
def test_the_console_names_each_row_once(files: dict[str, Any], tmp_path: Path, lang: str, said: str) -> None:
    args = [
        "score",
        str(files["wide"]),
        "--criteria",
        str(BUNDLED),
        "--communes",
        str(files["communes"]),
        "--no-survey",
        "--date",
        DATE,
        "--format",
        "csv",
        "-o",
        str(tmp_path / "out"),
        "--lang",
        lang,
    ]
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 1, done.output
    assert done.output.count("[unknown-commune]") == 2
    assert said.format(n=files["filled"][2]) in done.output
