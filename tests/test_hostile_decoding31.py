"""What the cases of tests/hostile_decoding31.py answer: an invisible character in a value is named
in the hint, a notes column of an appraisal file is a warning, a wide form's retyped headings of
the commune's own fields are read, an unknown input name is told with the input near it, headings
with a unit in brackets are read, group headings merged above a form are no data, a register's
«ĐK» is a special zone and an untyped unit is told the type its name gives, and a cell cut for
Excel ends with a mark in the output's language. The cases run as real child processes with a
time-out, in both languages."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from hostile_decoding28 import _with, _write
from hostile_decoding30 import _commune
from hostile_decoding31 import CASES, CLERK_HEADINGS, EXPECTED, NOT_WRITTEN
from hostile_sweep8 import EXAMPLES, _score
from sweeps import case_tests, language_tests, sweep_child

from pari_index.intake.near_inputs import LISTED, near_inputs
from pari_index.intake.schema import ASSESSMENT_ALIASES, NOTES_KEYS, meta_field_of
from pari_index.intake.sheet import canonical_heading, heading_in
from pari_index.messages.results_words import CUT_MARK

(
    test_every_case_has_its_expectation,
    test_each_case_answers_its_code_in_vietnamese_and_leaves_the_user_s_files,
) = case_tests(CASES, EXPECTED, NOT_WRITTEN, listed=True)

words, test_each_case_says_it_in_its_own_language = language_tests(CASES, EXPECTED)


def _as_csv(args: list[str], folder: Path, name: str) -> list[str]:
    """``args`` writing CSV results into the folder ``name`` of ``folder``, in English."""
    out = args.index("-o")
    return [*args[: out + 1], str(folder / name), *args[out + 2 :], "--format", "csv", "--lang", "en"]


def _totals(args: list[str], folder: Path, name: str) -> dict[str, str]:
    """Each unit's total points when ``pari ARGS`` writes CSV results (it must exit 0)."""
    done = sweep_child(_as_csv(args, folder, name), folder)
    assert done.returncode == 0, done.stdout + done.stderr
    with (folder / name / "summary.csv").open(encoding="utf-8-sig") as handle:
        return {row["commune_code"]: row["total_points"] for row in csv.DictReader(handle)}


def _findings(folder: Path, name: str, kind: str) -> list[dict[str, str]]:
    with (folder / name / "findings.csv").open(encoding="utf-8-sig") as handle:
        return [row for row in csv.DictReader(handle) if row["kind"] == kind]


def _plain_commune(folder: Path) -> list[str]:
    """The run of commune 00001's assessments as the example writes them."""
    header, rows = _commune()
    return _with(folder, _write(folder / "plain.csv", [header, *rows]))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_invisible_character_in_a_value_is_named_in_the_hint(tmp_path: Path, lang: str) -> None:
    done = sweep_child([*CASES["bad-value-zero-width-in-number"](tmp_path), "--lang", lang], tmp_path)
    said = done.stdout + done.stderr
    assert done.returncode == 1, said
    named = {
        "vi": "gợi ý: ô có ký tự ẩn <U+200B> (như dấu cách độ rộng 0",
        "en": "hint: the cell holds the invisible character <U+200B> (such as a zero-width space",
    }
    assert named[lang] in said, said
    assert "#N/A" not in said, said
    # The findings sheet says it in the workbook's language too.
    book = openpyxl.load_workbook(tmp_path / "out.xlsx", read_only=True)
    sheet = book["Phát hiện" if lang == "vi" else "Findings"]
    hints = [str(row[10]) for row in sheet.iter_rows(min_row=2, values_only=True) if row[1] == "bad-value"]
    book.close()
    assert len(hints) == 1 and named[lang].split(": ", 1)[1] in hints[0], hints


