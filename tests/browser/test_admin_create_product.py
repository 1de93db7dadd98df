"""An editor adds a product through the Wagtail admin, in a real browser, and readers see it.

- every tab of the product form is filled as an editor would: choosers in modals, a
  StreamField with one block of each kind, an image uploaded from the chooser, ticked
  needs and conditions whose names hold commas and apostrophes, and two suppliers;
- the preview shows the product, a saved draft is not live, and publishing makes it so;
- the public page shows everything that was entered, and the database holds it exactly;
- a refused save shows Wagtail's error banner and the field errors, keeps what was typed
  and ticked, and saves once the mistakes are put right.

The embed block fetches oEmbed data when it is saved; this machine has no internet, so a
small oEmbed provider runs on 127.0.0.1 for the test and Wagtail is pointed at it.

Wagtail 8's editor also talks to the server in the background (autosave, preview, editing
session pings). The `steady_editor` fixture below explains what is done about that.
"""

import io
import json
import re
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from urllib.parse import parse_qs, urlparse

import pytest
from PIL import Image as PILImage
from playwright.sync_api import expect

from products.models import PRICE_ORDER_MESSAGE, Manufacturer, ProductIndexPage, ProductPage
from tests.factories import make_image

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Weighted cutlery set"
SUMMARY = "Heavy knife, fork and spoon that steady a shaking hand at meals."
PARAGRAPH = "The extra weight damps a tremor, so food stays on the fork."
MANUFACTURER = "Homecraft Living Aids"
BODY_IMAGE_ALT = "A hand holding the weighted fork above a plate"
BODY_IMAGE_CAPTION = "Each piece weighs about 200 grams."
SPEC_CAPTION = "What it is made of"
SPEC_ROWS = [("Material", "Stainless steel, rubber grip"), ("Weight of each piece", "200 g")]
VIDEO_URL = "https://video.example/watch/weighted-cutlery"
VIDEO_TITLE = "Weighted cutlery in use"
GALLERY_TITLE = "Weighted cutlery laid out"
GALLERY_ALT = "A knife, fork and spoon with thick grey handles"
GALLERY_CAPTION = "The set of three."
CATEGORY = "15 09 13 Cutlery and straws"
SECONDARY_CATEGORY = "09 09 Dressing and undressing"
NEEDS = ["Grip, reach and carrying", "Communicating, reading and writing"]
CONDITIONS = ["Parkinson's", "Tremor"]
SUPPLIERS = [
    ("Able Living", "https://able-living.example/cutlery", "24.50"),
    ("Mobility Direct", "https://mobility-direct.example/weighted-set", "39.99"),
]


class OneRequestAtATime:
    """A WSGI app that lets the app it wraps handle one request at a time."""

    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            response = self.app(environ, start_response)
            try:
                return [b"".join(response)]
            finally:
                if hasattr(response, "close"):
                    response.close()


@pytest.fixture(autouse=True)
def steady_editor(live_server, settings):
    """Make the editor's background requests unable to decide the outcome.

    - With in-memory SQLite the live server's request threads share one database
      connection, and two requests at once interleave their transactions ("cannot start a
      transaction within a transaction", duplicate revision ids). The editor's background
      requests make that happen, so here the server handles one request at a time.
    - Autosave posts the form every half second; racing it against the Save draft and
      Publish clicks under test made their outcome depend on timing (once, the suppliers
      were saved twice). The test is about the explicit saves, so autosave is off.
    - Every wait on the server gets 15 s, not 5, for a busy two-core machine.
    """
    from django.db import connection

    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    expect.set_options(timeout=15_000)
    server = live_server.thread.httpd
    app = server.get_app()
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        server.set_app(OneRequestAtATime(app))
    yield
    server.set_app(app)
    expect.set_options(timeout=None)  # back to Playwright's default


