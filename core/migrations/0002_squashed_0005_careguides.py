"""An alliance's workspace tables added by issue 16, first half (core 0002-0005,
squashed): the onboarding checklist, the childcare pool, workshops, care guides and
cooperation agreements.

Each model is created once with its final fields. The data step of the old migrations
stays, with its way back: each partner's former number of company care guides becomes as
many guide records, marked as taken over (was 0005).

A schema with these four old migrations recorded counts this one as applied. The second
half is 0006_squashed_0008_fundraising.
"""

import core.models.agreements
import core.models.publicsite
import django.db.models.deletion
import kernel.colours
import kernel.dates
import kernel.workshops.migration_fields as workshop_tables
from django.db import migrations, models
from kernel.migration_fields import stamped
from django.db.models import Count, Q

# ---------------------------------------------------------------- care guides (was 0005)

# As core.models.careguides.TAKEN_OVER_NAME, frozen here.
TAKEN_OVER_NAME = "Pflegelotse/in (übernommen)"


def guides_from_counts(apps, schema_editor):
    """Each partner's former number of care guides becomes as many guide records, marked
    as taken over (no name, no date yet): the counts and figures stay as they were."""
    Partner = apps.get_model("core", "Partner")
    CareGuide = apps.get_model("core", "CareGuide")
    guides = [
        CareGuide(partner_id=pk, name=TAKEN_OVER_NAME, taken_over=True, is_active=True)
        for pk, count in Partner.objects.filter(care_guides_count__gt=0).values_list(
            "pk", "care_guides_count"
        )
        for _number in range(count)
    ]
    CareGuide.objects.bulk_create(guides, batch_size=1000)


def counts_from_guides(apps, schema_editor):
    """Back to one number per partner: its active guides, taken over or recorded since."""
    Partner = apps.get_model("core", "Partner")
    counted = Partner.objects.annotate(
        active=Count("care_guides", filter=Q(care_guides__is_active=True))
    ).values_list("pk", "active", "care_guides_count")
    for pk, active, stored in counted:
        if active != stored:
            Partner.objects.filter(pk=pk).update(care_guides_count=active)


