"""Explanations in plain words, built while scoring: which input and which branch of the rule gave the points, the
evidence status and any appraisal change. Vietnamese by default, English on request.

Branch texts are written once per (criterion, branch) pair and joined onto the results, so a
national run does not format a million strings in Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.model import CriteriaSet, Leaf, resolve_leaves
from pari_index.criteria.rules import Choice, CountTiers, Deadline, Deduction, Interval, Level, Proportional, Tiers
from pari_index.intake.assessments import CRITERION, FIELD
from pari_index.intake.tones import answer_key_expr, folded_expr, unambiguous_folds
from pari_index.intake.values import FALSE_WORDS, SIGNIFICANT_DIGITS, STATUS_WORDS, TRUE_WORDS, number_as_read
from pari_index.messages import ANSWERS, InputLabel, format_number, set_text
from pari_index.messages.labels import FIELD_WORDS, VIETNAMESE_MARK, repeated_set_text
from pari_index.textexpr import format_text

_T: dict[str, tuple[str, str]] = {
    "yes": ("Đạt yêu cầu", "Requirement met"),
    "no": ("Không đạt yêu cầu", "Requirement not met"),
    "missing": ("Không có số liệu", "No input reported"),
    "on_time": ("Đúng hạn", "On time"),
    "late": ("Trễ hạn", "Late"),
    "not_done": ("Không thực hiện", "Not done"),
    "after_late_until": ("Quá hạn cuối cùng", "After the final deadline"),
    "no_reference_date": (
        "Không có ngày làm mốc tính hạn: coi như không thực hiện",
        "No date to count the deadline from: counted as not done",
    ),
    "no_tier": ("Giá trị không thuộc bậc nào", "Value falls in no tier"),
    "no_denominator": ("Mẫu số bằng 0 (không phát sinh)", "Denominator is 0 (nothing to count)"),
    "ratio": ("Điểm theo tỷ lệ", "Points in proportion"),
    "ratio_full": ("Tỷ lệ đạt 100%: đủ điểm", "Ratio reaches 100 %: full points"),
    "below_range": (
        "Giá trị dưới khoảng của thang: tính bằng mức thấp nhất",
        "Value below the declared range: counted as its lower end",
    ),
    "above_range": (
        "Giá trị vượt khoảng của thang: tính bằng mức cao nhất",
        "Value above the declared range: counted as its upper end",
    ),
    "below_tiers": ("Số lần dưới mức thấp nhất", "Count below the lowest tier"),
    "unknown_level": ("Mức không có trong danh sách", "Level not in the list"),
    "no_deduction": ("Không có vi phạm", "No violation"),
    "deducted": ("Bị trừ điểm", "Points deducted"),
    "bonus": ("Điểm thưởng", "Bonus points"),
    "penalty": ("Điểm trừ", "Penalty points"),
    "none": ("Không phát sinh", "Nothing added or taken off"),
    "na_full_points": ("Không phát sinh / không áp dụng: tính đủ điểm", "Not applicable: counted in full"),
    "na_excluded": (
        "Không áp dụng: loại khỏi điểm tối đa, chỉ số được quy đổi",
        "Not applicable: left out of the maximum, index re-scaled",
    ),
}

#: Branches of a proportional rule over a declared range whose value was outside it (clipped).
_RANGE = ("below_range", "above_range")

_EVIDENCE: dict[str, tuple[str, str]] = {
    "not_required": ("", ""),
    "present": ("có minh chứng", "evidence present"),
    "missing": ("thiếu minh chứng: tính 0 điểm", "evidence missing: scores 0"),
    "explained": (
        "thiếu minh chứng, có giải trình chờ Hội đồng thẩm định",
        "evidence missing, explanation awaits the council",
    ),
    "accepted": ("giải trình được chấp nhận", "explanation accepted"),
    "rejected": ("giải trình không được chấp nhận", "explanation rejected"),
    "file_not_found": ("không tìm thấy tệp minh chứng", "evidence file not found"),
    "outside_evidence_dir": (
        "tệp minh chứng nằm ngoài thư mục minh chứng",
        "evidence file outside the evidence folder",
    ),
    "bad_name": ("tên tệp minh chứng không hợp lệ", "evidence file name not usable"),
    "not_a_file": ("tên minh chứng là một thư mục, không phải tệp", "evidence names a folder, not a file"),
    "unreadable": ("không đọc được tệp minh chứng", "evidence file cannot be read"),
    "empty_file": ("tệp minh chứng rỗng (0 byte)", "evidence file is empty (0 bytes)"),
    "damaged_file": (
        "tệp minh chứng bị hỏng: không phải văn bản đúng loại ghi trong tên, hoặc bị cắt cụt",
        "evidence file is damaged: not the kind of document its name says, or cut short",
    ),
}


def _pts(value: Decimal | int, lang: str) -> str:
    word = "điểm" if lang == "vi" else "point" if Decimal(value) == 1 else "points"
    return f"{format_number(Decimal(value), lang)} {word}"


def _num(value: Decimal, lang: str) -> str:
    return format_number(value, lang)


def input_labels(leaves: Sequence[Leaf], lang: str) -> dict[str, str]:
    """ "criterion:input" -> the input's label in ``lang`` (in English, its Vietnamese label marked
    with VIETNAMESE_MARK when it has no English one), for every input that has a label."""
    labels: dict[str, str] = {}
    for leaf in leaves:
        for name, spec in leaf.inputs.items():
            if spec.label:
                labels[f"{leaf.id}:{name}"] = repeated_set_text(spec.label, spec.label_en, lang)
    return labels


def input_labeller(criteria: CriteriaSet | None, lang: str) -> InputLabel | None:
    """Shows a criterion's input by its label in ``lang``, and what a row says of an item besides
    its inputs (the self-score, the evidence, n/a) by the heading of the fill-in form
    (``evidence_date`` as «Ngày văn bản»): every output names them so, the console as the findings
    sheet and the report (messages.render)."""
    if criteria is None:
        return None
    labels = input_labels(resolve_leaves(criteria), lang)
    return lambda criterion, name: (
        labels.get(f"{criterion}:{name}") or (FIELD_WORDS[name].get(lang) if name in FIELD_WORDS else None)
    )


def _answers(lang: str) -> dict[str, dict[str, str]]:
    """Input type -> each answer intake reads for it (lower case) -> the answer in ``lang``."""
    yes, no = ANSWERS["yes"].get(lang), ANSWERS["no"].get(lang)
    return {
        "boolean": {**{word: yes for word in TRUE_WORDS}, **{word: no for word in FALSE_WORDS}},
        "status": {word: ANSWERS[status].get(lang) for word, status in STATUS_WORDS.items()},
    }


def _level_label(level: Level, lang: str) -> str:
    """A choice's level as people read it: its label in ``lang`` (in English its ``label_en``, else
    the Vietnamese marked so), else its value; cut to MAX_REPEATED_TEXT_CHARS with its length, as
    every output repeats it on each unit's row (labels.repeated_set_text)."""
    return level.value if not level.label else repeated_set_text(level.label, level.label_en, lang)