@pytest.fixture
def oembed_provider(settings):
    """A real oEmbed provider on 127.0.0.1 for https://video.example/ links."""
    asked = []

    class Provider(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlparse(self.path)
            if url.path == "/oembed":
                asked.append(parse_qs(url.query).get("url", [""])[0])
                player = f"http://127.0.0.1:{self.server.server_port}/player"
                self.reply(
                    "application/json",
                    json.dumps(
                        {
                            "version": "1.0",
                            "type": "video",
                            "title": VIDEO_TITLE,
                            "provider_name": "Video Example",
                            "width": 640,
                            "height": 360,
                            "html": (
                                f'<iframe title="{VIDEO_TITLE}" src="{player}" '
                                'width="640" height="360"></iframe>'
                            ),
                        }
                    ),
                )
            elif url.path == "/player":
                self.reply("text/html", "<!doctype html><title>Player</title><p>A video</p>")
            else:
                self.send_error(404)

        def reply(self, content_type, body):
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", f"{content_type}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass  # keep the test output quiet

    server = ThreadingHTTPServer(("127.0.0.1", 0), Provider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    # Changing the setting clears Wagtail's cache of finders (a setting_changed receiver).
    settings.WAGTAILEMBEDS_FINDERS = [
        {
            "class": "wagtail.embeds.finders.oembed",
            "providers": [
                {
                    "endpoint": f"http://127.0.0.1:{server.server_port}/oembed",
                    "urls": [r"^https://video\.example/.+$"],
                }
            ],
        }
    ]
    yield SimpleNamespace(asked=asked)
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def photo(tmp_path):
    """A small PNG on disk, for the editor to upload."""
    path = tmp_path / "weighted-cutlery.png"
    PILImage.new("RGB", (90, 60), (120, 130, 140)).save(path, "PNG")
    return path


@pytest.fixture
def library(live_server):
    """What exists before the editor starts: a manufacturer and an image to choose."""
    return SimpleNamespace(
        index=ProductIndexPage.objects.get(),
        manufacturer=Manufacturer.objects.create(
            name=MANUFACTURER, website="https://homecraft.example/"
        ),
        image=make_image("Weighted fork in use", colour=(200, 120, 60), size=(120, 80)),
    )


@pytest.fixture
def search_index(live_server):
    """The search index built, as after a deployment's `manage.py update_index`.

    The migrations load the ISO 9999 categories without indexing them, so until then the
    category chooser's search finds nothing.
    """
    from django.core.management import call_command

    call_command("update_index", stdout=io.StringIO())


# --- Helpers: what an editor does, by what they can see. ---


def start_product(page, index):
    """From the products listing, "Add child page" (products are its only child type)."""
    page.goto(f"/admin/pages/{index.id}/")
    page.get_by_role("link", name="Add child page").click()
    expect(page.get_by_role("heading", name="New: Product")).to_be_visible()


def open_tab(page, name):
    tab = page.get_by_role("tab", name=name)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")


def choose_in_modal(page, opener, choice, *, search=None):
    """Open a chooser, optionally search it, and pick the link named `choice`."""
    opener.click()
    dialog = page.get_by_role("dialog")
    if search:
        dialog.get_by_label("Search term").fill(search)
    dialog.get_by_role("link", name=choice).click()
    expect(dialog).to_be_hidden()


def add_block(page, kind):
    """Append a StreamField block to the body and return it."""
    blocks = page.locator("[data-contentpath=body] [data-streamfield-stream-container]").locator(
        "> [data-streamfield-child]"
    )
    count = blocks.count()
    # The stream's last "Insert a block" button is the one after its last block.
    page.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=kind, exact=True).click()
    expect(blocks).to_have_count(count + 1)
    return blocks.last


def tick(page, name):
    page.get_by_role("checkbox", name=name, exact=True).check()


def success_message(page):
    return page.locator(".messages .success")


def fill_content_tab(page, photo):
    open_tab(page, "Content")
    page.get_by_role("textbox", name="Title*", exact=True).fill(TITLE)
    page.get_by_role("textbox", name="Summary").fill(SUMMARY)
    choose_in_modal(page, page.get_by_role("button", name="Choose manufacturer"), MANUFACTURER)

    paragraph = add_block(page, "Paragraph")
    paragraph.get_by_role("textbox").click()
    page.keyboard.type(PARAGRAPH)

    image = add_block(page, "Image")
    choose_in_modal(
        page, image.get_by_role("button", name="Choose an image"), "Weighted fork in use"
    )
    image.get_by_label("Alt text").fill(BODY_IMAGE_ALT)
    image.get_by_label("Caption").fill(BODY_IMAGE_CAPTION)

    specification = add_block(page, "Specification")
    specification.get_by_label("Caption").fill(SPEC_CAPTION)
    # A specification starts with one row; the last "Add" button appends another.
    specification.get_by_role("button", name="Add", exact=True).last.click()
    expect(specification.get_by_label("Label")).to_have_count(len(SPEC_ROWS))
    for number, (label, value) in enumerate(SPEC_ROWS):
        specification.get_by_label("Label").nth(number).fill(label)
        specification.get_by_label("Value").nth(number).fill(value)

    embed = add_block(page, "Embed")
    embed.get_by_role("textbox").fill(VIDEO_URL)

    page.get_by_role("button", name="Add Gallery images").click()
    item = page.get_by_role("region", name="Gallery images 1")
    item.get_by_role("button", name="Choose an image").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("tab", name="Upload").click()
    dialog.get_by_label("File").set_input_files(photo)
    # Wagtail fills the title in from the file's name; wait for that before replacing it.
    title = dialog.get_by_label("Title")
    expect(title).to_have_value(photo.stem)
    title.fill(GALLERY_TITLE)
    dialog.get_by_role("button", name="Upload").click()
    expect(dialog).to_be_hidden()
    expect(item.get_by_text(GALLERY_TITLE)).to_be_visible()
    item.get_by_label("Alt text").fill(GALLERY_ALT)
    item.get_by_label("Caption").fill(GALLERY_CAPTION)


def fill_classification_tab(page):
    open_tab(page, "Classification")
    choose_in_modal(
        page,
        page.get_by_role("button", name="Choose ISO 9999 category"),
        CATEGORY,
        search="Cutlery",
    )
    expect(page.locator("#id_primary_category-title")).to_have_text(CATEGORY)
    tick(page, SECONDARY_CATEGORY)
    for name in NEEDS + CONDITIONS:
        tick(page, name)


def fill_details_tab(page, *, price_min="19.95", price_max="34.50", width="250"):
    open_tab(page, "Price, size and suppliers")
    page.get_by_label("Lowest price (£)", exact=True).fill(price_min)
    page.get_by_label("Highest price (£)", exact=True).fill(price_max)
    page.get_by_label("Width (mm)", exact=True).fill(width)
    page.get_by_label("Depth (mm)", exact=True).fill("30")
    page.get_by_label("Height (mm)", exact=True).fill("25.5")
    page.get_by_label("Weight (kg)", exact=True).fill("0.6")
    page.get_by_label("Maximum user weight (kg)", exact=True).fill("150")


def add_suppliers(page):
    for number, (name, url, price) in enumerate(SUPPLIERS, start=1):
        page.get_by_role("button", name="Add Suppliers").click()
        supplier = page.get_by_role("region", name=f"Suppliers {number}")
        supplier.get_by_label("Name").fill(name)
        supplier.get_by_label("Web address").fill(url)
        supplier.get_by_label("Price (£)").fill(price)


def preview(page):
    """The preview panel's frame, once it shows the product's title."""
    page.get_by_role("button", name="Toggle preview").click()
    frame = page.frame_locator("iframe[title=Preview]").last
    expect(frame.get_by_role("heading", level=1)).to_have_text(TITLE)
    return frame


def summary_row(page, key):
    """One row of the product page's list of facts ("Made by", "Price", "Helps with"...)."""
    return page.locator(".summary-list__row").filter(has=page.get_by_text(key, exact=True))


def check_public_page(page):
    """What a reader sees on the published product page."""
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text(SUMMARY, exact=True)).to_be_visible()
    expect(page.get_by_text("Discontinued")).to_have_count(0)
    expect(summary_row(page, "Made by").get_by_role("link")).to_have_accessible_name(
        f"{MANUFACTURER} (external website)"
    )
    expect(summary_row(page, "Price")).to_contain_text("£19.95 to £34.50")
    expect(summary_row(page, "Category").get_by_role("link")).to_have_text(
        [
            "Domestic activities and participation in domestic life",
            "Eating and drinking",
            "Cutlery and straws",
        ]
    )
    expect(summary_row(page, "Also listed under").get_by_role("link")).to_have_text(
        ["Dressing and undressing"]
    )
    # Names exactly as the vocabulary has them, commas and apostrophes included.
    expect(summary_row(page, "Helps with").get_by_role("link")).to_have_text(sorted(NEEDS))
    expect(summary_row(page, "Often used by people with").get_by_role("link")).to_have_text(
        sorted(CONDITIONS)
    )

    gallery_image = page.get_by_role("img", name=GALLERY_ALT)
    expect(gallery_image).to_be_visible()
    expect(page.get_by_text(GALLERY_CAPTION, exact=True)).to_be_visible()
    expect(page.get_by_text(PARAGRAPH, exact=True)).to_be_visible()
    body_image = page.get_by_role("img", name=BODY_IMAGE_ALT)
    body_image.scroll_into_view_if_needed()
    expect(page.get_by_text(BODY_IMAGE_CAPTION, exact=True)).to_be_visible()
    for image in (gallery_image, body_image):
        # The renditions were made and served, not just referred to.
        expect(image).to_have_js_property("complete", True)
        assert image.evaluate("img => img.naturalWidth") > 0

    specification = page.get_by_role("table", name=SPEC_CAPTION)
    expect(specification.get_by_role("rowheader")).to_have_text([r[0] for r in SPEC_ROWS])
    expect(specification.get_by_role("cell")).to_have_text([r[1] for r in SPEC_ROWS])

    player = page.frame_locator(f'iframe[title="{VIDEO_TITLE}"]')
    expect(player.get_by_text("A video")).to_be_visible()
    expect(
        page.get_by_role("link", name="Open the video on the website that hosts it")
    ).to_have_attribute("href", VIDEO_URL)

    sizes = page.get_by_role("table", name="Measured assembled and ready to use")
    expect(sizes.get_by_role("rowheader")).to_have_text(
        ["Width", "Depth", "Height", "Weight", "Maximum user weight"]
    )
    expect(sizes.get_by_role("cell")).to_have_text(
        ["250 mm", "30 mm", "25.5 mm", "0.6 kg", "150 kg"]
    )

    suppliers = page.get_by_role("table", name=f"Suppliers of {TITLE} and their prices")
    for name, url, _price in SUPPLIERS:
        link = suppliers.get_by_role("link", name=f"{name} (external website)")
        expect(link).to_have_attribute("href", url)
    expect(suppliers.get_by_role("cell")).to_have_text([f"£{p}" for _n, _u, p in SUPPLIERS])


