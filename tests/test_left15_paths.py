"""``-`` as a path is one rule: ``outputs.path_names.dash_problems`` gives the problems, and both
checks raise them, ``check_dashes`` (the command, for every path parameter) and ``check_names``
(library callers, ``check_paths``, ``check_cache_folder``). Session 14 left the rule written twice
(note14, "Last reading"): a change to one would have gone unseen by the other callers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pari_index.errors import Problem, UsageError
from pari_index.outputs import path_names, paths
from pari_index.outputs.path_identity import Source, Target

OPTIONS = ["-o", "--report", "--communes", "--criteria", "--cache", "ASSESSMENTS", "--survey"]
NAMES = ["-", "./-", "a.csv", "kết quả.xlsx", " -", "--", "-o", "data/-"]


def _raised(check: Callable[[], None]) -> list[tuple[str, str | None, str]]:
    with pytest.raises(UsageError) as raised:
        check()
    return [(p.code, p.file, p.message) for p in raised.value.problems]


@given(st.lists(st.tuples(st.sampled_from(OPTIONS), st.sampled_from(NAMES)), max_size=6))
def test_both_checks_give_the_same_dash_problems(named: list[tuple[str, str]]) -> None:
    """For any paths (UTF-8 names: only a dash is wrong), check_names and check_dashes refuse
    the same ``-`` with the same problems, in order, in both languages; neither refuses none."""
    expected = path_names.dash_problems(named)
    # "./-" is "-" as a path takes it (the command's paths are Path objects).
    dashes = [option for option, name in named if name in ("-", "./-")]
    assert dashes == [p.params["option"] for p in expected if p.params is not None]
    pairs = [(option, Path(name)) for option, name in named]
    if not expected:
        path_names.check_dashes(named)
        path_names.check_names(pairs)
        return
    for lang in ("en", "vi"):
        by_command = _rendered(lambda: path_names.check_dashes(named), lang)
        by_library = _rendered(lambda: path_names.check_names(pairs), lang)
        assert by_command == by_library == [p.render(lang) for p in expected]


def _rendered(check: Callable[[], None], lang: str) -> list[str]:
    with pytest.raises(UsageError) as raised:
        check()
    return [p.render(lang) for p in raised.value.problems]


def test_every_check_takes_its_dash_problems_from_the_one_rule(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """With the rule replaced, every caller raises what the rule gives (none has a rule of its
    own): the command's check, check_names, check_paths and check_cache_folder."""
    marker = Problem("path-is-dash", "the one rule", params={"option": "-o"})

    def rule(named: object) -> list[Problem]:
        return [marker] if any(str(path) == "x-marks" for _, path in named) else []  # type: ignore[attr-defined]

    monkeypatch.setattr(path_names, "dash_problems", rule)
    marked = tmp_path / "x-marks"
    target = Target(tmp_path / "out.xlsx", "-o", suffixes=(".xlsx",))
    checks: list[Callable[[], None]] = [
        lambda: path_names.check_dashes([("-o", "x-marks")]),
        lambda: path_names.check_names([("-o", Path("x-marks"))]),
        lambda: paths.check_paths([target], [Source(Path("x-marks"), "ASSESSMENTS")]),
        lambda: paths.check_cache_folder(Path("x-marks"), [target]),
    ]
    for check in checks:
        assert _raised(check) == [("path-is-dash", None, "the one rule")]
    # And a real dash is then no longer refused by any of them (the rule is the only one).
    path_names.check_names([("-o", Path("-")), ("--cache", marked)])
    path_names.check_dashes([("-o", "-")])
