"""Serving a member's photo file, or one of its renditions, to whoever may see it now.

Where the files live, and how their names mark them as a member's, is `reviews.photo_files`.
"""

import mimetypes

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.views.decorators.http import require_safe

from reviews.models import Photo
from reviews.permissions import can_moderate
from reviews.photo_files import key_of

PUBLIC_MAX_AGE = 300  # seconds a withdrawn photo may linger in caches


def seen_by(photos, user):
    """Whether `user` may see the photo (a one-row queryset) as it is now."""
    if not user.is_authenticated:
        return False
    return photos.by(user).exists() or can_moderate(user, Photo)


@require_safe
def photo_file(request, name):
    """A member's photo or one of its renditions, for whoever may see the photo now."""
    key = key_of(name)
    photos = Photo.objects.filter(file_key=key) if key else Photo.objects.none()
    # Plain existence checks: a file costs a query or two, never a load of its product page.
    public = photos.public().exists()
    if not (public or seen_by(photos, request.user)) or not default_storage.exists(name):
        raise Http404("No photo here.")
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    accel = getattr(settings, "PRIVATE_MEDIA_ACCEL_REDIRECT", "")
    if accel:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = f"{accel.rstrip('/')}/{name}"
    else:
        response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
    if public:
        response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
    else:
        response["Cache-Control"] = "private, no-store"
    return response
