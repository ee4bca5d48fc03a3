"""Every ```python block of README.md and docs/*.md runs, as written, from a temporary folder.

The folder holds copies of examples/ and criteria/ (the paths the documentation uses, as from the
repository root) and the results files some pages read back (``results.xlsx``; last year's
``results-2024.xlsx`` and a ``lineage.csv`` for the year-over-year example). The blocks of one
page run in order in one namespace, as a reader would paste them. A block meant as a fragment is
marked with ``<!-- not-run -->`` on the line before it (none is today).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"(?P<before>[^\n]*)\n```python\n(?P<code>.*?)\n```", re.DOTALL)
NOT_RUN = "<!-- not-run -->"


def python_blocks(page: Path) -> list[tuple[int, str]]:
    """(line number, code) of each python block not marked as a fragment."""
    text = "\n" + page.read_text(encoding="utf-8")
    blocks = []
    for match in BLOCK.finditer(text):
        if match.group("before").strip() == NOT_RUN:
            continue
        line = text.count("\n", 0, match.start("code"))
        blocks.append((line, match.group("code")))
    return blocks


def test_the_pages_have_python_blocks() -> None:
    # The regex must find the blocks, or every page test below would pass on nothing.
    found = {page.name: len(python_blocks(page)) for page in PAGES}
    assert found["README.md"] == 1
    assert found["library.md"] >= 4
    assert sum(found.values()) >= 7


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pari_index.pipeline import run_score

    here = tmp_path_factory.mktemp("docs")
    shutil.copytree(ROOT / "examples", here / "examples")
    shutil.copytree(ROOT / "criteria", here / "criteria")
    cwd = Path.cwd()
    os.chdir(here)
    try:
        for name in ("results.xlsx", "results-2024.xlsx"):
            run_score(
                assessments=["examples/assessments_long.csv", "examples/assessments_wide.xlsx"],
                communes="examples/communes.csv",
                survey=["examples/survey.csv"],
                appraisal="examples/appraisal.csv",
                output=name,
            )
    finally:
        os.chdir(cwd)
    codes = [line.split(",")[0] for line in (here / "examples/communes.csv").read_text("utf-8-sig").splitlines()[1:3]]
    (here / "lineage.csv").write_text(f"old_code,new_code\n{codes[0]},{codes[0]}\n{codes[1]},{codes[1]}\n")
    return here


#: Only the pages that have Python blocks: a page without one has nothing to run (a skip would
#: prove nothing), and a page that gains one is picked up by this list.
CODE_PAGES = [page for page in PAGES if python_blocks(page)]


def test_the_pages_with_examples_are_found() -> None:
    assert {"README.md", "library.md"} <= {page.name for page in CODE_PAGES}


@pytest.mark.parametrize("page", CODE_PAGES, ids=[p.name for p in CODE_PAGES])
def test_python_blocks_run(page: Path, workdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = python_blocks(page)
    # Each page in a fresh copy of the folder, so that what one page writes does not feed another.
    folder = tmp_path / "run"
    shutil.copytree(workdir, folder)
    monkeypatch.chdir(folder)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for line, code in blocks:
        compiled = compile(code, f"{page.relative_to(ROOT)}:{line}", "exec")
        exec(compiled, namespace)  # the documentation's own examples
