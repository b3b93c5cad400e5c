
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('regional', '0008_workshops'),
    ]

    operations = [
        migrations.AddField(
            model_name='alliancesnapshot',
            name='agreements_in_force',
            field=models.PositiveIntegerField(default=0, verbose_name='cooperation agreements in force'),
        ),
    ]
