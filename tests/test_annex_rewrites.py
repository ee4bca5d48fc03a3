"""An annex written another way reads as the same set, or says todo at the item (session 30).

A metamorphic campaign (the lead's, session 30) exported each bundled set as its annex, rewrote
the scoring methods in ways a province's typist writes them, imported each rewrite and compared
the draft with the set (authoring.compare). Before, these were read as other rules without a todo:

- the words of a method joined by no-break spaces (as Word and web pages join them) or by two
  spaces: «Tỷ lệ = [A] / [B]» was not seen, and the item read one percent input in place of a
  rate of two counts, its policy for no denominator lost (11 items of the Hà Nội set);
- a full-width colon and semicolon («Đạt： 1 điểm； không đạt： 0 điểm», as an East Asian input
  method types them): a yes/no giving 0 points when done;
- «đ» for «điểm» in a deduction («Có [Vi phạm kỷ luật]: trừ 0,5 đ»), or a deduction not in the
  form «Có …: trừ …»: a yes/no *giving* 0.5 points for a violation (pari validate accepts it);
- a method in capitals («ĐẠT: 1 ĐIỂM»): a todo at each of its 59 items;
- a method written on one line with «;» («… × 100%:; – Từ 80% trở lên: 1 điểm; …; Không phát
  sinh …»): its rate read as one percent input, or its policy lost.

- two sentences of policy on one line («Trường hợp không phát sinh: không tính điểm. Chỉ áp dụng
  đối với: phường.»): the second was lost, and an item for wards applied to every unit.

And a label taken from an item's title in both languages (the provenance sheet gives the English
title) was written as the whole mapping: a draft pari validate refused with "label: Input should
be a valid string".
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from pari_index.authoring.compare import semantic_differences
from pari_index.authoring.draft_yaml import draft_yaml
from pari_index.authoring.export import export_annex
from pari_index.authoring.importing import import_annex, points_of
from pari_index.authoring.recognise import read_method
from pari_index.criteria.loading import load_criteria, load_criteria_text

ROOT = Path(__file__).resolve().parents[1]
HA_NOI = ROOT / "criteria" / "ha-noi-2025-commune.yaml"


def test_a_rate_whose_words_are_joined_by_no_break_spaces_is_a_rate() -> None:
    text = (
        "Tỷ\u00a0lệ\u00a0=\u00a0[Số hồ sơ đúng hạn]\u00a0/\u00a0[Số  hồ sơ]\u00a0×\u00a0100%:\n"
        "Điểm = tỷ lệ (%) × điểm tối đa."
    )
    reading = read_method(text, Decimal(2))
    assert reading.rule == {"kind": "proportional", "rate": {"numerator": "numerator", "denominator": "denominator"}}
    assert reading.inputs == {
        "numerator": {"type": "count", "label": "Số hồ sơ đúng hạn"},
        "denominator": {"type": "count", "label": "Số hồ sơ"},
    }


def test_full_width_punctuation_reads_as_its_ascii_twin() -> None:
    reading = read_method("Đạt： 1 điểm； không đạt： 0 điểm", Decimal(1))
    assert reading.rule == {"kind": "yes_no", "input": "done", "yes": Decimal(1), "no": Decimal(0)}


@pytest.mark.parametrize(
    ("text", "adjustment", "kind"),
    [
        ("Có [Vi phạm kỷ luật]: trừ 0,5 đ", False, "deduction"),
        ("Có [Vi phạm kỷ luật]: trừ 0,5đ", True, "penalty"),
        ("Mỗi [lần vi phạm]: trừ 0,25 đ", False, "deduction"),
    ],
)
def test_points_taken_away_with_the_short_unit_are_a_deduction(text: str, adjustment: bool, kind: str) -> None:
    reading = read_method(text, Decimal(1), adjustment=adjustment)
    assert reading.rule is not None and reading.rule["kind"] == kind
    assert reading.rule["per"] == (Decimal("0.5") if "0,5" in text else Decimal("0.25"))


@pytest.mark.parametrize(
    "text", ["Vi phạm: trừ 0,5 điểm; không vi phạm: 0 điểm", "Từ 80% trở lên: 1 điểm; dưới 80%: trừ 0,5 điểm"]
)
def test_points_taken_away_in_no_form_the_reader_knows_are_a_todo(text: str) -> None:
    reading = read_method(text, Decimal(1))
    assert reading.rule is None and reading.todo is not None
    assert reading.todo.text("en").endswith("takes points away or adds them, but not in the form «Có …: trừ 1 điểm» "
                                            "or «Mỗi …: trừ 0,25 điểm» that says when")  # fmt: skip
    assert "trừ hoặc cộng điểm" in reading.todo.text("vi")


def test_a_method_on_one_line_keeps_its_rate_ladder_and_policy() -> None:
    text = (
        "Tỷ lệ = [A] / [B] × 100%:; – Từ 80% trở lên: 1 điểm; – Dưới 80%: 0 điểm; "
        "Không phát sinh (mẫu số bằng 0): đạt điểm tối đa."
    )
    reading = read_method(text, Decimal(1))
    assert reading.rule == {
        "kind": "tiers",
        "rate": {"numerator": "numerator", "denominator": "denominator"},
        "tiers": [{"from": Decimal(80), "points": Decimal(1)}, {"below": Decimal(80), "points": Decimal(0)}],
        "when_no_denominator": "full_points",
    }


def test_each_sentence_of_a_policy_line_counts() -> None:
    text = (
        "Đạt: 0,5 điểm; không đạt: 0 điểm\n"
        "Trường hợp không phát sinh: không tính điểm, loại khỏi tổng điểm tối đa. Chỉ áp dụng đối với: phường."
    )
    reading = read_method(text, Decimal("0.5"))
    assert reading.extras == {"not_applicable": "exclude", "applies_to": ["ward"]}
    text = (
        "Tỷ lệ = [A] / [B] × 100%:\nĐiểm = tỷ lệ (%) × điểm tối đa. Không phát sinh (mẫu số bằng 0): đạt điểm tối đa."
    )
    reading = read_method(text, Decimal(1))
    assert reading.rule == {
        "kind": "proportional",
        "rate": {"numerator": "numerator", "denominator": "denominator"},
        "when_no_denominator": "full_points",
    }


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "Cộng điểm cho mỗi nội dung đạt được:\n- Có kế hoạch; có báo cáo: 0,5 điểm\n- Thực hiện đầy đủ: 0,5 điểm",
            ["Có kế hoạch; có báo cáo", "Thực hiện đầy đủ"],
        ),
        (
            "Chấm theo một trong các mức:; Đạt chuẩn; trang thiết bị hiện đại: 100% điểm tối đa; "
            "Chưa đạt: 0% điểm tối đa",
            ["Đạt chuẩn; trang thiết bị hiện đại", "Chưa đạt"],
        ),
    ],
)
def test_a_semicolon_inside_a_label_is_no_line_break(text: str, labels: list[str]) -> None:
    reading = read_method(text, Decimal(1))
    assert reading.rule is not None
    assert [entry["label"] for entry in reading.rule.get("items", reading.rule.get("levels", []))] == labels


def _rewrite(method: Callable[[str], str]) -> Callable[[str, str | None], tuple[str, str | None]]:
    return lambda text, points: (method(text), points)


def _from_the_lowest_up(text: str) -> str:
    """A ladder of «từ X trở lên» steps listed from the lowest up («– Từ 1 lần trở lên: 0,25 điểm»
    first), as many annexes list them; other methods as they are (disjoint bands in another order
    are the same rule, but authoring.compare compares tiers in order)."""
    lines = text.split("\n")
    steps = [i for i, line in enumerate(lines) if line.startswith("– ") and "điểm" in line]
    open_steps = all("trở lên" in lines[i] for i in steps)
    if not open_steps or len(steps) < 2 or steps != list(range(steps[0], steps[-1] + 1)):
        return text
    lines[steps[0] : steps[-1] + 1] = reversed(lines[steps[0] : steps[-1] + 1])
    return "\n".join(lines)


REWRITES: dict[str, Callable[[str, str | None], tuple[str, str | None]]] = {
    "no-break spaces": _rewrite(lambda text: text.replace(" ", "\u00a0")),
    "two spaces": _rewrite(lambda text: text.replace(" ", "  ")),
    "full-width colons": _rewrite(lambda text: text.replace(":", "：")),
    "one line": _rewrite(lambda text: text.replace("\n", "; ")),
    "capitals": _rewrite(str.upper),
    "sentences run on": _rewrite(lambda text: text.replace(".\n", ". ")),
    "đ for điểm": _rewrite(lambda text: re.sub(r"(\d) điểm\b", r"\1 đ", text)),
    # Session 31: «từ X trở lên» steps from the lowest up were drafted as overlapping tiers, the
    # lowest step holding for every value above it (pari validate refused the draft: tier-overlap).
    "ladders from the lowest up": _rewrite(_from_the_lowest_up),
    "decomposed accents": lambda text, points: (
        unicodedata.normalize("NFD", text),
        points if points is None else unicodedata.normalize("NFD", points),
    ),
}


@pytest.mark.parametrize("name", REWRITES)
def test_an_annex_typed_another_way_imports_to_a_set_that_scores_alike(tmp_path: Path, name: str) -> None:
    original = load_criteria(HA_NOI).criteria
    annex = tmp_path / "annex.xlsx"
    export_annex(original, annex)
    book = openpyxl.load_workbook(annex)
    for row in book.worksheets[0].iter_rows(min_row=2):
        method, points = row[3].value, row[2].value
        if isinstance(method, str):
            row[3].value, new_points = REWRITES[name](method, points if isinstance(points, str) else None)
            row[2].value = new_points if new_points is not None else points
    book.save(annex)
    draft = import_annex(annex)
    assert draft.todos == [] and draft.set_todos == []
    again = load_criteria_text(draft_yaml(copy.deepcopy(draft.document), str(annex)), "draft.yaml").criteria
    assert semantic_differences(original, again) == []


def test_an_item_titled_in_both_languages_gives_its_input_a_label_in_each(tmp_path: Path) -> None:
    """3.2.1's method without its «Tỷ lệ = …:» line: the input is named by the item's title, which
    the provenance sheet gives in Vietnamese and English."""
    annex = tmp_path / "annex.xlsx"
    export_annex(load_criteria(HA_NOI).criteria, annex)
    book = openpyxl.load_workbook(annex)
    for row in book.worksheets[0].iter_rows(min_row=2):
        if row[0].value == "3.2.1":
            row[3].value = "Điểm = tỷ lệ (%) × điểm tối đa."
    book.save(annex)
    draft = import_annex(annex)
    leaf = _node(draft.document["areas"], "3.2.1")
    assert leaf is not None and leaf["inputs"] == {
        "measure": {"type": "percent", "label": "Tỷ lệ hồ sơ giải quyết đúng hạn", "label_en": "Files settled on time"}
    }
    load_criteria_text(draft_yaml(draft.document, str(annex)), "draft.yaml")  # a draft pari validate takes


def _node(nodes: list[dict[str, Any]], node_id: str) -> dict[str, Any] | None:
    for node in nodes:
        found = node if node["id"] == node_id else _node(node.get("children") or [], node_id)
        if found is not None:
            return found
    return None


#: Found by a review of the change above: texts the first version of it read as another rule
#: without a todo, or worse than before. Each (text, maximum) with its reading: a rule, or a todo.
REVIEWED: list[tuple[str, str, dict[str, Any] | str]] = [
    # A policy inside a clause's line: the clause would be lost with it.
    ("Đúng hạn: 1 điểm; chậm: 0,5 điểm (trường hợp không phát sinh: tính điểm tối đa)", "1", "policy-in-clause"),
    ("Đạt: 2 điểm; không đạt: 0 điểm (chỉ áp dụng đối với phường)", "2", "policy-in-clause"),
    # Clauses ended by full stops (the old reading: a yes/no giving 0, or on time giving 0).
    ("Đạt: 2 điểm. Không đạt: 0 điểm.", "2", {"kind": "yes_no", "input": "done", "yes": Decimal(2), "no": Decimal(0)}),
    (
        "Ban hành đúng hạn: 1 điểm. Chậm: 0,5 điểm. Không ban hành: 0 điểm.",
        "1",
        {
            "kind": "timeliness",
            "input": "status",
            "on_time": Decimal(1),
            "late": Decimal("0.5"),
            "not_done": Decimal(0),
        },
    ),
    # Word's line break in a cell (a vertical tab) is a line break.
    (
        "- Đúng hạn: 1 điểm\x0b- Chậm: 0,5 điểm",
        "1",
        {"kind": "timeliness", "input": "status", "on_time": Decimal(1), "late": Decimal("0.5")},
    ),
    # «m²» stays m² (NFKC made it m2, and «1²» twelve).
    (
        "Diện tích từ 100 m² trở lên: 1 điểm; dưới 100 m²: 0 điểm",
        "1",
        {
            "kind": "tiers",
            "input": "measure",
            "tiers": [{"from": Decimal(100), "points": Decimal(1)}, {"below": Decimal(100), "points": Decimal(0)}],
        },
    ),
    # A policy's sentence keeps its «;» and its abbreviations.
    (
        "Đạt: 1 điểm; không đạt: 0 điểm\nĐiểm thấp nhất: 0 điểm; không tính điểm âm.",
        "1",
        {"kind": "yes_no", "input": "done", "yes": Decimal(1), "no": Decimal(0)},
    ),
    (
        "Đạt: 1 điểm; không đạt: 0 điểm\nChỉ áp dụng đối với: các xã thuộc TP. Hải Phòng.",
        "1",
        {"kind": "yes_no", "input": "done", "yes": Decimal(1), "no": Decimal(0)},
    ),
    # «cộng» before points earned is points earned; a lone «có vi phạm: 0 điểm» says nothing gained.
    (
        "Hoàn thành: cộng 1 điểm; không hoàn thành: 0 điểm",
        "1",
        {"kind": "yes_no", "input": "done", "yes": Decimal(1), "no": Decimal(0)},
    ),
    ("Không phát sinh vi phạm: tính điểm tối đa; có vi phạm: 0 điểm", "1", "only-policy"),
]


@pytest.mark.parametrize(("text", "maximum", "reading"), REVIEWED)
def test_what_the_review_found(text: str, maximum: str, reading: dict[str, Any] | str) -> None:
    got = read_method(text, Decimal(maximum))
    if isinstance(reading, str):
        assert got.rule is None and got.todo is not None and got.todo.key == reading, got
    else:
        assert got.rule == reading and got.todo is None


def test_a_policy_line_keeps_its_floor_and_units() -> None:
    floor = read_method("Đạt: 1 điểm; không đạt: 0 điểm\nĐiểm thấp nhất: 0 điểm; không tính điểm âm.", Decimal(1))
    assert floor.extras == {"floor": Decimal(0)}
    units = read_method("Đạt: 1 điểm; không đạt: 0 điểm\nChỉ áp dụng đối với: các xã thuộc TP. Hải Phòng.", Decimal(1))
    assert units.extras == {"applies_to": ["commune"]}


def test_a_checklist_label_with_a_place_or_a_year_before_its_semicolon_stays_whole() -> None:
    text = (
        "Cộng điểm cho mỗi nội dung đạt được:\n- Bố trí địa điểm; trang thiết bị đầy đủ: 0,5 điểm\n"
        "- Ban hành kế hoạch năm 2024; tổ chức thực hiện: 0,5 điểm"
    )
    rule = read_method(text, Decimal(1)).rule
    assert rule is not None
    assert [item["label"] for item in rule["items"]] == [
        "Bố trí địa điểm; trang thiết bị đầy đủ",
        "Ban hành kế hoạch năm 2024; tổ chức thực hiện",
    ]


def test_a_footnote_mark_in_the_points_is_no_digit() -> None:
    assert points_of("1²") is None and points_of("１,５") == Decimal("1.5")


@pytest.mark.parametrize(
    ("text", "tiers"),
    [
        (
            "Tỷ lệ hồ sơ đúng hạn:\n- Dưới 80%: 0 điểm\n- Từ 80% trở lên: 1 điểm\n- Từ 95% trở lên: 2 điểm",
            [{"from": 95, "points": 2}, {"from": 80, "below": 95, "points": 1}, {"below": 80, "points": 0}],
        ),
        (
            "Tỷ lệ:\n- Trên 50%: 0,5 điểm\n- Trên 80%: 1 điểm\n- Từ 50% trở xuống: 0 điểm",
            [{"above": 80, "points": 1}, {"above": 50, "to": 80, "points": 0.5}, {"to": 50, "points": 0}],
        ),
        # From the top down already: closed all the same.
        (
            "Tỷ lệ:\n- Từ 95% trở lên: 2 điểm\n- Từ 80% trở lên: 1 điểm\n- Dưới 80%: 0 điểm",
            [{"from": 95, "points": 2}, {"from": 80, "below": 95, "points": 1}, {"below": 80, "points": 0}],
        ),
        # Disjoint bands: as written.
        (
            "Tỷ lệ:\n- Dưới 80%: 0 điểm\n- Từ 80% đến dưới 100%: 1 điểm\n- Từ 100%: 2 điểm",
            [{"below": 80, "points": 0}, {"from": 80, "below": 100, "points": 1}, {"from": 100, "points": 2}],
        ),
    ],
)
def test_open_steps_are_read_from_the_top_down_each_closed_below_the_next(
    text: str, tiers: list[dict[str, Any]]
) -> None:
    """Session 31: «từ X trở lên» steps listed from the lowest up held the lowest for every value
    above it; and open steps, whichever way listed, overlap as tiers (a reviewer found pari
    validate refused every such draft, tier-overlap). The ladder must be a valid set's."""
    reading = read_method(text, Decimal(2))
    assert reading.rule is not None and reading.rule["kind"] == "tiers"
    assert reading.rule["tiers"] == [{k: Decimal(str(v)) for k, v in tier.items()} for tier in tiers]
    # Hải Phòng's 1.1.3 (max 1) with these tiers, halved, loads and validates.
    halved = [{**tier, "points": tier["points"] / 2} for tier in reading.rule["tiers"]]
    text_of_set = (ROOT / "criteria" / "hai-phong-2022-commune.yaml").read_text(encoding="utf-8")
    old = (
        "                - {from: 100, points: 1}\n"
        "                - {from: 80, below: 100, points: 0.5}\n"
        "                - {below: 80, points: 0}\n"
    )
    assert old in text_of_set
    lines = ["                - {" + ", ".join(f"{k}: {v}" for k, v in t.items()) + "}\n" for t in halved]
    load_criteria_text(text_of_set.replace(old, "".join(lines)), "hai-phong-edited.yaml")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Đạt chuẩn (0,5 điểm); không đạt (0 điểm)", {"kind": "yes_no", "yes": "0.5", "no": "0"}),
        ("Đạt = 0,5 điểm; không đạt = 0 điểm", {"kind": "yes_no", "yes": "0.5", "no": "0"}),
    ],
)
def test_points_in_brackets_or_after_an_equals_sign_are_read(text: str, rule: dict[str, str]) -> None:
    # Session 30 left these as todos («(0,5 điểm)», «= 0,5 điểm»): read since session 31.
    reading = read_method(text, Decimal("0.5"))
    assert reading.todo is None and reading.rule is not None
    assert {key: reading.rule[key] for key in rule} == {
        key: value if key == "kind" else Decimal(value) for key, value in rule.items()
    }


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Đạt chuẩn (2 điểm); không đạt (0 điểm)", "Đạt chuẩn"),
        ("Cộng điểm cho mỗi nội dung đạt được:\n- Niêm yết công khai TTHC = 0,25 điểm", "Niêm yết công khai TTHC"),
        ("Cộng điểm cho mỗi nội dung đạt được:\n- Bố trí 2 cán bộ (0,5đ)", "Bố trí 2 cán bộ"),
    ],
)
def test_a_label_leaves_out_the_points_in_brackets_or_after_equals(text: str, label: str) -> None:
    reading = read_method(text, Decimal(2))
    assert [spec["label"] for spec in reading.inputs.values()] == [label]


