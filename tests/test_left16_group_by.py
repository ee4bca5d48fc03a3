"""``--group-by`` a column the register had but that was left out says why.

A register column named as a column of the results (``area_1``, ``group``) is left out with the
warning register-column-reserved; ``--group-by`` that column then said "the register has no such
column", of a file that has one. Now the message says the name is a column the run computes, that
a register column of that name is left out, and to rename it; a name beginning with ``_`` is
pari-index's own (reserved-column). A name of no column at all keeps its message.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_batches import BUNDLED

from pari_index.cli import main

EXAMPLES = Path(__file__).parents[1] / "examples"
#: The register's columns as --group-by takes them in each language (never the run's unit_type).
AVAILABLE = {"en": "name, type, district, province, ranked, note", "vi": "tên, loại, huyện, tỉnh, xếp hạng, note"}
WHY = {
    ("computed", "en"): "it is the name of a column of the results, which the run computes; a register column of"
    " that name (if any) is left out (register-column-reserved), so units cannot be grouped by it: rename that"
    " column, for example to its Vietnamese name",
    ("computed", "vi"): "đó là tên một cột của kết quả do lần chấm tính ra; cột cùng tên trong danh sách đơn vị"
    " (nếu có) bị bỏ qua, nên không xếp hạng theo nó được: đổi tên cột đó, ví dụ sang tên tiếng Việt",
    ("absent", "en"): "the register has no such column",
    ("absent", "vi"): "danh sách đơn vị không có cột này",
}


def _register(tmp_path: Path, column: str) -> Path:
    header, *rows = (EXAMPLES / "communes.csv").read_text(encoding="utf-8-sig").splitlines()
    path = tmp_path / "communes.csv"
    path.write_text("\n".join([f"{header},{column}", *(f"{r},Nhóm 1" for r in rows)]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(
    ("column", "group_by", "why"),
    [("area_1", "area_1", "computed"), ("group", "group", "computed"), ("cụm", "ward_cluster", "absent")],
)
def test_group_by_a_left_out_column_says_why(tmp_path: Path, lang: str, column: str, group_by: str, why: str) -> None:
    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(_register(tmp_path, column))]
    args += ["--criteria", str(BUNDLED), "--survey", str(EXAMPLES / "survey.csv"), "--group-by", group_by]
    done = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "out.xlsx"), "--lang", lang])
    assert done.exit_code == 2, done.output
    available = AVAILABLE[lang] if column != "cụm" else AVAILABLE[lang] + ", cụm"
    if lang == "en":
        said = f"cannot rank within «{group_by}»: {WHY[why, lang]} (available: {available}) [unknown-group-column]"
    else:
        said = (
            f"không xếp hạng theo «{group_by}» được: {WHY[why, lang]} (các cột có: {available}) [unknown-group-column]"
        )
    assert said in done.output, done.output
    assert not (tmp_path / "out.xlsx").exists()


def test_a_name_of_pari_index_s_own_says_so() -> None:
    import polars as pl

    from pari_index.errors import UsageError
    from pari_index.ranking.groups import group_column

    with pytest.raises(UsageError) as info:
        group_column(pl.DataFrame({"commune_code": ["1"], "district": ["A"]}), "_i")
    (problem,) = info.value.problems
    assert problem.message == (
        "cannot rank within «_i»: names beginning with _ are pari-index's own; a register column of that name"
        " (if any) is not read (reserved-column): rename that column (available: district)"
    )
