"""Which health conditions the public sees with a review or tip, kept as the author allows now.

One rule, applied here and nowhere else: a contribution's `author_conditions` are

- about the author's own experience: the conditions on their profile while they choose to
  show them, none otherwise, changing on every contribution the moment the profile does;
- about someone they care for or support: the conditions the author ticked on it, until they
  change the contribution;
- once the author's account is deleted: none, whoever they were about.

Pages, the "Who lives with" filter, exports and search documents all read these rows, so
each change here also reindexes the products of the published contributions it touched.
"""

from django.db import transaction

from accounts.models import Profile
from reviews.models import Review, Subject, Tip
from reviews.signals import shown_conditions_changed

MODELS = (Review, Tip)


def allowed(subject, profile, chosen=()):
    """The condition ids the public may see with a contribution, by the rule above."""
    if profile is None:
        return set()
    if subject == Subject.SELF:
        if not profile.show_conditions:
            return set()
        return set(profile.conditions.values_list("pk", flat=True))
    return {getattr(condition, "pk", condition) for condition in chosen}


def apply(item, profile, chosen=()):
    """Set a saved contribution's shown conditions by the rule; reindex if the public sees it."""
    wanted = allowed(item.subject, profile, chosen)
    before = set(item.author_conditions.values_list("pk", flat=True))
    if wanted != before:
        item.author_conditions.set(wanted)
        if item.is_published:
            _announce({item.product_id})


def follow_profile(user_id):
    """Bring the member's own-experience contributions into line with their profile now."""
    with transaction.atomic():
        # Held with moderation.submit's lock, so a review sent meanwhile cannot keep the old.
        profile = Profile.objects.select_for_update().filter(user_id=user_id).first()
        wanted = allowed(Subject.SELF, profile)
        touched = set()
        for model in MODELS:
            own = model.objects.filter(author_id=user_id, subject=Subject.SELF)
            touched |= _replace(model, own, lambda pk: wanted)
        _announce(touched)


def withdraw_all(user_id):
    """Remove every condition shown with the member's contributions: their account is going."""
    with transaction.atomic():
        touched = set()
        for model in MODELS:
            touched |= _replace(model, model.objects.filter(author_id=user_id), lambda pk: set())
        _announce(touched)


def _replace(model, contributions, wanted_for):
    """Rewrite the shown conditions of `contributions` that differ from `wanted_for(pk)`.

    Returns the products of the published ones that changed. Two queries when nothing
    changes; two more for each kind that does.
    """
    field = model.author_conditions.field
    through = model.author_conditions.through
    owner, term = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    current, facts = {}, {}
    for pk, product_id, published_at, condition in contributions.values_list(
        "pk", "product_id", "published_at", "author_conditions"
    ):
        current.setdefault(pk, set())
        if condition is not None:
            current[pk].add(condition)
        facts[pk] = (product_id, published_at is not None)
    stale = {pk: wanted_for(pk) for pk, shown in current.items() if shown != wanted_for(pk)}
    if not stale:
        return set()
    through.objects.filter(**{f"{owner}__in": list(stale)}).delete()
    through.objects.bulk_create(
        [through(**{owner: pk, term: condition}) for pk, ids in stale.items() for condition in ids]
    )
    return {facts[pk][0] for pk in stale if facts[pk][1]}


def _announce(product_ids):
    if product_ids:
        shown_conditions_changed.send(sender=Review, product_ids=sorted(product_ids))