@pytest.mark.parametrize(
    ("text", "todo"),
    [
        # A reviewer's finds (session 31): «(trừ …)» beside a clause that gives points is no deduction.
        ("Có vi phạm (trừ 0,5 điểm)", "signed-points"),
        ("Không có vi phạm: 1 điểm; có vi phạm (trừ 1 điểm)", "signed-points"),
        ("Có tổ chức đối thoại: 1 điểm; không tổ chức (trừ 0,5 điểm)", "signed-points"),
    ],
)
def test_points_taken_away_in_brackets_are_a_todo_not_a_deduction(text: str, todo: str) -> None:
    reading = read_method(text, Decimal(1))
    assert reading.rule is None and reading.todo is not None and reading.todo.key == todo


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A first line «… = N:» is a heading, as it was before points after «=» were read.
        ("Điểm tối đa = 2:\n- Đạt: 2 điểm\n- Không đạt: 0 điểm", "yes_no"),
        ("Tỷ lệ hồ sơ đúng hạn = 2 điểm:\n- Từ 95% trở lên: 2 điểm\n- Dưới 95%: 0 điểm", "tiers"),
        # A bracket that says when points are taken away, in a clause that gives points: yes/no.
        ("Có kế hoạch (trừ 0,5 điểm nếu ban hành chậm): 1 điểm; không có: 0 điểm", "yes_no"),
    ],
)
def test_a_heading_with_an_equals_sign_or_a_bracket_reads_as_before(text: str, kind: str) -> None:
    reading = read_method(text, Decimal(2))
    assert reading.todo is None and reading.rule is not None and reading.rule["kind"] == kind


@pytest.mark.parametrize("text", ["Chấm theo một trong các mức (tối đa 2 điểm)", "Ban hành kế hoạch (năm 2025)"])
def test_a_bracket_of_other_words_is_no_points(text: str) -> None:
    from pari_index.authoring.parse import clause_of

    assert clause_of(text).points is None
