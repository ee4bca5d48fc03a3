"""Hostile criteria sets (issue 12): every one answered by located problems, never exit 70.

Bounded reads (devices, pipes, /proc, huge files, every OSError), numbers out of range in every
position, YAML nesting and size, too many items, long and invisible text, and products that would
pass Int64 in the compiled evaluator. The big inputs are generated here, never committed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import hostile_criteria as hostile
import hypothesis.strategies as st
import pytest
from children import refused_by
from click.testing import CliRunner
from evaluators import score
from hypothesis import given

from pari_index.cli import main
from pari_index.criteria import loading
from pari_index.criteria.compiling import compile_criteria
from pari_index.criteria.loading import load_criteria, load_criteria_text
from pari_index.errors import EXIT_INTERNAL, EXIT_INVALID_INPUT, CriteriaError, Problem, UsageError

FILE = "hostile.yaml"
MAX_LINE = 32  # the line of `max: 8` in hostile.small_set()
ROOT = Path(__file__).resolve().parents[1]


def problems_of(text: str) -> list[Problem]:
    """The problems of loading ``text``; each must name the file and a line and be short."""
    with pytest.raises(CriteriaError) as info:
        load_criteria_text(text, FILE)
    for problem in info.value.problems:
        assert problem.file == FILE, problem
        assert problem.line is not None and problem.line >= 1, problem
        assert len(problem.render()) < 1_000, problem.render()[:300]
    return info.value.problems


def codes_lines(text: str) -> list[tuple[str, int | None]]:
    return [(p.code, p.line) for p in problems_of(text)]


def test_the_small_set_is_valid() -> None:
    loaded = load_criteria_text(hostile.small_set(), FILE)
    assert [leaf.id for leaf in loaded.criteria.leaves()] == ["1.1", "1.2"]


# --- numbers ---------------------------------------------------------------------------------------

HOSTILE_NUMBERS = [
    "1.0e308",
    "-1.0e308",
    "1.0e-300",
    "1.0e400",
    ".inf",
    "-.inf",
    ".nan",
    "1e400",
    str(10**30),
    "9" * 5_000,
    "-" + "9" * 5_000,
    "10000000000000.5",
    "0.00001",
    "true",
]


@pytest.mark.parametrize("number", HOSTILE_NUMBERS, ids=lambda n: n[:12])
@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("max: 8", "max: {}", MAX_LINE),
        ("{above: 90, points: 2}", "{{above: {}, points: 2}}", 27),
        ("{above: 90, points: 2}", "{{above: 90, points: {}}}", 27),
        ("scale: 10\n", "scale: {}\n", 7),
        ('{name: "Tốt", from: 90}', '{{name: "Tốt", from: {}}}', 11),
        ("rule: {kind: yes_no, input: ok}", "rule: {{kind: yes_no, input: ok, no: {}}}", 34),
        ("inputs: {done: {type: count}", "inputs: {{done: {{type: count, max: {}}}", 22),
    ],
    ids=["max", "tier-edge", "tier-points", "scale", "class-edge", "yes-no-points", "input-max"],
)
def test_a_hostile_number_is_a_located_problem(number: str, old: str, new: str, line: int) -> None:
    text = hostile.small_set().replace(old, new.format(number), 1)
    assert text != hostile.small_set()
    found = problems_of(text)
    # Out of range, not finite, finer than 1/10,000 or not a number: a schema problem on that line.
    # (1,000,000.5 is a valid tier edge, refused by the ladder checks instead, on the same line.)
    assert any(p.line == line for p in found), found


def test_huge_max_message_names_the_range() -> None:
    (problem,) = problems_of(hostile.small_set("max: 1.0e308"))
    assert (problem.code, problem.line, problem.column) == ("schema:value_error", MAX_LINE, 14)
    assert "between -1,000,000 and 1,000,000" in problem.message


def test_a_5000_digit_max_is_located_not_a_yaml_value_error() -> None:
    (problem,) = problems_of(hostile.small_set("max: " + "9" * 5_000))
    assert (problem.code, problem.line) == ("schema:value_error", MAX_LINE)


@pytest.mark.parametrize("count", [str(10**30), "9" * 5_000, "-1", "1.5"])
def test_a_hostile_count_tier_is_located(count: str) -> None:
    text = hostile.small_set().replace(
        "inputs: {ok: {type: boolean}}\n        rule: {kind: yes_no, input: ok}",
        f"inputs: {{n: {{type: count}}}}\n        rule: {{kind: count_tiers, input: n, tiers: "
        f"[{{at_least: {count}, points: 8}}]}}",
    )
    assert codes_lines(text)[0][0].startswith("schema:")


@pytest.mark.parametrize("fraction", ["1.0e308", "9" * 40, "2"])
def test_a_hostile_fraction_is_located(fraction: str) -> None:
    text = hostile.small_set().replace(
        "inputs: {ok: {type: boolean}}\n        rule: {kind: yes_no, input: ok}",
        "inputs: {lv: {type: level}}\n        rule: {kind: choice, input: lv, levels: "
        f"[{{value: a, fraction: {fraction}}}]}}",
    )
    codes = {code for code, _ in codes_lines(text)}
    assert codes & {"schema:value_error", "fraction-range"}, codes


def test_the_largest_allowed_points_load_and_score_exactly() -> None:
    # A scale of 1,000,000 points with a yes/no leaf worth all but 2: the edge of the range works.
    text = hostile.small_set("max: 999998").replace("scale: 10\n", "scale: 1000000\n")
    text = text.replace("parts: {appraised: 10}", "parts: {appraised: 1000000}").replace("max: 10\n", "max: 1000000\n")
    loaded = load_criteria_text(text, FILE)
    assert score(loaded.criteria, "1.2", ok=True) == (9_999_980_000, "yes", 9_999_980_000)


NUMBER_TEXT = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(allow_nan=False, allow_infinity=False).map(lambda f: f"{f:.4f}"),
    st.integers(-(10**40), 10**40).map(str),
    st.integers(0, 5_000).map(lambda n: "9" * (n + 1)),
    st.sampled_from([".inf", "-.inf", ".nan", ".NaN", "1e400", "1.0e-400", "0.0", "-0.0", "1_000", "012"]),
)


@given(number=NUMBER_TEXT, where=st.sampled_from(["max", "edge", "points", "per"]))
def test_any_number_gives_a_located_problem_or_a_valid_set(number: str, where: str) -> None:
    text = hostile.small_set()
    if where == "max":
        text = text.replace("max: 8", f"max: {number}")
    elif where == "edge":
        text = text.replace("{from: 70, to: 90, points: 1}", f"{{from: 70, to: {number}, points: 1}}")
        text = text.replace("{below: 70, points: 0}", f"{{above: {number}, points: 0}}")
    elif where == "points":
        text = text.replace("rule: {kind: yes_no, input: ok}", f"rule: {{kind: yes_no, input: ok, yes: {number}}}")
    else:
        text = text.replace(
            "inputs: {ok: {type: boolean}}\n        rule: {kind: yes_no, input: ok}",
            f"inputs: {{n: {{type: count}}}}\n        rule: {{kind: deduction, input: n, per: {number}}}",
        )
    try:
        loaded = load_criteria_text(text, FILE)
    except CriteriaError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.file == FILE and problem.line is not None, problem
            assert len(problem.message) < 600
        return
    compiled = compile_criteria(loaded.criteria)
    assert [c.leaf.id for c in compiled.compiled] == ["1.1", "1.2"]
    if where == "per":
        for count in (0, 1, 10**6, 9 * 10**13):
            score(loaded.criteria, "1.2", n=count * 10_000)
    elif where == "edge":
        for done, planned in ((0, 1), (80, 100), (10**13, 1), (1, 10**13)):
            score(loaded.criteria, "1.1", done=done * 10_000, planned=planned * 10_000)
    else:
        score(loaded.criteria, "1.2", ok=True)


# --- Int64 overflow in the compiled evaluator ---------------------------------------------------------


def test_huge_inputs_do_not_wrap_around_in_the_compiled_evaluator() -> None:
    # Counts near the intake's limit (9e13) times a rate edge or a per-violation amount pass Int64;
    # the products are taken in Int128 so that the compiled and the reference evaluator agree.
    text = hostile.small_set().replace(
        "inputs: {ok: {type: boolean}}\n        rule: {kind: yes_no, input: ok}",
        "inputs: {n: {type: count}}\n        rule: {kind: deduction, input: n, per: 0.5}",
    )
    loaded = load_criteria_text(text, FILE)
    big = 9 * 10**17  # units: 9e13 violations
    assert score(loaded.criteria, "1.2", n=big) == (0, "deducted", 80_000)
    assert score(loaded.criteria, "1.1", done=big, planned=big) == (20_000, "tier:0", 20_000)
    assert score(loaded.criteria, "1.1", done=big // 2, planned=big) == (0, "tier:2", 20_000)


# --- reading files -------------------------------------------------------------------------------------


def load_problem(path: Path | str) -> Problem:
    with pytest.raises(CriteriaError) as info:
        load_criteria(path)
    (problem,) = info.value.problems
    return problem


def test_dev_zero_is_refused_not_read() -> None:
    problem = load_problem("/dev/zero")
    assert (problem.code, problem.file) == ("not-a-regular-file", "/dev/zero")


def test_a_file_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: 1\n" * 300_000)
    problem = load_problem(path)
    assert problem.code == "file-too-large"
    assert "1,500,000 bytes" in problem.message and "1,048,576" in problem.message
    monkeypatch.setenv("PARI_MAX_CRITERIA_BYTES", "2000000")
    assert load_problem(path).code == "yaml-too-large"  # read whole now: 600,000 values


def test_a_proc_file_with_size_zero_is_read_within_the_limit() -> None:
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("no /proc")
    assert status.stat().st_size == 0
    with pytest.raises(CriteriaError) as info:
        load_criteria(status)
    assert info.value.problems[0].code in {"not-a-mapping", "yaml-syntax", "schema:missing", "schema:extra_forbidden"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_read_within_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    monkeypatch.setenv("PARI_MAX_CRITERIA_BYTES", "10000")

    # A reader kept open lets the writer open the pipe before pari does (pari opens it without
    # waiting: a pipe with no writer reads as empty instead of hanging).
    keeper = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    out = os.open(fifo, os.O_WRONLY)

    def write_endlessly() -> None:
        try:
            while True:
                os.write(out, b"a: 1\n" * 1000)
        except OSError:  # BrokenPipeError once every reader is closed
            pass

    writer = threading.Thread(target=write_endlessly, daemon=True)
    writer.start()
    try:
        problem = load_problem(fifo)
    finally:
        os.close(keeper)
    assert problem.code == "file-too-large" and "more than 10,000 bytes" in problem.message
    writer.join(timeout=10)
    os.close(out)
    assert not writer.is_alive()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_nobody_writes_to_is_not_waited_for_and_told_as_such(tmp_path: Path) -> None:
    """Not waited for; told as a pipe no program writes to (``empty-file`` until session 35)."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert load_problem(fifo).code == "pipe-no-writer"


