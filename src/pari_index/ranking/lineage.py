"""The lineage table (``--lineage``): which of last year's codes each unit of this run takes up,
when communes were renamed or merged (the 2025 reform merged some 10,000 communes into 3,321).

The table is read and checked against the two runs' codes: a link to no unit of this run, from
no unit of last year's, a unit's own results passed over, an old code that is still a unit. Each
is told as a warning naming its rows; the comparison itself is :mod:`.changes`'s.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.errors import IntakeError, Problem
from pari_index.intake.findings import empty_findings, problems_to_findings, row_findings, shown_text
from pari_index.intake.lineage_headings import LINEAGE_ALIASES
from pari_index.intake.nearest import Near
from pari_index.intake.tables import ROW, check_table_size, read_with_columns, row_problems, table_rows_limit
from pari_index.messages.findings_table import json_params
from pari_index.ranking.changes import previous_summary
from pari_index.scoring.completeness import replace_findings

if TYPE_CHECKING:
    from pari_index.scoring.run import ScoreResult

# --------------------------------------------------------------------------------------------
# Year over year


def lineage_of_run(result: ScoreResult, path: str | Path, previous: dict[str, pl.DataFrame] | None) -> pl.DataFrame:
    """:func:`read_lineage` for a scored run: this year's codes are the run's, and the lineage's
    warnings (a row of a code of no unit, an old code not in ``previous``) become the run's
    findings, as every input's are, in place of those of an earlier reading of the same file (a
    library caller ranking twice is told once). ``pari score`` and ``pari.rank`` both read it so:
    the facade dropped the warnings, which the command printed. They come after the run's findings
    were folded, so they are folded here (intake.folding): 100,000 rows of old codes of no unit
    (5 MB) were 200,000 warnings, each a Problem, and a findings sheet of 200,000 rows (6.7 CPU s
    and 730 MB)."""
    from pari_index.intake.folding import fold_findings

    frame, told, found = _checked_lineage(path, True, result.totals[COMMUNE].to_list(), previous)
    # An earlier reading's findings go even when this one has none: the file corrected and ranked
    # again kept them, lineage-links-nothing and its part not read with them, until session 33's
    # review. A table that links nothing is a part of the inputs not used: the run is incomplete,
    # counted once however often the library ranks the result (completeness.replace_findings).
    lineage = None
    if told or found.height:
        # Its rows are not the input rows table's: the folded finding sends the reader to the file.
        lineage = fold_findings(pl.concat([problems_to_findings(told, "warning"), found]), "file")[0]
    replace_findings(result, pl.col("file") == str(path), lineage)
    return frame


def read_lineage(
    path: str | Path,
    warnings: list[Problem] | None = None,
    codes: Collection[str] | None = None,
    previous: dict[str, pl.DataFrame] | None = None,
) -> pl.DataFrame:
    """Read a lineage table (CSV or XLSX): one row per predecessor, columns ``old_code`` and
    ``new_code`` (or ``mã cũ``, ``mã mới``). Several old codes with one new code are a merger,
    one old code with one new code a change of code. Other columns are kept. A warning of reading
    it (a file read as UTF-16 or Windows-1258) goes to ``warnings`` when given: it stopped the run,
    after all the scoring, with exit 1 and a line that said only "warning". ``codes``: this year's
    units; a row whose new code is none of them links nothing, and is a warning (it was left out
    without a word, a typing slip of a code and all). ``previous``: last year's results (as
    ``read_results`` gives them); a row whose old code is not in them links nothing of last year,
    and is a warning too (it was only "no result" in the unit's ``previous_note``). A table that
    links (nearly) nothing adds ``lineage-links-nothing`` to ``warnings`` with the severity
    ``"error"``: check each problem's ``severity`` (``pari.rank`` makes the run incomplete with it)."""
    frame, told, found = _checked_lineage(path, warnings is not None, codes, previous)
    if warnings is not None:
        warnings += told + _as_problems(found)
    return frame


def _checked_lineage(
    path: str | Path, warn: bool, codes: Collection[str] | None, previous: dict[str, pl.DataFrame] | None
) -> tuple[pl.DataFrame, list[Problem], pl.DataFrame]:
    """The lineage table (see :func:`read_lineage`), the warnings of reading it (when ``warn``)
    and the warnings of its rows, as findings: built as columns, not a Problem a row."""
    frame, problems = read_with_columns(
        path,
        LINEAGE_ALIASES,
        ("old_code", "new_code"),
        "lineage",
        "name the columns old_code,new_code (or mã cũ, mã mới)",
        table_rows_limit("lineage"),
    )
    check_table_size(frame, path, "lineage")
    frame = _one_code_a_row(frame)
    # A lineage table is small and every row matters for year-over-year matching: any problem
    # reading it (a hidden sheet, a sheet without the columns) stops the run.
    # Once a row, however many codes its cells list. The register's missing-code said, in
    # Vietnamese, that the row had no commune code and was left out, while the run stopped.
    blank = pl.col("old_code").is_null() | pl.col("new_code").is_null()
    problems += row_problems(
        frame.filter(blank).unique(ROW, keep="first", maintain_order=True),
        pl.lit(True),
        "lineage-code-missing",
        lambda _r: "a lineage row needs both the old and the new code; nothing was written",
        "fill in both codes on every row: a merged cell holds its code in its first row only, so write the new "
        "code on each row of its old codes, or list the old codes in one cell (10004, 20004)",
    )
    told = [p for p in problems if p.severity != "error"] if warn else []
    if len(told) < len(problems):
        raise IntakeError(problems)
    found: list[pl.DataFrame] = []
    if codes is not None:
        found.append(_links_to_nothing(frame, codes))
    if previous is not None:
        # A row whose new code is no unit was told so already: it links nothing either way.
        unit = pl.lit(True) if codes is None else _is_unit(codes)
        last_year = previous_summary(previous)["_p_code"]
        found.append(_links_from_nothing(frame.filter(unit), last_year))
        found.append(_own_results_passed_over(frame.filter(unit), last_year))
    if codes is not None:
        # A row whose new code is no unit was told so already.
        found.append(_old_code_still_a_unit(frame.filter(_is_unit(codes)), codes))
    found.append(_links_nothing(frame, path, codes, previous))
    extra = [c for c in frame.columns if c not in ("old_code", "new_code") and not c.startswith("_")]
    table = frame.select("old_code", "new_code", *extra).unique(subset=["old_code", "new_code"], maintain_order=True)
    return table, told, pl.concat(found) if found else empty_findings()


#: What separates the codes of one cell: merger tables list a new unit's predecessors in one cell
#: (``10004, 20004``, or one a line; ``/``, ``&``, a tab or ``và`` between them: until session
#: 33's review these were one code, the merger compared with nothing). Not a hyphen, which may
#: write a range (``10001 - 10005``: split, three of its codes would be lost without a word),
#: nor a space, which may be inside a code.
_CODE_LIST = r"\s*(?:[,;\n\t/&]|\s(?:và|va)\s)\s*"
#: A code written as a number with a decimal comma (``1,0``): one code, told as such elsewhere.
_DECIMAL_COMMA = r"^\s*\d+,0+\s*$"


def _one_code_a_row(frame: pl.DataFrame) -> pl.DataFrame:
    """The table with one old and one new code a row: a cell listing several codes (``10004,
    20004``; ``;``, a line or another separator of _CODE_LIST between) is a row for each, at the
    cell's row of the file. Until session 33 such a cell was one code, "not in last year's
    results", and the merger it wrote compared the unit with nothing."""
    for column in ("old_code", "new_code"):
        text = pl.col(column).cast(pl.String)
        listed = text.str.contains(_CODE_LIST) & ~text.str.contains(_DECIMAL_COMMA)
        if not frame.select(listed.fill_null(False).any()).item():
            continue
        parts = text.str.replace_all(_CODE_LIST, "\x1f").str.split("\x1f").list.filter(pl.element() != "")
        # A cell of separators alone is no code (lineage-code-missing), as an empty one: explode
        # drops an empty list's row, which was left out without a word until session 33's review.
        listed_codes = pl.when(listed).then(parts).otherwise(pl.concat_list(text))
        frame = frame.with_columns(listed_codes.alias(column)).explode(column, empty_as_null=True)
    return frame


def _links_nothing(
    frame: pl.DataFrame, path: str | Path, codes: Collection[str] | None, previous: dict[str, pl.DataFrame] | None
) -> pl.DataFrame:
    """``lineage-links-nothing``, an error, when the table links (nearly) no unit of this run to
    last year's results: no pair of codes names a unit of this run, or at most one in ten of those
    that do names an old code of last year's results. Codes that lost their leading zeros in
    Excel, names written for codes, another province's table: each pair was a warning, and the
    run said it was complete (exit 0) with every unit's change "not in last year's results". The
    table is a part of the inputs not read (lineage_of_run).

    Not when last year's results are of fewer units than the table's pairs naming a unit of this
    run (results of a few units, every one linked: 4 of 60 pairs were this error), nor when no pair
    names a unit of this run and every unit of last year's results is one of this run's (a
    national table given for a province whose codes did not change: it had nothing to link, and
    every unit was compared, under a run said INCOMPLETE, exit 1). Until session 33's review."""
    pairs = frame.height
    aimed = frame.filter(_is_unit(codes)) if codes is not None else frame
    linked = wanted = aimed.height
    if previous is not None:
        last_year = previous_summary(previous)["_p_code"].cast(pl.String).drop_nulls()
        linked = aimed.filter(pl.col("old_code").cast(pl.String).is_in(last_year.implode())).height
        wanted = min(aimed.height, last_year.n_unique())
        if (
            codes is not None
            and not aimed.height
            and last_year.is_in(pl.Series(list(codes), dtype=pl.String).implode()).all()
        ):
            return empty_findings()
    if pairs == 0 or (codes is None and previous is None) or linked * 10 > wanted > 0:
        return empty_findings()
    params = {"linked": linked, "pairs": pairs, "unknown": pairs - aimed.height, "missing": aimed.height - linked}
    problem = Problem(
        "lineage-links-nothing",
        f"{linked} of the {pairs} pairs of codes of the lineage table link a unit of this run to last year's "
        f"results ({params['unknown']} name a new code of no unit of this run, {params['missing']} an old code not "
        "in last year's results): the changes since last year were worked out without them",
        file=str(path),
        hint="check the codes against the register and last year's results: codes keep their leading zeros "
        "(00001), which Excel drops when it takes them for numbers, and a unit's name is not its code",
        params=params,
    )
    return problems_to_findings([problem], "error")


def _as_problems(found: pl.DataFrame) -> list[Problem]:
    """The row warnings ``found`` as the Problems a library caller of read_lineage is given."""
    from pari_index.scoring.run import problems_from_findings

    return problems_from_findings(found)


def _row_warnings(
    frame: pl.DataFrame,
    condition: pl.Expr,
    kind: str,
    message: list[str | pl.Expr],
    hint: str,
    field: str,
    near: Near | None = None,
) -> pl.DataFrame:
    """The rows of the lineage table meeting ``condition`` as warning findings (row_findings): a
    row that links wrongly is told, and the comparison goes on without it or as the codes say.
    ``message``: its English words and the codes (``_old``, ``_new``: as shown) between them;
    the parameters are the codes as shown, ``code`` being the ``field``'s, with ``near``'s
    (the register's codes near the field's) where it has any."""
    rows = frame.with_columns(
        shown_text(pl.col("old_code").cast(pl.String)).alias("_old"),
        shown_text(pl.col("new_code").cast(pl.String)).alias("_new"),
    )
    other = "new_code" if field == "old_code" else "old_code"
    params = {"code": pl.col("_old" if field == "old_code" else "_new")}
    if kind != "lineage-unknown-code":
        params[other] = pl.col("_new" if other == "new_code" else "_old")
    text = pl.concat_str([pl.lit(part) if isinstance(part, str) else part for part in message])
    written = near.params(pl.col(field), json_params, **params) if near is not None else params
    found = row_findings(rows, condition, kind, text, hint, field=field, params=written)
    return found.with_columns(pl.lit("warning").alias("severity"))


def _is_unit(codes: Collection[str]) -> pl.Expr:
    """Whether a lineage row's new code is one of ``codes`` (this run's units)."""
    # implode(): a Series of the column's own type as is_in's collection is deprecated in polars.
    return pl.col("new_code").cast(pl.String).is_in(pl.Series(list(codes), dtype=pl.String).implode())


_OLD, _NEW = pl.col("_old"), pl.col("_new")


def _links_to_nothing(frame: pl.DataFrame, codes: Collection[str]) -> pl.DataFrame:
    """Warnings for the lineage rows whose new code is no unit of this run, naming the register's
    codes near it as ``unknown-commune`` does (intake.nearest): a code that lost its leading zeros
    in Excel, a unit's name written for its code."""
    unknown = ~_is_unit(codes)
    near = Near(frame.filter(unknown)["new_code"].cast(pl.String), pl.Series(list(codes), dtype=pl.String))
    return _row_warnings(
        frame,
        unknown,
        "lineage-unknown-code",
        [
            "the new code ",
            _NEW,
            " is no unit of this run",
            near.english(pl.col("new_code")),
            "; the row links nothing and was not used",
        ],
        "check the code against the register (a typing slip?), or delete the row",
        "new_code",
        near,
    )


def _links_from_nothing(frame: pl.DataFrame, previous_codes: pl.Series) -> pl.DataFrame:
    """Warnings for the lineage rows whose old code is not in last year's results: matched as
    compare_previous matches them (the old code as text against last year's trimmed codes)."""
    missing = ~pl.col("old_code").cast(pl.String).is_in(previous_codes.cast(pl.String).implode())
    return _row_warnings(
        frame,
        missing,
        "lineage-old-code-missing",
        ["the old code ", _OLD, " is not in last year's results; the row links nothing of last year to ", _NEW],
        "check the old code against last year's results (a typing slip?), or delete the row if the unit had no "
        "result last year",
        "old_code",
    )


def _own_results_passed_over(frame: pl.DataFrame, previous_codes: pl.Series) -> pl.DataFrame:
    """Warnings for the lineage rows whose new code had results of its own last year and is no old
    code of the table: the unit is compared with its predecessors alone (``00004,00007``: 00007
    was "code changed from 00004", its own last year's rank passed over without a word). A merger
    into a code that existed lists that code too (``00007,00007``)."""
    text = pl.col("new_code").cast(pl.String)
    olds = frame["old_code"].cast(pl.String).unique().implode()
    passed_over = text.is_in(previous_codes.cast(pl.String).implode()) & ~text.is_in(olds)
    return _row_warnings(
        frame,
        passed_over & (text != pl.col("old_code").cast(pl.String)),
        "lineage-own-results-passed-over",
        [
            "the new code ",
            _NEW,
            " has results of its own last year, which are not used: the unit is compared with ",
            _OLD,
            " as its predecessor",
        ],
        "if the units merged, add a row with the new code as an old code of itself; if the codes are mistyped, "
        "correct them",
        "new_code",
    )


def _old_code_still_a_unit(frame: pl.DataFrame, codes: Collection[str]) -> pl.DataFrame:
    """Warnings for the lineage rows whose old code is still a unit of this run and no new code of
    the table: its last year's results count twice, for itself (same code) and for the new code
    (``00004,00007`` while 00004 is still scored). A split that keeps the old code lists it as a
    new code too (``00300,00300``)."""
    text = pl.col("old_code").cast(pl.String)
    news = frame["new_code"].cast(pl.String).unique().implode()
    still = text.is_in(pl.Series(list(codes), dtype=pl.String).implode()) & ~text.is_in(news)
    return _row_warnings(
        frame,
        still,
        "lineage-old-code-still-a-unit",
        [
            "the old code ",
            _OLD,
            " is still a unit of this run: its last year's results are compared with its own and with ",
            _NEW,
            "'s",
        ],
        "check the codes (a typing slip?); if the unit was split and kept its code, add a row with the old code "
        "as a new code of itself",
        "old_code",
    )
