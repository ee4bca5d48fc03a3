"""What the cases of tests/hostile_decoding26.py answer: an .ods's codes formatted ``00000`` by
their row's default style or by a named style of styles.xml are read as the sheet shows them; an
error cell's code is named wherever content.xml is cut into parts. The cases run as real child
processes with a time-out, in both languages."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hostile_decoding25 import ods_code, ods_error, ods_text
from hostile_decoding26 import CASES, CHILD_STYLE, EXPECTED, NAMED_STYLES, NOT_WRITTEN, _row, write_ods_rows
from sweeps import case_tests, language_tests, sweep_child

from pari_index.intake.sheet import heading_key
from pari_index.intake.xlsx import budget
from pari_index.intake.xlsx.reading import read_excel

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


def _cells(frame: pl.DataFrame) -> list[tuple[str, ...]]:
    """The sheet's cells, without the columns the reading adds (row, file, sheet)."""
    return frame.select(pl.exclude("_row", "_file", "_sheet").cast(pl.String)).rows()


def _styled(code: str, style: str) -> str:
    return ods_code(code, styled=False).replace("<table:table-cell ", f'<table:table-cell table:style-name="{style}" ')


def test_an_ods_pads_codes_by_their_row_s_default_style_and_a_named_style(tmp_path: Path) -> None:
    padded_row = ' table:default-cell-style-name="ce1"'
    rows = [
        _row([ods_text("code"), ods_text("count")]),
        # The row's default style pads the cells without a style of their own …
        _row([ods_code("1", styled=False), ods_code("7", styled=False)], padded_row),
        # … and not a cell whose own style names no format (ce8: a border, say, over Default).
        _row([ods_code("4", styled=False), _styled("30", "ce8")], padded_row),
        # An automatic style inheriting the named style «Mã đơn vị» (styles.xml), and the named style itself.
        _row([_styled("120", "ce9"), _styled("12", "Mã đơn vị")]),
        # A row without a default style: numbers as stored.
        _row([ods_code("7", styled=False), ods_code("3", styled=False)]),
    ]
    plain = '<style:style style:name="ce8" style:family="table-cell" style:parent-style-name="Default"/>'
    path = write_ods_rows(tmp_path / "a.ods", rows, NAMED_STYLES, CHILD_STYLE + plain)
    read = read_excel(path, "a.ods")
    assert read.problems == []
    assert _cells(read.sheets[0].frame) == [("00001", "00007"), ("00004", "30"), ("00120", "00012"), ("7", "3")]


def test_a_named_style_without_a_padding_format_pads_nothing(tmp_path: Path) -> None:
    styles = NAMED_STYLES.replace('style:data-style-name="N99"', "")
    rows = [_row([ods_text("code")]), _row([_styled("1", "ce9")])]
    read = read_excel(write_ods_rows(tmp_path / "a.ods", rows, styles, CHILD_STYLE), "a.ods")
    assert _cells(read.sheets[0].frame) == [("1",)]


@pytest.mark.parametrize("chunk", [64, 97, 128, 200, 1024 * 1024])
def test_an_ods_error_cell_s_code_is_named_wherever_the_xml_is_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """content.xml is read in parts that end after any tag: a part cut after an error cell's start
    tag, or after its ``<text:p>``, named the code ``#ERROR`` (the text was in the next part)."""
    rows = [_row([ods_text("code"), ods_text("a"), ods_text("b")])]
    rows += [_row([ods_text(f"0000{n}"), ods_error("#DIV/0!", "0"), ods_error("Err:502", None)]) for n in range(1, 9)]
    path = write_ods_rows(tmp_path / "a.ods", rows)
    monkeypatch.setattr(budget, "_CHUNK", chunk)
    read = read_excel(path, "a.ods")
    assert [(p.row, p.field, p.params["code"]) for p in read.problems] == [
        (row, field, code) for row in range(2, 10) for field, code in (("a", "#DIV/0!"), ("b", "Err:502"))
    ]


def test_an_error_cell_without_text_takes_no_code_from_the_next_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bare = '<table:table-cell office:value-type="float" office:value="0" calcext:value-type="error"/>'
    rows = [_row([ods_text("a"), ods_text("b")]), _row([bare, ods_text("#REF!")])]
    path = write_ods_rows(tmp_path / "a.ods", rows)
    for chunk in range(40, 400, 7):
        monkeypatch.setattr(budget, "_CHUNK", chunk)
        read = read_excel(path, "a.ods")
        assert [(p.row, p.field, p.params["code"]) for p in read.problems] == [(2, "a", "#ERROR")], chunk