class Migration(migrations.Migration):

    replaces = [('core', '0002_onboarding'), ('core', '0003_carers'), ('core', '0004_workshops'), ('core', '0005_careguides')]

    dependencies = [
        ('core', '0001_squashed_0002_plausible_dates_and_decisions'),
    ]

    operations = [
        # The onboarding checklist (was 0002), the childcare pool (0003), workshops (0004).
        migrations.CreateModel(
            name='ChecklistMark',
            fields=[
                *stamped(),
                ('key', models.SlugField(max_length=40, unique=True, verbose_name='item')),
                ('status', models.CharField(choices=[('open', 'Open'), ('done', 'Done'), ('skipped', 'Skipped')], default='open', max_length=10, verbose_name='status')),
            ],
            options={
                'verbose_name': 'checklist mark',
                'verbose_name_plural': 'checklist marks',
                'ordering': ['key'],
                'constraints': [models.CheckConstraint(condition=models.Q(('status__in', ['open', 'done', 'skipped'])), name='checklist_mark_status')],
            },
        ),
        migrations.CreateModel(
            name='Carer',
            fields=[
                *stamped(),
                ('first_name', models.CharField(max_length=100, verbose_name='first name')),
                ('last_name', models.CharField(max_length=100, verbose_name='last name')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail address')),
                ('phone', models.CharField(blank=True, max_length=50, verbose_name='phone')),
                ('address', models.CharField(blank=True, max_length=300, verbose_name='address')),
                ('status', models.CharField(choices=[('applicant', 'Applicant'), ('vetted', 'Vetted'), ('active', 'Active'), ('paused', 'Paused'), ('left', 'Left')], default='applicant', max_length=20, verbose_name='status')),
                ('availability', models.JSONField(blank=True, default=list, verbose_name='availability')),
                ('languages', models.CharField(blank=True, help_text='Separated by commas.', max_length=200, verbose_name='languages')),
                ('qualifications', models.TextField(blank=True, verbose_name='qualifications')),
                ('police_clearance_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='extended police clearance issued on')),
                ('police_clearance_until', models.DateField(blank=True, editable=False, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='police clearance valid until')),
                ('first_aid_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='first-aid course on')),
                ('first_aid_until', models.DateField(blank=True, editable=False, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='first-aid course valid until')),
                ('training_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='pool training attended on')),
                ('reminded_expiry', models.DateField(blank=True, editable=False, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='reminded of expiry on')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('anonymised_at', models.DateTimeField(blank=True, editable=False, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='anonymised at')),
            ],
            options={
                'verbose_name': 'carer',
                'verbose_name_plural': 'carers',
                'ordering': ['last_name', 'first_name'],
                'indexes': [models.Index(fields=['status'], name='core_carer_status_ea017c_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(('status__in', ['applicant', 'vetted', 'active', 'paused', 'left'])), name='carer_status_valid')],
            },
        ),
        migrations.CreateModel(
            name='Placement',
            fields=[
                *stamped(),
                ('family_name', models.CharField(max_length=200, verbose_name='family')),
                ('family_contact', models.CharField(blank=True, help_text='Phone number or e-mail address.', max_length=200, verbose_name='contact of the family')),
                ('children_count', models.PositiveSmallIntegerField(default=1, verbose_name='children')),
                ('children_ages', models.CharField(blank=True, help_text='e.g. 3, 6', max_length=50, verbose_name='ages of the children')),
                ('kind', models.CharField(choices=[('pick_up', 'Pick-up from day care or school'), ('evening', 'Evening care'), ('night', 'Night care'), ('weekend', 'Weekend care'), ('holiday', 'Holiday care'), ('emergency', 'Short-notice care')], max_length=20, verbose_name='kind of care')),
                ('recurrence', models.CharField(choices=[('once', 'One-off'), ('weekly', 'Weekly'), ('fortnightly', 'Every two weeks'), ('monthly', 'Monthly'), ('on_call', 'On call')], default='weekly', max_length=20, verbose_name='recurrence')),
                ('hours_per_month', models.DecimalField(decimal_places=1, default=0, max_digits=6, verbose_name='hours per month')),
                ('start_date', models.DateField(validators=[kernel.dates.validate_plausible_date], verbose_name='from')),
                ('end_date', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='until')),
                ('status', models.CharField(choices=[('planned', 'Planned'), ('running', 'Running'), ('ended', 'Ended')], default='planned', max_length=20, verbose_name='status')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('anonymised_at', models.DateTimeField(blank=True, editable=False, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='anonymised at')),
                ('carer', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='placements', to='core.carer', verbose_name='carer')),
                ('partner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='placements', to='core.partner', verbose_name='paid by (employer)')),
            ],
            options={
                'verbose_name': 'placement',
                'verbose_name_plural': 'placements',
                'ordering': ['-start_date', 'family_name'],
                'indexes': [models.Index(fields=['status'], name='core_placem_status_094455_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(('end_date__isnull', True), ('end_date__gte', models.F('start_date')), _connector='OR'), name='placement_end_after_start', violation_error_message='The end cannot be before the start.'), models.CheckConstraint(condition=models.Q(('hours_per_month__gte', 0), ('hours_per_month__lte', 744)), name='placement_hours_in_month', violation_error_message='The hours per month must be between 0 and 744.'), models.CheckConstraint(condition=models.Q(('children_count__gte', 1), ('children_count__lte', 20)), name='placement_children_count', violation_error_message='A placement is for 1 to 20 children.'), models.CheckConstraint(condition=models.Q(models.Q(('status', 'ended'), _negated=True), ('end_date__isnull', False), _connector='OR'), name='placement_ended_has_end', violation_error_message='An ended placement needs its end date.'), models.CheckConstraint(condition=models.Q(('kind__in', ['pick_up', 'evening', 'night', 'weekend', 'holiday', 'emergency'])), name='placement_kind_valid')],
            },
        ),
        # The workshop tables: fields and options frozen in kernel.workshops.migration_fields,
        # shared with regional 0006 (both rooms extend the same abstract workshop models).
        migrations.CreateModel(
            name='Workshop',
            fields=workshop_tables.workshop_fields('event', 'core.event'),
            options=workshop_tables.workshop_options('event'),
        ),
        migrations.CreateModel(
            name='WorkshopTopic',
            fields=workshop_tables.topic_fields('core.workshop'),
            options=workshop_tables.topic_options('workshop_topic_title_once'),
        ),
        migrations.CreateModel(
            name='WorkshopRegistration',
            fields=workshop_tables.registration_fields(
                ('workshop', workshop_tables.on_workshop('core.workshop', 'registrations')),
                ('wishes', workshop_tables.wishes_among('core.workshoptopic')),
            ),
            options=workshop_tables.registration_options('workshop_registration_once'),
        ),
        migrations.CreateModel(
            name='WorkshopAssignment',
            fields=workshop_tables.assignment_fields('core.workshopregistration', 'core.workshoptopic', 'topic'),
            options=workshop_tables.assignment_options('workshop_seat_once_per_round'),
        ),
        migrations.CreateModel(
            name='WorkingGroupTask',
            fields=[
                *stamped(),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('due', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='due')),
                ('responsible', models.CharField(blank=True, max_length=200, verbose_name='responsible')),
                ('status', models.CharField(choices=[('open', 'Open'), ('in_progress', 'In progress'), ('done', 'Done')], default='open', max_length=20, verbose_name='status')),
                ('working_group', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tasks', to='core.workinggroup', verbose_name='working group')),
                ('origin_topic', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='tasks', to='core.workshoptopic', verbose_name='from workshop topic')),
            ],
            options={
                'verbose_name': 'task',
                'verbose_name_plural': 'tasks',
                'ordering': ['status', 'due', 'title'],
            },
        ),
        # Care guides and cooperation agreements (0005): guides from the former numbers.
        migrations.AlterField(
            model_name='partner',
            name='care_guides_count',
            field=models.PositiveIntegerField(default=0, editable=False, verbose_name='trained company care guides'),
        ),
        migrations.CreateModel(
            name='CareGuide',
            fields=[
                *stamped(),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail address')),
                ('phone', models.CharField(blank=True, max_length=50, verbose_name='phone')),
                ('training_course', models.CharField(blank=True, max_length=200, verbose_name='training course')),
                ('trained_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='trained on')),
                ('refresher_due', models.DateField(blank=True, help_text='Left empty, it is set to two years after the training.', null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='refresher due')),
                ('is_active', models.BooleanField(default=True, help_text='Still working as a care guide at the partner.', verbose_name='active')),
                ('taken_over', models.BooleanField(default=False, editable=False, verbose_name='taken over from the former count')),
                ('anonymised_at', models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='anonymised at')),
                ('partner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='care_guides', to='core.partner', verbose_name='partner')),
            ],
            options={
                'verbose_name': 'care guide',
                'verbose_name_plural': 'care guides',
                'ordering': ['partner__name', 'name'],
                'indexes': [models.Index(fields=['is_active', 'refresher_due'], name='core_caregu_is_acti_68eb26_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(('trained_on__isnull', True), ('refresher_due__isnull', True), ('refresher_due__gt', models.F('trained_on')), _connector='OR'), name='care_guide_refresher_after_training', violation_error_message='The refresher must be due after the training date.')],
            },
        ),
        migrations.CreateModel(
            name='CooperationAgreement',
            fields=[
                *stamped(),
                ('organisation', models.CharField(blank=True, help_text="The other party, if it is not one of the alliance's partners.", max_length=200, verbose_name='partner organisation')),
                ('subject', models.CharField(max_length=300, verbose_name='subject of the agreement')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('signed', 'Signed'), ('terminated', 'Terminated')], default='draft', max_length=20, verbose_name='status')),
                ('signed_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='signed on')),
                ('signed_by_alliance', models.CharField(blank=True, max_length=200, verbose_name='signed for the alliance by')),
                ('signed_by_other', models.CharField(blank=True, max_length=200, verbose_name='signed for the other party by')),
                ('valid_from', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='in force from')),
                ('valid_until', models.DateField(blank=True, help_text='Left empty: without a fixed end.', null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='in force until')),
                ('renewal', models.CharField(choices=[('none', 'Ends on the end date'), ('automatic', 'Renews itself unless terminated'), ('notice', 'Runs until terminated with notice')], default='none', max_length=20, verbose_name='renewal')),
                ('notice_weeks', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='notice period (weeks)')),
                ('document', models.FileField(blank=True, upload_to=core.models.agreements.agreement_document_path, verbose_name='signed document (PDF)')),
                ('is_public', models.BooleanField(default=False, verbose_name='on the public page')),
                ('reminder_sent_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='expiry reminder sent on')),
                ('partner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='agreements', to='core.partner', verbose_name='partner')),
            ],
            options={
                'verbose_name': 'cooperation agreement',
                'verbose_name_plural': 'cooperation agreements',
                'ordering': ['-signed_on', 'subject'],
                'indexes': [models.Index(fields=['status', 'valid_until'], name='core_cooper_status_db3576_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(('valid_from__isnull', True), ('valid_until__isnull', True), ('valid_until__gte', models.F('valid_from')), _connector='OR'), name='agreement_term_in_order', violation_error_message='The agreement cannot end before it begins.'), models.CheckConstraint(condition=models.Q(('status__in', ['draft', 'signed', 'terminated'])), name='agreement_status_valid'), models.CheckConstraint(condition=models.Q(models.Q(('status', 'signed'), _negated=True), ('signed_on__isnull', False), _connector='OR'), name='agreement_signed_has_date', violation_error_message='A signed agreement needs the date it was signed.'), models.CheckConstraint(condition=models.Q(models.Q(('organisation', ''), _negated=True), ('partner__isnull', False), _connector='OR'), name='agreement_has_other_party', violation_error_message='Name the other party: a partner or a partner organisation.')],
            },
        ),
        migrations.RunPython(
            code=guides_from_counts,
            reverse_code=counts_from_guides,
        ),
    ]
