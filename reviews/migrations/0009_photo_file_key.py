from pathlib import PurePosixPath

from django.core.files.storage import default_storage
from django.db import migrations, models, transaction

from reviews.photo_files import key_of, new_key, original_name


def move_photo_files_out_of_media_root(apps, schema_editor):
    """Members' photos stored before PRIVATE_MEDIA_ROOT lay in MEDIA_ROOT, which the web
    server serves to anyone: copy each original to the private part, drop its renditions (they
    are made again there on demand), and delete a rejected photo's files altogether."""
    Photo = apps.get_model("reviews", "Photo")
    Rendition = apps.get_model("wagtailimages", "Rendition")
    Image = apps.get_model("wagtailimages", "Image")
    gone = []
    for photo in Photo.objects.select_related("image").iterator():
        old = photo.image.file.name
        key = key_of(old)
        if key is None:
            key = new_key()
            new = ""
            if old and photo.status != "rejected" and default_storage.exists(old):
                with default_storage.open(old, "rb") as content:
                    new = default_storage.save(
                        original_name(key, PurePosixPath(old).suffix.lower()), content
                    )
            renditions = Rendition.objects.filter(image_id=photo.image_id)
            gone += [name for name in renditions.values_list("file", flat=True) if name]
            renditions.delete()
            if old:
                gone.append(old)
            changes = {"file": new} if new else {"file": "", "file_size": None, "file_hash": ""}
            Image.objects.filter(pk=photo.image_id).update(**changes)
        Photo.objects.filter(pk=photo.pk).update(file_key=key)

    def delete_old_files():
        for name in gone:
            default_storage.delete(name)

    transaction.on_commit(delete_old_files)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0008_moderator_tip_permissions"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.AddField(
            model_name="photo",
            name="file_key",
            field=models.CharField(editable=False, max_length=32, null=True, unique=True),
        ),
        migrations.RunPython(move_photo_files_out_of_media_root, migrations.RunPython.noop),
    ]
