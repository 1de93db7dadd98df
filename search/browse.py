"""Browsing the catalogue by ISO 9999 category, need and condition: the index pages with
each term's count, and each term's page, which is the search listing with that term chosen.

They live in search, not taxonomy, because search counts and lists them: a count always
equals what the term's page then lists, without the discontinued products it leaves out.
"""

from django.shortcuts import get_object_or_404, render

from search.engine import search_products
from search.types import Query
from search.views import render_listing
from taxonomy.models import Condition, IsoCategory, Need
from taxonomy.queries import category_tree


def product_counts(facet):
    """{value: available live products} of one facet ("category" by code, "need" or
    "condition" by slug), from the search's own counts: one aggregation, whatever the
    catalogue's size, each product once under a category and its ancestors."""
    return search_products(Query(per_page=0)).facets[facet]


def category_index(request):
    tree = category_tree(product_counts("category"))
    return render(request, "taxonomy/category_index.html", {"tree": tree})


def category_detail(request, slug):
    """A category's page: the search listing with that category (and those inside it) chosen."""
    category = get_object_or_404(IsoCategory, slug=slug)
    return render_listing(
        request,
        "taxonomy/category_detail.html",
        fixed={"category": category.slug},
        context={
            "category": category,
            "ancestors": category.ancestors(),
            "search_label": f"Search within {category.title.lower()}",
            "count_template": "taxonomy/includes/category_count.html",
            "empty_template": "taxonomy/includes/category_empty.html",
        },
        more=lambda listing: {"subcategories": listing.children_of(category.code)},
    )


def _term_index(request, model, template, facet):
    counts = product_counts(facet)
    terms = list(model.objects.all())
    for term in terms:
        term.product_count = counts.get(term.slug, 0)
    return render(request, template, {"terms": terms})


def _term_detail(request, model, slug, kind):
    """A need's or condition's page: the search listing with that term chosen."""
    term = get_object_or_404(model, slug=slug)
    return render_listing(
        request,
        f"taxonomy/{kind}_detail.html",
        fixed={kind: term.slug},
        context={
            "term": term,
            "search_label": f"Search within {term.name.lower()}",
            "count_template": f"taxonomy/includes/{kind}_count.html",
            "empty_template": f"taxonomy/includes/{kind}_empty.html",
        },
    )


def need_index(request):
    return _term_index(request, Need, "taxonomy/need_index.html", "need")


def need_detail(request, slug):
    return _term_detail(request, Need, slug, "need")


def condition_index(request):
    return _term_index(request, Condition, "taxonomy/condition_index.html", "condition")


def condition_detail(request, slug):
    return _term_detail(request, Condition, slug, "condition")
