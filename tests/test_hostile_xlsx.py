"""Hostile Excel workbooks (issue 12, class 4): each is refused before calamine reads it.

The workbooks are built with zipfile in the tests (see tests/hostile_xlsx.py); none is committed.
A refusal that failed would not fail politely: calamine would take gigabytes or abort the test
process, so these tests also guard the machine they run on.
"""

from __future__ import annotations

import random
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path
from typing import Any

import hostile_xlsx as H
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pari_index.cli import main
from pari_index.errors import IntakeError, UsageError
from pari_index.intake import xlsx
from pari_index.intake.tables import read_table_file
from pari_index.intake.xlsx import package

EXPECTED: dict[str, str] = {
    "xlsx-cell-at-XFD1048576": "sheet-too-sparse",
    "xlsx-cell-at-ZZ200000": "sheet-too-sparse",
    "xlsx-deflate-bomb": "xlsx-compression-ratio",
    "xlsx-huge-shared-string": "xlsx-compression-ratio",
    "xlsx-16384-columns": "sheet-too-wide",
    # Cells never closed: calamine's own error, reached quickly (the old regexes took a minute).
    "xlsx-namespaced-error-cells": "sheet-unreadable",
    "xlsx-malformed-cell-tags": "sheet-unreadable",
    "xlsx-lying-zip-header": "xlsx-damaged",
    "xlsx-long-shared-string": "cell-too-long",
    "xlsx-long-inline-cell": "cell-too-long",
    "xlsx-100000-columns-without-references": "sheet-too-wide",
    "xlsx-far-cell-other-prefix": "sheet-too-sparse",
    "xlsx-million-cells-without-references": "sheet-too-large",
    "xlsx-one-part-1000-sheets": "xlsx-too-many-cells",
    "xlsx-3000-sheets": "xlsx-too-many-sheets",
    # quick-xml (calamine) expands no entity declared in a DOCTYPE: the sheet is unreadable.
    "xlsx-entity-bomb": "sheet-unreadable",
    "xlsx-external-entity": "sheet-unreadable",
}


def test_every_registered_case_has_an_expected_code() -> None:
    assert set(EXPECTED) == set(H.CASES)


@pytest.mark.parametrize("case", sorted(H.CASES))
def test_hostile_workbook_is_refused_through_the_cli(case: str, tmp_path: Path) -> None:
    argv = H.CASES[case](tmp_path)
    assert Path(argv[1]).stat().st_size < 5 * 1024**2
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == 1, result.output
    assert f"[{EXPECTED[case]}]" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out.xlsx").exists()
    # No value of the file is echoed at length.
    assert max(len(line) for line in result.output.splitlines()) < 600


def _refusal(path: Path) -> Any:
    with pytest.raises(IntakeError) as caught:
        read_table_file(path)
    (problem,) = caught.value.problems
    return problem


def _sheets_of_12_cells(path: Path, listed: list[tuple[str, int]]) -> Path:
    """Parts of 3 rows x 4 columns (a 12-cell grid each), listed as ``listed`` says."""
    parts = {n: H.sheet_xml(H.data_rows(2)) for n in {part for _, part in listed}}
    return H.write_sheets(path, listed, parts)


@pytest.mark.parametrize(
    ("listed", "refused"),
    [
        pytest.param([("a", 1)], False, id="one-sheet-12-cells"),
        pytest.param([("a", 1), ("b", 1)], True, id="one-part-listed-twice-24-cells"),
        pytest.param([("a", 1), ("b", 2)], True, id="two-parts-24-cells"),
    ],
)
def test_the_cells_of_all_sheets_are_counted_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, listed: list[tuple[str, int]], refused: bool
) -> None:
    monkeypatch.setenv("PARI_MAX_XLSX_CELLS", "20")
    path = _sheets_of_12_cells(tmp_path / "book.xlsx", listed)
    if not refused:
        assert read_table_file(path).sheets[0].frame.height == 2
        return
    problem = _refusal(path)
    assert (problem.code, problem.sheet) == ("xlsx-too-many-cells", "b")
    assert "20" in problem.message


