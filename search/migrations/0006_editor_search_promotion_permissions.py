from django.contrib.auth.management import create_permissions
from django.db import migrations

# Editors pin products for a query (Settings › Promoted search results, Wagtail's
# search_promotions), so the search log's "no results" can be answered by hand.
GROUP = "Editors"
CODENAMES = ["add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"]


def promotion_permissions(apps):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.filter(
        content_type__app_label="wagtailsearchpromotions", codename__in=CODENAMES
    )


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; these are needed now (see 0002).
    app_config = apps.get_app_config("wagtailsearchpromotions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    for group in apps.get_model("auth.Group").objects.filter(name=GROUP):
        group.permissions.add(*promotion_permissions(apps))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth.Group").objects.filter(name=GROUP):
        group.permissions.remove(*promotion_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_search_log_redacted_again"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
