"""Certification programmes: the family seal becomes the programme "Familiensiegel".

Nothing is recreated: the seal's tables get a programme, groups, weights, scores,
self-assessment, review, jury and renewal fields. The data step creates the default
programme "Familiensiegel" when an alliance has seal criteria or applications (or no
programme yet), attaches every criterion and application to it and turns each check's
"fulfilled" into a review score (fulfilled 2, else 0). Backwards, the added columns go;
the seal's own columns keep their rows and values.
"""

import core.models.certification
import django.core.validators
import django.db.models.deletion
import kernel.dates
from django.db import migrations, models

FULFILLED = 2


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



class Migration(migrations.Migration):

    dependencies = [
        ('core', '0006_publicsite'),
    ]

    operations = [
        migrations.AddField(
            model_name='sealapplication',
            name='decided_on',
            field=models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='jury decision on'),
        ),
        migrations.AddField(
            model_name='sealapplication',
            name='decision_reasoning',
            field=models.TextField(blank=True, verbose_name='reasoning of the jury'),
        ),
        migrations.AddField(
            model_name='sealapplication',
            name='renewal_of',
            field=models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='renewal', to='core.sealapplication', verbose_name='renewal of'),
        ),
        migrations.AddField(
            model_name='sealapplication',
            name='reviewed_on',
            field=models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='on-site review on'),
        ),
        migrations.AddField(
            model_name='sealapplication',
            name='programme_kind',
            field=models.CharField(choices=[('family', 'Family friendliness'), ('diversity', 'Diversity'), ('other', 'Other')], default='family', editable=False, max_length=20, verbose_name='kind of programme'),
        ),
        migrations.AddField(
            model_name='sealcheck',
            name='score',
            field=models.PositiveSmallIntegerField(blank=True, choices=[(0, 'not fulfilled'), (1, 'partly fulfilled'), (2, 'fulfilled')], null=True, validators=[django.core.validators.MaxValueValidator(2)], verbose_name='review score'),
        ),
        migrations.AddField(
            model_name='sealcheck',
            name='self_comment',
            field=models.CharField(blank=True, max_length=500, verbose_name='comment of the employer'),
        ),
        migrations.AddField(
            model_name='sealcheck',
            name='self_score',
            field=models.PositiveSmallIntegerField(blank=True, choices=[(0, 'not fulfilled'), (1, 'partly fulfilled'), (2, 'fulfilled')], null=True, validators=[django.core.validators.MaxValueValidator(2)], verbose_name='self-assessment'),
        ),
        migrations.AddField(
            model_name='sealcriterion',
            name='weight',
            field=models.PositiveSmallIntegerField(default=1, help_text='From 1 to 10: how much it counts in the score.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(10)], verbose_name='weight'),
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
            },
        ),
        migrations.AddField(
            model_name='sealcriterion',
            name='group',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='criteria', to='core.criteriongroup', verbose_name='criterion group'),
        ),
        migrations.AddConstraint(
            model_name='criteriongroup',
            constraint=models.UniqueConstraint(fields=('programme', 'name'), name='criterion_group_once_per_programme', violation_error_message='The programme already has a group of this name.'),
        ),
        migrations.RunPython(attach_to_familiensiegel, keep_seal_rows),
        migrations.AlterField(
            model_name='sealapplication',
            name='programme',
            field=models.ForeignKey(default=core.models.certification.default_programme_id, on_delete=django.db.models.deletion.PROTECT, related_name='applications', to='core.certificationprogramme', verbose_name='programme'),
        ),
        migrations.AlterField(
            model_name='sealcriterion',
            name='programme',
            field=models.ForeignKey(default=core.models.certification.default_programme_id, on_delete=django.db.models.deletion.PROTECT, related_name='criteria', to='core.certificationprogramme', verbose_name='programme'),
        ),
    ]