def test_every_os_error_is_a_located_problem(tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    assert load_problem(loop).code == "input-broken-link"  # file-unreadable (ELOOP) until sweep 17
    assert load_problem(tmp_path / ("x" * 5_000 + ".yaml")).code == "file-unreadable"
    long_problem = load_problem(tmp_path / ("x" * 5_000 + ".yaml"))
    assert long_problem.file is not None and len(long_problem.file) <= 200
    assert load_problem(tmp_path).code == "is-a-directory"
    assert load_problem(tmp_path / "none.yaml").code == "file-not-found"
    nul = load_problem(str(tmp_path / "a\0b.yaml"))
    assert nul.code == "file-unreadable" and nul.file is not None and "\0" not in nul.file
    missing_parent = load_problem(tmp_path / "none" / "c.yaml")
    assert missing_parent.code == "file-not-found"
    (tmp_path / "file").write_text("x")
    assert load_problem(tmp_path / "file" / "c.yaml").code == "file-unreadable"  # ENOTDIR


def test_a_file_without_read_permission(tmp_path: Path) -> None:
    """Loaded in a child for which permissions hold (the tests run as root on CI)."""
    path = tmp_path / "c.yaml"
    path.write_text(hostile.small_set())
    path.chmod(0)
    assert refused_by("pari_index.criteria.loading", "load_criteria", "c.yaml", tmp_path) == (1, ["file-unreadable"])


# --- YAML shape ----------------------------------------------------------------------------------------


def test_100000_open_brackets_are_too_deep_with_a_place() -> None:
    assert codes_lines("[" * 100_000) == [("yaml-too-deep", 1)]


@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 900 + "]" * 900 + "\n",
        "a: " + "{a: " * 900 + "1" + "}" * 900 + "\n",
        "".join("  " * i + "a:\n" for i in range(200)) + "  " * 200 + "1\n",
    ],
    ids=["lists", "flow-mappings", "block-mappings"],
)
def test_deep_nesting_is_refused_before_anything_recurses(text: str) -> None:
    ((code, line),) = codes_lines(text)
    assert code == "yaml-too-deep"
    assert line is not None


