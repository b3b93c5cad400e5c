"""What every form page shows around its fields (templates/core/_error_summary.html and
templates/core/_required_note.html):

- ``{% errorsummary form %}…{% enderrorsummary %}``: when ``form`` has errors, the box at
  the top of the page listing each of them as a link to its field, and the form's own
  errors. What stands between the tags is the box's heading; without it the heading
  says "Please correct the marked entries. Nothing has been saved." A page extending
  core/form.html words it in its ``error_text`` block. ``{% errorsummary form unlinked %}``
  lists the errors as text: for a form whose fields the page does not show (buttons
  that send fixed values).
- ``form|asks_required``: whether ``form`` shows a required field (then the form says
  once that those are marked with *).
"""

from __future__ import annotations

from django import template
from django.template.base import Node, NodeList
from django.utils.safestring import mark_safe

register = template.Library()

SUMMARY_TEMPLATE = "core/_error_summary.html"


class ErrorSummaryNode(Node):
    child_nodelists = ("nodelist",)  # a {% block %} inside stays overridable

    def __init__(self, form, nodelist: NodeList, *, linked: bool = True):
        self.form = form
        self.nodelist = nodelist
        self.linked = linked

    def render(self, context) -> str:
        form = self.form.resolve(context)
        if not form or not form.errors:
            return ""
        # What the template rendered is escaped already (its variables): kept as it is.
        title = mark_safe(self.nodelist.render(context).strip())  # noqa: S308
        summary = context.template.engine.get_template(SUMMARY_TEMPLATE)
        with context.push(form=form, summary_title=title, summary_linked=self.linked):
            return summary.render(context)


@register.tag
def errorsummary(parser, token):
    bits = token.split_contents()
    if len(bits) not in (2, 3) or bits[2:] not in ([], ["unlinked"]):
        raise template.TemplateSyntaxError(
            "Use {% errorsummary form %} or {% errorsummary form unlinked %}."
        )
    nodelist = parser.parse(("enderrorsummary",))
    parser.delete_first_token()
    form = parser.compile_filter(bits[1])
    return ErrorSummaryNode(form, nodelist, linked=bits[2:] != ["unlinked"])


@register.filter
def asks_required(form) -> bool:
    """Whether one of ``form``'s visible fields must be filled in."""
    if not form or not hasattr(form, "visible_fields"):
        return False
    return any(field.field.required and not field.field.disabled for field in form.visible_fields())
