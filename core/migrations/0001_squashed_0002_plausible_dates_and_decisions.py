"""An alliance's workspace tables as they stood at release 1cb4d21 (core 0001 and 0002,
squashed; the plausible-date validators and decision attendance fields folded in).

A schema with both old migrations recorded counts this one as applied.
"""

import core.models.board
import django.db.models.deletion
import django.db.models.expressions
import django.db.models.functions.text
import kernel.dates
from django.db import migrations, models
from kernel.migration_fields import stamped


class Migration(migrations.Migration):

    replaces = [('core', '0001_initial'), ('core', '0002_plausible_dates_and_decisions')]

    initial = True

    dependencies = [
    ]

    operations = [
        migrations.CreateModel(
            name='BoardMeeting',
            fields=[
                *stamped(),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('date', models.DateField(validators=[kernel.dates.validate_plausible_date], verbose_name='date')),
                ('start_time', models.TimeField(blank=True, null=True, verbose_name='begins at')),
                ('location', models.CharField(blank=True, max_length=200, verbose_name='place')),
                ('status', models.CharField(choices=[('planned', 'Planned'), ('held', 'Held'), ('cancelled', 'Cancelled')], default='planned', max_length=20, verbose_name='status')),
                ('minutes', models.TextField(blank=True, verbose_name='minutes')),
                ('minutes_status', models.CharField(choices=[('none', 'No minutes yet'), ('draft', 'Draft'), ('approved', 'Approved')], default='none', max_length=20, verbose_name='minutes status')),
                ('minutes_approved_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='minutes approved on')),
            ],
            options={
                'verbose_name': 'board meeting',
                'verbose_name_plural': 'board meetings',
                'ordering': ['-date'],
                'indexes': [models.Index(fields=['status', 'date'], name='core_boardm_status_586d9d_idx')],
            },
        ),
        migrations.CreateModel(
            name='GuideEntry',
            fields=[
                *stamped(),
                ('title', models.CharField(max_length=200, verbose_name='name')),
                ('category', models.CharField(choices=[('advice', 'Advice for families'), ('childcare', 'Childcare'), ('care', 'Care'), ('health', 'Health'), ('education', 'Education'), ('leisure', 'Leisure'), ('other', 'Other')], max_length=20, verbose_name='category')),
                ('organisation', models.CharField(blank=True, max_length=200, verbose_name='provider')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('address', models.CharField(blank=True, max_length=300, verbose_name='address')),
                ('phone', models.CharField(blank=True, max_length=50, verbose_name='phone')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail address')),
                ('website', models.URLField(blank=True, verbose_name='website')),
                ('opening_hours', models.CharField(blank=True, max_length=200, verbose_name='opening hours')),
                ('is_published', models.BooleanField(default=True, verbose_name='published')),
            ],
            options={
                'verbose_name': 'family guide entry',
                'verbose_name_plural': 'family guide entries',
                'ordering': ['category', 'title'],
            },
        ),
        migrations.CreateModel(
            name='MeetingTemplate',
            fields=[
                *stamped(),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('location', models.CharField(blank=True, max_length=200, verbose_name='place')),
                ('start_time', models.TimeField(blank=True, null=True, verbose_name='begins at')),
                ('agenda', models.TextField(blank=True, help_text='One agenda item per line.', verbose_name='standing agenda')),
            ],
            options={
                'verbose_name': 'meeting template',
                'verbose_name_plural': 'meeting templates',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='SealCriterion',
            fields=[
                *stamped(),
                ('text', models.CharField(max_length=300, verbose_name='criterion')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                ('is_required', models.BooleanField(default=True, verbose_name='required')),
                ('is_active', models.BooleanField(default=True, verbose_name='in use')),
            ],
            options={
                'verbose_name': 'seal criterion',
                'verbose_name_plural': 'seal criteria',
                'ordering': ['position', 'text'],
            },
        ),
        migrations.CreateModel(
            name='Measure',
            fields=[
                *stamped(),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('category', models.CharField(choices=[('working_time', 'Flexible working time and place'), ('childcare', 'Childcare'), ('care', 'Care for relatives'), ('parental_leave', 'Parental leave and return'), ('health', 'Health and advice'), ('other', 'Other')], default='other', max_length=30, verbose_name='category')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('is_active', models.BooleanField(default=True, verbose_name='offered in the catalogue')),
            ],
            options={
                'verbose_name': 'measure',
                'verbose_name_plural': 'measures',
                'ordering': ['category', 'name'],
                'constraints': [models.UniqueConstraint(django.db.models.functions.text.Lower('name'), name='measure_name_unique_ci')],
            },
        ),
        migrations.CreateModel(
            name='MeetingAttachment',
            fields=[
                *stamped(),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('file', models.FileField(upload_to=core.models.board.meeting_attachment_path, verbose_name='file')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='core.boardmeeting', verbose_name='meeting')),
            ],
            options={
                'verbose_name': 'attachment',
                'verbose_name_plural': 'attachments',
                'ordering': ['title'],
            },
        ),
        migrations.AddField(
            model_name='boardmeeting',
            name='template',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='meetings', to='core.meetingtemplate', verbose_name='template'),
        ),
        migrations.CreateModel(
            name='Partner',
            fields=[
                *stamped(),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('kind', models.CharField(choices=[('company', 'Company'), ('municipality', 'Municipality or administration'), ('social_agency', 'Social agency'), ('science', 'Science or education'), ('association', 'Association'), ('chamber', 'Chamber'), ('employment_agency', 'Employment agency or job centre'), ('church', 'Church'), ('other', 'Other')], max_length=30, verbose_name='kind')),
                ('size_class', models.CharField(choices=[('micro', '1 to 9 employees'), ('small', '10 to 49 employees'), ('medium', '50 to 249 employees'), ('large', '250 employees or more'), ('n/a', 'Not applicable')], default='n/a', max_length=10, verbose_name='size')),
                ('street', models.CharField(blank=True, max_length=200, verbose_name='street and number')),
                ('postcode', models.CharField(blank=True, max_length=10, verbose_name='postcode')),
                ('city', models.CharField(blank=True, max_length=100, verbose_name='town')),
                ('website', models.URLField(blank=True, verbose_name='website')),
                ('joined_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='joined on')),
                ('left_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='left on')),
                ('status', models.CharField(choices=[('applicant', 'Applicant'), ('active', 'Active'), ('dormant', 'Dormant'), ('left', 'Left')], default='active', max_length=20, verbose_name='status')),
                ('public_listing_consent', models.BooleanField(default=False, help_text="The partner agreed to be named on the alliance's public page.", verbose_name='may be listed publicly')),
                ('care_guides_count', models.PositiveIntegerField(default=0, verbose_name='trained company care guides')),
                ('description', models.TextField(blank=True, verbose_name='engagement for families')),
                ('measures', models.ManyToManyField(blank=True, related_name='partners', to='core.measure', verbose_name='family-friendly measures')),
            ],
            options={
                'verbose_name': 'partner',
                'verbose_name_plural': 'partners',
                'ordering': ['name'],
                'indexes': [models.Index(fields=['status', 'kind'], name='core_partne_status_d1bc73_idx')],
                'constraints': [models.UniqueConstraint(django.db.models.functions.text.Lower('name'), name='partner_name_unique_ci', violation_error_message='A partner with this name already exists.'), models.CheckConstraint(condition=models.Q(('left_on__isnull', True), ('joined_on__isnull', True), ('left_on__gte', models.F('joined_on')), _connector='OR'), name='partner_left_after_joined', violation_error_message='The leaving date cannot be before the joining date.'), models.CheckConstraint(condition=models.Q(('kind__in', ['company', 'municipality', 'social_agency', 'science', 'association', 'chamber', 'employment_agency', 'church', 'other'])), name='partner_kind_valid'), models.CheckConstraint(condition=models.Q(('status__in', ['applicant', 'active', 'dormant', 'left'])), name='partner_status_valid')],
            },
        ),
        migrations.CreateModel(
            name='HolidayOffer',
            fields=[
                *stamped(),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('organiser', models.CharField(max_length=200, verbose_name='organiser')),
                ('start_date', models.DateField(validators=[kernel.dates.validate_plausible_date], verbose_name='from')),
                ('end_date', models.DateField(validators=[kernel.dates.validate_plausible_date], verbose_name='until')),
                ('start_time', models.TimeField(blank=True, null=True, verbose_name='daily from')),
                ('end_time', models.TimeField(blank=True, null=True, verbose_name='daily until')),
                ('place', models.CharField(blank=True, max_length=200, verbose_name='place')),
                ('age_min', models.PositiveSmallIntegerField(default=6, verbose_name='age from')),
                ('age_max', models.PositiveSmallIntegerField(default=14, verbose_name='age up to')),
                ('price', models.DecimalField(decimal_places=2, default=0, max_digits=8, verbose_name='price (EUR)')),
                ('max_participants', models.PositiveIntegerField(blank=True, null=True, verbose_name='places')),
                ('registration', models.CharField(blank=True, max_length=300, verbose_name='registration')),
                ('is_published', models.BooleanField(default=True, verbose_name='published')),
                ('partner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='holiday_offers', to='core.partner', verbose_name='partner')),
            ],
            options={
                'verbose_name': 'holiday offer',
                'verbose_name_plural': 'holiday offers',
                'ordering': ['start_date', 'title'],
                'constraints': [models.CheckConstraint(condition=models.Q(('end_date__gte', models.F('start_date'))), name='holiday_end_after_start', violation_error_message='The end cannot be before the start.'), models.CheckConstraint(condition=models.Q(('age_max__gte', models.F('age_min'))), name='holiday_age_range', violation_error_message='The upper age cannot be below the lower age.'), models.CheckConstraint(condition=models.Q(('price__gte', 0)), name='holiday_price_not_negative', violation_error_message='The price cannot be negative.')],
            },
        ),
        migrations.CreateModel(
            name='FundingEntry',
            fields=[
                *stamped(),
                ('kind', models.CharField(choices=[('donation', 'Donation'), ('membership_fee', 'Membership fee'), ('grant', 'Grant'), ('other', 'Other')], max_length=20, verbose_name='kind')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=12, verbose_name='amount (EUR)')),
                ('received_on', models.DateField(validators=[kernel.dates.validate_plausible_date], verbose_name='received on')),
                ('donor', models.CharField(blank=True, max_length=200, verbose_name='from (if not a partner)')),
                ('purpose', models.CharField(blank=True, max_length=200, verbose_name='purpose')),
                ('partner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='funding_entries', to='core.partner', verbose_name='from partner')),
            ],
            options={
                'verbose_name': 'funding entry',
                'verbose_name_plural': 'funding entries',
                'ordering': ['-received_on'],
                'constraints': [models.CheckConstraint(condition=models.Q(('amount__gt', 0)), name='funding_amount_positive', violation_error_message='The amount must be greater than zero.')],
            },
        ),
        migrations.CreateModel(
            name='ContactPerson',
            fields=[
                *stamped(),
                ('first_name', models.CharField(max_length=100, verbose_name='first name')),
                ('last_name', models.CharField(max_length=100, verbose_name='last name')),
                ('position', models.CharField(blank=True, max_length=150, verbose_name='position')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail address')),
                ('phone', models.CharField(blank=True, max_length=50, verbose_name='phone')),
                ('is_primary', models.BooleanField(default=False, verbose_name='main contact')),
                ('anonymised_at', models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='anonymised at')),
                ('partner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contacts', to='core.partner', verbose_name='partner')),
            ],
            options={
                'verbose_name': 'contact person',
                'verbose_name_plural': 'contact persons',
                'ordering': ['partner__name', '-is_primary', 'last_name'],
            },
        ),
        migrations.CreateModel(
            name='BoardMember',
            fields=[
                *stamped(),
                ('full_name', models.CharField(max_length=200, verbose_name='name')),
                ('affiliation', models.CharField(blank=True, max_length=200, verbose_name='organisation')),
                ('position', models.CharField(choices=[('chair', 'Chair'), ('deputy', 'Deputy chair'), ('member', 'Member')], default='member', max_length=20, verbose_name='position')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail address')),
                ('phone', models.CharField(blank=True, max_length=50, verbose_name='phone')),
                ('term_start', models.DateField(validators=[kernel.dates.validate_plausible_date], verbose_name='term begins')),
                ('term_end', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='term ends')),
                ('anonymised_at', models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='anonymised at')),
                ('partner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='board_members', to='core.partner', verbose_name='partner organisation')),
            ],
            options={
                'verbose_name': 'board member',
                'verbose_name_plural': 'board members',
                'ordering': ['position', 'full_name'],
                'constraints': [models.CheckConstraint(condition=models.Q(('term_end__isnull', True), ('term_end__gte', models.F('term_start')), _connector='OR'), name='board_member_term_order', violation_error_message='The term cannot end before it begins.')],
            },
        ),
        migrations.CreateModel(
            name='Application',
            fields=[
                *stamped(),
                ('organisation_name', models.CharField(max_length=200, verbose_name='organisation')),
                ('kind', models.CharField(choices=[('company', 'Company'), ('municipality', 'Municipality or administration'), ('social_agency', 'Social agency'), ('science', 'Science or education'), ('association', 'Association'), ('chamber', 'Chamber'), ('employment_agency', 'Employment agency or job centre'), ('church', 'Church'), ('other', 'Other')], max_length=30, verbose_name='kind')),
                ('size_class', models.CharField(choices=[('micro', '1 to 9 employees'), ('small', '10 to 49 employees'), ('medium', '50 to 249 employees'), ('large', '250 employees or more'), ('n/a', 'Not applicable')], default='n/a', max_length=10, verbose_name='size')),
                ('city', models.CharField(blank=True, max_length=100, verbose_name='town')),
                ('website', models.URLField(blank=True, verbose_name='website')),
                ('contact_name', models.CharField(max_length=200, verbose_name='contact person')),
                ('contact_email', models.EmailField(max_length=254, verbose_name='e-mail address')),
                ('contact_phone', models.CharField(blank=True, max_length=50, verbose_name='phone')),
                ('statement', models.TextField(verbose_name='statement: measures and engagement for families')),
                ('received_on', models.DateField(validators=[kernel.dates.validate_plausible_date], verbose_name='received on')),
                ('status', models.CharField(choices=[('pending', 'Pending'), ('admitted', 'Admitted'), ('rejected', 'Rejected'), ('withdrawn', 'Withdrawn')], default='pending', max_length=20, verbose_name='status')),
                ('anonymised_at', models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='anonymised at')),
                ('partner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='applications', to='core.partner', verbose_name='partner')),
            ],
            options={
                'verbose_name': 'application',
                'verbose_name_plural': 'applications',
                'ordering': ['-received_on', 'organisation_name'],
                'indexes': [models.Index(fields=['status', 'received_on'], name='core_applic_status_0f6d5b_idx')],
            },
        ),
        migrations.CreateModel(
            name='Project',
            fields=[
                *stamped(),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('topic', models.CharField(choices=[('childcare', 'Childcare'), ('care', 'Care for relatives'), ('working_world', 'Working world'), ('generations', 'Generations'), ('information', 'Information and advice'), ('holidays', 'Holidays and leisure'), ('other', 'Other')], max_length=20, verbose_name='topic')),
                ('status', models.CharField(choices=[('planned', 'Planned'), ('running', 'Running'), ('finished', 'Finished')], default='planned', max_length=20, verbose_name='status')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('start_date', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='start')),
                ('end_date', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='end')),
                ('target_groups', models.JSONField(blank=True, default=list, verbose_name='target groups')),
                ('families_reached', models.PositiveIntegerField(default=0, verbose_name='families reached')),
                ('funding_amount', models.DecimalField(decimal_places=2, default=0, max_digits=12, verbose_name='funding (EUR)')),
                ('funding_source', models.CharField(blank=True, max_length=200, verbose_name='funded by')),
                ('is_public', models.BooleanField(default=True, verbose_name='show on the public page')),
                ('lead_partner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='led_projects', to='core.partner', verbose_name='lead partner')),
                ('partners', models.ManyToManyField(blank=True, related_name='projects', to='core.partner', verbose_name='participating partners')),
            ],
            options={
                'verbose_name': 'project',
                'verbose_name_plural': 'projects',
                'ordering': ['-start_date', 'title'],
                'constraints': [models.CheckConstraint(condition=models.Q(('end_date__isnull', True), ('start_date__isnull', True), ('end_date__gte', models.F('start_date')), _connector='OR'), name='project_end_after_start', violation_error_message='The end cannot be before the start.'), models.CheckConstraint(condition=models.Q(('funding_amount__gte', 0)), name='project_funding_not_negative'), models.CheckConstraint(condition=models.Q(('topic__in', ['childcare', 'care', 'working_world', 'generations', 'information', 'holidays', 'other'])), name='project_topic')],
            },
        ),
        migrations.CreateModel(
            name='Event',
            fields=[
                *stamped(),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('kind', models.CharField(choices=[('family_day', 'Family day'), ('hiking_day', 'Family hiking day'), ('information', 'Information event'), ('training', 'Training'), ('network', 'Network meeting'), ('other', 'Other')], max_length=20, verbose_name='kind')),
                ('date', models.DateField(validators=[kernel.dates.validate_plausible_date], verbose_name='date')),
                ('start_time', models.TimeField(blank=True, null=True, verbose_name='begins at')),
                ('place', models.CharField(blank=True, max_length=200, verbose_name='place')),
                ('participant_count', models.PositiveIntegerField(blank=True, null=True, verbose_name='participants')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('is_public', models.BooleanField(default=True, verbose_name='show on the public page')),
                ('project', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='events', to='core.project', verbose_name='project')),
            ],
            options={
                'verbose_name': 'event',
                'verbose_name_plural': 'events',
                'ordering': ['-date'],
            },
        ),
        migrations.CreateModel(
            name='SealApplication',
            fields=[
                *stamped(),
                ('submitted_on', models.DateField(validators=[kernel.dates.validate_plausible_date], verbose_name='submitted on')),
                ('status', models.CharField(choices=[('submitted', 'Submitted'), ('in_review', 'In review'), ('awarded', 'Awarded'), ('rejected', 'Not awarded')], default='submitted', max_length=20, verbose_name='status')),
                ('reviewer', models.CharField(blank=True, max_length=200, verbose_name='reviewed by')),
                ('review_notes', models.TextField(blank=True, verbose_name='review notes')),
                ('awarded_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='awarded on')),
                ('valid_until', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='valid until')),
                ('reminder_sent_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='expiry reminder sent on')),
                ('partner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='seals', to='core.partner', verbose_name='partner')),
            ],
            options={
                'verbose_name': 'seal application',
                'verbose_name_plural': 'seal applications',
                'ordering': ['-submitted_on'],
                'indexes': [models.Index(fields=['status', 'valid_until'], name='core_sealap_status_447702_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(('valid_until__isnull', True), ('awarded_on__isnull', True), ('valid_until__gt', models.F('awarded_on')), _connector='OR'), name='seal_valid_after_award', violation_error_message='The seal must be valid beyond its award date.'), models.CheckConstraint(condition=models.Q(models.Q(('status', 'awarded'), _negated=True), models.Q(('awarded_on__isnull', False), ('valid_until__isnull', False)), _connector='OR'), name='seal_awarded_has_dates', violation_error_message='An awarded seal needs an award date and a validity.')],
            },
        ),
        migrations.CreateModel(
            name='SealCheck',
            fields=[
                *stamped(),
                ('fulfilled', models.BooleanField(default=False, verbose_name='fulfilled')),
                ('note', models.CharField(blank=True, max_length=300, verbose_name='note')),
                ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='checks', to='core.sealapplication', verbose_name='application')),
                ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='checks', to='core.sealcriterion', verbose_name='criterion')),
            ],
            options={
                'verbose_name': 'criterion check',
                'verbose_name_plural': 'criterion checks',
                'ordering': ['criterion__position'],
                'constraints': [models.UniqueConstraint(fields=('application', 'criterion'), name='seal_check_once')],
            },
        ),
        migrations.CreateModel(
            name='WorkingGroup',
            fields=[
                *stamped(),
                ('name', models.CharField(max_length=200, unique=True, verbose_name='name')),
                ('topic', models.CharField(choices=[('childcare', 'Childcare'), ('care', 'Care for relatives'), ('working_world', 'Working world'), ('generations', 'Generations'), ('information', 'Information and advice'), ('holidays', 'Holidays and leisure'), ('other', 'Other')], max_length=20, verbose_name='topic')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('chair', models.CharField(blank=True, max_length=200, verbose_name='chaired by')),
                ('is_active', models.BooleanField(default=True, verbose_name='active')),
                ('members', models.ManyToManyField(blank=True, related_name='working_groups', to='core.partner', verbose_name='members')),
            ],
            options={
                'verbose_name': 'working group',
                'verbose_name_plural': 'working groups',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='AgendaItem',
            fields=[
                *stamped(),
                ('position', models.PositiveSmallIntegerField(verbose_name='position')),
                ('title', models.CharField(max_length=300, verbose_name='title')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='agenda_items', to='core.boardmeeting', verbose_name='meeting')),
            ],
            options={
                'verbose_name': 'agenda item',
                'verbose_name_plural': 'agenda items',
                'ordering': ['meeting', 'position'],
                'constraints': [models.UniqueConstraint(fields=('meeting', 'position'), name='agenda_item_position')],
            },
        ),
        migrations.CreateModel(
            name='Decision',
            fields=[
                *stamped(),
                ('outcome', models.CharField(choices=[('admit', 'Admit'), ('reject', 'Reject'), ('defer', 'Defer to a later meeting')], max_length=10, verbose_name='outcome')),
                ('votes_yes', models.PositiveSmallIntegerField(verbose_name='votes in favour')),
                ('votes_no', models.PositiveSmallIntegerField(verbose_name='votes against')),
                ('votes_abstain', models.PositiveSmallIntegerField(default=0, verbose_name='abstentions')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='decisions', to='core.application', verbose_name='application')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='decisions', to='core.boardmeeting', verbose_name='meeting')),
                ('board_size', models.PositiveSmallIntegerField(blank=True, editable=False, null=True, verbose_name="board members at the meeting's date")),
                ('members_present', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='board members present')),
            ],
            options={
                'verbose_name': 'decision',
                'verbose_name_plural': 'decisions',
                'ordering': ['-meeting__date'],
                'constraints': [models.UniqueConstraint(fields=('application', 'meeting'), name='decision_once_per_meeting'), models.CheckConstraint(condition=models.Q(('members_present__isnull', True), ('members_present__gte', django.db.models.expressions.CombinedExpression(django.db.models.expressions.CombinedExpression(models.F('votes_yes'), '+', models.F('votes_no')), '+', models.F('votes_abstain'))), _connector='OR'), name='decision_votes_within_present', violation_error_message='Votes in favour, against and abstentions together cannot exceed the members present.'), models.CheckConstraint(condition=models.Q(('members_present__isnull', True), ('board_size__isnull', True), ('members_present__lte', models.F('board_size')), _connector='OR'), name='decision_present_within_board', violation_error_message='More members cannot be present than the board has.')],
            },
        ),
    ]
