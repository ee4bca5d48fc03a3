"""The plain-language scoring method of each rule kind (criteria/method.py), and its reader.

Every expected sentence is written out by hand: the phrasing a decision prints, decimal commas in
Vietnamese, a point in English."""

from __future__ import annotations

import itertools
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pari_index.authoring.parse import parse_number
from pari_index.authoring.recognise import read_method
from pari_index.criteria.loading import bundled_criteria_dir, load_criteria, load_criteria_text
from pari_index.criteria.method import method_text, number
from pari_index.criteria.model import Leaf, resolve_leaves

HEAD = """\
id: method-test
title: "Bộ thử"
year: 2024
province: "Tỉnh Thử"
issuer: "UBND tỉnh Thử"
decision: {number: "1/QĐ-UBND", date: 2024-01-15}
scale: 10
parts: {appraised: 10}
ranking: {within: district}
classes: [{name: "Tốt", from: 0}]
areas:
  - id: "1"
    title: "Lĩnh vực"
    max: 10
    children:
"""


def leaf(body: str, maximum: str = "10", extra: str = "") -> Leaf:
    """The one leaf of a set whose only item has ``body`` (inputs and rule, indented 6)."""
    text = HEAD + f'      - id: "1.1"\n        title: "Mục"\n        max: {maximum}\n{extra}' + body
    return resolve_leaves(load_criteria_text(text, "t.yaml").criteria)[0]


