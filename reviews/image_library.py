"""Members' photos stay out of the editors' image library, choosers and admin API.

They are Wagtail images only so renditions work. Choosers have a hook for their queryset;
the library's listing has none, but takes its images from the image permission policy, so a
policy that leaves the collection out covers the listing and its bulk actions, and refusing
each of them covers every view of one image (edit, replace, delete, URL generator, preview,
usage, "chosen"). Moderators see them in the photo queue instead. `reviews.wagtail_hooks`
registers all of this.
"""

from django.http import Http404
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Collection
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from reviews.uploads import COLLECTION_NAME


def contributed_collection_ids():
    return list(Collection.objects.filter(name=COLLECTION_NAME).values_list("pk", flat=True))


def without_contributed_photos(images):
    # By the collection's id: search can filter images on `collection` but not its name.
    ids = contributed_collection_ids()
    return images.exclude(collection__in=ids) if ids else images


def is_contributed(image):
    return image.collection_id in contributed_collection_ids()


class LibraryImagePermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's own image policy (`wagtail.images.get_permission_policy`), minus members'
    photos, for everyone, superusers too: a replacement there would skip the upload checks.
    Wagtail's single-action checks ask these two, so they cover them too."""

    def instances_user_has_any_permission_for(self, user, actions):
        images = super().instances_user_has_any_permission_for(user, actions)
        return without_contributed_photos(images)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if is_contributed(instance):
            return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


class LibraryImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    """The admin API's images (listing and each one), without members' photos."""

    def get_queryset(self):
        return without_contributed_photos(super().get_queryset())


IMAGE_ADMIN = {"wagtailimages", "wagtailimages_chooser"}


class HideMembersPhotosFromTheImageAdmin:
    """Middleware: Wagtail's image admin and chooser answer 404 for a member's photo.

    The image permission policy (above) already refuses them, but Wagtail turns a refusal
    into a redirect that confirms the image exists; moderators have their own views, and
    nobody should learn of a photo from the image admin.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        image_id = str(view_kwargs.get("image_id", view_kwargs.get("pk", "")))
        if not image_id.isdigit() or match is None or not IMAGE_ADMIN & set(match.namespaces):
            return None
        images = get_image_model().objects.filter(pk=image_id, collection__name=COLLECTION_NAME)
        if images.exists():
            raise Http404("No image has that number.")
        return None
