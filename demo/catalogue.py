"""Turn the families of the data files into concrete, checked product specifications.

No database, so tests can examine the whole catalogue without loading it.
Titles and slugs come from the data alone; the seed only varies details such as shop
prices, which products are discontinued and when each was "published". So a second run,
even with another seed, recognises every product it loaded before.
"""

import itertools
import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.html import escape
from django.utils.text import slugify

from demo.datafiles import DataFileError, Maker, family_groups, makers, shops
from taxonomy.loading import read_rows

DEFAULT_SEED = 9999
DISCONTINUED_COUNT = 7
PUBLISHED_OVER_DAYS = 240
SUMMARY_MAX_LENGTH = 300  # ProductPage.summary

# Decimal places of each ProductPage dimension field.
DIMENSION_PLACES = {
    "width_mm": Decimal("0.1"),
    "depth_mm": Decimal("0.1"),
    "height_mm": Decimal("0.1"),
    "weight_kg": Decimal("0.01"),
    "max_user_weight_kg": Decimal("0.1"),
}


@dataclass(frozen=True)
class SupplierSpec:
    name: str
    url: str
    price: Decimal


@dataclass(frozen=True)
class ProductSpec:
    """Everything the loader needs to create one product page and its illustration."""

    title: str
    slug: str
    summary: str
    family: str
    category: str
    secondary: tuple
    needs: tuple
    conditions: tuple
    maker: Maker
    suppliers: tuple
    price_min: Decimal
    price_max: Decimal
    dimensions: dict
    discontinued: bool
    body: list
    pictogram: str
    alt_text: str
    image_title: str
    published_days_ago: float

    @property
    def top_class(self):
        return self.category.split()[0]


class CatalogueError(ValueError):
    """The data files contradict themselves or the taxonomy files."""


def families():
    """Every family, interleaved so that the first ones (and `--limit` runs) span many classes."""
    return [
        family
        for group in itertools.zip_longest(*family_groups())
        for family in group
        if family is not None
    ]


def build_catalogue(seed=DEFAULT_SEED):
    """Every demo product, interleaved so that the first few span many families."""
    try:
        variants = [list(_variants(family)) for family in families()]
    except DataFileError as error:
        raise CatalogueError(str(error)) from error
    ordered = [
        item for round_ in itertools.zip_longest(*variants) for item in round_ if item is not None
    ]
    discontinued = set(
        random.Random(f"{seed}:discontinued").sample(range(len(ordered)), DISCONTINUED_COUNT)
    )
    products = [
        _product(family, model, option, seed, index in discontinued)
        for index, (family, model, option) in enumerate(ordered)
    ]
    check(products)
    return products


def _variants(family):
    """Pair models with options in turn, so each appears at least once (not every pairing)."""
    models, options = family.models, family.options
    for i in range(max(len(models), len(options))):
        yield family, models[i % len(models)], options[i % len(options)]


def _tidy(text):
    return " ".join(text.split()).strip(" ,")


def _product(family, model, option, seed, discontinued):
    try:
        maker = makers()[model.maker]
    except KeyError:
        raise CatalogueError(f"unknown maker {model.maker!r} in {family.key!r}") from None
    title = _tidy(family.title.format(brand=maker.brand, model=model.name, option=option.label))
    slug = slugify(title)
    rng = random.Random(f"{seed}:{slug}")
    summary = _tidy(" ".join([family.summary.format(option=option.label), model.note, option.note]))
    price = (model.price + option.price).quantize(Decimal("0.01"))
    suppliers = _suppliers(rng, family.category.split()[0], slug, price, discontinued)
    prices = [supplier.price for supplier in suppliers]
    dimensions = {
        name: Decimal(value).quantize(DIMENSION_PLACES[name], ROUND_HALF_UP)
        for name, value in {**family.dims, **model.dims, **option.dims}.items()
    }
    spec_rows = dict(family.spec)
    spec_rows.update(model.spec)
    spec_rows.update(option.spec)
    alt_words = family.alt.format(option=option.alt or option.label)
    return ProductSpec(
        title=title,
        slug=slug,
        summary=summary,
        family=family.key,
        category=family.category,
        secondary=tuple(family.also),
        needs=tuple(family.needs),
        conditions=tuple(family.conditions),
        maker=maker,
        suppliers=suppliers,
        price_min=min(prices),
        price_max=max(prices),
        dimensions=dimensions,
        discontinued=discontinued,
        body=_body(family, maker, spec_rows, discontinued),
        pictogram=family.pictogram,
        alt_text=_tidy(f"Illustration of {alt_words}"),
        image_title=f"{title} (illustration)",
        published_days_ago=round(rng.uniform(0, PUBLISHED_OVER_DAYS), 3),
    )


