"""Re-scoring only what changed: the checked intake and each commune's scored rows from the cache.

When the appraisal council corrects 50 communes, the other 10,550 communes' inputs are what they
were: their item rows and the findings located at them are taken from the previous run and only
the 50 are evaluated again. A commune's rows are reused when the digest of everything that
shapes them is the same: its input cells, self-scores and evidence (and where they were written),
the council's corrections and decisions for it, and its register row, under the same criteria,
year, language and code. A commune's totals (points per area and part, maximum, index) depend on
those rows and its register row alone: they are kept with them and reused the same way. Ranks,
classes, medians and everything else that depends on other communes are computed afresh on all
communes every time.

With ``--evidence-dir`` nothing is reused: evidence files may change on disk without the inputs
changing, and the cache cannot see that.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import polars.selectors as cs

from pari_index.criteria.compiling import COMMUNE, CompiledSet
from pari_index.criteria.model import Leaf
from pari_index.intake.appraisal import Appraisal, read_appraisal
from pari_index.intake.assessments import Intake
from pari_index.intake.cache import (
    CachedIntake,
    CacheNote,
    CacheStore,
    IntakeFacts,
    cached_intake,
    file_digest,
    intake_digests,
    row_digests,
    text_digest,
)
from pari_index.intake.cache_folder import ParquetReuse
from pari_index.intake.evaluation_input import wrong_unit_findings
from pari_index.intake.evidence_files import EvidenceFolder
from pari_index.intake.register import Register
from pari_index.intake.schema import CRITERION
from pari_index.scoring.items import CommuneScores, order_commune_findings, score_communes, submitted_items
from pari_index.scoring.totals import compute_totals
from pari_index.system.threads import result_of

#: The digest columns of a commune (two 64-bit hashes: 128 bits).
KEY = ["_h1", "_h2"]
#: The tables of a commune-rows entry.
ROW_TABLES = ("keys", "details", "findings", "totals")
#: And, when the run that wrote it computed them, what ranking takes from each commune's rows
#: (:class:`RankingFacts`).
FACT_TABLES = ("areas", "lost")
#: The "areas" table when no commune has a row (RankingFacts.areas is then None).
NO_AREAS: dict[str, pl.DataType] = {COMMUNE: pl.String(), "_areas": pl.List(pl.String())}


@dataclass(frozen=True)
class RankingFacts:
    """What ranking takes from each commune's own rows (and own totals) alone: the areas that
    apply to it (None: no commune has a row) and its largest losses
    (:class:`pari_index.ranking.ranks.CommuneFacts`, which scoring may not import: the caller
    gives :class:`RunCache` the function that computes them, ``facts_of``)."""

    areas: pl.DataFrame | None
    lost: pl.DataFrame


#: Computes :class:`RankingFacts` (as a pair) from some communes' rows and totals.
FactsOf = Callable[[pl.DataFrame, pl.DataFrame], tuple[pl.DataFrame | None, pl.DataFrame]]
#: Above this share of the communes scored again since the whole entry was written, it is
#: written again whole (the changes would cost about as much to read and write).
MAX_CHANGED = 0.25


def criteria_key(compiled: CompiledSet) -> str:
    """The criteria set's content (every field, as loaded) and the year deadlines resolve in."""
    return text_digest("criteria", compiled.criteria.model_dump_json(), compiled.year)