CASES = {
    "yes_no": (
        "        inputs: {ok: {type: boolean}}\n        rule: {kind: yes_no, input: ok}\n",
        "Đạt: 10 điểm; không đạt: 0 điểm",
        "Met: 10 points; not met: 0 points",
    ),
    "timeliness": (
        "        inputs: {s: {type: status}}\n        rule: {kind: timeliness, input: s, late: 5.5}\n",
        "Đúng thời hạn: 10 điểm; chậm thời hạn: 5,5 điểm; không thực hiện: 0 điểm",
        "On time: 10 points; late: 5.5 points; not done: 0 points",
    ),
    "deadline": (
        "        inputs: {d: {type: date}}\n"
        "        rule: {kind: deadline, input: d, deadline: 2024-01-31, late_until: 2024-02-29, late: 5}\n",
        "Hoàn thành đến hết ngày 31/01/2024: 10 điểm; sau ngày 31/01/2024 đến hết ngày 29/02/2024: 5 điểm; "
        "sau ngày 29/02/2024 hoặc không thực hiện: 0 điểm",
        "Done by the end of 31/01/2024: 10 points; after 31/01/2024 until the end of 29/02/2024: 5 points; "
        "after 29/02/2024 or not done: 0 points",
    ),
    "tiers": (
        "        inputs: {p: {type: percent, label: 'Tỷ lệ hồ sơ đúng hạn'}}\n"
        "        rule: {kind: tiers, input: p, tiers: [{from: 100, points: 10}, {from: 80, below: 100, points: 1},"
        " {above: 70, below: 80, points: 0.25}, {to: 70, points: 0}]}\n",
        "[Tỷ lệ hồ sơ đúng hạn]:\n– Từ 100% trở lên: 10 điểm\n– Từ 80% đến dưới 100%: 1 điểm\n"
        "– Trên 70% đến dưới 80%: 0,25 điểm\n– Đến 70%: 0 điểm",
        "[Tỷ lệ hồ sơ đúng hạn (vi)]:\n– 100% or more: 10 points\n– From 80% to below 100%: 1 point\n"
        "– Above 70% to below 80%: 0.25 points\n– Up to 70%: 0 points",
    ),
    "rate": (
        "        inputs: {a: {type: count, label: 'Số đã xử lý'}, b: {type: count, label: 'Số tiếp nhận'}}\n"
        "        rule: {kind: tiers, rate: {numerator: a, denominator: b}, when_no_denominator: full_points,"
        " tiers: [{from: 80, points: 10}, {below: 80, points: 0}]}\n",
        "Tỷ lệ = [Số đã xử lý] / [Số tiếp nhận] × 100%:\n– Từ 80% trở lên: 10 điểm\n– Dưới 80%: 0 điểm\n"
        "Không phát sinh (mẫu số bằng 0): đạt điểm tối đa.",
        "Rate = [a] / [b] × 100%:\n– 80% or more: 10 points\n– Below 80%: 0 points\n"
        "Nothing to count (denominator 0): full points.",
    ),
    "proportional": (
        "        inputs: {p: {type: percent, label: 'Tỷ lệ ký số'}}\n"
        "        rule: {kind: proportional, input: p, floor: 1, cap: 9.5}\n",
        "[Tỷ lệ ký số]:\nĐiểm = tỷ lệ (%) × điểm tối đa, không thấp hơn 1 điểm, không quá 9,5 điểm.",
        "[Tỷ lệ ký số (vi)]:\nPoints = rate (%) × maximum, not below 1 point, not above 9.5 points.",
    ),
    "checklist": (
        "        inputs: {a: {type: boolean, label: 'Có kế hoạch'}, b: {type: boolean}}\n"
        "        rule: {kind: checklist, items: [{input: a, points: 9.75},"
        " {input: b, points: 0.25, label: 'Có báo cáo'}]}\n",
        "Cộng điểm cho mỗi nội dung đạt được:\n– Có kế hoạch: 9,75 điểm\n– Có báo cáo: 0,25 điểm",
        "Points for each condition met:\n– Có kế hoạch (vi): 9.75 points\n– Có báo cáo (vi): 0.25 points",
    ),
    "count_tiers": (
        "        inputs: {n: {type: count, label: 'Số cuộc họp'}}\n"
        "        rule: {kind: count_tiers, input: n, tiers: [{at_least: 4, points: 10}, {at_least: 1, points: 2.5}]}\n",
        "[Số cuộc họp]:\n– Từ 4 lần trở lên: 10 điểm\n– Từ 1 lần trở lên: 2,5 điểm",
        "[Số cuộc họp (vi)]:\n– 4 or more times: 10 points\n– 1 or more times: 2.5 points",
    ),
    "choice": (
        "        inputs: {l: {type: level}}\n"
        "        rule: {kind: choice, input: l, levels: [{value: chair, label: 'Chủ tịch chủ trì', fraction: 1},"
        " {value: deputy, label: 'Phó Chủ tịch chủ trì', fraction: 0.5}, {value: none, points: 0}]}\n",
        "Chấm theo một trong các mức:\n– Chủ tịch chủ trì: 100% điểm tối đa\n– Phó Chủ tịch chủ trì: 50% điểm tối đa\n"
        "– none: 0 điểm",
        "One of the levels:\n– Chủ tịch chủ trì (vi): 100% of the maximum\n"
        "– Phó Chủ tịch chủ trì (vi): 50% of the maximum\n– none: 0 points",
    ),
    "deduction": (
        "        inputs: {n: {type: count, label: 'lần bị phê bình'}}\n"
        "        rule: {kind: deduction, input: n, per: 0.25}\n",
        "Mỗi [lần bị phê bình] trừ 0,25 điểm.",
        "Each [lần bị phê bình (vi)] takes off 0.25 points.",
    ),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_method_sentence_per_kind(kind: str) -> None:
    body, vi, en = CASES[kind]
    item = leaf(body)
    assert method_text(item) == vi
    # In English a Vietnamese-only label is marked "(vi)" (as pari explain marks it); no label: the input name.
    expected_en = en.replace("[a] / [b]", "[Số đã xử lý (vi)] / [Số tiếp nhận (vi)]") if kind == "rate" else en
    assert method_text(item, "en") == expected_en


@pytest.mark.parametrize("kind", sorted(CASES))
def test_method_sentence_reads_back_as_the_same_kind(kind: str) -> None:
    _, vi, _ = CASES[kind]
    reading = read_method(vi, Decimal(10))
    assert reading.todo is None
    assert reading.rule is not None and reading.rule["kind"] == ("tiers" if kind == "rate" else kind)


def test_policies_are_written_after_the_rule() -> None:
    extra = "        applies_to: [ward, township]\n        not_applicable: full_points\n        floor: -0.5\n"
    item = leaf("        inputs: {n: {type: count}}\n        rule: {kind: deduction, input: n, per: 1}\n", extra=extra)
    assert method_text(item).splitlines() == [
        "Mỗi [n] trừ 1 điểm.",
        "Điểm thấp nhất: -0,5 điểm.",
        "Trường hợp không phát sinh: tính điểm tối đa.",
        "Chỉ áp dụng đối với: phường, thị trấn.",
    ]
    reading = read_method(method_text(item), Decimal(10))
    assert reading.extras == {
        "floor": Decimal("-0.5"),
        "not_applicable": "full_points",
        "applies_to": ["ward", "township"],
    }


def test_bonus_and_penalty_name_their_cap() -> None:
    criteria = load_criteria(bundled_criteria_dir() / "ha-noi-2025-commune.yaml").criteria
    leaves = {item.id: item for item in resolve_leaves(criteria)}
    assert method_text(leaves["9.1"]) == "Mỗi [Số sáng kiến được công nhận] cộng 1 điểm, tối đa 2 điểm."
    assert method_text(leaves["9.2"]) == "Có [Được Thành phố khen thưởng về CCHC]: cộng 1 điểm."
    assert method_text(leaves["9.3"]) == "Mỗi [Số lần bị phê bình, xử lý bằng văn bản] trừ 1 điểm, trừ tối đa 3 điểm."
    assert method_text(leaves["9.3"], "en") == (
        "Each [Written criticisms or sanctions] takes off 1 point, at most 3 points off."
    )
    for leaf_id, kind, input_type in (
        ("9.1", "bonus", "count"),
        ("9.2", "bonus", "boolean"),
        ("9.3", "penalty", "count"),
    ):
        reading = read_method(method_text(leaves[leaf_id]), leaves[leaf_id].max, adjustment=True)
        assert reading.rule is not None and reading.rule["kind"] == kind
        assert [spec["type"] for spec in reading.inputs.values()] == [input_type]
    # Outside a bonus and penalty area, "mỗi … trừ" is a deduction and "mỗi … cộng" is not read.
    assert read_method("Mỗi lần vi phạm trừ 0,25 điểm", Decimal(1)).rule == {
        "kind": "deduction",
        "input": "occurrences",
        "per": Decimal("0.25"),
    }
    outside = read_method("Mỗi sáng kiến cộng 0,5 điểm", Decimal(1)).todo
    assert outside is not None and "outside a bonus area" in outside.text("en")


@pytest.mark.parametrize(
    ("value", "vi", "en"),
    [("0.25", "0,25", "0.25"), ("7.50", "7,5", "7.5"), ("100", "100", "100"), ("-0.0", "0", "0"), ("1E+1", "10", "10")],
)
def test_numbers_as_decisions_print_them(value: str, vi: str, en: str) -> None:
    assert number(Decimal(value), "vi") == vi
    assert number(Decimal(value), "en") == en


@given(st.decimals(min_value=-(10**6), max_value=10**6, places=4, allow_nan=False, allow_infinity=False))
def test_a_printed_number_reads_back_exactly(value: Decimal) -> None:
    assert parse_number(number(value, "vi")) == value
    assert Decimal(number(value, "en")) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.000.000", Decimal(1000000)),
        ("0.5", Decimal("0.5")),
        ("0.163", Decimal("0.163")),
        ("2,75", Decimal("2.75")),
        ("1,2,3", None),
        ("abc", None),
    ],
)
def test_numbers_as_officials_type_them(text: str, expected: Decimal | None) -> None:
    assert parse_number(text) == expected


