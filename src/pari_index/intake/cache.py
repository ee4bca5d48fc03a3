"""A cache on disk for what an earlier run computed from the same inputs (``pari score --cache``).

Each entry is a folder of Parquet files and a small ``manifest.json`` naming the entry's key, the
code that wrote it and the SHA-256 of every Parquet file. An entry is used only when all of these
match; anything else (a truncated or rewritten file, garbage, a foreign or older entry, a file that
cannot be read) is ignored and written again, with a note for the console (:class:`CacheNote`).
An entry is written in a temporary folder and renamed into place, so that an interrupted run
leaves either the whole entry or none. The cache never changes results: a run with it gives the
same files as a run without it (tests/test_cache.py).

The checked intake is keyed by the SHA-256 of each input file's bytes (and its name, which the
intake records in every cell and finding), the criteria set's content, the register's codes and
the code of pari-index itself (:func:`code_fingerprint`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import polars as pl
import polars.selectors as cs

from pari_index.criteria.compiling import COMMUNE
from pari_index.criteria.model import Leaf
from pari_index.errors import Problem, shorten_path, shown_path
from pari_index.intake import file_digests
from pari_index.intake.assessments import Intake, read_assessments
from pari_index.intake.cache_folder import (
    NO_PERMISSIONS,
    NotACacheFolder,
    TooLarge,
    claim,
    is_entry,
    keeps_permissions,
    not_ours,
    plain_folder,
    read_regular,
    remove_leftovers,
)
from pari_index.intake.parquet_measure import OverLimit, read_measured
from pari_index.system.input_watch import changed as inputs_changed
from pari_index.system.interruptions import held
from pari_index.system.threads import result_of

#: Why a kind's folder that is not a real folder (a link, a file) is not used (CACHE_REASONS).
KIND_NOT_OURS = (
    "a link or a file, not a folder the cache made; nothing it leads to was touched; delete it, and the next run "
    "makes the folder again"
)
#: Raised by the layout of entries; entries of another format are ignored.
CACHE_FORMAT = 1
MANIFEST = "manifest.json"
#: A manifest is a few hundred bytes: anything much larger is not one.
MAX_MANIFEST_BYTES = 1 << 20
#: Tables of an entry read at once.
READERS = 4
#: Entries kept per kind (the newest): the cache of a folder scored again and again stays small.
KEEP_ENTRIES = 2
INTAKE_TABLES = ("cells", "meta", "findings", "ledger", "places")
#: The intake's tables with one row per commune and something of it: what a commune's digest covers.
INTAKE_DIGESTS = ("cells", "meta", "places")
#: Bytes of one table of an entry. A national run's largest (the communes' item rows) takes some
#: 13 MB; a larger file (a sparse file of gigabytes costs nothing to make) is not read at all.
MAX_TABLE_BYTES = 256 * 1024**2
#: Cells (rows × columns) of one table of an entry, as a results table read back is allowed: a
#: national run's item rows are 625,400 × 20 = 12.5 million cells. More when PARI_MAX_CELLS or
#: PARI_MAX_ITEM_ROWS allow a larger run (its entries grow with it).
CACHE_CELLS = 25_000_000


@dataclass(frozen=True)
class CacheNote:
    """Something the cache could not use or write; the run went on without it."""

    path: str
    reason: str
    #: The reason in Vietnamese, where it is ours (the system's own error texts come in English).
    reason_vi: str | None = None
    #: Whether an entry could not be written (the folder is ``path``): the run's results are whole,
    #: only the next run computes again what was not kept.
    unwritten: bool = False

    def text(self, lang: str) -> str:
        from pari_index.messages.command_line import cache_os_hint

        hint = cache_os_hint(self.reason, lang)  # a refusal of the system's: what to do about it
        # Cut in its middle as every path told is: a --cache path too long for the system (its
        # refusal, ENAMETOOLONG) was printed whole, 4,500 characters in one line.
        path = shown_path(shorten_path(self.path))
        if self.unwritten:
            told = _unwritten(path, self.reason_vi or self.reason if lang == "vi" else self.reason, lang)
        elif lang == "vi":
            reason = self.reason_vi or self.reason
            told = f"Bộ nhớ đệm: bỏ qua {path} ({reason}); phần này được tính lại, kết quả không đổi."
            return told if hint is None else f"{told} Gợi ý: {hint}."
        else:
            told = f"Cache: ignored {path} ({self.reason}); it was computed again, the results are unaffected."
        if hint is None:
            return told
        return f"{told} Gợi ý: {hint}." if lang == "vi" else f"{told} Hint: {hint}."


def _unwritten(path: str, reason: str, lang: str) -> str:
    """A cache folder into which this run's entries could not be written (a disk full, a folder
    made read-only during the run): told once for the folder, not once an entry, and as what it
    is. Until session 36 each kind's entry was "ignored …; it was computed again", twice a run, of
    entries never read. Not "nothing could be written" (session 36 until its review): a disk full
    as the first entry was written, then room again (another program's temporaries removed), kept
    the second entry, and so did a disk that filled as the last was written."""
    if lang == "vi":
        return (
            f"Bộ nhớ đệm: không ghi được vào {path} ({reason}); kết quả của lần chạy này vẫn đầy đủ, lần chạy sau "
            "sẽ tính lại phần không lưu được."
        )
    return (
        f"Cache: could not write into {path} ({reason}); this run's results are complete, the next "
        "run computes again what was not kept."
    )


@functools.cache
def code_fingerprint() -> str:
    """The version of pari-index and polars and a digest of the package's own source: an entry
    written by other code (another version, or a change not yet released) is never used."""
    try:
        version = metadata.version("pari-index")
    except metadata.PackageNotFoundError:  # run from a source tree: the source digest below decides
        version = "source"
    digest = hashlib.sha256(f"{CACHE_FORMAT}:{version}:{pl.__version__}".encode())
    package = Path(__file__).resolve().parents[1]
    for source in sorted(package.rglob("*.py")):
        digest.update(str(source.relative_to(package)).encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def file_digest(path: str | Path) -> str | None:
    """The SHA-256 of a regular file's bytes; None for anything else (a pipe, a device, a file
    that cannot be read): such input is read as usual and never cached."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None


