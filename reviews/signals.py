"""What the reviews app announces, for other apps (search) to follow.

The handlers that keep the reviews app's own figures right are in `reviews.handlers`.
"""

from django.dispatch import Signal

# Sent by reviews.moderation after each decision on a review, tip or photo, with the
# product's id: what is derived from approved contributions elsewhere (search) follows it.
moderated = Signal()
# Sent by reviews.conditions with `product_ids` when the conditions shown with published
# contributions change outside moderation: a profile changed, an account went, a carer
# changed whom a review is about. Search reindexes those products, as after a decision.
shown_conditions_changed = Signal()
