"""Session 12's walkthrough as the province officer on Windows: what `pari` prints, redirected to a
file or a pipe as README's `pari schema > pari-criteria.schema.json` does."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("code_page", ["cp1252", "cp1258"])
def test_output_redirected_in_a_windows_code_page_is_written_in_utf8(tmp_path: Path, code_page: str) -> None:
    """On Windows, `pari schema > pari-criteria.schema.json` (README) writes to a file in the ANSI
    code page, which has no "ộ": the command stopped with a UnicodeEncodeError. Here the code
    page is PYTHONIOENCODING's, as Windows gives it to a redirected stream."""
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONIOENCODING": code_page}
    command = [sys.executable, "-m", "pari_index.cli"]
    schema = subprocess.run([*command, "schema"], capture_output=True, cwd=tmp_path, env=env, timeout=120)
    assert schema.returncode == 0, schema.stderr.decode("utf-8", "replace")
    assert json.loads(schema.stdout.decode("utf-8"))["title"] == "Bộ tiêu chí của pari-index"
    # The console's words too (stdout), and an error's (stderr).
    valid = subprocess.run(
        [*command, "validate", str(ROOT / "criteria" / "hai-phong-2022-commune.yaml"), "nope.yaml"],
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert valid.returncode == 1
    assert "hợp lệ — hai-phong-2022-commune" in valid.stdout.decode("utf-8")
    assert "nope.yaml: Không tìm thấy tệp" in valid.stdout.decode("utf-8") + valid.stderr.decode("utf-8")