def text_digest(*parts: object) -> str:
    """A SHA-256 key of JSON-able parts."""
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, default=str).encode()).hexdigest()


@dataclass
class CacheStore:
    """The cache folder: entries by kind and key. Every failure becomes a note, never an error."""

    root: Path
    notes: list[CacheNote] = field(default_factory=list)
    _usable: bool | None = field(default=None, repr=False)
    #: The folder is not there yet: it is made (and claimed) by the first entry :meth:`save` writes.
    _unmade: bool = field(default=False, repr=False)

    def usable(self) -> bool:
        """Whether the folder is a cache folder, or could be made one (cache_folder.claim); a
        file in its place, or a folder of other files, is noted once and left untouched. A folder
        not there yet is usable (it holds no entry) and is not made here: it was made when the
        cache was first looked at, before the inputs were read, and a run refused for its inputs
        left a new empty folder behind (session 40)."""
        if self._usable is None:
            self._unmade = not os.path.lexists(self.root)
            self._usable = True if self._unmade else self._claim()
        return self._usable

    def _made(self) -> bool:
        """Make and claim the folder :meth:`usable` found missing, for the first entry written."""
        if self._unmade:
            self._unmade = False
            self._usable = self._claim()
        return bool(self._usable)

    def _claim(self) -> bool:
        try:
            # Inside the ``try``: Path.exists raises what the system says of a name other than
            # "no such file" (a name too long, a folder on the way the user may not search), and
            # that stopped the whole run as an error of its inputs (os-error, exit 1).
            if (self.root.exists() or self.root.is_symlink()) and not self.root.is_dir():
                self._note(self.root, "not a folder", "không phải thư mục")
                return False
            claim(self.root)
            if not keeps_permissions(self.root):
                self._note(self.root, NO_PERMISSIONS)  # once for the folder, not once an entry
                return False
        except NotACacheFolder as exc:
            # A file's name, shown as printable text (a name may hold terminal escapes).
            name = "".join(c if c.isprintable() else "?" for c in str(exc)[:60])
            if exc.other_tag:
                self._note(
                    self.root,
                    "its CACHEDIR.TAG is another program's: that program's cache, not pari-index's; nothing in "
                    "it was touched; give a new or empty folder",
                    "tệp đánh dấu bộ nhớ đệm trong thư mục là của một chương trình khác: bộ nhớ đệm của chương "
                    "trình đó, không phải của pari-index; không tệp nào trong đó bị động đến; hãy chỉ ra một thư "
                    "mục mới hoặc trống",
                )
                return False
            self._note(
                self.root,
                f"it holds other files ({name}) and no CACHEDIR.TAG: not a cache folder, nothing in it "
                "was touched; give a new or empty folder",
                f"thư mục chứa các tệp khác ({name}) và không có CACHEDIR.TAG: không phải thư mục bộ "
                "nhớ đệm, không tệp nào trong đó bị động đến; hãy chỉ ra một thư mục mới hoặc trống",
            )
            return False
        except OSError as exc:
            self._note(self.root, exc.strerror or str(exc))
            return False
        remove_leftovers(self.root)
        return True

    def load(
        self, kind: str, key: str, names: Sequence[str], optional: Sequence[str] = ()
    ) -> dict[str, pl.DataFrame] | None:
        """The tables of the entry ``kind/key`` (and those of ``optional`` it has); None when
        there is none or it is not sound."""
        loaded = self.load_bytes(kind, key, names, (), optional)
        return loaded[0] if loaded is not None else None

    def load_bytes(
        self, kind: str, key: str, names: Sequence[str], undecoded: Sequence[str], optional: Sequence[str] = ()
    ) -> tuple[dict[str, pl.DataFrame], dict[str, bytes]] | None:
        """:meth:`load`, with the tables ``undecoded`` (among ``names``) as their Parquet bytes,
        checked against the manifest but not decoded (the caller may need only some of their rows)."""
        folder = self._kind(kind)
        if folder is None:
            return None
        entry = folder / key
        if not os.path.lexists(entry):
            return None
        try:
            if not is_entry(entry):
                raise ValueError(not_ours(entry) or "not a folder the cache wrote")
            manifest = _manifest(read_regular(entry / MANIFEST, MAX_MANIFEST_BYTES + 1)[:MAX_MANIFEST_BYTES])
            expected = {"format": CACHE_FORMAT, "kind": kind, "key": key, "code": code_fingerprint()}
            if not isinstance(manifest, dict) or any(manifest.get(k) != v for k, v in expected.items()):
                raise ValueError("written by another version or for other inputs")
            listed = manifest["tables"]
            wanted = [*names, *(name for name in optional if isinstance(listed, dict) and name in listed)]
            tables = self._tables(entry, {name: listed[name] for name in wanted}, frozenset(undecoded))
            frames = {k: v for k, v in tables.items() if isinstance(v, pl.DataFrame)}
            return frames, {k: v for k, v in tables.items() if isinstance(v, bytes)}
        except Beyond as beyond:
            self._note(entry, beyond.reason, beyond.reason_vi)
            self._discard(entry)
            return None
        except (
            OSError,
            ValueError,
            KeyError,
            TypeError,
            pl.exceptions.PolarsError,
            pl.exceptions.PanicException,
        ) as exc:
            self._note(entry, _reason(exc))
            self._discard(entry)
            return None

    def _tables(
        self, entry: Path, digests: dict[str, str], undecoded: frozenset[str] = frozenset()
    ) -> dict[str, pl.DataFrame | bytes]:
        """The tables named in ``digests``, read side by side: the SHA-256 and the Parquet decoding
        run outside the GIL, so the intake's five tables take about half the time on two cores. The
        first failure is raised here (the others are still read to the end)."""
        if len(digests) < 2:
            return {name: self._table(entry, name, digest, name not in undecoded) for name, digest in digests.items()}
        with ThreadPoolExecutor(max_workers=min(READERS, len(digests))) as pool:
            reading = {
                name: pool.submit(self._table, entry, name, digest, name not in undecoded)
                for name, digest in digests.items()
            }
            return {name: result_of(future) for name, future in reading.items()}

    def _table(self, entry: Path, name: str, digest: str, decode: bool = True) -> pl.DataFrame | bytes:
        """The table ``name`` of ``entry``, measured as an input's Parquet file is before it is
        decoded (:func:`read_measured`; undecoded, its text is measured when decoded: see
        :class:`CachedIntake`). An entry is only as sound as its folder: its manifest's SHA-256
        say nothing of what wrote it (a folder shared by other users, an entry copied from
        elsewhere), and one table of 30 million equal rows took 115 s and 17.6 GB, exit 0."""
        try:
            data = read_regular(entry / f"{name}.parquet", most=MAX_TABLE_BYTES)
        except TooLarge as large:
            raise Beyond.too_large(large) from None
        if hashlib.sha256(data).hexdigest() != digest:
            raise ValueError(f"{name}.parquet does not match its manifest")
        try:
            frame = read_measured(io.BytesIO(data), f"{name}.parquet", cache_cells(), decode=decode)
        except OverLimit as over:
            raise Beyond.of(over.problem) from None
        return frame if frame is not None else data

    def save(self, kind: str, key: str, tables: dict[str, pl.DataFrame]) -> None:
        """Write the entry ``kind/key`` as a whole (temporary folder, then rename), replacing one
        of the same key, and drop the oldest entries of the kind beyond KEEP_ENTRIES. Nothing is
        stored when an input of the run changed while it was read (pari_index.system.input_watch): the
        tables might be another file's, kept under this one's key for every later run."""
        if inputs_changed() or not self._made():
            return
        folder = self._kind(kind)
        if folder is None:
            return
        tmp: Path | None = None
        try:
            folder.mkdir(exist_ok=True)  # in the folder claimed, which exists
            # The process number in the name lets the next run remove it if this one is killed.
            with held():  # see pari_index.system.interruptions
                tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{os.getpid()}-", dir=folder))
            digests = {}
            for name, frame in tables.items():
                buffer = io.BytesIO()
                frame.write_parquet(buffer)
                data = buffer.getvalue()
                (tmp / f"{name}.parquet").write_bytes(data)
                digests[name] = hashlib.sha256(data).hexdigest()
            manifest = {"format": CACHE_FORMAT, "kind": kind, "key": key, "code": code_fingerprint(), "tables": digests}
            (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
            entry = folder / key
            if entry.exists() or entry.is_symlink():
                self._discard(entry)
            os.rename(tmp, entry)
            tmp = None
        except (OSError, pl.exceptions.PolarsError) as exc:
            self._note(self.root, _reason(exc), unwritten=True)  # once for the folder, whatever the entry
            return
        finally:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
        with contextlib.suppress(OSError):  # the entry is written; the oldest are removed next time
            self._prune(folder, keep=entry)

    def _prune(self, folder: Path, keep: Path) -> None:
        """Drop the oldest entries beyond KEEP_ENTRIES; nothing else (a file someone put here is
        not the cache's to remove)."""
        entries = [p for p in folder.iterdir() if p != keep and is_entry(p)]
        entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP_ENTRIES - 1 :]:
            self._discard(old)

    def _kind(self, kind: str) -> Path | None:
        """The folder of the entries of ``kind`` when it is the cache's own: a real folder, or none
        yet (:meth:`save` makes it). Anything else there is noted and nothing is read, written or
        removed through it: a link to a user's folder in a cache folder had entries written into
        that folder, and its own folders named by 64 hexadecimal digits (a content-addressed
        store's, say) removed with their files as the oldest entries, exit 0."""
        folder = self.root / kind
        if self._unmade:  # nothing there yet: no entry to read, and save makes the folder first
            return folder
        try:
            info = os.lstat(folder)
        except FileNotFoundError:
            return folder
        except OSError as exc:
            self._note(folder, _reason(exc))
            return None
        if plain_folder(info):  # not a link, nor a Windows junction
            return folder
        self._note(folder, KIND_NOT_OURS)
        return None

    def _discard(self, entry: Path) -> None:
        """Remove an entry that is not to be used (best effort: the next run tries again)."""
        with contextlib.suppress(OSError):
            if entry.is_dir() and not entry.is_symlink():
                # Moved aside first, so that no half-removed entry is ever under its key.
                aside = entry.with_name(f".old-{entry.name}-{os.getpid()}")
                os.rename(entry, aside)
                shutil.rmtree(aside, ignore_errors=True)
            else:
                entry.unlink()

    def _note(self, path: Path, reason: str, reason_vi: str | None = None, unwritten: bool = False) -> None:
        from pari_index.messages.command_line import cache_reason_vi, os_reason_vi

        vi = reason_vi or cache_reason_vi(reason) or os_reason_vi(reason)
        note = CacheNote(str(path), reason, vi, unwritten)
        if note not in self.notes:
            self.notes.append(note)

    def discard(self, kind: str, key: str) -> None:
        """Remove the entry ``kind/key`` if there is one (best effort)."""
        folder = self._kind(kind)
        if folder is None:
            return
        entry = folder / key
        with contextlib.suppress(OSError):  # a name past the system's length, say (see _claim)
            if entry.exists() or entry.is_symlink():
                self._discard(entry)