@st.composite
def ladders(draw: st.DrawFn) -> list[dict[str, Decimal]]:
    """A ladder of 1 to 6 bands between sorted edges, each edge given to one side or the other,
    open at the top and bottom or not, with points of up to 4 decimals."""
    edges = sorted(
        draw(
            st.sets(
                st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False),
                min_size=1,
                max_size=5,
            )
        )
    )
    bands: list[dict[str, Decimal]] = []
    bounds: list[Decimal | None] = [None, *edges, None]
    for low, high in itertools.pairwise(bounds):
        band: dict[str, Decimal] = {}
        if low is not None:
            band["from" if draw(st.booleans()) else "above"] = low
        if high is not None:
            band["below" if draw(st.booleans()) else "to"] = high
        band["points"] = draw(st.decimals(min_value=0, max_value=10, places=4, allow_nan=False, allow_infinity=False))
        bands.append(band)
    return bands[::-1] if draw(st.booleans()) else bands


@given(ladders(), st.booleans())
def test_any_ladder_reads_back_with_exact_edges(ladder: list[dict[str, Decimal]], percent: bool) -> None:
    from pari_index.criteria.method import range_text
    from pari_index.criteria.rules import Tier

    lines = ["[Giá trị đo]:"]
    for band in ladder:
        tier = Tier.model_validate(band)
        lines.append(f"– {range_text(tier, 'vi', percent)}: {number(band['points'])} điểm")
    reading = read_method("\n".join(lines), Decimal(10))
    assert reading.todo is None, reading.todo.text("en") if reading.todo else ""
    assert reading.rule is not None and reading.rule["kind"] == "tiers"
    assert reading.rule["tiers"] == ladder
    assert reading.inputs["measure"]["type"] == ("percent" if percent else "number")


