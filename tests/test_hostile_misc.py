"""What the hostile inputs of tests/hostile_misc.py answer (benchmarks/hostile.py times them at
5 MB; here they are smaller, since what they answer does not depend on their size)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner
from hostile_misc import alias_bomb, appraisal_unknown_communes, conflicting_repeats, huge_register, unknown_communes
from hypothesis import given, settings
from hypothesis import strategies as st

from pari_index.cli import main
from pari_index.errors import UsageError
from pari_index.outputs.results import read_results
from pari_index.system.limits import env_limit


def _data_rows(path: Path) -> int:
    return sum(1 for _ in path.open(encoding="utf-8")) - 1


def test_every_row_of_unknown_communes_is_a_located_finding(tmp_path: Path) -> None:
    args = unknown_communes(tmp_path, size=40_000)
    rows = _data_rows(tmp_path / "unknown.csv")
    # Not one row of the file can be used: the run stops before writing anything ...
    stopped = CliRunner().invoke(main, args)
    assert stopped.exit_code == 1 and "[file-unread]" in stopped.output
    assert not (tmp_path / "out").exists()
    # ... unless told to go on, and then every row is reported.
    result = CliRunner().invoke(main, [*args, "--allow-incomplete"])
    assert result.exit_code == 1, result.output
    findings = read_results(tmp_path / "out" / "results.xlsx")["findings"]
    unknown = findings.filter(pl.col("kind") == "unknown-commune")
    assert unknown.height == rows
    assert sorted(unknown["row"].to_list()) == list(range(2, rows + 2))
    ledger = read_results(tmp_path / "out" / "results.xlsx")["rows"]
    assert ledger.filter(pl.col("file").str.ends_with("unknown.csv"))["status"].unique().to_list() == ["rejected"]


def test_conflicting_repeats_are_never_used(tmp_path: Path) -> None:
    args = conflicting_repeats(tmp_path, size=20_000)
    rows = _data_rows(tmp_path / "conflicts.csv")
    result = CliRunner().invoke(main, [*args, "--allow-incomplete"])
    assert result.exit_code == 1, result.output
    tables = read_results(tmp_path / "out" / "results.xlsx")
    conflicts = tables["findings"].filter(pl.col("kind") == "conflicting-values")
    assert conflicts.height == rows
    item = tables["criteria"].filter((pl.col("commune_code") == "00001") & (pl.col("criterion_id") == "1.1.2"))
    assert item["computed_score"].to_list() == [0.0]


def test_alias_bomb_is_refused_in_a_real_process(tmp_path: Path) -> None:
    args = alias_bomb(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "pari_index.cli", *args], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 1
    assert "[yaml-alias-bomb]" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_a_register_far_larger_than_any_country_is_refused_before_scoring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = huge_register(tmp_path, size=200_000)
    units = _data_rows(tmp_path / "huge_communes.csv")
    monkeypatch.setenv("PARI_MAX_ITEM_ROWS", str(units * 59 - 1))
    result = CliRunner().invoke(main, [*args, "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert f"{units:,} units in the register × 59 scored items" in result.output
    vietnamese = CliRunner().invoke(main, args).output  # the default language, the same figures
    assert f"{units:,} đơn vị × 59 tiêu chí được chấm".replace(",", ".") in vietnamese
    assert "[run-too-large]" in result.output and not (tmp_path / "out").exists()
    monkeypatch.setenv("PARI_MAX_ITEM_ROWS", str(units * 59))
    assert CliRunner().invoke(main, args).exit_code in (0, 1)


def test_assessments_without_a_register_count_their_communes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.csv").write_text(
        "commune_code,criterion_id,value\n" + "".join(f"{i:05d},1.1.1,04/06/2025\n" for i in range(40)),
        encoding="utf-8",
    )
    monkeypatch.setenv("PARI_MAX_ITEM_ROWS", str(39 * 59))
    args = ["score", str(tmp_path / "a.csv"), "--no-survey", "-o", str(tmp_path / "o.xlsx"), "--lang", "en"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and "40 units in the assessments (no register given)" in result.output


@pytest.mark.parametrize("value", ["abc", "-5", "0", "1e6", "99999999999999999999"])
def test_a_limit_that_is_not_a_positive_whole_number_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("PARI_MAX_CELLS", value)
    with pytest.raises(UsageError) as info:
        env_limit("PARI_MAX_CELLS", 10)
    assert [p.code for p in info.value.problems] == ["bad-limit"]
    assert "PARI_MAX_CELLS" in info.value.problems[0].message


def test_a_limit_may_group_its_digits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARI_MAX_CELLS", " 5_000_000 ")
    assert env_limit("PARI_MAX_CELLS", 10) == 5_000_000
    monkeypatch.delenv("PARI_MAX_CELLS")
    assert env_limit("PARI_MAX_CELLS", 10) == 10


def test_a_file_with_column_names_and_no_rows_stops_the_run(tmp_path: Path) -> None:
    """A header and blank lines is an export gone wrong: said, never scored as if the commune
    had sent an empty form (which has its rows)."""
    args = unknown_communes(tmp_path, size=100)
    blank = tmp_path / "blank.csv"
    blank.write_text("commune_code,criterion_id,value\n" + "\n" * 1000, encoding="utf-8")
    args[1] = str(blank)
    result = CliRunner().invoke(main, [*args, "--lang", "en"])
    assert result.exit_code == 1
    assert f"{blank}: the file has column names but not one row below them [no-rows]" in result.output
    assert "[file-unread]" in result.output and not (tmp_path / "out").exists()


# --------------------------------------------------------------------------------------------
# The rows ledger's reasons, in the findings' words: looked up when a row has one reason


def _searched_everywhere(ledger: pl.DataFrame, written: list[str], shown: list[str]) -> pl.DataFrame:
    """Every row searched for every message, the longest first (leftmost=True: polars otherwise
    takes the shortest match, whatever the order)."""
    pairs = (
        pl.DataFrame({"written": written, "shown": shown})
        .drop_nulls()
        .unique("written")
        .filter(pl.col("written") != pl.col("shown"))
        .sort(pl.col("written").str.len_chars(), descending=True)
    )
    if pairs.height == 0:
        return ledger
    replaced = pl.col("reasons").str.replace_many(pairs["written"].to_list(), pairs["shown"].to_list(), leftmost=True)
    return ledger.with_columns(replaced.alias("reasons"))


_WORDS = st.sampled_from(["xã X1", "xã X12", "không có", "; ", "tiêu chí 1.1", "a", "ab", "b"])
_MESSAGE = st.lists(_WORDS, min_size=1, max_size=4).map("".join)


@settings(max_examples=200, deadline=None)
@given(
    messages=st.lists(_MESSAGE, min_size=1, max_size=8, unique=True),
    rows=st.lists(st.one_of(st.none(), st.lists(st.integers(0, 7), min_size=1, max_size=3)), max_size=12),
)
def test_reasons_looked_up_are_the_reasons_searched(messages: list[str], rows: list[list[int] | None]) -> None:
    """Rows of one reason are looked up, the others searched: the same text as searching all rows
    (which took 11 s for 56,000 distinct unknown-commune messages)."""
    from pari_index.outputs.results import _reasons_in

    shown = [f"«{m.upper()}»" for m in messages]
    reasons = [None if r is None else "; ".join(messages[i % len(messages)] for i in r) for r in rows]
    ledger = pl.DataFrame(
        {"row": list(range(len(rows))), "reasons": reasons}, schema={"row": pl.Int64, "reasons": pl.String}
    )
    got = _reasons_in(ledger, pl.Series(messages), pl.Series(shown))
    assert got.equals(_searched_everywhere(ledger, messages, shown))


def test_a_message_that_begins_another_is_not_replaced_inside_it() -> None:
    from pari_index.outputs.results import _reasons_in

    ledger = pl.DataFrame({"reasons": ["ab", "ab; a", None]})
    got = _reasons_in(ledger, pl.Series(["ab", "a"]), pl.Series(["«AB»", "«A»"]))
    assert got["reasons"].to_list() == ["«AB»", "«AB»; «A»", None]


def test_every_row_of_an_appraisal_of_unknown_communes_is_reported(tmp_path: Path) -> None:
    args = appraisal_unknown_communes(tmp_path, size=30_000)
    rows = _data_rows(tmp_path / "appraisal.csv")
    out = tmp_path / "out"
    args[args.index("-o") + 1] = str(out)
    result = CliRunner().invoke(main, [*args, "--format", "csv"])
    assert result.exit_code == 1, result.output
    ledger = pl.read_csv(out / "rows.csv", infer_schema=False).filter(pl.col("file").str.ends_with("appraisal.csv"))
    assert ledger.height == rows and set(ledger["status"]) == {"rejected"}
    assert ledger["reasons"].str.contains("X0").all()
