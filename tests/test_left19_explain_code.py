"""pari explain with a commune code typed without the results' leading zeros (``1`` for
``00001``), in another letter case or with spaces: the hint names the code it matches and the
unit's name, in both languages (outputs.explain_codes.not_in_results). Before, the Vietnamese hint said only
that codes keep their zeros and the English one listed the first ten codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pari_index.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("explain") / "results"
    args = ["score", str(EXAMPLES / "assessments_long.csv"), "--communes", str(EXAMPLES / "communes.csv")]
    done = CliRunner().invoke(main, [*args, "--no-survey", "-o", str(out), "--format", "csv", "-q"])
    assert done.exit_code == 0, done.output
    return out


@pytest.mark.parametrize(
    ("typed", "lang", "hint"),
    [
        ("1", "vi", "gợi ý: có phải ý bạn là mã 00001 (Phường Hồng Cẩm)? mã trong kết quả giữ các số 0 ở đầu"),
        ("1", "en", "hint: did you mean code 00001 (Phường Hồng Cẩm)? codes in the results keep their leading zeros"),
        ("000145", "en", "hint: did you mean code 00145 (Xã Xuân Thạnh)?"),
        (" 145 ", "vi", "gợi ý: có phải ý bạn là mã 00145 (Xã Xuân Thạnh)?"),
    ],
)
def test_a_code_without_its_leading_zeros_is_told_the_code_it_means(
    results: Path, typed: str, lang: str, hint: str
) -> None:
    done = CliRunner().invoke(main, ["explain", "--results", str(results), typed, "--lang", lang])
    assert done.exit_code == 2, done.output
    assert "[commune-not-in-results]" in done.output
    assert hint in done.output


@pytest.mark.parametrize(
    ("lang", "hint"),
    [
        ("vi", "gợi ý: dùng mã xã như trong kết quả (pari explain MÃ --results …), ví dụ: 00001, 00004,"),
        ("en", "hint: use a commune code of the results (pari explain CODE --results …), e.g. 00001, 00004,"),
    ],
)
def test_a_code_matching_none_lists_the_first_codes_in_both_languages(results: Path, lang: str, hint: str) -> None:
    done = CliRunner().invoke(main, ["explain", "--results", str(results), "99999", "--lang", lang])
    assert done.exit_code == 2, done.output
    assert hint in done.output
    assert "did you mean" not in done.output and "có phải" not in done.output


def test_the_padded_code_itself_is_explained(results: Path) -> None:
    done = CliRunner().invoke(main, ["explain", "--results", str(results), "00001", "1.1.1", "--lang", "en"])
    assert done.exit_code == 0, done.output
    assert "00001" in done.output


@pytest.mark.parametrize(
    ("typed", "lang", "hint"),
    [
        ("Phường Hồng Cẩm", "vi", "gợi ý: đó là tên của đơn vị mã 00001; dùng mã: pari explain 00001"),
        ("hồng cẩm", "en", "hint: that is the name of the unit with code 00001; give the code: pari explain 00001"),
        ("XUÂN THẠNH", "vi", "gợi ý: đó là tên của đơn vị mã 00145; dùng mã: pari explain 00145"),
    ],
)
def test_a_unit_s_name_is_told_its_code(results: Path, typed: str, lang: str, hint: str) -> None:
    # Session 21: an official types the commune's name; the hint listed ten codes, none its.
    done = CliRunner().invoke(main, ["explain", "--results", str(results), typed, "--lang", lang])
    assert done.exit_code == 2, done.output
    assert hint in done.output