@pytest.mark.parametrize(("sheets", "refused"), [(2, False), (3, True)])
def test_the_sheets_a_workbook_lists_are_limited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sheets: int, refused: bool
) -> None:
    monkeypatch.setenv("PARI_MAX_XLSX_SHEETS", "2")
    path = _sheets_of_12_cells(tmp_path / "book.xlsx", [(f"s{i}", i + 1) for i in range(sheets)])
    if not refused:
        assert len(read_table_file(path).sheets) == 2
        return
    problem = _refusal(path)
    assert problem.code == "xlsx-too-many-sheets"
    assert problem.params == {"count": 3, "limit": 2}


def test_an_external_entity_is_never_read(tmp_path: Path) -> None:
    argv = H.external_entity(tmp_path)
    result = CliRunner().invoke(main, argv)
    assert result.exit_code == 1 and "root:" not in result.output


def test_deflate_bomb_as_a_real_process(tmp_path: Path) -> None:
    argv = H.deflate_bomb(tmp_path, gigabytes=1.0)
    proc = subprocess.run([sys.executable, "-m", "pari_index.cli", *argv], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "[xlsx-compression-ratio]" in proc.stdout + proc.stderr


def test_far_cell_is_located(tmp_path: Path) -> None:
    H.one_cell_at("ZZ200000")(tmp_path)
    problem = _refusal(tmp_path / "cell-ZZ200000.xlsx")
    assert (problem.code, problem.sheet, problem.row) == ("sheet-too-sparse", "data", 200_000)
    assert "A1:ZZ200000" in problem.message
    assert problem.file.endswith("cell-ZZ200000.xlsx")


def test_a_stray_cell_within_limits_is_read(tmp_path: Path) -> None:
    """A value typed far below the table (a 60,000-cell range for 6 values) is read as usual."""
    rows = H.header_row() + '<row r="2">' + H.inline("A2", "00001") + "</row>"
    rows += '<row r="15000">' + H.inline("D15000", "x") + "</row>"
    path = H.write_package(tmp_path / "stray.xlsx", H.sheet_xml(rows))
    (sheet,) = read_table_file(path).sheets
    assert sheet.frame["_row"].to_list() == [2, 15_000]


# --------------------------------------------------------------------------------------------
# Limits raised and lowered by environment variables


def _small_sheet(tmp_path: Path, rows: int = 5, name: str = "small.xlsx") -> Path:
    cells = ["".join(H.inline(f"{c}{r}", f"{c}{r}") for c in "ABCD") for r in range(2, rows + 1)]
    body = H.header_row() + "".join(f'<row r="{r}">{xml}</row>' for r, xml in enumerate(cells, start=2))
    return H.write_package(tmp_path / name, H.sheet_xml(body))


@pytest.mark.parametrize(
    ("variable", "value", "code"),
    [
        ("PARI_MAX_XLSX_CELLS", "10", "sheet-too-large"),
        ("PARI_MAX_XLSX_COLUMNS", "3", "sheet-too-wide"),
        ("PARI_MAX_XLSX_BYTES", "1000", "xlsx-too-large"),
    ],
)
def test_limits_follow_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, code: str
) -> None:
    path = _small_sheet(tmp_path)
    assert read_table_file(path).sheets  # read under the defaults
    monkeypatch.setenv(variable, value)
    problem = _refusal(path)
    assert problem.code == code
    assert variable in (problem.hint or "")