class RunCache:
    """The cache of a score run, in the folder ``root`` (``pari score --cache DIR``)."""

    def __init__(self, root: str | Path, lang: str | None = None, facts_of: FactsOf | None = None) -> None:
        self.store = CacheStore(Path(root))
        #: The run's language, when known beforehand: the communes' rows are then read while the
        #: intake is (:meth:`intake`).
        self.lang = lang
        self._prefetched: tuple[str, Future[CachedRows | None]] | None = None
        #: Communes scored afresh and taken from the cache by the last :meth:`commune_scores`.
        self.scored = 0
        self.reused = 0
        #: Per commune, the digests of its intake rows (kept with the cached intake).
        self._intake_digests: pl.DataFrame | None = None
        #: The key, folder, format, table digests and row group digests of the results being written.
        self._outputs: tuple[str, Path, str, dict[str, str | None], dict[str, list[str]]] | None = None
        #: Parquet tables of which the earlier file's unchanged row groups can be reused.
        self.reusable: dict[str, ParquetReuse] = {}
        self._facts: KeptFacts | None = None
        #: What ranking takes from each commune's own rows, for the rows of the last
        #: :meth:`commune_scores` (None: not known, ranking computes it).
        self.known: RankingFacts | None = None
        #: Computes them for the communes scored again (none kept without it).
        self._facts_of = facts_of
        #: The appraisal file being read beside the intake, and what it is read with.
        self._appraisal: tuple[str | Path, Sequence[Leaf], pl.Series, Future[Appraisal]] | None = None

    def unchanged_outputs(
        self,
        folder: Path,
        fmt: str,
        tables: Mapping[str, pl.DataFrame | pl.LazyFrame],
        group_rows: int | None = None,
    ) -> frozenset[str]:
        """The tables of the results folder ``folder`` that need not be written again: the file
        there is the one an earlier run wrote (its SHA-256 as recorded) from a table with the same
        content (:func:`frame_digest`), by the same code. Remembers the digests for
        :meth:`remember_outputs`, and sets :attr:`reusable` to the Parquet tables of which only
        some row groups changed (Parquet files in row groups of ``group_rows``)."""
        self._outputs = None
        self.reusable = {}
        if fmt not in ("csv", "parquet") or not self.store.usable():
            return frozenset()
        key = text_digest("outputs", str(Path(folder).resolve()), fmt)
        grouped = group_rows if fmt == "parquet" else None
        digests, groups = {}, {}
        for name, frame in tables.items():
            digests[name], groups[name] = table_digests(frame, grouped)
        self._outputs = (key, folder, fmt, digests, groups)
        recorded = self.store.load("outputs", key, ("files", "groups"))
        if recorded is None:
            return frozenset()
        kept = set()
        for name, digest, sha in recorded["files"].select("name", "digest", "sha256").iter_rows():
            file = Path(folder) / f"{name}.{fmt}"
            # Only a regular file of ours is kept: a link put in its place is written over.
            if digest is not None and digests.get(name) == digest and _plain_file(file) and file_digest(file) == sha:
                kept.add(name)
            elif sha is not None and groups.get(name):
                self._reuse(name, file, sha, groups[name], recorded["groups"])
        return frozenset(kept)

    def _reuse(self, name: str, file: Path, sha: str, groups: list[str], recorded: pl.DataFrame) -> None:
        """Note the row groups of the earlier file ``file`` whose rows did not change (same place,
        same digest), when some did not (the writer checks the file's SHA-256 on what it reads)."""
        before = recorded.filter(pl.col("name") == name).sort("group")["digest"].to_list()
        if len(before) != len(groups):
            return
        unchanged = frozenset(i for i, (old, new) in enumerate(zip(before, groups, strict=True)) if old == new)
        if unchanged:
            self.reusable[name] = ParquetReuse(file, sha, unchanged)

    def remember_outputs(self, folder: Path, fmt: str) -> None:
        """Record the tables just written to ``folder`` (see :meth:`unchanged_outputs`)."""
        if self._outputs is None or self._outputs[1:3] != (folder, fmt):
            return
        key, _, _, digests, groups = self._outputs
        names = list(digests)
        files = pl.DataFrame(
            {
                "name": names,
                "digest": [digests[name] for name in names],
                "sha256": [file_digest(folder / f"{name}.{fmt}") for name in names],
            },
            schema={"name": pl.String, "digest": pl.String, "sha256": pl.String},
        )
        per_group = pl.DataFrame(
            [(name, i, digest) for name in names for i, digest in enumerate(groups[name])],
            schema={"name": pl.String, "group": pl.Int64, "digest": pl.String},
            orient="row",
        )
        self.store.save("outputs", key, {"files": files, "groups": per_group})

    @property
    def notes(self) -> list[CacheNote]:
        return self.store.notes

    def intake(
        self,
        paths: Sequence[str | Path],
        compiled: CompiledSet,
        register: Register | None,
        survey: Sequence[str | Path] = (),
    ) -> Intake:
        """The checked intake (and, with a register, what the run derives from it: :meth:`facts`);
        ``survey``: those of ``paths`` given as survey results."""
        self._prefetch(compiled)
        known = register.codes if register is not None else None
        facts = _intake_facts(compiled, register) if register is not None else None
        names = register.frame.select("code", "name") if register is not None else None
        intake, self._intake_digests, kept = cached_intake(
            self.store, paths, compiled.leaves, known, criteria_key(compiled), facts, survey, names
        )
        self._facts = KeptFacts.of(kept) if kept else None
        return intake

    def facts(self) -> KeptFacts | None:
        """What the last :meth:`intake` derived from the whole intake (with a register only)."""
        return self._facts

    def read_appraisal_beside(
        self, path: str | Path, leaves: Sequence[Leaf], codes: pl.Series, names: pl.DataFrame | None = None
    ) -> None:
        """Start reading the appraisal file in a thread (:meth:`appraisal` takes it): a re-score
        reads the cached intake meanwhile, which leaves a core idle (the appraisal's reading,
        0.1 s nationally, came after it)."""
        pool = ThreadPoolExecutor(max_workers=1)
        self._appraisal = (path, leaves, codes, pool.submit(read_appraisal, path, leaves, codes, names))
        pool.shutdown(wait=False)

    def appraisal(
        self, path: str | Path, leaves: Sequence[Leaf], codes: pl.Series | None, names: pl.DataFrame | None = None
    ) -> Appraisal:
        """:func:`read_appraisal`: the reading :meth:`read_appraisal_beside` started for the same
        arguments, else read now."""
        started, self._appraisal = self._appraisal, None
        if started is None:
            return read_appraisal(path, leaves, codes, names)
        begun, known_leaves, known_codes, reading = started
        if begun == path and known_leaves is leaves and codes is not None and known_codes.equals(codes):
            return result_of(reading)
        reading.cancel()
        return read_appraisal(path, leaves, codes, names)

    def submitted(self, intake: Intake, compiled: CompiledSet) -> pl.Series:
        """The communes that sent anything (:func:`submitted_items`), as kept with the intake."""
        return self._facts.submitted if self._facts is not None else submitted_items(intake, compiled.leaves)

    def _rows_key(self, compiled: CompiledSet, lang: str) -> str:
        return text_digest("communes", criteria_key(compiled), lang)

    def _prefetch(self, compiled: CompiledSet) -> None:
        """Start reading the communes' rows (:meth:`commune_scores` needs them) beside the intake:
        both are mostly Parquet decoding outside the GIL, so on an idle core this costs no time."""
        if self.lang is None or not self.store.usable():
            return
        key = self._rows_key(compiled, self.lang)
        # Not a ``with`` block: leaving one joins the thread (shutdown(wait=True)), which made the
        # intake wait for the rows (0.16 s of a national re-score's wall time). The thread ends
        # with the reading; :meth:`_cached_rows` waits for its result.
        pool = ThreadPoolExecutor(max_workers=1)
        self._prefetched = (key, pool.submit(CachedRows.load, self.store, key))
        pool.shutdown(wait=False)

    def _cached_rows(self, key: str) -> CachedRows | None:
        """The communes' rows under ``key``: those read beside the intake, else read now."""
        prefetched, self._prefetched = self._prefetched, None
        if prefetched is not None and prefetched[0] == key:
            return result_of(prefetched[1])
        if prefetched is not None:
            result_of(prefetched[1])  # another language's: let it finish before the cache is read again
        return CachedRows.load(self.store, key)

    def commune_scores(
        self,
        compiled: CompiledSet,
        register: Register,
        intake: Intake,
        appraisal: Appraisal,
        evidence: EvidenceFolder | None,
        lang: str,
    ) -> tuple[CommuneScores, pl.DataFrame]:
        """:func:`score_communes` and :func:`compute_totals` for the communes whose inputs changed,
        the cache's rows and totals for the others, in the order they give for all. Sets
        :attr:`known` for them."""
        self.known = None
        if evidence is not None or not self.store.usable():
            if self._prefetched is not None:  # not used; finished, so that its notes are all said
                result_of(self._prefetched[1])
                self._prefetched = None
            self.scored, self.reused = register.frame.height, 0
            scores = score_communes(compiled, register, intake, appraisal, evidence, lang)
            return scores, compute_totals(scores.details, compiled.criteria, register)
        key = self._rows_key(compiled, lang)
        digests = self._intake_digests if self._intake_digests is not None else intake_digests(intake)
        keys = commune_keys(register, digests, appraisal)
        cached = self._cached_rows(key)
        reused = pl.Series(COMMUNE, [], dtype=pl.String)
        if cached is not None:
            reused = keys.join(cached.keys, on=[COMMUNE, *KEY], how="semi")[COMMUNE]
        todo = keys.filter(~pl.col(COMMUNE).is_in(reused.implode()))[COMMUNE]
        self.scored, self.reused = todo.len(), reused.len()
        parts = cached.rows_of(reused) if cached is not None else []
        if todo.len() or not parts:
            mine = _only(todo, register, intake, appraisal)
            fresh = score_communes(compiled, *mine, evidence, lang)
            # Totalled on the whole register when nothing is reused (the first run fills the cache).
            fresh.totals = compute_totals(fresh.details, compiled.criteria, mine[0] if parts else register)
            facts = RankingFacts(*self._facts_of(fresh.details, fresh.totals)) if self._facts_of else None
            parts.append((fresh, facts, todo))
        scores = _merged([(rows, codes) for rows, _, codes in parts], compiled)
        totals = _merged_totals([(rows, codes) for rows, _, codes in parts], compiled, register, scores)
        self.known = _merged_facts([(facts, codes) for _, facts, codes in parts])
        if cached is None or cached.keys.height != keys.height:
            CachedRows.save_whole(self.store, key, keys, scores, totals, self.known, cached)
        elif todo.len():
            cached.save_changes(self.store, keys, todo, scores, totals, self.known)
        return scores, totals