def test_an_appraisal_notes_column_is_a_warning_as_in_the_assessments(tmp_path: Path) -> None:
    args = _as_csv(CASES["well-appraisal-notes-column"](tmp_path), tmp_path, "kq")
    done = sweep_child(args, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    notes = _findings(tmp_path, "kq", "notes-column")
    assert [(n["severity"], Path(n["file"]).name, n["column"]) for n in notes] == [
        ("warning", "tham-dinh.csv", "Ghi chú")
    ]
    assert not _findings(tmp_path, "kq", "unknown-column")


def test_a_wide_form_s_retyped_headings_of_the_commune_s_own_fields_are_read(tmp_path: Path) -> None:
    retyped = _totals(CASES["well-wide-meta-spelled"](tmp_path), tmp_path, "retyped")
    example = _score(tmp_path)
    example[1] = str(EXAMPLES / "assessments_wide.xlsx")
    assert retyped == _totals(example, tmp_path, "example")
    assert not _findings(tmp_path, "retyped", "unknown-input")
    assert not _findings(tmp_path, "retyped", "evidence-column-absent")
    assert meta_field_of("Self Score") == "self_score" and meta_field_of("Điểm tự chấm") == "self_score"
    assert meta_field_of("tasks") is None


#: The input near «task» (1.1.2's «tasks») as each language's message names it: by its label.
_NEAR_TASK = {
    "vi": "không có đầu vào tên task; có phải ý bạn là «Xác định nhiệm vụ theo 6 nội dung CCHC»?",
    "en": "has no input named task; did you mean «Tasks set for the 6 reform areas»?",
}


@pytest.mark.parametrize(("lang", "said"), sorted(_NEAR_TASK.items()))
def test_an_unknown_input_name_is_told_with_the_input_near_it(tmp_path: Path, lang: str, said: str) -> None:
    done = sweep_child([*CASES["unknown-input-near"](tmp_path), "--lang", lang], tmp_path)
    assert done.returncode == 1
    assert (done.stdout + done.stderr).count(said) == 12, done.stdout + done.stderr


def test_an_input_name_near_none_lists_the_item_s_inputs() -> None:
    from pari_index.criteria.loading import load_criteria
    from pari_index.criteria.model import resolve_leaves
    from pari_index.intake.model import LeafTable

    table = LeafTable.build(resolve_leaves(load_criteria().criteria))
    cells = pl.DataFrame(
        {"criterion_id": ["1.1.2", "1.1.2", "9.9"], "field": ["TASK", "xyz", "a"], "kind": [None, None, None]},
        schema={"criterion_id": pl.String, "field": pl.String, "kind": pl.String},
    ).with_columns(pl.when(pl.col("criterion_id") != "9.9").then(True).alias("_known_leaf"))
    found = near_inputs(cells, table)
    assert found["1.1.2\x1fTASK"] == {"input_near": "near", "near_input": "tasks"}
    listed = found["1.1.2\x1fxyz"]
    assert listed["input_near"] == "list" and "tasks" in listed["near_input"].split(", ")[:LISTED]
    assert "9.9\x1fa" not in found  # an item not in the set: unknown-criterion says it


def test_headings_with_a_unit_or_note_in_brackets_are_read(tmp_path: Path) -> None:
    clerk = _totals(CASES["well-headings-with-units"](tmp_path), tmp_path, "clerk")
    assert clerk == _totals(_plain_commune(tmp_path), tmp_path, "plain")
    assert not _findings(tmp_path, "clerk", "unknown-column")
    assert [n["column"] for n in _findings(tmp_path, "clerk", "notes-column")] == [CLERK_HEADINGS["explanation"]]
    assert canonical_heading("Giá trị [số liệu]", ASSESSMENT_ALIASES) == "value"
    assert canonical_heading("Value (%)", ASSESSMENT_ALIASES) == "value"
    assert canonical_heading("(điểm)", ASSESSMENT_ALIASES) is None
    assert heading_in("Ghi chú (nếu có)", NOTES_KEYS) and not heading_in("Giá trị (ghi chú)", NOTES_KEYS)


def test_group_headings_merged_above_a_form_are_no_data(tmp_path: Path) -> None:
    grouped = _totals(CASES["well-merged-group-headings"](tmp_path), tmp_path, "grouped")
    assert grouped == _totals(_plain_commune(tmp_path), tmp_path, "plain")
    assert not _findings(tmp_path, "grouped", "merged-cells")


def test_a_merge_among_the_rows_of_data_is_still_told(tmp_path: Path) -> None:
    args = CASES["well-merged-group-headings"](tmp_path)
    book = openpyxl.load_workbook(tmp_path / "tu-danh-gia.xlsx")
    book.active.merge_cells("E4:E5")  # two self-scores made one: the second row's is lost
    book.save(tmp_path / "tu-danh-gia.xlsx")
    done = sweep_child(_as_csv(args, tmp_path, "kq"), tmp_path)
    assert done.returncode == 1
    assert [f["message"] for f in _findings(tmp_path, "kq", "merged-cells")] == [
        "cells E4:E5 are merged: only the first holds the value, the others read as empty"
    ]


@pytest.mark.parametrize(
    ("lang", "named"),
    [
        ("vi", "; tên đơn vị bắt đầu bằng loại phường: nếu đúng là phường, ghi phường ở cột loại"),
        ("en", "; its name begins with the type phường: if it is one, write phường in the type column"),
    ],
)
def test_a_register_s_dk_is_a_special_zone_and_an_untyped_unit_is_told_its_name_s_type(
    tmp_path: Path, lang: str, named: str
) -> None:
    args = CASES["well-register-types"](tmp_path)
    out = args.index("-o")
    done = sweep_child(
        [*args[: out + 1], str(tmp_path / "kq"), *args[out + 2 :], "--format", "csv", "--lang", lang], tmp_path
    )
    assert done.returncode == 0, done.stdout + done.stderr
    summary = pl.read_csv(tmp_path / "kq" / "summary.csv", infer_schema=False)
    types = dict(zip(summary["commune_code"], summary["unit_type"], strict=True))
    assert types["00001"] == "special_zone" and types["00004"] in (None, "")
    assert not _findings(tmp_path, "kq", "unknown-unit-type")
    untyped = _findings(tmp_path, "kq", "missing-unit-type")
    assert len(untyped) == 1 and untyped[0]["message"].endswith(named), untyped


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_cell_cut_for_excel_ends_with_a_mark_in_the_output_s_language(tmp_path: Path, lang: str) -> None:
    args = CASES["well-export-cut-mark-vi"](tmp_path)
    done = sweep_child([*args, "--lang", lang], tmp_path)
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(args[args.index("-o") + 1], read_only=True)
    cut = [c for sheet in book for row in sheet.iter_rows(values_only=True) for c in row if c and len(str(c)) > 30_000]
    book.close()
    mark = CUT_MARK.get(lang)
    assert cut and all(str(c).endswith(mark) for c in cut), [str(c)[-60:] for c in cut]
    assert len(CUT_MARK.vi) <= len(CUT_MARK.en)  # results_digest counts on the English mark's length
    if lang == "en":
        return  # an English annex is a copy to read, which criteria import refuses (annex-english-copy)
    back = sweep_child(["criteria", "import", args[args.index("-o") + 1], "-o", str(tmp_path / "d.yaml")], tmp_path)
    assert back.returncode == 0, back.stderr
    assert "ô này bị cắt ngắn khi xuất phụ lục" in (tmp_path / "d.yaml").read_text(encoding="utf-8")