def test_relative_deadlines_are_written_as_days_of_the_assessment_year() -> None:
    body = (
        "        inputs: {d: {type: date, label: 'Ngày ký', label_en: 'signed on'},"
        " r: {type: date, label: 'Ngày nhận'}}\n"
        "        rule: {kind: deadline, input: d, deadline: {year: -1, month: 12, day: 15},"
        " late_until: {days_after: 10, of: r}, late: 5}\n"
    )
    item = leaf(body)
    assert method_text(item) == (
        "Hoàn thành đến hết ngày 15/12 năm trước năm đánh giá: 10 điểm; sau ngày 15/12 năm trước năm đánh giá "
        "đến hết ngày 10 ngày sau Ngày nhận: 5 điểm; sau ngày 10 ngày sau Ngày nhận hoặc không thực hiện: 0 điểm"
    )
    assert method_text(item, "en").startswith(
        "Done by the end of 15/12 of the year before the assessment year: 10 points"
    )


def test_one_sentence_describes_a_rule_in_template_explain_and_report(tmp_path: Path) -> None:
    """The annex's method sentence is what the template, `pari explain` and the report print."""
    import openpyxl
    from click.testing import CliRunner

    from pari_index.cli import main

    root = Path(__file__).resolve().parents[1]
    criteria = load_criteria(bundled_criteria_dir() / "ha-noi-2025-commune.yaml").criteria
    leaves = {item.id: item for item in resolve_leaves(criteria)}
    runner = CliRunner()
    ex = root / "examples"
    args = ["score", str(ex / "assessments_long.csv"), str(ex / "assessments_wide.xlsx")]
    args += ["--communes", str(ex / "communes.csv"), "--survey", str(ex / "survey.csv")]
    args += ["-o", str(tmp_path / "r.xlsx"), "--report", str(tmp_path / "r.html")]
    assert runner.invoke(main, args).exit_code in (0, 1)
    for lang, word in (("vi", "Cách chấm"), ("en", "Method")):
        out = runner.invoke(main, ["explain", "00001", "1.2", "--results", str(tmp_path / "r.xlsx"), "--lang", lang])
        assert f"    {word}: {method_text(leaves['1.2'], lang)}" in out.output
    report = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Cách chấm từng tiêu chí" in report
    assert report.count('class="method-text"') == len(leaves)
    assert method_text(leaves["1.2"], "vi") in report
    assert runner.invoke(main, ["template", "-o", str(tmp_path / "form.xlsx")]).exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "form.xlsx")["Tự đánh giá"]
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert any(text.startswith(f"Cách chấm: {method_text(leaves['1.2'], 'vi')}") for text in cells)
