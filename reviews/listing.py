"""The contributions on a product page: review figures, "people like me" filters, sorting,
pages, and the most followed tips."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Prefetch

from reviews.models import (
    DIMENSIONS,
    ROLE_BYLINES,
    HelpfulVote,
    Photo,
    ProductRating,
    Review,
    Tip,
)
from taxonomy.models import Condition

REVIEWS_PER_PAGE = 10
GALLERY_SIZE = 12
PAGE_TIPS = 3
# Most followed first: a tip many people have done is likely to work.
TIP_ORDER = ["-done_count", "-helpful_count", "-published_at", "-pk"]
SORTS = {
    "newest": ("Newest first", ["-published_at", "-pk"]),
    "helpful": ("Most helpful first", ["-helpful_count", "-published_at", "-pk"]),
}


class ReviewFilterForm(forms.Form):
    role = forms.ChoiceField(
        label="Written by",
        choices=[("", "Anyone"), *ROLE_BYLINES.items()],
        required=False,
        widget=forms.Select(attrs={"class": "input"}),
    )
    condition = forms.ModelChoiceField(
        label="Who lives with",
        queryset=Condition.objects.order_by("name"),
        to_field_name="slug",
        empty_label="Any condition",
        required=False,
        widget=forms.Select(attrs={"class": "input"}),
    )
    sort = forms.ChoiceField(
        label="Sort by",
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        required=False,
        widget=forms.Select(attrs={"class": "input"}),
    )


def rating_summary(summary):
    if not summary.review_count:
        return None
    return {
        "average": summary.average,
        "count": summary.review_count,
        # Highest first, as people read a distribution; bars in 5% steps, as CSS classes
        # because the Content Security Policy allows no inline styles.
        "distribution": [
            (stars, count, percent, 5 * round(percent / 5))
            for stars, count in reversed(list(enumerate(summary.distribution, start=1)))
            for percent in [round(100 * count / summary.review_count)]
        ],
        "dimensions": [
            (label, summary.dimensions[name]["average"], summary.dimensions[name]["count"])
            for name, label in DIMENSIONS.items()
            if name in summary.dimensions
        ],
    }


def product_reviews(product, request):
    """Context for a product page's reviews and tips, in a fixed number of queries.

    A product with no contributions costs one query: its figures say there is nothing to list.
    """
    if product.pk is None:
        return {"rating": None}  # a new page in the editor's preview: nothing to show yet
    summary = ProductRating.objects.filter(product=product).first()
    if summary is None:
        return {"rating": None}
    context = {"rating": rating_summary(summary), "tip_count": summary.tip_count}
    if summary.tip_count:
        tips = Tip.objects.approved().for_product(product).for_display().order_by(*TIP_ORDER)
        context["tips"] = list(tips[:PAGE_TIPS])
    if context["rating"] is not None:
        context.update(listed_reviews(product, request))
    return context


def listed_reviews(product, request):
    params = request.GET
    form = ReviewFilterForm(params)
    reviews = Review.objects.approved().for_product(product)
    chosen = {}
    if form.is_valid():
        chosen = {key: value for key, value in form.cleaned_data.items() if value}
    if "role" in chosen:
        reviews = reviews.by_role(chosen["role"])
    if "condition" in chosen:
        reviews = reviews.with_condition(chosen["condition"])
    order = SORTS[chosen.get("sort", "newest")][1]
    reviews = reviews.for_display().prefetch_related(
        Prefetch("photos", queryset=approved_photos(), to_attr="approved_photos")
    )
    page_obj = Paginator(reviews.order_by(*order), REVIEWS_PER_PAGE).get_page(params.get("page"))
    voted = set()
    if request.user.is_authenticated:
        voted = set(
            HelpfulVote.objects.filter(
                voter=request.user, review__in=[r.pk for r in page_obj.object_list]
            ).values_list("review_id", flat=True)
        )
    return {
        "voted": voted,
        "review_filters": form,
        "filtered": bool({"role", "condition"} & chosen.keys()),
        "filter_errors": not form.is_valid(),
        "reviews_page": page_obj,
        "member_photos": list(
            approved_photos().filter(review__in=Review.objects.approved().for_product(product))[
                :GALLERY_SIZE
            ]
        ),
    }


def approved_photos():
    return Photo.objects.approved().select_related("image").prefetch_related("image__renditions")