@dataclass(frozen=True)
class KeptFacts:
    """What a run derives from the whole intake, kept in the intake's entry: the
    not-applicable-to-unit warnings (``wrong_unit_findings``), the items of every accepted cell
    and meta row (whether survey results were given) and the communes that sent anything
    (``submitted_items``). Nationally these took 0.03 s each over the intake's 840,000 rows."""

    wrong_unit: pl.DataFrame
    items: set[str]
    submitted: pl.Series

    @classmethod
    def of(cls, tables: Mapping[str, pl.DataFrame]) -> KeptFacts:
        items = set(tables["items"]["item"].to_list())
        return cls(tables["wrong_unit"], items, tables["submitted"][COMMUNE])


def _intake_facts(compiled: CompiledSet, register: Register) -> IntakeFacts:
    """The :class:`KeptFacts` of an intake, as tables; they depend on the register's unit types
    too. ``submitted_items`` sees the intake's findings with the not-applicable-to-unit warnings, as
    ``score`` gives it them (its other findings then have no file, so do not count)."""
    units = register.frame.select("code", "unit_type")

    def compute(intake: Intake) -> dict[str, pl.DataFrame]:
        wrong = wrong_unit_findings(intake, compiled.leaves, units)
        seen = dataclasses.replace(intake, findings=pl.concat([intake.findings, wrong]))
        items = pl.concat([intake.cells[CRITERION], intake.meta[CRITERION]]).unique().sort()
        return {
            "wrong_unit": wrong,
            "items": items.alias("item").to_frame(),
            "submitted": submitted_items(seen, compiled.leaves).sort().to_frame(COMMUNE),
        }

    unit_types = units.write_csv()
    key = text_digest("facts", hashlib.sha256(unit_types.encode()).hexdigest())
    return IntakeFacts(key, ("wrong_unit", "items", "submitted"), compute)


