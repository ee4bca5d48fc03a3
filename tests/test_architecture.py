"""The stage packages depend only on earlier stages: criteria -> intake -> scoring -> ranking -> outputs.

Read from the source with ast (no import), so a new backward import fails here at once.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "pari_index"
STAGES = ["criteria", "intake", "scoring", "ranking", "outputs"]
#: Shared helpers every stage may use; they import no stage themselves.
SHARED = {
    "errors",
    "letters",
    "messages",
    "system",
    "textexpr",
}
#: Backward imports still to be removed, as (file, module): none left. A new one must be listed here
#: with the reason, and the test below fails as soon as it is gone.
KNOWN: set[tuple[str, str]] = set()


def imports_of(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pari_index"):
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("pari_index")]
    return found


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_only_earlier_stages(stage: str) -> None:
    allowed = {f"pari_index.{s}" for s in STAGES[: STAGES.index(stage) + 1]} | {f"pari_index.{s}" for s in SHARED}
    files = sorted((SRC / stage).rglob("*.py"))
    assert files, f"no package {stage}"
    wrong = []
    for path in files:
        for module in imports_of(path):
            top = ".".join(module.split(".")[:2])
            if top not in allowed and (str(path.relative_to(SRC)), module) not in KNOWN:
                wrong.append(f"{path.relative_to(SRC)} imports {module}")
    assert not wrong, wrong


def test_shared_helpers_import_no_stage() -> None:
    for name in SHARED:
        # A shared helper is a module or a package (messages/): every file of it counts.
        files = [SRC / f"{name}.py"] if (SRC / f"{name}.py").exists() else sorted((SRC / name).rglob("*.py"))
        assert files, f"no shared helper {name}"
        modules = [module for path in files for module in imports_of(path)]
        assert not [m for m in modules if m.split(".")[1] in STAGES], (name, modules)


def test_the_known_exceptions_still_exist() -> None:
    # When one is removed, drop it from KNOWN so that it cannot come back unnoticed.
    for file, module in KNOWN:
        assert module in imports_of(SRC / file), (file, module)