def test_nesting_through_aliases_counts_too() -> None:
    # Each alias nests the anchored list once more: 8 levels written, 8 x 10 once expanded.
    lines = ["a0: &a0 " + "[" * 10 + "]" * 10]
    lines += [f"a{i}: &a{i} " + "[" * 9 + f"*a{i - 1}" + "]" * 9 for i in range(1, 8)]
    assert codes_lines("\n".join(lines) + "\n")[0][0] == "yaml-too-deep"


def test_nesting_within_the_limit_reaches_the_schema() -> None:
    assert codes_lines("a: " + "[" * 50 + "]" * 50 + "\n")[0][0] == "schema:missing"


def test_an_alias_inside_its_own_anchor_is_refused() -> None:
    assert codes_lines("a: &x [1, *x]\n") == [("yaml-alias-bomb", 1)]


def test_too_many_values_are_refused() -> None:
    text = "a: [" + ", ".join(["1"] * 250_000) + "]\n"
    assert codes_lines(text) == [("yaml-too-large", 1)]


def test_a_duplicate_anchor_is_a_yaml_problem() -> None:
    text = hostile.small_set().replace('title: "Có quy chế"', 'title: &t "Có quy chế"\n        source: &t "x"')
    assert codes_lines(text) == [("yaml-syntax", 32)]


