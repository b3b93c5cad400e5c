"""The form pieces every library shares: a document's fields, a new version, and the
list's search."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kernel.text import PlainTextForm, interpolate_lazy
from kernel.uploads import ATTACHMENT_TYPES_LABEL

FILE_HELP = _("Allowed: %(types)s, at most 20 MB.")
SORTS = (
    ("-updated", _("Newest first")),
    ("updated", _("Oldest first")),
    ("title", _("Title A–Z")),
    ("-title", _("Title Z–A")),
)


def file_field(required: bool = True) -> forms.FileField:
    return forms.FileField(
        label=_("File"),
        required=required,
        help_text=interpolate_lazy(FILE_HELP, {"types": ATTACHMENT_TYPES_LABEL}),
    )


def audience_field(*, label, choices, help_text) -> forms.MultipleChoiceField:
    """The roles besides the library's keepers who see a document, ticked; none needed."""
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


class DocumentFormBase(PlainTextForm, forms.ModelForm):
    """Title, description, tags (comma-separated) and, for a new document, its first
    file; the room's form adds its visibility fields to ``Meta.fields``."""

    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=600,
        help_text=_("Separated by commas, e.g. guide, public relations."),
    )
    file = file_field()
    note = forms.CharField(label=_("Note on this version"), required=False, max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Versions are uploaded on the document's page, one at a time.
            del self.fields["file"], self.fields["note"]
            self.initial["tags"] = ", ".join(self.instance.tags or ())

    def _post_clean(self):
        # The services validate the record (tags are cleaned there); the form only
        # checks its own fields.
        pass


class VersionForm(PlainTextForm, forms.Form):
    file = file_field()
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=300,
        help_text=_("What changed in this version."),
    )


class LibrarySearchForm(PlainTextForm, forms.Form):
    q = forms.CharField(label=_("Search title or tag"), required=False, max_length=100)
    tag = forms.ChoiceField(label=_("Tag"), required=False)
    sort = forms.ChoiceField(label=_("Sort"), required=False, choices=SORTS)

    def __init__(self, *args, tags=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = [("", _("All tags")), *((tag, tag) for tag in tags)]
