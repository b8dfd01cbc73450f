"""The week page's distress section drawn in Python (journal/week_distress.py):
the same HTML as journal/includes/week_distress.html, and values only as text."""

from dataclasses import dataclass

import pytest
from django.template import engines
from django.utils import translation

from journal.stats import DistressFigures, DistressSummary
from journal.week_distress import render_week_distress


@dataclass
class Report:
    distress: DistressSummary
    most_helpful_skill_name: str | None = None
    distress_by_skill: tuple = ()


def _template(report) -> str:
    include = engines["django"].from_string(
        '{% include "journal/includes/week_distress.html" %}'
    )
    return include.render({"report": report})


ONE = DistressFigures(None, 1, 7.0, 4.0)
MANY = DistressFigures(None, 12, 6.4, 3.25)
CALM = DistressFigures("communication", 2, 3.0, 3.0)
LOWER = DistressFigures("distress-tolerance", 1, 8.5, 2.0)

REPORTS = [
    Report(DistressSummary(ONE, (ONE,))),
    Report(DistressSummary(MANY, (LOWER,)), "Distress tolerance"),
    Report(
        DistressSummary(MANY, (LOWER, CALM)),
        "Distress tolerance",
        (("Distress tolerance", LOWER), ("Communication skills", CALM)),
    ),
    Report(DistressSummary(MANY, (CALM, CALM)), None, (("A", CALM), ("B", CALM))),
]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("report", REPORTS)
def test_the_section_is_the_templates_html(report, language):
    with translation.override(language):
        assert render_week_distress(report) == _template(report)


def test_markup_in_a_skills_name_is_text():
    name = '<b>Bold</b> & "quoted"'
    report = Report(
        DistressSummary(MANY, (LOWER, CALM)), name, ((name, LOWER), (name, CALM))
    )

    drawn = render_week_distress(report)

    assert "<b>" not in drawn
    assert drawn.count("&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot;") == 3
    assert drawn == _template(report)


def test_spanish_figures_have_a_decimal_comma():
    with translation.override("es"):
        drawn = render_week_distress(REPORTS[1])

    assert "6,4" in drawn and "6.4" not in drawn
    assert "<strong>Distress tolerance</strong>" in drawn
