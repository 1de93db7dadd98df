"""Plan the demo's adaptation tips from demo/data/contributions/tips.json.

The data file says what each tip is; the plan adds who wrote it (a demo member with the
role the tip is written for), when, and who said "I did this too" or found it helpful. It
also picks the published reviews that get a drawn picture. Each tip draws from its own
seeded generator, so a tip is planned the same whatever else is in the catalogue; a tip
whose product is not loaded is left out, and so are the tips based on it.
"""

import random
from dataclasses import dataclass, replace
from functools import cache

from accounts.models import Role
from demo.datafiles import DataFileError, read_json
from demo.people import parts
from reviews.models import MAX_PHOTOS, TIP_CONTENT_FIELDS, CostBand, Difficulty, TimeNeeded

APPROVED, PENDING, REJECTED = "approved", "pending", "rejected"
CONDITION_FIT = 40.0  # how much likelier a member with a condition the tip names writes it
FEEDBACK_FIT = 3.0  # and how much likelier such a member is to follow it
MAX_MARKS = 15  # "I did this too" marks, and separately helpful votes, on one tip
VOTE_TOO_SHARE = 0.7  # of the members who did a tip, how many also say it helped
RELATIVE = "{relative}"


@dataclass(frozen=True)
class PhotoSpec:
    """A drawn picture standing in for a member's photo."""

    shows: str  # its caption
    step: int | None = None  # a tip's photo shows one step, counted from 1
    pending: bool = False


@dataclass(frozen=True)
class TipSpec:
    key: str
    product: str  # slug
    member: int  # index into the plan's members
    based_on: int | None  # index into the plan's tips, always an earlier one
    content: dict  # TIP_CONTENT_FIELDS
    state: str
    rejection_reason: str = ""
    edit: dict | None = None  # content changed after approval, waiting for a moderator
    photos: tuple = ()
    age: float = 0.5  # 0 (when its product, or the tip it is based on, was published) to 1 (now)
    publish_delay_days: float = 1.0


@dataclass(frozen=True)
class ReviewPhotoSpec:
    review: int  # index into the plan's reviews
    photo: PhotoSpec


@dataclass(frozen=True)
class _Entry:
    """One tip as the data file has it."""

    key: str
    product: str
    author: str  # role
    author_conditions: tuple
    based_on: str
    state: str
    rejection_reason: str
    content: dict
    edit: dict | None
    photos: tuple


REQUIRED = ("key", "product", "author", "title", "problem", "steps")
REQUIRED += ("difficulty", "cost", "time_needed")
OPTIONAL = ("author_conditions", "based_on", "state", "rejection_reason", "edit", "photos")
OPTIONAL += ("tools", "safety_note")


@cache
def tip_data():
    """The data file's tips, checked, and its `review_photos` numbers."""
    data = read_json("contributions/tips.json")
    entries, keys = [], set()
    for entry in data["tips"]:
        parsed = _entry(entry, keys)
        keys.add(parsed.key)
        entries.append(parsed)
    photos = data.get("review_photos", {})
    return tuple(entries), (photos.get("count", 0), photos.get("pending", 0))