def _shown_labels(level: Level) -> tuple[str, ...]:
    """A level's label as a workbook of either language shows it (:func:`_level_label`, a long label
    cut), and the English one without the mark a Vietnamese label is given there (as the workbook
    is read back: results_labels._branch)."""
    english = _level_label(level, "en")
    return (_level_label(level, "vi"), english, english.removesuffix(VIETNAMESE_MARK))


def level_words(leaves: Sequence[Leaf], lang: str) -> dict[str, dict[str, str]]:
    """Each choice item's levels as people read them (:func:`_level_label`): criterion id ->
    level value -> label, for the rule branches of a results workbook (``cấp:<label>``)."""
    return {
        leaf.id: {level.value: _level_label(level, lang) for level in leaf.rule.levels}
        for leaf in leaves
        if isinstance(leaf.rule, Choice)
    }


def _level_labels(leaves: Sequence[Leaf], lang: str, bare: bool = False) -> dict[str, str]:
    """ "criterion:input:answer" -> the level's label in ``lang``, for each answer intake reads as
    one of a choice's levels: its value, its label or its English label, in lower case; with
    ``bare``, each answer folded without marks where the fold names one level (as intake reads it,
    :class:`.model.LeafTable`'s ``level_folds``)."""
    labels: dict[str, str] = {}
    for leaf in leaves:
        if isinstance(leaf.rule, Choice):
            answers = {answer: _level_label(level, lang) for level in leaf.rule.levels for answer in level.answers()}
            for answer, label in (unambiguous_folds(answers) if bare else answers).items():
                labels[f"{leaf.id}:{leaf.rule.input}:{answer}"] = label
    return labels


