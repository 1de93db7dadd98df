"""Editors' work in the Wagtail admin, done in a real browser as an editor does it.

- a manufacturer, a need, a condition and an ISO 9999 category can be saved unchanged, and
  a renamed need shows its new name on the product pages, its browse page and in search;
- the admin's flat product listing filters by discontinued, manufacturer and live;
- demo products holding every state and kind of value of each field the demo catalogue
  uses can be saved unchanged, and saving changes none of their content;
- a need and a condition whose names hold commas, quotes, an ampersand and accents can be
  added from the Taxonomies menu, get an ASCII slug, can be ticked on a product, and then
  show on the product page, on the browse page and in site search exactly as typed.

Everything is done through the admin's forms by clicking, typing and ticking; the ORM only
builds the starting data and checks what was stored. Problems are collected and reported
together where one failure does not make the rest meaningless.
"""

import html
import re
from urllib.parse import quote_plus

import pytest
from django.urls import reverse
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from demo.catalogue import build_catalogue
from demo.catalogue_loader import load
from products.models import ProductIndexPage, ProductPage
from taxonomy.models import Condition, IsoCategory, Need
from tests.demo_sample import covering_products
from tests.factories import make_manufacturer, make_product

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SUCCESS = ".messages li.success"
ERROR = ".messages li.error"
DIMENSIONS = ["width_mm", "depth_mm", "height_mm", "weight_kg", "max_user_weight_kg"]
# Names that a comma-separated tag widget would have split or mangled.
AWKWARD = re.compile(r"[,'\"’&]")
ASCII_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


@pytest.fixture
def visitor(new_context):
    """A second browser, never signed in: the public site as a visitor sees it."""
    return new_context().new_page()


# Saving in the admin --------------------------------------------------------------------------


def field_errors(page):
    """Every error message shown in the form, with the field it belongs to."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.error-message, .help-critical')]
            .filter(e => e.textContent.trim())
            .map(e => {
                const field = e.closest('[data-contentpath]');
                const name = field ? field.dataset.contentpath + ': ' : '';
                return name + e.textContent.trim().replace(/\\s+/g, ' ');
            })"""
    )


def save(page, button_name):
    """Click a save button; None when Wagtail says it saved, else what it said instead.

    Saving, refused or not, loads a new page whose message comes with its HTML, so wait
    for that page rather than for a message (the old page may show an error already).
    """
    try:
        with page.expect_navigation(wait_until="domcontentloaded"):
            page.get_by_role("button", name=button_name, exact=True).click()
    except PlaywrightTimeoutError:
        return f"no new page after {button_name!r}; still at {page.url}"
    errors = page.locator(ERROR).all_inner_texts()
    if errors or not page.locator(SUCCESS).count():
        # Wagtail's error banner ends with a "Go to the first error" button.
        banner = [text.replace("Go to the first error", "").strip() for text in errors]
        return "; ".join(banner + field_errors(page)) or f"no message at {page.url}"
    return None


def publish(page):
    """Publish from the page editor's footer: Publish sits under "More actions"."""
    page.get_by_role("button", name="More actions").click()
    return save(page, "Publish")


def snippet_edit_url(obj):
    meta = obj._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[obj.pk])


def type_name(page, text):
    """Type over a term's name key by key, as an editor does, so Wagtail's scripts run.

    While a term's slug follows its name, Wagtail copies the name into the slug box 100 ms
    after the last key; wait for that copy (its last word), as an editor is slower anyway.
    """
    name = page.get_by_role("textbox", name="Name")
    name.click()
    name.press("ControlOrMeta+a")
    name.press("Delete")
    name.press_sequentially(text)
    if "w-sync#apply" in (name.get_attribute("data-action") or ""):
        last_word = re.findall(r"\w+", text)[-1].lower()
        slug = page.get_by_role("textbox", name="Slug")
        expect(slug).to_have_value(re.compile(re.escape(last_word) + "$"))


# Snippets and terms saved unchanged; a need renamed -------------------------------------------


def snippet_state(obj):
    obj = type(obj).objects.get(pk=obj.pk)
    return {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}


def listed(page, key):
    """One row of a product page's summary list, by its key ("Helps with", ...)."""
    return page.locator(".summary-list__row", has=page.get_by_text(key, exact=True))


