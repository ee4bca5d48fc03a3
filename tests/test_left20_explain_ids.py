"""pari explain given an item that is no id of the results says what to type (session 20).

An area written as a number (``1.0``, ``2,0``), with a leading zero (``01``) or with a final full
stop (``1.1.1.``) names the id it likely is; a commune code of the results given as the item
(``pari explain 00001 00004``) says one commune is explained at a time; an item id given as the
commune (``pari explain 1.1.1 00001``) says the commune comes first. Each was "«1.0» is neither a
scored item nor an area …" with the generic hint "use an id of the criteria set, e.g. 1.1.1", or
for the swapped order a list of commune codes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pari_index.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("explain") / "res"
    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
    done = CliRunner().invoke(main, [*args, "--no-survey", "-o", str(out), "--format", "csv", "-q"])
    assert done.exit_code == 0, done.output
    return out


def _explain(results: Path, *args: str, lang: str = "en") -> tuple[int, str]:
    done = CliRunner().invoke(main, ["explain", "--results", str(results), *args, "--lang", lang])
    return done.exit_code, done.output


@pytest.mark.parametrize(
    ("item", "near"),
    [("1.0", "1"), ("2,0", "2"), ("01", "1"), ("010", "10"), ("1.1.1.", "1.1.1"), (" 1.1.1", None)],
)
def test_an_id_written_otherwise_names_the_id(results: Path, item: str, near: str | None) -> None:
    status, output = _explain(results, "00001", item)
    if near is None:  # spaces around it are trimmed, as in the input files
        # (after the run's notices: --no-survey, units that sent nothing; session 37)
        lines = output.splitlines()
        assert status == 0 and lines[0].startswith("NO SURVEY (--no-survey)"), output
        assert any(line.startswith("Phường Hồng Cẩm (00001): total") for line in lines[:4]), output
        return
    assert status == 2, output
    assert f"error: «{item}» is neither a scored item nor an area or criterion with scored items" in output
    assert (
        f"hint: did you mean {near}? pari explain 00001 {near} (ids are text: 1.0, 01 or 1.10 are not 1 and 1.1)"
    ) in output


def test_a_commune_code_as_the_item(results: Path) -> None:
    status, output = _explain(results, "00001", "00004")
    assert status == 2
    assert (
        "hint: «00004» is a commune code of the results (Phường Tân Lộc), not an item id; one commune is explained at"
        " a time: pari explain 00001 1.1.1, or pari explain 00004 for that commune"
    ) in output
    status, output = _explain(results, "00001", "00004", lang="vi")
    assert (
        "gợi ý: «00004» là mã một xã của kết quả (Phường Tân Lộc), không phải mã tiêu chí; mỗi lần giải thích một xã:"
        " pari explain 00001 1.1.1, hoặc pari explain 00004 để xem xã đó"
    ) in output


def test_an_item_id_as_the_commune(results: Path) -> None:
    status, output = _explain(results, "1.1.1", "00004")
    assert status == 2
    assert "error: commune «1.1.1» is not in" in output
    assert "hint: 1.1.1 is an item id; the commune code comes first, then the item: pari explain 00004 1.1.1" in output
    status, output = _explain(results, "1.1.1", lang="vi")
    assert "gợi ý: 1.1.1 là mã tiêu chí; mã xã đứng trước, rồi đến mã tiêu chí: pari explain 00001 1.1.1" in output


def test_an_id_of_nothing_lists_the_areas(results: Path) -> None:
    status, output = _explain(results, "00001", "99")
    assert status == 2
    assert (
        "hint: use an id of the criteria set: an area (1, 2, 3, 4, 5, 6, 7, 8, 9, 10), a criterion or an item, e.g."
        " pari explain 00001 1.1.1 (ids are text: 1.10 is not 1.1)"
    ) in output
