from django.contrib.auth.management import create_permissions
from django.db import migrations

# Wagtail's Moderators group also runs the tip queue: it reads tips and decides on them.
# Nobody adds or deletes tips in the admin (reviews.admin_tips.TipPermissionPolicy), and
# Editors get nothing new.
GROUP = "Moderators"
CODENAMES = ["view_tip", "change_tip"]


def tip_permissions(apps):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.filter(content_type__app_label="reviews", codename__in=CODENAMES)


def grant(apps, schema_editor):
    # As in 0002: permissions are normally made after all migrations, and these are needed now.
    app_config = apps.get_app_config("reviews")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    for group in apps.get_model("auth.Group").objects.filter(name=GROUP):
        group.permissions.add(*tip_permissions(apps))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth.Group").objects.filter(name=GROUP):
        group.permissions.remove(*tip_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [("reviews", "0007_tips")]

    operations = [migrations.RunPython(grant, revoke)]
