"""``{% menu_items %}``: the area menu's entries as list items, written as the template
loop it replaced wrote them (tenants/navigation.py gives the entries)."""

from __future__ import annotations

from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext_lazy

# templates/base.html's loop before the tag: the tag must write exactly this.
LOOP = Template(
    '{% for label, url, current in area_menu %}<li><a href="{{ url }}"'
    '{% if current %} aria-current="page"{% endif %}>{{ label }}</a></li>{% endfor %}'
)
TAG = Template("{% load pages %}{% menu_items area_menu %}")


def test_the_entries_are_written_as_the_loop_wrote_them_the_current_one_marked():
    entries = [
        (gettext_lazy("Partners"), "/workspace/partners/", True),
        (gettext_lazy("Projects"), "/workspace/projects/?a=1&b=2", False),
        ("Tom & Jerry's <script>", '/x/"y"/', False),
    ]
    with translation.override("de"):
        written = TAG.render(Context({"area_menu": entries}))
        assert written == LOOP.render(Context({"area_menu": entries}))
    assert written.count('aria-current="page"') == 1
    assert '<a href="/workspace/partners/" aria-current="page">Partner</a>' in written
    assert "Tom &amp; Jerry&#x27;s &lt;script&gt;" in written
    assert 'href="/x/&quot;y&quot;/"' in written
    assert "?a=1&amp;b=2" in written


def test_no_entries_write_nothing():
    assert TAG.render(Context({"area_menu": []})) == ""