def cache_cells() -> int:
    """Cells one table of an entry may hold: CACHE_CELLS, or more when the run's limits are raised."""
    from pari_index.intake.sheet import max_cells
    from pari_index.system.limits import MAX_ITEM_ROWS, env_limit

    scaled = CACHE_CELLS * env_limit("PARI_MAX_ITEM_ROWS", MAX_ITEM_ROWS) // MAX_ITEM_ROWS
    return max(CACHE_CELLS, max_cells(), scaled)


class Beyond(ValueError):
    """A table of an entry passes a limit: the entry is not used. The reason in both languages."""

    def __init__(self, reason: str, reason_vi: str) -> None:
        super().__init__(reason)
        self.reason, self.reason_vi = reason, reason_vi

    @classmethod
    def of(cls, problem: Problem) -> Beyond:
        """The limit an input's Parquet file would be refused for (its finding's words)."""
        from pari_index.messages.rendering import render

        where = f"{problem.file}: " if problem.file else ""
        return cls(
            where + render(problem.code, problem.params, "en", message=problem.message),
            where + render(problem.code, problem.params, "vi"),
        )

    @classmethod
    def too_large(cls, large: TooLarge) -> Beyond:
        from pari_index.messages.numbers import format_number

        return cls(
            str(large),
            f"{large.name} chiếm {format_number(large.size, 'vi')} byte, nhiều hơn "
            f"{format_number(large.most, 'vi')} byte bộ nhớ đệm đọc",
        )


