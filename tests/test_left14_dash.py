"""``-`` given as any path of any command is ``path-is-dash`` (exit 2), named by its option.

Session 13 refused it where a command checked its paths (score, template, report, demo-data,
criteria export and import, explain --results); ``pari validate -``, ``pari diff`` without ``-o``
and ``pari explain --criteria -`` still said "-: file not found". The rule is now one place
(cli_errors.handles_errors → outputs.path_names.check_dashes) over every click.Path parameter, and this test
walks the command tree, so that a new command or option is covered without being listed.
"""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from children import pari_child
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.messages.command_line import argument_name
from pari_index.messages.help_words import walk

#: What each command needs besides the path under test (files need not exist: the dash is
#: refused before anything is looked at).
BASE: dict[str, list[str]] = {
    "validate": ["validate", "a.yaml"],
    "score": ["score", "a.csv", "-o", "out.xlsx"],
    "explain": ["explain", "00001"],
    "template": ["template", "-o", "t.xlsx"],
    "report": ["report", "results.xlsx", "-o", "r.html"],
    "demo-data": ["demo-data", "-o", "demo"],
    "criteria export": ["criteria", "export", "set.yaml", "-o", "annex.xlsx"],
    "criteria import": ["criteria", "import", "annex.xlsx", "-o", "draft.yaml"],
    "diff": ["diff", "old.yaml", "new.yaml"],
}

#: How each argument is named in the problem (its English name without click's decorations).
ARGUMENTS = {
    ("validate", "files"): "FILES",
    ("score", "assessments"): "ASSESSMENTS",
    ("report", "results"): "RESULTS",
    ("criteria export", "criteria_file"): "SET",
    ("criteria import", "annex"): "ANNEX",
    ("diff", "old"): "OLD",
    ("diff", "new"): "NEW",
}


def _path_params() -> list[tuple[str, click.Parameter]]:
    return [
        (path, param) for path, command in walk(main) for param in command.params if isinstance(param.type, click.Path)
    ]


def _argv(path: str, param: click.Parameter) -> tuple[list[str], str]:
    """The command line with ``-`` for ``param``, and the name the problem must give it."""
    argv = list(BASE[path])
    if isinstance(param, click.Option):
        # An option the base line gives already takes the dash in its place (given twice with two
        # values it is option-given-twice).
        for i, token in enumerate(argv[:-1]):
            if token in param.opts:
                return [*argv[: i + 1], "-", *argv[i + 2 :]], param.opts[0]
        return [*argv, param.opts[0], "-"], param.opts[0]
    name = ARGUMENTS[path, str(param.name)]
    arguments = [p.name for p in COMMANDS[path].params if isinstance(p, click.Argument)]
    argv[len(path.split()) + arguments.index(param.name)] = "-"
    return argv, name


COMMANDS = dict(walk(main))
PARAMS = _path_params()


def test_the_walk_finds_every_command_that_takes_a_path() -> None:
    assert sorted({path for path, _ in PARAMS}) == sorted(BASE)
    assert len(PARAMS) >= 25  # score alone has 11 paths


@pytest.mark.parametrize(("lang", "said"), [("en", "is not a file name here"), ("vi", "không phải tên tệp ở đây")])
@pytest.mark.parametrize(("path", "param"), PARAMS, ids=[f"{p}:{q.name}" for p, q in PARAMS])
def test_a_dash_for_any_path_of_any_command_is_path_is_dash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str, param: click.Parameter, lang: str, said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    argv, name = _argv(path, param)
    result = CliRunner().invoke(main, [*argv, "--lang", lang])
    assert result.exit_code == 2, result.output
    # An argument by its name on the help page of the language (TỆP_TỰ_ĐÁNH_GIÁ), an option as typed.
    assert f"{argument_name(name, lang)} -: «-»" in result.output
    assert said in result.output
    assert "[path-is-dash]" in result.output
    assert "file-not-found" not in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing written, not even a "-"


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "-"],
        ["diff", "-", "new.yaml"],
        ["diff", "old.yaml", "-", "--format", "table"],
        ["explain", "00001", "--criteria", "-"],
    ],
    ids=["validate", "diff-old", "diff-new", "explain-criteria"],
)
def test_the_commands_that_said_file_not_found_refuse_a_dash_in_a_real_process(tmp_path: Path, argv: list[str]) -> None:
    done = pari_child([*argv, "--lang", "en"], tmp_path, timeout=120)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("error: ")
    assert "[path-is-dash]" in done.stderr
    assert "file not found" not in done.stderr
    assert done.stdout == ""


def test_two_dashes_are_two_problems_each_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["diff", "-", "-", "-o", "-", "--lang", "en"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert [line.split(" -:")[0] for line in lines] == ["error: OLD", "error: NEW", "error: -o"]
    assert "3 problems." in result.output
