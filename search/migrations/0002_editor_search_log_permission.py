from django.contrib.auth.management import create_permissions
from django.db import migrations

# Wagtail's Editors and Moderators groups read the search log (Reports › Search log) to see
# what people look for. Nobody may add, change or delete a logged search: the model has
# only a "view" permission.
GROUPS = ["Editors", "Moderators"]
CODENAME = "view_searchlog"


def view_permission(apps):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.filter(content_type__app_label="search", codename=CODENAME)


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; this one is needed now. A
    # migration's app config has no models module, which create_permissions takes to mean
    # no models.
    app_config = apps.get_app_config("search")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    for group in apps.get_model("auth.Group").objects.filter(name__in=GROUPS):
        group.permissions.add(*view_permission(apps))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth.Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*view_permission(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_log"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
