"""What a finding says, in Vietnamese and English: the message catalogue, and numbers as each
language writes them.

A finding (a :class:`pari_index.errors.Problem`, or a row of the findings table) carries a stable
``kind`` (a machine id such as ``self-score-differs``, kept for filtering) and, where it has any,
its named parameters (``params``: the cell's value, the points, the criterion). Every output
renders the text once, in its own language, from :data:`CATALOGUE`: the kind's title, the message
template filled with the parameters (numbers with :func:`format_number`, inputs by their labels)
and the hint. No output shows the kind itself as the label of a finding.

A finding without parameters (a few file-level problems still build their English sentence
directly) is shown with its English message in English outputs and with the catalogue's generic
sentence in Vietnamese ones, so that a Vietnamese output never falls back to English.

This package is shared by every stage (tests/test_architecture.py): it imports no stage. Its
modules, by stage: the words of each stage's findings and errors (``criteria``, ``intake_cells``,
``intake_files``, ``scoring``, ``outputs``, ``command_line``), assembled in ``catalogue``; the words
of values (``labels``); numbers (``numbers``); rendering a finding in one language (``rendering``,
which imports no polars) and the findings table in one language (``findings_table``); the
Vietnamese of texts written in English elsewhere: a raise site's own hints (``hints``), PyYAML's
reasons (``yaml_words``), click's usage errors (``click_words``) and why an evidence file cannot be
used (``evidence_notes``).
Import from ``pari_index.messages``: the modules are its layout, not its interface.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pari_index.messages.catalogue import CATALOGUE, STOPPING, catalogue_markdown, entry_of, title
    from pari_index.messages.command_line import DEMO_FILES, PROGRESS, STOPPED, VALIDATED, progress_text
    from pari_index.messages.findings_table import localise_findings
    from pari_index.messages.labels import (
        ANSWERS,
        PARAM_WORDS,
        SCORED,
        SEVERITY,
        STATUS,
        VIETNAMESE_MARK,
        set_text,
        severity_text,
        status_text,
    )
    from pari_index.messages.numbers import MINUS, format_date, format_number, iso_date
    from pari_index.messages.rendering import (
        WRITTEN_IN,
        InputLabel,
        counted,
        params_json,
        parse_params,
        render,
        render_hint,
    )
    from pari_index.messages.words import Entry, Words

#: Where each name of the interface lives. They are imported on first use: the findings' modules
#: import polars, which ``pari --help`` (its words are in ``help_words``) must not wait for.
_HOMES: dict[str, str] = {
    "CATALOGUE": "catalogue",
    "STOPPING": "catalogue",
    "catalogue_markdown": "catalogue",
    "entry_of": "catalogue",
    "title": "catalogue",
    "DEMO_FILES": "command_line",
    "PROGRESS": "command_line",
    "STOPPED": "command_line",
    "VALIDATED": "command_line",
    "progress_text": "command_line",
    "ANSWERS": "labels",
    "PARAM_WORDS": "labels",
    "SCORED": "labels",
    "SEVERITY": "labels",
    "STATUS": "labels",
    "VIETNAMESE_MARK": "labels",
    "set_text": "labels",
    "severity_text": "labels",
    "status_text": "labels",
    "MINUS": "numbers",
    "format_date": "numbers",
    "format_number": "numbers",
    "iso_date": "numbers",
    "WRITTEN_IN": "rendering",
    "InputLabel": "rendering",
    "localise_findings": "findings_table",
    "params_json": "rendering",
    "parse_params": "rendering",
    "render": "rendering",
    "counted": "rendering",
    "render_hint": "rendering",
    "Entry": "words",
    "Words": "words",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "ANSWERS",
    "CATALOGUE",
    "DEMO_FILES",
    "MINUS",
    "PARAM_WORDS",
    "PROGRESS",
    "SCORED",
    "SEVERITY",
    "STATUS",
    "STOPPED",
    "STOPPING",
    "VALIDATED",
    "VIETNAMESE_MARK",
    "WRITTEN_IN",
    "Entry",
    "InputLabel",
    "Words",
    "catalogue_markdown",
    "counted",
    "entry_of",
    "format_date",
    "format_number",
    "iso_date",
    "localise_findings",
    "params_json",
    "parse_params",
    "progress_text",
    "render",
    "render_hint",
    "set_text",
    "severity_text",
    "status_text",
    "title",
]
