import uuid

from django.db import migrations


def create_pages(apps, schema_editor):
    """Replace Wagtail's welcome page with our home page and the products index."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("core.HomePage")
    ProductIndexPage = apps.get_model("products.ProductIndexPage")

    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    if Page.objects.filter(depth=2).exists():
        return  # someone already built a site on this database: leave it alone
    locale = Locale.objects.order_by("pk").first()

    def page_fields(model, title, slug, path, url_path, numchild):
        content_type, _ = ContentType.objects.get_or_create(
            app_label=model._meta.app_label, model=model._meta.model_name
        )
        return dict(
            title=title, draft_title=title, slug=slug, content_type=content_type,
            path=path, depth=len(path) // 4, numchild=numchild, url_path=url_path,
            locale=locale, translation_key=uuid.uuid4(), live=True,
        )

    home = HomePage.objects.create(**page_fields(HomePage, "Home", "home", "00010001", "/home/", 1))
    ProductIndexPage.objects.create(
        intro="<p>Every product in the catalogue, from grab rails to communication aids.</p>",
        **page_fields(
            ProductIndexPage, "Products", "products", "000100010001", "/home/products/", 0
        ),
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.create(
        hostname="localhost", port=80, site_name="Enabled", root_page_id=home.pk,
        is_default_site=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("products", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
