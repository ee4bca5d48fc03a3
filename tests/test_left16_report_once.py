"""``pari report`` checks the report's size once.

The command refused a report of more units than PARI_MAX_REPORT_UNITS itself, naming the results,
and the renderer checked again (unnamed) for the library's callers. Now the renderer's check
names the results (``render_report(source=…)``) and the command leaves it to it: checked once,
the refusal's message as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pari_index.cli import main
from pari_index.outputs import report
from pari_index.system import limits

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SCORE = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
SCORE += ["--survey", str(EXAMPLES / "survey.csv")]


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("once") / "kq"
    done = CliRunner().invoke(main, [*SCORE, "-o", str(folder), "--format", "csv"])
    assert done.exit_code == 0, done.output
    return folder


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, str | None]]:
    calls: list[tuple[int, str | None]] = []
    checked = limits.check_report_size

    def counting(units: int, source: str | None) -> None:
        calls.append((units, source))
        checked(units, source)

    monkeypatch.setattr(limits, "check_report_size", counting)
    monkeypatch.setattr(report, "check_report_size", counting)
    return calls


def test_a_report_is_checked_once(results: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counted(monkeypatch)
    done = CliRunner().invoke(main, ["report", str(results), "-o", str(tmp_path / "bc.html")])
    assert done.exit_code == 0, done.output
    assert calls == [(60, str(results))]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("vi", "lỗi: {results}: kết quả có 60 đơn vị, nhiều hơn 50 đơn vị"),
        ("en", "error: {results}: the results name 60 units, more than the 50 one report shows [report-too-large]"),
    ],
)
def test_the_refusal_still_names_the_results(
    results: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    calls = _counted(monkeypatch)
    monkeypatch.setenv("PARI_MAX_REPORT_UNITS", "50")
    done = CliRunner().invoke(main, ["report", str(results), "-o", str(tmp_path / "bc.html"), "--lang", lang])
    assert done.exit_code == 2, done.output
    assert said.format(results=results) in done.output, done.output
    assert "PARI_MAX_REPORT_UNITS" in done.output
    assert calls == [(60, str(results))]
    assert not (tmp_path / "bc.html").exists()
