"""`pari diff OLD NEW`: what changed between two sets, matched by id and then by title."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from criteria_text import BASE

from pari_index.authoring.diff import Change, diff_frame, diff_sets, diff_table_text, diff_text
from pari_index.cli import main
from pari_index.criteria.loading import load_criteria, load_criteria_text

ROOT = Path(__file__).resolve().parents[1]

# The next year's set: the ladder of 1.1 moves an edge and asks for a document, 1.2 is renumbered
# 1.3 (same title) and loses 2 points to a new 1.2 with another title, a survey part is added,
# and the class edges move.
NEW = (
    BASE.replace("scale: 10\nparts: {appraised: 10}", "scale: 12\nparts: {appraised: 10, survey: 2}")
    .replace(
        '  - {name: "Tốt", from: 90}\n  - {name: "Khá", from: 70, below: 90}',
        '  - {name: "Tốt", from: 85}\n  - {name: "Khá", from: 70, below: 85}',
    )
    .replace(
        "            - {above: 90, points: 2}\n            - {from: 70, to: 90, points: 1}",
        "            - {above: 95, points: 2}\n            - {from: 70, to: 95, points: 1}",
    )
    .replace(
        "            - {below: 70, points: 0}\n",
        "            - {below: 70, points: 0}\n"
        '        evidence: [{id: report, label: "Báo cáo kết quả", requires: [number, date, file]}]\n',
    )
    .replace(
        '      - id: "1.2"\n        title: "Có quy chế"\n        max: 8',
        '      - id: "1.2"\n        title: "Công khai thủ tục hành chính"\n        max: 2\n'
        "        inputs: {public: {type: boolean}}\n        rule: {kind: yes_no, input: public}\n"
        '      - id: "1.3"\n        title: "Có quy chế"\n        max: 6',
    )
    + '  - id: "2"\n    title: "Sự hài lòng"\n    max: 2\n    part: survey\n    children:\n'
    '      - id: "2.1"\n        title: "Tỷ lệ hài lòng"\n        max: 2\n'
    "        inputs: {share: {type: percent}}\n        rule: {kind: proportional, input: share}\n"
)


@pytest.fixture(scope="module")
def changes() -> list[Change]:
    return diff_sets(load_criteria_text(BASE, "old.yaml").criteria, load_criteria_text(NEW, "new.yaml").criteria)


PARTS_AFTER = "thẩm định 10, điều tra xã hội học 2"


def test_every_kind_of_change_is_listed(changes: list[Change]) -> None:
    assert [(c.item, c.what, c.old, c.new) for c in changes if c.what not in ("ladder", "evidence", "classes")] == [
        ("", "scale", "10", "12"),
        (
            "",
            "parts",
            "thẩm định 10, điều tra xã hội học 0",
            "thẩm định 10, điều tra xã hội học 2",
        ),
        # Renumbered: the old 1.2 is found by its title under 1.3, and its number went to a new item.
        ("1.2 → 1.3", "moved", "1.2 (thuộc 1)", "1.3 (thuộc 1)"),
        ("1.2 → 1.3", "max", "8", "6"),
        ("1.2 → 1.3", "rule", "Đạt: 8 điểm; không đạt: 0 điểm", "Đạt: 6 điểm; không đạt: 0 điểm"),
        ("1.2", "added", "(không có)", "Công khai thủ tục hành chính (2)"),
        ("2", "added", "(không có)", "Sự hài lòng (2)"),
        ("2.1", "added", "(không có)", "Tỷ lệ hài lòng (2)"),
    ]


def test_ladder_evidence_and_classes_show_before_and_after(changes: list[Change]) -> None:
    ladder = next(c for c in changes if c.what == "ladder")
    assert ladder.item == "1.1"
    assert ladder.old.splitlines()[1:3] == ["– Trên 90%: 2 điểm", "– Từ 70% đến 90%: 1 điểm"]
    assert ladder.new.splitlines()[1:3] == ["– Trên 95%: 2 điểm", "– Từ 70% đến 95%: 1 điểm"]
    evidence = next(c for c in changes if c.what == "evidence")
    assert (evidence.old, evidence.new) == ("(không có)", "– Báo cáo kết quả (số, ngày, tệp)")
    classes = next(c for c in changes if c.what == "classes")
    assert classes.new == "Tốt: từ 85% trở lên; Khá: từ 70% đến dưới 85%; Kém: dưới 70%"


def test_the_other_way_round_items_are_removed() -> None:
    back = diff_sets(load_criteria_text(NEW, "new.yaml").criteria, load_criteria_text(BASE, "old.yaml").criteria, "en")
    removed = [(c.item, c.old) for c in back if c.what == "removed"]
    assert removed == [
        # Titles the set gives in Vietnamese only are marked as such in English.
        ("1.2", "Công khai thủ tục hành chính (vi) (2)"),
        ("2", "Sự hài lòng (vi) (2)"),
        ("2.1", "Tỷ lệ hài lòng (vi) (2)"),
    ]
    assert ("1.3 → 1.2", "moved") in [(c.item, c.what) for c in back]


def test_a_set_against_itself_has_no_changes() -> None:
    criteria = load_criteria(ROOT / "criteria" / "ha-noi-2025-commune.yaml").criteria
    assert diff_sets(criteria, criteria) == []
    assert diff_text([], "vi") == "Hai bộ tiêu chí chấm điểm như nhau."


def test_table_and_text(changes: list[Change]) -> None:
    table = diff_table_text(diff_frame(changes, "en")).splitlines()
    assert table[0].split() == ["Item", "Change", "Old", "New"]
    assert table[2].split("  ")[0] == "(the set)"
    assert len(table) == 2 + len(changes)
    assert max(len(line) for line in table) <= 2 * 60 + 40
    text = diff_text(changes, "vi").splitlines()
    assert text[:3] == ["(bộ tiêu chí): thang điểm", "    cũ: 10", "    mới: 12"]


def test_cli_diff(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(BASE, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == ["(the set): scale", "    old: 10", "    new: 12"]
    table = tmp_path / "changes.csv"
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--format", "table", "-o", str(table)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].split() == ["Mục", "Thay", "đổi", "Cũ", "Mới"]
    rows = table.read_text(encoding="utf-8-sig").splitlines()
    # A table for people: a Vietnamese one's fields separated by «;», as Excel under Vietnamese
    # regional settings opens a CSV (its decimals have a comma: «7,5» is one field).
    assert rows[0] == "Mục;Thay đổi;Cũ;Mới" and len(rows) > 11
    assert all(len(row) == 4 for row in csv.reader(io.StringIO("\n".join(rows)), delimiter=";"))
    english = CliRunner().invoke(main, ["diff", str(old), str(new), "--lang", "en", "-o", str(table)])
    assert english.exit_code == 0, english.output
    assert table.read_text(encoding="utf-8-sig").splitlines()[0] == "Item,Change,Old,New"
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "-o", str(old.with_suffix(".csv"))])
    assert result.exit_code == 0
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "-o", str(new)])
    assert result.exit_code == 4 and "[output-is-input]" in result.output  # the input itself, before its ending
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "-o", str(new.with_name("changes.yaml"))])
    assert result.exit_code == 2 and "[output-suffix]" in result.output  # not a table file
    assert new.read_text(encoding="utf-8") == NEW