def _shown_value(
    value: pl.Expr, kind: pl.Expr, lang: str, item_input: pl.Expr | None = None, leaves: Sequence[Leaf] = ()
) -> pl.Expr:
    """A typed value in ``lang``: a boolean or status answer in the language's words ("yes", "late"
    in English), a choice's level by its label (``full`` as "Duy trì, cải tiến đầy đủ";
    ``item_input`` is "criterion:input"), a decimal with the language's mark; other values as typed."""
    low = value.str.strip_chars().str.to_lowercase()
    # An answer typed without marks, read by intake where that names one meaning: shown as read.
    bare = folded_expr(value)
    words = {kind: {**unambiguous_folds(answers), **answers} for kind, answers in _answers(lang).items()}
    levels, bare_levels = _level_labels(leaves, lang), _level_labels(leaves, lang, bare=True)
    level = (
        (item_input + ":" + answer_key_expr(value))  # as intake.cell_types reads a level's cell
        .replace_strict(levels, default=None, return_dtype=pl.String)
        .fill_null((item_input + ":" + bare).replace_strict(bare_levels, default=None, return_dtype=pl.String))
        if levels and item_input is not None
        else pl.lit(None, dtype=pl.String)
    )
    typed = {
        name: low.replace_strict(found, default=None, return_dtype=pl.String).fill_null(
            bare.replace_strict(found, default=None, return_dtype=pl.String)
        )
        for name, found in words.items()
    }
    return (
        pl.when((kind == "level") & level.is_not_null())
        .then(level)
        .when((kind == "boolean") & typed["boolean"].is_not_null())
        .then(typed["boolean"])
        .when((kind == "status") & typed["status"].is_not_null())
        .then(typed["status"])
        .otherwise(_shown_decimal(value, lang))
    )


#: A decimal as a cell may hold it, with one decimal mark: its digits are shown with ``lang``'s mark.
_DECIMAL = r"^-?\d+[.,]\d+$"
#: The kinds :func:`_shown_value` words (the others are shown as :func:`_shown_decimal` shows them).
_WORDED_KINDS = ("level", "boolean", "status")


def _shown_decimal(value: pl.Expr, lang: str) -> pl.Expr:
    """A value as :func:`_shown_value` shows it when its kind is none of _WORDED_KINDS: a decimal
    with ``lang``'s mark, else as typed."""
    mark = "," if lang == "vi" else "."
    return pl.when(value.str.contains(_DECIMAL)).then(value.str.replace(r"[.,]", mark, literal=False)).otherwise(value)


def labelled_inputs(frame: pl.DataFrame, leaves: Sequence[Leaf], lang: str, into: str = "inputs") -> pl.DataFrame:
    """``frame`` with its ``inputs`` text ("name=value; ...") written to column ``into`` showing
    each input by its label in ``lang`` and decimals with ``lang``'s decimal mark ("Tỷ lệ hồ sơ
    đúng hạn = 92,5"). Each distinct (criterion, inputs) pair is rewritten once."""
    if "inputs" not in frame.columns or frame.height == 0:
        return frame.with_columns(pl.lit(None, dtype=pl.String).alias(into)) if into not in frame.columns else frame
    labels = input_labels(leaves, lang)
    types = {f"{leaf.id}:{name}": spec.type.value for leaf in leaves for name, spec in leaf.inputs.items()}
    pairs = frame.select(CRITERION, pl.col("inputs").cast(pl.String)).unique().drop_nulls()
    piece = pl.col("_piece")
    name = piece.str.extract(r"^([^=]*)=", 1)
    value = piece.str.extract(r"^[^=]*=(.*)$", 1)
    kind = (pl.col(CRITERION) + ":" + name).replace_strict(types, default=None, return_dtype=pl.String)
    shown_value = _shown_value(value, kind, lang, pl.col(CRITERION) + ":" + name, leaves)
    shown_name = (pl.col(CRITERION) + ":" + name).replace_strict(labels, default=name, return_dtype=pl.String)
    rewritten = (
        pairs.with_columns(pl.col("inputs").str.split("; ").alias("_piece"))
        .explode("_piece")
        .with_columns(
            pl.when(name.is_null()).then(piece).otherwise(format_text("{}={}", shown_name, shown_value)).alias("_shown")
        )
        .group_by(CRITERION, "inputs", maintain_order=True)
        .agg(pl.col("_shown").str.join("; "))
    )
    return (
        frame.with_columns(pl.col("inputs").cast(pl.String))
        .join(rewritten, on=[CRITERION, "inputs"], how="left", maintain_order="left")
        .with_columns(pl.coalesce("_shown", "inputs").alias(into))
        .drop("_shown")
    )


