"""What the cases of tests/hostile_silent22.py answer: units of another province than the set's
and a group's name written without its type word are ranked as before, and said
(``province-not-the-set-s``, ``group-type-word``); a timeliness answer «hoàn thành» is refused with
a hint saying what to write. The cases run as real child processes with a time-out."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from children import answers_its_case
from hostile_silent22 import CASES, EXPECTED, NOT_WRITTEN

from pari_index.outputs.results import read_results


def test_every_case_has_its_expectation() -> None:
    assert sorted(CASES) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_case_answers_its_code_and_leaves_the_user_s_files(tmp_path: Path, case: str) -> None:
    answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], NOT_WRITTEN.get(case, ()))


def _run(tmp_path: Path, case: str, *extra: str) -> dict[str, pl.DataFrame]:
    answers_its_case([*CASES[case](tmp_path), *extra], tmp_path, EXPECTED[case])
    return read_results(tmp_path / "out.xlsx")


def test_units_of_another_province_are_named(tmp_path: Path) -> None:
    tables = _run(tmp_path, "register-units-of-another-province")
    found = tables["findings"].filter(pl.col("kind") == "province-not-the-set-s")
    assert found.select("severity", "file", "column").rows() == [("warning", str(tmp_path / "don-vi.csv"), "province")]
    assert found["message"].item() == (
        "2 đơn vị của danh sách thuộc «Tỉnh Hà Nam», không thuộc «Thành phố Hà Nội», tỉnh của bộ tiêu chí "
        "(00001, 00004): các đơn vị này được chấm theo tiêu chí của bộ này"
    )
    # Ranked as before: a group of their own.
    sizes = dict(tables["summary"].select("commune_code", "group_size").iter_rows())
    assert (sizes["00001"], sizes["00007"]) == (2, 58)


def test_units_of_another_province_in_english(tmp_path: Path) -> None:
    tables = _run(tmp_path, "register-units-of-another-province", "--lang", "en")
    found = tables["findings"].filter(pl.col("kind") == "province-not-the-set-s")
    assert found["message"].item() == (
        "2 units of the register are in «Tỉnh Hà Nam», not in «Thành phố Hà Nội», the province of the criteria "
        "set (00001, 00004): they are scored with its criteria"
    )


def test_a_province_without_its_type_word_is_said_and_stays_apart(tmp_path: Path) -> None:
    tables = _run(tmp_path, "register-province-without-type-word")
    found = tables["findings"].filter(pl.col("kind") == "group-type-word")
    assert found.select("severity", "column").rows() == [("warning", "province")]
    assert found["message"].item() == (
        "cột «province» ghi «Hà Nội» (5 đơn vị) không có chữ chỉ loại, bên cạnh «Thành phố Hà Nội» (55): các đơn "
        "vị được xếp hạng thành các nhóm khác nhau"
    )
    assert sorted(tables["summary"]["group_size"].unique().to_list()) == [5, 55]
    # The province is the set's, written without its type word: not another province.
    assert tables["findings"].filter(pl.col("kind") == "province-not-the-set-s").height == 0


def test_a_district_without_its_type_word_is_said_within_its_province(tmp_path: Path) -> None:
    tables = _run(tmp_path, "register-district-without-type-word")
    found = tables["findings"].filter(pl.col("kind") == "group-type-word")
    assert found.select("column").rows() == [("district",)]
    assert json.loads(found["params"].item()) == {
        "column": "«district»",
        "bare": "«Quý Hậu»",
        "units": 2,
        "beside": "«Quận Quý Hậu» (9)",
    }


def test_the_clean_example_says_neither(tmp_path: Path) -> None:
    case = "register-units-of-another-province"
    args = CASES[case](tmp_path)
    args[args.index("--communes") + 1] = str(tmp_path / "communes.csv")
    answers_its_case([*args, "--group-by", "district"], tmp_path, (0, None, ()))
    kinds = read_results(tmp_path / "out.xlsx")["findings"]["kind"]
    assert not kinds.is_in(["province-not-the-set-s", "group-type-word"]).any()


def test_done_as_timeliness_says_what_to_write(tmp_path: Path) -> None:
    said = answers_its_case(CASES["timeliness-answered-done"](tmp_path), tmp_path, EXPECTED["timeliness-answered-done"])
    assert said.count("hoàn thành không phải là đúng hạn / trễ hạn / không thực hiện [bad-value]") == 2
    assert "gợi ý: ghi rõ đúng hạn hay không: «đúng hạn» nếu xong trong hạn, «trễ hạn» nếu xong sau hạn" in said
    assert "#N/A" not in said


def test_a_unit_under_two_codes_is_named_at_its_second_row(tmp_path: Path) -> None:
    tables = _run(tmp_path, "register-unit-under-two-codes")
    found = tables["findings"].filter(pl.col("kind") == "register-name-twice")
    assert found.select("severity", "file", "row", "column").rows() == [
        ("warning", str(tmp_path / "don-vi.csv"), 62, "name")
    ]
    assert found["message"].item() == (
        "«Phường Hồng Cẩm» được ghi lại với mã «00999», cùng huyện và tỉnh với mã «00001» (hàng 2): hai mã được "
        "chấm điểm và xếp hạng như hai đơn vị"
    )


def test_a_sheet_per_unit_is_told_to_add_the_code_column(tmp_path: Path) -> None:
    case = "workbook-sheet-per-unit"
    said = answers_its_case(CASES[case](tmp_path), tmp_path, EXPECTED[case], NOT_WRITTEN[case])
    assert said.count("thiếu cột mã xã (commune_code)") == 3
    assert (
        said.count(
            "gợi ý: thêm cột commune_code (hoặc mã xã) ghi mã của đơn vị ở mọi dòng; sổ tính mỗi đơn vị một trang tính "
            "cần cột này ở từng trang, vì mã không bao giờ được đọc từ tên trang tính"
        )
        == 3
    )


def test_a_file_of_dates_month_first_is_said_once(tmp_path: Path) -> None:
    tables = _run(tmp_path, "dates-month-first")
    findings = tables["findings"]
    refused = findings.filter(pl.col("kind") == "implausible-date").height
    found = findings.filter(pl.col("kind") == "dates-month-first")
    assert found.select("severity", "file", "sheet", "row").rows() == [
        ("warning", str(tmp_path / "tu-danh-gia.csv"), None, None)
    ]
    assert refused > 20
    assert json.loads(found["params"].item())["count"] == refused
    assert found["hint"].item().startswith("ghi mọi ngày của tệp theo thứ tự ngày trước, tháng sau (dd/mm/yyyy)")


def test_two_dates_month_first_are_typing_mistakes(tmp_path: Path) -> None:
    from pari_index.intake.month_first import month_first_findings
    from pari_index.intake.schema import FINDING_SCHEMA

    def refused(row: int) -> dict[str, object]:
        return {"kind": "implausible-date", "file": "a.csv", "row": row, "params": '{"date_problem":"month_first"}'}

    two = pl.DataFrame([refused(2), refused(3)], schema=FINDING_SCHEMA)
    assert month_first_findings(two).height == 0
    assert month_first_findings(pl.concat([two, pl.DataFrame([refused(4)], schema=FINDING_SCHEMA)])).height == 1


def test_a_district_of_two_copied_in_is_named(tmp_path: Path) -> None:
    tables = _run(tmp_path, "register-district-of-two-copied-in")
    found = tables["findings"].filter(pl.col("kind") == "group-few-units")
    assert found.select("severity", "file", "column").rows() == [("warning", str(tmp_path / "don-vi.csv"), "district")]
    assert found["message"].item() == (
        "nhóm «Huyện An Lão» có 2 đơn vị được xếp hạng (00001, 00004), trong khi các nhóm của lượt chấm có khoảng 8 "
        "đơn vị (trung vị): các đơn vị này chỉ được xếp hạng với nhau (đơn vị của huyện hay tỉnh khác bị chép vào "
        "danh sách?)"
    )
    sizes = dict(tables["summary"].select("commune_code", "group_size").iter_rows())
    assert sizes["00001"] == 2


def test_small_groups_of_like_size_are_not_said() -> None:
    import polars as pl

    from pari_index.ranking.strays import few_unit_problems

    def totals(sizes: dict[str, int]) -> pl.DataFrame:
        districts = [d for d, n in sizes.items() for _ in range(n)]
        return pl.DataFrame({"commune_code": [f"{i:05d}" for i in range(len(districts))], "district": districts})

    assert few_unit_problems(totals({"A": 2, "B": 7, "C": 7}), ["district"], "r.csv") == []
    found = few_unit_problems(totals({"A": 2, "B": 8, "C": 8}), ["district"], "r.csv")
    assert [p.params["codes"] for p in found if p.params] == ["00000, 00001"]
    assert few_unit_problems(totals({"A": 3, "B": 30}), ["district"], "r.csv") == []
    assert few_unit_problems(totals({"A": 2, "B": 30}), ["district"], None) == []
