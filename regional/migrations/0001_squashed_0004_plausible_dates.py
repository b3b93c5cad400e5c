"""The state layer's tables as they stood at release 1cb4d21 (regional 0001-0004,
squashed). The agenda model keeps its old name here: 0005 renames it.

A database with all four old migrations recorded counts this one as applied.
"""

import django.db.models.deletion
import kernel.dates
import regional.models.meetings
import regional.models.reports
from django.conf import settings
from django.db import migrations, models
from kernel.migration_fields import stamped


class Migration(migrations.Migration):

    replaces = [('regional', '0001_initial'), ('regional', '0002_reports'), ('regional', '0003_report_quarter_required'), ('regional', '0004_plausible_dates')]

    initial = True

    dependencies = [
        ('tenants', '0001_squashed_0006_plausible_dates'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AllianceSetup',
            fields=[
                *stamped(),
                ('place', models.CharField(max_length=200, verbose_name='place')),
                ('district', models.CharField(choices=[('erfurt', 'Erfurt'), ('gera', 'Gera'), ('jena', 'Jena'), ('suhl', 'Suhl'), ('weimar', 'Weimar'), ('eisenach', 'Eisenach'), ('eichsfeld', 'Landkreis Eichsfeld'), ('nordhausen', 'Landkreis Nordhausen'), ('wartburgkreis', 'Wartburgkreis'), ('unstrut-hainich-kreis', 'Unstrut-Hainich-Kreis'), ('kyffhaeuserkreis', 'Kyffhäuserkreis'), ('schmalkalden-meiningen', 'Landkreis Schmalkalden-Meiningen'), ('gotha', 'Landkreis Gotha'), ('soemmerda', 'Landkreis Sömmerda'), ('hildburghausen', 'Landkreis Hildburghausen'), ('ilm-kreis', 'Ilm-Kreis'), ('weimarer-land', 'Landkreis Weimarer Land'), ('sonneberg', 'Landkreis Sonneberg'), ('saalfeld-rudolstadt', 'Landkreis Saalfeld-Rudolstadt'), ('saale-holzland-kreis', 'Saale-Holzland-Kreis'), ('saale-orla-kreis', 'Saale-Orla-Kreis'), ('greiz', 'Landkreis Greiz'), ('altenburger-land', 'Landkreis Altenburger Land')], max_length=40, verbose_name='district')),
                ('initiators', models.TextField(blank=True, verbose_name='initiators')),
                ('stage', models.CharField(choices=[('interest', 'Interest'), ('consultation', 'First consultation'), ('founding_event', 'Founding event'), ('declaration', 'Declaration signed'), ('active', 'Active')], default='interest', max_length=20, verbose_name='stage')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('alliance_name', models.CharField(blank=True, max_length=200, verbose_name='name of the alliance')),
                ('slug', models.SlugField(blank=True, max_length=40, verbose_name='short name (web address)')),
                ('host_organisation', models.CharField(blank=True, max_length=200, verbose_name='host organisation')),
                ('coordinator_name', models.CharField(blank=True, max_length=200, verbose_name='first coordinator')),
                ('coordinator_email', models.EmailField(blank=True, max_length=254, verbose_name="first coordinator's e-mail address")),
                ('provisioning_status', models.CharField(choices=[('none', 'Not started'), ('queued', 'Queued'), ('running', 'Running'), ('done', 'Done'), ('failed', 'Failed')], default='none', max_length=10, verbose_name='provisioning')),
                ('provisioning_step', models.CharField(blank=True, max_length=200, verbose_name='provisioning step')),
                ('provisioning_error', models.TextField(blank=True, verbose_name='provisioning error')),
                ('provisioning_task_id', models.CharField(blank=True, max_length=64)),
                ('alliance', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='setup', to='tenants.alliance', verbose_name='alliance on the platform')),
                ('mentor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='mentored_setups', to=settings.AUTH_USER_MODEL, verbose_name='mentor')),
            ],
            options={
                'verbose_name': 'new alliance',
                'verbose_name_plural': 'new alliances',
                'ordering': ['stage', 'place'],
            },
        ),
        migrations.CreateModel(
            name='RegionalMeeting',
            fields=[
                *stamped(),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('kind', models.CharField(choices=[('regional', 'Regional meeting'), ('strategy', 'Yearly strategy meeting'), ('other', 'Other meeting')], default='regional', max_length=20, verbose_name='kind')),
                ('date', models.DateField(validators=[kernel.dates.validate_plausible_date], verbose_name='date')),
                ('start_time', models.TimeField(verbose_name='begins at')),
                ('end_time', models.TimeField(verbose_name='ends at')),
                ('place', models.CharField(max_length=300, verbose_name='place')),
                ('moderation', models.CharField(blank=True, max_length=200, verbose_name='moderation')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('status', models.CharField(choices=[('planned', 'Planned'), ('held', 'Held'), ('cancelled', 'Cancelled')], default='planned', max_length=20, verbose_name='status')),
                ('minutes', models.TextField(blank=True, verbose_name='minutes')),
                ('minutes_status', models.CharField(choices=[('none', 'No minutes yet'), ('draft', 'Draft'), ('published', 'Approved and published')], default='none', max_length=20, verbose_name='minutes status')),
                ('minutes_published_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='minutes published on')),
                ('host_alliance', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='hosted_meetings', to='tenants.alliance', verbose_name='host alliance')),
            ],
            options={
                'verbose_name': 'regional meeting',
                'verbose_name_plural': 'regional meetings',
                'ordering': ['-date', '-start_time'],
                'constraints': [models.CheckConstraint(condition=models.Q(('end_time__gt', models.F('start_time'))), name='regional_meeting_ends_after_start', violation_error_message='The meeting must end after it begins.')],
            },
        ),
        migrations.CreateModel(
            name='RegionalAttachment',
            fields=[
                *stamped(),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('file', models.FileField(upload_to=regional.models.meetings.regional_attachment_path, verbose_name='file')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='regional.regionalmeeting', verbose_name='meeting')),
            ],
            options={
                'verbose_name': 'attachment',
                'verbose_name_plural': 'attachments',
                'ordering': ['title'],
            },
        ),
        migrations.CreateModel(
            name='Invitation',
            fields=[
                *stamped(),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('email', models.EmailField(max_length=254, verbose_name='e-mail address')),
                ('token', models.CharField(default=regional.models.meetings._token, editable=False, max_length=64, unique=True)),
                ('response', models.CharField(choices=[('pending', 'No reply yet'), ('attending', 'Attending'), ('declined', 'Not attending')], default='pending', max_length=20, verbose_name='reply')),
                ('responded_at', models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='replied at')),
                ('sent_at', models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='invitation sent at')),
                ('reminder_week_sent_at', models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='reminder a week before sent at')),
                ('reminder_day_sent_at', models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='reminder a day before sent at')),
                ('alliance', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='regional_invitations', to='tenants.alliance', verbose_name='alliance')),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='regional_invitations', to=settings.AUTH_USER_MODEL, verbose_name='person')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='invitations', to='regional.regionalmeeting', verbose_name='meeting')),
            ],
            options={
                'verbose_name': 'invitation',
                'verbose_name_plural': 'invitations',
                'ordering': ['meeting', 'alliance__name', 'name'],
                'constraints': [models.UniqueConstraint(fields=('meeting', 'email'), name='invitation_once_per_address', violation_error_message='This address is already invited.')],
            },
        ),
        migrations.CreateModel(
            name='AgendaEntry',
            fields=[
                *stamped(),
                ('position', models.PositiveSmallIntegerField(verbose_name='position')),
                ('start_time', models.TimeField(blank=True, null=True, verbose_name='time')),
                ('duration_minutes', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='minutes')),
                ('title', models.CharField(max_length=300, verbose_name='item')),
                ('speaker', models.CharField(blank=True, max_length=200, verbose_name='speaker')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='agenda', to='regional.regionalmeeting', verbose_name='meeting')),
            ],
            options={
                'verbose_name': 'agenda item',
                'verbose_name_plural': 'agenda items',
                'ordering': ['meeting', 'position'],
                'constraints': [models.UniqueConstraint(fields=('meeting', 'position'), name='regional_agenda_position')],
            },
        ),
        migrations.CreateModel(
            name='SetupTask',
            fields=[
                *stamped(),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                ('title', models.CharField(max_length=300, verbose_name='task')),
                ('due_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='due on')),
                ('done_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='done on')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('setup', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tasks', to='regional.alliancesetup', verbose_name='new alliance')),
            ],
            options={
                'verbose_name': 'checklist item',
                'verbose_name_plural': 'checklist items',
                'ordering': ['setup', 'position', 'due_on'],
            },
        ),
        migrations.CreateModel(
            name='StatisticsRun',
            fields=[
                *stamped(),
                ('taken_on', models.DateField(validators=[kernel.dates.validate_plausible_date], verbose_name='date of the figures')),
                ('status', models.CharField(choices=[('queued', 'Queued'), ('running', 'Running'), ('done', 'Done'), ('failed', 'Failed')], default='queued', max_length=10, verbose_name='status')),
                ('alliances_total', models.PositiveIntegerField(default=0, verbose_name='alliances')),
                ('alliances_done', models.PositiveIntegerField(default=0, verbose_name='alliances done')),
                ('started_at', models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='started at')),
                ('finished_at', models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='finished at')),
                ('error', models.TextField(blank=True, verbose_name='error')),
                ('task_id', models.CharField(blank=True, max_length=64, verbose_name='task')),
                ('requested_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='requested by')),
            ],
            options={
                'verbose_name': 'statistics run',
                'verbose_name_plural': 'statistics runs',
                'ordering': ['-created_at'],
            },
        ),
        migrations.CreateModel(
            name='AllianceSnapshot',
            fields=[
                *stamped(),
                ('taken_on', models.DateField(validators=[kernel.dates.validate_plausible_date], verbose_name='date')),
                ('year', models.PositiveSmallIntegerField(verbose_name='year of the activity figures')),
                ('partners_total', models.PositiveIntegerField(default=0, verbose_name='active partners')),
                ('companies', models.PositiveIntegerField(default=0, verbose_name='companies')),
                ('partners_with_care_guides', models.PositiveIntegerField(default=0, verbose_name='partners with care guides')),
                ('care_guides_total', models.PositiveIntegerField(default=0, verbose_name='trained care guides')),
                ('valid_seals', models.PositiveIntegerField(default=0, verbose_name='valid family seals')),
                ('projects_total', models.PositiveIntegerField(default=0, verbose_name='projects')),
                ('families_reached', models.PositiveIntegerField(default=0, verbose_name='families reached')),
                ('events', models.PositiveIntegerField(default=0, verbose_name='events')),
                ('event_participants', models.PositiveIntegerField(default=0, verbose_name='event participants')),
                ('funding_total', models.DecimalField(decimal_places=2, default=0, max_digits=14, verbose_name='funding (EUR)')),
                ('board_meetings_held', models.PositiveIntegerField(default=0, verbose_name='board meetings held')),
                ('partners_by_kind', models.JSONField(default=dict, verbose_name='partners by kind')),
                ('projects_by_topic', models.JSONField(default=dict, verbose_name='projects by topic')),
                ('projects_by_status', models.JSONField(default=dict, verbose_name='projects by status')),
                ('funding_by_kind', models.JSONField(default=dict, verbose_name='funding by kind')),
                ('alliance', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='snapshots', to='tenants.alliance', verbose_name='alliance')),
                ('run', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='snapshots', to='regional.statisticsrun', verbose_name='statistics run')),
            ],
            options={
                'verbose_name': 'alliance snapshot',
                'verbose_name_plural': 'alliance snapshots',
                'ordering': ['-taken_on', 'alliance__name'],
                'indexes': [models.Index(fields=['taken_on'], name='regional_al_taken_o_d1946b_idx')],
                'constraints': [models.UniqueConstraint(fields=('alliance', 'taken_on'), name='snapshot_one_per_alliance_and_day')],
            },
        ),
        migrations.CreateModel(
            name='Report',
            fields=[
                *stamped(),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('period_kind', models.CharField(choices=[('year', 'Year'), ('quarter', 'Quarter')], default='year', max_length=10, verbose_name='period')),
                ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                ('quarter', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='quarter')),
                ('summary', models.TextField(blank=True, verbose_name='summary')),
                ('highlights', models.TextField(blank=True, verbose_name='highlights')),
                ('problems', models.TextField(blank=True, verbose_name='problems raised by the alliances')),
                ('plans', models.TextField(blank=True, verbose_name='plans')),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('generating', 'Being generated'), ('ready', 'Generated (draft)'), ('failed', 'Generation failed'), ('released', 'Released')], default='draft', max_length=12, verbose_name='status')),
                ('snapshot_date', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='figures as of')),
                ('data', models.JSONField(blank=True, default=dict, verbose_name='figures')),
                ('suppression_threshold', models.PositiveSmallIntegerField(default=3, verbose_name='small numbers shown as below')),
                ('pdf_file', models.FileField(blank=True, upload_to=regional.models.reports.report_file_path, verbose_name='PDF')),
                ('xlsx_file', models.FileField(blank=True, upload_to=regional.models.reports.report_file_path, verbose_name='Excel (XLSX)')),
                ('csv_file', models.FileField(blank=True, upload_to=regional.models.reports.report_file_path, verbose_name='CSV')),
                ('generated_at', models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='generated at')),
                ('generation_error', models.TextField(blank=True, verbose_name='generation error')),
                ('task_id', models.CharField(blank=True, max_length=64)),
                ('released_at', models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='released at')),
                ('released_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='released by')),
            ],
            options={
                'verbose_name': 'report',
                'verbose_name_plural': 'reports',
                'ordering': ['-year', '-quarter', '-created_at'],
                'constraints': [models.CheckConstraint(condition=models.Q(('year__gte', 2000), ('year__lte', 2100)), name='report_year_plausible', violation_error_message='Please enter a year between 2000 and 2100.'), models.CheckConstraint(condition=models.Q(models.Q(('period_kind', 'year'), ('quarter__isnull', True)), models.Q(('period_kind', 'quarter'), ('quarter__gte', 1), ('quarter__isnull', False), ('quarter__lte', 4)), _connector='OR'), name='report_quarter_matches_period', violation_error_message='A quarterly report needs a quarter from 1 to 4, a yearly report none.')],
            },
        ),
    ]
