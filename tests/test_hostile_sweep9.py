"""What the cases of tests/hostile_sweep9.py answer, and the classes behind them: every name Windows
keeps for a device is refused as an output, a merged range over empty cells is no finding while
one that hides a value still is, the CSV files beside a results workbook are replaced only when
pari-index wrote them, and a file too large to hold in memory is read as the file it measured."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from hostile_sweep8 import XLSX_ROWS, _example_csv, _score
from hostile_sweep9 import CASES, EXPECTED
from hypothesis import example, given
from hypothesis import strategies as st
from sweeps import run_in_process as _run

from pari_index.outputs.ownership import written_by_pari
from pari_index.outputs.path_names import windows_reason
from pari_index.outputs.results import read_results

runner = CliRunner()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {os.fsdecode(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", sorted(c for c in CASES if c.startswith("owner-")))
def test_a_refused_output_answers_its_code_and_writes_nothing(tmp_path: Path, case: str) -> None:
    args = CASES[case](tmp_path)
    before = _snapshot(tmp_path)
    status, code, kept = EXPECTED[case]
    exit_code, output = _run(*args)
    assert exit_code == status, output
    assert f"[{code}]" in output
    after = _snapshot(tmp_path)
    assert after == before and all(name in after for name in kept)
    assert not any(".pari-" in name for name in os.listdir(tmp_path))


# -- Windows device names, as a class --------------------------------------------------------

_DEVICES = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"] + [
    f"{port}{n}" for port in ("COM", "LPT") for n in "0123456789¹²³"
]


@example(device="CONIN$", upper=[True] * 7, spaces="", extension="")
@example(device="CONOUT$", upper=[False] * 7, spaces=" ", extension=".xlsx")
@example(device="COM²", upper=[False] * 7, spaces="", extension=".")
@given(
    device=st.sampled_from(_DEVICES),
    upper=st.lists(st.booleans(), min_size=7, max_size=7),
    spaces=st.text(alphabet=" ", max_size=3),
    extension=st.sampled_from(["", ".xlsx", ".tar.gz", ".", ". .csv", ".html"]),
)
def test_every_windows_device_name_is_refused_in_any_case_and_with_any_extension(
    device: str, upper: list[bool], spaces: str, extension: str
) -> None:
    """CONIN$ and CONOUT$ were let through: the class is every device name, in any case, with
    spaces before any extension (Windows drops them) or a final dot."""
    cased = "".join(c.upper() if up else c.lower() for c, up in zip(device, upper, strict=False)) + device[7:]
    found = windows_reason(cased + spaces + extension)
    assert found == ("device", cased)


@pytest.mark.parametrize("name", ["CONIN", "CONINS.xlsx", "console.xlsx", "COM10.csv", "LPT.csv", "x.CON", "NULL"])
def test_names_that_only_start_like_a_device_are_kept(name: str) -> None:
    assert windows_reason(name) is None


def test_the_hint_names_the_console_devices_in_both_languages(tmp_path: Path) -> None:
    for lang in ("vi", "en"):
        code, output = _run("template", "-o", tmp_path / "conout$.xlsx", "--lang", lang)
        assert code == 4 and "[output-name-not-portable]" in output and "CONIN$, CONOUT$" in output
        assert ("«conout$» là tên thiết bị trên Windows" in output) == (lang == "vi")


# -- Merged ranges that hide no value ---------------------------------------------------------


@pytest.mark.parametrize("case", ["xlsx-merged-beside-and-below", "xlsx-instructions-sheet-decomposed"])
def test_a_workbook_reads_as_the_same_rows_in_csv(tmp_path: Path, case: str) -> None:
    """Merged ranges over empty cells are no finding; instructions sheets named in another form
    are passed over; every row of the data is scored, as the same rows in CSV are."""
    exit_code, output = _run(*CASES[case](tmp_path))
    assert exit_code == 0, output
    findings = read_results(tmp_path / "out.xlsx")["findings"]
    assert findings.filter(pl.col("severity") == "error").height == 0
    assert "merged-cells" not in findings["kind"].to_list()
    rows = read_results(tmp_path / "out.xlsx")["rows"]
    workbook = rows.filter(pl.col("file").str.ends_with(".xlsx"))
    assert workbook.height == XLSX_ROWS - 1 and workbook["status"].unique().to_list() == ["scored"]
    same = tmp_path / "same"
    same.mkdir()
    assert _run(*_score(same, assessments=_example_csv(same)))[0] == 0
    summary = read_results(tmp_path / "out.xlsx")["summary"]
    assert summary.equals(read_results(same / "out.xlsx")["summary"])


@pytest.mark.parametrize(
    ("merge", "found"),
    [
        ("A2:A3", [2]),  # the commune code over two rows: the second reads empty
        ("$A$2:$A$3", [2]),  # absolute references, as some generators write them
        ("C2:C3", []),  # the input column, empty in both rows: nothing hidden
        ("E5:F9", []),  # beside the table
        ("A9:D12", []),  # below it
        ("A1:B1", [1]),  # over the header: a column name hidden
    ],
)
def test_a_merged_range_is_a_finding_when_its_first_cell_holds_a_value(
    tmp_path: Path, merge: str, found: list[int]
) -> None:
    from hostile_xlsx import inline, sheet_xml, write_package

    from pari_index.intake.tables import read_table_file

    rows = [["commune_code", "criterion_id", "input", "value"], ["00001", "1.2.1", "", "3"], ["", "1.2.3", "", "có"]]
    xml = "".join(
        f'<row r="{r}">'
        + "".join(inline(f"{'ABCD'[c]}{r}", text) for c, text in enumerate(row) if text)
        + (f'<c r="D{r + 5}" s="1"/>' if r == 3 else "")  # a styled empty cell further down
        + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    after = f'<mergeCells count="1"><mergeCell ref="{merge}"/></mergeCells>'
    result = read_table_file(write_package(tmp_path / "m.xlsx", sheet_xml(xml, after=after)))
    assert [p.row for p in result.problems if p.code == "merged-cells"] == found


# -- The CSV files beside a results workbook ----------------------------------------------------


def test_the_tables_of_results_as_csv_are_pari_s_own(tmp_path: Path) -> None:
    """What ownership knows of the results tables agrees with what a run writes, in both languages."""
    for lang in ("vi", "en"):
        args = _score(tmp_path, "--format", "csv", "--lang", lang, out=f"res-{lang}")
        assert _run(*args)[0] == 0
        for table in ("summary", "criteria", "findings", "rows"):
            assert written_by_pari(tmp_path / f"res-{lang}" / f"{table}.csv"), table


def test_an_overflow_csv_pari_wrote_is_replaced_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pari_index.outputs import results

    monkeypatch.setattr(results, "XLSX_MAX_ROWS", 100)  # the criteria table overflows its sheet
    for _ in range(2):
        code, output = _run(*_score(tmp_path))
        assert code == 0, output
    assert written_by_pari(tmp_path / "out.criteria.csv")
    assert pl.read_csv(tmp_path / "out.criteria.csv").height > 100


# -- A file over SNAPSHOT_BYTES, replaced while it is read ------------------------------------------


def test_a_large_results_workbook_replaced_while_it_is_read_is_read_as_measured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hostile_xlsx import sheet_xml, write_package

    from pari_index.errors import IntakeError
    from pari_index.intake import sheet
    from pari_index.outputs import results

    assert _run(*_score(tmp_path))[0] == 0
    bomb = write_package(tmp_path / "bomb.xlsx", sheet_xml("<row/>" * 2_000_000), sheet_name="summary")
    monkeypatch.setattr(sheet, "SNAPSHOT_BYTES", 0)
    measure = results._measure_workbook

    def measured_then_replaced(*args: object) -> object:
        cells = measure(*args)  # type: ignore[arg-type]
        if bomb.exists():
            os.replace(bomb, tmp_path / "out.xlsx")
        return cells  # (the measure of each sheet bounds its rows: results._check_sheet_rows)

    monkeypatch.setattr(results, "_measure_workbook", measured_then_replaced)
    try:
        tables = results.read_results(tmp_path / "out.xlsx")
    except IntakeError as error:  # the replacement read (it has no about sheet)
        raise AssertionError(error.problems) from None
    assert not bomb.exists() and tables["summary"].height == 60


# -- Evidence files named in another Unicode form ----------------------------------------------


def test_evidence_named_decomposed_on_disk_is_found_as_when_composed(tmp_path: Path) -> None:
    from hostile_sweep9 import _named_evidence

    code, output = _run(*CASES["evidence-names-decomposed"](tmp_path))
    assert code == 0, output
    findings = read_results(tmp_path / "out.xlsx")["findings"]
    assert not findings.filter(pl.col("kind").str.starts_with("evidence-file")).height
    same = tmp_path / "nfc"
    same.mkdir()
    assert _run(*_score(same, "--evidence-dir", str(_named_evidence(same, "NFC"))))[0] == 0
    for sheet in ("summary", "criteria"):
        ours = read_results(tmp_path / "out.xlsx")[sheet]
        assert ours.equals(read_results(same / "out.xlsx")[sheet]), sheet


@pytest.mark.parametrize(
    ("on_disk", "written", "state"),
    [
        ("Kế hoạch.pdf", "Kế hoạch.pdf", "ok"),
        ("Hồ sơ/Kế hoạch.pdf", "Hồ sơ/Kế hoạch.pdf", "ok"),
        ("Kế hoạch.pdf", "Ke hoach.pdf", "file_not_found"),  # another name, not another form
        ("Hồ sơ", "Hồ sơ", "not_a_file"),
        ("../Kế hoạch.pdf", "../Kế hoạch.pdf", "outside_evidence_dir"),
    ],
)
def test_an_evidence_name_is_matched_composed_not_respelled(
    tmp_path: Path, on_disk: str, written: str, state: str
) -> None:
    import unicodedata

    from pari_index.intake.evidence_files import check_evidence_file

    root = tmp_path / "root"
    target = root / unicodedata.normalize("NFD", on_disk)
    target.parent.mkdir(parents=True, exist_ok=True)
    if state == "not_a_file":
        target.mkdir()
    else:
        target.write_bytes(b"%PDF\n%%EOF\n")
    assert check_evidence_file(root.resolve(), unicodedata.normalize("NFC", written))[0] == state


# -- Counts a workbook declares, that calamine trusts ----------------------------------------------


def test_a_workbook_declaring_billions_of_strings_is_refused_not_a_crash(tmp_path: Path) -> None:
    code, output = _run(*CASES["xlsx-declared-4e9-strings"](tmp_path))
    assert code == 1 and "[too-many-strings]" in output, output


@pytest.mark.parametrize(("declared", "limit", "refused"), [(3, 3, False), (4, 3, True), (3, 2, True)])
def test_the_strings_a_workbook_declares_are_held_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, declared: int, limit: int, refused: bool
) -> None:
    from hostile_xlsx import MAIN_NS, sheet_xml, write_package

    from pari_index.errors import IntakeError
    from pari_index.intake.tables import read_table_file

    monkeypatch.setenv("PARI_MAX_XLSX_STRINGS", str(limit))
    items = "".join(f"<si><t>{t}</t></si>" for t in ("commune_code", "criterion_id", "value"))
    shared = f'<x:sst xmlns:x="{MAIN_NS}" uniqueCount = "{declared}">{items}</x:sst>'.replace("<si>", "<x:si>")
    shared = shared.replace("</si>", "</x:si>").replace("<t>", "<x:t>").replace("</t>", "</x:t>")
    cells = "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate("ABC"))
    path = write_package(tmp_path / "s.xlsx", sheet_xml(f'<row r="1">{cells}</row>'), shared_strings=shared)
    if not refused:
        assert {"commune_code", "criterion_id", "value"} <= set(read_table_file(path).sheets[0].frame.columns)
        return
    with pytest.raises(IntakeError) as info:
        read_table_file(path)
    assert [p.code for p in info.value.problems] == ["too-many-strings"]


# -- OpenDocument spreadsheets: repeated rows and cells --------------------------------------------


def test_an_ods_of_a_row_repeated_a_million_times_is_refused_before_calamine(tmp_path: Path) -> None:
    code, output = _run(*CASES["ods-million-repeated-rows"](tmp_path), "--lang", "en")
    assert code == 1, output
    # Refused at the repeated row's first cell, after the example rows' ten cells each.
    written, held = XLSX_ROWS * 10 + 1, XLSX_ROWS * 10 + 1_000_000
    assert f"the sheet repeats {written:,} cells into {held:,}" in output
    assert "[sheet-too-large]" in output and "repeated.ods [data] row 301" in output
    code, output = _run(*CASES["ods-million-repeated-rows"](tmp_path), "--lang", "vi")
    assert f"trang tính lặp lại {written:,} ô thành {held:,} ô".replace(",", ".") in output


def test_an_ods_as_libreoffice_writes_it_reads_as_the_same_rows_in_csv(tmp_path: Path) -> None:
    """Every row and every sheet ends with empty cells repeated to the edge: not counted."""
    from hostile_sweep9 import ods_example_rows, write_ods

    path = write_ods(tmp_path / "a.ods", ods_example_rows())
    assert _run(*_score(tmp_path, assessments=path))[0] == 0
    same = tmp_path / "same"
    same.mkdir()
    assert _run(*_score(same, assessments=_example_csv(same)))[0] == 0
    summary = read_results(tmp_path / "out.xlsx")["summary"]
    assert summary.equals(read_results(same / "out.xlsx")["summary"])


@pytest.mark.parametrize(
    ("rows", "code"),
    [
        ([(["00001", "1.1.1", "", "có"], 100)], None),  # a little repetition is read
        ([(["00001", "1.1.1", "", "có"], 60_000)], "sheet-too-large"),  # 240,000 cells from 4
        ([(["x"] * 3, 1), (["y"], 190_000)], None),  # 190,000 from 8: under the floor (200,000)
    ],
)
def test_repeated_cells_with_content_are_held_to_the_ratio(
    tmp_path: Path, rows: list[tuple[list[str], int]], code: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ratio of an .ods's repeated cells, with PARI_MAX_REPEATED_ROWS raised: 190,000 equal
    rows are past that limit since session 38 (the next test)."""
    from hostile_sweep9 import ods_cell, ods_row, write_ods

    from pari_index.errors import IntakeError
    from pari_index.intake.tables import read_table_file

    monkeypatch.setenv("PARI_MAX_REPEATED_ROWS", "1000000")
    body = ods_row([ods_cell(t) for t in ("commune_code", "criterion_id", "input", "value")])
    body += "".join(ods_row([ods_cell(t) for t in cells], repeated=times) for cells, times in rows)
    path = write_ods(tmp_path / "a.ods", body)
    if code is None:
        assert read_table_file(path).sheets[0].frame.height == sum(times for _, times in rows)
        return
    with pytest.raises(IntakeError) as info:
        read_table_file(path)
    assert [p.code for p in info.value.problems] == [code]


