"""The jobs that start from a results file already written: ``pari report`` and ``pari explain``.

Both need the criteria set the results were scored with (:func:`criteria_for_results`: the given
file, refused when it is another set or the same set edited since, or the bundled set of the id
the results' about table names, unused when it differs); ``pari explain`` then prints one
commune's items (:func:`explain_from_results`). Scoring itself is :mod:`pari_index.pipeline`.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import polars as pl

from pari_index.criteria.model import CriteriaSet
from pari_index.errors import IntakeError, Problem, UsageError, quoted


def criteria_for_results(
    tables: dict[str, pl.DataFrame], criteria: str | Path | None, warnings: list[Problem] | None = None
) -> CriteriaSet | None:
    """The criteria set a results file was scored with: the given file, or the bundled set whose
    id the results' about sheet names (None when neither is available). A bundled set of that id
    that is not as the results were scored with it (the SHA-256 their about sheet records) is not
    used: a warning (bundled-criteria-differs) is added to ``warnings`` and None returned."""
    from pari_index.criteria.loading import bundled_criteria, load_criteria
    from pari_index.errors import CriteriaError
    from pari_index.outputs.results_checks import about_facts

    facts = about_facts(tables)
    wanted = facts.get("criteria_id") or None
    if criteria is not None:
        given = load_criteria(criteria).criteria
        _check_same_set(given, wanted, criteria)
        _check_same_content(given, facts, criteria)
        return given
    for path in bundled_criteria():
        try:
            loaded = load_criteria(path).criteria
        except CriteriaError:
            continue
        if loaded.id == wanted:
            differs = _bundled_differs(loaded, path, facts)
            if differs is None:
                return loaded
            if warnings is not None:
                warnings.append(differs)
            return None
    return None


def _bundled_differs(bundled: CriteriaSet, path: Path, facts: dict[str, str]) -> Problem | None:
    """The warning that the bundled set ``bundled`` (at ``path``) is not the set of its id as the
    results were scored with it, or None when it is or the results record no SHA-256. A set edited
    since, by a newer pari-index or a copy changed and given with --criteria at scoring, printed its
    own labels, maxima and rules beside scores it did not give, without a word."""
    differs = _other_digest(bundled, path, facts)
    if differs is None:
        return None
    digest, scored, of = differs
    return Problem(
        "bundled-criteria-differs",
        f"the bundled criteria set {quoted(bundled.id)} is not the set the results were scored with: the SHA-256 of "
        f"its {'file' if of == 'file' else 'content'} is {digest}, while the results' about sheet records {scored}; "
        "it was not used, and what is shown comes from the results alone (without the set's rules and labels)",
        severity="warning",
        params={"given": quoted(bundled.id), "of_words": of, "digest": digest, "scored_digest": scored},
    )


def _check_same_set(given: CriteriaSet, wanted: str | None, path: str | Path) -> None:
    """``--criteria`` must be the set the results were scored with (the id their about sheet
    names): another set's rules, maxima and labels would be printed beside these scores."""
    if wanted is None or given.id == wanted.strip():
        return
    raise UsageError(
        Problem(
            "results-other-criteria",
            f"--criteria {path} is the set {quoted(given.id)}, but the results were scored with {quoted(wanted)}",
            hint="give the criteria set the results were scored with, or leave out --criteria",
            params={"criteria": str(path), "given": quoted(given.id), "scored": quoted(wanted)},
        )
    )


def _other_digest(criteria: CriteriaSet, path: str | Path, facts: dict[str, str]) -> tuple[str, str, str] | None:
    """``(digest, scored, of)`` when ``criteria`` (read from ``path``) is not the set as the results
    were scored with it: its SHA-256 (of the file's bytes or of the content, as ``of`` says) differs
    from the one their about sheet records (``scored``); None when it is, or none is recorded."""
    from pari_index.outputs.provenance import criteria_content_sha256, file_sha256

    scored, of = facts.get("criteria_sha256", "").strip().lower(), facts.get("criteria_sha256_of", "").strip()
    if not scored or of not in ("file", "content"):
        return None
    digest = file_sha256(path) if of == "file" else criteria_content_sha256(criteria)
    return None if digest == scored else (digest, scored, of)


