"""A large synthetic catalogue for benchmarks/search.py, written with bulk inserts.

Products, members and approved reviews are drawn from the project's own vocabularies: the
demo's product families (each with a real ISO 9999 code, its needs and conditions), makers,
members and review fragments (demo/data/), and the taxonomy the migrations load. Every
product and every product's reviews come from a generator seeded with the product's number,
so a run gives the same rows whatever was written before it and an interrupted run carries
on where it stopped.

Pages go into Wagtail's tree directly: a `wagtailcore_page` row with the treebeard path
(4 characters a level, 0-9A-Z) after the last child of the products index, the product's own
row, and the parent's `numchild`, in one transaction per batch. Saving pages one at a time
with `add_child()` and revisions would take hours at 100,000 products; nothing here needs
revisions, as the pages are live and never edited. No signal fires, so nothing is indexed.
"""

import random
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import cached_property

from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Avg, Count, F, Q
from django.utils.html import escape
from django.utils.text import slugify
from tqdm import tqdm
from wagtail.models import Page

from accounts.models import Profile
from demo.catalogue import families
from demo.datafiles import makers
from demo.people import plan_members
from demo.writing import Author, ReviewWriter, fragments, sentiment
from products.models import (
    Manufacturer,
    ProductCondition,
    ProductIndexPage,
    ProductNeed,
    ProductPage,
)
from reviews.models import DIMENSIONS, ProductRating, Review, Status
from taxonomy.models import Condition, IsoCategory, Need

SEED = 9999
PRODUCT_BATCH = 1000
REVIEW_BATCH = 500  # products whose reviews are written in one transaction
# Dates are spread over the five years before this moment, the same in every run.
END = datetime(2026, 1, 1, tzinfo=UTC)
SPAN_DAYS = 5 * 365
# Product lines and makers beyond the demo's twenty, so titles and manufacturers vary.
LINES = ["Classic", "Plus", "Lite", "Pro", "Compact", "Active", "Home", "Travel", "Select", "Care"]
MAKER_STARTS = ["Able", "Ever", "Bright", "Steady", "Kind", "Easy", "True", "Calm", "Clear",
                "Firm", "Sure", "Well", "Open", "Free", "Grip", "Day", "Life", "Step", "North",
                "Oak"]  # fmt: skip
MAKER_ENDS = ["well", "way", "form", "line", "works", "craft", "mark", "field", "side", "ton"]
MAKER_KINDS = ["Ltd", "Healthcare", "Mobility", "Living"]
TEXT_VARIANTS = 4  # review texts written for each family, role, relative and rating