@dataclass
class CachedRows:
    """Every commune's scored rows as an earlier run left them: a whole entry (``communes``: the
    keys, item rows and findings of every commune) and, over it, the changes of the runs since
    (``communes-changes``: every commune's key as of the latest run, and the rows of the communes
    scored again since the whole entry was written). A re-score of 50 communes then writes 50
    communes' rows, not 10,600; once the changes reach :data:`MAX_CHANGED` of the communes, the
    whole entry is written again and the changes dropped. The changes are found under a key made
    of the whole entry's commune keys (:func:`changes_key`): over another whole entry (written
    since by another run sharing the cache) they are not found, so never used."""

    key: str
    keys: pl.DataFrame
    whole: dict[str, pl.DataFrame]
    #: The key of the changes over ``whole``; the communes whose rows are in them, and the rows.
    changes_key: str
    changed: pl.Series
    changes: dict[str, pl.DataFrame]

    @classmethod
    def load(cls, store: CacheStore, key: str) -> CachedRows | None:
        whole = store.load("communes", key, ROW_TABLES, FACT_TABLES)
        if whole is None:
            return None
        over = changes_key(key, whole["keys"])
        changes = store.load("communes-changes", over, (*ROW_TABLES, "changed"), FACT_TABLES)
        if changes is None:
            return cls(key, whole["keys"], whole, over, pl.Series(COMMUNE, [], dtype=pl.String), {})
        return cls(key, changes["keys"], whole, over, changes["changed"][COMMUNE], changes)

    def rows_of(self, codes: pl.Series) -> list[tuple[CommuneScores, RankingFacts | None, pl.Series]]:
        """Where the cached rows of ``codes`` are: the changes for the communes in them, else the
        whole entry (each with what ranking takes from them, and the communes to take from it)."""
        if not codes.len():
            return []
        in_changes = codes.is_in(self.changed.implode())
        return [
            (
                CommuneScores(tables["details"], tables["findings"], tables["totals"]),
                _kept_facts(tables),
                wanted,
            )
            for tables, wanted in ((self.whole, codes.filter(~in_changes)), (self.changes, codes.filter(in_changes)))
            if wanted.len()
        ]

    @staticmethod
    def save_whole(
        store: CacheStore,
        key: str,
        keys: pl.DataFrame,
        scores: CommuneScores,
        totals: pl.DataFrame,
        known: RankingFacts | None,
        earlier: CachedRows | None,
    ) -> None:
        """A whole entry of every commune's rows and totals; the changes over the ``earlier`` one
        removed."""
        tables = {"keys": keys, "details": scores.details, "findings": scores.findings, "totals": totals}
        tables |= _facts_tables(known)
        store.save("communes", key, tables)
        if earlier is not None:
            store.discard("communes-changes", earlier.changes_key)

    def save_changes(
        self,
        store: CacheStore,
        keys: pl.DataFrame,
        todo: pl.Series,
        scores: CommuneScores,
        totals: pl.DataFrame,
        known: RankingFacts | None,
    ) -> None:
        """The changes since the whole entry, with the communes ``todo`` just scored again."""
        changed = pl.concat([self.changed, todo]).unique().sort()
        if changed.len() > MAX_CHANGED * keys.height:
            self.save_whole(store, self.key, keys, scores, totals, known, self)
            return
        kept = pl.col(COMMUNE).is_in(changed.implode())
        tables = {
            "keys": keys,
            "details": scores.details.filter(kept),
            "findings": scores.findings.filter(kept),
            "totals": totals.filter(kept),
            **{name: frame.filter(kept) for name, frame in _facts_tables(known).items()},
            "changed": changed.to_frame(COMMUNE),
        }
        store.save("communes-changes", self.changes_key, tables)