def _entry(entry, keys):
    where = f"tips.json, tip {entry.get('key', '?')!r}"
    _check_fields(entry, where, REQUIRED, OPTIONAL)
    problems = []
    if entry["key"] in keys:
        problems.append("the key is used twice")
    if entry.get("based_on") and entry["based_on"] not in keys:
        problems.append(f"based_on {entry['based_on']!r} is not an earlier tip")
    if entry["author"] not in Role.values:
        problems.append(f"unknown role {entry['author']!r}")
    problems += [
        f"unknown condition {name!r}"
        for name in entry.get("author_conditions", ())
        if name not in parts()["conditions"]
    ]
    for name, choices in (("difficulty", Difficulty), ("cost", CostBand)):
        if entry[name] not in choices.values:
            problems.append(f"unknown {name} {entry[name]!r}")
    if entry["time_needed"] not in TimeNeeded.values:
        problems.append(f"unknown time_needed {entry['time_needed']!r}")
    state = entry.get("state", APPROVED)
    if state not in (APPROVED, PENDING, REJECTED):
        problems.append(f"unknown state {state!r}")
    if (state == REJECTED) != bool(entry.get("rejection_reason")):
        problems.append("a rejection_reason goes with state rejected, and only with it")
    if entry.get("edit") and (state != APPROVED or set(entry["edit"]) - set(TIP_CONTENT_FIELDS)):
        problems.append("an edit is made to an approved tip, and changes only its content")
    content = _content(entry)
    if RELATIVE in str(content) and entry["author"] != Role.FAMILY_CARER:
        problems.append(f"only family carers' tips mention {RELATIVE}")
    for photo in entry.get("photos", ()):
        _check_fields(photo, f"{where}, a photo", ("step", "shows"), ("pending",))
    photos = tuple(PhotoSpec(**photo) for photo in entry.get("photos", ()))
    steps = [photo.step for photo in photos]
    if len(set(steps)) != len(steps) or len(steps) > MAX_PHOTOS:
        problems.append(f"one photo a step, at most {MAX_PHOTOS}")
    if not all(isinstance(step, int) and 1 <= step <= len(entry["steps"]) for step in steps):
        problems.append("a photo shows a step the tip does not have")
    if problems:
        raise DataFileError(f"{where}: {'; '.join(problems)}")
    edit = entry.get("edit")
    return _Entry(
        key=entry["key"],
        product=entry["product"],
        author=entry["author"],
        author_conditions=tuple(entry.get("author_conditions", ())),
        based_on=entry.get("based_on", ""),
        state=state,
        rejection_reason=entry.get("rejection_reason", ""),
        content=content,
        edit={**content, **_content(edit, partial=True)} if edit else None,
        photos=photos,
    )


def _check_fields(entry, where, required, optional):
    missing = [name for name in required if name not in entry]
    unknown = [name for name in entry if name not in (*required, *optional)]
    if missing or unknown:
        found = [f"missing {', '.join(missing)}"] if missing else []
        found += [f"unknown {', '.join(unknown)}"] if unknown else []
        raise DataFileError(f"{where}: {'; '.join(found)}")


def _content(entry, partial=False):
    """The fields a Tip's author writes, as `Tip.submit` takes them."""
    content = {name: entry[name] for name in TIP_CONTENT_FIELDS if name in entry}
    if "steps" in content:
        content["steps"] = [{"text": text} for text in content["steps"]]
    if not partial:
        content.setdefault("tools", "")
        content.setdefault("safety_note", "")
    return content


def plan_tips(products, members, reviews, seed):
    """(tips, "I did this too" marks, helpful votes, review photos) for the plan.

    `products` are the ProductInfo the plan may use, `members` its MemberSpecs and
    `reviews` its ReviewSpecs; marks and votes are (tip index, member index) pairs.
    """
    entries, (review_photos, pending_photos) = tip_data()
    slugs = {product.slug for product in products}
    tips, done, votes, index_of = [], [], [], {}
    if not members:
        return tips, done, votes, []
    for entry in entries:
        if entry.product not in slugs or (entry.based_on and entry.based_on not in index_of):
            continue
        rng = random.Random(f"{seed}:tip:{entry.key}")
        parent = index_of.get(entry.based_on)
        member = _author(rng, entry, members, tips[parent].member if parent is not None else None)
        index_of[entry.key] = len(tips)
        tip = _tip(rng, entry, member, members[member], parent)
        if tip.state == APPROVED:
            tip_done, tip_votes = _feedback(rng, tip, entry, members)
            done += [(len(tips), voter) for voter in tip_done]
            votes += [(len(tips), voter) for voter in tip_votes]
        tips.append(tip)
    photos = _review_photos(random.Random(f"{seed}:review-photos"), reviews, products)
    return tips, done, votes, _pending_last(photos[:review_photos], pending_photos)