def members_for(reviews):
    """Enough members that the busiest product's reviewers are all different people."""
    return max(500, reviews // 50)


@dataclass(frozen=True)
class Size:
    products: int
    reviews: int
    seed: int = SEED

    @property
    def members(self):
        return members_for(self.reviews)


class Catalogue:
    """The vocabularies, read once, and each product's and review's content from its seed."""

    def __init__(self, size):
        self.size = size
        self.families = families()
        self.makers = makers()
        self._texts = {}

    @cached_property
    def manufacturer_names(self):
        """The demo's makers, then invented ones, as {name: brand used in titles}."""
        names = {maker.name: maker.brand for maker in self.makers.values()}
        for start in MAKER_STARTS:
            for end in MAKER_ENDS:
                brand = start + end
                kind = MAKER_KINDS[(len(start) + len(end)) % len(MAKER_KINDS)]
                names[f"{brand} {kind}"] = brand
        return names

    def family(self, number):
        return random.Random(f"{self.size.seed}:product:{number}").choice(self.families)

    def product(self, number, ids):
        """(Page fields, ProductPage fields, need ids, condition ids, secondary category ids)."""
        rng = random.Random(f"{self.size.seed}:product:{number}")
        family = rng.choice(self.families)  # first draw: the same as family()
        model, option = rng.choice(family.models), rng.choice(family.options)
        if rng.random() < 0.3:
            maker = self.makers[model.maker]
            manufacturer, brand = maker.name, maker.brand
        else:
            manufacturer = rng.choice(ids.other_manufacturers)
            brand = self.manufacturer_names[manufacturer]
        base = " ".join(
            family.title.format(brand=brand, model=model.name, option=option.label).split()
        )
        title = f"{base} {rng.choice(LINES)} {brand[:2].upper()}-{number:06d}"
        summary = " ".join(
            " ".join([family.summary.format(option=option.label), model.note, option.note]).split()
        )[:300]
        price_min = price_max = None
        if rng.random() > 0.04:
            price = (model.price + option.price) * Decimal(
                str(round(rng.lognormvariate(0, 0.2), 3))
            )
            price_min = max(price, Decimal("0.99")).quantize(Decimal("0.01"))
            spread = Decimal(str(round(rng.uniform(1, 1.3), 2))) if rng.random() < 0.5 else 1
            price_max = (price_min * spread).quantize(Decimal("0.01"))
        dimensions = {**family.dims, **model.dims, **option.dims}
        first = END - timedelta(days=rng.uniform(0, SPAN_DAYS))
        last = first
        if rng.random() < 0.3:
            last = first + timedelta(days=rng.uniform(0, (END - first).days))
        discontinued = rng.random() < 0.03
        conditions = rng.sample(family.conditions, rng.randint(1, len(family.conditions)))
        page = {
            "title": title,
            "draft_title": title,
            "slug": slugify(title),
            "live": True,
            "first_published_at": first,
            "last_published_at": last,
            "latest_revision_created_at": last,
            "translation_key": uuid.UUID(int=rng.getrandbits(128), version=4),
        }
        product = {
            "summary": summary,
            "manufacturer_id": ids.manufacturers[manufacturer],
            "body": self._body(rng, family, model, option, manufacturer, discontinued),
            "primary_category_id": ids.categories[family.category],
            "price_min": price_min,
            "price_max": price_max,
            "discontinued": discontinued,
            **{name: Decimal(str(value)) for name, value in dimensions.items()},
        }
        return (
            page,
            product,
            [ids.needs[name] for name in family.needs],
            [ids.conditions[name] for name in conditions],
            [ids.categories[code] for code in family.also],
        )

    @staticmethod
    def _body(rng, family, model, option, manufacturer, discontinued):
        def block_id():
            return str(uuid.UUID(int=rng.getrandbits(128), version=4))

        text = f"<p>{escape(family.helps)}</p><p>{escape(family.use)}</p>"
        if family.tip:
            text += f"<p>{escape(family.tip)}</p>"
        if discontinued:
            text += f"<p><b>No longer made.</b> {escape(manufacturer)} has stopped making it.</p>"
        body = [{"type": "paragraph", "value": text, "id": block_id()}]
        rows = {**dict(family.spec), **dict(model.spec), **dict(option.spec)}
        if rows:
            value = {
                "caption": "Specification",
                "rows": [
                    {
                        "type": "item",
                        "value": {"label": label, "value": str(cell)},
                        "id": block_id(),
                    }
                    for label, cell in rows.items()
                ],
            }
            body.append({"type": "specification", "value": value, "id": block_id()})
        return body

    # == Reviews ==

    @cached_property
    def review_counts(self):
        """How many reviews each product gets: a few products are far more reviewed."""
        rng = random.Random(f"{self.size.seed}:popularity")
        weights = [rng.lognormvariate(0, 1.0) for _ in range(self.size.products)]
        counts = [0] * self.size.products
        for number in rng.choices(range(self.size.products), weights, k=self.size.reviews):
            counts[number] += 1
        return [min(count, self.size.members) for count in counts]

    def review_text(self, family, role, relative, rating, variant):
        """(title, body, reason for stopping), written once per family, author and rating."""
        key = (family.key, role, relative, rating, variant)
        if key not in self._texts:
            rng = random.Random(f"{self.size.seed}:text:{key}")
            price = family.models[0].price
            writer = ReviewWriter(
                rng, Author(role, relative), family.key, family.noun, family.plural,
                family.category, price,
            )  # fmt: skip
            self._texts[key] = (
                writer.title(rating)[:120], writer.body(rating), writer.stopped_reason()
            )  # fmt: skip
        return self._texts[key]

    def reviews(self, number, product, members, user_ids):
        """(Review, condition ids) for each review of the product with this number."""
        rng = random.Random(f"{self.size.seed}:reviews:{number}")
        family = self.family(number)
        data = fragments()
        profiles = data["rating_profiles"]
        profile = rng.choices(
            [name for name in profiles if name != "about"],
            [profiles[name]["share"] for name in profiles if name != "about"],
        )[0]
        weights = profiles[profile]["weights"]
        product_id, first_published = product
        age = (END - first_published).total_seconds()
        made = []
        for index in rng.sample(range(len(members)), self.review_counts[number]):
            member = members[index]
            rating = rng.choices(range(1, 6), weights)[0]
            title, body, stopped = self.review_text(
                family, member.role, member.relative, rating, rng.randrange(TEXT_VARIANTS)
            )
            still_using = rng.random() < data["still_using_share"][sentiment(rating)]
            periods = data["used_for"]["still_using" if still_using else "stopped"]
            published = first_published + timedelta(seconds=age * rng.random() ** 0.7)
            created = published - timedelta(days=rng.uniform(0.1, 4))
            review = Review(
                product_id=product_id,
                author_id=user_ids[index],
                author_role=member.role,
                status=Status.APPROVED,
                created_at=created,
                submitted_at=created,
                published_at=published,
                helpful_count=min(int(rng.paretovariate(1.4)) - 1, 30),
                rating=rating,
                title=title,
                body=body,
                used_for=rng.choices(list(periods), list(periods.values()))[0],
                still_using=still_using,
                stopped_reason="" if still_using else stopped,
            )
            if rng.random() < data["dimension_share"]:
                for name in rng.sample(list(DIMENSIONS), rng.randint(2, len(DIMENSIONS))):
                    value = min(5, max(1, rating + rng.choice((-1, 0, 0, 0, 1))))
                    setattr(review, name, value)
            shown = member.conditions if member.show_conditions else ()
            made.append((review, shown))
        return made


@dataclass
class Ids:
    """Primary keys of the rows products refer to, by the names the data files use."""

    categories: dict
    needs: dict
    conditions: dict
    manufacturers: dict
    other_manufacturers: list

    @classmethod
    def load(cls, catalogue):
        demo = {maker.name for maker in catalogue.makers.values()}
        manufacturers = dict(Manufacturer.objects.values_list("name", "pk"))
        return cls(
            categories=dict(IsoCategory.objects.values_list("code", "pk")),
            needs=dict(Need.objects.values_list("name", "pk")),
            conditions=dict(Condition.objects.values_list("name", "pk")),
            manufacturers=manufacturers,
            other_manufacturers=sorted(name for name in manufacturers if name not in demo),
        )


# == Writing it ==


def generate(size, progress=True):
    """Bring the database to `size`: each stage writes only what is missing.

    Returns {stage: seconds} for the stages that wrote something.
    """
    catalogue = Catalogue(size)
    timings = {}
    for name, stage in [
        ("manufacturers", _manufacturers),
        ("members", _members),
        ("products", _products),
        ("reviews", _reviews),
        ("ratings", _ratings),
    ]:
        started = time.perf_counter()
        if stage(catalogue, progress):
            timings[name] = time.perf_counter() - started
    return timings


def is_generated(size):
    """Whether the database holds exactly this size's products, reviews and ratings."""
    catalogue = Catalogue(size)
    return (
        ProductPage.objects.count() == size.products
        and Review.objects.count() == sum(catalogue.review_counts)
        and ProductRating.objects.count() == sum(1 for n in catalogue.review_counts if n)
    )


def _manufacturers(catalogue, progress):
    names = catalogue.manufacturer_names
    missing = set(names) - set(Manufacturer.objects.values_list("name", flat=True))
    Manufacturer.objects.bulk_create(
        [
            Manufacturer(name=name, website=f"https://www.{slugify(name)}.example")
            for name in sorted(missing)
        ]  # fmt: skip
    )
    return bool(missing)


def _members(catalogue, progress):
    """Members as the demo invents them, each with a profile and their conditions."""
    count = catalogue.size.members
    if User.objects.filter(username__startswith="bench-").count() == count:
        return False
    with transaction.atomic():
        User.objects.filter(username__startswith="bench-").delete()
        specs = plan_members(count, catalogue.size.seed)
        users = User.objects.bulk_create(
            [
                User(username=f"bench-{n:06d}", email=spec.email, password="!")  # noqa: S106
                for n, spec in enumerate(specs)
            ],  # fmt: skip
            batch_size=2000,
        )
        profiles = Profile.objects.bulk_create(
            [
                Profile(
                    user=user,
                    display_name=spec.display_name,
                    role=spec.role,
                    show_conditions=spec.show_conditions,
                )  # fmt: skip
                for user, spec in zip(users, specs, strict=True)
            ],
            batch_size=2000,
        )
        conditions = dict(Condition.objects.values_list("name", "pk"))
        Through = Profile.conditions.through
        Through.objects.bulk_create(
            [
                Through(profile_id=profile.pk, condition_id=conditions[name])
                for profile, spec in zip(profiles, specs, strict=True)
                for name in spec.conditions
            ],
            batch_size=2000,
        )
    return True


def _members_and_users(catalogue):
    specs = plan_members(catalogue.size.members, catalogue.size.seed)
    user_ids = list(
        User.objects.filter(username__startswith="bench-")
        .order_by("username")
        .values_list("pk", flat=True)
    )
    conditions = dict(Condition.objects.values_list("name", "pk"))
    members = [
        _Member(
            spec.role,
            spec.relative,
            tuple(conditions[name] for name in spec.conditions),
            spec.show_conditions,
        )  # fmt: skip
        for spec in specs
    ]
    return members, user_ids


@dataclass(frozen=True)
class _Member:
    role: str
    relative: str
    conditions: tuple
    show_conditions: bool


def _products(catalogue, progress):
    index = ProductIndexPage.objects.get()
    done = ProductPage.objects.child_of(index).count()
    total = catalogue.size.products
    if done >= total:
        return False
    ids = Ids.load(catalogue)
    content_type = ContentType.objects.get_for_model(ProductPage)
    fields = ProductPage._meta.local_concrete_fields
    bar = tqdm(total=total, initial=done, desc="products", unit="", disable=not progress)
    for start in range(done, total, PRODUCT_BATCH):
        numbers = range(start, min(start + PRODUCT_BATCH, total))
        with transaction.atomic():
            # Read inside the transaction: the parent as this batch finds it.
            index = ProductIndexPage.objects.select_for_update().get()
            last = (
                ProductPage.objects.child_of(index).order_by("-path").values_list("path", flat=True)
            ).first()
            step = ProductPage._str2int(last[-ProductPage.steplen :]) if last else 0
            made = [catalogue.product(number, ids) for number in numbers]
            rows = Page.objects.bulk_create(
                [
                    Page(
                        **page,
                        content_type=content_type,
                        locale_id=index.locale_id,
                        path=Page._get_path(index.path, index.depth + 1, step + offset),
                        depth=index.depth + 1,
                        numchild=0,
                        url_path=f"{index.url_path}{page['slug']}/",
                    )
                    for offset, (page, *_) in enumerate(made, start=1)
                ],
                batch_size=500,
            )
            products = [
                ProductPage(page_ptr_id=row.pk, id=row.pk, **product)
                for row, (_, product, *_) in zip(rows, made, strict=True)
            ]
            # QuerySet.bulk_create refuses multi-table models; the page rows exist, so only
            # the product table's own columns are inserted here.
            for chunk in range(0, len(products), 500):
                ProductPage._base_manager._insert(products[chunk : chunk + 500], fields=fields)
            Secondary = ProductPage.secondary_categories.through
            ProductNeed.objects.bulk_create(
                [ProductNeed(content_object_id=row.pk, tag_id=need)
                 for row, (_, _, needs, _, _) in zip(rows, made, strict=True) for need in needs],
                batch_size=2000,
            )  # fmt: skip
            ProductCondition.objects.bulk_create(
                [ProductCondition(content_object_id=row.pk, tag_id=condition)
                 for row, (_, _, _, conditions, _) in zip(rows, made, strict=True)
                 for condition in conditions],
                batch_size=2000,
            )  # fmt: skip
            Secondary.objects.bulk_create(
                [Secondary(productpage_id=row.pk, isocategory_id=category)
                 for row, (*_, secondary) in zip(rows, made, strict=True)
                 for category in secondary],
                batch_size=2000,
            )  # fmt: skip
            Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + len(rows))
        bar.update(len(numbers))
    bar.close()
    return True


