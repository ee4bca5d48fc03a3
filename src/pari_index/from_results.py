"""The jobs that start from a results file already written: ``pari report`` and ``pari explain``.

Both need the criteria set the results were scored with (:func:`criteria_for_results`: the given
file, refused when it is another set or the same set edited since, or the bundled set of the id
the results' about table names, unused when it differs); ``pari explain`` then prints one
commune's items (:func:`explain_from_results`). Scoring itself is :mod:`pari_index.pipeline`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

from pari_index.criteria.model import CriteriaSet
from pari_index.errors import Problem, UsageError, quoted
from pari_index.outputs.explain_codes import explained_rows


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
    # The run's completeness banner first, as the summary's notice column and the report's banner
    # say it: a total and a rank of an incomplete run were printed with no word of it (session 37).
    lines: list[str] = run_notices(tables, lang)
    if head:
        lines.append(_commune_line(head[0], commune, vi) + _commune_marks(head[0], tables, lang))
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


def _about_facts(tables: dict[str, pl.DataFrame]) -> dict[str, str]:
    """The results' about table as key -> value (empty for results without one)."""
    about = tables.get("about")
    if about is None or not {"key", "value"} <= set(about.columns):
        return {}
    keys, values = about["key"].cast(pl.String).to_list(), about["value"].cast(pl.String).to_list()
    return {str(k): "" if v is None else v for k, v in zip(keys, values, strict=True) if k is not None}


def run_notices(tables: dict[str, pl.DataFrame], lang: str) -> list[str]:
    """The completeness banner of the run that wrote ``tables``, in ``lang`` (re-worded from the
    about table's counts, as the report words it): empty for a complete run."""
    from pari_index.scoring.completeness import notices

    return notices(_about_facts(tables), lang)


def _commune_marks(h: dict[str, Any], tables: dict[str, pl.DataFrame], lang: str) -> str:
    """What the commune's line must add of its own completeness, as the summary and the report
    mark it: not ranked (and why), sent no self-assessment, no survey result in a run given one."""
    from pari_index.messages.results_words import VALUES

    vi = lang == "vi"
    marks: list[str] = []
    if h.get("ranked") is False or (h.get("rank") is None and h.get("unranked_reason") is not None):
        reason = VALUES["summary"]["unranked_reason"].get(str(h.get("unranked_reason") or ""))
        words = "không xếp hạng" if vi else "not ranked"
        marks.append(words + (f": {reason.vi if vi else reason.en}" if reason is not None else ""))
    if h.get("submitted") is False:
        marks.append("không nộp tự đánh giá" if vi else "sent no self-assessment")
    if h.get("survey_given") is False and _about_facts(tables).get("survey") == "given":
        marks.append("không có kết quả điều tra" if vi else "no survey results")
    return f" ({'; '.join(marks)})" if marks else ""


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
