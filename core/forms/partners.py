from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import ContactPerson, Measure, Partner
from kernel.crud.forms import RecordForm


class PartnerForm(RecordForm):
    class Meta:
        model = Partner
        fields = [
            "name", "kind", "size_class", "street", "postcode", "city", "website",
            "joined_on", "left_on", "status", "public_listing_consent", "measures",
            "description",
        ]  # fmt: skip
        widgets = {"measures": forms.CheckboxSelectMultiple}
        text_rows = 4
        querysets = {"measures": Measure.objects.filter(is_active=True)}

    def clean_name(self):
        # The database refuses the duplicate too; checking here puts the message at the field.
        name = self.cleaned_data["name"].strip()
        duplicates = Partner.objects.filter(name__iexact=name)
        if self.instance.pk:
            duplicates = duplicates.exclude(pk=self.instance.pk)
        if duplicates.exists():
            raise forms.ValidationError(_("A partner with this name already exists."))
        return name


class ContactPersonForm(RecordForm):
    class Meta:
        model = ContactPerson
        fields = ["first_name", "last_name", "position", "email", "phone", "is_primary"]


class MeasureForm(RecordForm):
    class Meta:
        model = Measure
        fields = ["name", "category", "description", "is_active"]
        text_rows = 10