def test_snippets_and_terms_save_unchanged_and_a_renamed_need_shows_everywhere(admin_page, visitor):
    page = admin_page
    maker = make_manufacturer('Homecraft & Daughters, "Ltd"', website="https://homecraft.example/")
    sock_aid = make_product(
        "Flexible sock aid",
        manufacturer=maker,
        needs=["Dressing", "Grip, reach and carrying"],
        conditions=["Parkinson's"],
    )
    button_hook = make_product("Two-in-one button hook", needs=["Dressing"])
    dressing = Need.objects.get(name="Dressing")
    objects = {
        "manufacturer": maker,
        "need": dressing,
        "condition": Condition.objects.get(name="Parkinson's"),
        "ISO 9999 category": IsoCategory.objects.get(code="15 09 13"),
    }

    problems = []
    for label, obj in objects.items():
        before = snippet_state(obj)
        page.goto(snippet_edit_url(obj))
        problem = save(page, "Save")
        if problem:
            problems.append(f"{label} {obj}: refused: {problem}")
        elif (after := snippet_state(obj)) != before:
            problems.append(f"{label} {obj}: changed from {before} to {after}")
    assert not problems, "Snippets saved unchanged:\n" + "\n".join(problems)

    # Rename the need as an editor does: select the name and type over it.
    page.goto(snippet_edit_url(dressing))
    type_name(page, "Getting dressed")
    assert save(page, "Save") is None
    dressing.refresh_from_db()
    assert dressing.name == "Getting dressed"
    assert ASCII_SLUG.fullmatch(dressing.slug), dressing.slug
    print(f"\nThe renamed need's slug is {dressing.slug!r}.")

    for product in (sock_aid, button_hook):
        visitor.goto(product.url)
        expected = sorted(n.name for n in ProductPage.objects.get(pk=product.pk).needs.all())
        assert "Getting dressed" in expected
        expect(listed(visitor, "Helps with").get_by_role("link")).to_have_text(expected)
        expect(visitor.get_by_text("Dressing", exact=True)).to_have_count(0)
    visitor.get_by_role("link", name="Getting dressed").click()
    expect(visitor).to_have_url(re.compile(re.escape(f"/needs/{dressing.slug}/") + "$"))
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Getting dressed")
    expect(visitor.locator(".result-count")).to_have_text("2 products help with getting dressed.")
    for product in (sock_aid, button_hook):
        expect(visitor.get_by_role("link", name=product.title)).to_be_visible()
    # Products' search entries hold their needs' names, so they follow the rename.
    visitor.goto("/search/?q=getting+dressed")
    for product in (sock_aid, button_hook):
        expect(visitor.get_by_role("link", name=product.title)).to_be_visible()


# The admin's product listing filters ----------------------------------------------------------


def open_filter(page, filter_label):
    """Open the listing's filters drop-down, then one filter's panel in it."""
    page.get_by_role("button", name="Show filters").click()
    page.locator(".w-drilldown__toggle", has_text=filter_label).click()
    panel = page.locator(f"#drilldown-id_{filter_label.lower()}")
    expect(panel).to_be_visible()
    return panel


def choose(page, panel, choice):
    """Choose in an open filter and return the titles then listed.

    The listing reloads its results in place and then writes the filter into the address,
    so once the address shows the choice the results are the filtered ones.
    """
    if panel.get_by_role("combobox").count():
        panel.get_by_role("combobox").select_option(label=choice)
    else:
        # Wagtail names the Yes/No/All radios only "Yes", "No" and "All", with nothing
        # tying them to the filter's name, so they are found within the filter's panel.
        panel.get_by_role("radio", name=choice, exact=True).check()
    name = panel.locator("select, input:checked").first.get_attribute("name")
    value = panel.locator("select, input:checked").first.input_value()
    expect(page).to_have_url(re.compile(rf"[?&]{name}={value}(&|$)"))
    return listed_titles(page)


def listed_titles(page):
    titles = page.locator("#listing-results td.title [id^=page_][id$=_title]")
    return sorted(title.strip() for title in titles.all_inner_texts())


ALL_PRODUCTS = ["Bath board", "Kettle tipper", "Perching stool", "Tap turner"]
LISTING_FILTERS = {
    "Discontinued": [
        ("Yes", ["Perching stool"]),
        ("No", ["Bath board", "Kettle tipper", "Tap turner"]),
    ],
    "Manufacturer": [
        ("Acme Aids", ["Kettle tipper", "Perching stool"]),
        ("Brightgrip", ["Tap turner"]),
    ],
    "Live": [
        ("Yes", ["Bath board", "Perching stool", "Tap turner"]),
        ("No", ["Kettle tipper"]),
    ],
}