def _facts_tables(known: RankingFacts | None) -> dict[str, pl.DataFrame]:
    if known is None:
        return {}
    areas = known.areas if known.areas is not None else pl.DataFrame(schema=NO_AREAS)
    return {"areas": areas, "lost": known.lost}


def _kept_facts(tables: Mapping[str, pl.DataFrame]) -> RankingFacts | None:
    """The :class:`RankingFacts` an entry holds; None when the run that wrote it had none."""
    if not all(name in tables for name in FACT_TABLES):
        return None
    return RankingFacts(tables["areas"] if tables["areas"].height else None, tables["lost"])


def _merged_facts(parts: list[tuple[RankingFacts | None, pl.Series]]) -> RankingFacts | None:
    """What ranking takes from the rows of the communes named with each part: each commune's own,
    wherever its rows come from (no areas: no commune has a row, as ranking's applicable areas
    gives it). None (ranking computes them) when a part has none, or the parts' tables do not
    have the same columns."""
    if any(facts is None for facts, _ in parts):
        return None
    areas = [f.areas.filter(pl.col(COMMUNE).is_in(c.implode())) for f, c in parts if f and f.areas is not None]
    lost = [f.lost.filter(pl.col(COMMUNE).is_in(c.implode())) for f, c in parts if f]
    if any(a.schema != areas[0].schema for a in areas) or any(x.schema != lost[0].schema for x in lost):
        return None
    merged = pl.concat(areas) if areas else None
    return RankingFacts(merged if merged is not None and merged.height else None, pl.concat(lost))


