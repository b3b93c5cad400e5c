"""The fundraising circle: members and donors, actions, grants to projects, receipts.

Existing funding entries lose nothing: each donation or membership fee is linked to a
supporter made from what the entry already names (its partner, else its donor text; one
supporter per partner or per distinct donor name). The entries' own fields stay as they
were; going back unlinks them and removes only the supporters made here.
"""

import django.db.models.deletion
import kernel.dates
from django.db import migrations, models


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

    dependencies = [
        ('core', '0007_certification'),
    ]

    operations = [
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
            ],
            options={
                'verbose_name': 'donation receipt',
                'verbose_name_plural': 'donation receipts',
                'ordering': ['-issued_on', '-number'],
            },
        ),
        migrations.AddField(
            model_name='fundingentry',
            name='receipt',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='entries', to='core.donationreceipt', verbose_name='donation receipt'),
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
            },
        ),
        migrations.AddField(
            model_name='donationreceipt',
            name='supporter',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='receipts', to='core.supporter', verbose_name='member or donor'),
        ),
        migrations.AddField(
            model_name='fundingentry',
            name='supporter',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='funding_entries', to='core.supporter', verbose_name='member or donor'),
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
        migrations.AddConstraint(
            model_name='supporter',
            constraint=models.CheckConstraint(condition=models.Q(('joined_on__isnull', True), ('left_on__isnull', True), ('left_on__gte', models.F('joined_on')), _connector='OR'), name='supporter_left_after_joined', violation_error_message='The circle cannot be left before it was joined.'),
        ),
        migrations.AddConstraint(
            model_name='supporter',
            constraint=models.CheckConstraint(condition=models.Q(('left_on__isnull', True), ('joined_on__isnull', False), _connector='OR'), name='supporter_left_only_after_joining', violation_error_message='Only a member who joined can leave the circle.'),
        ),
        migrations.AddConstraint(
            model_name='supporter',
            constraint=models.CheckConstraint(condition=models.Q(('yearly_fee__isnull', True), ('yearly_fee__gte', 0), _connector='OR'), name='supporter_fee_not_negative', violation_error_message='The membership fee cannot be negative.'),
        ),
        migrations.RunPython(link_existing_entries, unlink_entries),
    ]