def _author(rng, entry, members, avoid):
    """A member of the tip's role, likelier with one of its conditions; not the author of
    the tip it is based on. Anyone else when the plan has nobody in that role."""
    others = [index for index in range(len(members)) if index != avoid] or [avoid]
    candidates = [index for index in others if members[index].role == entry.author] or others
    weights = [
        members[index].activity
        * (CONDITION_FIT if set(members[index].conditions) & set(entry.author_conditions) else 1)
        for index in candidates
    ]
    return rng.choices(candidates, weights)[0]


def _tip(rng, entry, member_index, member, parent):
    relative = member.relative or "partner"
    content, edit = _fill(entry.content, relative), entry.edit and _fill(entry.edit, relative)
    if entry.state == PENDING:
        age = 0.97 + rng.random() * 0.03  # waiting tips are recent
    elif entry.state == REJECTED:
        age = rng.uniform(0.85, 0.95)
    else:
        age = rng.uniform(0.3, 0.8) if parent is not None else rng.uniform(0.1, 0.7)
    return TipSpec(
        key=entry.key,
        product=entry.product,
        member=member_index,
        based_on=parent,
        content=content,
        state=entry.state,
        rejection_reason=entry.rejection_reason,
        edit=edit,
        photos=entry.photos,
        age=round(age, 4),
        publish_delay_days=round(rng.uniform(0.1, 3), 3),
    )


def _fill(content, relative):
    """A family carer's text with the person they look after ("my {relative}")."""
    filled = {
        name: value.replace(RELATIVE, relative) if isinstance(value, str) else value
        for name, value in content.items()
    }
    filled["steps"] = [
        {"text": step["text"].replace(RELATIVE, relative)} for step in content["steps"]
    ]
    return filled


def _feedback(rng, tip, entry, members):
    """Members who did the tip, and members who found it helpful: most of the first and a
    few more. Older tips have had longer to collect them; never the author."""
    others = [index for index in range(len(members)) if index != tip.member]
    weights = [
        members[index].activity
        * (FEEDBACK_FIT if set(members[index].conditions) & set(entry.author_conditions) else 1)
        for index in others
    ]
    older = 1 - tip.age
    count = min(int(rng.paretovariate(1.2)) - 1 + round(older * 4), MAX_MARKS, len(others))
    done = _weighted_sample(rng, others, weights, count)
    voters = [index for index in done if rng.random() < VOTE_TOO_SHARE]
    rest = [
        (index, weight) for index, weight in zip(others, weights, strict=True) if index not in done
    ]
    extra = min(int(rng.paretovariate(1.4)) - 1 + round(older * 2), MAX_MARKS - len(voters))
    voters += _weighted_sample(rng, [i for i, _ in rest], [w for _, w in rest], max(0, extra))
    return sorted(done), sorted(voters)


def _weighted_sample(rng, items, weights, count):
    """`count` different items, each likelier in proportion to its weight."""
    keyed = sorted(
        zip(items, weights, strict=True), key=lambda pair: -(rng.random() ** (1 / pair[1]))
    )
    return [item for item, _ in keyed[:count]]


def _review_photos(rng, reviews, products):
    """Pictures with well-rated published reviews, one kind of product each."""
    by_slug = {product.slug: product for product in products}
    candidates = [
        index
        for index, review in enumerate(reviews)
        if not review.pending and review.content["rating"] >= 3 and review.product in by_slug
    ]
    rng.shuffle(candidates)
    chosen, families_seen = [], set()
    for index in candidates:
        family = by_slug[reviews[index].product].family
        if family not in families_seen:
            families_seen.add(family)
            chosen.append(index)
    return [
        ReviewPhotoSpec(
            review=index,
            photo=PhotoSpec(shows=f"The {by_slug[reviews[index].product].noun} at home"),
        )
        for index in chosen
    ]


def _pending_last(photos, pending):
    """The last `pending` pictures are newly added and wait for a moderator."""
    cut = len(photos) - min(pending, len(photos))
    return [
        spec if number < cut else replace(spec, photo=replace(spec.photo, pending=True))
        for number, spec in enumerate(photos)
    ]
