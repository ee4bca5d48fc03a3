"""One function shows a path in messages: ``outputs.names.shown_name``.

``ownership.check_not_results`` kept a copy of ``paths.shown_name`` (paths imports ownership);
both now import it from ``outputs.names``. Behaviour unchanged: a results file whose name is not
UTF-8 is named with its byte escaped (``\\xff``), as every rule of paths names it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pari_index.errors import UsageError
from pari_index.outputs import names, ownership, paths


def test_the_rules_of_paths_and_the_check_of_inputs_share_one_function() -> None:
    assert paths.shown_name is names.shown_name
    assert ownership.shown_name is names.shown_name


def test_a_results_file_with_a_name_that_is_not_utf8_is_named_escaped(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path) + b"/r\xffs"
    os.mkdir(folder)
    path = Path(os.fsdecode(folder + b"/summary.csv"))
    path.write_text("commune_code,total_points,index,rank\n00001,1,1,1\n", encoding="utf-8")
    with pytest.raises(UsageError) as info:
        ownership.check_not_results([("--survey", path)])
    (problem,) = info.value.problems
    assert problem.file == f"{tmp_path}/r\\xffs/summary.csv" == names.shown_name(path)
    assert problem.code == "input-is-results"
