"""Results read back (pari report, pari explain, --previous) must hold what pari score wrote: a
table missing, a unit twice in the summary, or a table with rows deleted or added after the run is
``results-damaged`` (exit 1), located at its table, in either language. Before, a summary trimmed
in Excel was ranked as if its units were all, and findings deleted from a workbook left a clean
report (outputs/results_checks.check_whole)."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.errors import IntakeError
from pari_index.outputs.results import read_results

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
INPUTS = [
    str(EXAMPLES / "assessments_long.csv"),
    "--communes",
    str(EXAMPLES / "communes.csv"),
    "--appraisal",
    str(EXAMPLES / "appraisal.csv"),
    "--survey",
    str(EXAMPLES / "survey.csv"),
]
#: Sheet titles of a workbook by its language, in the order pari writes them.
SHEETS = {
    "vi": ["Tổng hợp", "Tiêu chí", "Phát hiện", "Dòng đầu vào", "Thông tin"],
    "en": ["Summary", "Criteria", "Findings", "Input rows", "About"],
}


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("results")
    made = {}
    for lang in ("vi", "en"):
        out = folder / lang / "results.xlsx"
        done = CliRunner().invoke(main, ["score", *INPUTS, "-o", str(out), "--lang", lang, "-q"])
        assert done.exit_code == 0, done.output
        made[lang] = out
    return made


def _edited(source: Path, folder: Path, edit: str, sheet: int) -> Path:
    book = openpyxl.load_workbook(source)
    sheets = book.worksheets
    if edit == "delete-rows":
        sheets[sheet].delete_rows(2, 3)
    elif edit == "add-row":
        sheets[sheet].append([cell.value for cell in sheets[sheet][2]])
    elif edit == "drop-sheet":
        book.remove(sheets[sheet])
    path = folder / f"{edit}-{sheet}.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_untouched_results_are_read(workbooks: dict[str, Path], lang: str) -> None:
    tables = read_results(workbooks[lang])
    about = dict(tables["about"].select("key", "value").iter_rows())
    assert int(about["communes"]) == tables["summary"].height == 60
    assert tables["criteria"].height == 60 * int(about["scored_items"])
    assert int(about["findings_rows"]) == tables["findings"].height > 0
    assert int(about["input_rows"]) == tables["rows"].height > 0


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("sheet", [0, 1, 2, 3])
@pytest.mark.parametrize("edit", ["delete-rows", "add-row"])
def test_rows_deleted_or_added_after_the_run_are_refused(
    workbooks: dict[str, Path], tmp_path: Path, lang: str, sheet: int, edit: str
) -> None:
    path = _edited(workbooks[lang], tmp_path, edit, sheet)
    with pytest.raises(IntakeError) as info:
        read_results(path)
    (problem,) = info.value.problems
    assert problem.code == "results-damaged"
    assert problem.sheet == SHEETS[lang][sheet]
    if edit == "add-row" and sheet == 0:  # a summary row copied: the unit is named twice
        assert problem.params["results_problem"] == "unit_twice"
        assert problem.row == 62
    else:
        written, found = int(problem.params["written"]), int(problem.params["found"])
        assert problem.params["results_problem"] == "rows_changed"
        assert found == written + (1 if edit == "add-row" else -3)


@pytest.mark.parametrize("sheet", [0, 1, 2, 3])
def test_a_missing_table_is_refused_naming_it(workbooks: dict[str, Path], tmp_path: Path, sheet: int) -> None:
    path = _edited(workbooks["en"], tmp_path, "drop-sheet", sheet)
    with pytest.raises(IntakeError) as info:
        read_results(path)
    (problem,) = info.value.problems
    if sheet == 0:  # no summary at all: not results
        assert problem.code == "not-results"
        return
    assert (problem.code, problem.params["results_problem"]) == ("results-damaged", "table_missing")
    # By the table's id, rendered in the output's language (the workbook has no such sheet).
    assert problem.params["missing_table"] == ("summary", "criteria", "findings", "rows", "about")[sheet]
    assert f"the results have no {SHEETS['en'][sheet]} table" in problem.message


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "bảng Tổng hợp có 57 dòng, nhưng lệnh chấm điểm đã ghi 60 dòng: dòng đã bị xóa hoặc thêm sau khi chấm"),
        ("en", "the Summary table has 57 rows, but pari score wrote 60: rows were deleted or added after the run"),
    ],
)
def test_report_explain_and_previous_refuse_a_trimmed_summary(
    workbooks: dict[str, Path], tmp_path: Path, lang: str, said: str
) -> None:
    path = _edited(workbooks[lang], tmp_path, "delete-rows", 0)
    runs = [
        ["report", str(path), "-o", str(tmp_path / "r.html")],
        ["explain", "00001", "--results", str(path)],
        ["score", *INPUTS, "--previous", str(path), "-o", str(tmp_path / "new.xlsx")],
    ]
    for args in runs:
        done = CliRunner().invoke(main, [*args, "--lang", lang])
        assert done.exit_code == 1, done.output
        assert said in done.output and "[results-damaged]" in done.output, done.output
        assert "Traceback" not in done.output
    assert not (tmp_path / "r.html").exists() and not (tmp_path / "new.xlsx").exists()


def test_a_results_folder_with_a_table_cut_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "res"
    done = CliRunner().invoke(main, ["score", *INPUTS, "-o", str(out), "--format", "parquet", "-q"])
    assert done.exit_code == 0, done.output
    assert read_results(out)["findings"].height > 10
    findings = pl.read_parquet(out / "findings.parquet")
    findings.filter(pl.col("severity") != "warning").write_parquet(out / "findings.parquet")
    with pytest.raises(IntakeError) as info:
        read_results(out)
    (problem,) = info.value.problems
    assert (problem.sheet, problem.params["results_problem"]) == ("findings", "rows_changed")
    shutil.rmtree(out)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "hạng 60 với chỉ số 99,5, sau đơn vị «{other}» hạng 59 với chỉ số {other_index}: thứ hạng không theo"),
        ("en", "60 with an index of 99.5, after unit «{other}» ranked 59 with {other_index}: the ranks do not follow"),
    ],
)
def test_an_index_typed_over_to_lift_a_unit_is_refused(
    workbooks: dict[str, Path], tmp_path: Path, lang: str, said: str
) -> None:
    """The last unit's index typed over with 99.5: its rank no longer follows its index."""
    summary = read_results(workbooks[lang])["summary"].sort("rank")
    last, before = summary.row(-1, named=True), summary.row(-2, named=True)
    book = openpyxl.load_workbook(workbooks[lang])
    sheet = book.worksheets[0]
    headings = [cell.value for cell in sheet[1]]
    index_column = headings.index("Chỉ số (%)" if lang == "vi" else "Index (%)") + 1
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 2).value == last["commune_code"])
    sheet.cell(row, index_column).value = 99.5
    path = tmp_path / "lifted.xlsx"
    book.save(path)
    done = CliRunner().invoke(main, ["report", str(path), "-o", str(tmp_path / "r.html"), "--lang", lang])
    assert done.exit_code == 1, done.output
    other_index = f"{before['index']:.2f}".rstrip("0").rstrip(".")
    other_index = other_index.replace(".", ",") if lang == "vi" else other_index  # the decimal mark
    assert said.format(other=before["commune_code"], other_index=other_index) in done.output, done.output
    assert f"{sheet.title}] " in done.output and str(row) in done.output
    assert not (tmp_path / "r.html").exists()