def test_the_same_cell_written_over_and_over_is_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A one-cell range written 2,000 times: calamine holds every copy before building the grid.
    Since the fourteenth sweep a cell written twice is refused as such (xlsx-damaged, naming the
    cell: calamine keeps only the last value) before the count passes the limit."""
    body = H.header_row() + '<row r="2">' + '<c r="A2"><v>1</v></c>' * 2_000 + "</row>"
    path = H.write_package(tmp_path / "same.xlsx", H.sheet_xml(body))
    monkeypatch.setenv("PARI_MAX_XLSX_CELLS", "1000")
    problem = _refusal(path)
    assert (problem.code, problem.sheet, problem.params["ref"]) == ("xlsx-damaged", "data", "A2")


def test_ratio_limit_can_be_raised_for_a_genuine_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 3 MB of the same row: compresses far better than real data does.
    body = H.header_row() + "".join(f'<row r="{r}">{H.inline(f"A{r}", "00001")}</row>' for r in range(2, 40_000))
    path = H.write_package(tmp_path / "repetitive.xlsx", H.sheet_xml(body))
    monkeypatch.setenv("PARI_MAX_XLSX_RATIO", "5")
    assert read_table_file(path).sheets[0].frame.height == 39_998  # 3 MB: within the allowance
    monkeypatch.setattr(package, "RATIO_ALLOWANCE_BYTES", 1024**2)
    assert _refusal(path).code == "xlsx-compression-ratio"
    monkeypatch.setenv("PARI_MAX_XLSX_RATIO", "100000")
    assert read_table_file(path).sheets[0].frame.height == 39_998


def test_parts_over_the_ratio_share_one_allowance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two sheets that each fit the allowance alone are refused together: the allowance bounds the
    bytes a small file inflates to, not the bytes of each part."""
    body = H.header_row() + "".join(f'<row r="{r}">{H.inline(f"A{r}", "00001")}</row>' for r in range(2, 40_000))
    path = H.write_package(
        tmp_path / "two.xlsx", H.sheet_xml(body), extra={"xl/worksheets/sheet2.xml": H.sheet_xml(body).encode()}
    )
    one = zipfile.ZipFile(path).getinfo("xl/worksheets/sheet2.xml").file_size
    monkeypatch.setenv("PARI_MAX_XLSX_RATIO", "5")
    monkeypatch.setattr(package, "RATIO_ALLOWANCE_BYTES", one + 1)
    problem = _refusal(path)
    assert problem.code == "xlsx-compression-ratio" and problem.params is not None
    assert problem.params["allowance"] == one + 1 and problem.params["limit"] == 5
    monkeypatch.setattr(package, "RATIO_ALLOWANCE_BYTES", 2 * one + 1)
    assert read_table_file(path).sheets[0].frame.height == 39_998


def test_shared_strings_are_counted_and_measured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    items = "".join(f"<si><t>{word}</t></si>" for word in H.HEADER)
    shared = f'<sst xmlns="{H.MAIN_NS}">{items}</sst>'
    cells = "".join(f'<c r="{col}1" t="s"><v>{i}</v></c>' for i, col in enumerate("ABCD"))
    path = H.write_package(tmp_path / "shared.xlsx", H.sheet_xml(f'<row r="1">{cells}</row>'), shared_strings=shared)
    assert [sheet.frame.width for sheet in read_table_file(path).sheets] == [7]  # 4 columns + _row, _file, _sheet
    monkeypatch.setenv("PARI_MAX_XLSX_STRINGS", "3")
    assert _refusal(path).code == "too-many-strings"
    monkeypatch.delenv("PARI_MAX_XLSX_STRINGS")
    monkeypatch.setenv("PARI_MAX_XLSX_TEXT_BYTES", "20")
    assert _refusal(path).code == "xlsx-too-much-text"


@pytest.mark.parametrize("value", ["lots", "0", "-5", "1e9"])
def test_a_bad_limit_value_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    path = _small_sheet(tmp_path)
    monkeypatch.setenv("PARI_MAX_XLSX_CELLS", value)
    with pytest.raises(UsageError) as caught:
        read_table_file(path)
    assert caught.value.problems[0].code == "bad-limit"
    assert caught.value.exit_code == 2


# --------------------------------------------------------------------------------------------
# The package