#: Stands for a table of :class:`CachedIntake` not decoded yet.
_NOT_READ = pl.DataFrame()


def _read_whole(data: bytes) -> pl.DataFrame:
    return pl.read_parquet(io.BytesIO(data))


def _deferred(name: str) -> Any:
    """A table of :class:`CachedIntake` decoded when first used (or set)."""

    def get(self: CachedIntake) -> pl.DataFrame:
        frame = self.decoded(name)
        if frame is None:
            frame = _read_whole(self.raw[name])
            self.__dict__[name] = frame
        return frame

    def put(self: CachedIntake, frame: pl.DataFrame) -> None:
        self.__dict__[name] = frame

    return property(get, put)


class CachedIntake(Intake):
    """An intake from the cache whose per-commune tables (cells, meta rows, places) are decoded
    when first used. A re-score whose assessment files did not change needs only the rows of the
    communes scored again (:meth:`rows_of`): of the national intake's 820,000 cells that is
    decoding 4,000 rows, not all (0.1 s of CPU). Everything else of a run reads them as before."""

    DEFERRED = ("cells", "meta", "places")
    cells = _deferred("cells")
    meta = _deferred("meta")
    places = _deferred("places")
    raw: dict[str, bytes]

    @classmethod
    def of(cls, tables: dict[str, pl.DataFrame], raw: dict[str, bytes]) -> CachedIntake:
        """The intake of an entry's ``tables`` and the Parquet bytes of its deferred ones."""
        intake = cls(
            cells=_NOT_READ, meta=_NOT_READ, findings=tables["findings"], ledger=tables["ledger"], places=_NOT_READ
        )
        intake.raw = raw
        return intake

    def decoded(self, name: str) -> pl.DataFrame | None:
        """The table ``name`` if decoded (or set) already."""
        frame = self.__dict__.get(name)
        return frame if isinstance(frame, pl.DataFrame) and frame is not _NOT_READ else None

    def rows_of(self, name: str, codes: pl.Series) -> pl.DataFrame:
        """The rows of the communes ``codes`` of the table ``name``, in the table's order."""
        wanted = pl.col(COMMUNE).is_in(codes.implode())
        frame = self.decoded(name)
        if frame is not None:
            return frame.filter(wanted)
        return pl.scan_parquet(io.BytesIO(self.raw[name])).filter(wanted).collect()


