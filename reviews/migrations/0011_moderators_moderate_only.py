from django.db import migrations

# Wagtail's Moderators group came with its defaults: editing and publishing every page,
# and adding, changing and deleting images and documents; products 0004 added the
# manufacturers and the taxonomies. Moderators run the queues for members' contributions,
# which is all they keep (with the admin itself and the search log, which only reads).
# Editors curate the catalogue, so publishing pages, and approving what is submitted for
# moderation, passes to them; they could already add and edit every page.
MODERATORS = "Moderators"
EDITORS = "Editors"
TAKEN_APPS = ["wagtailimages", "wagtaildocs", "products", "taxonomy"]
PUBLISHING = ["publish_page", "lock_page", "unlock_page"]
MODERATORS_TASK = "Moderators approval"
EDITORS_TASK = "Editors approval"

# What Moderators had before, to give back on reversal.
MODERATORS_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
MODERATORS_COLLECTION_PERMISSIONS = [
    ("wagtailimages", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", ["add_document", "change_document", "choose_document"]),
]
MODERATORS_MODEL_PERMISSIONS = [
    *[("wagtailimages", f"{action}_image") for action in ("add", "change", "choose", "delete")],
    *[("wagtaildocs", f"{action}_document") for action in ("add", "change", "choose", "delete")],
    *[
        (app_label, f"{action}_{model}")
        for app_label, models in (
            ("products", ["manufacturer"]),
            ("taxonomy", ["need", "condition", "isocategory"]),
        )
        for model in models
        for action in ("add", "change", "delete", "view")
    ],
]


def groups(apps):
    Group = apps.get_model("auth.Group")
    return Group.objects.filter(name=MODERATORS).first(), Group.objects.filter(name=EDITORS).first()


def page_permissions(apps, codenames):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)


def root_page(apps):
    return apps.get_model("wagtailcore.Page").objects.filter(depth=1).first()


def moderate_only(apps, schema_editor):
    moderators, editors = groups(apps)
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    if moderators is not None:
        GroupPagePermission.objects.filter(group=moderators).delete()
        apps.get_model("wagtailcore.GroupCollectionPermission").objects.filter(
            group=moderators
        ).delete()
        moderators.permissions.remove(
            *moderators.permissions.filter(content_type__app_label__in=TAKEN_APPS)
        )
    root = root_page(apps)
    if editors is not None and root is not None:
        for permission in page_permissions(apps, PUBLISHING):
            GroupPagePermission.objects.get_or_create(
                group=editors, page=root, permission=permission
            )
    if moderators is None:
        return
    for task in apps.get_model("wagtailcore.GroupApprovalTask").objects.filter(groups=moderators):
        task.groups.remove(moderators)
        if editors is not None:
            task.groups.add(editors)
        if task.name == MODERATORS_TASK:
            task.name = EDITORS_TASK
            task.save(update_fields=["name"])


def give_back(apps, schema_editor):
    moderators, editors = groups(apps)
    root = root_page(apps)
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    if editors is not None:
        GroupPagePermission.objects.filter(
            group=editors, permission__in=page_permissions(apps, PUBLISHING)
        ).delete()
    for task in apps.get_model("wagtailcore.GroupApprovalTask").objects.filter(name=EDITORS_TASK):
        task.name = MODERATORS_TASK
        task.save(update_fields=["name"])
        if editors is not None:
            task.groups.remove(editors)
        if moderators is not None:
            task.groups.add(moderators)
    if moderators is None or root is None:
        return
    for permission in page_permissions(apps, MODERATORS_PAGE_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(
            group=moderators, page=root, permission=permission
        )
    Permission = apps.get_model("auth.Permission")
    root_collection = apps.get_model("wagtailcore.Collection").objects.filter(depth=1).first()
    for app_label, codenames in MODERATORS_COLLECTION_PERMISSIONS:
        for permission in Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        ):
            if root_collection is not None:
                apps.get_model("wagtailcore.GroupCollectionPermission").objects.get_or_create(
                    group=moderators, collection=root_collection, permission=permission
                )
    for app_label, codename in MODERATORS_MODEL_PERMISSIONS:
        moderators.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0010_contribution_subject"),
        ("products", "0004_editor_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(moderate_only, give_back)]
