"""The catalogue: every finding kind with its words, assembled from the stages' tables, and
docs/findings.md generated from it."""

from __future__ import annotations

from pari_index.messages.command_line import COMMAND_LINE_PROBLEMS
from pari_index.messages.criteria import CRITERIA_PROBLEMS
from pari_index.messages.intake_cells import CELL_FINDINGS
from pari_index.messages.intake_files import READING_FINDINGS, REGISTER_FINDINGS
from pari_index.messages.labels import PARAM_WORDS
from pari_index.messages.library_errors import LIBRARY_ERRORS
from pari_index.messages.outputs import OUTPUT_PROBLEMS
from pari_index.messages.scoring import SCORING_FINDINGS
from pari_index.messages.words import Entry

#: Errors that stop a run before anything is written (criteria YAML, outputs, the command line) and
#: the findings of criteria validation. Their English message is the problem's own (it says more);
#: the Vietnamese one is the catalogue's, filled with the problem's parameters where it has them,
#: else its title, with the place and the hint: the console speaks the run's language.
STOPPING: dict[str, Entry] = {**CRITERIA_PROBLEMS, **OUTPUT_PROBLEMS, **COMMAND_LINE_PROBLEMS}

#: Every finding kind that can reach an output (the findings table, the report, ``pari explain``,
#: the console summary of ``pari score``). tests/test_messages.py checks that every kind the source
#: emits is here, in both languages.
CATALOGUE: dict[str, Entry] = {
    **SCORING_FINDINGS,
    **CELL_FINDINGS,
    **REGISTER_FINDINGS,
    **READING_FINDINGS,
    **STOPPING,
    **LIBRARY_ERRORS,
}


def entry_of(kind: str) -> Entry | None:
    """The catalogue's words for ``kind``; a ``schema:<type>`` of pydantic's that has none of its own
    gets the words of ``schema``."""
    entry = CATALOGUE.get(kind)
    if entry is None and kind.startswith("schema:"):
        return CATALOGUE["schema"]
    return entry


def title(kind: str, lang: str) -> str:
    """The title of a finding kind in ``lang`` (a kind outside the catalogue: a generic title)."""
    entry = entry_of(kind)
    if entry is None:
        return "Vấn đề khác" if lang == "vi" else "Other problem"
    return entry.title.get(lang)


#: Shows an input by its label: (criterion id, input id) -> label, or None when unknown.


def catalogue_markdown() -> str:
    """docs/findings.md: every finding kind with its words in both languages (tests/test_messages.py
    checks that the file is this text)."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("{{", "{").replace("}}", "}")

    lines = [
        "# Finding kinds in Vietnamese and English",
        "",
        "Generated from `pari_index.messages.CATALOGUE` by `catalogue_markdown()`; tests/test_messages.py",
        "fails when the two differ (it prints the command that writes this file again).",
        "The kind is the stable id of the `kind` column, for filtering; outputs show the title, message",
        "and hint in their language, the message filled with the finding's parameters (`{name}`).",
        "",
        "| kind | title (vi / en) | message (vi / en) | hint (vi / en) |",
        "|---|---|---|---|",
    ]
    for kind, entry in sorted(CATALOGUE.items()):
        hint = f"{cell(entry.hint.vi)}<br>{cell(entry.hint.en)}" if entry.hint else "—"
        lines.append(
            f"| `{kind}` | {cell(entry.title.vi)}<br>{cell(entry.title.en)} | "
            f"{cell(entry.message.vi)}<br>{cell(entry.message.en)} | {hint} |"
        )
    lines += [
        "",
        "## Parameters shown as words",
        "",
        "Generated from `pari_index.messages.PARAM_WORDS`. A parameter of these names holds a key; the",
        "message shows the key's words in its language, filled in turn with the finding's other",
        'parameters. The key `""` stands for a finding that does not give one (a table written before).',
        "",
        "| parameter | key | words (vi / en) |",
        "|---|---|---|",
    ]
    for name, words_of in sorted(PARAM_WORDS.items()):
        for key, words in words_of.items():
            lines.append(f"| `{name}` | `{key}` | {cell(words.vi)}<br>{cell(words.en)} |")
    return "\n".join(lines) + "\n"