def _plain_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def frame_digest(frame: pl.DataFrame | pl.LazyFrame) -> str | None:
    """A digest of a table's schema and every value, in order: a 64-bit hash per row, and the list
    of them hashed twice; None for a lazy frame (a batched run's detail, never held whole). Each
    float column also gives its sign (1/x < 0), as a row hash takes -0.0 for 0.0 and a file does
    not; categories are hashed as their text."""
    return table_digests(frame, None)[0]


def table_digests(frame: pl.DataFrame | pl.LazyFrame, group_rows: int | None) -> tuple[str | None, list[str]]:
    """:func:`frame_digest`, and with ``group_rows`` the digest of each Parquet row group of that
    many rows (of the table's schema and height too: a group is only ever compared with the same
    group of the same table); no group digests for a table of one row group at most. The digest of
    a table of several groups is then made of its groups' (the same rows in the same order give
    the same digest either way; a frame digest is only compared with one computed alike)."""
    if isinstance(frame, pl.LazyFrame):
        return None, []
    floats = [name for name, dtype in frame.schema.items() if dtype.is_float()]
    signs = [(1 / pl.col(name) < 0).alias(f"{name}\0sign") for name in floats]
    plain = frame.with_columns(cs.categorical().cast(pl.String), *signs)
    hashed = plain.hash_rows(seed=23)
    shape = (repr(frame.schema), frame.height)
    if group_rows is None or frame.height <= group_rows:
        rows = hashed.implode()
        whole = pl.select(rows.hash(seed=29).alias("a"), rows.hash(seed=31).alias("b")).row(0)
        return text_digest("table", *shape, *whole), []
    # The row hashes of each group as one list each (slices, no copy; a group_by on the row
    # number took twice as long), and the table's digest made of its groups' digests.
    lists = pl.Series("h", [hashed.slice(start, group_rows) for start in range(0, frame.height, group_rows)])
    per_group = lists.to_frame().select(pl.col("h").hash(seed=29).alias("a"), pl.col("h").hash(seed=31).alias("b"))
    groups = [text_digest("group", *shape, i, a, b) for i, (a, b) in enumerate(per_group.iter_rows())]
    return text_digest("table", *shape, *groups), groups


def changes_key(key: str, whole_keys: pl.DataFrame) -> str:
    """The key of the changes over the whole entry ``key`` whose commune keys are ``whole_keys``:
    the same commune keys give the same rows, whichever run wrote them."""
    listed = whole_keys.sort(COMMUNE).write_csv()
    return text_digest("communes-changes", key, hashlib.sha256(listed.encode()).hexdigest())


def commune_keys(register: Register, intake: pl.DataFrame, appraisal: Appraisal) -> pl.DataFrame:
    """Per commune of the register, a 128-bit digest of every row that shapes its scored rows:
    its register row, its intake (``intake``: :func:`intake_digests`) and the appraisal's rows."""
    frames = {
        "register": register.frame.rename({"code": COMMUNE}),
        "corrections": appraisal.cells,
        "decisions": appraisal.decisions,
    }
    keys = register.frame.select(pl.col("code").alias(COMMUNE)).join(intake, on=COMMUNE, how="left")
    for name, frame in frames.items():
        keys = keys.join(row_digests(frame, name), on=COMMUNE, how="left")
    parts = keys.drop(COMMUNE).fill_null(0)
    return keys.select(COMMUNE).with_columns(
        parts.hash_rows(seed=1).alias("_h1"),
        parts.hash_rows(seed=5).alias("_h2"),
    )


