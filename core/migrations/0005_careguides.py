
import core.models.agreements
import django.db.models.deletion
import kernel.dates
from django.db import migrations, models
from django.db.models import Count, Q

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

    dependencies = [
        ('core', '0004_workshops'),
    ]

    operations = [
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
        migrations.RunPython(guides_from_counts, counts_from_guides),
    ]
