from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.ratelimits import limit_submissions
from products.models import ProductPage
from reviews import feedback, moderation
from reviews.forms import PhotoForm, RemovePhotoForm, ReportForm, ReviewForm
from reviews.models import MAX_PHOTOS, Photo, Report, Review, Tip
from reviews.uploads import save_contributed_image


@login_required
@limit_submissions
def write_review(request, product_id):
    """Write a review of a product, or edit yours: each person has one review a product."""
    product = get_object_or_404(ProductPage.objects.live(), pk=product_id)
    review = Review.objects.filter(product=product, author=request.user).first()
    draft = Review(product=product, **(review.content() if review else {}))
    form = ReviewForm(request.POST or None, instance=draft, about=review)
    if request.method == "POST" and form.is_valid():
        review = review or Review(product=product, author=request.user)
        subject, chosen = form.about()
        moderation.submit(request.user, review, form.cleaned_data, subject, chosen)
        messages.success(
            request,
            "Thank you. A moderator will check your review, usually within two working "
            "days, and it will appear on the product's page once they have.",
        )
        return redirect("reviews:photos", review.pk)
    status = HTTPStatus.BAD_REQUEST if form.errors else HTTPStatus.OK
    context = {"product": product, "form": form, "review": review}
    return render(request, "reviews/review_form.html", context, status=status)


@login_required
@limit_submissions
def review_photos(request, review_id):
    review = get_object_or_404(
        Review.objects.select_related("product"), pk=review_id, author=request.user
    )
    return photos_page(request, review)


def photos_page(request, item):
    """Add photos to your review or tip, one at a time, up to MAX_PHOTOS; or remove them.

    A tip's photo shows one of its steps, and each step has at most one photo.
    """
    photos = list(item.photos.select_related("image"))
    here = item.get_photos_url()
    removing = request.method == "POST" and "remove" in request.POST
    remove_error = None
    if removing:
        remove_form = RemovePhotoForm(request.POST, photos=item.photos.all())
        if remove_form.is_valid():
            remove_form.cleaned_data["remove"].delete()
            messages.success(request, "Photo removed.")
            return redirect(here)
        remove_error = remove_form.errors["remove"][0]

    steps = None
    if isinstance(item, Tip):
        taken = {photo.step for photo in photos}
        texts = item.content()["steps"]
        steps = [
            (number, step["text"])
            for number, step in enumerate(texts, start=1)
            if number not in taken
        ]
    form = None
    if len(photos) < MAX_PHOTOS and steps != []:
        sent = request.method == "POST" and not removing
        form = PhotoForm(request.POST if sent else None, request.FILES or None, steps=steps)
        if sent and form.is_valid():
            with transaction.atomic():
                image = save_contributed_image(
                    form.clean_image,
                    title=f"Photo with a {item.kind.lower()} of {item.product.title}",
                    uploaded_by_user=request.user,
                )
                Photo.objects.create(
                    **{item._meta.model_name: item},
                    step=form.cleaned_data.get("step"),
                    image=image,
                    alt_text=form.cleaned_data["alt_text"],
                )
            messages.success(request, "Photo added. A moderator will check it before it appears.")
            return redirect(here)
    bad = remove_error or (form is not None and form.errors)
    status = HTTPStatus.BAD_REQUEST if bad else HTTPStatus.OK
    context = {
        "remove_error": remove_error,
        "item": item,
        "kind": item.kind.lower(),
        "product": item.product,
        "photos": photos,
        "form": form,
        "max_photos": MAX_PHOTOS,
        "every_step_has_a_photo": steps == [],
    }
    return render(request, "reviews/photos.html", context, status=status)


@require_POST
@login_required
@limit_submissions
def helpful(request, review_id):
    review = get_object_or_404(Review.objects.approved().select_related("product"), pk=review_id)
    return say(request, feedback.vote_helpful, review, "this review helped you",
               review.get_absolute_url())  # fmt: skip


def say(request, action, item, what, back):
    """Record that a member says something about a review or tip, once, then go back."""
    if action(item, request.user):
        messages.success(request, f"Thank you for saying {what}.")
    else:
        messages.info(request, f"You have already said {what}.")
    return redirect(back)


@login_required
@limit_submissions
def report(request, review_id=None, tip_id=None, photo_id=None):
    """Report a published review, tip or photo to the moderators."""
    if review_id is not None:
        subject = get_object_or_404(Review.objects.approved(), pk=review_id)
    elif tip_id is not None:
        subject = get_object_or_404(Tip.objects.approved(), pk=tip_id)
    else:
        published = Q(review__published_at__isnull=False) | Q(tip__published_at__isnull=False)
        subject = get_object_or_404(Photo.objects.approved().filter(published), pk=photo_id)
    what = subject.kind.lower()
    product = subject.contribution.product if what == "photo" else subject.product
    form = ReportForm(
        request.POST or None, instance=Report(reporter=request.user, **{what: subject})
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Thank you. A moderator will look at the {what} you reported.")
        return redirect((subject.contribution if what == "photo" else subject).get_absolute_url())
    status = HTTPStatus.BAD_REQUEST if form.errors else HTTPStatus.OK
    context = {"form": form, "subject": subject, "what": what, "product": product}
    return render(request, "reviews/report_form.html", context, status=status)
