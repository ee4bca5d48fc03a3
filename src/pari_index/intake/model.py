"""What the intake knows about the criteria (:class:`LeafTable`) and what it hands on (:class:`Intake`)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from os import PathLike

import polars as pl

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.model import Leaf, Part
from pari_index.criteria.points import EXACT_SCALE
from pari_index.criteria.rules import Choice
from pari_index.intake.schema import CRITERION, FIELD, META_FIELDS, PLACE_SCHEMA
from pari_index.intake.tones import unambiguous_folds
from pari_index.messages import set_text


@dataclass
class LeafTable:
    """What intake needs to know about the leaves, as frames to join against."""

    leaves: list[Leaf]
    fields: pl.DataFrame  # criterion_id, field, kind (input type or meta), _min, _max (exact Int128 or null)
    default_input: pl.DataFrame  # criterion_id, default_field (null when several inputs)
    level_maps: dict[str, dict[str, str]]  # "leaf:input" -> lower-cased value/label -> value
    min_texts: dict[str, str]  # "leaf:input" -> declared minimum as written, for messages
    max_texts: dict[str, str]
    #: "leaf:input" -> the levels a choice's cell may name (labels, else values) as a hint lists
    #: them, cut to a few (level_list), and how many there are.
    level_lists: dict[str, tuple[str, int]] = dataclass_field(default_factory=dict)
    #: The same in English: each level's ``label_en``, else its label marked " (vi)", else its value.
    level_lists_en: dict[str, str] = dataclass_field(default_factory=dict)
    #: The files given as survey results (``--survey``, as their cells' ``_file``): a survey gives
    #: its part to the survey items only, so a value of another item in one is refused
    #: (``not-survey-item``) rather than meeting the commune's own value as a conflict.
    survey_files: frozenset[str] = frozenset()
    #: "leaf:input" -> an answer folded (:func:`folded`) -> value, for the folds that name one level
    #: only: a set written without Vietnamese marks ("Dat chuan toi thieu") meets answers written
    #: with them, and the other way round (Excel's autocorrect, a form typed without a keyboard
    #: for Vietnamese). Until session 28 such answers were ``bad-value`` errors.
    level_folds: dict[str, dict[str, str]] = dataclass_field(default_factory=dict)

    @property
    def survey_items(self) -> list[str]:
        return [leaf.id for leaf in self.leaves if leaf.part is Part.survey]

    @classmethod
    def build(cls, leaves: Sequence[Leaf], survey_files: Collection[str | PathLike[str]] = ()) -> LeafTable:
        rows: list[dict[str, str | int | None]] = []
        defaults: list[dict[str, str | None]] = []
        level_maps: dict[str, dict[str, str]] = {}
        level_folds: dict[str, dict[str, str]] = {}
        min_texts: dict[str, str] = {}
        max_texts: dict[str, str] = {}
        level_lists: dict[str, tuple[str, int]] = {}
        level_lists_en: dict[str, str] = {}
        for leaf in leaves:
            for name, spec in leaf.inputs.items():
                # Exact: a bound has at most 4 decimals and lies within rules.MAX_BOUND.
                low = None if spec.min is None else int(spec.min * EXACT_SCALE)
                high = None if spec.max is None else int(spec.max * EXACT_SCALE)
                rows.append({CRITERION: leaf.id, FIELD: name, "kind": spec.type.value, "_min": low, "_max": high})
                if spec.min is not None:
                    min_texts[leaf.column(name)] = str(spec.min)
                if spec.max is not None:
                    max_texts[leaf.column(name)] = str(spec.max)
            for meta in META_FIELDS:
                rows.append({CRITERION: leaf.id, FIELD: meta, "kind": "meta:" + meta, "_min": None, "_max": None})
            names = list(leaf.inputs)
            defaults.append({CRITERION: leaf.id, "default_field": names[0] if len(names) == 1 else None})
            if isinstance(leaf.rule, Choice):
                mapping: dict[str, str] = {}
                for level in leaf.rule.levels:
                    for answer in level.answers():
                        mapping[answer] = level.value
                level_maps[leaf.column(leaf.rule.input)] = mapping
                level_folds[leaf.column(leaf.rule.input)] = unambiguous_folds(mapping)
                levels = leaf.rule.levels
                level_lists[leaf.column(leaf.rule.input)] = level_list([level.label or level.value for level in levels])
                level_lists_en[leaf.column(leaf.rule.input)] = level_list(
                    [set_text(level.label, level.label_en, "en") if level.label else level.value for level in levels]
                )[0]
        return cls(
            leaves=list(leaves),
            fields=pl.DataFrame(
                rows,
                schema={
                    CRITERION: pl.String,
                    FIELD: pl.String,
                    "kind": pl.String,
                    "_min": pl.Int128,
                    "_max": pl.Int128,
                },
            ),
            default_input=pl.DataFrame(defaults, schema={CRITERION: pl.String, "default_field": pl.String}),
            level_maps=level_maps,
            min_texts=min_texts,
            max_texts=max_texts,
            level_lists=level_lists,
            level_lists_en=level_lists_en,
            survey_files=frozenset(str(f) for f in survey_files),
            level_folds=level_folds,
        )


#: At most this many levels, each cut to LEVEL_CHARS characters, are listed in a hint: a choice of
#: 200 levels would otherwise bury the finding (docs/limits.md, "Messages").
SHOWN_LEVELS = 8
LEVEL_CHARS = 60


def level_list(levels: Sequence[str]) -> tuple[str, int]:
    """The levels a cell may name as a hint lists them (“Đạt chuẩn”; “Chưa đạt chuẩn”; …: labels
    hold commas), the first SHOWN_LEVELS of them, and how many there are."""
    shown = [
        "“" + (text if len(text) <= LEVEL_CHARS else text[: LEVEL_CHARS - 1] + "…") + "”"
        for text in (" ".join(level.split()) for level in levels[:SHOWN_LEVELS])
    ]
    return "; ".join(shown) + ("; …" if len(levels) > SHOWN_LEVELS else ""), len(levels)


@dataclass
class Intake:
    """Accepted cells, typed, and self-scores and evidence per item; findings for everything
    rejected; a ledger of source rows."""

    cells: pl.DataFrame  # accepted: CELL_SCHEMA + kind, num (exact Int128), flag (Boolean), day (Date), text
    meta: pl.DataFrame  # META_SCHEMA: one row per commune and item with a self-score or evidence
    findings: pl.DataFrame
    ledger: pl.DataFrame  # file, sheet, row, status, reasons
    #: Where each item's self-score and evidence came from (PLACE_SCHEMA), so that findings about
    #: them (self-score-differs, evidence-*) name the file, sheet, row and column.
    places: pl.DataFrame = dataclass_field(default_factory=lambda: pl.DataFrame(schema=PLACE_SCHEMA))
    #: Makes the ledger when it was left to be made later (``read_assessments(defer_ledger=True)``;
    #: ``ledger`` is empty until :meth:`finish_ledger`): a run makes it after its batches, when
    #: every commune's checked cells need no longer be held beside it.
    pending_ledger: Callable[[], pl.DataFrame] | None = dataclass_field(
        default=None, init=False, repr=False, compare=False
    )

    def finish_ledger(self) -> pl.DataFrame:
        """The ledger, made now if it was left to be made later."""
        if self.pending_ledger is not None:
            self.ledger = self.pending_ledger()
            self.pending_ledger = None
        return self.ledger

    @property
    def communes(self) -> list[str]:
        return pl.concat([self.cells[COMMUNE], self.meta[COMMUNE]]).unique().sort().to_list()
