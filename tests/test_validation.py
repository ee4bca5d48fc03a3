"""Consistency checks beyond types: sums, tiers, inputs and classes, each at its line."""

from __future__ import annotations

import pytest
from criteria_text import BASE, codes_lines, load_ok, problems, replace_line

from pari_index.errors import Problem


def warnings_of(text: str) -> list[Problem]:
    warnings = load_ok(text).warnings
    for warning in warnings:
        assert warning.file == "base.yaml" and warning.line is not None
    return warnings


def test_base_is_valid() -> None:
    assert warnings_of(BASE) == []


def test_undeclared_input() -> None:
    text = BASE.replace("rule: {kind: yes_no, input: ok}", "rule: {kind: yes_no, input: okay}")
    found = problems(text)
    assert [(p.code, p.line) for p in found] == [("undeclared-input", 34)]
    assert "«okay»" in found[0].message
    # The declared-but-unused `ok` is only a warning, shown when the set loads; here it does not.


def test_input_of_the_wrong_type() -> None:
    text = BASE.replace("inputs: {ok: {type: boolean}}", "inputs: {ok: {type: count}}")
    assert codes_lines(text) == [("input-type", 33)]


def test_unused_input_is_a_warning() -> None:
    text = BASE.replace("inputs: {ok: {type: boolean}}", "inputs: {ok: {type: boolean}, spare: {type: count}}")
    (warning,) = warnings_of(text)
    assert (warning.code, warning.line) == ("unused-input", 33)


def test_tier_points_above_max() -> None:
    text = replace_line(BASE, 27, "            - {above: 90, points: 2.5}")  # max is 2
    found = problems(text)
    assert [(p.code, p.line) for p in found] == [("points-above-max", 24)]
    assert "2.5" in found[0].message and "maximum 2" in found[0].message


def test_yes_points_above_max() -> None:
    text = BASE.replace("rule: {kind: yes_no, input: ok}", "rule: {kind: yes_no, input: ok, yes: 9}")
    assert codes_lines(text) == [("points-above-max", 34)]


def test_tier_overlap() -> None:
    # "above 90" and "from 70 to 90" -> "from 70 to 95": 90–95 is in both.
    text = replace_line(BASE, 28, "            - {from: 70, to: 95, points: 1}")
    found = problems(text)
    assert [(p.code, p.line) for p in found] == [("tier-overlap", 27)]


def test_tier_overlap_on_a_shared_edge() -> None:
    # Exactly 90 % in "from 90" and "to 90": the edge belongs to both (Cà Mau prints it so).
    text = replace_line(BASE, 27, "            - {from: 90, points: 2}")
    assert codes_lines(text) == [("tier-overlap", 27)]


def test_tier_gap() -> None:
    # "above 90" and "from 70 below 90": exactly 90 % falls in no tier.
    text = replace_line(BASE, 28, "            - {from: 70, below: 90, points: 1}")
    found = problems(text)
    assert [(p.code, p.line) for p in found] == [("tier-gap", 27)]


def test_tier_gap_at_the_bottom_of_the_range() -> None:
    text = replace_line(BASE, 29, "            - {from: 10, below: 70, points: 0}")
    found = problems(text)
    assert [(p.code, p.line) for p in found] == [("tier-gap", 29)]
    assert "values from 0" in found[0].message


def test_empty_tier() -> None:
    text = replace_line(BASE, 28, "            - {from: 90, below: 70, points: 1}")
    assert ("tier-empty", 28) in codes_lines(text)


def test_count_tiers_order() -> None:
    text = BASE.replace(
        "rule: {kind: yes_no, input: ok}",
        "rule: {kind: count_tiers, input: ok, tiers: [{at_least: 1, points: 1}, {at_least: 2, points: 2}]}",
    ).replace("inputs: {ok: {type: boolean}}", "inputs: {ok: {type: count}}")
    assert codes_lines(text) == [("tier-order", 34)]


def test_children_do_not_add_up() -> None:
    text = replace_line(BASE, 32, "        max: 7.5")  # 2 + 7.5 = 9.5 under an area of 10
    (problem,) = problems(text)
    assert (problem.code, problem.line) == ("children-sum", 17)
    assert "add up to 9.5 but the maximum is 10" in problem.message
    assert problem.hint and "printed_mismatch" in problem.hint