def test_duplicate_part_names_are_refused(tmp_path: Path) -> None:
    path = _small_sheet(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate it is asked to write
        with zipfile.ZipFile(path, "a") as package:
            package.writestr("xl/worksheets/sheet1.xml", H.sheet_xml(""))
    problem = _refusal(path)
    assert problem.code == "xlsx-damaged"
    assert "sheet1.xml" in problem.message


def test_too_many_parts(tmp_path: Path) -> None:
    extra = {f"xl/media/x{i}.bin": b"" for i in range(xlsx.MAX_XLSX_MEMBERS)}
    path = H.write_package(tmp_path / "parts.xlsx", H.sheet_xml(H.header_row()), extra=extra)
    assert _refusal(path).code == "xlsx-too-many-parts"


def test_xml_without_any_cell_end_is_refused_while_streaming(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bomb let past the ratio check (the user raised it) is still stopped while inflating."""
    monkeypatch.setenv("PARI_MAX_XLSX_RATIO", "1000000")
    H.deflate_bomb(tmp_path, gigabytes=0.05)
    problem = _refusal(tmp_path / "bomb.xlsx")
    assert (problem.code, problem.file) == ("xlsx-damaged", str(tmp_path / "bomb.xlsx"))
    assert "without the end of a cell" in problem.message


def test_lying_zip_header(tmp_path: Path) -> None:
    H.lying_header(tmp_path, megabytes=20)
    problem = _refusal(tmp_path / "lying.xlsx")
    assert problem.code == "xlsx-damaged"


def test_lying_header_on_any_part(tmp_path: Path) -> None:
    """Every part is inflated and counted once, not only the ones the scan reads: calamine may
    read others (styles, a second spelling of sharedStrings.xml), and this one is read by neither."""
    path = _small_sheet(tmp_path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/theme/theme1.xml", b" " * (20 * 1024**2))
    H.set_declared_size(path, "xl/theme/theme1.xml", 1024)
    problem = _refusal(path)
    assert problem.code == "xlsx-damaged"
    assert "theme1.xml" in problem.message


# --------------------------------------------------------------------------------------------
# Cell text


def _one_text_cell(tmp_path: Path, text: str) -> Path:
    rows = H.header_row() + '<row r="2">' + H.inline("C2", text) + "</row>"
    return H.write_package(tmp_path / "text.xlsx", H.sheet_xml(rows))


@pytest.mark.parametrize("unit", ["a", "ệ", "&amp;", "😀"])
def test_cell_length_is_excel_limit_in_characters(tmp_path: Path, unit: str) -> None:
    """32,767 characters (an entity is one, a multi-byte letter is one) are read; one more is refused."""
    (sheet,) = read_table_file(_one_text_cell(tmp_path, unit * xlsx.MAX_CELL_CHARS)).sheets
    assert len(sheet.frame["input"][0]) == xlsx.MAX_CELL_CHARS
    problem = _refusal(_one_text_cell(tmp_path, unit * (xlsx.MAX_CELL_CHARS + 1)))
    assert (problem.code, problem.sheet) == ("cell-too-long", "data")
    assert "C2" in problem.message and "32,768" in problem.message


def test_rich_text_runs_are_added_up(tmp_path: Path) -> None:
    runs = "".join(f"<r><t>{'x' * 10_000}</t></r>" for _ in range(4))
    rows = H.header_row() + f'<row r="2"><c r="B2" t="inlineStr"><is>{runs}</is></c></row>'
    problem = _refusal(H.write_package(tmp_path / "runs.xlsx", H.sheet_xml(rows)))
    assert problem.code == "cell-too-long"
    assert "B2" in problem.message


def test_long_shared_string_is_refused_without_echoing_it(tmp_path: Path) -> None:
    H.long_shared_string(tmp_path, chars=200_000)
    problem = _refusal(tmp_path / "long-shared.xlsx")
    assert problem.code == "cell-too-long"
    assert "shared string 1 " in problem.message
    assert len(problem.render()) < 400


def test_formula_text_in_a_finding_is_cut(tmp_path: Path) -> None:
    formula = "1+" * 4_000 + "1"
    rows = H.header_row() + f'<row r="2">{H.inline("A2", "00001")}<c r="D2"><f>{formula}</f></c></row>'
    result = read_table_file(H.write_package(tmp_path / "f.xlsx", H.sheet_xml(rows)))
    (finding,) = [p for p in result.problems if p.code == "formula-without-value"]
    assert finding.row == 2 and finding.field == "value"
    assert len(finding.message) < 400


def test_error_cells_past_the_first_thousand_are_counted(tmp_path: Path) -> None:
    body = "".join(
        f'<x:row r="{r}"><x:c r="A{r}" t="inlineStr"><x:is><x:t>00001</x:t></x:is></x:c>'
        f'<x:c r="D{r}" t="e"><x:v>#N/A</x:v></x:c></x:row>'
        for r in range(2, 1_502)
    )
    path = H.write_package(tmp_path / "errors.xlsx", H.sheet_xml(H.header_row("x") + body, prefix="x"))
    problems = [p for p in read_table_file(path).problems if p.code == "excel-error-cell"]
    assert len(problems) == xlsx.MAX_CELL_FINDINGS + 1
    assert problems[0].row == 2 and problems[0].field == "value" and "#N/A" in problems[0].message
    assert problems[-1].message.startswith("500 more cells")


# --------------------------------------------------------------------------------------------
# The scan: the same answers whatever way valid XML is written, and only Problems on garbage

Cell = tuple[int, int, str]  # row, column, kind


@st.composite
def sheets(draw: st.DrawFn) -> list[Cell]:
    coords = draw(st.lists(st.tuples(st.integers(1, 300), st.integers(1, 40)), min_size=1, max_size=40, unique=True))
    kinds = st.sampled_from(["number", "text", "error", "formula", "saved-formula", "percent", "empty"])
    return sorted((row, col, draw(kinds)) for row, col in coords)


def _cell_xml(row: int, col: int, kind: str, p: str, rng: random.Random | None) -> str:
    ref = f"{xlsx._column_letters(col)}{row}"
    attrs = {"r": ref}
    content = ""
    if kind == "number":
        content = f"<{p}v>{row * col}</{p}v>"
    elif kind == "text":
        attrs["t"] = "inlineStr"
        content = f"<{p}is><{p}t>t{row}</{p}t></{p}is>"
    elif kind == "error":
        attrs["t"] = "e"
        content = f"<{p}v>#DIV/0!</{p}v>"
    elif kind == "formula":
        content = f"<{p}f>SUM(A1:A{row})</{p}f>"
    elif kind == "saved-formula":
        content = f"<{p}f>1+{col}</{p}f><{p}v>{1 + col}</{p}v>"
    elif kind == "percent":
        attrs["s"] = "1"
        content = f"<{p}v>0.5</{p}v>"
    if rng is None:
        text = "".join(f' {k}="{v}"' for k, v in attrs.items())
    else:  # attributes in any order, either quote, any whitespace between them
        items = list(attrs.items())
        rng.shuffle(items)
        text = "".join(
            f"{rng.choice([' ', '  ', chr(10), chr(9)])}{k}={q}{v}{q}"
            for (k, v), q in ((item, rng.choice(['"', "'"])) for item in items)
        )
    if not content:
        return f"<{p}c{text}/>"
    return f"<{p}c{text}>{content}</{p}c>"


def _sheet(cells: list[Cell], prefix: str, rng: random.Random | None) -> bytes:
    p = f"{prefix}:" if prefix else ""
    rows: dict[int, list[str]] = {}
    for row, col, kind in cells:
        rows.setdefault(row, []).append(_cell_xml(row, col, kind, p, rng))
    body = "".join(f'<{p}row r="{row}">{"".join(xml)}</{p}row>' for row, xml in sorted(rows.items()))
    merge = f'<{p}mergeCells count="1"><{p}mergeCell ref="A1:B1"/></{p}mergeCells>'
    return H.sheet_xml(body, prefix=prefix, after=merge).encode()


def _summary(info: Any) -> tuple[Any, ...]:
    return (
        info.first_row,
        info.first_col,
        info.min_row,
        info.min_col,
        info.last_row,
        info.last_col,
        info.filled,
        sorted(info.errors),
        sorted(info.formulas),
        sorted(info.percent_cells),
        info.merged,
    )


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(cells=sheets(), prefix=st.sampled_from(["", "x", "ns0"]), seed=st.integers(0, 2**32))
def test_scan_is_the_same_however_the_xml_is_written(cells: list[Cell], prefix: str, seed: int) -> None:
    plain = xlsx._scan_sheet_xml(_sheet(cells, "", None), {1})
    variant = xlsx._scan_sheet_xml(_sheet(cells, prefix, random.Random(seed)), {1})
    assert _summary(variant) == _summary(plain)
    # And the plain scan is right.
    filled = [(r, c) for r, c, kind in cells if kind != "empty"]
    assert plain.filled == len(filled)
    assert (plain.min_row, plain.last_row) == (min(r for r, _, _ in cells), max(r for r, _, _ in cells))
    assert (plain.min_col, plain.last_col) == (min(c for _, c, _ in cells), max(c for _, c, _ in cells))
    assert sorted((r, c) for r, c, _ in plain.errors) == [(r, c) for r, c, k in cells if k == "error"]
    assert sorted((r, c) for r, c, _ in plain.formulas) == [(r, c) for r, c, k in cells if k == "formula"]
    assert sorted(plain.percent_cells) == [(r, c) for r, c, k in cells if k == "percent"]
    assert plain.merged == ["A1:B1"]
    if filled:
        assert plain.first_row == filled[0][0]
        assert plain.first_col == min(c for _, c in filled)


def _ref(row: int, col: int) -> str:
    return f"{xlsx._column_letters(col)}{row}"


def _cells_without_references(cells: list[Cell]) -> bytes:
    """The same cells written without r on cells (and on every other row), empty cells filled
    in between: calamine's positional rules must give the same places."""
    rows: dict[int, dict[int, str]] = {}
    for row, col, kind in cells:
        rows.setdefault(row, {})[col] = kind
    body = ""
    previous = 0
    for row, by_col in sorted(rows.items()):
        attr = "" if row == previous + 1 and row % 2 else f' r="{row}"'
        xml = "".join(
            _cell_xml(row, col, by_col.get(col, "empty"), "", None).replace(f' r="{_ref(row, col)}"', "")
            for col in range(1, max(by_col) + 1)
        )
        body += f"<row{attr}>{xml}</row>"
        previous = row
    return H.sheet_xml(body).encode()


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(cells=sheets())
def test_cells_without_references_are_placed_as_calamine_places_them(cells: list[Cell]) -> None:
    info = xlsx._scan_sheet_xml(_cells_without_references(cells), {1})
    filled = [(r, c) for r, c, kind in cells if kind != "empty"]
    assert info.filled == len(filled)
    assert info.last_row == max(r for r, _, _ in cells)
    assert sorted((r, c) for r, c, _ in info.errors) == [(r, c) for r, c, k in cells if k == "error"]
    assert sorted(info.percent_cells) == [(r, c) for r, c, k in cells if k == "percent"]


_GARBAGE_TOKENS = [
    "<c",
    "<x:c",
    "</c>",
    "</x:c>",
    "<row",
    "</row>",
    ' r="A1"',
    " r='XFD1048576'",
    ' r="A"',
    ' r="&#65;1"',
    ' t="e"',
    ' s="1"',
    ">",
    "/>",
    "<v>",
    "</v>",
    "<f>",
    "</f>",
    "<is><t>",
    "</t></is>",
    '<mergeCell ref="A1:B2"/>',
    '<dimension ref="A1:XFD1048576"/>',
    "x",
    " ",
    "<",
    '<!-- <c r="A1"> -->',
    "<![CDATA[<c>]]>",
    "é",
    "\x00",
]


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(tokens=st.lists(st.sampled_from(_GARBAGE_TOKENS), max_size=80), raw=st.binary(max_size=200))
def test_scan_of_garbage_raises_nothing_but_a_refusal(tokens: list[str], raw: bytes) -> None:
    for data in ("".join(tokens).encode(), raw, H.sheet_xml("".join(tokens)).encode()):
        try:
            xlsx._scan_sheet_xml(data, {1})
        except xlsx._Refused as refused:
            assert refused.problem.code in {"bad-cell-reference", "xlsx-damaged", "cell-too-long", "sheet-too-large"}


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(tokens=st.lists(st.sampled_from(_GARBAGE_TOKENS), max_size=60))
def test_garbage_sheet_in_a_package_gives_problems_only(tmp_path: Path, tokens: list[str]) -> None:
    path = H.write_package(tmp_path / "garbage.xlsx", H.sheet_xml(H.header_row() + "".join(tokens)))
    try:
        result = read_table_file(path)
    except IntakeError as error:
        assert error.exit_code == 1 and error.problems
    else:
        assert all(p.file == str(path) for p in result.problems)