def _reviews(catalogue, progress):
    counts = catalogue.review_counts
    products = list(ProductPage.objects.order_by("path").values_list("pk", "first_published_at"))[
        : catalogue.size.products
    ]
    reviewed = set(Review.objects.values_list("product_id", flat=True).distinct())
    todo = [n for n, (pk, _) in enumerate(products) if counts[n] and pk not in reviewed]
    if not todo:
        return False
    members, user_ids = _members_and_users(catalogue)
    Through = Review.author_conditions.through
    bar = tqdm(
        total=sum(counts), initial=sum(counts) - sum(counts[n] for n in todo),
        desc="reviews", unit="", disable=not progress,
    )  # fmt: skip
    for start in range(0, len(todo), REVIEW_BATCH):
        batch = todo[start : start + REVIEW_BATCH]
        made = [
            pair
            for number in batch
            for pair in catalogue.reviews(number, products[number], members, user_ids)
        ]
        with transaction.atomic():
            Review.objects.bulk_create([review for review, _ in made], batch_size=1000)
            Through.objects.bulk_create(
                [Through(review_id=review.pk, condition_id=condition)
                 for review, shown in made for condition in shown],
                batch_size=5000,
            )  # fmt: skip
        bar.update(len(made))
    bar.close()
    return True


def _ratings(catalogue, progress):
    """Each product's review figures, as reviews.moderation.recount() stores them, from one
    GROUP BY over all approved reviews rather than a recount per product."""
    expected = sum(1 for count in catalogue.review_counts if count)
    if ProductRating.objects.count() == expected:
        return False
    figures = (
        Review.objects.approved()
        .values("product_id")
        .annotate(
            count=Count("pk"),
            average=Avg("rating"),
            **{f"stars{n}": Count("pk", filter=Q(rating=n)) for n in range(1, 6)},
            **{f"{name}__average": Avg(name) for name in DIMENSIONS},
            **{f"{name}__count": Count(name) for name in DIMENSIONS},
        )
        .order_by()
    )
    rows = [
        ProductRating(
            product_id=row["product_id"],
            review_count=row["count"],
            average=round(row["average"], 2),  # as recount() rounds it
            distribution=[row[f"stars{n}"] for n in range(1, 6)],
            dimensions={
                name: {
                    "average": round(float(row[f"{name}__average"]), 2),
                    "count": row[f"{name}__count"],
                }
                for name in DIMENSIONS
                if row[f"{name}__count"]
            },
            tip_count=0,
        )
        for row in tqdm(figures.iterator(chunk_size=5000), desc="ratings", disable=not progress)
    ]
    with transaction.atomic():
        ProductRating.objects.all().delete()
        ProductRating.objects.bulk_create(rows, batch_size=2000)
    return True
