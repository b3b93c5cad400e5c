"""``{% tablewrap %}``: every hand-written table in its scrolling box, or the text for
no rows."""

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
