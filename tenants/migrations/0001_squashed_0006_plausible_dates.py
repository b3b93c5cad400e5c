"""Alliances, domains, users, memberships and rate counters as they stood at release
1cb4d21: its migrations 0001-0006, squashed.

``replaces`` names them: a database that has all six recorded counts this one as applied
(Django records its name at the next ``migrate``); a fresh database runs only this one.
"""

import django.db.models.deletion
import django.db.models.functions.text
import django.utils.timezone
import django_tenants.postgresql_backend.base
import kernel.dates
import tenants.models.user
from django.conf import settings
from django.db import migrations, models
from kernel.migration_fields import stamped


class Migration(migrations.Migration):

    replaces = [('tenants', '0001_initial'), ('tenants', '0002_membership'), ('tenants', '0003_remove_membership_membership_role_matches_scope_and_more'), ('tenants', '0004_alliance_is_demo'), ('tenants', '0005_rate_counter'), ('tenants', '0006_plausible_dates')]

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
    ]

    operations = [
        migrations.CreateModel(
            name='Alliance',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('schema_name', models.CharField(db_index=True, max_length=63, unique=True, validators=[django_tenants.postgresql_backend.base._check_schema_name])),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('slug', models.SlugField(help_text='Lower-case letters, digits and hyphens; becomes the web address.', max_length=40, unique=True, verbose_name='short name')),
                ('district', models.CharField(choices=[('erfurt', 'Erfurt'), ('gera', 'Gera'), ('jena', 'Jena'), ('suhl', 'Suhl'), ('weimar', 'Weimar'), ('eisenach', 'Eisenach'), ('eichsfeld', 'Landkreis Eichsfeld'), ('nordhausen', 'Landkreis Nordhausen'), ('wartburgkreis', 'Wartburgkreis'), ('unstrut-hainich-kreis', 'Unstrut-Hainich-Kreis'), ('kyffhaeuserkreis', 'Kyffhäuserkreis'), ('schmalkalden-meiningen', 'Landkreis Schmalkalden-Meiningen'), ('gotha', 'Landkreis Gotha'), ('soemmerda', 'Landkreis Sömmerda'), ('hildburghausen', 'Landkreis Hildburghausen'), ('ilm-kreis', 'Ilm-Kreis'), ('weimarer-land', 'Landkreis Weimarer Land'), ('sonneberg', 'Landkreis Sonneberg'), ('saalfeld-rudolstadt', 'Landkreis Saalfeld-Rudolstadt'), ('saale-holzland-kreis', 'Saale-Holzland-Kreis'), ('saale-orla-kreis', 'Saale-Orla-Kreis'), ('greiz', 'Landkreis Greiz'), ('altenburger-land', 'Landkreis Altenburger Land')], max_length=40, verbose_name='district')),
                ('host_organisation', models.CharField(blank=True, help_text="The organisation that hosts the alliance's coordination office.", max_length=200, verbose_name='host organisation')),
                ('founded_on', models.DateField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='founded on')),
                ('status', models.CharField(choices=[('setup', 'being founded'), ('active', 'active'), ('dormant', 'dormant'), ('dissolved', 'dissolved')], default='active', max_length=20, verbose_name='status')),
                ('is_demo', models.BooleanField(default=False, help_text='The alliance and its records are invented, to try the platform.', verbose_name='demo data')),
            ],
            options={
                'verbose_name': 'alliance',
                'verbose_name_plural': 'alliances',
                'ordering': ['name'],
                'constraints': [models.UniqueConstraint(django.db.models.functions.text.Lower('name'), name='alliance_name_unique_ci'), models.CheckConstraint(condition=models.Q(('slug__regex', '^[a-z][a-z0-9-]{1,38}[a-z0-9]$')), name='alliance_slug_format'), models.CheckConstraint(condition=models.Q(('status__in', ['setup', 'active', 'dormant', 'dissolved'])), name='alliance_status_valid'), models.CheckConstraint(condition=models.Q(('district__in', ['erfurt', 'gera', 'jena', 'suhl', 'weimar', 'eisenach', 'eichsfeld', 'nordhausen', 'wartburgkreis', 'unstrut-hainich-kreis', 'kyffhaeuserkreis', 'schmalkalden-meiningen', 'gotha', 'soemmerda', 'hildburghausen', 'ilm-kreis', 'weimarer-land', 'sonneberg', 'saalfeld-rudolstadt', 'saale-holzland-kreis', 'saale-orla-kreis', 'greiz', 'altenburger-land'])), name='alliance_district_valid')],
            },
        ),
        migrations.CreateModel(
            name='User',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('password', models.CharField(max_length=128, verbose_name='password')),
                ('last_login', models.DateTimeField(blank=True, null=True, validators=[kernel.dates.validate_plausible_date], verbose_name='last login')),
                ('is_superuser', models.BooleanField(default=False, help_text='Designates that this user has all permissions without explicitly assigning them.', verbose_name='superuser status')),
                ('email', models.EmailField(max_length=254, unique=True, verbose_name='e-mail address')),
                ('full_name', models.CharField(blank=True, max_length=200, verbose_name='full name')),
                ('is_active', models.BooleanField(default=True, verbose_name='active')),
                ('is_staff', models.BooleanField(default=False, help_text='May log in to the administration site.', verbose_name='support staff')),
                ('date_joined', models.DateTimeField(default=django.utils.timezone.now, validators=[kernel.dates.validate_plausible_date], verbose_name='date joined')),
                ('groups', models.ManyToManyField(blank=True, help_text='The groups this user belongs to. A user will get all permissions granted to each of their groups.', related_name='user_set', related_query_name='user', to='auth.group', verbose_name='groups')),
                ('user_permissions', models.ManyToManyField(blank=True, help_text='Specific permissions for this user.', related_name='user_set', related_query_name='user', to='auth.permission', verbose_name='user permissions')),
            ],
            options={
                'verbose_name': 'user',
                'verbose_name_plural': 'users',
                'ordering': ['email'],
                'constraints': [models.UniqueConstraint(django.db.models.functions.text.Lower('email'), name='user_email_unique_ci')],
            },
            managers=[
                ('objects', tenants.models.user.UserManager()),
            ],
        ),
        migrations.CreateModel(
            name='Domain',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('domain', models.CharField(db_index=True, max_length=253, unique=True)),
                ('is_primary', models.BooleanField(db_index=True, default=True)),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('tenant', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='domains', to='tenants.alliance')),
            ],
            options={
                'verbose_name': 'domain',
                'verbose_name_plural': 'domains',
                'ordering': ['domain'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('is_primary', True)), fields=('tenant',), name='domain_one_primary_per_alliance')],
            },
        ),
        migrations.CreateModel(
            name='Membership',
            fields=[
                *stamped(),
                ('role', models.CharField(choices=[('state_coordinator', 'State coordinator'), ('ministry', 'Ministry'), ('local_coordinator', 'Local coordinator'), ('board_member', 'Board member'), ('partner_contact', 'Partner contact')], max_length=30, verbose_name='role')),
                ('partner_id', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='partner')),
                ('alliance', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='tenants.alliance', verbose_name='alliance')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to=settings.AUTH_USER_MODEL, verbose_name='person')),
            ],
            options={
                'verbose_name': 'membership',
                'verbose_name_plural': 'memberships',
                'ordering': ['alliance__name', 'role'],
                'constraints': [models.CheckConstraint(condition=models.Q(('partner_id__isnull', True), ('role', 'partner_contact'), _connector='OR'), name='membership_partner_only_for_contacts'), models.UniqueConstraint(fields=('user', 'alliance', 'role'), name='membership_unique_per_alliance', violation_error_message='This person already has this role here.'), models.UniqueConstraint(condition=models.Q(('alliance__isnull', True)), fields=('user', 'role'), name='membership_unique_state_role', violation_error_message='This person already has this role.'), models.CheckConstraint(condition=models.Q(models.Q(('alliance__isnull', True), ('role__in', ['ministry', 'state_coordinator'])), models.Q(('alliance__isnull', False), ('role__in', ['board_member', 'local_coordinator', 'partner_contact'])), _connector='OR'), name='membership_role_matches_scope', violation_error_message='State roles are held without an alliance, alliance roles need one.')],
            },
        ),
        migrations.CreateModel(
            name='RateCounter',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=200, unique=True, verbose_name='key')),
                ('count', models.PositiveIntegerField(default=0, verbose_name='count')),
                ('expires_at', models.DateTimeField(db_index=True, validators=[kernel.dates.validate_plausible_date], verbose_name='expires at')),
            ],
            options={
                'verbose_name': 'rate counter',
                'verbose_name_plural': 'rate counters',
            },
        ),
    ]
