"""Safe, strict YAML loading: every problem located by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from criteria_text import BASE, codes_lines, load_ok, problems, replace_line

from pari_index.criteria.loading import load_criteria, load_criteria_text
from pari_index.errors import CriteriaError

DATA = Path(__file__).parent / "data"


def test_four_errors_reported_together_with_lines() -> None:
    text = (DATA / "four_errors.yaml").read_text(encoding="utf-8")
    with pytest.raises(CriteriaError) as info:
        load_criteria_text(text, "four_errors.yaml")
    found = {(p.code, p.line) for p in info.value.problems}
    assert found == {
        ("duplicate-key", 47),  # the second `title:` of 1.2 (first on line 43)
        ("duplicate-id", 29),  # the second `id: "1.1.1"` (first on line 24)
        ("tier-order", 39),  # the first tier of that leaf: 70–90, then above 90, then below 70
        ("children-sum", 22),  # `max: 6` of 1.1 whose children add up to 2 + 3 = 5
    }
    assert len(info.value.problems) == 4
    assert all(p.file == "four_errors.yaml" for p in info.value.problems)
    by_code = {p.code: p for p in info.value.problems}
    assert "first on line 43" in by_code["duplicate-key"].message
    assert "first on line 24" in by_code["duplicate-id"].message
    assert "add up to 5 but the maximum is 6" in by_code["children-sum"].message


def test_four_errors_from_a_file_path() -> None:
    with pytest.raises(CriteriaError) as info:
        load_criteria(DATA / "four_errors.yaml")
    assert sorted(p.line or 0 for p in info.value.problems) == [22, 29, 39, 47]
    assert all(p.file and p.file.endswith("four_errors.yaml") for p in info.value.problems)


def test_all_kinds_loads_without_warnings() -> None:
    loaded = load_criteria(DATA / "all_kinds.yaml")
    assert loaded.warnings == []
    assert [leaf.id for leaf in loaded.criteria.leaves()] == [
        "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2.1", "1.2.2", "1.2.3", "1.2.4",
        "2.1", "2.2", "2.3", "3.1", "4.1", "4.2",
    ]  # fmt: skip


def test_duplicate_key_alone_is_an_error() -> None:
    text = BASE.replace('    title: "Lĩnh vực 1"\n', '    title: "Lĩnh vực 1"\n    title: "Lại"\n')
    assert codes_lines(text) == [("duplicate-key", 17)]


# --- unsafe and hostile YAML -----------------------------------------------------------------


def test_python_object_tag_is_refused_and_not_run(tmp_path: Path) -> None:
    target = tmp_path / "pwned"
    for command in ("touch /tmp/pwned", f"touch {target}"):
        text = BASE.replace('province: "Tỉnh Thử"', f'province: !!python/object/apply:os.system ["{command}"]')
        (problem,) = problems(text)
        assert problem.code == "yaml-tag-refused"
        assert problem.line == 4
        assert problem.hint and "tags that construct objects" in problem.hint
    assert not target.exists()


def test_python_object_tag_at_top_level_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "pwned"
    with pytest.raises(CriteriaError) as info:
        load_criteria_text(f'!!python/object/apply:os.system ["touch {target}"]\n', "x.yaml")
    assert [p.code for p in info.value.problems] == ["yaml-tag-refused"]
    assert info.value.problems[0].line == 1
    assert not target.exists()


def test_billion_laughs_is_refused_before_expanding() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    bomb = "\n".join(lines) + "\n"  # 9**10 ≈ 3.5 billion strings once expanded
    with pytest.raises(CriteriaError) as info:
        load_criteria_text(bomb, "bomb.yaml")
    (problem,) = info.value.problems
    assert problem.code == "yaml-alias-bomb"
    assert problem.file == "bomb.yaml" and problem.line == 1


def test_yaml_syntax_error_has_a_line() -> None:
    text = replace_line(BASE, 21, "        max: [2")
    (problem,) = problems(text)
    assert problem.code == "yaml-syntax"
    assert problem.line is not None and 21 <= problem.line <= 23


# --- YAML 1.1 surprises ----------------------------------------------------------------------


def test_yes_is_not_a_boolean() -> None:
    text = BASE.replace("parts: {appraised: 10}", "parts: {appraised: 10, survey_optional: yes}")
    assert codes_lines(text) == [("schema:bool_type", 8)]
    # true is a boolean, and loads.
    loaded = load_ok(BASE.replace("parts: {appraised: 10}", "parts: {appraised: 10, survey_optional: true}"))
    assert loaded.criteria.parts.survey_optional is True


def test_yes_is_not_a_number() -> None:
    text = replace_line(BASE, 32, "        max: yes")
    (problem,) = problems(text)
    assert (problem.code, problem.line) == ("schema:value_error", 32)
    assert "not yes/no" in problem.message


def test_true_is_not_points() -> None:
    text = replace_line(BASE, 32, "        max: true")
    (problem,) = problems(text)
    assert (problem.code, problem.line) == ("schema:value_error", 32)


def test_leading_zero_is_not_octal() -> None:
    # YAML 1.1 reads 012 as the octal 10; here it stays the text "012" and is refused.
    text = replace_line(BASE, 32, "        max: 012")
    assert codes_lines(text) == [("schema:value_error", 32)]
    text = replace_line(BASE, 3, "year: 02024")
    assert codes_lines(text) == [("schema:int_type", 3)]


def test_unquoted_id_1_10_is_refused_with_a_hint() -> None:
    text = replace_line(BASE, 30, "      - id: 1.10")
    (problem,) = problems(text)
    assert (problem.code, problem.line) == ("schema:string_type", 30)
    assert problem.hint and '"1.10"' in problem.hint


def test_quoted_id_1_10_stays_text() -> None:
    text = BASE.replace('- id: "1.2"', '- id: "1.10"')
    loaded = load_ok(text)
    assert [n.id for n in loaded.criteria.leaves()] == ["1.1", "1.10"]
    assert loaded.warnings == []


# --- unknown and missing keys ----------------------------------------------------------------


def test_unknown_keys_at_their_lines() -> None:
    text = replace_line(BASE, 31, '        titel: "Có quy chế"')  # misspelt; title then missing
    found = codes_lines(text)
    assert ("schema:extra_forbidden", 31) in found
    assert ("schema:missing", 30) in found  # the node, which lacks `title`
    assert len(found) == 2
    text = BASE.replace("rule: {kind: yes_no, input: ok}", "rule: {kind: yes_no, input: ok, bonus: 1}")
    (problem,) = problems(text)
    assert (problem.code, problem.line) == ("schema:extra_forbidden", 34)
    assert "unknown key «bonus»" in problem.message


def test_missing_keys() -> None:
    text = replace_line(BASE, 9, "# no ranking")
    (problem,) = problems(text)
    assert problem.code == "schema:missing"
    assert "«ranking»" in problem.message
    assert problem.line == 1  # the document itself
    text = replace_line(BASE, 32, "        # no max")
    (problem,) = problems(text)
    assert (problem.code, problem.line) == ("schema:missing", 30)
    assert "«max»" in problem.message


def test_unknown_rule_kind() -> None:
    text = BASE.replace("kind: yes_no", "kind: yes_or_no")
    (problem,) = problems(text)
    assert (problem.code, problem.line) == ("schema:union_tag_invalid", 34)


def test_many_schema_problems_reported_at_once() -> None:
    text = replace_line(BASE, 3, "year: twenty")
    text = replace_line(text, 21, "        max: lots")
    text = replace_line(text, 33, "        inputs: {ok: {type: bool}}")
    assert sorted(line for _, line in codes_lines(text)) == [3, 21, 33]


def test_not_a_mapping_and_empty() -> None:
    assert codes_lines("- a\n- b\n") == [("not-a-mapping", 1)]
    with pytest.raises(CriteriaError) as info:
        load_criteria_text("# nothing\n", "empty.yaml")
    assert info.value.problems[0].code == "empty-file"