def check_stored_product(product, library, oembed_provider):
    """What the database holds, field by field."""
    assert product.live and not product.has_unpublished_changes
    assert product.get_parent().specific == library.index
    assert product.summary == SUMMARY
    assert product.manufacturer == library.manufacturer
    assert product.discontinued is False

    body = list(product.body)
    assert [block.block_type for block in body] == [
        "paragraph",
        "image",
        "specification",
        "embed",
    ]
    assert PARAGRAPH in body[0].value.source
    assert body[1].value["image"] == library.image
    assert body[1].value["alt_text"] == BODY_IMAGE_ALT
    assert body[1].value["caption"] == BODY_IMAGE_CAPTION
    assert body[2].value["caption"] == SPEC_CAPTION
    assert [(row["label"], row["value"]) for row in body[2].value["rows"]] == SPEC_ROWS
    assert body[3].value.url == VIDEO_URL
    assert VIDEO_URL in oembed_provider.asked

    gallery = list(product.gallery_images.select_related("image"))
    assert [(g.image.title, g.alt_text, g.caption) for g in gallery] == [
        (GALLERY_TITLE, GALLERY_ALT, GALLERY_CAPTION)
    ]
    assert (gallery[0].image.width, gallery[0].image.height) == (90, 60)

    assert product.primary_category.code == "15 09 13"
    assert [c.code for c in product.secondary_categories.all()] == ["09 09"]
    assert set(product.needs.values_list("name", flat=True)) == set(NEEDS)
    assert set(product.conditions.values_list("name", flat=True)) == set(CONDITIONS)

    assert (product.price_min, product.price_max) == (Decimal("19.95"), Decimal("34.50"))
    assert [
        product.width_mm,
        product.depth_mm,
        product.height_mm,
        product.weight_kg,
        product.max_user_weight_kg,
    ] == [Decimal("250"), Decimal("30"), Decimal("25.5"), Decimal("0.6"), Decimal("150")]
    assert [(s.name, s.url, s.price) for s in product.suppliers.all()] == [
        (name, url, Decimal(price)) for name, url, price in SUPPLIERS
    ]


