"""What the cases of tests/hostile_sweep15.py answer, and the classes behind them: results of
``pari score`` (a workbook with its summary and about sheets in any language, or a results table
by its header) given as a table to score, to any of the options that take data (the assessments,
--survey, --communes, --appraisal, --lineage), are refused before anything is read (exit 2,
``input-is-results``, naming the file and the option): a pattern such as ``*.xlsx`` in the folder
of an earlier run took in its results, which were read as a form and scored from; a workbook
whose zip parts are compressed with a method other than stored or deflate (bzip2, LZMA, Deflate64,
...) is refused as damaged, naming the part and the method, on every path a workbook is read by
(an input, results for ``pari report``), before anything is inflated.

The cases run as real child processes with a time-out."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from hostile_paths import _summary_frame, fake_results_workbook
from hostile_sweep8 import _examples, _score
from hostile_sweep14 import _workbook
from hostile_sweep15 import CASES, EXPECTED, NOT_WRITTEN, _recompressed
from sweeps import case_tests
from sweeps import sweep_child as _child

from pari_index.outputs.ownership import results_of_pari

(test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,) = case_tests(CASES, EXPECTED, NOT_WRITTEN)


# ---------------------------------------------------------------------------------------------
# Results given back as data


def test_an_earlier_run_s_results_taken_in_by_a_pattern_are_named_with_their_option(tmp_path: Path) -> None:
    """They were read as a second form: "Input rows: 11,728 read, 3,117 used", 5,626 errors, and
    results written from them (exit 1)."""
    args = CASES["results-in-the-pattern"](tmp_path)
    en = _child([*args, "--lang", "en"], tmp_path)
    assert en.returncode == 2, en.stderr
    said = (
        f"error: {tmp_path}/results.xlsx: ASSESSMENTS: this file holds results written by pari score, "
        "not data to score [input-is-results]"
    )
    assert said in en.stderr, en.stderr
    assert "give last year's results with --previous" in en.stderr
    assert en.stderr.count("[input-is-results]") == 1 and "form.xlsx" not in en.stderr
    vi = _child(args, tmp_path)
    assert "TỆP_TỰ_ĐÁNH_GIÁ: tệp này là kết quả do pari score ghi, không phải số liệu để chấm" in vi.stderr, vi.stderr
    assert not (tmp_path / "results-2.xlsx").exists()


@pytest.mark.parametrize("option", ["--survey", "--communes", "--appraisal", "--lineage"])
def test_results_are_refused_under_every_option_of_data(tmp_path: Path, option: str) -> None:
    path = fake_results_workbook(tmp_path, {"criteria_id": "x"})
    args = _score(tmp_path)
    if option in args:
        args[args.index(option) + 1] = str(path)
    else:
        args += [option, str(path)]
    if option == "--lineage":
        args += ["--previous", str(_previous_results(tmp_path))]
    en = _child([*args, "--lang", "en"], tmp_path)
    assert en.returncode == 2, en.stderr
    assert f"results.xlsx: {option}: this file holds results written by pari score" in en.stderr, en.stderr


def _previous_results(folder: Path) -> Path:
    (folder / "last").mkdir()
    return fake_results_workbook(folder / "last", {"criteria_id": "x"})


def test_results_are_still_read_as_previous_results(tmp_path: Path) -> None:
    """--previous takes results: the check is for the options of data only."""
    first = _child(_score(tmp_path, out="last.xlsx"), tmp_path)
    assert first.returncode == 0, first.stderr
    again = _child(_score(tmp_path, "--previous", str(tmp_path / "last.xlsx")), tmp_path)
    assert again.returncode == 0, again.stderr
    assert "input-is-results" not in again.stderr


def test_the_tables_a_run_writes_are_results_and_its_inputs_and_forms_are_not(tmp_path: Path) -> None:
    """Every table of a results folder (by its header), the results workbook, and none of the
    example inputs nor a fill-in form of ``pari template``."""
    done = _child([*_score(tmp_path, "--format", "csv", out="res")], tmp_path)
    assert done.returncode == 0, done.stderr
    tables = sorted(p.name for p in (tmp_path / "res").glob("*.csv") if results_of_pari(p))
    assert tables == ["criteria.csv", "findings.csv", "rows.csv", "summary.csv"]
    form = _child(
        ["template", "--communes", str(tmp_path / "communes.csv"), "-o", str(tmp_path / "form.xlsx")], tmp_path
    )
    assert form.returncode == 0, form.stderr
    inputs = [tmp_path / name for name in ("communes.csv", "assessments_long.csv", "survey.csv", "form.xlsx")]
    assert [results_of_pari(path) for path in inputs] == [False] * 4
    assert results_of_pari(fake_results_workbook(tmp_path, {"criteria_id": "x"}))


def test_a_results_table_with_a_byte_order_mark_and_crlf_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "summary.csv"
    text = _summary_frame().write_csv().replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert results_of_pari(path)


# ---------------------------------------------------------------------------------------------
# Register columns named as the results' columns


def _rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig") as table:
        return list(csv.DictReader(table))


@pytest.mark.parametrize(
    "case",
    [case for case in sorted(CASES) if case.startswith("register-column-") and case != "register-column-commune-code"],
)
def test_a_register_column_named_as_a_results_column_is_left_out_with_a_warning(tmp_path: Path, case: str) -> None:
    """The results are those of the register without it (total points 94.3 for 00124, rank 1),
    and the warning names the column, in the findings and the summary line."""
    done = _child([*_as_csv(CASES[case](tmp_path)), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "A register column named as a results column 1" in done.stderr + done.stdout
    column = next(line for line in (tmp_path / "communes.csv").read_text(encoding="utf-8").splitlines()).split(",")[-1]
    (found,) = [row for row in _rows_of(tmp_path / "res" / "findings.csv") if row["kind"] == "register-column-reserved"]
    assert (found["severity"], found["column"]) == ("warning", column)
    assert (
        found["message"] == f"the register's column «{column}» has the name of a column of the results; it was left out"
    )
    top = next(row for row in _rows_of(tmp_path / "res" / "summary.csv") if row["commune_code"] == "00124")
    assert (top["total_points"], top["index"], top["rank"], top["group"]) == ("94.3", "95.98", "1", "Thành phố Hà Nội")


def test_the_register_s_reserved_names_cover_every_column_of_a_summary(tmp_path: Path) -> None:
    """Every column a run's summary holds besides the register's own is reserved, with last
    year's results and an appraisal (the columns of comparison and adjustment), so that a column
    the results gain later cannot meet a register's column unnoticed."""
    from hostile_sweep8 import EXAMPLES

    from pari_index.intake.register import results_column

    first = _child(_score(tmp_path, "--format", "csv", out="last"), tmp_path)
    assert first.returncode == 0, first.stderr
    appraisal = ["--appraisal", str(EXAMPLES / "appraisal.csv"), "--previous", str(tmp_path / "last")]
    done = _child(_score(tmp_path, "--format", "csv", *appraisal, out="res"), tmp_path)
    assert done.returncode in (0, 1), done.stderr
    header = (tmp_path / "res" / "summary.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    register = ["code", "name", "unit_type", "district", "province", "ranked", "note"]
    assert [column for column in header if column not in register and not results_column(column)] == []
    assert [column for column in ("area_km2", "dân số", "ghi chú", "Index") if results_column(column)] == []


@pytest.mark.parametrize("case", ["group-by-total-points", "group-by-commune-code"])
def test_group_by_takes_only_a_column_of_the_register(tmp_path: Path, case: str) -> None:
    """``--group-by total_points`` ranked each unit alone in a group of its own total, exit 0."""
    en = _child([*CASES[case](tmp_path), "--lang", "en"], tmp_path)
    assert en.returncode == 2, en.stderr
    column = case.removeprefix("group-by-").replace("-", "_")
    said = (
        f"error: cannot rank within «{column}»: it is the name of a column of the results, which the run computes;"
        " a register column of that name (if any) is left out (register-column-reserved), so units cannot be"
        " grouped by it: rename that column, for example to its Vietnamese name"
        " (available: name, type, district, province, ranked, note) [unknown-group-column]"
    )
    assert said in en.stderr, en.stderr


# ---------------------------------------------------------------------------------------------
# Columns named as pari-index's own


@pytest.mark.parametrize(
    ("case", "file", "column"),
    [
        ("internal-column-register", "communes.csv", "_i"),
        ("internal-column-assessments", "assessments_long.csv", "_pos"),
        ("internal-column-survey", "survey.csv", "_pos"),
        ("internal-column-parquet", "assessments.parquet", "_pos"),
    ],
)
def test_a_column_named_as_pari_index_s_own_is_refused_at_the_header(
    tmp_path: Path, case: str, file: str, column: str
) -> None:
    """They were internal errors (exit 70); now the column alone is left out and the rest scored."""
    done = _child([*_as_csv(CASES[case](tmp_path)), "--lang", "en"], tmp_path)
    assert done.returncode == 1, done.stderr
    said = (
        f"error: {tmp_path}/{file} row 1 column «{column}»: column «{column}» has a name pari-index uses "
        "for itself; its values were not read [reserved-column]"
    )
    assert said in done.stderr, done.stderr
    top = next(row for row in _rows_of(tmp_path / "res" / "summary.csv") if row["commune_code"] == "00124")
    assert (top["total_points"], top["rank"]) == ("94.3", "1")


# ---------------------------------------------------------------------------------------------
# Zip methods Excel never writes


@pytest.mark.parametrize(
    ("case", "method"),
    [("zip-bzip2-workbook", "bzip2"), ("zip-lzma-workbook", "LZMA"), ("zip-deflate64-workbook", "Deflate64")],
)
def test_a_workbook_compressed_with_another_method_is_refused_by_name(tmp_path: Path, case: str, method: str) -> None:
    """bzip2 and LZMA were calamine's "Cannot detect file format" (not-a-spreadsheet);
    Deflate64 "NotImplementedError: That compression method is not supported"."""
    args = CASES[case](tmp_path)
    en = _child([*args, "--lang", "en"], tmp_path)
    said = (
        f"error: {tmp_path}/form.xlsx: the part [Content_Types].xml is compressed with {method}, "
        "which Excel never writes and which cannot be read [xlsx-damaged]"
    )
    assert said in en.stderr, en.stderr
    assert "Cannot detect" not in en.stderr and "NotImplementedError" not in en.stderr
    vi = _child(args, tmp_path)
    assert f"phần [Content_Types].xml được nén bằng {method}, cách nén Excel không bao giờ dùng" in vi.stderr


def test_one_part_stored_and_the_rest_deflated_is_still_a_workbook(tmp_path: Path) -> None:
    """Excel stores some parts uncompressed (stored): both of its methods are read."""
    form = _workbook(tmp_path / "form.xlsx", {})
    with zipfile.ZipFile(form) as package:
        parts = [(info, package.read(info.filename)) for info in package.infolist()]
    with zipfile.ZipFile(form, "w") as package:
        for i, (info, data) in enumerate(parts):
            package.writestr(info.filename, data, zipfile.ZIP_STORED if i % 2 else zipfile.ZIP_DEFLATED)
    _examples(tmp_path)
    done = _child(_score(tmp_path, assessments=form), tmp_path)
    assert done.returncode == 0, done.stderr


def test_an_annex_compressed_with_lzma_is_refused_by_name_on_import(tmp_path: Path) -> None:
    """The annex reader (pari criteria import) goes through the same check."""
    annex = _recompressed(_workbook(tmp_path / "annex.xlsx", {}), zipfile.ZIP_LZMA)
    done = _child(["criteria", "import", str(annex), "-o", str(tmp_path / "draft.yaml"), "--lang", "en"], tmp_path)
    assert "is compressed with LZMA" in done.stderr, done.stderr
    assert done.returncode == 1 and not (tmp_path / "draft.yaml").exists()


# ---------------------------------------------------------------------------------------------
# Cases that already answered well: what they read


def _as_csv(args: list[str]) -> list[str]:
    at = args.index("-o")
    return [*args[:at], "-o", str(Path(args[at + 1]).with_name("res")), *args[at + 2 :], "--format", "csv"]


def test_a_percentage_cell_is_read_as_the_percentage_it_shows(tmp_path: Path) -> None:
    done = _child(_as_csv(CASES["well-xlsx-percent-cell"](tmp_path)), tmp_path)
    assert done.returncode == 0, done.stderr
    with (tmp_path / "res" / "criteria.csv").open(encoding="utf-8-sig") as table:
        row = next(r for r in csv.DictReader(table) if (r["commune_code"], r["criterion_id"]) == ("00001", "3.4.2"))
    assert (row["final_score"], row["inputs"]) == ("1.17", "digitised=77.8")


def test_a_title_block_above_the_header_leaves_every_row_read(tmp_path: Path) -> None:
    done = _child([*CASES["well-title-block"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Input rows: 3,849 read, 3,849 used, 0 rejected" in done.stderr + done.stdout
