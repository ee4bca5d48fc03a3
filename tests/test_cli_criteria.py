"""`pari validate` and `pari schema`, in-process (click's CliRunner) and as a real process."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from processes import run_process as run_pari

from pari_index.cli import main

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
ALL_KINDS = DATA / "all_kinds.yaml"
FOUR_ERRORS = DATA / "four_errors.yaml"
#: Every criteria set in the repository (other engineers add more), and the test set.
VALID_FILES = [ALL_KINDS, *sorted((ROOT / "criteria").glob("*.yaml"))]
FOUR = [
    ("four_errors.yaml:47:", "[duplicate-key]"),
    ("four_errors.yaml:29:", "[duplicate-id]"),
    ("four_errors.yaml:39:", "[tier-order]"),
    ("four_errors.yaml:22:", "[children-sum]"),
]


def run_process(*args: str) -> subprocess.CompletedProcess[str]:
    return run_pari(*args, timeout=120)


def test_valid_files_found() -> None:
    assert ALL_KINDS in VALID_FILES
    assert all(path.is_file() for path in VALID_FILES)


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: p.name)
def test_validate_ok_in_process(path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(path)])  # in Vietnamese, the default
    assert result.exit_code == 0, result.output
    assert f"{path}: hợp lệ" in result.output
    assert "Traceback" not in result.output
    assert "KHÔNG HỢP LỆ" not in result.output


def test_validate_all_valid_files_in_one_process() -> None:
    proc = run_process("validate", *map(str, VALID_FILES), "--lang", "en")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count(": ok") == len(VALID_FILES)
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "test-all-kinds, 0001/QĐ-UBND (15/01/2024), 4 areas, 14 scored items" in proc.stdout


def check_four_errors(output: str) -> None:
    assert "INVALID (4 problems)" in output
    for where, code in FOUR:
        lines = [line for line in output.splitlines() if code in line]
        assert len(lines) == 1, (code, output)
        assert where in lines[0], (where, lines[0])
    assert "Traceback" not in output


def test_validate_bad_file_in_process() -> None:
    result = CliRunner().invoke(main, ["validate", str(FOUR_ERRORS), "--lang", "en"])
    assert result.exit_code == 1
    check_four_errors(result.output)


def test_validate_bad_file_in_a_process() -> None:
    proc = run_process("validate", str(ALL_KINDS), str(FOUR_ERRORS), "--lang", "en")
    assert proc.returncode == 1
    output = proc.stdout + proc.stderr
    check_four_errors(output)
    assert f"{ALL_KINDS}: ok" in output  # the good file is still checked and reported


def test_validate_hostile_yaml_in_a_process(tmp_path: Path) -> None:
    target = tmp_path / "pwned"
    bad = tmp_path / "evil.yaml"
    bad.write_text(f'id: !!python/object/apply:os.system ["touch {target}"]\n', encoding="utf-8")
    proc = run_process("validate", str(bad))
    assert proc.returncode == 1
    assert "[yaml-tag-refused]" in proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert not target.exists()


def test_validate_missing_file_and_no_arguments() -> None:
    result = CliRunner().invoke(main, ["validate", "no/such/file.yaml"])
    assert result.exit_code == 1
    assert "[file-not-found]" in result.output
    assert "Traceback" not in result.output
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 2


def isoformat_dates(value: Any) -> Any:
    """YAML data with dates as ISO text, as an editor's JSON Schema check sees them."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: isoformat_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [isoformat_dates(v) for v in value]
    return value


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    loaded: dict[str, Any] = json.loads(result.output)
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def test_schema_from_a_process_is_the_same(schema: dict[str, Any]) -> None:
    proc = run_process("schema")
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == schema


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: p.name)
def test_schema_accepts_valid_files(schema: dict[str, Any], path: Path) -> None:
    data = isoformat_dates(yaml.safe_load(path.read_text(encoding="utf-8")))
    validator = jsonschema.Draft202012Validator(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


def test_schema_rejects_what_the_loader_rejects(schema: dict[str, Any]) -> None:
    data = isoformat_dates(yaml.safe_load(ALL_KINDS.read_text(encoding="utf-8")))
    validator = jsonschema.Draft202012Validator(schema)
    unknown = {**data, "colour": "red"}
    assert not validator.is_valid(unknown)
    no_scale = {k: v for k, v in data.items() if k != "scale"}
    assert not validator.is_valid(no_scale)
    bad_kind = json.loads(json.dumps(data))
    bad_kind["areas"][0]["children"][0]["children"][0]["rule"]["kind"] = "maybe"
    assert not validator.is_valid(bad_kind)