#: The column of :func:`input_texts` holding the inputs by their labels (for the explanation).
LABELLED = "_inputs"


def _input_table(leaves: Sequence[Leaf], lang: str) -> pl.DataFrame:
    """One row per input of the set: criterion_id, field (the input's name), ``_label`` (its label
    in ``lang``, as :func:`input_labels` gives it; null when it has none) and ``_type``."""
    labels = input_labels(leaves, lang)
    return pl.DataFrame(
        [
            (leaf.id, name, labels.get(f"{leaf.id}:{name}"), spec.type.value)
            for leaf in leaves
            for name, spec in leaf.inputs.items()
        ],
        schema={CRITERION: pl.String, FIELD: pl.String, "_label": pl.String, "_type": pl.String},
        orient="row",
    )


def input_texts(
    cells: pl.DataFrame, leaves: Sequence[Leaf], lang: str, item_key: Callable[[pl.DataFrame], pl.DataFrame]
) -> pl.DataFrame:
    """Per commune and item with input cells, keyed by ``_k`` (what ``item_key`` adds to a frame
    with commune_code and criterion_id): ``inputs``, the reported inputs as ``name=value; ...``
    (sorted; the data column), and LABELLED, the same inputs by their labels in ``lang`` with
    ``lang``'s decimal mark (for the explanation), as :func:`labelled_inputs` would rewrite
    ``inputs``. Intake leaves at most one cell per commune, item and input.

    Both texts are built per cell and joined once, instead of joining ``inputs`` and splitting it
    again; the rare items where splitting at "; " would not give the cells back (a name with "=",
    a value with "; " or a line break) are rewritten by :func:`labelled_inputs` itself."""
    several_inputs = [leaf.id for leaf in leaves if len(leaf.inputs) > 1]
    kind, value = pl.col("kind"), pl.col("_value")
    kept = [COMMUNE, CRITERION, FIELD, "value", "kind", "num", "day"]
    cells = cells.select(kept).filter(~kind.str.starts_with("meta:"))
    # Dates as people write them, whatever form the cell had (2025-06-04 00:00:00 from Excel);
    # numbers as read (values.parse_exact: 70.000000000000014 from a formula is 70), so that the
    # input shown always lies in the band the explanation names. A number written in at most
    # SIGNIFICANT_DIGITS characters is shown as written (number_as_read): only longer ones take
    # the slow way.
    is_number = kind.is_in(["number", "count", "percent"]) & pl.col("num").is_not_null()
    long_number = (is_number & (pl.col("value").str.len_bytes() > SIGNIFICANT_DIGITS)).fill_null(False)
    shown = pl.when(kind == "date").then(pl.col("day").dt.strftime("%d/%m/%Y")).otherwise(pl.col("value"))
    parts = [cells.filter(~long_number).select(COMMUNE, CRITERION, FIELD, shown.alias("_value"))]
    if cells.select(long_number.any()).item():
        exact = number_as_read(pl.col("value"), pl.col("num"))
        parts.append(cells.filter(long_number).select(COMMUNE, CRITERION, FIELD, exact.alias("_value")))
    cells = pl.concat(parts)
    # Both texts and whether a cell is awkward depend only on its item, input and value: worked
    # out once per distinct triple (a few thousand in a batch of a hundred thousand cells), with
    # each input's label and type joined from a table of the set's inputs and the answers in the
    # output's words (yes/no, on time/late) and decimals with its mark (as labelled_inputs shows
    # them), then joined back onto the cells once.
    triple = [CRITERION, FIELD, "_value"]
    # Names are few: checked here rather than on every cell.
    awkward_names = [name for name in cells[FIELD].unique().drop_nulls().to_list() if "=" in name or "; " in name]
    awkward = pl.col(FIELD).is_in(awkward_names) | value.str.contains(r"; |\n")
    distinct = cells.select(triple).unique().join(_input_table(leaves, lang), on=[CRITERION, FIELD], how="left")

    def texts_of_part(part: pl.DataFrame, shown: pl.Expr) -> pl.DataFrame:
        return part.select(
            *triple,
            format_text("{}={}", pl.col(FIELD), value).alias("inputs"),
            format_text("{}={}", pl.coalesce("_label", FIELD), shown).alias(LABELLED),
            awkward.fill_null(False).alias("_awkward"),
        )

    # The answers in words only where the input's kind has words (a few dozen of a batch's 20,000
    # triples): their lookups on every triple cost 0.054 of input_texts' 0.15 CPU s a batch.
    worded = pl.col("_type").is_in(_WORDED_KINDS).fill_null(False)
    item_input = pl.col(CRITERION) + ":" + pl.col(FIELD)
    texts_of = pl.concat(
        [
            texts_of_part(distinct.filter(worded), _shown_value(value, pl.col("_type"), lang, item_input, leaves)),
            texts_of_part(distinct.filter(~worded), _shown_decimal(value, lang)),
        ]
    )
    cells = cells.join(texts_of, on=triple, how="left", maintain_order="left", nulls_equal=True)
    pieces = item_key(cells).select("_k", CRITERION, "inputs", LABELLED, "_awkward")
    # Items with one input need no grouping; the others are sorted by their text within the
    # item and joined in that order (the key orders items, not the text: cheap to sort on).
    grouped = pl.col(CRITERION).is_in(several_inputs)
    several = (
        pieces.filter(grouped)
        .sort("_k", "inputs", maintain_order=True)
        .group_by("_k", maintain_order=True)
        .agg(pl.col(CRITERION).first(), "inputs", LABELLED, pl.col("_awkward").any())
        .with_columns(pl.col("inputs").list.join("; "), pl.col(LABELLED).list.join("; "))
    )
    texts = pl.concat([pieces.filter(~grouped), several])
    if not texts.select(pl.col("_awkward").any()).item():
        return texts.drop(CRITERION, "_awkward")
    awkward_items = texts.filter(pl.col("_awkward"))
    redone = labelled_inputs(awkward_items.drop(LABELLED), leaves, lang, into=LABELLED).select(texts.columns)
    return pl.concat([texts.filter(~pl.col("_awkward")), redone]).drop(CRITERION, "_awkward")