def _only(
    codes: pl.Series, register: Register, intake: Intake, appraisal: Appraisal
) -> tuple[Register, Intake, Appraisal]:
    """The register, intake and appraisal of the communes ``codes`` only (their per-commune
    rows; what is not per commune stays out, and is taken from the whole run)."""
    wanted = codes.implode()

    def mine(frame: pl.DataFrame, column: str = COMMUNE) -> pl.DataFrame:
        return frame.filter(pl.col(column).is_in(wanted))

    def rows(name: str) -> pl.DataFrame:
        # A cached intake decodes only these communes' rows (when not decoded whole already).
        return intake.rows_of(name, codes) if isinstance(intake, CachedIntake) else mine(getattr(intake, name))

    return (
        Register(frame=mine(register.frame, "code"), problems=[], source=register.source, headings=register.headings),
        Intake(
            cells=rows("cells"),
            meta=rows("meta"),
            findings=intake.findings.clear(),
            ledger=intake.ledger.clear(),
            places=rows("places"),
        ),
        Appraisal(
            cells=mine(appraisal.cells),
            decisions=mine(appraisal.decisions),
            findings=appraisal.findings.clear(),
            ledger=appraisal.ledger.clear(),
        ),
    )


def _merged(parts: list[tuple[CommuneScores, pl.Series]], compiled: CompiledSet) -> CommuneScores:
    """The rows of the communes named with each part, in the order of a run that scored every
    commune together: details by commune code and item, findings by :func:`order_commune_findings`."""
    if len(parts) == 1 and parts[0][0].details[COMMUNE].n_unique() == parts[0][1].len():
        return parts[0][0]
    details = _in_code_order([(scores.details, codes) for scores, codes in parts])
    findings = pl.concat([scores.findings.filter(pl.col(COMMUNE).is_in(codes.implode())) for scores, codes in parts])
    return CommuneScores(details=details, findings=order_commune_findings(findings, compiled.leaves))


def _merged_totals(
    parts: list[tuple[CommuneScores, pl.Series]], compiled: CompiledSet, register: Register, scores: CommuneScores
) -> pl.DataFrame:
    """The totals of the communes named with each part, in commune code order as
    :func:`compute_totals` gives them. Computed again from all rows (``scores``) when the parts do
    not have the same columns (an area no commune of a part has a row for: never in a set where
    every commune has a row per item, but cheap to be sure of)."""
    frames = [part.totals.filter(pl.col(COMMUNE).is_in(codes.implode())) for part, codes in parts]
    if len(frames) == 1 and frames[0].height == parts[0][0].totals.height:
        return parts[0][0].totals
    if any(frame.schema != frames[0].schema for frame in frames):
        return compute_totals(scores.details, compiled.criteria, register)
    return pl.concat(frames).sort(COMMUNE)


def _in_code_order(sources: list[tuple[pl.DataFrame, pl.Series]]) -> pl.DataFrame:
    """The rows of the communes ``codes`` of each frame, in commune code order. Each frame is
    sorted by commune code (then item), so a commune's rows are one run of rows: the result is
    a slice of a frame for each stretch of consecutive communes taken from it, put together
    without copying (no filter and no sort over the 640,000 rows of a national run)."""
    runs = []
    for number, (frame, codes) in enumerate(sources):
        run = frame.select(pl.col(COMMUNE).rle()).unnest(COMMUNE)
        runs.append(
            run.with_columns(
                (pl.col("len").cum_sum() - pl.col("len")).alias("start"), pl.lit(number).alias("source")
            ).filter(pl.col("value").is_in(codes.implode()))
        )
    pieces: list[list[int]] = []  # [source, start, length]
    for source, start, length in pl.concat(runs).sort("value").select("source", "start", "len").iter_rows():
        last = pieces[-1] if pieces else None
        if last is not None and last[0] == source and last[1] + last[2] == start:
            last[2] += length
        else:
            pieces.append([source, start, length])
    if not pieces:
        return sources[0][0].clear()
    return pl.concat([sources[source][0].slice(start, length) for source, start, length in pieces], rechunk=False)


def cache_notes(cache: RunCache, lang: str) -> list[str]:
    """The console lines about the cache: what was reused, and what could not be used."""
    vi = lang == "vi"
    lines = [note.text(lang) for note in cache.notes]
    if cache.reused:
        lines.append(
            f"Bộ nhớ đệm: {cache.reused} đơn vị lấy lại từ lần chạy trước, {cache.scored} đơn vị chấm lại."
            if vi
            else f"Cache: {cache.reused} units reused from an earlier run, {cache.scored} scored again."
        )
    return lines


__all__ = ["RunCache", "cache_notes", "commune_keys", "criteria_key"]
