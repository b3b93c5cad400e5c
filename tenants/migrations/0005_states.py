"""The 16 states as records, and every alliance in one of them.

The states come from ``kernel.geo.states()`` (read when the migration runs); the home
state's office (``BUENDNISNETZ_HOME_STATE``, Thuringia unless set) takes what the
installation configured in ``BUENDNISNETZ_STATE_OFFICE``, so nothing configured is lost;
every existing alliance lies in the home state. Only then is the field required.
"""

import django.db.models.deletion
import django.db.models.functions.text
import kernel.collation
import tenants.models.state
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




class Migration(migrations.Migration):

    dependencies = [
        ('tenants', '0004_german_names'),
    ]

    operations = [
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
    ]
