from django.contrib.auth.management import create_permissions
from django.db import migrations

# Wagtail's Editors and Moderators groups curate the catalogue, so they manage its snippets.
GROUPS = ["Editors", "Moderators"]
MODELS = {
    "products": ["manufacturer"],
    "taxonomy": ["need", "condition", "isocategory"],
}
ACTIONS = ["add", "change", "delete", "view"]


def codenames():
    return [
        (app_label, f"{action}_{model}")
        for app_label, models in MODELS.items()
        for model in models
        for action in ACTIONS
    ]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; these need them now. A migration's
    # app config has no models module, which create_permissions takes to mean no models.
    for app_label in MODELS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in codenames()
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for app_label, codename in codenames():
        for permission in Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ):
            for group in Group.objects.filter(name__in=GROUPS):
                group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("products", "0003_vocabulary_fields"),
        ("taxonomy", "0003_ascii_slugs"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
