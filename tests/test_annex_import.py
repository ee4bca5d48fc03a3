"""`pari criteria import`: what is recognised in an annex, and what becomes a `todo:`.

tests/data/annex/quyet-dinh-mau.xlsx is a hand-written annex of 37 rows in the shapes real
decisions use (tests/data/annex/make_annex.py writes it): title rows, a header with line breaks,
Roman numerals for areas with cells merged across the row, a) b) under a criterion, points with
decimal commas and "điểm", methods with bullets and line breaks, a vertically merged cell."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from criteria_text import BASE

from pari_index.authoring.draft_yaml import draft_yaml
from pari_index.authoring.importing import Draft, evidence_of, import_annex
from pari_index.authoring.recognise import read_method
from pari_index.cli import main
from pari_index.criteria.loading import load_criteria_text
from pari_index.errors import CriteriaError

ANNEX = Path(__file__).parent / "data" / "annex" / "quyet-dinh-mau.xlsx"
D = Decimal

RECOGNISED: list[tuple[str, dict[str, Any]]] = [
    (
        "ban hành đúng thời hạn: 0,5 điểm; chậm: 0,25 điểm",
        {"kind": "timeliness", "input": "status", "on_time": D("0.5"), "late": D("0.25")},
    ),
    (
        "- Từ 80% đến dưới 100%: 1 điểm;\n- Dưới 80%: 0 điểm",
        {
            "kind": "tiers",
            "input": "measure",
            "tiers": [{"from": 80, "below": 100, "points": 1}, {"below": 80, "points": 0}],
        },
    ),
    (
        "Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm",
        {
            "kind": "tiers",
            "input": "measure",
            "tiers": [{"above": 90, "points": 2}, {"from": 70, "to": 90, "points": 1}, {"below": 70, "points": 0}],
        },
    ),
    (
        "≥ 90%: 2 điểm\n70% - dưới 90%: 1 điểm\n< 70%: 0 điểm",
        {
            "kind": "tiers",
            "input": "measure",
            "tiers": [{"from": 90, "points": 2}, {"from": 70, "below": 90, "points": 1}, {"below": 70, "points": 0}],
        },
    ),
    (
        "Trên 80%: 2 điểm; trên 50% đến 80%: 1 điểm; từ 50% trở xuống: 0 điểm",
        {
            "kind": "tiers",
            "input": "measure",
            "tiers": [{"above": 80, "points": 2}, {"above": 50, "to": 80, "points": 1}, {"to": 50, "points": 0}],
        },
    ),
    ("Mỗi văn bản bị phát hiện trừ 0,25 điểm", {"kind": "deduction", "input": "occurrences", "per": D("0.25")}),
    (
        "Tính từ 2 điểm; mỗi lần vi phạm trừ 0,5 điểm.",
        {"kind": "deduction", "input": "occurrences", "per": D("0.5"), "start": 2},
    ),
    (
        "Có vi phạm: trừ 1 điểm",
        {"kind": "deduction", "input": "happened", "per": 1},
    ),
    (
        "- Từ 4 lần trở lên: 1 điểm\n- Từ 2 lần trở lên: 0,5 điểm\n- Dưới 2 lần: 0 điểm",
        {
            "kind": "count_tiers",
            "input": "count",
            "tiers": [{"at_least": 4, "points": 1}, {"at_least": 2, "points": D("0.5")}],
        },
    ),
    (
        "Ban hành đến hết ngày 31/01/2025: 1 điểm; sau ngày 31/01/2025: 0,5 điểm; không ban hành: 0 điểm",
        {
            "kind": "deadline",
            "input": "signed_on",
            "deadline": "2025-01-31",
            "on_time": 1,
            "late": D("0.5"),
            "not_done": 0,
        },
    ),
    ("Có: 1 điểm; không: 0 điểm", {"kind": "yes_no", "input": "done", "yes": 1, "no": 0}),
    (
        "Tỷ lệ = [Số hồ sơ đúng hạn] / [Tổng số hồ sơ] × 100%:\nĐiểm = tỷ lệ (%) × điểm tối đa",
        {"kind": "proportional", "rate": {"numerator": "numerator", "denominator": "denominator"}},
    ),
]


def normal(value: Any) -> Any:
    """Numbers compared as Decimal and dates as text, so expectations read as written."""
    if isinstance(value, dict):
        return {k: normal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normal(v) for v in value]
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return Decimal(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@pytest.mark.parametrize(("text", "rule"), RECOGNISED, ids=[t[:30] for t, _ in RECOGNISED])
def test_common_phrasings_are_recognised(text: str, rule: dict[str, Any]) -> None:
    reading = read_method(text, Decimal(2))
    assert reading.todo is None
    assert normal(reading.rule) == normal(rule)


NOT_READ = [
    ("Ban hành trong tháng 01: 0,2 điểm; từ tháng 02 trở đi: 0 điểm", "neither of them"),
    ("Trên 90%: 2 điểm; 70 - 90%: 1 điểm; dưới 70%: 0 điểm", "which band holds each edge"),
    ("Theo kết quả đánh giá của Sở Nội vụ", "no points"),
    ("", "empty"),
    ("Thực hiện đầy đủ: 2 điểm; chưa đầy đủ: 1 điểm; không thực hiện: 0 điểm", "choice of levels"),
    ("Mỗi sáng kiến cộng 0,5 điểm", "outside a bonus area"),
    ("Có: 1 điểm\nChỉ áp dụng đối với: thôn, tổ dân phố", "no unit type"),
    ("Hoàn thành đến hết ngày 31/02/2025: 1 điểm", "does not exist"),
    ("Không phát sinh (mẫu số bằng 0): đạt điểm tối đa.\nCó: 1 điểm; không: 0 điểm", "has no rate"),
    # Session 21: points with a thousands point were 1,000 points, as Vietnamese text writes it.
    ("Có: 1.000 điểm; không: 0 điểm", "is 1.000 1000 points (a thousands point"),
]


@pytest.mark.parametrize(("text", "reason"), NOT_READ, ids=[r for _, r in NOT_READ])
def test_what_is_not_read_is_said(text: str, reason: str) -> None:
    reading = read_method(text, Decimal(2))
    assert reading.rule is None
    assert reading.todo is not None
    assert reason in reading.todo.text("en")
    assert reading.todo.text("vi") != reading.todo.text("en")


def test_evidence_lines_and_what_each_must_show() -> None:
    assert evidence_of("- Kế hoạch CCHC năm (số, ngày, tệp)\n– Báo cáo quý;\n\n") == [
        {"id": "doc_1", "requires": ["number", "date", "file"], "label": "Kế hoạch CCHC năm"},
        {"id": "doc_2", "label": "Báo cáo quý"},
    ]


@pytest.fixture(scope="module")
def draft() -> Draft:
    return import_annex(ANNEX)


def items(nodes: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for node in nodes:
        out[node["id"]] = node
        out.update(items(node.get("children") or []))
    return out


EXPECTED_KINDS = {
    "1.1.1": "timeliness",
    "1.1.2": "tiers",
    "1.2": "timeliness",
    "1.3.a": "yes_no",
    "1.3.b": "count_tiers",
    "2.1": "timeliness",
    "2.2": "tiers",
    "2.3": "yes_no",
    "2.4": "deduction",
    "3.2": "tiers",
    "3.3": "tiers",
    "3.5": "tiers",
    "4.1": "choice",
    "4.2": "checklist",
    "5.1": "proportional",
    "5.2": "yes_no",
    "5.3": "tiers",
    "6.1": "bonus",
    "6.2": "penalty",
    "6.3": "penalty",
}


def test_the_hand_written_annex_hierarchy_and_maxima(draft: Draft) -> None:
    found = items(draft.document["areas"])
    assert [area["id"] for area in draft.document["areas"]] == ["1", "2", "3", "4", "5", "6"]
    assert sorted(found) == sorted(
        [*EXPECTED_KINDS, "1", "1.1", "1.3", "2", "3", "3.1", "3.4", "4", "5", "5.4", "6", "6.4"]
    )
    assert [c["id"] for c in found["1.3"]["children"]] == ["1.3.a", "1.3.b"]  # a), b) under criterion 3 of area I
    assert found["1.1.1"]["max"] == 1  # "1 điểm"
    assert found["1.3.b"]["max"] == Decimal("1.5")  # "1,5 điểm"
    assert found["1.2"]["max"] == 1  # "1,0"
    assert found["6"]["part"] == "adjustment" and found["6"]["max"] == 5  # no points printed: the sum
    assert draft.document["scale"] == 36 and draft.document["parts"] == {"appraised": 36, "survey": 0}


def test_the_hand_written_annex_rules(draft: Draft) -> None:
    assert draft.kinds == EXPECTED_KINDS
    found = items(draft.document["areas"])
    assert normal(found["1.1.1"]["rule"]) == normal(
        {"kind": "timeliness", "input": "status", "on_time": 1, "late": D("0.5"), "not_done": 0}
    )
    # "Từ 3 cuộc trở lên; 2 cuộc; 1 cuộc", from the largest down: at least 3, 2, 1 (whole counts).
    assert normal(found["1.3.b"]["rule"]["tiers"]) == normal(
        [{"at_least": 3, "points": D("1.5")}, {"at_least": 2, "points": 1}, {"at_least": 1, "points": D("0.5")}]
    )
    assert found["1.3.b"]["inputs"] == {"count": {"type": "count", "label": "Số cuộc kiểm tra trong năm"}}
    rate = found["3.5"]
    assert rate["rule"]["rate"] == {"numerator": "numerator", "denominator": "denominator"}
    assert normal(rate["rule"]["tiers"][0]) == normal({"from": 100, "to": 100, "points": 2})  # "Đạt 100%"
    assert rate["not_applicable"] == "full_points"
    assert rate["inputs"]["numerator"]["label"] == "Số phản ánh đã xử lý"
    assert [lvl.get("fraction") for lvl in found["4.1"]["rule"]["levels"]] == [1, D("0.5"), None]
    assert normal(found["6.1"]["rule"]) == normal({"kind": "bonus", "input": "occurrences", "per": D("0.5")})
    assert found["6.3"]["inputs"]["happened"]["type"] == "boolean"
    assert found["1.1.1"]["evidence"] == [
        {"id": "doc_1", "requires": ["number", "date", "file"], "label": "Kế hoạch CCHC năm của UBND xã"}
    ]
    assert [e["label"] for e in found["4.2"]["evidence"]] == ["Quyết định bố trí", "Kết quả đánh giá, xếp loại"]


def test_the_hand_written_annex_todos_quote_the_cell_and_row(draft: Draft) -> None:
    found = items(draft.document["areas"])
    assert found["3.1"]["todo"].startswith("dòng 20, cột «Phương pháp chấm điểm»: «Công khai đầy đủ")
    assert (
        "dòng 32" in found["5.4"]["todo"]
        and "«Trên 90%: 2 điểm; 70 - 90%: 1 điểm; dưới 70%: 0 điểm»" in found["5.4"]["todo"]
    )
    assert found["6.4"]["max"] is None
    assert [note.split(":")[0] for note in found["6.4"]["todo"]] == [
        "dòng 37, cột «Điểm tối đa»",
        "dòng 37, cột «Phương pháp chấm điểm»",
    ]
    assert "rule" not in found["3.4"] and "rule" not in found["6.4"]
    assert len(draft.document["todo"]) == 2  # no cover sheet, no classes
    assert len(draft.todos) == 7
    # The vertical merge of an evidence cell over II.3 and II.4 is passed on as a warning.
    assert [(p.code, p.severity, p.row) for p in draft.problems] == [("annex-merged-cells", "warning", 17)]
    assert "evidence" in found["2.4"] and found["2.4"]["evidence"] == []


def test_validate_refuses_the_draft_and_lists_every_todo(draft: Draft, tmp_path: Path) -> None:
    path = tmp_path / "draft.yaml"
    path.write_text(draft_yaml(draft.document, ANNEX.name), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    listed = [line for line in result.output.splitlines() if "ghi chú todo chưa giải quyết" in line]
    assert len(listed) == 7  # in Vietnamese, the default, each note quoted as the draft writes it
    assert all(f"{path}:" in line for line in listed)
    assert "draft.yaml: KHÔNG HỢP LỆ (7 vấn đề)" in result.output


def resolve(document: dict[str, Any]) -> dict[str, Any]:
    """What an official does with the draft: fill in the particulars and classes, and write the
    four rules the import could not read."""
    done = copy.deepcopy(document)
    done.pop("todo")
    done.update(
        title="Bộ chỉ số CCHC cấp xã tỉnh Mẫu",
        year=2025,
        province="Tỉnh Mẫu",
        issuer="UBND tỉnh Mẫu",
        decision={"number": "123/QĐ-UBND", "date": "15/01/2025"},
        ranking={"within": "province"},
        classes=[{"name": "Tốt", "from": 80}, {"name": "Khá", "from": 50, "below": 80}, {"name": "Yếu", "below": 50}],
    )
    found = items(done["areas"])
    for leaf_id, rule, inputs in (
        ("3.1", {"kind": "yes_no", "input": "all_public"}, {"all_public": {"type": "boolean"}}),
        ("3.4", {"kind": "yes_no", "input": "apologised"}, {"apologised": {"type": "boolean"}}),
        (
            "5.4",
            {
                "kind": "tiers",
                "input": "share",
                "tiers": [{"above": 90, "points": 2}, {"from": 70, "to": 90, "points": 1}, {"below": 70, "points": 0}],
            },
            {"share": {"type": "percent"}},
        ),
        ("6.4", {"kind": "bonus", "input": "commended", "per": 1}, {"commended": {"type": "boolean"}}),
    ):
        found[leaf_id].pop("todo")
        found[leaf_id].update(rule=rule, inputs=inputs)
    found["6.4"]["max"] = 1
    return done


def test_a_resolved_draft_validates(draft: Draft) -> None:
    text = draft_yaml(resolve(draft.document), ANNEX.name)
    criteria = load_criteria_text(text, "resolved.yaml").criteria
    assert sum(1 for _ in criteria.leaves()) == 24
    assert criteria.scale == 36


def test_a_todo_left_in_a_resolved_draft_is_still_refused(draft: Draft) -> None:
    document = resolve(draft.document)
    items(document["areas"])["2.2"]["todo"] = "check the ladder against the decision"
    with pytest.raises(CriteriaError) as caught:
        load_criteria_text(draft_yaml(document, ANNEX.name), "resolved.yaml")
    assert [(p.code, p.message) for p in caught.value.problems] == [
        ("todo", "unresolved todo: check the ladder against the decision")
    ]


def test_an_input_named_todo_is_not_a_note() -> None:
    text = BASE.replace("inputs: {ok: {type: boolean}}", "inputs: {todo: {type: boolean}}").replace(
        "input: ok}", "input: todo}"
    )
    assert load_criteria_text(text, "t.yaml").criteria.id == "test-base"


def test_todo_notes_in_english() -> None:
    notes = import_annex(ANNEX, lang="en").todos
    assert notes[0].startswith("row 20, column «Phương pháp chấm điểm»: «Công khai đầy đủ")
    assert notes[0].endswith(
        "method not recognised: two conditions with points, neither of them a «không …» (is it a checklist? a choice?)"
    )
    assert notes[-1].startswith("the annex has no classes")


EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "annex"


def test_the_example_draft_is_what_import_makes(tmp_path: Path) -> None:
    """examples/annex/phu-luc-mau.draft.yaml is regenerated with the command in its README."""
    draft = import_annex(EXAMPLE / "phu-luc-mau.xlsx", "phu-luc-mau.xlsx")
    expected = draft_yaml(draft.document, "phu-luc-mau.xlsx")
    assert (EXAMPLE / "phu-luc-mau.draft.yaml").read_text(encoding="utf-8") == expected


def test_a_bonus_cap_is_the_maximum_or_must_agree_with_it() -> None:
    text = "Mỗi sáng kiến được công nhận cộng 0,5 điểm, tối đa 2 điểm"
    assert read_method(text, None, adjustment=True).extras == {"cap": 2}
    assert read_method(text, Decimal(2), adjustment=True).rule is not None
    differs = read_method(text, Decimal(3), adjustment=True).todo
    assert differs is not None
    assert differs.text("en") == "the cap of 2 points in the method differs from the item's maximum of 3"


def test_a_maximum_written_with_a_thousands_point_is_asked_not_guessed(tmp_path: Path) -> None:
    # «1.000» is one thousand as Vietnamese text writes it, and 1 with a decimal point: the draft
    # summed 1,000 points into its area and scale without a word. «1,000» and «1.5» stay numbers.
    import xlsxwriter

    book = xlsxwriter.Workbook(str(tmp_path / "annex.xlsx"))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Phương pháp chấm điểm"])
    method = "- Có: {} điểm;\n- Không: 0 điểm"
    rows = [["I", "Lĩnh vực", "", ""], ["1", "Tiêu chí", "", ""]]
    rows += [
        [f"1.{n}", f"Mục {n}", points, method.format(points)] for n, points in enumerate(["1.000", "1,000", "1.5"], 1)
    ]
    for at, row in enumerate(rows, 1):
        sheet.write_row(at, 0, row)
    book.close()
    found = items(import_annex(tmp_path / "annex.xlsx", lang="en").document["areas"])
    assert found["1.1.1"]["max"] is None
    assert found["1.1.1"]["todo"] == [
        "row 4, column «Điểm tối đa»: «1.000» — is 1.000 1000 points (a thousands point, as Vietnamese text"
        " writes it), or 1 (a decimal point)? write 1 or 1000",
        "row 4, column «Phương pháp chấm điểm»: «- Có: 1.000 điểm; ⏎ - Không: 0 điểm» — method not recognised: is"
        " 1.000 1000 points (a thousands point, as Vietnamese text writes it), or 1 (a decimal point)? write 1 or"
        " 1000",
    ]
    assert (found["1.1.2"]["max"], found["1.1.3"]["max"]) == (Decimal(1), Decimal("1.5"))
    assert found["1"]["max"] == Decimal("2.5")  # the asked maximum left out of the sum until answered


def test_numbers_typed_with_look_alikes_read_as_the_plain_ones(draft: Draft, tmp_path: Path) -> None:
    # Word's Roman numeral character «Ⅱ» (U+2161), a CJK input method's «１．２», a zero-width
    # space pasted from a web page inside «1.1»: each was "unreadable number", and with area II
    # unread, the numbers under it were read as area I's (the draft's tree broken).
    book = openpyxl.load_workbook(ANNEX)
    sheet = book.worksheets[0]
    assert [sheet.cell(row, 1).value for row in (8, 9, 14)] == ["1.1", "1.2", "II"]
    sheet.cell(8, 1).value = "1.\u200b1"
    sheet.cell(9, 1).value = "\uff11\uff0e\uff12"
    sheet.cell(14, 1).value = "\u2161"
    edited = tmp_path / "annex.xlsx"
    book.save(edited)
    again = import_annex(edited)
    assert sorted(items(again.document["areas"])) == sorted(items(draft.document["areas"]))
    assert not any("số thứ tự" in todo for todo in again.todos)


def test_a_second_annex_table_is_told_not_passed_over(tmp_path: Path) -> None:
    """«Phụ lục II» beside «Phụ lục I» (a set for wards beside the communes' one): only the first is
    drafted, and the other is now a warning naming it and its numbered rows. Until session 30 its
    items were in no draft and nothing said so."""
    book = openpyxl.load_workbook(ANNEX)
    book.copy_worksheet(book.worksheets[0]).title = "Phụ lục II"
    two = tmp_path / "two.xlsx"
    book.save(two)
    draft = import_annex(two)
    told = [p for p in draft.problems if p.code == "annex-sheet-not-read"]
    assert [(p.sheet, p.severity, p.params) for p in told] == [
        ("Phụ lục II", "warning", {"sheet": "Phụ lục II", "rows": 32, "drafted": book.sheetnames[0]})
    ]
    alone = import_annex(ANNEX).document
    assert {**draft.document, "id": alone["id"]} == alone  # the first table's draft (the id is the file's name)
    result = CliRunner().invoke(main, ["criteria", "import", str(two), "-o", str(tmp_path / "d.yaml")])
    assert result.exit_code == 0
    assert "cũng có bảng phụ lục" in result.output and "[annex-sheet-not-read]" in result.output


def test_an_exported_annex_has_one_table(tmp_path: Path) -> None:
    """The export's cover sheets (particulars, classes, provenance) are no second table."""
    from pari_index.authoring.export import export_annex
    from pari_index.criteria.loading import load_criteria

    annex = tmp_path / "annex.xlsx"
    export_annex(
        load_criteria(Path(__file__).resolve().parents[1] / "criteria" / "ha-noi-2025-commune.yaml").criteria, annex
    )
    assert [p.code for p in import_annex(annex).problems] == []


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("- Quyết định bố trí; - Kết quả đánh giá, xếp loại", ["Quyết định bố trí", "Kết quả đánh giá, xếp loại"]),
        ("1) Kế hoạch CCHC; 2) Báo cáo kết quả", ["Kế hoạch CCHC", "Báo cáo kết quả"]),
        ("Báo cáo theo các biểu: 1) Biểu 01; 2) Biểu 02", ["Báo cáo theo các biểu: 1) Biểu 01; 2) Biểu 02"]),
        ("Báo cáo\x0bQuyết định", ["Báo cáo", "Quyết định"]),
        ("2024. Báo cáo năm", ["2024. Báo cáo năm"]),
        ("Quyết định phân công; danh sách kèm theo", ["Quyết định phân công; danh sách kèm theo"]),
    ],
)
def test_documents_listed_on_one_line_are_one_each(text: str, labels: list[str]) -> None:
    """Until session 30 «- A; - B» on one line was one document «A; - B»: the form asked for one
    where the decision requires two. A «;» inside one document's name stays in it."""
    assert [document["label"] for document in evidence_of(text)] == labels


