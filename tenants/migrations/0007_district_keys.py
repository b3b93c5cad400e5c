"""An alliance's district becomes the official key (AGS) of a district in ``kernel.geo``.

Until now it was one of Thuringia's 23 slugs; ``SLUG_TO_AGS`` below is frozen here (it
must not change with the application's code): every stored slug becomes its key, and
going back every key becomes its slug again. The check of the 23 slugs gives way to a
check of the key's form (five digits); whether a key is known and lies in the
alliance's state the model's ``clean()`` checks. A value that maps to nothing stops the
migration with its name rather than being lost.
"""

from django.db import migrations, models

SLUG_TO_AGS = {
    "erfurt": "16051", "gera": "16052", "jena": "16053", "suhl": "16054",
    "weimar": "16055", "eisenach": "16056", "eichsfeld": "16061", "nordhausen": "16062",
    "wartburgkreis": "16063", "unstrut-hainich-kreis": "16064", "kyffhaeuserkreis": "16065",
    "schmalkalden-meiningen": "16066", "gotha": "16067", "soemmerda": "16068",
    "hildburghausen": "16069", "ilm-kreis": "16070", "weimarer-land": "16071",
    "sonneberg": "16072", "saalfeld-rudolstadt": "16073", "saale-holzland-kreis": "16074",
    "saale-orla-kreis": "16075", "greiz": "16076", "altenburger-land": "16077",
}  # fmt: skip
AGS_TO_SLUG = {ags: slug for slug, ags in SLUG_TO_AGS.items()}


def convert(queryset, mapping: dict[str, str], field: str = "district") -> None:
    """Every row's ``field`` through ``mapping``; an unmapped value (not empty) stops."""
    unmapped = sorted(
        {
            value
            for value in queryset.values_list(field, flat=True)
            if value and value not in mapping
        }
    )
    if unmapped:
        raise RuntimeError(
            f"{queryset.model.__name__}.{field}: no mapping for {', '.join(unmapped)}; "
            "nothing was changed."
        )
    for old, new in mapping.items():
        queryset.filter(**{field: old}).update(**{field: new})


def slugs_to_keys(apps, schema_editor):
    convert(apps.get_model("tenants", "Alliance").objects.all(), SLUG_TO_AGS)
    # No deferred trigger may be pending when the column's type changes below.
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def keys_to_slugs(apps, schema_editor):
    convert(apps.get_model("tenants", "Alliance").objects.all(), AGS_TO_SLUG)
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("tenants", "0006_membership_levels"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="alliance",
            name="alliance_district_valid",
        ),
        # Wide enough for both while the values change.
        migrations.AlterField(
            model_name="alliance",
            name="district",
            field=models.CharField(max_length=40, verbose_name="district"),
        ),
        migrations.RunPython(slugs_to_keys, keys_to_slugs),
        migrations.AlterField(
            model_name="alliance",
            name="district",
            field=models.CharField(max_length=5, verbose_name="district"),
        ),
        migrations.AddConstraint(
            model_name="alliance",
            constraint=models.CheckConstraint(
                condition=models.Q(("district__regex", "^[0-9]{5}$")),
                name="alliance_district_format",
            ),
        ),
    ]