def _check_same_content(given: CriteriaSet, facts: dict[str, str], path: str | Path) -> None:
    """``--criteria`` of the results' set must also be as they were scored with it: the SHA-256
    their about sheet records (of the file's bytes, or of the set's content) must be the given
    set's. A set of the same id edited since (a maximum, a rule, a label) was printed beside
    scores it did not give (sweep 17 compared the ids only). Results without the hash (written
    before it was kept) are not checked."""
    differs = _other_digest(given, path, facts)
    if differs is None:
        return
    digest, scored, of = differs
    of_words = "file's bytes" if of == "file" else "content"
    raise UsageError(
        Problem(
            "results-criteria-edited",
            f"--criteria {path} is the set {quoted(given.id)} of the results, but not as they were scored with it: "
            f"the SHA-256 of its {of_words} is {digest}, while the results' about sheet records {scored}",
            hint="give the criteria file the results were scored with, unchanged, or score again with the edited set",
            params={
                "criteria": str(path),
                "given": quoted(given.id),
                "of_words": of,
                "digest": digest,
                "scored_digest": scored,
            },
        )
    )


#: The columns of the criteria table that ``pari explain`` prints.
EXPLAIN_COLUMNS = ("max", "self_score", "computed_score", "appraised_score", "final_score", "status", "explanation")


def explain_from_results(
    results: str | Path,
    commune: str,
    criterion: str | None,
    lang: str,
    criteria: str | Path | None = None,
    warnings: list[Problem] | None = None,
) -> str:
    """The explanation of one commune (and optionally one item) from a results file, in ``lang``
    (re-worded from the rule branches when the criteria set is known); a bundled set that differs
    from the one scored with is not used, and said so in ``warnings``."""
    from pari_index.criteria.method import method_text
    from pari_index.criteria.model import resolve_leaves
    from pari_index.messages import status_text
    from pari_index.outputs.results import read_results

    # Typed or pasted with a space around it ("00001 "), as codes in the input files are trimmed.
    commune, criterion = commune.strip(), criterion.strip() if criterion is not None else None
    tables = read_results(results)
    rows = explained_rows(tables, results, commune, criterion)
    criteria_set = criteria_for_results(tables, criteria, warnings)
    rows, reworded = _reword(rows, criteria_set, lang)
    methods = {leaf.id: method_text(leaf, lang) for leaf in resolve_leaves(criteria_set)} if criteria_set else {}
    summary = tables["summary"].with_columns(pl.col("commune_code").cast(pl.String))
    head = summary.filter(pl.col("commune_code") == commune).to_dicts()
    vi = lang == "vi"
    lines: list[str] = []
    if head:
        lines.append(_commune_line(head[0], commune, vi))
    labels = (
        ("Tự chấm", "Theo quy tắc", "Thẩm định", "Cuối cùng", "Tối đa")
        if vi
        else ("Self-score", "Computed", "Appraised", "Final", "Max")
    )
    for r in rows.iter_rows(named=True):
        lines.append(
            f"{r['criterion_id']} [{labels[4]} {_num(r['max'], vi)}] {labels[0]}: {_num(r['self_score'], vi)} · "
            f"{labels[1]}: {_num(r['computed_score'], vi)} · {labels[2]}: {_num(r['appraised_score'], vi)} · "
            f"{labels[3]}: {_num(r['final_score'], vi)} ({status_text(r['status'], lang, say_ok=True)})"
        )
        lines.append(f"    {r['explanation']}")
        if r["criterion_id"] in methods:  # the rule in the annex's words, as template and report
            lines.append(
                f"    {'Cách chấm' if vi else 'Method'}: " + methods[r["criterion_id"]].replace("\n", "\n      ")
            )
    if not reworded:
        lines.append(
            "(Giải thích giữ nguyên như khi chấm; dùng --criteria để diễn đạt lại.)"
            if vi
            else "(Explanations are shown as written when the results were scored; give --criteria FILE "
            "to have them re-worded in this language.)"
        )
    return "\n".join(lines)


