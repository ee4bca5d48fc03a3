"""A small valid criteria set as YAML text, for tests that break one thing at a time."""

from __future__ import annotations

from pari_index.criteria.loading import LoadedCriteria, load_criteria_text
from pari_index.errors import CriteriaError, Problem

# Line numbers (1-based) are asserted by the tests: keep the layout.
BASE = """\
id: test-base
title: "Bộ chỉ số mẫu"
year: 2024
province: "Tỉnh Thử"
issuer: "UBND tỉnh Thử"
decision: {number: "0003/QĐ-UBND", date: 2024-01-15}
scale: 10
parts: {appraised: 10}
ranking: {within: district}
classes:
  - {name: "Tốt", from: 90}
  - {name: "Khá", from: 70, below: 90}
  - {name: "Kém", below: 70}
areas:
  - id: "1"
    title: "Lĩnh vực 1"
    max: 10
    children:
      - id: "1.1"
        title: "Tỷ lệ hoàn thành"
        max: 2
        inputs: {done: {type: count}, planned: {type: count}}
        rule:
          kind: tiers
          rate: {numerator: done, denominator: planned}
          tiers:
            - {above: 90, points: 2}
            - {from: 70, to: 90, points: 1}
            - {below: 70, points: 0}
      - id: "1.2"
        title: "Có quy chế"
        max: 8
        inputs: {ok: {type: boolean}}
        rule: {kind: yes_no, input: ok}
"""
FILE = "base.yaml"


def load_ok(text: str) -> LoadedCriteria:
    return load_criteria_text(text, FILE)


def problems(text: str) -> list[Problem]:
    """The problems loading ``text`` raises; each must name the file and a line."""
    try:
        load_criteria_text(text, FILE)
    except CriteriaError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.file == FILE, problem
            assert problem.line is not None and problem.line >= 1, problem
        return exc.problems
    raise AssertionError("the text loaded without errors")


def codes_lines(text: str) -> list[tuple[str, int | None]]:
    return [(p.code, p.line) for p in problems(text)]


def replace_line(text: str, line: int, new: str) -> str:
    """``text`` with its 1-based ``line`` replaced (the count of lines is kept)."""
    lines = text.splitlines(keepends=True)
    assert "\n" not in new
    lines[line - 1] = new + "\n"
    return "".join(lines)