def describe_interval(interval: Interval, lang: str = "vi", unit: str = "") -> str:
    """An interval in words as the decisions write it: "từ 70 đến 90 %", "trên 90 %"."""
    vi = lang == "vi"
    low, high = interval.lower, interval.upper
    words = {
        ("from", True): "từ" if vi else "from",
        ("from", False): "trên" if vi else "above",
        ("to", True): "đến" if vi else "to",
        ("to", False): "dưới" if vi else "below",
    }
    if low and high:
        # "từ 50 đến dưới 80" ("from 50 to below 80"), as the decisions write an exclusive top.
        upper = words[("to", True)] if high[1] else f"{words[('to', True)]} {words[('to', False)]}"
        return f"{words[('from', low[1])]} {_num(low[0], lang)} {upper} {_num(high[0], lang)}{unit}"
    if low:
        lead = ("từ" if vi else "at least") if low[1] else words[("from", False)]
        return f"{lead} {_num(low[0], lang)}{unit}"
    if high:
        lead = ("đến" if vi else "at most") if high[1] else words[("to", False)]
        return f"{lead} {_num(high[0], lang)}{unit}"
    return "mọi giá trị" if vi else "any value"


def describe_branch(leaf: Leaf, branch: str, lang: str = "vi") -> str:
    """One sentence for a branch of a leaf's rule."""
    i = 0 if lang == "vi" else 1
    rule = leaf.rule
    if branch.startswith("tier:") and isinstance(rule, Tiers | CountTiers):
        index = int(branch.split(":", 1)[1])
        if isinstance(rule, Tiers):
            tier = rule.tiers[index]
            what = (
                ("Tỷ lệ" if rule.rate is not None else "Giá trị")
                if lang == "vi"
                else ("Rate" if rule.rate is not None else "Value")
            )
            band = describe_interval(tier, lang, " %" if rule.rate is not None else "")
            return f"{what} {band} → {_pts(tier.points, lang)}"
        ctier = rule.tiers[index]
        return (
            f"Số lần ≥ {ctier.at_least} → {_pts(ctier.points, lang)}"
            if lang == "vi"
            else f"Count ≥ {ctier.at_least} → {_pts(ctier.points, lang)}"
        )
    if branch.startswith("level:") and isinstance(rule, Choice):
        value = branch.split(":", 1)[1]
        for level in rule.levels:
            # A workbook read back names the level by its label, as it shows it (level_words): the
            # Vietnamese or the English one, or (an English workbook of a set without English
            # labels) the Vietnamese marked " (vi)".
            if value in (
                level.value,
                level.label,
                level.label_en,
                set_text(level.label or level.value, None, "en"),
                *_shown_labels(level),
            ):
                label = _level_label(level, lang)
                return f"{'Mức' if lang == 'vi' else 'Level'} “{label}” → {_pts(level.points_for(leaf.max), lang)}"
    if isinstance(rule, Deadline) and (resolved := _resolved_deadline(branch, lang)) is not None:
        return resolved
    if branch.startswith("checked:"):
        met, total = branch.split(":", 1)[1].split("/")
        return f"Đáp ứng {met}/{total} điều kiện" if lang == "vi" else f"{met} of {total} conditions met"
    text = _T.get(branch, (branch, branch))[i]
    if branch in ("ratio", "ratio_full") and isinstance(rule, Proportional):
        text += f" (× {_pts(leaf.max, lang)})"
    if isinstance(rule, Proportional) and rule.range is not None and branch in ("ratio", "ratio_full", *_RANGE):
        low, high = _num(rule.range.from_, lang), _num(rule.range.to, lang)
        text += f", thang {low}–{high}" if lang == "vi" else f", on the range {low}–{high}"
    if branch == "deducted" and isinstance(rule, Deduction):
        text += (
            f": trừ {_pts(rule.per, lang)} mỗi vi phạm" if lang == "vi" else f": {_pts(rule.per, lang)} per violation"
        )
    if branch in ("on_time", "late") and isinstance(rule, Deadline) and isinstance(rule.deadline, dt.date):
        deadline = rule.deadline.strftime("%d/%m/%Y")
        text += f" (hạn {deadline}, theo ngày ký số)" if lang == "vi" else f" (deadline {deadline}, by signature date)"
    return text


