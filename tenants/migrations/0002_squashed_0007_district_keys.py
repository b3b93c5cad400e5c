"""Squashed tenants 0002-0007 (the operations of each, unchanged and in order).

0005_states: The 16 states as records, and every alliance in one of them.

The states come from ``kernel.geo.states()`` (read when the migration runs); the home
state's office (``BUENDNISNETZ_HOME_STATE``, Thuringia unless set) takes what the
installation configured in ``BUENDNISNETZ_STATE_OFFICE``, so nothing configured is lost;
every existing alliance lies in the home state. Only then is the field required.

0007_district_keys: An alliance's district becomes the official key (AGS) of a district in ``kernel.geo``.

Until now it was one of Thuringia's 23 slugs; ``SLUG_TO_AGS`` below is frozen here (it
must not change with the application's code): every stored slug becomes its key, and
going back every key becomes its slug again. The check of the 23 slugs gives way to a
check of the key's form (five digits); whether a key is known and lies in the
alliance's state the model's ``clean()`` checks. A value that maps to nothing stops the
migration with its name rather than being lost.
"""

import django.db.models.deletion
import django.db.models.functions.text
import kernel.collation
import tenants.models.state
import uuid
from django.conf import settings
from django.db import migrations, models


def create_states(apps, schema_editor):
    from kernel.geo import states

    State = apps.get_model("tenants", "State")
    Alliance = apps.get_model("tenants", "Alliance")
    for item in states():
        State.objects.get_or_create(key=item.key, defaults={"name": item.name})
    office = getattr(settings, "BUENDNISNETZ_STATE_OFFICE", None) or {}
    home = State.objects.get(key=settings.BUENDNISNETZ_HOME_STATE)
    home.host_organisation = office.get("host_organisation", "")[:200]
    home.address = "\n".join(office.get("address_lines", []))[:500]
    home.contact_name = office.get("contact_name", "")[:200]
    home.email = office.get("email", "")[:254]
    home.phone = office.get("phone", "")[:50]
    home.save()
    Alliance.objects.filter(state__isnull=True).update(state=home)
    # The foreign key's check is deferred; it must run before the column becomes
    # NOT NULL in this transaction ("pending trigger events").
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def remove_states(apps, schema_editor):
    apps.get_model("tenants", "Alliance").objects.update(state=None)
    apps.get_model("tenants", "State").objects.all().delete()
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def state_roles_to_home_state(apps, schema_editor):
    # Every state role so far was held for the one state the installation served.
    Membership = apps.get_model("tenants", "Membership")
    Membership.objects.filter(
        alliance__isnull=True, role__in=["ministry", "state_coordinator"]
    ).update(state_id=settings.BUENDNISNETZ_HOME_STATE)


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

    replaces = [
        ('tenants', '0002_carers'),
        ('tenants', '0003_user_access_stamp'),
        ('tenants', '0004_german_names'),
        ('tenants', '0005_states'),
        ('tenants', '0006_membership_levels'),
        ('tenants', '0007_district_keys'),
    ]

    dependencies = [
        ('tenants', '0001_squashed_0006_plausible_dates'),
    ]

    operations = [
        # 0002_carers
        migrations.RemoveConstraint(
            model_name='membership',
            name='membership_role_matches_scope',
        ),
        migrations.AlterField(
            model_name='membership',
            name='role',
            field=models.CharField(choices=[('state_coordinator', 'State coordinator'), ('ministry', 'Ministry'), ('local_coordinator', 'Local coordinator'), ('board_member', 'Board member'), ('partner_contact', 'Partner contact'), ('pool_staff', 'Childcare pool staff')], max_length=30, verbose_name='role'),
        ),
        migrations.AddConstraint(
            model_name='membership',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('alliance__isnull', True), ('role__in', ['ministry', 'state_coordinator'])), models.Q(('alliance__isnull', False), ('role__in', ['board_member', 'local_coordinator', 'partner_contact', 'pool_staff'])), _connector='OR'), name='membership_role_matches_scope', violation_error_message='State roles are held without an alliance, alliance roles need one.'),
        ),
        # 0003_user_access_stamp
        migrations.AddField(
            model_name='user',
            name='access_stamp',
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        # 0004_german_names
        migrations.AlterModelOptions(
            name='alliance',
            options={'ordering': [models.OrderBy(kernel.collation.GermanName('name'))], 'verbose_name': 'alliance', 'verbose_name_plural': 'alliances'},
        ),
        migrations.AlterModelOptions(
            name='membership',
            options={'ordering': [models.OrderBy(kernel.collation.GermanName('alliance__name')), 'role'], 'verbose_name': 'membership', 'verbose_name_plural': 'memberships'},
        ),
        migrations.AlterField(
            model_name='user',
            name='access_stamp',
            field=models.UUIDField(default=uuid.uuid4, editable=False, verbose_name='access stamp'),
        ),
        # 0005_states
        migrations.CreateModel(
            name='State',
            fields=[
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail address')),
                ('phone', models.CharField(blank=True, max_length=50, verbose_name='phone')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('key', models.CharField(help_text='The two digits of the official municipality key, 16 for Thuringia.', max_length=2, primary_key=True, serialize=False, verbose_name='official key')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('office_name', models.CharField(blank=True, help_text='Left empty, the office is called "State coordination" and the state.', max_length=200, verbose_name='name of the coordination office')),
                ('host_organisation', models.CharField(blank=True, help_text="The organisation that hosts the state's coordination office.", max_length=200, verbose_name='host organisation')),
                ('address', models.TextField(blank=True, help_text='One line each: street and number, postcode and town.', max_length=500, verbose_name='postal address')),
                ('contact_name', models.CharField(blank=True, max_length=200, verbose_name='contact person')),
                ('website', models.URLField(blank=True, verbose_name='website')),
                ('ministry', models.CharField(blank=True, help_text='The ministry the coordination office reports to.', max_length=300, verbose_name='ministry')),
                ('logo', models.FileField(blank=True, upload_to=tenants.models.state.state_logo_path, verbose_name='logo or coat of arms')),
            ],
            options={
                'verbose_name': 'state',
                'verbose_name_plural': 'states',
                'ordering': [models.OrderBy(kernel.collation.GermanName('name'))],
                'constraints': [models.UniqueConstraint(django.db.models.functions.text.Lower('name'), name='state_name_unique_ci'), models.CheckConstraint(condition=models.Q(('key__regex', '^[0-9]{2}$')), name='state_key_format')],
            },
        ),
        migrations.AddField(
            model_name='alliance',
            name='state',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='alliances', to='tenants.state', verbose_name='state'),
        ),
        migrations.RunPython(create_states, remove_states),
        migrations.AlterField(
            model_name='alliance',
            name='state',
            field=models.ForeignKey(default=tenants.models.state.home_state_key, on_delete=django.db.models.deletion.PROTECT, related_name='alliances', to='tenants.state', verbose_name='state'),
        ),
        # 0006_membership_levels
        migrations.RemoveConstraint(
            model_name="membership",
            name="membership_role_matches_scope",
        ),
        migrations.AddField(
            model_name="membership",
            name="state",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="memberships",
                to="tenants.state",
                verbose_name="state",
            ),
        ),
        migrations.RunPython(state_roles_to_home_state, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="membership",
            name="role",
            field=models.CharField(
                choices=[
                    ("state_coordinator", "State coordinator"),
                    ("ministry", "Ministry"),
                    ("local_coordinator", "Local coordinator"),
                    ("board_member", "Board member"),
                    ("partner_contact", "Partner contact"),
                    ("pool_staff", "Childcare pool staff"),
                    ("federal_office", "Federal service office"),
                ],
                max_length=30,
                verbose_name="role",
            ),
        ),
        migrations.AddConstraint(
            model_name="membership",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("alliance__isnull", True),
                        ("role__in", ["ministry", "state_coordinator"]),
                        ("state__isnull", False),
                    ),
                    models.Q(
                        ("alliance__isnull", False),
                        (
                            "role__in",
                            ["board_member", "local_coordinator", "partner_contact", "pool_staff"],
                        ),
                        ("state__isnull", True),
                    ),
                    models.Q(
                        ("alliance__isnull", True),
                        ("role__in", ["federal_office"]),
                        ("state__isnull", True),
                    ),
                    _connector="OR",
                ),
                name="membership_role_matches_level",
                violation_error_message="State roles are held for a state without an alliance, alliance roles in an alliance, the federal service office's role without either.",
            ),
        ),
        # 0007_district_keys
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
