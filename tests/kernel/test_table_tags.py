"""The tags of hand-written tables: ``{% tablewrap %}`` puts each in its scrolling box (or
says that there are no rows), ``{% table_head %}`` writes its head."""

from __future__ import annotations

import pytest
from django.template import Context, Template, TemplateSyntaxError

WRAPPED = (
    '<div class="table-wrap" tabindex="0"><table class="table"><tbody>{}</tbody></table></div>'
)
TABLE = (
    "{% load pages %}{% tablewrap rows %}<tbody>{% for row in rows %}<tr><td>{{ row }}</td></tr>"
    "{% endfor %}</tbody>{% empty %}<p>none</p>{% endtablewrap %}"
)


def test_rows_stand_in_a_table_inside_the_scrolling_box():
    html = Template(TABLE).render(Context({"rows": ["a<b"]}))
    assert html == WRAPPED.format("<tr><td>a&lt;b</td></tr>")


def test_no_rows_show_what_follows_empty():
    assert Template(TABLE).render(Context({"rows": []})) == "<p>none</p>"
    assert Template(TABLE).render(Context({})) == "<p>none</p>"


def test_without_rows_the_table_is_always_shown_and_without_empty_nothing_is():
    always = "{% load pages %}{% tablewrap %}<tbody></tbody>{% endtablewrap %}"
    assert Template(always).render(Context({})) == WRAPPED.format("")
    bare = "{% load pages %}{% tablewrap rows %}<tbody></tbody>{% endtablewrap %}"
    assert Template(bare).render(Context({"rows": []})) == ""


def test_more_than_one_argument_is_refused():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load pages %}{% tablewrap a b %}{% endtablewrap %}")


def test_table_head_aligns_the_columns_of_figures_right():
    html = Template('{% load pages %}{% table_head "Year" numbers=labels %}').render(
        Context({"labels": ["Partners", "Funding"]})
    )
    assert html == (
        '<thead><tr><th scope="col">Year</th><th scope="col" class="number">Partners</th>'
        '<th scope="col" class="number">Funding</th></tr></thead>'
    )
