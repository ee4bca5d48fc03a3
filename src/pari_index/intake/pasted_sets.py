"""Rows of two criteria sets (or two years) in one assessments file, pasted one below the other.

Every commune and item of the second block repeats one of the first with other values, so each
value of both is ``conflicting-values`` and none is used: sweep 17 printed about a thousand such
lines for one file and never said why. The signature is the file's conflicts falling in two
blocks: every conflicting key's first row lies before every conflicting key's last row. One
finding (``pasted-sets``) then names the file, where its second block begins and what to do; the
conflicts stay in the findings sheet, one a value, and the console leaves them out for it."""

from __future__ import annotations

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.intake.schema import CRITERION, FINDING_SCHEMA
from pari_index.messages import params_json

#: Conflicting keys (commune, item, column) a file must have for its two blocks to be named: a
#: few conflicts are typing mistakes, each said in its own finding.
MIN_KEYS = 10
KIND = "pasted-sets"


def pasted_sets_findings(findings: pl.DataFrame) -> pl.DataFrame:
    """One ``pasted-sets`` finding for each file whose ``conflicting-values`` findings fall in two
    blocks of rows (see the module), at the file (no row: printed before its rows)."""
    keys = (
        findings.lazy()
        .filter((pl.col("kind") == "conflicting-values") & pl.col("file").is_not_null() & pl.col("row").is_not_null())
        .group_by("file", "sheet", COMMUNE, CRITERION, "column")
        .agg(pl.col("row").min().alias("first"), pl.col("row").max().alias("last"), pl.len().alias("cells"))
        .filter(pl.col("last") > pl.col("first"))
        .group_by("file", "sheet")
        .agg(
            pl.len().alias("keys"),
            pl.col("first").max().alias("end"),
            pl.col("last").min().alias("split"),
            pl.col("cells").sum().alias("cells"),
            pl.struct(COMMUNE, CRITERION).n_unique().alias("items"),
        )
        .filter((pl.col("keys") >= MIN_KEYS) & (pl.col("end") < pl.col("split")))
        .sort("file", "sheet", nulls_last=True)
        .collect()
    )
    rows = [_finding(row) for row in keys.iter_rows(named=True)]
    return pl.DataFrame(rows, schema=FINDING_SCHEMA) if rows else pl.DataFrame(schema=FINDING_SCHEMA)


def _finding(block: dict[str, object]) -> dict[str, object]:
    params = {"split": block["split"], "end": block["end"], "items": block["items"], "cells": block["cells"]}
    return {
        "severity": "error",
        "kind": KIND,
        "file": block["file"],
        "sheet": block["sheet"],
        "message": f"from row {block['split']:,} on, the file repeats {block['items']:,} (commune, item) pairs of "
        f"the rows up to row {block['end']:,} with other values ({block['cells']:,} values in conflict, none "
        "used): it holds rows of two criteria sets or two years, one below the other",
        "hint": "keep in this file only the rows of the set and year being scored, and score the others with their "
        "own criteria set",
        "params": params_json(params),
    }


def file_of_pasted_sets(findings: pl.DataFrame) -> pl.Expr:
    """True for a ``conflicting-values`` finding of a file that has a ``pasted-sets`` finding (which
    stands for them where findings are printed), or one that folds such findings (intake.folding)."""
    from pari_index.intake.folding import counted_kind

    files = findings.filter(pl.col("kind") == KIND).get_column("file").implode()
    return (counted_kind() == "conflicting-values").fill_null(False) & pl.col("file").is_in(files)