def test_a_formula_without_its_result_is_a_warning_and_its_item_a_todo(tmp_path: Path) -> None:
    """A points cell holding a formula Excel never saved a result for (a workbook written by a
    program): until session 30 an «error» of an import that still wrote its draft (exit 0). Now a
    warning, and the item whose maximum it was is a todo."""
    book = openpyxl.load_workbook(ANNEX)
    for row in book.worksheets[0].iter_rows():
        if row[0].value == "1.1":
            row[2].value = "=0.5*2"
    annex = tmp_path / "formula.xlsx"
    book.save(annex)
    draft = import_annex(annex)
    assert [(p.code, p.severity) for p in draft.problems if p.code == "formula-without-value"] == [
        ("formula-without-value", "warning")
    ]
    assert "dòng 8, cột «Điểm tối đa»: «» — thiếu điểm tối đa" in draft.todos
    result = CliRunner().invoke(main, ["criteria", "import", str(annex), "-o", str(tmp_path / "d.yaml")])
    lines = result.output.splitlines()
    assert result.exit_code == 0 and any(line.startswith("cảnh báo: ") for line in lines)
    assert not [line for line in lines if line.startswith("lỗi: ")]


def test_a_summary_or_self_scoring_sheet_beside_the_annex_is_no_second_annex(tmp_path: Path) -> None:
    """A sheet with STT, a title and points but no scoring method (a summary, a self-scoring form)
    is not told as an annex left undrafted (a review found the first version warned of them)."""
    book = openpyxl.load_workbook(ANNEX)
    summary = book.create_sheet("Tổng hợp")
    summary.append(["STT", "Lĩnh vực", "Điểm tối đa", "Điểm tự chấm"])
    summary.append(["I", "Công tác chỉ đạo, điều hành", 6, None])
    annex = tmp_path / "with-summary.xlsx"
    book.save(annex)
    assert "annex-sheet-not-read" not in [p.code for p in import_annex(annex).problems]


def test_english_headings_over_vietnamese_methods_are_an_annex_to_read(tmp_path: Path) -> None:
    """Only the English reading copy is refused: the export's English headings over methods a user
    wrote in Vietnamese are read."""
    from pari_index.authoring.export import ANNEX_COLUMNS

    book = openpyxl.load_workbook(ANNEX)
    sheet = book.worksheets[0]
    for row in sheet.iter_rows():
        if row[0].value == "STT":
            for cell, heading in zip(row, ANNEX_COLUMNS["en"], strict=True):
                cell.value = heading
    annex = tmp_path / "english-headings.xlsx"
    book.save(annex)
    assert len(import_annex(annex).kinds) == len(import_annex(ANNEX).kinds) > 0
