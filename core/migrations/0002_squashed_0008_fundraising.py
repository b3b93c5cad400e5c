"""An alliance's workspace tables added by issue 16 (core 0002-0008, squashed): the
onboarding checklist, the childcare pool, workshops, care guides and cooperation
agreements, the public site, certification programmes and the fundraising circle.

Each model is created once with its final fields. The data steps of the old migrations
stay, in their order and with their way back:

- care guides: each partner's former number of company care guides becomes as many guide
  records, marked as taken over (was 0005);
- certification: the family seal becomes the programme "Familiensiegel"; the seal's
  tables get a programme, groups, weights, scores, self-assessment, review, jury and
  renewal fields; every criterion and application joins the default programme and each
  check's "fulfilled" becomes a review score (fulfilled 2, else 0) before the programme
  columns become required (was 0007);
- fundraising: each donation or membership fee is linked to a supporter made from what
  the entry already names (its partner, else its donor text); the entries' own fields
  stay as they were (was 0008).

A schema with all seven old migrations recorded counts this one as applied.
"""

import core.models.agreements
import core.models.publicsite
import django.core.validators
import django.db.models.deletion
import kernel.colours
import kernel.dates
from django.db import migrations, models
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

    replaces = [('core', '0002_onboarding'), ('core', '0003_carers'), ('core', '0004_workshops'), ('core', '0005_careguides'), ('core', '0006_publicsite'), ('core', '0007_certification'), ('core', '0008_fundraising')]

    dependencies = [
        ('core', '0001_squashed_0002_plausible_dates_and_decisions'),
    ]

    operations = [
        # The onboarding checklist (was 0002), the childcare pool (0003), workshops (0004).
        migrations.CreateModel(
            name='ChecklistMark',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
        migrations.CreateModel(
            name='Workshop',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('format', models.CharField(choices=[('open_space', 'Open space'), ('world_cafe', 'World café'), ('workshop', 'Workshop')], default='open_space', max_length=20, verbose_name='format')),
                ('capacity', models.PositiveIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5000)], verbose_name='places')),
                ('rounds', models.PositiveSmallIntegerField(default=1, help_text='How often the participants change tables or topics.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(6)], verbose_name='rounds')),
                ('registration_open', models.BooleanField(default=True, verbose_name='registration open')),
                ('waiting_list', models.BooleanField(default=True, verbose_name='waiting list when fully booked')),
                ('privacy_notice', models.TextField(blank=True, help_text='Shown above the registration form; empty: the standard text.', verbose_name='privacy notice')),
                ('event', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='workshop', to='core.event', verbose_name='event')),
            ],
            options={
                'verbose_name': 'workshop',
                'verbose_name_plural': 'workshops',
                'ordering': ['-event__date'],
            },
        ),
        migrations.CreateModel(
            name='WorkshopTopic',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('host', models.CharField(blank=True, max_length=200, verbose_name='host')),
                ('moderator', models.CharField(blank=True, max_length=200, verbose_name='moderator')),
                ('result', models.TextField(blank=True, verbose_name='result')),
                ('workshop', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='topics', to='core.workshop', verbose_name='workshop')),
            ],
            options={
                'verbose_name': 'topic or table',
                'verbose_name_plural': 'topics and tables',
                'ordering': ['workshop', 'title'],
                'abstract': False,
                'constraints': [models.UniqueConstraint(fields=('workshop', 'title'), name='workshop_topic_title_once', violation_error_message='The workshop already has a topic of this title.')],
            },
        ),
        migrations.CreateModel(
            name='WorkshopRegistration',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('email', models.EmailField(max_length=254, verbose_name='e-mail address')),
                ('organisation', models.CharField(blank=True, max_length=200, verbose_name='organisation')),
                ('status', models.CharField(choices=[('confirmed', 'Confirmed'), ('waiting', 'On the waiting list'), ('cancelled', 'Cancelled')], default='confirmed', max_length=20, verbose_name='status')),
                ('cancelled_at', models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='cancelled at')),
                ('anonymised_at', models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='anonymised at')),
                ('workshop', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='registrations', to='core.workshop', verbose_name='workshop')),
                ('wishes', models.ManyToManyField(blank=True, related_name='wished_by', to='core.workshoptopic', verbose_name='topic wishes')),
            ],
            options={
                'verbose_name': 'registration',
                'verbose_name_plural': 'registrations',
                'ordering': ['workshop', 'created_at', 'pk'],
                'abstract': False,
                'constraints': [models.UniqueConstraint(condition=models.Q(('status', 'cancelled'), _negated=True), fields=('workshop', 'email'), name='workshop_registration_once', violation_error_message='This e-mail address is already registered.')],
            },
        ),
        migrations.CreateModel(
            name='WorkshopAssignment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('round', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(6)], verbose_name='round')),
                ('registration', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='seats', to='core.workshopregistration', verbose_name='registration')),
                ('topic', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='seats', to='core.workshoptopic', verbose_name='topic')),
            ],
            options={
                'verbose_name': 'assignment',
                'verbose_name_plural': 'assignments',
                'ordering': ['round', 'topic__title', 'registration__name'],
                'abstract': False,
                'constraints': [models.UniqueConstraint(fields=('registration', 'round'), name='workshop_seat_once_per_round')],
            },
        ),
        migrations.CreateModel(
            name='WorkingGroupTask',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
        # The public site (0006).
        migrations.CreateModel(
            name='Award',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
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
