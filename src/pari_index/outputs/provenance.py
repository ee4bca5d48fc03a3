"""What a results file records about the run that made it: the pari-index version, the criteria
set's hash, every input file's hash, the run date, and whether the data are synthetic.

These are rows of the ``about`` table (so XLSX, CSV and Parquet results carry them alike), and the
HTML report prints them as its version stamp (:mod:`pari_index.outputs.report_method`), also when
the report is made later from the written results with ``pari report``.

* ``criteria_sha256``: SHA-256 of the criteria file's bytes when the set was read from a file
  (``criteria_sha256_of`` = ``file``: ``sha256sum ha-noi-2025-commune.yaml`` gives the same), else
  of its canonical content (``content``: the set as JSON, keys sorted, UTF-8; see
  :func:`criteria_content_sha256`).
* ``input_sha256_<role>``: SHA-256 of each input file's bytes, in the order of ``input_<role>``,
  joined with ``"; "`` (``-`` for a path that is not a file).
* ``run_date``: the date given (``pari score --date``), else ``SOURCE_DATE_EPOCH`` when set (for
  reproducible builds), else today's date in UTC; ISO ``YYYY-MM-DD``.
* ``synthetic``: ``yes`` when the run was marked synthetic (``pari score --synthetic``) or when a
  ``SYNTHETIC-README.md`` lies beside one of its input files (what :mod:`pari_index.demo` writes
  beside every file it generates, and the committed examples carry); ``synthetic_marker`` names
  that file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from importlib import metadata
from pathlib import Path

from pari_index.criteria.model import CriteriaSet
from pari_index.errors import Problem, UsageError, quoted, shorten
from pari_index.intake import file_digests
from pari_index.system.input_watch import piped_sha256
from pari_index.system.limits import YEARS
from pari_index.system.spelling import spelled_on_disk

#: The file :mod:`pari_index.demo` writes beside the synthetic data it generates (its README_NAME).
SYNTHETIC_README = "SYNTHETIC-README.md"
#: The roles of ``ScoreResult.sources`` that are input files (``criteria`` holds the set's id).
INPUT_ROLES = ("assessments", "survey", "communes", "appraisal")
#: Read in blocks: a national assessment file is hundreds of megabytes.
_BLOCK = 1 << 20


def file_sha256(path: str | Path) -> str:
    """SHA-256 (hex) of a file's bytes (an input's, hashed once per run: pari_index.file_digests), or
    of what was read from a pipe, which cannot be read again (pari_index.system.input_watch.piped_sha256)."""
    known = file_digests.sha256(path) or piped_sha256(spelled_on_disk(path))
    if known is not None:
        return known
    digest = hashlib.sha256()
    with open(spelled_on_disk(path), "rb") as handle:
        while block := handle.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def criteria_content_sha256(criteria: CriteriaSet) -> str:
    """SHA-256 of a set's canonical content: the set as pydantic dumps it, written as JSON with keys
    sorted, no spaces, UTF-8, numbers as plain decimals without trailing zeros (25 for 25.0) and
    dates as ISO. Equal for two files that differ only in layout, comments or how a number is
    written."""
    data = criteria.model_dump(mode="python")
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_canonical)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _canonical(value: object) -> str:
    # Points are decimals: 25 and 25.0 are the same maximum, so they hash alike.
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"no canonical form for {type(value).__name__}")


def criteria_hash(criteria: CriteriaSet, file: str | Path | None) -> tuple[str, str]:
    """(hash, what was hashed: ``file`` or ``content``) for the set read from ``file``: the hash of
    the bytes it was read from when the loader remembers them (criteria.objects.sha256_read), so
    that a file edited after the run is not taken for the set scored (until session 38's review,
    pari.write_results after the file was edited recorded the edited file's hash as the set's)."""
    from pari_index.criteria.objects import sha256_read

    if file is not None and spelled_on_disk(file).is_file():
        return sha256_read(criteria, file) or file_sha256(file), "file"
    return criteria_content_sha256(criteria), "content"


#: The years a run date may name: the span of ``pari score --year``. A date outside it is a typo
#: (``0025-03-01``, ``9999-12-31``) that would be printed on every page of the report.
RUN_YEARS = YEARS
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def check_date(value: str, option: str = "--date") -> str:
    """``value`` when it is a calendar date written YYYY-MM-DD within RUN_YEARS; else UsageError
    ``bad-date`` (``2025-02-30``, ``2025-W01-1``, ``20250101``, ``9999-12-31``, ``<script>``)."""
    try:
        day = dt.date.fromisoformat(value) if _ISO_DATE.fullmatch(value) else None
    except ValueError:
        day = None
    if day is None or not RUN_YEARS[0] <= day.year <= RUN_YEARS[1]:
        raise UsageError(
            Problem(
                "bad-date",
                f"{option} {quoted(shorten(value, 40))} is not a date of {RUN_YEARS[0]}-{RUN_YEARS[1]} written "
                "YYYY-MM-DD",
                hint="write it as YYYY-MM-DD, e.g. 2025-03-01",
                params={"option": option, "value": shorten(value, 40)},
            )
        )
    return value


def epoch_date() -> str | None:
    """The date of ``SOURCE_DATE_EPOCH`` (seconds since 1970, for reproducible builds), checked
    as :func:`check_date`; None when it is not set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    try:
        day = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat() if epoch.isdigit() else epoch
    except (OverflowError, OSError, ValueError):
        day = epoch
    return check_date(day, "SOURCE_DATE_EPOCH")


def run_date(given: str | None = None) -> str:
    """The run's date: the one given, else ``SOURCE_DATE_EPOCH``, else today (UTC)."""
    if given:
        return given
    return epoch_date() or dt.datetime.now(dt.UTC).date().isoformat()


def synthetic_marker(paths: Sequence[str | Path]) -> Path | None:
    """The ``SYNTHETIC-README.md`` beside one of ``paths``, if any."""
    for path in paths:
        marker = spelled_on_disk(path).parent / SYNTHETIC_README
        if marker.is_file():
            return marker
    return None


def pari_version() -> str:
    """The installed pari-index version, as ``pari --version`` prints it."""
    try:
        return metadata.version("pari-index")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def provenance_about(
    criteria: CriteriaSet, criteria_file: str | Path | None, sources: Mapping[str, Sequence[str]]
) -> dict[str, str]:
    """The about rows of the run: version, criteria hash, input hashes, run date, synthetic."""
    digest, of = criteria_hash(criteria, criteria_file)
    rows = {
        "pari_version": pari_version(),
        "criteria_sha256": digest,
        "criteria_sha256_of": of,
        "run_date": run_date(),
    }
    inputs: list[str] = []
    for role in INPUT_ROLES:
        paths = list(sources.get(role) or [])
        if paths:
            inputs += paths
            # Each file found as its readers found it (spelling.spelled_on_disk: a name typed
            # composed, decomposed on disk), so that a file read is never "-" here.
            found = [spelled_on_disk(p) for p in paths]
            rows[f"input_sha256_{role}"] = "; ".join(file_sha256(p) if p.is_file() else "-" for p in found)
    marker = synthetic_marker(inputs)
    if marker is not None:
        rows["synthetic"] = "yes"
        rows["synthetic_marker"] = marker.name
    return rows


__all__ = [
    "INPUT_ROLES",
    "RUN_YEARS",
    "SYNTHETIC_README",
    "check_date",
    "criteria_content_sha256",
    "criteria_hash",
    "epoch_date",
    "file_sha256",
    "pari_version",
    "provenance_about",
    "run_date",
    "synthetic_marker",
]
