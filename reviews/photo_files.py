"""Where members' photo files live, and who may fetch them.

The web server serves MEDIA_ROOT to anyone, so nothing of a member's photo (original or
rendition) is ever stored there. The site's media storage keeps every file whose name starts
with `member-` and a photo's key in PRIVATE_MEDIA_ROOT instead, and gives it a URL on
`reviews.photo_access.photo_file`, which serves it only while the public can see the photo,
or to its author and moderators. Renditions take their name from the original, so they
follow it there.

A rejected or withdrawn photo loses its files: the original and every rendition.
"""

import re
import uuid
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core import checks
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import transaction
from django.urls import reverse

PREFIX = "member-"
PRIVATE_NAME = re.compile(r"member-([0-9a-f]{32})")
ORIGINALS = "original_images"
RENDITIONS = "images"  # Wagtail's folder for renditions


@checks.register(checks.Tags.security)
def check_private_root_is_apart(app_configs=None, **kwargs):
    """The web server serves all of MEDIA_ROOT, so members' photos must lie outside it."""
    public = Path(settings.MEDIA_ROOT).resolve()
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    if private == public or private.is_relative_to(public) or public.is_relative_to(private):
        return [
            checks.Error(
                "PRIVATE_MEDIA_ROOT must lie outside MEDIA_ROOT (and not contain it): the web "
                "server serves MEDIA_ROOT to anyone, and members' unapproved photos with it.",
                id="reviews.E001",
            )
        ]
    return []


def new_key():
    return uuid.uuid4().hex


def original_name(key, extension):
    return f"{ORIGINALS}/{PREFIX}{key}{extension}"


def key_of(name):
    """The photo key a stored file's name carries, or None for anyone else's file."""
    match = PRIVATE_NAME.match(PurePosixPath(name or "").name)
    return match.group(1) if match else None


class MediaStorage(FileSystemStorage):
    """MEDIA_ROOT for everything but members' photos, which go to PRIVATE_MEDIA_ROOT."""

    def private(self):
        # Made afresh so it follows the setting, as the public part follows MEDIA_ROOT.
        return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT)

    def path(self, name):
        if key_of(name):
            return self.private().path(name)
        return super().path(name)

    def _save(self, name, content):
        if key_of(name):
            return self.private()._save(name, content)
        return super()._save(name, content)

    def url(self, name):
        if key_of(name):
            return reverse("reviews:photo_file", args=[name])
        return super().url(name)

    def generate_filename(self, filename):
        # Only our own code names an original `member-…` (saving it directly, not through
        # here), and renditions inherit the name. Any other upload that looks like one (an
        # editor's image or document) is renamed, so it stays public and is never taken for
        # a member's photo.
        name = super().generate_filename(filename)
        path = PurePosixPath(name)
        if key_of(name) and path.parent.name != RENDITIONS:
            name = str(path.with_name(f"file-{path.name}"))
        return name


def discard_files(image):
    """Delete a photo's original and renditions, keeping the rows that say what happened.

    The files go once the transaction commits, so a decision rolled back loses nothing.
    """
    name = image.file.name
    # Wagtail deletes each rendition's file after commit when its row goes.
    image.renditions.all().delete()
    type(image).objects.filter(pk=image.pk).update(file="", file_size=None, file_hash="")
    image.file.name = ""
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))