#: Why a manifest that is not JSON is not used (CACHE_REASONS): a manifest cut short (a disk that
#: filled, a power cut before the system wrote it out, a copy stopped halfway) was told in the
#: JSON parser's words, in English whatever the language ("Unterminated string starting at: line
#: 10 column 13 (char 452)", session 37).
MANIFEST_CUT = "manifest.json is cut short or damaged"


def _manifest(data: bytes) -> Any:
    try:
        return json.loads(data)
    except ValueError:  # json.JSONDecodeError, UnicodeDecodeError
        raise ValueError(MANIFEST_CUT) from None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    text = str(exc).split("\n")[0]
    return text[:160] if text else type(exc).__name__


def row_digests(frame: pl.DataFrame, name: str) -> pl.DataFrame:
    """Two 64-bit hashes per commune of its rows of ``frame`` (columns ``_d_<name>`` and
    ``_e_<name>``), whatever their order: equal when the commune's rows are equal, in every column."""
    # Names of files are categories in the intake; hash the text, not the category's number.
    plain = frame.with_columns(cs.categorical().cast(pl.String)).select(
        pl.col(COMMUNE).cast(pl.String), *sorted(c for c in frame.columns if c != COMMUNE)
    )
    rows = plain.select(COMMUNE).with_columns(plain.hash_rows(seed=11).alias("_row"))
    # The sorted row hashes of a commune hashed as one list: one number per commune and seed (a
    # hash of the column itself would keep one number per row: 19 MB of digests nationally).
    ordered = pl.col("_row").sort().implode()
    return rows.group_by(COMMUNE).agg(
        ordered.hash(seed=13).alias(f"_d_{name}"), ordered.hash(seed=17).alias(f"_e_{name}")
    )