def test_codes_that_lost_their_leading_zeros_are_refused(tmp_path: Path) -> None:
    """A CSV summary opened and saved in a spreadsheet program: 00001 became 1. The report showed
    every unit without its details, exit 0; now the tables' codes are found not to agree."""
    out = tmp_path / "res"
    done = CliRunner().invoke(main, ["score", *INPUTS, "-o", str(out), "--format", "csv", "-q"])
    assert done.exit_code == 0, done.output
    summary = pl.read_csv(out / "summary.csv", infer_schema=False)
    summary.with_columns(pl.col("commune_code").str.strip_chars_start("0")).write_csv(out / "summary.csv")
    for lang, said in (
        ("en", "the summary table names unit «1», of which the criteria table has no row (60 such units)"),
        ("vi", "bảng summary có đơn vị «1» mà bảng criteria không có dòng nào (60 đơn vị như vậy)"),
    ):
        done = CliRunner().invoke(main, ["report", str(out), "-o", str(tmp_path / "r.html"), "--lang", lang])
        assert done.exit_code == 1, done.output
        assert said in done.output and "[results-damaged]" in done.output, done.output
    assert not (tmp_path / "r.html").exists()


def test_a_table_saved_again_in_the_computers_code_page_is_named_so(tmp_path: Path) -> None:
    """A CSV summary saved again in Windows-1258 (as Excel on a Vietnamese Windows does) was "cannot
    read this table (invalid utf-8 sequence)", not-results, with the hint to give pari's results."""
    out = tmp_path / "res"
    done = CliRunner().invoke(main, ["score", *INPUTS, "-o", str(out), "--format", "csv", "-q"])
    assert done.exit_code == 0, done.output
    text = (out / "summary.csv").read_text(encoding="utf-8")
    (out / "summary.csv").write_bytes(text.encode("cp1258", errors="replace"))
    with pytest.raises(IntakeError) as info:
        read_results(out)
    (problem,) = info.value.problems
    assert (problem.code, problem.params["results_problem"]) == ("results-damaged", "not_utf8")
    assert problem.file == str(out / "summary.csv")
    done = CliRunner().invoke(main, ["report", str(out), "-o", str(tmp_path / "r.html")])
    assert "không phải văn bản UTF-8 như lệnh chấm điểm ghi" in done.output and done.exit_code == 1