def test_product_listing_filters_by_discontinued_manufacturer_and_live(admin_page):
    page = admin_page
    acme, brightgrip = make_manufacturer("Acme Aids"), make_manufacturer("Brightgrip")
    make_product("Perching stool", manufacturer=acme, discontinued=True)
    make_product("Kettle tipper", manufacturer=acme, live=False)
    make_product("Tap turner", manufacturer=brightgrip)
    make_product("Bath board")
    url = reverse("products:index")

    wrong = []
    for filter_label, choices in LISTING_FILTERS.items():
        page.goto(url)
        assert listed_titles(page) == ALL_PRODUCTS
        panel = open_filter(page, filter_label)
        for choice, expected in choices:
            titles = choose(page, panel, choice)
            if titles != expected:
                wrong.append(
                    f"{filter_label}: {choice} ({page.url}) listed {titles}, not {expected}"
                )
    assert not wrong, "The product listing's filters:\n" + "\n".join(wrong)

    # Filters add up: Acme's products that are live.
    page.goto(url)
    choose(page, open_filter(page, "Manufacturer"), "Acme Aids")
    page.get_by_role("button", name="Back").filter(visible=True).click()
    page.locator(".w-drilldown__toggle", has_text="Live").click()
    assert choose(page, page.locator("#drilldown-id_live"), "Yes") == ["Perching stool"]


# Demo products saved unchanged ----------------------------------------------------------------


def with_every_awkward_term(specs):
    """The demo products `specs`, and the first with each term whose name has punctuation
    that none of them carries."""
    specs = list(specs)
    carried = {name for spec in specs for name in spec.needs + spec.conditions}
    for spec in build_catalogue():
        terms = spec.needs + spec.conditions
        if any(AWKWARD.search(name) and name not in carried for name in terms):
            specs.append(spec)
            carried |= {*spec.needs, *spec.conditions}
    return specs