def test_an_ods_row_repeated_190_000_times_is_past_the_repeated_rows_limit(tmp_path: Path) -> None:
    """Under the repeated cells' floor, but 190,000 rows repeating the first «y»: the table is not
    read (``too-many-repeated-rows``, repeats38), the rest of the file told as such."""
    from hostile_sweep9 import ods_cell, ods_row, write_ods

    from pari_index.intake.tables import read_table_file

    body = ods_row([ods_cell(t) for t in ("commune_code", "criterion_id", "input", "value")])
    body += ods_row([ods_cell("x")] * 3) + ods_row([ods_cell("y")], repeated=190_000)
    read = read_table_file(write_ods(tmp_path / "a.ods", body))
    assert read.sheets == []
    told = [p for p in read.problems if p.code == "too-many-repeated-rows"]
    assert len(told) == 1 and told[0].params["repeats"] == 189_999


@pytest.mark.parametrize(
    ("cells", "code"),
    [
        (['<table:table-cell table:number-columns-repeated="3000"/>', "x"], "sheet-too-wide"),
        (['<table:table-cell table:number-columns-repeated="1000" office:value-type="float"/>'], None),
    ],
)
def test_the_place_of_a_cell_after_repeated_empty_ones_counts(
    tmp_path: Path, cells: list[str], code: str | None
) -> None:
    from hostile_sweep9 import ods_cell, ods_row, write_ods

    from pari_index.errors import IntakeError
    from pari_index.intake.tables import read_table_file

    cells = [c if c.startswith("<") else ods_cell(c) for c in cells]
    body = ods_row([ods_cell(t) for t in ("commune_code", "criterion_id", "input", "value")]) + ods_row(cells)
    path = write_ods(tmp_path / "a.ods", body)
    if code is None:
        read_table_file(path)
        return
    with pytest.raises(IntakeError) as info:
        read_table_file(path)
    assert [p.code for p in info.value.problems] == [code]
