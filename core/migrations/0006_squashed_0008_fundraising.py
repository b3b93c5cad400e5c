"""An alliance's workspace tables added by issue 16, second half (core 0006-0008,
squashed): the public site, certification programmes and the fundraising circle.

Each model is created once with its final fields. The data steps of the old migrations
stay, in their order and with their way back:

- certification: the family seal becomes the programme "Familiensiegel"; the seal's
  tables get a programme, groups, weights, scores, self-assessment, review, jury and
  renewal fields; every criterion and application joins the default programme and each
  check's "fulfilled" becomes a review score (fulfilled 2, else 0) before the programme
  columns become required (was 0007);
- fundraising: each donation or membership fee is linked to a supporter made from what
  the entry already names (its partner, else its donor text); the entries' own fields
  stay as they were (was 0008).

A schema with these three old migrations recorded counts this one as applied.
"""

import core.models.agreements
import core.models.publicsite
import django.core.validators
import django.db.models.deletion
import kernel.colours
import kernel.dates
from django.db import migrations, models
from kernel.migration_fields import stamped


# ---------------------------------------------------------------- certification (was 0007)

FULFILLED = 2

# The seal's columns for the jury, renewal, self-assessment, scores and weights.
SEAL_FIELDS = [
    ('sealapplication', 'decided_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='jury decision on')),
    ('sealapplication', 'decision_reasoning', models.TextField(blank=True, verbose_name='reasoning of the jury')),
    ('sealapplication', 'renewal_of', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='renewal', to='core.sealapplication', verbose_name='renewal of')),
    ('sealapplication', 'reviewed_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='on-site review on')),
    ('sealapplication', 'programme_kind', models.CharField(choices=[('family', 'Family friendliness'), ('diversity', 'Diversity'), ('other', 'Other')], default='family', editable=False, max_length=20, verbose_name='kind of programme')),
    ('sealcheck', 'score', models.PositiveSmallIntegerField(blank=True, choices=[(0, 'not fulfilled'), (1, 'partly fulfilled'), (2, 'fulfilled')], null=True, validators=[django.core.validators.MaxValueValidator(2)], verbose_name='review score')),
    ('sealcheck', 'self_comment', models.CharField(blank=True, max_length=500, verbose_name='comment of the employer')),
    ('sealcheck', 'self_score', models.PositiveSmallIntegerField(blank=True, choices=[(0, 'not fulfilled'), (1, 'partly fulfilled'), (2, 'fulfilled')], null=True, validators=[django.core.validators.MaxValueValidator(2)], verbose_name='self-assessment')),
    ('sealcriterion', 'weight', models.PositiveSmallIntegerField(default=1, help_text='From 1 to 10: how much it counts in the score.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(10)], verbose_name='weight')),
]


def attach_to_familiensiegel(apps, schema_editor):
    Programme = apps.get_model("core", "CertificationProgramme")
    Criterion = apps.get_model("core", "SealCriterion")
    Application = apps.get_model("core", "SealApplication")
    Check = apps.get_model("core", "SealCheck")
    programme = Programme.objects.filter(is_default=True).first()
    if programme is None:
        programme = Programme.objects.create(
            name="Familiensiegel",
            kind="family",
            description="Das Familiensiegel des Bündnisses für familienfreundliche Arbeitgeber.",
            validity_years=3,
            pass_threshold=0,
            is_default=True,
        )
    Criterion.objects.filter(programme__isnull=True).update(programme=programme)
    Application.objects.filter(programme__isnull=True).update(programme=programme)
    Check.objects.filter(score__isnull=True, fulfilled=True).update(score=FULFILLED)
    Check.objects.filter(score__isnull=True, fulfilled=False).update(score=0)
    # The deferred foreign-key checks run now, so the columns can become NOT NULL.
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def keep_seal_rows(apps, schema_editor):
    """Backwards the programme columns go; every seal row and value stays as it was."""
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


# ---------------------------------------------------------------- fundraising (was 0008)

MIGRATED_NOTE = "Aus den bisherigen Einnahmen übernommen."


def link_existing_entries(apps, schema_editor):
    FundingEntry = apps.get_model("core", "FundingEntry")
    Supporter = apps.get_model("core", "Supporter")
    by_partner, by_name = {}, {}
    entries = FundingEntry.objects.filter(
        kind__in=["donation", "membership_fee"], supporter__isnull=True
    ).select_related("partner")
    for entry in entries.order_by("pk"):
        if entry.partner_id is not None:
            supporter = by_partner.get(entry.partner_id)
            if supporter is None:
                supporter = by_partner[entry.partner_id] = Supporter.objects.create(
                    kind="organisation",
                    name=entry.partner.name[:200],
                    partner_id=entry.partner_id,
                    notes=MIGRATED_NOTE,
                )
        elif entry.donor.strip():
            key = entry.donor.strip().casefold()
            supporter = by_name.get(key)
            if supporter is None:
                supporter = by_name[key] = Supporter.objects.create(
                    name=entry.donor.strip()[:200], notes=MIGRATED_NOTE
                )
        else:
            continue
        entry.supporter = supporter
        entry.save(update_fields=["supporter"])


def unlink_entries(apps, schema_editor):
    FundingEntry = apps.get_model("core", "FundingEntry")
    Supporter = apps.get_model("core", "Supporter")
    migrated = Supporter.objects.filter(notes=MIGRATED_NOTE)
    FundingEntry.objects.filter(supporter__in=migrated).update(supporter=None)
    migrated.filter(receipts__isnull=True).delete()


class Migration(migrations.Migration):

    replaces = [('core', '0006_publicsite'), ('core', '0007_certification'), ('core', '0008_fundraising')]

    dependencies = [
        ('core', '0002_squashed_0005_careguides'),
    ]

    operations = [
        # The public site (0006).
        migrations.CreateModel(
            name='Award',
            fields=[
                *stamped(),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('awarded_by', models.CharField(max_length=200, verbose_name='awarded by')),
                ('awarded_on', models.DateField(validators=[kernel.dates.validate_plausible_date], verbose_name='awarded on')),
                ('link', models.URLField(blank=True, verbose_name='link')),
                ('note', models.TextField(blank=True, max_length=2000, verbose_name='note')),
                ('is_public', models.BooleanField(default=True, verbose_name='shown on the public page')),
            ],
            options={
                'verbose_name': 'award',
                'verbose_name_plural': 'awards',
                'ordering': ['-awarded_on', 'title'],
            },
        ),
        migrations.CreateModel(
            name='LegalPage',
            fields=[
                *stamped(),
                ('kind', models.CharField(choices=[('impressum', 'Legal notice'), ('datenschutz', 'Privacy policy'), ('barrierefreiheit', 'Accessibility statement')], max_length=20, unique=True, verbose_name='page')),
                ('text', models.TextField(blank=True, max_length=30000, verbose_name='text')),
            ],
            options={
                'verbose_name': 'legal page',
                'verbose_name_plural': 'legal pages',
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='SiteIdentity',
            fields=[
                *stamped(),
                ('logo', models.FileField(blank=True, upload_to=core.models.publicsite.logo_path, verbose_name='logo')),
                ('primary_colour', models.CharField(default='#1d4f91', max_length=7, validators=[kernel.colours.validate_site_colour], verbose_name='main colour')),
                ('accent_colour', models.CharField(default='#f2c14e', max_length=7, validators=[kernel.colours.validate_site_colour], verbose_name='accent colour')),
                ('description', models.TextField(blank=True, max_length=1000, verbose_name='short description')),
                ('street', models.CharField(blank=True, max_length=200, verbose_name='street and number')),
                ('postcode', models.CharField(blank=True, max_length=10, verbose_name='postcode')),
                ('town', models.CharField(blank=True, max_length=100, verbose_name='town')),
                ('contact_name', models.CharField(blank=True, max_length=200, verbose_name='contact person')),
                ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail address')),
                ('contact_phone', models.CharField(blank=True, max_length=50, verbose_name='phone')),
            ],
            options={
                'verbose_name': 'public site identity',
                'verbose_name_plural': 'public site identities',
                'constraints': [models.CheckConstraint(condition=models.Q(('id', 1)), name='site_identity_one_row')],
            },
        ),
        # Certification programmes (0007): the programme columns are filled, then required.
        *(
            migrations.AddField(model_name=model_name, name=name, field=field)
            for model_name, name, field in SEAL_FIELDS
        ),
        migrations.CreateModel(
            name='CertificationProgramme',
            fields=[
                *stamped(),
                ('name', models.CharField(max_length=200, unique=True, verbose_name='name')),
                ('kind', models.CharField(choices=[('family', 'Family friendliness'), ('diversity', 'Diversity'), ('other', 'Other')], default='family', max_length=20, verbose_name='kind')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('validity_years', models.PositiveSmallIntegerField(default=3, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(10)], verbose_name='validity in years')),
                ('renewal_rules', models.TextField(blank=True, verbose_name='renewal rules')),
                ('pass_threshold', models.PositiveSmallIntegerField(default=0, help_text='The review score in percent that an employer must reach (0 to 100).', validators=[django.core.validators.MaxValueValidator(100)], verbose_name='pass threshold (percent of the score)')),
                ('is_active', models.BooleanField(default=True, verbose_name='in use')),
                ('is_default', models.BooleanField(default=False, help_text='Applications and criteria recorded without a programme belong to it.', verbose_name='default programme')),
                ('template_key', models.CharField(blank=True, max_length=60, verbose_name='adopted from state template')),
            ],
            options={
                'verbose_name': 'certification programme',
                'verbose_name_plural': 'certification programmes',
                'ordering': ['name'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('is_default', True)), fields=('is_default',), name='one_default_programme', violation_error_message='Only one programme can be the default.'), models.CheckConstraint(condition=models.Q(('pass_threshold__lte', 100)), name='programme_threshold_percent', violation_error_message='The pass threshold is a percentage (0 to 100).')],
            },
        ),
        migrations.AddField(
            model_name='sealapplication',
            name='programme',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='applications', to='core.certificationprogramme', verbose_name='programme'),
        ),
        migrations.AddField(
            model_name='sealcriterion',
            name='programme',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='criteria', to='core.certificationprogramme', verbose_name='programme'),
        ),
        migrations.CreateModel(
            name='CriterionGroup',
            fields=[
                *stamped(),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                ('weight', models.PositiveSmallIntegerField(default=1, help_text='From 1 to 10: how much it counts in the score.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(10)], verbose_name='weight')),
                ('template_key', models.CharField(blank=True, max_length=60, verbose_name='adopted from state template')),
                ('programme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='criterion_groups', to='core.certificationprogramme', verbose_name='programme')),
            ],
            options={
                'verbose_name': 'criterion group',
                'verbose_name_plural': 'criterion groups',
                'ordering': ['programme__name', 'position', 'name'],
                'constraints': [models.UniqueConstraint(fields=('programme', 'name'), name='criterion_group_once_per_programme', violation_error_message='The programme already has a group of this name.')],
            },
        ),
        migrations.AddField(
            model_name='sealcriterion',
            name='group',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='criteria', to='core.criteriongroup', verbose_name='criterion group'),
        ),
        migrations.RunPython(
            code=attach_to_familiensiegel,
            reverse_code=keep_seal_rows,
        ),
        migrations.AlterField(
            model_name='sealapplication',
            name='programme',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='applications', to='core.certificationprogramme', verbose_name='programme'),
        ),
        migrations.AlterField(
            model_name='sealcriterion',
            name='programme',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='criteria', to='core.certificationprogramme', verbose_name='programme'),
        ),
        # The fundraising circle (0008): existing entries linked to supporters.
        migrations.CreateModel(
            name='CircleSettings',
            fields=[
                *stamped(),
                ('recipient', models.CharField(blank=True, max_length=200, verbose_name='name of the receiving body')),
                ('recipient_address', models.CharField(blank=True, max_length=300, verbose_name='its address')),
                ('purpose', models.CharField(blank=True, max_length=300, verbose_name='tax-privileged purpose')),
                ('tax_office', models.CharField(blank=True, max_length=200, verbose_name='tax office')),
                ('tax_number', models.CharField(blank=True, max_length=40, verbose_name='tax number')),
                ('exemption_notice_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='date of the exemption notice')),
                ('assessment_period', models.CharField(blank=True, max_length=40, verbose_name='last assessment period')),
                ('place', models.CharField(blank=True, max_length=100, verbose_name='place of signature')),
                ('signatory', models.CharField(blank=True, max_length=200, verbose_name='signed by')),
            ],
            options={
                'verbose_name': 'receipt settings',
                'verbose_name_plural': 'receipt settings',
            },
        ),
        migrations.CreateModel(
            name='Supporter',
            fields=[
                *stamped(),
                ('kind', models.CharField(choices=[('person', 'Person'), ('organisation', 'Organisation')], default='person', max_length=20, verbose_name='kind')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('street', models.CharField(blank=True, max_length=200, verbose_name='street and number')),
                ('postcode', models.CharField(blank=True, max_length=10, verbose_name='postcode')),
                ('city', models.CharField(blank=True, max_length=100, verbose_name='city')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                ('joined_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='joined the circle on')),
                ('left_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='left the circle on')),
                ('yearly_fee', models.DecimalField(blank=True, decimal_places=2, max_digits=10, null=True, verbose_name='yearly membership fee (EUR)')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('anonymised_at', models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='anonymised at')),
                ('partner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='supporters', to='core.partner', verbose_name='partner')),
            ],
            options={
                'verbose_name': 'member or donor',
                'verbose_name_plural': 'members and donors',
                'ordering': ['name'],
                'constraints': [models.CheckConstraint(condition=models.Q(('joined_on__isnull', True), ('left_on__isnull', True), ('left_on__gte', models.F('joined_on')), _connector='OR'), name='supporter_left_after_joined', violation_error_message='The circle cannot be left before it was joined.'), models.CheckConstraint(condition=models.Q(('left_on__isnull', True), ('joined_on__isnull', False), _connector='OR'), name='supporter_left_only_after_joining', violation_error_message='Only a member who joined can leave the circle.'), models.CheckConstraint(condition=models.Q(('yearly_fee__isnull', True), ('yearly_fee__gte', 0), _connector='OR'), name='supporter_fee_not_negative', violation_error_message='The membership fee cannot be negative.')],
            },
        ),
        migrations.CreateModel(
            name='DonationReceipt',
            fields=[
                *stamped(),
                ('number', models.CharField(max_length=20, unique=True, verbose_name='receipt number')),
                ('issued_on', models.DateField(validators=[kernel.dates.validate_plausible_date], verbose_name='issued on')),
                ('total', models.DecimalField(decimal_places=2, max_digits=12, verbose_name='total (EUR)')),
                ('is_collective', models.BooleanField(default=False, verbose_name='collective receipt')),
                ('times_printed', models.PositiveIntegerField(default=0, verbose_name='times printed')),
                ('supporter', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='receipts', to='core.supporter', verbose_name='member or donor')),
            ],
            options={
                'verbose_name': 'donation receipt',
                'verbose_name_plural': 'donation receipts',
                'ordering': ['-issued_on', '-number'],
            },
        ),
        migrations.CreateModel(
            name='FundraisingAction',
            fields=[
                *stamped(),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('date', models.DateField(validators=[kernel.dates.validate_plausible_date], verbose_name='date')),
                ('income', models.DecimalField(decimal_places=2, default=0, max_digits=12, verbose_name='income (EUR)')),
                ('costs', models.DecimalField(decimal_places=2, default=0, max_digits=12, verbose_name='costs (EUR)')),
                ('description', models.TextField(blank=True, verbose_name='description')),
            ],
            options={
                'verbose_name': 'fundraising action',
                'verbose_name_plural': 'fundraising actions',
                'ordering': ['-date'],
                'constraints': [models.CheckConstraint(condition=models.Q(('costs__gte', 0), ('income__gte', 0)), name='fundraising_action_amounts_not_negative', violation_error_message='Income and costs cannot be negative.')],
            },
        ),
        migrations.CreateModel(
            name='ProjectGrant',
            fields=[
                *stamped(),
                ('amount', models.DecimalField(decimal_places=2, max_digits=12, verbose_name='amount (EUR)')),
                ('purpose', models.CharField(max_length=300, verbose_name='purpose')),
                ('decided_on', models.DateField(validators=[kernel.dates.validate_plausible_date], verbose_name='decided on')),
                ('status', models.CharField(choices=[('decided', 'Decided'), ('paid', 'Paid out'), ('proof_received', 'Proof of use received'), ('withdrawn', 'Withdrawn')], default='decided', max_length=20, verbose_name='status')),
                ('proof_received_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='proof of use received on')),
                ('project', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='circle_grants', to='core.project', verbose_name='project')),
            ],
            options={
                'verbose_name': 'grant to a project',
                'verbose_name_plural': 'grants to projects',
                'ordering': ['-decided_on'],
                'constraints': [models.CheckConstraint(condition=models.Q(('amount__gt', 0)), name='project_grant_amount_positive', violation_error_message='The amount must be greater than zero.'), models.CheckConstraint(condition=models.Q(('proof_received_on__isnull', True), ('proof_received_on__gte', models.F('decided_on')), _connector='OR'), name='project_grant_proof_after_decision', violation_error_message='The proof of use cannot arrive before the grant was decided.'), models.CheckConstraint(condition=models.Q(models.Q(('status', 'proof_received'), _negated=True), ('proof_received_on__isnull', False), _connector='OR'), name='project_grant_proof_has_date', violation_error_message='Enter the date the proof of use was received.')],
            },
        ),
        migrations.AddField(
            model_name='fundingentry',
            name='receipt',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='entries', to='core.donationreceipt', verbose_name='donation receipt'),
        ),
        migrations.AddField(
            model_name='fundingentry',
            name='supporter',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='funding_entries', to='core.supporter', verbose_name='member or donor'),
        ),
        migrations.RunPython(
            code=link_existing_entries,
            reverse_code=unlink_entries,
        ),
    ]