def _kept(source: Path, folder: Path, sheets: list[int]) -> Path:
    """The workbook with only ``sheets`` kept (the others deleted in the spreadsheet program)."""
    book = openpyxl.load_workbook(source)
    for index, sheet in reversed(list(enumerate(book.worksheets))):
        if index not in sheets:
            book.remove(sheet)
    path = folder / f"kept-{'-'.join(map(str, sheets))}.xlsx"
    book.save(path)
    return path


def _changes(path: Path) -> list[tuple[object, ...]]:
    columns = ["commune_code", "previous_rank", "previous_index", "rank_change", "index_change", "previous_note"]
    return read_results(path)["summary"].select(columns).sort("commune_code").rows()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_last_year_s_summary_sheet_alone_is_compared_as_the_whole_workbook(
    workbooks: dict[str, Path], tmp_path: Path, lang: str
) -> None:
    """A ranking passed on as its summary sheet alone (the other sheets deleted) gives last year's
    ranks and indices as the whole workbook does (session 34: refused as damaged, "score again"),
    while the report and explain, which need every table, still refuse it."""
    summary_only = _kept(workbooks[lang], tmp_path, [0])
    compared = {}
    for name, previous in (("whole", workbooks[lang]), ("summary", summary_only)):
        out = tmp_path / f"{name}.xlsx"
        done = CliRunner().invoke(main, ["score", *INPUTS, "--previous", str(previous), "-o", str(out), "-q"])
        assert done.exit_code == 0, done.output
        compared[name] = _changes(out)
    assert compared["summary"] == compared["whole"]
    # Said, as what nothing left could check (the rows and year of the run that wrote it).
    kinds = read_results(tmp_path / "summary.xlsx")["findings"].filter(pl.col("kind") == "previous-summary-alone")
    assert kinds.select("severity", "file").rows() == [("warning", str(summary_only))]
    assert not read_results(tmp_path / "whole.xlsx")["findings"]["kind"].is_in(["previous-summary-alone"]).any()
    assert sum(row[1] is not None for row in compared["whole"]) == 60  # every unit compared
    for args in (
        ["report", str(summary_only), "-o", str(tmp_path / "r.html")],
        ["explain", "00001", "--results", str(summary_only)],
    ):
        done = CliRunner().invoke(main, [*args, "--lang", "en"])
        assert done.exit_code == 1 and "[results-damaged]" in done.output, done.output
        assert "the results have no Criteria table" in done.output
    assert not (tmp_path / "r.html").exists()


