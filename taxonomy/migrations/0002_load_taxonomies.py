from django.db import migrations

from taxonomy.loading import load_all


def load(apps, schema_editor):
    load_all(
        apps.get_model("taxonomy", "IsoCategory"),
        apps.get_model("taxonomy", "Need"),
        apps.get_model("taxonomy", "Condition"),
    )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
