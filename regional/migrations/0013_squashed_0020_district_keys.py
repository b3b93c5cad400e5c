"""Squashed regional 0013-0020 (the operations of each, unchanged and in order).

0020_district_keys: A new alliance's district (``AllianceSetup.district``) and a mailing's chosen districts
(``Mailing.districts``) become official keys (AGS) like the alliances' (tenants 0006,
whose frozen slug mapping this migration uses); going back they become slugs again.
"""

import django.contrib.postgres.fields
import django.db.models.deletion
import django.db.models.functions.text
import importlib
import kernel.collation
import kernel.dates
import kernel.library.models
import regional.models.attendance
import regional.models.meetings
import tenants.scope
from django.conf import settings
from django.db import migrations, models


keys = importlib.import_module("tenants.migrations.0002_squashed_0007_district_keys")


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

    replaces = [
        ('regional', '0013_awards_received'),
        ('regional', '0014_meeting_reminders_attendance_feed'),
        ('regional', '0015_german_names'),
        ('regional', '0016_calendar_feed_token_label'),
        ('regional', '0017_mailings'),
        ('regional', '0018_library'),
        ('regional', '0019_state_owned'),
        ('regional', '0020_district_keys'),
    ]

    dependencies = [
        ('regional', '0006_squashed_0012_fundraising'),
        ('tenants', '0002_squashed_0007_district_keys'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('mail', '0001_squashed_0002_message_id_and_attempt_log'),
    ]

    operations = [
        # 0013_awards_received
        migrations.AddField(
            model_name='alliancesnapshot',
            name='awards_received',
            field=models.PositiveIntegerField(default=0, verbose_name='awards received'),
        ),
        # 0014_meeting_reminders_attendance_feed
        migrations.AddField(
            model_name='invitation',
            name='attended',
            field=models.BooleanField(blank=True, null=True, verbose_name='attended'),
        ),
        migrations.AddField(
            model_name='invitation',
            name='reminded_at',
            field=models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='last reminded to reply at'),
        ),
        migrations.AddField(
            model_name='invitation',
            name='reminder_count',
            field=models.PositiveSmallIntegerField(default=0, verbose_name='reminders to reply'),
        ),
        migrations.CreateModel(
            name='CalendarFeed',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('token', models.CharField(default=regional.models.attendance.feed_token, editable=False, max_length=64, unique=True)),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='regional_calendar_feed', to=settings.AUTH_USER_MODEL, verbose_name='person')),
            ],
            options={
                'verbose_name': 'calendar feed',
                'verbose_name_plural': 'calendar feeds',
            },
        ),
        migrations.CreateModel(
            name='WalkIn',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('alliance', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='regional_walk_ins', to='tenants.alliance', verbose_name='alliance')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='walk_ins', to='regional.regionalmeeting', verbose_name='meeting')),
            ],
            options={
                'verbose_name': 'attendee without invitation',
                'verbose_name_plural': 'attendees without invitation',
                'ordering': ['meeting', 'alliance__name', 'name', 'pk'],
            },
        ),
        # 0015_german_names
        migrations.AlterModelOptions(
            name='alliancesetup',
            options={'ordering': ['stage', models.OrderBy(kernel.collation.GermanName('place'))], 'verbose_name': 'new alliance', 'verbose_name_plural': 'new alliances'},
        ),
        migrations.AlterModelOptions(
            name='alliancesnapshot',
            options={'ordering': ['-taken_on', models.OrderBy(kernel.collation.GermanName('alliance__name'))], 'verbose_name': 'alliance snapshot', 'verbose_name_plural': 'alliance snapshots'},
        ),
        migrations.AlterModelOptions(
            name='certificationtemplate',
            options={'ordering': [models.OrderBy(kernel.collation.GermanName('name'))], 'verbose_name': 'certification programme template', 'verbose_name_plural': 'certification programme templates'},
        ),
        migrations.AlterModelOptions(
            name='invitation',
            options={'ordering': ['meeting', models.OrderBy(kernel.collation.GermanName('alliance__name')), models.OrderBy(kernel.collation.GermanName('name'))], 'verbose_name': 'invitation', 'verbose_name_plural': 'invitations'},
        ),
        migrations.AlterModelOptions(
            name='startertemplate',
            options={'ordering': ['kind', models.OrderBy(kernel.collation.GermanName('name'))], 'verbose_name': 'starter template', 'verbose_name_plural': 'starter templates'},
        ),
        migrations.AlterModelOptions(
            name='templategroup',
            options={'ordering': [models.OrderBy(kernel.collation.GermanName('name'))], 'verbose_name': 'template criterion group', 'verbose_name_plural': 'template criterion groups'},
        ),
        migrations.AlterField(
            model_name='alliancesetup',
            name='provisioning_task_id',
            field=models.CharField(blank=True, max_length=64, verbose_name='set-up background task'),
        ),
        migrations.AlterField(
            model_name='invitation',
            name='token',
            field=models.CharField(default=regional.models.meetings._token, editable=False, max_length=64, unique=True, verbose_name='reply token'),
        ),
        migrations.AlterField(
            model_name='report',
            name='task_id',
            field=models.CharField(blank=True, max_length=64, verbose_name='background task'),
        ),
        # 0016_calendar_feed_token_label
        migrations.AlterField(
            model_name='calendarfeed',
            name='token',
            field=models.CharField(default=regional.models.attendance.feed_token, editable=False, max_length=64, unique=True, verbose_name='feed token'),
        ),
        # 0017_mailings
        migrations.CreateModel(
            name='Mailing',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('subject', models.CharField(max_length=200, verbose_name='e-mail subject')),
                ('body', models.TextField(max_length=20000, verbose_name='text')),
                ('groups', models.JSONField(default=list, verbose_name='groups')),
                ('districts', models.JSONField(blank=True, default=list, verbose_name='districts')),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('sent', 'Sent')], default='draft', max_length=10, verbose_name='status')),
                ('sent_at', models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='sent at')),
                ('alliances', models.ManyToManyField(blank=True, related_name='+', to='tenants.alliance', verbose_name='alliances')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='written by')),
                ('sent_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='sent by')),
            ],
            options={
                'verbose_name': 'mailing',
                'verbose_name_plural': 'mailings',
                'ordering': ['-sent_at', '-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='MailingOptOut',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('email', models.EmailField(max_length=254, verbose_name='e-mail address')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='unsubscribed at')),
            ],
            options={
                'verbose_name': 'unsubscribed address',
                'verbose_name_plural': 'unsubscribed addresses',
                'ordering': ['-created_at'],
                'constraints': [models.UniqueConstraint(django.db.models.functions.text.Lower('email'), name='mailing_optout_once')],
            },
        ),
        migrations.CreateModel(
            name='MailingRecipient',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('email', models.EmailField(max_length=254, verbose_name='e-mail address')),
                ('name', models.CharField(blank=True, max_length=200, verbose_name='name')),
                ('alliances', models.TextField(blank=True, verbose_name='alliances')),
                ('excluded', models.BooleanField(default=False, verbose_name='left out (unsubscribed)')),
                ('mailing', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='recipients', to='regional.mailing', verbose_name='mailing')),
                ('outbox_email', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='mail.outboxemail', verbose_name='queued e-mail')),
            ],
            options={
                'verbose_name': 'recipient of a mailing',
                'verbose_name_plural': 'recipients of mailings',
                'ordering': ['mailing', 'email'],
            },
        ),
        migrations.AddConstraint(
            model_name='mailing',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['draft', 'sent'])), name='mailing_status_known'),
        ),
        migrations.AddConstraint(
            model_name='mailing',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'sent'), _negated=True), ('sent_at__isnull', False), _connector='OR'), name='mailing_sent_has_time'),
        ),
        migrations.AddConstraint(
            model_name='mailingrecipient',
            constraint=models.UniqueConstraint(models.F('mailing'), django.db.models.functions.text.Lower('email'), name='mailing_recipient_once'),
        ),
        # 0018_library
        migrations.CreateModel(
            name='StateDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('tags', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=40), blank=True, default=list, size=12, verbose_name='tags')),
                ('audience', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(choices=[('local_coordinator', 'Local coordinator'), ('board_member', 'Board member'), ('partner_contact', 'Partner contact'), ('ministry', 'Ministry')], max_length=30), blank=True, default=list, help_text='The state office always sees its documents. Nobody chosen: only the state office.', size=None, verbose_name='visible to')),
                ('for_all_alliances', models.BooleanField(default=True, verbose_name='for all alliances')),
                ('alliances', models.ManyToManyField(blank=True, help_text='Only when the document is not for all alliances.', related_name='state_documents', to='tenants.alliance', verbose_name='chosen alliances')),
            ],
            options={
                'verbose_name': 'state document',
                'verbose_name_plural': 'state documents',
                'ordering': ['-updated_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='StateDocumentVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('number', models.PositiveIntegerField(verbose_name='version')),
                ('file', models.FileField(max_length=255, upload_to=kernel.library.models.version_path, verbose_name='file')),
                ('note', models.CharField(blank=True, max_length=300, verbose_name='note')),
                ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='uploaded at')),
                ('document', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='regional.statedocument', verbose_name='document')),
                ('uploaded_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
            ],
            options={
                'verbose_name': 'version',
                'verbose_name_plural': 'versions',
                'ordering': ['document', '-number'],
                'abstract': False,
            },
        ),
        migrations.AddIndex(
            model_name='statedocument',
            index=models.Index(fields=['-updated_at'], name='statedoc_updated'),
        ),
        migrations.AddConstraint(
            model_name='statedocumentversion',
            constraint=models.UniqueConstraint(fields=('document', 'number'), name='statedoc_version_once'),
        ),
        # 0019_state_owned
        migrations.RemoveConstraint(
            model_name='startertemplate',
            name='starter_template_kind_name_unique_ci',
        ),
        migrations.AddField(
            model_name='alliancesetup',
            name='state',
            field=models.ForeignKey(default=tenants.scope.scoped_or_home_state_key, editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='tenants.state', verbose_name='state'),
        ),
        migrations.AddField(
            model_name='certificationtemplate',
            name='state',
            field=models.ForeignKey(default=tenants.scope.scoped_or_home_state_key, editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='tenants.state', verbose_name='state'),
        ),
        migrations.AddField(
            model_name='mailing',
            name='state',
            field=models.ForeignKey(default=tenants.scope.scoped_or_home_state_key, editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='tenants.state', verbose_name='state'),
        ),
        migrations.AddField(
            model_name='regionalmeeting',
            name='state',
            field=models.ForeignKey(default=tenants.scope.scoped_or_home_state_key, editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='tenants.state', verbose_name='state'),
        ),
        migrations.AddField(
            model_name='report',
            name='state',
            field=models.ForeignKey(default=tenants.scope.scoped_or_home_state_key, editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='tenants.state', verbose_name='state'),
        ),
        migrations.AddField(
            model_name='startertemplate',
            name='state',
            field=models.ForeignKey(default=tenants.scope.scoped_or_home_state_key, editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='tenants.state', verbose_name='state'),
        ),
        migrations.AddField(
            model_name='statedocument',
            name='state',
            field=models.ForeignKey(default=tenants.scope.scoped_or_home_state_key, editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='tenants.state', verbose_name='state'),
        ),
        migrations.AddField(
            model_name='templategroup',
            name='state',
            field=models.ForeignKey(default=tenants.scope.scoped_or_home_state_key, editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='tenants.state', verbose_name='state'),
        ),
        migrations.AlterField(
            model_name='certificationtemplate',
            name='key',
            field=models.SlugField(max_length=60, verbose_name='short name'),
        ),
        migrations.AlterField(
            model_name='templategroup',
            name='key',
            field=models.SlugField(max_length=60, verbose_name='short name'),
        ),
        migrations.AlterField(
            model_name='templategroup',
            name='name',
            field=models.CharField(max_length=200, verbose_name='name'),
        ),
        migrations.AddConstraint(
            model_name='certificationtemplate',
            constraint=models.UniqueConstraint(models.F('state'), models.F('key'), name='template_key_per_state', violation_error_message='This value is used already.'),
        ),
        migrations.AddConstraint(
            model_name='startertemplate',
            constraint=models.UniqueConstraint(models.F('state'), models.F('kind'), django.db.models.functions.text.Lower('name'), name='starter_template_kind_name_unique_ci', violation_error_message='A template of this kind with this name exists already.'),
        ),
        migrations.AddConstraint(
            model_name='templategroup',
            constraint=models.UniqueConstraint(models.F('state'), models.F('key'), name='template_group_key_per_state', violation_error_message='This value is used already.'),
        ),
        migrations.AddConstraint(
            model_name='templategroup',
            constraint=models.UniqueConstraint(models.F('state'), models.F('name'), name='template_group_name_per_state', violation_error_message='This value is used already.'),
        ),
        # 0020_district_keys
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