def test_editor_creates_previews_saves_and_publishes_a_full_product(
    admin_page, library, search_index, photo, oembed_provider
):
    page = admin_page
    start_product(page, library.index)
    fill_content_tab(page, photo)
    fill_classification_tab(page)
    fill_details_tab(page)
    add_suppliers(page)

    frame = preview(page)
    expect(frame.get_by_text(SUMMARY)).to_be_visible()
    page.get_by_role("button", name="Toggle preview").click()

    page.get_by_role("button", name="Save draft").click()
    expect(success_message(page)).to_contain_text(f"Page '{TITLE}' created.")
    product = ProductPage.objects.get(title=TITLE)
    assert not product.live
    assert page.request.get(product.url).status == 404

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    expect(success_message(page)).to_contain_text(f"Page '{TITLE}' has been published.")
    product.refresh_from_db()
    assert product.live

    response = page.goto(product.url)
    assert response.status == 200
    check_public_page(page)
    check_stored_product(ProductPage.objects.get(pk=product.pk), library, oembed_provider)

    # Back in the editor, the published product's terms are still the ones ticked.
    page.goto(f"/admin/pages/{product.pk}/edit/")
    open_tab(page, "Classification")
    classification = page.get_by_role("tabpanel", name="Classification")
    ticked = [SECONDARY_CATEGORY, *NEEDS, *CONDITIONS]
    for name in ticked:
        expect(classification.get_by_role("checkbox", name=name, exact=True)).to_be_checked()
    expect(classification.get_by_role("checkbox", checked=True)).to_have_count(len(ticked))


