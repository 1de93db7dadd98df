from django.contrib.auth.management import create_permissions
from django.db import migrations

# Wagtail's Moderators group runs the review queue: it reads reviews and decides on them.
# Nobody adds or deletes reviews in the admin (reviews.admin_views.ReviewPermissionPolicy).
GROUP = "Moderators"
CODENAMES = ["view_review", "change_review"]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; these need them now. A migration's
    # app config has no models module, which create_permissions takes to mean no models.
    app_config = apps.get_app_config("reviews")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="reviews", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name=GROUP):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="reviews", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