def _suppliers(rng, top_class, slug, price, discontinued):
    candidates = [shop for shop in shops() if not shop.classes or top_class in shop.classes]
    if discontinued:
        shop = rng.choice(candidates)
        clearance = _retail_price(rng, price * Decimal("0.8"))
        return (SupplierSpec(shop.name, shop.url_for(slug), clearance),)
    count = rng.choice((1, 2, 2, 3, 3))
    chosen = rng.sample(candidates, count)
    # The first shop sells at the maker's price; the others a little above or below it.
    prices = [price] + [
        _retail_price(rng, price * Decimal(str(rng.uniform(0.88, 1.1)))) for _ in chosen[1:]
    ]
    return tuple(
        SupplierSpec(shop.name, shop.url_for(slug), amount)
        for shop, amount in zip(chosen, prices, strict=True)
    )


def _retail_price(rng, amount):
    """A price as shops write them: £749.00, £34.95, £7.49."""
    if amount >= 200:
        value = int(amount / 10) * 10 + rng.choice((Decimal(-1), Decimal(0), Decimal(5)))
    else:
        value = int(amount) + rng.choice((Decimal("0.49"), Decimal("0.95"), Decimal("0.99")))
    return max(value, Decimal("0.99")).quantize(Decimal("0.01"))


def _body(family, maker, spec_rows, discontinued):
    text = f"<p>{escape(family.helps)}</p><p>{escape(family.use)}</p>"
    if family.tip:
        text += f"<p>{escape(family.tip)}</p>"
    if discontinued:
        text += (
            f"<p><b>No longer made.</b> {escape(maker.name)} has stopped making this model. "
            "Some shops still have stock, and it often turns up second hand.</p>"
        )
    body = [{"type": "paragraph", "value": text}]
    if spec_rows:
        rows = [{"label": label, "value": value} for label, value in spec_rows.items()]
        body.append({"type": "specification", "value": {"caption": "Specification", "rows": rows}})
    return body


def check(products):
    """Raise CatalogueError when titles clash or names are missing from the taxonomy files."""
    problems = []
    for attribute in ("title", "slug", "summary", "image_title"):
        counts = {}
        for product in products:
            counts[getattr(product, attribute)] = counts.get(getattr(product, attribute), 0) + 1
        problems += [f"duplicate {attribute}: {value!r}" for value, n in counts.items() if n > 1]
    codes = {row[0] for row in read_rows("iso9999.tsv")}
    needs = {row[0] for row in read_rows("needs.tsv")}
    conditions = {row[0] for row in read_rows("conditions.tsv")}
    for product in products:
        if len(product.summary) > SUMMARY_MAX_LENGTH:
            problems.append(f"summary too long: {product.title!r}")
        problems += [
            f"unknown ISO code {code!r} in {product.title!r}"
            for code in (product.category, *product.secondary)
            if code not in codes
        ]
        problems += [f"unknown need {name!r}" for name in product.needs if name not in needs]
        problems += [
            f"unknown condition {name!r}" for name in product.conditions if name not in conditions
        ]
        if not product.price_min <= product.price_max:
            problems.append(f"price range upside down: {product.title!r}")
    if problems:
        raise CatalogueError("; ".join(sorted(set(problems))))
