"""Excel's separator hint: a first line "sep=;" before the header. Read as the header it named the
columns "sep=" and "", and the refusal said every row was too long; from session 9 to 35 it was
refused as csv-separator-line («delete the first line»), though Excel opens such a file as the table
it is. Since session 36 it is read as Excel reads it, a blank line above the headings (row numbers
stay a text editor's), wherever pari-index reads a CSV file; a file of the line alone is still
refused as one."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.errors import EXIT_INTERNAL
from pari_index.intake.csv_input import read_csv_bytes

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_BODY = (EXAMPLES / "assessments_long.csv").read_bytes()[:2000].rsplit(b"\n", 1)[0] + b"\n"


@pytest.mark.parametrize(
    ("first", "declared"),
    [
        (b"sep=,", None),
        (b"sep=;", "«;»"),
        (b"SEP=\t", "Tab"),
        (b'"sep=,"', None),
        (b"sep=,,,,", None),
        (b"\xef\xbb\xbfsep=;", "«;»"),
        (b"sep=,\r", None),
    ],
)
def test_a_separator_line_is_read_as_a_blank_line_above_the_headings(first: bytes, declared: str | None) -> None:
    """The table is read at its column names' separator; a line naming another (the body is
    separated by commas) is told, as Excel shows such a file as another table (session 38)."""
    plain = read_csv_bytes(_BODY, "f.csv")
    result = read_csv_bytes(first + b"\n" + _BODY, "f.csv")
    if declared is None:
        assert result.problems == []
    else:
        [told] = result.problems
        assert (told.code, told.severity, told.row) == ("csv-separator-line-differs", "warning", 1)
        assert (told.params["declared"], told.params["delimiter"]) == (declared, "«,»")
    [sheet] = result.sheets
    [expected] = plain.sheets
    assert sheet.frame.columns == expected.frame.columns
    assert sheet.frame.drop("_row").rows() == expected.frame.drop("_row").rows()
    # Row numbers a text editor shows: the header is line 2, the first row line 3.
    assert sheet.frame["_row"].to_list() == [r + 1 for r in expected.frame["_row"].to_list()]
    assert sheet.header_row == expected.header_row + 1


@pytest.mark.parametrize("data", [b"sep=;", b"sep=;\n", b"sep=;\r\n\r\n", b"\xef\xbb\xbfsep=,\n  \n"])
def test_a_separator_line_alone_is_refused_as_one(data: bytes) -> None:
    result = read_csv_bytes(data, "f.csv")
    assert result.sheets == []
    [problem] = result.problems
    assert problem.code == "csv-separator-line" and problem.row == 1


@pytest.mark.parametrize("line", [b"sep=|", b"sep=", b"sep= ", b'"sep=|"', b"sep=:"])
def test_a_separator_line_naming_a_separator_pari_does_not_split_at_is_refused_as_one(line: bytes) -> None:
    """Excel splits the rows at «|»; pari does not: read as a blank line, the table was one column
    and refused as «row 1 has no column names», the line itself being row 1 (review of session
    36). Refused as what it is, at row 1."""
    body = _BODY.replace(b",", b"|") if b"|" in line else _BODY
    result = read_csv_bytes(line + b"\n" + body, "f.csv")
    assert result.sheets == []
    assert [(p.code, p.row) for p in result.problems] == [("csv-separator-line", 1)]


@pytest.mark.parametrize("header", [b"sepal,b", b"separator=1,b", b"code,sep=x"])
def test_a_header_that_only_looks_like_one_is_read(header: bytes) -> None:
    result = read_csv_bytes(header + b"\n1,2\n", "f.csv")
    assert result.problems == [] and result.sheets[0].frame.height == 1


def _summary(folder: Path) -> list[dict[str, str]]:
    with (folder / "summary.csv").open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def _score(tmp_path: Path, communes: Path, survey: Path, out: str) -> None:
    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(communes), "--survey", str(survey)]
    result = CliRunner().invoke(main, [*args, "--format", "csv", "-q", "-o", str(tmp_path / out)])
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output


def test_a_run_over_files_with_the_line_gives_the_plain_files_results(tmp_path: Path) -> None:
    for name in ("survey.csv", "communes.csv"):
        path = tmp_path / name
        with (EXAMPLES / name).open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write("sep=;\r\n")
            csv.writer(handle, delimiter=";").writerows(rows)
    _score(tmp_path, tmp_path / "communes.csv", tmp_path / "survey.csv", "hinted")
    _score(tmp_path, EXAMPLES / "communes.csv", EXAMPLES / "survey.csv", "plain")
    assert _summary(tmp_path / "hinted") == _summary(tmp_path / "plain")


def test_a_file_of_the_line_alone_stops_the_run_naming_it(tmp_path: Path) -> None:
    (tmp_path / "communes.csv").write_bytes(b"sep=;\r\n")
    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(tmp_path / "communes.csv")]
    result = CliRunner().invoke(main, [*args, "--lang", "en", "-o", str(tmp_path / "out.xlsx")])
    assert result.exit_code not in (0, EXIT_INTERNAL) and "Traceback" not in result.output
    assert "row 1: the first line (sep=;) is a hint for Excel" in result.output, result.output
    assert "[csv-separator-line]" in result.output and "communes.csv" in result.output
    assert not (tmp_path / "out.xlsx").exists()


@pytest.mark.parametrize(
    ("above", "header_row"), [(b"sep=,\n", 2), (b"sep=,\r\n", 2), (b"\n", 2), (b"\n\n", 3), (b"\n\n\n", 4), (b"", 1)]
)
def test_a_ragged_row_is_told_against_the_header_s_own_row(above: bytes, header_row: int) -> None:
    """The headings below Excel's separator line or blank lines: a row of more cells than they
    have is told at a text editor's line, against the headings' line (until the review of
    session 36, «the header (row 1)» whatever line 1 was)."""
    lines = _BODY.split(b"\n")
    lines[2] += b",extra"
    result = read_csv_bytes(above + b"\n".join(lines), "f.csv")
    [problem] = result.problems
    assert (problem.code, problem.row) == ("csv-syntax", header_row + 2)
    assert (problem.params or {})["header_row"] == str(header_row)
    assert f"but the header (row {header_row}) has" in problem.message