def intake_digests(intake: Intake) -> pl.DataFrame:
    """Per commune, the digests of its accepted cells, self-scores and evidence, and their places."""
    digests = [row_digests(getattr(intake, name), name) for name in INTAKE_DIGESTS]
    out = digests[0]
    for more in digests[1:]:
        out = out.join(more, on=COMMUNE, how="full", coalesce=True)
    return out


@dataclass(frozen=True)
class IntakeFacts:
    """What a run derives from the whole intake (``compute``: the tables ``names``), kept in the
    intake's entry so that a run whose assessment files did not change need not derive it again;
    ``key`` names what else it depends on (it is part of the entry's key)."""

    key: str
    names: tuple[str, ...]
    compute: Callable[[Intake], dict[str, pl.DataFrame]]


def cached_intake(
    store: CacheStore | None,
    paths: Sequence[str | Path],
    leaves: Sequence[Leaf],
    known_communes: pl.Series | None,
    criteria_key: str,
    facts: IntakeFacts | None = None,
    survey: Collection[str | Path] = (),
    unit_names: pl.DataFrame | None = None,
) -> tuple[Intake, pl.DataFrame, dict[str, pl.DataFrame]]:
    """:func:`read_assessments`, :func:`intake_digests` and the ``facts`` (empty without), from
    the cache when every file, the criteria (``criteria_key``), the register's codes and what
    the facts depend on are as when they were stored. ``survey``: those of ``paths`` given as
    survey results (part of the key: a file given as the survey is not read as an assessment).
    ``unit_names``: the register's ``code`` and ``name`` (part of the key: findings name them)."""
    digests = [file_digests.sha256(p) for p in paths]
    if store is None or None in digests or not store.usable():
        intake = read_assessments(paths, leaves, known_communes, survey=survey, unit_names=unit_names)
        return intake, intake_digests(intake), facts.compute(intake) if facts is not None else {}
    codes = None
    if known_communes is not None:
        codes = hashlib.sha256("\n".join(map(str, known_communes.to_list())).encode()).hexdigest()
    if unit_names is not None:
        named_units = "\n".join(f"{code}\t{name}" for code, name in unit_names.select("code", "name").iter_rows())
        codes = text_digest("units", codes, hashlib.sha256(named_units.encode()).hexdigest())
    given = {str(p) for p in survey}
    named = [[str(p), d, *(["survey"] if str(p) in given else [])] for p, d in zip(paths, digests, strict=True)]
    key = text_digest("intake", criteria_key, codes, named, *([facts.key] if facts is not None else []))
    names = facts.names if facts is not None else ()
    loaded = store.load_bytes("intake", key, (*INTAKE_TABLES, "digests", *names), CachedIntake.DEFERRED)
    if loaded is not None:
        tables, raw = loaded
        return CachedIntake.of(tables, raw), tables["digests"], {name: tables[name] for name in names}
    intake = read_assessments(paths, leaves, known_communes, survey=survey, unit_names=unit_names)
    found = intake_digests(intake)
    derived = facts.compute(intake) if facts is not None else {}
    store.save("intake", key, {**{name: getattr(intake, name) for name in INTAKE_TABLES}, "digests": found, **derived})
    return intake, found, derived


__all__ = [
    "CacheNote",
    "CacheStore",
    "CachedIntake",
    "IntakeFacts",
    "cached_intake",
    "code_fingerprint",
    "file_digest",
    "intake_digests",
    "row_digests",
    "text_digest",
]
