"""Adaptation tips on the site: writing one, reading one, and what members say about it."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.ratelimits import limit_submissions
from products.models import ProductPage
from reviews import feedback, moderation
from reviews.forms import TipForm
from reviews.listing import TIP_ORDER, approved_photos
from reviews.models import DidThisToo, HelpfulVote, Tip
from reviews.views import photos_page, say

TIPS_PER_PAGE = 20


def product_tips(request, product_id):
    """Every published tip for a product, most followed first."""
    product = get_object_or_404(ProductPage.objects.live(), pk=product_id)
    tips = Tip.objects.approved().for_product(product).for_display().order_by(*TIP_ORDER)
    page_obj = Paginator(tips, TIPS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "reviews/product_tips.html", {"product": product, "tips_page": page_obj})


def tip_detail(request, tip_id):
    """A published tip, step by step; its author also sees it before it is published."""
    tip = get_object_or_404(
        Tip.objects.for_display().select_related("product", "based_on"), pk=tip_id
    )
    is_author = request.user.is_authenticated and tip.author_id == request.user.pk
    if not tip.product.live or not (tip.is_published or is_author):
        raise Http404("No published tip has that number.")
    # The author reads what they last sent, the public what was approved.
    shown = Tip(pk=tip.pk, **tip.content()) if is_author else tip
    photos = approved_photos() if not is_author else tip.photos.select_related("image")
    by_step = {photo.step: photo for photo in photos.filter(tip=tip)}
    steps = [
        {"number": number, "text": step["text"], "photo": by_step.pop(number, None)}
        for number, step in enumerate(shown.steps, start=1)
    ]
    context = {
        "tip": tip,
        "shown": shown,
        "product": tip.product,
        "is_author": is_author,
        "steps": steps,
        # Photos whose step the author has since removed.
        "other_photos": list(by_step.values()),
        "based_on": tip.based_on if tip.based_on and tip.based_on.is_published else None,
        "adaptations": list(tip.adaptations.approved().for_display().order_by(*TIP_ORDER)),
    }
    if request.user.is_authenticated and not is_author:
        context["voted"] = HelpfulVote.objects.filter(tip=tip, voter=request.user).exists()
        context["done"] = DidThisToo.objects.filter(tip=tip, member=request.user).exists()
    return render(request, "reviews/tip.html", context)


@login_required
@limit_submissions
def write_tip(request, product_id):
    """Write a new tip for a product, from scratch or starting from another tip."""
    product = get_object_or_404(ProductPage.objects.live(), pk=product_id)
    based_on = None
    if based_on_id := request.GET.get("based_on") or request.POST.get("based_on"):
        try:
            based_on = Tip.objects.approved().get(pk=int(based_on_id))
        except (ValueError, Tip.DoesNotExist):
            raise Http404("No published tip has that number.") from None
    draft = Tip(product=product)
    if based_on is not None:
        # An adaptation starts from the original's method; the title and problem are theirs.
        draft = Tip(product=product, **{**based_on.published_content(), "title": "", "problem": ""})
    return tip_form(request, product, draft, tip=None, based_on=based_on)


@login_required
@limit_submissions
def edit_tip(request, tip_id):
    tip = get_object_or_404(Tip.objects.select_related("product"), pk=tip_id, author=request.user)
    draft = Tip(pk=tip.pk, product=tip.product, **tip.content())
    return tip_form(request, tip.product, draft, tip=tip, based_on=tip.based_on)


def tip_form(request, product, draft, tip, based_on):
    """The tip form. Adding or removing a step draws it again with everything kept."""
    if request.method == "POST" and ("add_step" in request.POST or "remove_step" in request.POST):
        form = rearranged(TipForm(request.POST, instance=draft), request.POST)
    else:
        form = TipForm(request.POST or None, instance=draft)
        if request.method == "POST" and form.is_valid():
            tip = tip or Tip(product=product, author=request.user, based_on=based_on)
            moderation.submit(request.user, tip, form.content())
            messages.success(
                request,
                "Thank you. A moderator will check your tip, usually within two working days, "
                "and it will appear on the product's page once they have.",
            )
            return redirect("reviews:tip_photos", tip.pk)
    status = HTTPStatus.BAD_REQUEST if form.is_bound and form.errors else HTTPStatus.OK
    context = {"product": product, "form": form, "tip": tip, "based_on": based_on}
    return render(request, "reviews/tip_form.html", context, status=status)


def rearranged(sent, data):
    """A fresh form holding what was sent, with one step more or one step fewer."""
    values = sent.values()
    steps = values.pop("steps")
    if "add_step" in data:
        steps.append("")
    else:
        number = data["remove_step"]
        if number.isdigit() and 1 <= int(number) <= len(steps):
            del steps[int(number) - 1]
    draft = Tip(pk=sent.instance.pk, product=sent.instance.product, **values)
    draft.steps = [{"text": text} for text in steps]
    return TipForm(instance=draft, step_count=len(steps))


@login_required
@limit_submissions
def tip_photos(request, tip_id):
    tip = get_object_or_404(Tip.objects.select_related("product"), pk=tip_id, author=request.user)
    return photos_page(request, tip)


@require_POST
@login_required
@limit_submissions
def helpful(request, tip_id):
    return say_about_tip(request, tip_id, feedback.vote_helpful, "this tip helped you")


@require_POST
@login_required
@limit_submissions
def did_this_too(request, tip_id):
    return say_about_tip(request, tip_id, feedback.did_this_too, "you did this too")


def say_about_tip(request, tip_id, action, what):
    tip = get_object_or_404(Tip.objects.approved(), pk=tip_id)
    return say(request, action, tip, what, f"{tip.get_absolute_url()}#feedback")
