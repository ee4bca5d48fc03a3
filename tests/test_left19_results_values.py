"""Results read back hold the values pari score wrote: the about table records a digest of the
values of the summary, criteria and findings tables (outputs/results_digest), and a table whose
values were edited after the run is ``results-damaged`` naming it (outputs/results_checks).
Before, an item score or a total typed over within the rounding, a class changed or a finding's
text edited gave a report with exit 0. Opening a workbook and saving it untouched keeps it readable,
and results written before the digests are read as before."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.errors import IntakeError
from pari_index.outputs.results import read_results
from pari_index.outputs.results_digest import (
    DIGESTED,
    FILE_DIGESTED,
    digest_key,
    file_digest_key,
    table_digest,
    values_digest,
)

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
SHEETS = {
    "vi": {"summary": "Tổng hợp", "criteria": "Tiêu chí", "findings": "Phát hiện"},
    "en": {"summary": "Summary", "criteria": "Criteria", "findings": "Findings"},
}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("values")
    made = {}
    for name, options in {
        "vi": ["-o", str(folder / "vi.xlsx")],
        "en": ["-o", str(folder / "en.xlsx"), "--lang", "en"],
        "csv": ["-o", str(folder / "csv"), "--format", "csv"],
        "parquet": ["-o", str(folder / "parquet"), "--format", "parquet"],
    }.items():
        done = CliRunner().invoke(main, ["score", *INPUTS, *options, "-q"])
        assert done.exit_code == 0, done.output
        made[name] = Path(options[1])
    return made


def _refused(path: Path) -> dict[str, object]:
    with pytest.raises(IntakeError) as info:
        read_results(path)
    (problem,) = info.value.problems
    assert (problem.code, problem.params["results_problem"]) == ("results-damaged", "values_changed")
    return {"sheet": problem.sheet, "table": problem.params["table"], "file": problem.file}


def _file_changed(folder: Path) -> str:
    """The file of a Parquet results folder refused as written again since the run."""
    with pytest.raises(IntakeError) as info:
        read_results(folder)
    (problem,) = info.value.problems
    assert (problem.code, problem.params["results_problem"]) == ("results-damaged", "file_changed")
    return Path(problem.file or "").name


@pytest.mark.parametrize("form", ["vi", "en", "csv"])
def test_the_about_table_records_each_tables_digest(written: dict[str, Path], form: str) -> None:
    tables = read_results(written[form])
    about = dict(tables["about"].select("key", "value").iter_rows())
    for name in DIGESTED:
        assert about[digest_key(name)] == values_digest(name, tables[name])
        assert len(about[digest_key(name)]) == 64


def test_a_parquet_folder_records_its_files_digests_not_its_values(written: dict[str, Path]) -> None:
    """A Parquet file's bytes fix its values: the SHA-256 of each file stands for the values
    digests (0.5 CPU s nationally on writing, and on every reading)."""
    folder = written["parquet"]
    about = dict(read_results(folder)["about"].select("key", "value").iter_rows())
    assert not any(digest_key(name) in about for name in DIGESTED)
    for name in FILE_DIGESTED:
        assert about[file_digest_key(name)] == hashlib.sha256((folder / f"{name}.parquet").read_bytes()).hexdigest()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_workbook_opened_and_saved_untouched_is_read(written: dict[str, Path], tmp_path: Path, lang: str) -> None:
    # openpyxl writes the package again as another program does: shared strings for inline text,
    # numbers and dates as it read them.
    saved = tmp_path / "saved.xlsx"
    openpyxl.load_workbook(written[lang]).save(saved)
    assert read_results(saved)["summary"].height == 60
    done = CliRunner().invoke(main, ["report", str(saved), "-o", str(tmp_path / "r.html"), "--lang", lang])
    assert done.exit_code == 0, done.output


def _cell(sheet: openpyxl.worksheet.worksheet.Worksheet, heading: str, row: int) -> openpyxl.cell.Cell:
    column = next(c.column for c in sheet[1] if c.value == heading)
    return sheet.cell(row=row, column=column)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("table", ["summary", "criteria", "findings"])
def test_a_value_typed_over_in_a_workbook_is_refused_naming_its_sheet(
    written: dict[str, Path], tmp_path: Path, lang: str, table: str
) -> None:
    book = openpyxl.load_workbook(written[lang])
    sheet = book[SHEETS[lang][table]]
    if table == "summary":  # the first unit's class to the next one down: ranks still follow the index
        cell = _cell(sheet, "Xếp loại" if lang == "vi" else "Class", 2)
        assert cell.value in ("Xuất sắc", "Excellent")
        cell.value = "Tốt" if lang == "vi" else "Good"
    elif table == "criteria":  # an item's final score, by less than the rounding of the totals
        cell = _cell(sheet, "Điểm cuối" if lang == "vi" else "Final score", 3)
        cell.value = float(cell.value) + 0.004
    else:  # a finding's text
        cell = _cell(sheet, "Nội dung" if lang == "vi" else "Message", 2)
        cell.value = str(cell.value) + "."
    path = tmp_path / "edited.xlsx"
    book.save(path)
    assert _refused(path) == {"sheet": SHEETS[lang][table], "table": SHEETS[lang][table], "file": str(path)}


def test_a_total_changed_within_the_rounding_in_a_csv_is_refused(written: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    shutil.copytree(written["csv"], folder)
    summary = folder / "summary.csv"
    lines = summary.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    cells = lines[1].split(",")
    at = header.index("total_points")
    cells[at] = f"{float(cells[at]) + 0.003:.3f}"  # totals match item sums only to 0.005
    lines[1] = ",".join(cells)
    summary.write_text("".join(lines), encoding="utf-8-sig")
    assert _refused(folder)["table"] == "summary"


def test_a_parquet_folder_sorted_again_is_refused(written: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "parquet"
    shutil.copytree(written["parquet"], folder)
    findings = pl.read_parquet(folder / "findings.parquet")
    findings.reverse().write_parquet(folder / "findings.parquet")
    assert _file_changed(folder) == "findings.parquet"


def test_the_criteria_table_s_scores_and_statuses_are_digested_not_its_free_texts(
    written: dict[str, Path], tmp_path: Path
) -> None:
    """The criteria table's free texts (worded by pari, or copied from the inputs) are left out of
    its values digest (results_digest.LEFT_OUT: 0.8 of its 1.3 CPU seconds nationally); its
    scores, statuses and rule branches are in it. A Parquet folder records its files' SHA-256 as
    well (since session 24), which a free text changed there does not pass."""
    criteria = pl.read_parquet(written["parquet"] / "criteria.parquet")
    texts = criteria.with_columns(pl.lit("sửa tay").alias("explanation"))
    assert values_digest("criteria", texts) == values_digest("criteria", criteria)
    folder = tmp_path / "parquet"
    shutil.copytree(written["parquet"], folder)
    texts.write_parquet(folder / "criteria.parquet")
    assert _file_changed(folder) == "criteria.parquet"
    status = pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("not_assessed")).otherwise(pl.col("status"))
    criteria.with_columns(status.alias("status")).write_parquet(folder / "criteria.parquet")
    assert _file_changed(folder) == "criteria.parquet"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_report_explain_and_previous_refuse_an_edited_class(
    written: dict[str, Path], tmp_path: Path, lang: str
) -> None:
    folder = tmp_path / "csv"
    shutil.copytree(written["csv"], folder)
    summary = folder / "summary.csv"
    text = summary.read_text(encoding="utf-8-sig")
    assert ",Xuất sắc,Excellent," in text
    summary.write_text(text.replace(",Xuất sắc,Excellent,", ",Tốt,Good,", 1), encoding="utf-8-sig")
    runs = [
        ["report", str(folder), "-o", str(tmp_path / "r.html")],
        ["explain", "--results", str(folder), "00001"],
        ["score", *INPUTS, "--previous", str(folder), "-o", str(tmp_path / "new.xlsx")],
    ]
    said = {
        "vi": "giá trị của bảng summary không còn là giá trị lệnh chấm điểm đã ghi",
        "en": "the values of the summary table are not those pari score wrote",
    }[lang]
    for args in runs:
        done = CliRunner().invoke(main, [*args, "--lang", lang])
        assert done.exit_code == 1, (args, done.output)
        assert "results-damaged" in done.output and said in done.output, done.output
        assert "Traceback" not in done.output
    assert not (tmp_path / "r.html").exists() and not (tmp_path / "new.xlsx").exists()


def test_results_written_before_the_digests_are_read_as_before(written: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    shutil.copytree(written["csv"], folder)
    about = pl.read_csv(folder / "about.csv", infer_schema=False)
    keys = [digest_key(name) for name in DIGESTED]
    assert about["key"].is_in(keys).sum() == 3
    about.filter(~pl.col("key").is_in(keys)).write_csv(folder / "about.csv", include_bom=True)
    summary = folder / "summary.csv"
    text = summary.read_text(encoding="utf-8-sig")
    summary.write_text(text.replace(",Xuất sắc,Excellent,", ",Tốt,Good,", 1), encoding="utf-8-sig")
    # No digest: no word either (earlier results are read as they were).
    assert read_results(folder)["summary"]["class"][0] == "Tốt"
    done = CliRunner().invoke(main, ["report", str(folder), "-o", str(tmp_path / "r.html")])
    assert done.exit_code == 0, done.output


def test_the_digest_reads_text_as_a_workbook_gives_it_back() -> None:
    written = pl.DataFrame(
        {
            "commune_code": ["00001", "00002"],
            "total_points": [43.0, 0.20000000000000018],
            "rank": [1, 2],
            "ranked": [True, False],
            "message": ["=SUM(A1)", "line\rnext\x07"],
            "population": ["0243", "12"],
        }
    )
    read_back = pl.DataFrame(
        {
            "commune_code": ["00001", "00002"],
            "total_points": ["43", "0.2"],  # 43.0 read as a whole number, 17 digits written as 15
            "rank": [1, 2],
            "ranked": ["true", "false"],
            "message": ["'=SUM(A1)", "linenext\ufffd"],  # the apostrophe against formulas, no CR, U+FFFD
            "population": [243, 12],  # read as numbers: not a text column
        }
    )
    assert table_digest(written) == table_digest(read_back) == table_digest(written.lazy())
    assert table_digest(written) != table_digest(read_back.with_columns(pl.Series("rank", [2, 1])))
    assert table_digest(written) != table_digest(read_back.with_columns(commune_code=pl.lit("1")))
