"""Plan the demo's contributions: who reviews what, how they rate it, what they write, votes;
and, from `tips`, the adaptation tips and the drawn photos.

A plan is a pure function of the seed, the numbers asked for and the products it may
review, so two runs over the same catalogue plan the same thing, and the loader
(`contributions_loader`) can recognise what an earlier run already created.
"""

import random
from dataclasses import dataclass, field, replace

from demo.catalogue import families
from demo.people import DEFAULT_MEMBERS, condition_phrases, plan_members
from demo.tips import plan_tips
from demo.writing import Author, ReviewWriter, fragments, sentiment
from reviews.models import CONTENT_FIELDS, DIMENSIONS

DEFAULT_SEED = 2718
DEFAULT_REVIEWS = 500
PENDING_SHARE = 0.015  # new reviews left waiting for a moderator
PENDING_EDITS = 2  # published reviews whose author has since edited them
MAX_VOTES = 30
# How much more readily someone writes about a product for their own (or their relative's)
# condition than about any other; professionals and paid carers review across the range.
FIT = {"user": (8.0, 0.4), "family_carer": (6.0, 0.4), "paid_carer": (1.0, 1.0)}
FIT_DEFAULT = (1.5, 1.5)


@dataclass(frozen=True)
class ProductInfo:
    """What the plan needs to know about a product it may review."""

    slug: str
    family: str  # key
    noun: str
    plural: bool
    category: str
    conditions: tuple
    price: object = None  # Decimal, the lowest shop price
    pictogram: str = ""  # for the drawings that stand in for members' photos
    picture: str = ""  # what the pictogram shows: "a kettle sitting in a tilting metal cradle"


def describe(spec, price=None):
    """The ProductInfo of a catalogue ProductSpec; `price` as the page has it."""
    family = {family.key: family for family in families()}[spec.family]
    return ProductInfo(
        slug=spec.slug,
        family=spec.family,
        noun=family.noun,
        plural=family.plural,
        category=spec.category,
        conditions=spec.conditions,
        price=spec.price_min if price is None else price,
        pictogram=spec.pictogram,
        picture=spec.alt_text.removeprefix("Illustration of "),
    )


@dataclass(frozen=True)
class ReviewSpec:
    product: str  # slug
    member: int  # index into the plan's members
    content: dict  # CONTENT_FIELDS
    pending: bool
    age: float  # 0 (when the product was published) to 1 (now)
    publish_delay_days: float
    edit: dict | None = None  # a later edit, waiting for a moderator


@dataclass
class Plan:
    members: list
    reviews: list = field(default_factory=list)
    votes: list = field(default_factory=list)  # (review index, voter index)
    tips: list = field(default_factory=list)  # demo.tips.TipSpec
    done: list = field(default_factory=list)  # "I did this too": (tip index, member index)
    tip_votes: list = field(default_factory=list)  # (tip index, voter index)
    review_photos: list = field(default_factory=list)  # demo.tips.ReviewPhotoSpec
    products: dict = field(default_factory=dict)  # slug: the ProductInfo planned for

    @property
    def size(self):
        """How many things loading the plan creates or recognises, for a progress bar."""
        parts = (self.members, self.reviews, self.votes, self.tips, self.done, self.tip_votes)
        return sum(len(items) for items in parts) + len(self.review_photos)


def plan(products, seed=DEFAULT_SEED, members=DEFAULT_MEMBERS, reviews=DEFAULT_REVIEWS):
    """Members, their reviews of `products` (ProductInfo, in a fixed order) and votes;
    the tips of the data file whose products are among them, and drawn photos."""
    people = plan_members(members, seed)
    result = Plan(members=people, products={product.slug: product for product in products})
    if not people or not products:
        return result
    rng = random.Random(f"{seed}:reviews")
    popularity = [rng.lognormvariate(0, 1.0) for _ in products]
    profiles = {product.slug: _rating_profile(seed, product) for product in products}
    reviewed = set()
    for _ in range(reviews):
        placed = _place(rng, products, people, popularity, reviewed)
        if placed is None:
            break  # every member has reviewed every product they could
        product_index, member_index = placed
        reviewed.add(placed)
        result.reviews.append(
            _review(rng, products[product_index], people[member_index], member_index, profiles)
        )
    _choose_pending(rng, result.reviews)
    result.votes = _votes(rng, result.reviews, len(people))
    result.tips, result.done, result.tip_votes, result.review_photos = plan_tips(
        products, people, result.reviews, seed
    )
    return result


