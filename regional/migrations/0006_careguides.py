
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('regional', '0005_agendaentry_becomes_agendaitem'),
    ]

    operations = [
        migrations.AddField(
            model_name='alliancesnapshot',
            name='agreements_in_force',
            field=models.PositiveIntegerField(default=0, verbose_name='cooperation agreements in force'),
        ),
    ]
