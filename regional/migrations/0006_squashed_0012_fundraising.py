"""The state layer's tables and figures added by issue 16 (regional 0006-0012, squashed):
starter templates, the state dashboard's new figures, the regional workshops (world café
at the strategy meeting), the state area's legal pages and the certification programme
templates. Schema only: none of the old migrations moved data.

A database with all seven old migrations recorded counts this one as applied.
"""

import django.core.validators
import django.db.models.deletion
import django.db.models.functions.text
import kernel.dates
import kernel.starter
import kernel.workshops.migration_fields as workshop_tables
from django.db import migrations, models
from kernel.migration_fields import stamped

# The state dashboard's new figures: one column each on the snapshot, in this order.
SNAPSHOT_FIGURES = [
    ('care_hours_per_month', models.PositiveIntegerField(default=0, verbose_name='care hours per month')),
    ('carers_active', models.PositiveIntegerField(default=0, verbose_name='active carers')),
    ('employers_paying', models.PositiveIntegerField(default=0, verbose_name='employers paying for care')),
    ('placements_running', models.PositiveIntegerField(default=0, verbose_name='running placements')),
    ('agreements_in_force', models.PositiveIntegerField(default=0, verbose_name='cooperation agreements in force')),
    ('certificates_by_kind', models.JSONField(default=dict, verbose_name='valid certificates by programme kind')),
    ('certified_employers', models.PositiveIntegerField(default=0, verbose_name='certified employers')),
    ('circle_grants_total', models.DecimalField(decimal_places=2, default=0, max_digits=14, verbose_name='grants of the fundraising circle (EUR)')),
    ('circle_members', models.PositiveIntegerField(default=0, verbose_name='members of the fundraising circle')),
]


class Migration(migrations.Migration):

    replaces = [('regional', '0006_onboarding'), ('regional', '0007_carers'), ('regional', '0008_workshops'), ('regional', '0009_careguides'), ('regional', '0010_publicsite'), ('regional', '0011_certification'), ('regional', '0012_fundraising')]

    dependencies = [
        ('regional', '0005_agendaentry_becomes_agendaitem'),
        ('tenants', '0001_squashed_0006_plausible_dates'),
    ]

    operations = [
        *(
            migrations.AddField(model_name='alliancesnapshot', name=name, field=field)
            for name, field in SNAPSHOT_FIGURES
        ),
        migrations.CreateModel(
            name='StarterTemplate',
            fields=[
                *stamped(),
                ('kind', models.CharField(choices=kernel.starter.starter_kind_choices, max_length=40, verbose_name='kind')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('category', models.CharField(blank=True, max_length=30, verbose_name='category')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('is_active', models.BooleanField(default=True, help_text='Only active templates are copied into a new alliance.', verbose_name='copied into new alliances')),
            ],
            options={
                'verbose_name': 'starter template',
                'verbose_name_plural': 'starter templates',
                'ordering': ['kind', 'name'],
                'constraints': [models.UniqueConstraint(models.F('kind'), django.db.models.functions.text.Lower('name'), name='starter_template_kind_name_unique_ci', violation_error_message='A template of this kind with this name exists already.')],
            },
        ),
        # The workshop tables: fields and options frozen in kernel.workshops.migration_fields,
        # shared with core 0002 (both rooms extend the same abstract workshop models).
        migrations.CreateModel(
            name='RegionalWorkshop',
            fields=workshop_tables.workshop_fields('meeting', 'regional.regionalmeeting'),
            options=workshop_tables.workshop_options('meeting'),
        ),
        migrations.CreateModel(
            name='RegionalTable',
            fields=workshop_tables.topic_fields('regional.regionalworkshop'),
            options=workshop_tables.topic_options('regional_table_title_once'),
        ),
        migrations.CreateModel(
            name='RegionalRegistration',
            fields=workshop_tables.registration_fields(
                ('alliance', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='regional_workshop_registrations', to='tenants.alliance', verbose_name='alliance')),
                ('wishes', workshop_tables.wishes_among('regional.regionaltable')),
                ('workshop', workshop_tables.on_workshop('regional.regionalworkshop', 'registrations')),
            ),
            options=workshop_tables.registration_options('regional_registration_once'),
        ),
        migrations.CreateModel(
            name='RegionalSeat',
            fields=workshop_tables.assignment_fields('regional.regionalregistration', 'regional.regionaltable', 'table'),
            options=workshop_tables.assignment_options('regional_seat_once_per_round'),
        ),
        migrations.CreateModel(
            name='StateLegalPage',
            fields=[
                *stamped(),
                ('kind', models.CharField(choices=[('impressum', 'Legal notice'), ('datenschutz', 'Privacy policy'), ('barrierefreiheit', 'Accessibility statement')], max_length=20, unique=True, verbose_name='page')),
                ('text', models.TextField(blank=True, max_length=30000, verbose_name='text')),
            ],
            options={
                'verbose_name': 'legal page of the state area',
                'verbose_name_plural': 'legal pages of the state area',
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='TemplateGroup',
            fields=[
                *stamped(),
                ('key', models.SlugField(max_length=60, unique=True, verbose_name='short name')),
                ('name', models.CharField(max_length=200, unique=True, verbose_name='name')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('weight', models.PositiveSmallIntegerField(default=1, help_text='From 1 to 10: how much it counts in the score.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(10)], verbose_name='weight')),
            ],
            options={
                'verbose_name': 'template criterion group',
                'verbose_name_plural': 'template criterion groups',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='TemplateCriterion',
            fields=[
                *stamped(),
                ('text', models.CharField(max_length=300, verbose_name='criterion')),
                ('weight', models.PositiveSmallIntegerField(default=1, help_text='From 1 to 10: how much it counts in the score.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(10)], verbose_name='weight')),
                ('is_required', models.BooleanField(default=False, verbose_name='required')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                ('group', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='criteria', to='regional.templategroup', verbose_name='group')),
            ],
            options={
                'verbose_name': 'template criterion',
                'verbose_name_plural': 'template criteria',
                'ordering': ['group', 'position', 'text'],
            },
        ),
        migrations.CreateModel(
            name='CertificationTemplate',
            fields=[
                *stamped(),
                ('key', models.SlugField(max_length=60, unique=True, verbose_name='short name')),
                ('name', models.CharField(max_length=200, unique=True, verbose_name='name')),
                ('kind', models.CharField(choices=[('family', 'Family friendliness'), ('diversity', 'Diversity'), ('other', 'Other')], default='family', max_length=20, verbose_name='kind')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('validity_years', models.PositiveSmallIntegerField(default=3, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(10)], verbose_name='validity in years')),
                ('renewal_rules', models.TextField(blank=True, verbose_name='renewal rules')),
                ('pass_threshold', models.PositiveSmallIntegerField(default=0, help_text='The review score in percent that an employer must reach (0 to 100).', validators=[django.core.validators.MaxValueValidator(100)], verbose_name='pass threshold (percent of the score)')),
                ('is_published', models.BooleanField(default=True, verbose_name='offered to the alliances')),
                ('groups', models.ManyToManyField(blank=True, related_name='templates', to='regional.templategroup', verbose_name='criterion groups')),
            ],
            options={
                'verbose_name': 'certification programme template',
                'verbose_name_plural': 'certification programme templates',
                'ordering': ['name'],
                'constraints': [models.CheckConstraint(condition=models.Q(('pass_threshold__lte', 100)), name='template_threshold_percent', violation_error_message='The pass threshold is a percentage (0 to 100).')],
            },
        ),
    ]