# --- items and lists -----------------------------------------------------------------------------------


def test_a_set_near_the_item_limit_loads_and_compiles() -> None:
    loaded = load_criteria_text(hostile.many_items(490), FILE)
    assert len(compile_criteria(loaded.criteria).compiled) == 490


def test_too_many_items_are_refused_at_the_first_one_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    text = hostile.many_items(600)
    ((code, line),) = codes_lines(text)
    assert code == "too-many-items"
    assert text.splitlines()[line - 1].strip().startswith("- id:")  # type: ignore[operator]
    monkeypatch.setenv("PARI_MAX_CRITERIA_ITEMS", "1000")
    assert len(list(load_criteria_text(text, FILE).criteria.leaves())) == 600


def test_thousands_of_tiers_in_one_rule_are_refused() -> None:
    yes_no = "inputs: {ok: {type: boolean}}\n        rule: {kind: yes_no, input: ok}"
    ((code, line),) = codes_lines(hostile.small_set().replace(yes_no, hostile.tiers_rule(5_000)))
    assert (code, line) == ("schema:too_long", 38)


def test_a_checklist_of_101_items_is_refused() -> None:
    items = ", ".join(f"{{input: i{n}, points: 0}}" for n in range(101))
    inputs = ", ".join(f"i{n}: {{type: boolean}}" for n in range(101))
    text = hostile.small_set().replace(
        "inputs: {ok: {type: boolean}}\n        rule: {kind: yes_no, input: ok}",
        f"inputs: {{{inputs}}}\n        rule: {{kind: checklist, items: [{items}]}}",
    )
    assert {code for code, _ in codes_lines(text)} == {"schema:too_long"}


# --- text ----------------------------------------------------------------------------------------------


def test_a_1mb_key_is_refused_and_cut_in_the_message(tmp_path: Path) -> None:
    (argv_path,) = [a for a in hostile.long_key(tmp_path) if a.endswith(".yaml")]
    found = problems_of(Path(argv_path).read_text(encoding="utf-8"))
    assert {p.code for p in found} == {"yaml-text-too-long", "schema:extra_forbidden"}
    assert all("1,000,000 characters" in p.message for p in found)