def test_a_register_s_type_column_headed_unit_type_is_read(tmp_path: Path) -> None:
    from test_hostile_decoding24 import _findings

    done = sweep_child([*CASES["well-register-unit-type"](tmp_path), "--lang", "en"], tmp_path)
    assert done.returncode == 0, done.stderr
    found = _findings(tmp_path)
    assert not found.select(pl.any_horizontal(pl.all().str.contains("register-without-types"))).to_series().any()
    assert not found.select(pl.any_horizontal(pl.all().str.contains("Unit type"))).to_series().any()


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Mã xã", "ma xa"),
        ("MA XA", "ma xa"),
        ("commune_code", "commune code"),
        ("Commune-Code", "commune code"),
        (" Criterion\u00a0\u00a0ID ", "criterion id"),
        ("Điểm tự chấm", "diem tu cham"),
        ("Quận/Huyện", "quan huyen"),
        ("n/a", "n a"),
        ("1.1.1:self_score", "1 1 1 self score"),
    ],
)
def test_a_heading_is_matched_without_case_marks_or_the_kind_of_space(heading: str, key: str) -> None:
    assert heading_key(heading) == key


def test_each_heading_names_one_field_and_headings_of_two_fields_stay_apart() -> None:
    from pari_index.intake.appraisal import APPRAISAL_ALIASES
    from pari_index.intake.register import REGISTER_ALIASES
    from pari_index.intake.schema import ASSESSMENT_ALIASES
    from pari_index.intake.sheet import _canonical

    for aliases in (ASSESSMENT_ALIASES, REGISTER_ALIASES, APPRAISAL_ALIASES):
        fields: dict[str, set[str]] = {}
        for alias, field in aliases.items():
            fields.setdefault(heading_key(alias), set()).add(field)
        assert all(len(named) == 1 for named in fields.values()), aliases
    assert _canonical("Ma xa", REGISTER_ALIASES) == "code"
    assert _canonical("ten", REGISTER_ALIASES) == "name"
    assert _canonical("Gia tri tham dinh", APPRAISAL_ALIASES) == "value"
    assert _canonical("ghi chu", ASSESSMENT_ALIASES) is None
    assert _canonical("_row", ASSESSMENT_ALIASES) is None
    # A key two fields would share is left out: only the exact spellings name them.
    both = {"mã": "code", "ma": "name"}
    assert (_canonical("mã", both), _canonical("ma", both), _canonical("MÃ", both), _canonical("Ma ", both)) == (
        "code",
        "name",
        "code",
        None,
    )


def test_input_names_are_matched_without_case_but_own_fields_are_still_told(tmp_path: Path) -> None:
    from sweeps import run_in_process

    examples = Path(__file__).resolve().parent.parent / "examples"
    rows = "commune_code,criterion_id,input,value\n00001,1.1.2,TASKS,có\n00001,1.1.2,Deadlines,không\n"
    rows += "00001,1.1.2,Self Score,1\n00001,1.1.2,DEADLINES,có\n"
    (tmp_path / "a.csv").write_text(rows, encoding="utf-8")
    out = tmp_path / "out"
    status, said = run_in_process(
        "score",
        tmp_path / "a.csv",
        "--communes",
        examples / "communes.csv",
        "--no-survey",
        "-o",
        out,
        "--format",
        "csv",
        "--lang",
        "en",
        "-q",
    )
    assert status == 1, said
    # «DEADLINES» is «deadlines» again: a conflicting repeat (có against không), not an unknown name.
    # The item's inputs are listed, by their labels (none is near «Self Score»: session 31).
    assert "criterion 1.1.2 has no input named Self Score; the item's inputs are: Tasks set for the 6 reform" in said
    assert said.count("[unknown-input]") == 1, said
    criteria = pl.read_csv(out / "criteria.csv", infer_schema=False).filter(pl.col("criterion_id") == "1.1.2")
    assert "tasks=có" in criteria.filter(pl.col("commune_code") == "00001")["inputs"].item()