def test_refused_save_keeps_what_the_editor_entered_until_it_is_put_right(admin_page, library):
    page = admin_page
    start_product(page, library.index)
    page.get_by_role("textbox", name="Title*", exact=True).fill(TITLE)
    page.get_by_role("textbox", name="Summary").fill(SUMMARY)
    open_tab(page, "Classification")
    tick(page, NEEDS[0])
    tick(page, CONDITIONS[0])
    fill_details_tab(page, price_min="40", price_max="20", width="-5")
    open_tab(page, "Content")

    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages .error")).to_contain_text(
        "The page could not be created due to validation errors."
    )
    # The errors are on a tab that is not open; its name says how many there are.
    details_tab = page.get_by_role("tab", name="Price, size and suppliers")
    expect(details_tab).to_have_accessible_name("Price, size and suppliers (2 errors)")

    # What the editor typed and ticked is all still there.
    expect(page.get_by_role("textbox", name="Title*", exact=True)).to_have_value(TITLE)
    expect(page.get_by_role("textbox", name="Summary")).to_have_value(SUMMARY)
    open_tab(page, "Classification")
    for name in (NEEDS[0], CONDITIONS[0]):
        expect(page.get_by_role("checkbox", name=name, exact=True)).to_be_checked()
    for name in (NEEDS[1], CONDITIONS[1]):
        expect(page.get_by_role("checkbox", name=name, exact=True)).not_to_be_checked()

    open_tab(page, "Price, size and suppliers")
    lowest = page.get_by_label("Lowest price (£)", exact=True)
    highest = page.get_by_label("Highest price (£)", exact=True)
    width = page.get_by_label("Width (mm)", exact=True)
    expect(lowest).to_have_value("40")
    expect(highest).to_have_value("20")
    expect(width).to_have_value("-5")
    # Each error is shown and tied to its field, so a screen reader announces it there.
    for field, message in ((highest, PRICE_ORDER_MESSAGE), (width, "Enter a value above 0 mm.")):
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_accessible_description(re.compile(re.escape(message)))
        expect(page.get_by_text(message, exact=True)).to_be_visible()
    expect(lowest).not_to_have_attribute("aria-invalid", "true")

    highest.fill("45")
    width.fill("250")
    page.get_by_role("button", name="Save draft").click()
    expect(success_message(page)).to_contain_text(f"Page '{TITLE}' created.")
    expect(page.locator(".messages .error")).to_have_count(0)

    product = ProductPage.objects.get(title=TITLE)
    assert not product.live
    assert product.summary == SUMMARY
    assert (product.price_min, product.price_max) == (Decimal("40"), Decimal("45"))
    assert product.width_mm == Decimal("250")
    assert list(product.needs.values_list("name", flat=True)) == [NEEDS[0]]
    assert list(product.conditions.values_list("name", flat=True)) == [CONDITIONS[0]]
