"""A new alliance's district (``AllianceSetup.district``) and a mailing's chosen districts
(``Mailing.districts``) become official keys (AGS) like the alliances' (tenants 0006,
whose frozen slug mapping this migration uses); going back they become slugs again."""

import importlib

from django.db import migrations, models

keys = importlib.import_module("tenants.migrations.0007_district_keys")


def _mailings(apps, mapping: dict[str, str]) -> None:
    Mailing = apps.get_model("regional", "Mailing")
    for mailing in Mailing.objects.exclude(districts=[]):
        unmapped = [value for value in mailing.districts if value not in mapping]
        if unmapped:
            raise RuntimeError(
                f"Mailing {mailing.pk}: no mapping for {', '.join(unmapped)}; nothing was changed."
            )
        mailing.districts = [mapping[value] for value in mailing.districts]
        mailing.save(update_fields=["districts"])


def slugs_to_keys(apps, schema_editor):
    keys.convert(apps.get_model("regional", "AllianceSetup").objects.all(), keys.SLUG_TO_AGS)
    _mailings(apps, keys.SLUG_TO_AGS)
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def keys_to_slugs(apps, schema_editor):
    keys.convert(apps.get_model("regional", "AllianceSetup").objects.all(), keys.AGS_TO_SLUG)
    _mailings(apps, keys.AGS_TO_SLUG)
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("regional", "0019_state_owned"),
        ("tenants", "0007_district_keys"),
    ]

    operations = [
        migrations.AlterField(
            model_name="alliancesetup",
            name="district",
            field=models.CharField(max_length=40, verbose_name="district"),
        ),
        migrations.RunPython(slugs_to_keys, keys_to_slugs),
        migrations.AlterField(
            model_name="alliancesetup",
            name="district",
            field=models.CharField(max_length=5, verbose_name="district"),
        ),
    ]