def test_last_year_s_summary_kept_with_its_about_sheet_is_still_checked_for_its_year(
    workbooks: dict[str, Path], tmp_path: Path
) -> None:
    """The about sheet kept beside the summary still tells the year: results of a later year are
    refused, and a summary trimmed after the run still is, by the count the about sheet keeps."""
    kept = _kept(workbooks["en"], tmp_path, [0, 4])
    out = tmp_path / "new.xlsx"
    done = CliRunner().invoke(main, ["score", *INPUTS, "--year", "2024", "--previous", str(kept), "-o", str(out)])
    assert done.exit_code == 2 and "[previous-later-year]" in done.output, done.output
    book = openpyxl.load_workbook(kept)
    book.worksheets[0].delete_rows(2, 3)
    book.save(kept)
    done = CliRunner().invoke(main, ["score", *INPUTS, "--previous", str(kept), "-o", str(out), "--lang", "en"])
    assert done.exit_code == 1 and "[results-damaged]" in done.output and "has 57 rows" in done.output, done.output
    assert not out.exists()


@pytest.mark.parametrize("ext", ["csv", "parquet"])
def test_last_year_s_summary_table_alone_is_compared_as_its_folder_is(tmp_path: Path, ext: str) -> None:
    """The summary table of a results folder handed on alone (``--previous summary.csv``): a folder
    holding it alone was compared, the file itself refused as "a CSV file is no results file" until
    session 35. Now compared as the whole folder is, with the warning that nothing left could check
    it; inside its results folder (``about`` beside it) it is still told to give the folder, and
    report and explain still refuse it."""
    folder = tmp_path / "last"
    done = CliRunner().invoke(main, ["score", *INPUTS, "--format", ext, "-o", str(folder), "-q"])
    assert done.exit_code == 0, done.output
    alone = tmp_path / f"summary.{ext}"
    shutil.copyfile(folder / f"summary.{ext}", alone)
    compared = {}
    for name, previous in (("folder", folder), ("alone", alone), ("inside", folder / f"summary.{ext}")):
        out = tmp_path / f"{name}.xlsx"
        done = CliRunner().invoke(main, ["score", *INPUTS, "--previous", str(previous), "-o", str(out), "--lang", "en"])
        if name == "inside":
            assert done.exit_code == 1 and f"give the folder {folder}" in done.output, done.output
            continue
        assert done.exit_code == 0, done.output
        compared[name] = _changes(out)
    assert compared["alone"] == compared["folder"]
    assert sum(row[1] is not None for row in compared["alone"]) == 60
    said = read_results(tmp_path / "alone.xlsx")["findings"].filter(pl.col("kind") == "previous-summary-alone")
    assert said.select("severity", "file").rows() == [("warning", str(alone))]
    done = CliRunner().invoke(main, ["report", str(alone), "-o", str(tmp_path / "r.html"), "--lang", "en"])
    assert done.exit_code == 1 and "[not-results]" in done.output, done.output
    pl.DataFrame({"a": ["1"], "b": ["2"]}).write_csv(tmp_path / "other.csv")
    done = CliRunner().invoke(
        main, ["score", *INPUTS, "--previous", str(tmp_path / "other.csv"), "-o", str(tmp_path / "x.xlsx")]
    )
    # A table holding no unit's result is no summary (review of session 35: it was "has no column
    # commune_code: the results are damaged").
    assert done.exit_code == 1 and "tệp CSV không phải tệp kết quả" in done.output, done.output