def explained_rows(
    tables: dict[str, pl.DataFrame], results: str | Path, commune: str, criterion: str | None
) -> pl.DataFrame:
    """The criteria-table rows to explain: the commune's, for one item or every item under an
    area or criterion id. An unknown commune or id is a usage error naming what there is."""
    details = tables.get("criteria")
    if details is None:
        raise IntakeError(
            Problem(
                "not-results",
                "the results file has no criteria sheet",
                file=str(results),
                params={"results_problem": "no_criteria"},
            )
        )
    details = details.with_columns(pl.col("commune_code").cast(pl.String), pl.col("criterion_id").cast(pl.String))
    # A results file from elsewhere may lack a column: shown as "—" rather than failing.
    details = details.with_columns(pl.lit(None).alias(c) for c in EXPLAIN_COLUMNS if c not in details.columns)
    rows = details.filter(pl.col("commune_code") == commune)
    if rows.height == 0:
        raise _not_in_results(tables, details, results, commune, criterion)
    if criterion is None:
        return rows
    # An area or criterion id explains every scored item under it (2.1 -> 2.1.1, 2.1.2, ...).
    rows = rows.filter((pl.col("criterion_id") == criterion) | pl.col("criterion_id").str.starts_with(criterion + "."))
    if rows.height == 0:
        raise _item_not_in_results(tables, details, commune, criterion)
    return rows


def _results_ids(details: pl.DataFrame) -> list[str]:
    """The ids pari explain takes as its item: each scored item's and those of the areas and
    criteria above it (``1``, ``1.1``, ``1.1.1``), in the set's order."""
    ids: dict[str, None] = {}
    for item in details["criterion_id"].drop_nulls().unique(maintain_order=True).to_list():
        parts = item.split(".")
        ids.update(dict.fromkeys(".".join(parts[: n + 1]) for n in range(len(parts))))
    return list(ids)


def _item_not_in_results(
    tables: dict[str, pl.DataFrame], details: pl.DataFrame, commune: str, criterion: str
) -> UsageError:
    """An item id the results hold nothing under, with what to type: a commune code of the results
    given as the item (``pari explain 00001 00004``: one commune at a time, the item after it); the
    id it likely means (an area written as a number, ``1.0``; ``01``; ``1.1.1.``: intake.nearest);
    else the areas' ids and an item's."""
    from pari_index.intake.nearest import SUGGESTED, nearest_codes

    ids = _results_ids(details)
    params: dict[str, object] = {"criterion": quoted(criterion), "commune": commune}
    message = f"{quoted(criterion)} is neither a scored item nor an area or criterion with scored items"
    codes = details["commune_code"].drop_nulls().unique()
    typed = criterion.strip()
    # An area's number as a number column writes it (1.0, 2,0) or with a leading zero (01).
    as_area = typed.replace(",", ".").split(".")[0].lstrip("0") if re.fullmatch(r"[0-9]+(?:[.,]0+)?", typed) else None
    near = nearest_codes(pl.Series([typed]), pl.Series(ids), items=True)[SUGGESTED].to_list()
    if typed in codes.to_list():
        params |= {"item_hint": "commune", "name": _unit_name(tables, typed), "code": typed}
    elif as_area in ids or near:
        params |= {"item_hint": "near", "near": as_area if as_area in ids else near[0]}
    else:
        areas = [i for i in ids if "." not in i]
        example = next((i for i in ids if i.count(".") >= 2), ids[-1] if ids else "1.1.1")
        params |= {"item_hint": "list", "areas": ", ".join(areas[:12]), "example": example}
    return UsageError(Problem("criterion-not-in-results", message, params=params))


def _unit_name(tables: dict[str, pl.DataFrame], code: str) -> str:
    """The name the results' summary gives the unit ``code`` ("—" when none)."""
    summary = tables.get("summary")
    if summary is None or "name" not in summary.columns:
        return "—"
    names = summary.filter(pl.col("commune_code").cast(pl.String) == code)["name"].cast(pl.String).to_list()
    return (names or [None])[0] or "—"


def _units_named(tables: dict[str, pl.DataFrame], codes: pl.Series, typed: str) -> str | None:
    """The codes of the results' units named ``typed`` (intake.nearest's ``name``: a name typed
    as the code, in any case, with or without its unit type), ", " between; None when none."""
    from pari_index.intake.nearest import NEAREST, SUGGESTED, nearest_codes

    summary = tables.get("summary")
    if summary is None or "name" not in summary.columns or not re.search(r"[^\W\d_]", typed):
        return None
    names = summary.select(pl.col("commune_code").cast(pl.String).alias("code"), pl.col("name").cast(pl.String))
    found = nearest_codes(pl.Series([typed]), codes, names=names).filter(pl.col(NEAREST) == "name")
    return found[SUGGESTED].item() if found.height else None