def _resolved_deadline(branch: str, lang: str) -> str | None:
    """The sentence for a relative deadline's branch, which carries the day it resolved to
    ("late:2025-01-31"); None for any other branch."""
    word, _, day = branch.partition(":")
    if word not in ("on_time", "late", "after_late_until") or not day:
        return None
    try:
        shown = dt.date.fromisoformat(day).strftime("%d/%m/%Y")
    except ValueError:
        return None
    text = _T[word][0 if lang == "vi" else 1]
    if word == "after_late_until":
        return f"{text} ({shown})"
    return f"{text} (hạn {shown}, theo ngày ký số)" if lang == "vi" else f"{text} (deadline {shown}, by signature date)"


def add_explanations(details: pl.DataFrame, leaves: Sequence[Leaf], lang: str = "vi") -> pl.DataFrame:
    """Adds an ``explanation`` column: branch, inputs, evidence, appraisal, in one line. The inputs
    are shown by their labels: a LABELLED column of ``details`` (from :func:`input_texts`) when it
    has one, else ``inputs`` rewritten by :func:`labelled_inputs`."""
    by_id = {leaf.id: leaf for leaf in leaves}
    pairs = details.select(CRITERION, "branch").unique().drop_nulls()
    texts = pl.DataFrame(
        [{CRITERION: c, "branch": b, "_text": describe_branch(by_id[c], b, lang)} for c, b in pairs.iter_rows()],
        schema={CRITERION: pl.String, "branch": pl.String, "_text": pl.String},
    )
    i = 0 if lang == "vi" else 1
    inputs_word, evidence_word, appraisal_word = (
        ("đầu vào", "minh chứng", "thẩm định") if lang == "vi" else ("inputs", "evidence", "appraisal")
    )
    # Each part is null when it has nothing to say (concat_str leaves it out): a null input text
    # or reason makes its "word: text" null, and an evidence status without words maps to null.
    evidence_text = {k: f"{evidence_word}: {v[i]}" for k, v in _EVIDENCE.items() if v[i]}
    parts = [
        pl.col("_text"),
        pl.lit(f"{inputs_word}: ") + pl.col(LABELLED).cast(pl.String),
        pl.col("evidence_status").replace_strict(evidence_text, default=None, return_dtype=pl.String),
        pl.lit(f"{appraisal_word}: ") + pl.col("reason").cast(pl.String),
    ]
    # The inputs by their labels in the explanation; the ``inputs`` column keeps the ids (data).
    return (
        (details if LABELLED in details.columns else labelled_inputs(details, leaves, lang, into=LABELLED))
        .join(texts, on=[CRITERION, "branch"], how="left", maintain_order="left")
        .with_columns(pl.concat_str(parts, separator=" | ", ignore_nulls=True).alias("explanation"))
        .drop("_text", LABELLED)
    )
