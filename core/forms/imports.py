from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.imports import EXTENSIONS, KINDS, MAX_FILE_SIZE, MAX_ROWS, file_extension


class ImportUploadForm(forms.Form):
    """Which kind of records, and the file (CSV or XLSX) holding them."""

    kind = forms.ChoiceField(label=_("What do you want to import?"), widget=forms.RadioSelect)
    file = forms.FileField(
        label=_("File"),
        error_messages={"empty": _("The file is empty.")},
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.xlsx,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def __init__(self, *args, kinds: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext(
            "CSV (separated by semicolons or commas, UTF-8 or Windows encoding) or Excel "
            "workbook (.xlsx, first worksheet); at most %(size)s MB and %(rows)s rows."
        ) % {"size": MAX_FILE_SIZE // (1024 * 1024), "rows": MAX_ROWS}
        self.fields["kind"].choices = [(code, KINDS[code].label) for code in kinds]
        if len(kinds) == 1:
            self.fields["kind"].initial = kinds[0]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if file_extension(upload.name) not in EXTENSIONS:
            raise forms.ValidationError(
                gettext("Only CSV files (.csv) and Excel workbooks (.xlsx) can be imported.")
            )
        if upload.size > MAX_FILE_SIZE:
            raise forms.ValidationError(
                gettext("The file is larger than %(size)s MB. Please split it into smaller files.")
                % {"size": MAX_FILE_SIZE // (1024 * 1024)}
            )
        return upload

    @property
    def extension(self) -> str:
        return file_extension(self.cleaned_data["file"].name)