def _not_in_results(
    tables: dict[str, pl.DataFrame],
    details: pl.DataFrame,
    results: str | Path,
    commune: str,
    criterion: str | None = None,
) -> UsageError:
    """A commune code that the results do not hold, with the code it was likely meant for: the
    same digits with the results' leading zeros (``1`` for ``00001``), or the same code in another
    letter case or with spaces around it; an item id of the results given first (``pari explain
    1.1.1 00001``: the commune comes first); else the first codes of the results."""
    codes = details.select(pl.col("commune_code").drop_nulls().unique().sort())["commune_code"]
    typed = unicodedata.normalize("NFC", commune).strip()
    if "." in typed and typed in _results_ids(details):
        listed = codes.to_list()
        code = criterion if criterion in listed else (listed[0] if listed else "00001")
        swapped = {"commune": quoted(commune), "results": str(results), "code_hint": "item", "item": typed}
        swapped["near"] = code or "00001"
        return UsageError(
            Problem("commune-not-in-results", f"commune {quoted(commune)} is not in {results}", params=swapped)
        )
    same = pl.col("commune_code").str.to_lowercase() == typed.lower()
    if typed.isascii() and typed.isdigit():
        digits = pl.col("commune_code").str.contains(r"^[0-9]+$")
        same = same | (digits & (pl.col("commune_code").str.strip_chars_start("0") == typed.lstrip("0")))
    near = codes.to_frame().filter(same)["commune_code"].to_list()
    message = f"commune {quoted(commune)} is not in {results}"
    params: dict[str, object] = {"commune": quoted(commune), "results": str(results)}
    named = _units_named(tables, codes, typed)
    if len(near) == 1:
        params |= {"code_hint": "near", "near": near[0], "near_name": _unit_name(tables, near[0])}
    elif named:
        params |= {"code_hint": "name", "near": named, "code": named.split(",")[0]}
    else:
        params |= {"code_hint": "list", "known": ", ".join(codes.head(10).to_list())}
    return UsageError(Problem("commune-not-in-results", message, params=params))


def _reword(rows: pl.DataFrame, criteria_set: CriteriaSet | None, lang: str) -> tuple[pl.DataFrame, bool]:
    """The rows with their explanations written again in ``lang`` from the rule branches, when the
    criteria set is known and holds every item; else as they are. Says whether they were."""
    from pari_index.criteria.model import resolve_leaves
    from pari_index.scoring.explanations import add_explanations

    if criteria_set is None or not {"branch", "evidence_status"} <= set(rows.columns):
        return rows, False
    leaves = resolve_leaves(criteria_set)
    known_ids = {leaf.id for leaf in leaves}
    if not set(rows["criterion_id"].to_list()) <= known_ids:
        return rows, False
    extra = {c: pl.lit(None, dtype=pl.String) for c in ("inputs", "appraisal_reason") if c not in rows.columns}
    rows = rows.with_columns(**extra).with_columns(
        pl.col("inputs").cast(pl.String),
        pl.col("appraisal_reason").cast(pl.String).alias("reason"),
        pl.col("branch").cast(pl.String),
        pl.col("evidence_status").cast(pl.String),
    )
    return add_explanations(rows.drop("explanation", strict=False), leaves, lang).drop("reason"), True


def _num(value: object, vi: bool) -> str:
    """A number as pari explain prints it: 2 decimals, a decimal comma in Vietnamese, "—" when missing."""
    from pari_index.messages import format_number

    if value is None:
        return "—"
    if isinstance(value, int | float):
        return format_number(float(value), "vi" if vi else "en", 2, missing="—")
    return str(value)


def _commune_line(h: dict[str, Any], commune: str, vi: bool) -> str:
    """The first line: the commune's total, index, rank in its group and class."""
    rank_text = f"{h.get('rank')}/{h.get('group_size')}" if h.get("rank") is not None else "—"
    total, index = _num(h.get("total_points"), vi), _num(h.get("index"), vi)
    if vi:
        return (
            f"{h.get('name')} ({commune}): tổng {total} điểm, chỉ số {index} %, "
            f"xếp thứ {rank_text} trong {h.get('group')}, xếp loại {h.get('class') or '—'}"
        )
    return (
        f"{h.get('name')} ({commune}): total {total} points, index {index} %, "
        f"rank {rank_text} in {h.get('group')}, class {h.get('class_en') or h.get('class') or '—'}"
    )
