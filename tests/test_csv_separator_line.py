"""Excel's separator hint: a first line "sep=;" before the header. Read as the header it named the
columns "sep=" and "", and the refusal said every row was too long; it is refused as what it is, in
both languages, wherever pari-index reads a CSV file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.errors import EXIT_INTERNAL
from pari_index.intake.csv_input import read_csv_bytes

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize(
    "first",
    [b"sep=,", b"sep=;", b"SEP=\t", b'"sep=,"', b"sep=,,,,", b"\xef\xbb\xbfsep=;", b"sep=,\r"],
)
def test_a_separator_line_is_refused_as_one(first: bytes) -> None:
    data = first + b"\n" + (EXAMPLES / "assessments_long.csv").read_bytes()[:2000].rsplit(b"\n", 1)[0] + b"\n"
    result = read_csv_bytes(data, "f.csv")
    assert result.sheets == []
    [problem] = result.problems
    assert problem.code == "csv-separator-line" and problem.row == 1
    assert problem.params["line"].lower().lstrip('\ufeff"').startswith("sep=")


@pytest.mark.parametrize("header", [b"sepal,b", b"separator=1,b", b"code,sep=x"])
def test_a_header_that_only_looks_like_one_is_read(header: bytes) -> None:
    result = read_csv_bytes(header + b"\n1,2\n", "f.csv")
    assert result.problems == [] and result.sheets[0].frame.height == 1


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("vi", "hàng 1: dòng đầu (sep=;) là dòng chỉ định dấu phân cách cho Excel"),
        ("en", "row 1: the first line (sep=;) is a hint for Excel, not the table's header"),
    ],
)
def test_the_run_stops_naming_the_line_in_its_language(tmp_path: Path, lang: str, words: str) -> None:
    for name in ("survey.csv", "communes.csv"):
        path = tmp_path / name
        path.write_bytes(b"sep=;\r\n" + (EXAMPLES / name).read_bytes().replace(b",", b";"))
    args = [
        "score",
        str(EXAMPLES / "assessments_long.csv"),
        "--communes",
        str(tmp_path / "communes.csv"),
        "--survey",
        str(tmp_path / "survey.csv"),
        "--lang",
        lang,
        "-o",
        str(tmp_path / "out.xlsx"),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code not in (0, EXIT_INTERNAL) and "Traceback" not in result.output
    assert words in result.output and "[csv-separator-line]" in result.output, result.output
    assert "communes.csv" in result.output
    assert not (tmp_path / "out.xlsx").exists()
