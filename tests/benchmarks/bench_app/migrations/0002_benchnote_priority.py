from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("bench_app", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="benchnote",
            name="priority",
            field=models.PositiveSmallIntegerField(default=0),
        ),
    ]