def test_printed_mismatch_turns_the_sum_error_into_a_warning() -> None:
    # Hải Phòng 3793 prints a maximum its visible children do not add up to; keep it, flagged.
    text = (
        BASE.replace("scale: 10", "scale: 11")
        .replace("parts: {appraised: 10}", "parts: {appraised: 11}")
        .replace("    max: 10\n", '    max: 11\n    printed_mismatch: "as printed"\n')
    )
    (warning,) = warnings_of(text)
    assert (warning.code, warning.line) == ("children-sum", 17)
    assert "add up to 10 but the maximum is 11" in warning.message
    assert "as printed" in warning.message
    # Without printed_mismatch the same file does not load.
    unflagged = text.replace('    printed_mismatch: "as printed"\n', "")
    assert codes_lines(unflagged) == [("children-sum", 17)]


def test_total_not_equal_to_scale() -> None:
    text = BASE.replace("scale: 10", "scale: 100")
    found = codes_lines(text)
    assert ("scale-sum", 7) in found
    assert ("part-sum", 8) in found  # appraised 10 + survey 0 is not the scale 100
    assert {code for code, _ in found} == {"scale-sum", "part-sum"}


def test_appraised_and_survey_parts() -> None:
    text = BASE.replace("parts: {appraised: 10}", "parts: {appraised: 7, survey: 3}")
    found = codes_lines(text)
    # The one area (10) is appraised, and no area is in the survey part.
    assert found.count(("part-sum", 8)) == 2


def test_classes_overlap_is_an_error() -> None:
    text = replace_line(BASE, 12, '  - {name: "Khá", from: 70, to: 90}')
    found = problems(text)
    assert [(p.code, p.line) for p in found] == [("tier-overlap", 11)]
    assert "class" in found[0].message


def test_classes_gap_is_a_warning() -> None:
    # Bà Rịa–Vũng Tàu 2013: Khá 65–80, Trung bình 50–64: an index of 64.5 gets no class.
    text = replace_line(BASE, 12, '  - {name: "Khá", from: 75, below: 90}')
    (warning,) = warnings_of(text)
    assert (warning.code, warning.line) == ("class-gap", 12)
    assert warning.hint == "an index in the gap gets no class"


def test_adjustment_rules_only_in_adjustment_areas() -> None:
    text = BASE.replace("rule: {kind: yes_no, input: ok}", "rule: {kind: bonus, input: ok, per: 1}")
    assert codes_lines(text) == [("adjustment-rule", 34)]


def test_negative_points_need_a_floor() -> None:
    text = BASE.replace("rule: {kind: yes_no, input: ok}", "rule: {kind: yes_no, input: ok, no: -0.25}")
    assert codes_lines(text) == [("points-below-floor", 34)]
    assert load_ok(text.replace("        max: 8\n", "        max: 8\n        floor: -0.25\n"))


def test_deadline_order_and_duplicate_level() -> None:
    text = BASE.replace("inputs: {ok: {type: boolean}}", "inputs: {ok: {type: date}}").replace(
        "rule: {kind: yes_no, input: ok}",
        "rule: {kind: deadline, input: ok, deadline: 2024-03-01, late_until: 2024-02-01}",
    )
    assert codes_lines(text) == [("deadline-order", 34)]


CHOICE = """\
        inputs: {ok: {type: level}}
        rule:
          kind: choice
          input: ok
          levels:
            - {value: full, label: "Đầy đủ", fraction: 1}
            - {value: partial, label: LABEL, fraction: 0.5}
"""


@pytest.mark.parametrize(
    ("label", "answer"),
    [
        ('"Đầy đủ"', "«đầy đủ»"),  # a label copied to the next line
        ('"ĐẦY ĐỦ"', "«đầy đủ»"),  # answers are read in any case
        ("Full", "«full»"),  # a label that is another level's value
    ],
)
def test_an_answer_that_names_two_levels_is_an_error_at_the_second(label: str, answer: str) -> None:
    text = BASE.replace("        inputs: {ok: {type: boolean}}\n        rule: {kind: yes_no, input: ok}\n", "")
    assert text != BASE
    text = text.replace("        max: 8\n", "        max: 8\n" + CHOICE.replace("LABEL", label), 1)
    found = problems(text)
    assert [(p.code, p.line) for p in found] == [("ambiguous-level", 39)]
    assert f"the answer {answer} names two levels, «full» and «partial»" in found[0].message
    assert load_ok(text.replace(f"label: {label}, fraction: 0.5", 'label: "Một phần", fraction: 0.5'))


def test_every_problem_has_file_and_line() -> None:
    text = replace_line(BASE, 28, "            - {from: 70, to: 95, points: 1}")
    text = replace_line(text, 32, "        max: 7")
    text = text.replace("scale: 10", "scale: 12").replace("input: ok}", "input: nope}")
    found = problems(text)  # asserts file and line on each
    assert {p.code for p in found} == {
        "tier-overlap",
        "children-sum",
        "scale-sum",
        "part-sum",
        "undeclared-input",
    }
