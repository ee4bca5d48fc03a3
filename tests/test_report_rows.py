"""Rows the report builds in Python (report_format.profile_area_rows, finding_rows) write what the
templates wrote one value at a time: ``html_value`` is ``{{ value }}`` under the report's
environment (autoescape, controls made visible), for any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from pari_index.outputs.report import _environment
from pari_index.outputs.report_format import finding_rows, html_value, profile_area_rows
from pari_index.outputs.report_method import ProfileArea

ENV = _environment()
# Quotes, ampersands, angle brackets, controls, bidi controls and Vietnamese letters.
TEXT = st.text(alphabet="aĐ ờã&<>'\"\x00\x07\x1b\t\n\u202e\u2066\u2069\x85", max_size=30)
VALUES = st.one_of(TEXT, st.none(), st.integers(), st.floats(allow_nan=False), TEXT.map(Markup))


@given(VALUES)
def test_html_value_is_what_the_template_writes(value: object) -> None:
    assert html_value(value) == ENV.from_string("{{ v }}").render(v=value)


@given(st.lists(st.tuples(TEXT, TEXT, TEXT, TEXT, TEXT, st.sampled_from(["above", "below", ""])), max_size=4))
def test_profile_rows_are_the_template_s(rows: list[tuple[str, ...]]) -> None:
    areas = [ProfileArea(*row) for row in rows]
    template = ENV.from_string(
        '{% for a in areas %}<tr><th scope="row"><abbr title="{{ a.title|isolate }}">{{ a.short }}</abbr></th>'
        '<td class="num">{{ a.points }}</td><td class="num">{{ a.median }}</td><td class="num{% if a.side %} '
        '{{ a.side }}{% endif %}">{{ a.diff }}</td></tr>\n{% endfor %}'
    )
    assert str(profile_area_rows(areas)) == template.render(areas=areas)


class _Finding:
    def __init__(self, *values: str) -> None:
        (self.severity, self.severity_label, self.kind, self.criterion, self.where) = values[:5]
        (self.message, self.hint, self.title) = values[5:]


@given(st.lists(st.tuples(*[TEXT] * 8), max_size=4))
def test_finding_rows_are_the_template_s(rows: list[tuple[str, ...]]) -> None:
    findings = [_Finding(*row) for row in rows]
    template = ENV.from_string(
        "{% for f in findings %}\n"
        '<tr class="sev-{{ f.severity }}" data-kind="{{ f.kind }}"><td>{{ f.severity_label }}<td>{{ f.title|bdi }}'
        "<td>{{ f.criterion|bdi }}<td>{{ f.message|bdi }}<td>{{ f.hint|bdi }}<td>{{ f.where|bdi }}\n"
        "{% endfor %}\n"
    )
    assert str(finding_rows(findings)) == template.render(findings=findings)