def _rating_profile(seed, product):
    """Each product is mostly liked, middling or disliked, the same whatever else is planned."""
    rng = random.Random(f"{seed}:{product.slug}")
    profiles = fragments()["rating_profiles"]
    names = [name for name in profiles if name != "about"]
    name = rng.choices(names, [profiles[name]["share"] for name in names])[0]
    return profiles[name]["weights"]


def _place(rng, products, people, popularity, reviewed):
    """A product, chosen by popularity, and a member who fits it and has not reviewed it."""
    for _ in range(50):
        product_index = rng.choices(range(len(products)), popularity)[0]
        product = products[product_index]
        candidates = [m for m in range(len(people)) if (product_index, m) not in reviewed]
        if not candidates:
            continue
        weights = [_fit(people[m], product) for m in candidates]
        return product_index, rng.choices(candidates, weights)[0]
    return None


def _fit(member, product):
    fits, otherwise = FIT.get(member.role, FIT_DEFAULT)
    shares = set(member.conditions) & set(product.conditions)
    return member.activity * (fits if shares else otherwise)


def _review(rng, product, member, member_index, profiles):
    data = fragments()
    rating = rng.choices(range(1, 6), profiles[product.slug])[0]
    still_using = rng.random() < data["still_using_share"][sentiment(rating)]
    periods = data["used_for"]["still_using" if still_using else "stopped"]
    writer = ReviewWriter(
        rng,
        _author(member, product),
        product.family,
        product.noun,
        product.plural,
        product.category,
        product.price,
    )
    content = dict.fromkeys(CONTENT_FIELDS)
    content.update(
        rating=rating,
        title=writer.title(rating)[:120],
        body=writer.body(rating),
        used_for=rng.choices(list(periods), list(periods.values()))[0],
        still_using=still_using,
        stopped_reason="" if still_using else writer.stopped_reason(),
    )
    if rng.random() < data["dimension_share"]:
        for name in rng.sample(list(DIMENSIONS), rng.randint(2, len(DIMENSIONS))):
            content[name] = min(5, max(1, rating + rng.choice((-1, 0, 0, 0, 1))))
    return ReviewSpec(
        product=product.slug,
        member=member_index,
        content=content,
        pending=False,
        age=round(rng.random(), 4),
        publish_delay_days=round(rng.uniform(0.1, 4), 3),
        edit=_edit(rng, writer, content),
    )


def _author(member, product):
    shown = [name for name in member.conditions if member.show_conditions]
    # Mention the condition that brought them to this product, if they show it.
    relevant = [name for name in shown if name in product.conditions] or shown
    if not relevant:
        return Author(member.role, member.relative)
    own, other = condition_phrases(relevant[0])
    return Author(member.role, member.relative, own, other)


def _edit(rng, writer, content):
    """The edit the author might make later; `_choose_pending` decides which are made."""
    edited = dict(content)
    edited["body"] = f"{content['body']}\n\n{writer.update()}"
    if "changed my rating" in edited["body"]:
        edited["rating"] = min(5, content["rating"] + 1)
    return edited


def _choose_pending(rng, reviews):
    """A few of the newest reviews wait for a moderator; two published ones have an edit."""
    if not reviews:
        return
    count = max(1, round(len(reviews) * PENDING_SHARE)) if len(reviews) >= 4 else 0
    pending = set(rng.sample(range(len(reviews)), count))
    published = [i for i in range(len(reviews)) if i not in pending]
    edited = set(rng.sample(published, min(PENDING_EDITS, len(published) // 2)))
    for i, review in enumerate(reviews):
        if i in pending:
            age = round(0.97 + review.age * 0.03, 4)  # waiting reviews are recent
            reviews[i] = replace(review, pending=True, age=age, edit=None)
        elif i not in edited:
            reviews[i] = replace(review, edit=None)


def _votes(rng, reviews, member_count):
    """Helpful votes on published reviews: most get none or a few, some many; never one's own."""
    votes = []
    for index, review in enumerate(reviews):
        if review.pending:
            continue
        count = min(int(rng.paretovariate(1.4)) - 1, MAX_VOTES, member_count - 1)
        others = [m for m in range(member_count) if m != review.member]
        votes += [(index, voter) for voter in sorted(rng.sample(others, count))]
    return votes