def test_a_long_id_is_refused_and_cut() -> None:
    found = problems_of(hostile.small_set().replace('id: "1.2"', f'id: "1.{"2" * 5_000}"'))
    assert [(p.code, p.line) for p in found] == [("schema:string_too_long", 30)]


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ('id: "1.2"', 'id: "1.\\u202e2"', 30),
        ('"Có quy chế"', '"Có\\u202e quy chế"', 31),
        ('"Có quy chế"', '"Có\\0 quy chế"', 31),
        ('"Có quy chế"', '"Có\\x1b[31m quy chế"', 31),
        ('"Có quy chế"', '"Có\\u2066 quy chế"', 31),
        ("input: ok}", 'input: "o\\u200fk"}', 34),
    ],
    ids=["rlo-in-id", "rlo-in-title", "nul", "escape", "isolate", "rlm-in-input"],
)
def test_control_and_bidi_characters_are_refused(old: str, new: str, line: int) -> None:
    found = problems_of(hostile.small_set().replace(old, new))
    assert ("control-character", line) in [(p.code, p.line) for p in found]
    bidi = next(p for p in found if p.code == "control-character")
    assert "U+" in bidi.message


def test_every_problem_of_a_file_is_reported_at_once() -> None:
    text = hostile.small_set("max: 1.0e308").replace('"Lĩnh vực 1"', '"Lĩnh\\u202e vực 1"')
    text = text.replace('    title: "Tỷ lệ hoàn thành"\n', '    title: "Tỷ lệ hoàn thành"\n        title: "x"\n')
    found = {(p.code, p.line) for p in problems_of(text)}
    assert {("control-character", 16), ("duplicate-key", 21)} <= found
    assert any(code == "schema:value_error" for code, _ in found)


# --- the command line ----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(hostile.CASES))
def test_every_registry_case_answers_without_a_bug(case: str, tmp_path: Path) -> None:
    argv = hostile.CASES[case](tmp_path)
    result = CliRunner().invoke(main, argv)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code != EXIT_INTERNAL, result.output[-2000:]
    if argv[0] == "validate":
        assert result.exit_code == EXIT_INVALID_INPUT, result.output[-2000:]
    else:
        assert result.exit_code == 0, result.output[-2000:]


@pytest.mark.parametrize("case", ["criteria-dev-zero", "criteria-max-1e308", "criteria-100000-brackets"])
def test_registry_cases_in_a_real_process(case: str, tmp_path: Path) -> None:
    argv = hostile.CASES[case](tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "pari_index.cli", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
    )
    assert done.returncode == EXIT_INVALID_INPUT, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    codes = {"criteria-dev-zero": "[not-a-regular-file]", "criteria-max-1e308": "[schema:value_error]"}
    assert codes.get(case, "[yaml-too-deep]") in done.stdout + done.stderr


def test_limits_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARI_MAX_CRITERIA_ITEMS", "12")
    assert loading.max_items() == 12
    monkeypatch.setenv("PARI_MAX_CRITERIA_ITEMS", "")
    assert loading.max_items() == loading.MAX_ITEMS
    # A value that is no limit is said so (bad-limit, exit 2), not quietly replaced by the default.
    for bad in ("0", "-5", "abc", "9" * 30):
        monkeypatch.setenv("PARI_MAX_CRITERIA_ITEMS", bad)
        with pytest.raises(UsageError) as info:
            loading.max_items()
        assert [p.code for p in info.value.problems] == ["bad-limit"]


def test_an_impossible_date_is_placed_on_its_line() -> None:
    text = hostile.small_set().replace("date: 2024-01-15", "date: 2024-02-30")
    assert [(p.code, p.line, p.column) for p in problems_of(text)] == [("yaml-value", 6, 39)]


def test_a_ladder_of_20_tiers_scores_like_the_reference() -> None:
    # Tier ladders compile to one flat lookup; the first tier reached wins, as in the reference.
    yes_no = "inputs: {ok: {type: boolean}}\n        rule: {kind: yes_no, input: ok}"
    loaded = load_criteria_text(hostile.small_set().replace(yes_no, hostile.tiers_rule(20)), FILE)
    assert score(loaded.criteria, "1.2", n=25 * 10_000) == (0, "tier:0", 80_000)
    assert score(loaded.criteria, "1.2", n=7 * 10_000) == (0, "tier:13", 80_000)
    assert score(loaded.criteria, "1.2", n=0) == (0, "below_tiers", 80_000)
    assert score(loaded.criteria, "1.2") == (0, "missing", 80_000)
