from django.contrib.auth.management import create_permissions
from django.db import migrations

# Wagtail's Moderators group also runs the photo queue and the reports: it reads photos and
# reports and decides on them. Nobody adds or deletes either in the admin
# (reviews.admin_photos.PhotoPermissionPolicy, reviews.admin_reports.ReportPermissionPolicy).
GROUP = "Moderators"
CODENAMES = ["view_photo", "change_photo", "view_report", "change_report"]


def grant(apps, schema_editor):
    # As in 0002: permissions are normally made after all migrations, and these are needed now.
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
        ("reviews", "0005_submitted_at"),
        ("reviews", "0002_moderator_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
