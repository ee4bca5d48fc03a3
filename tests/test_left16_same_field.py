"""Two columns of one file that are two names of one field (``type`` and ``unit_type``, ``value``
and ``giá trị``, ``loại`` and ``loai``) are refused, naming both columns and the file.

One of the two was used and the other dropped without a word: a register with ``type`` and
``unit_type`` scored every unit by ``type`` (a ward marked ``xã`` in the other column was a
ward), an appraisal's second value column was never read, and a second value column of the
assessments was reported as "not one pari-index reads", which it is. Two spellings that both
differ from the field's own name (``loại``, ``loai``) ended a run as an internal error (polars:
column 'type' is duplicate). As with a column written twice (duplicate-column), the table is not
read: the two may disagree, and only the person who made the file knows which is right.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from test_batches import BUNDLED

from pari_index.cli import main
from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria
from pari_index.errors import IntakeError
from pari_index.intake.appraisal import read_appraisal
from pari_index.intake.assessments import read_assessments
from pari_index.intake.register import read_register

EXAMPLES = Path(__file__).parents[1] / "examples"


def _with_column(source: Path, target: Path, heading: str, value: str, at: int | None = None) -> Path:
    header, *rows = list(csv.reader(io.StringIO(source.read_text(encoding="utf-8-sig"))))
    where = len(header) if at is None else at
    table = [[*header[:where], heading, *header[where:]], *([*r[:where], value, *r[where:]] for r in rows)]
    with target.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(table)
    return target


def _leaves() -> object:
    return compile_criteria(load_criteria(BUNDLED).criteria, None).leaves


@pytest.mark.parametrize(
    ("rename", "heading", "first", "second"),
    [
        pytest.param(None, "unit_type", "type", "unit_type", id="type-and-unit_type"),
        pytest.param("loại", "loai", "loại", "loai", id="two-spellings-neither-the-name"),
        pytest.param(None, "LOẠI ĐƠN VỊ", "type", "LOẠI ĐƠN VỊ", id="any-case"),
    ],
)
def test_a_register_with_two_type_columns_is_refused(
    tmp_path: Path, rename: str | None, heading: str, first: str, second: str
) -> None:
    source = EXAMPLES / "communes.csv"
    if rename is not None:
        text = source.read_text(encoding="utf-8-sig").replace("code,name,type,", f"code,name,{rename},", 1)
        source = tmp_path / "renamed.csv"
        source.write_text(text, encoding="utf-8")
    path = _with_column(source, tmp_path / "communes.csv", heading, "xã", at=3)
    with pytest.raises(IntakeError) as info:
        read_register(path)
    assert [(p.code, p.file, p.row, p.field, p.params) for p in info.value.problems] == [
        (
            "same-field-columns",
            str(path),
            1,
            second,
            {"first": f"«{first}»", "second": f"«{second}»", "name": "«type»"},
        )
    ]


def test_the_refusal_on_the_command_line_names_both_columns_in_both_languages(tmp_path: Path) -> None:
    communes = _with_column(EXAMPLES / "communes.csv", tmp_path / "communes.csv", "unit_type", "xã", at=3)
    base = [str(EXAMPLES / "assessments_long.csv"), "--communes", str(communes), "--criteria", str(BUNDLED)]
    base += ["--survey", str(EXAMPLES / "survey.csv"), "--format", "csv"]
    texts = {}
    for lang in ("en", "vi"):
        out = tmp_path / f"out-{lang}"
        result = CliRunner().invoke(main, ["score", *base, "-o", str(out), "--lang", lang])
        assert result.exit_code == 1, result.output
        assert not out.exists()
        texts[lang] = result.output
    assert (
        "the columns «type» and «unit_type» are two names of the same column «type»: pari-index cannot tell"
        " which one to read; the table was not read [same-field-columns]" in texts["en"]
    )
    assert (
        "các cột «type» và «unit_type» là hai tên của cùng một cột «type»: pari-index không biết nên đọc cột nào;"
        " bảng không được đọc [same-field-columns]" in texts["vi"]
    )
    assert f"{communes} " in texts["en"]


@pytest.mark.parametrize("name", ["assessments_long.csv", "survey.csv"])
def test_assessments_and_survey_with_two_value_columns_are_refused(tmp_path: Path, name: str) -> None:
    path = _with_column(EXAMPLES / name, tmp_path / name, "giá trị", "0")
    intake = read_assessments([path], _leaves(), None)  # type: ignore[arg-type]
    found = intake.findings.select("severity", "kind", "file", "row", "column", "message").rows()
    assert found == [
        (
            "error",
            "same-field-columns",
            str(path),
            1,
            "giá trị",
            "the columns «value» and «giá trị» are two names of the same column «value»: pari-index cannot"
            " tell which one to read; the table was not read",
        )
    ]
    assert intake.cells.is_empty()


def test_an_appraisal_with_two_value_columns_is_refused(tmp_path: Path) -> None:
    path = _with_column(EXAMPLES / "appraisal.csv", tmp_path / "appraisal.csv", "giá trị thẩm định", "9")
    with pytest.raises(IntakeError) as info:
        read_appraisal(path, _leaves(), pl.Series(["00001"]))  # type: ignore[arg-type]
    assert [(p.code, p.field, p.params) for p in info.value.problems] == [
        (
            "same-field-columns",
            "giá trị thẩm định",
            {"first": "«value»", "second": "«giá trị thẩm định»", "name": "«value»"},
        )
    ]
