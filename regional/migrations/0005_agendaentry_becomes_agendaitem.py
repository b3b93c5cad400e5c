"""``AgendaEntry`` becomes ``AgendaItem``: one vocabulary for every meeting's agenda.

The table keeps its name (``regional_agendaentry``), so no row moves: the first
operation pins the table name (unchanged, no SQL), the second renames the model in the
migration state only (Django does nothing to a table whose name is pinned) and renames
its content type.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("regional", "0001_squashed_0004_plausible_dates"),
    ]

    operations = [
        migrations.AlterModelTable(name="agendaentry", table="regional_agendaentry"),
        migrations.RenameModel(old_name="AgendaEntry", new_name="AgendaItem"),
    ]