def comparable(value):
    """Stored body data without what any save through the admin rewrites: block ids, rich
    text block keys, how an apostrophe is escaped, and list items in the older form (the
    demo loader writes `[{...}]`, the admin `[{"type": "item", "value": {...}}]`)."""
    if isinstance(value, dict):
        value = {key: item for key, item in value.items() if key != "id"}
        if value.keys() == {"type", "value"} and value["type"] == "item":
            return comparable(value["value"])
        return {key: comparable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [comparable(item) for item in value]
    if isinstance(value, str):
        return html.unescape(re.sub(r' data-block-key="[^"]*"', "", value))
    return value


def content(product):
    """What an unchanged save must keep, read from a page or from one of its revisions."""
    return {
        "title": product.title,
        "slug": product.slug,
        "summary": product.summary,
        "manufacturer": product.manufacturer_id,
        "discontinued": product.discontinued,
        "primary category": product.primary_category_id,
        "secondary categories": sorted(c.pk for c in product.secondary_categories.all()),
        "needs": sorted(n.name for n in product.needs.all()),
        "conditions": sorted(c.name for c in product.conditions.all()),
        "prices": (product.price_min, product.price_max),
        "dimensions": [getattr(product, name) for name in DIMENSIONS],
        "body": comparable(product.body.get_prep_value()),
        "gallery": [
            (item.image_id, item.alt_text, item.caption)
            for item in product.gallery_images.all().order_by("sort_order")
        ],
        "suppliers": [
            (item.name, item.url, item.price)
            for item in product.suppliers.all().order_by("sort_order")
        ],
    }


def test_demo_products_of_every_kind_save_unchanged(admin_page, settings, tmp_path):
    """Save a draft of demo products that hold every kind of field, changing nothing.

    The browser's part is its widgets: Draftail, the choosers, the inline panels and
    checkbox lists each read and write one field, whatever the others hold. So the sample
    (tests/demo_sample.covering_products) holds each field's every state in the demo
    (empty or filled, which dimensions, which body blocks, one row or several) and every
    kind of value (text HTML escapes, a maker without a website), plus a product for each
    term whose name has a comma or apostrophe: a dozen products, not the 54 whose
    combinations of fields tests/products/test_saving_unchanged.py saves through the
    rendered forms. Every save must succeed, and the draft it makes must hold what the
    page held, needs and conditions above all.
    """
    page = admin_page
    settings.MEDIA_ROOT = tmp_path  # somewhere for the demo's illustrations
    specs = with_every_awkward_term(covering_products())
    load(specs, ProductIndexPage.objects.get())
    sample = list(ProductPage.objects.order_by("pk"))
    print(f"\n{len(sample)} demo products saved")
    assert len(sample) == len(specs)
    before = {product.pk: content(product) for product in sample}

    refused = []
    for product in sample:
        page.goto(reverse("wagtailadmin_pages:edit", args=[product.pk]))
        problem = save(page, "Save draft")
        if problem:
            refused.append(f"{product.title} (id {product.pk}): {problem}")

    changed = []
    for product in sample:
        draft = ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object()
        was, now = before[product.pk], content(draft)
        changes = [
            f"{key}: {was[key]!r} became {now[key]!r}" for key in was if was[key] != now[key]
        ]
        if changes:
            changed.append(f"{product.title} (id {product.pk}): " + "; ".join(changes))
    assert not refused + changed, (
        f"Of {len(sample)} products saved unchanged, {len(refused)} were refused and "
        f"{len(changed)} changed:\n" + "\n".join(refused + changed)
    )


# Terms with awkward names, added by an editor and chosen on a product -------------------------

NEW_NEED = 'Reaching "high" shelves, cupboards & café counters'
NEW_CONDITION = 'Ménière\'s disease, "vertigo" type'


def add_term(page, menu_label, add_label, name):
    """Add a term from the Taxonomies menu, typing its name and leaving the slug to the site.

    Returns what went wrong on the way, if anything. If the first save is refused, the
    editor does what the slug's help text says, empties it, and saves again.
    """
    problems = []
    page.goto("/admin/")
    page.get_by_role("button", name="Taxonomies").click()
    page.get_by_role("link", name=menu_label, exact=True).click()
    page.get_by_role("link", name=add_label).click()
    type_name(page, name)
    slug = page.get_by_role("textbox", name="Slug")
    typed_slug = slug.input_value()
    if typed_slug and not ASCII_SLUG.fullmatch(typed_slug):
        problems.append(f"typing the name {name!r} filled the slug box with {typed_slug!r}")
    problem = save(page, "Save")
    if problem:
        problems.append(f"adding {name!r} without touching the slug was refused: {problem}")
        slug.fill("")
        problem = save(page, "Save")
        if problem:
            problems.append(f"adding {name!r} with an empty slug was refused too: {problem}")
    return problems


def test_editor_adds_terms_with_awkward_names_and_chooses_them_on_a_product(admin_page, visitor):
    page = admin_page
    reacher = make_product("Telescopic reacher", summary="A long reacher with a trigger grip.")

    problems = add_term(page, "Needs", "Add need", NEW_NEED)
    problems += add_term(page, "Conditions", "Add condition", NEW_CONDITION)
    need = Need.objects.get(name=NEW_NEED)
    condition = Condition.objects.get(name=NEW_CONDITION)
    for term in (need, condition):
        if not ASCII_SLUG.fullmatch(term.slug):
            problems.append(f"{term.name!r} got the slug {term.slug!r}, not plain ASCII")

    page.goto(reverse("wagtailadmin_pages:edit", args=[reacher.pk]))
    page.get_by_role("tab", name="Classification").click()
    page.get_by_role("region", name="Needs").get_by_role(
        "checkbox", name=NEW_NEED, exact=True
    ).check()
    page.get_by_role("region", name="Conditions").get_by_role(
        "checkbox", name=NEW_CONDITION, exact=True
    ).check()
    assert publish(page) is None
    reacher = ProductPage.objects.get(pk=reacher.pk)
    assert reacher.live
    assert [n.name for n in reacher.needs.all()] == [NEW_NEED]
    assert [c.name for c in reacher.conditions.all()] == [NEW_CONDITION]

    visitor.goto(reacher.url)
    expect(listed(visitor, "Helps with").get_by_role("link")).to_have_text([NEW_NEED])
    expect(listed(visitor, "Often used by people with").get_by_role("link")).to_have_text(
        [NEW_CONDITION]
    )
    for term in (need, condition):
        visitor.goto(term.get_absolute_url())
        expect(visitor.get_by_role("heading", level=1)).to_have_text(term.name)
        expect(visitor.get_by_role("link", name=reacher.title)).to_be_visible()
    for word in ("Ménière", "cupboards"):
        visitor.goto(f"/search/?q={quote_plus(word)}")
        expect(visitor.get_by_role("heading", level=1)).to_contain_text(word)
        if not visitor.get_by_role("link", name=reacher.title).count():
            problems.append(f"searching for {word!r} does not find {reacher.title!r}")
    assert not problems, "Adding terms with awkward names:\n" + "\n".join(problems)
