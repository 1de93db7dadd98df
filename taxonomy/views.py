from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from products.models import PRODUCTS_PER_PAGE, ProductPage
from taxonomy.models import Condition, IsoCategory, Need
from taxonomy.queries import category_product_counts, category_tree, with_live_product_counts


def _page_of(request, products):
    return Paginator(products.for_listing().order_by("title"), PRODUCTS_PER_PAGE).get_page(
        request.GET.get("page")
    )


def category_index(request):
    counts = category_product_counts()
    return render(request, "taxonomy/category_index.html", {"tree": category_tree(counts)})


def category_detail(request, slug):
    category = get_object_or_404(IsoCategory, slug=slug)
    counts = category_product_counts()
    products = ProductPage.objects.live().in_category(category)
    return render(
        request,
        "taxonomy/category_detail.html",
        {
            "category": category,
            "ancestors": category.ancestors(),
            "subcategories": [(c, counts.get(c.code, 0)) for c in category.children.all()],
            "product_count": counts.get(category.code, 0),
            "page_obj": _page_of(request, products),
        },
    )


def _term_index(request, model, template):
    terms = with_live_product_counts(model.objects.all())
    return render(request, template, {"terms": terms})


def _term_detail(request, model, slug, template):
    term = get_object_or_404(model, slug=slug)
    products = ProductPage.objects.live().filter(**{f"{model._meta.model_name}s": term}).distinct()
    page_obj = _page_of(request, products)
    return render(request, template, {"term": term, "page_obj": page_obj})


def need_index(request):
    return _term_index(request, Need, "taxonomy/need_index.html")


def need_detail(request, slug):
    return _term_detail(request, Need, slug, "taxonomy/need_detail.html")


def condition_index(request):
    return _term_index(request, Condition, "taxonomy/condition_index.html")


def condition_detail(request, slug):
    return _term_detail(request, Condition, slug, "taxonomy/condition_detail.html")
