"""Write a demo review's title, text and reason for stopping from the fragments in the data.

The sentences about the product come from the group whose ISO codes match its category
(a bath lift gets sentences about baths), the rest from fragments by role and by how the
reviewer rated it. Everything is chosen with the caller's seeded random generator.
"""

import re
import string
from dataclasses import dataclass
from functools import cache

from demo.datafiles import read_json

GOOD, MIXED, BAD = "good", "mixed", "bad"
DEAR = 200  # pounds: above this, reviews may mention the price as a lot of money
CHEAP = 15
USER = "user"
FIRST_PERSON = re.compile(r"\b(I|I'm|I've|I'd|me|my|My)\b")


def sentiment(rating):
    return GOOD if rating >= 4 else MIXED if rating == 3 else BAD


@dataclass(frozen=True)
class Author:
    """What the text may say about its author."""

    role: str
    relative: str = ""  # family carers: whom they look after
    condition_sentence: str = ""  # "I have MS, ...": only when the member shows conditions
    relative_clause: str = ""  # "who has MS": the same, for a carer's relative


@cache
def fragments():
    return read_json("contributions/reviews.json")


def group_for(category_code):
    """The fragment group with the longest ISO code prefix matching the category."""
    best, best_length = None, -1
    for group in fragments()["groups"]:
        for code in group["codes"]:
            if _matches(category_code, code) and len(code) > best_length:
                best, best_length = group, len(code)
    return best


def _matches(category_code, prefix):
    return category_code == prefix or category_code.startswith(prefix + " ")


class ReviewWriter:
    def __init__(self, rng, author, family, noun, plural, category_code, price):
        self.rng = rng
        self.author = author
        self.family = family  # the family key, for sentences that fit only some families
        self.group = group_for(category_code) or {"name": "general", "codes": []}
        self.price = price
        someone = fragments()["someone"].get(author.role, "")
        someone = someone.format(relative=author.relative)
        self.words = {
            "noun": noun,
            "someone": someone,
            "Someone": someone[:1].upper() + someone[1:],
            "It": "They" if plural else "It",
            "it": "them" if plural else "it",
            "is": "are" if plural else "is",
            "was": "were" if plural else "was",
            "has": "have" if plural else "has",
            "relative": author.relative,
        }

    def _fill(self, text):
        return text.format(**self.words)

    def _usable(self, entries, own_voice=False):
        """Texts this author can say about this product: only carers have a relative, and
        only people who use the product themselves speak of it in the first person, unless
        the texts are written for the author's role (`own_voice`)."""
        role = self.author.role
        texts = [
            entry if isinstance(entry, str) else entry["text"]
            for entry in entries
            if isinstance(entry, str) or self.family in entry["only"]
        ]
        return [
            text
            for text in dict.fromkeys(texts)  # once each, as lists may share a sentence
            if (self.author.relative or "{relative}" not in text)
            and (own_voice or role == USER or not FIRST_PERSON.search(text))
            and (role != USER or "{someone}" not in text.lower())
        ]

    def _pick(self, *lists, own_voice=False):
        choices = self._usable([text for texts in lists for text in texts], own_voice)
        return self._fill(self.rng.choice(choices)) if choices else ""

    def title(self, rating):
        feeling = sentiment(rating)
        own = self._usable(self.group.get("titles", {}).get(feeling, []))
        if own and self.rng.random() < 0.4:
            return self._fill(self.rng.choice(own))
        return self._pick(fragments()["titles"][feeling], own_voice=True)

    def body(self, rating):
        data, feeling, rng = fragments(), sentiment(rating), self.rng
        about = self._about_product(feeling)
        opening = [self._opening()] if rng.random() < 0.8 else []
        extra = []
        if rng.random() < 0.5:
            extra.append(self._pick(data["general"][feeling]))
        if self.author.role == "professional" and feeling != MIXED and rng.random() < 0.6:
            extra.append(self._pick(data["general"][f"professional_{feeling}"], own_voice=True))
        price = self._price_sentence()
        if price and rng.random() < 0.4:
            extra.append(price)
        closing = self._pick(data["closings"][feeling])
        first = " ".join(text for text in [*opening, *about] if text)
        second = " ".join(text for text in [*extra, closing] if text)
        return "\n\n".join(part for part in (first, second) if part)

    def _opening(self):
        author, data = self.author, fragments()
        sentences = [self._pick(data["openings"][author.role], own_voice=True)]
        if author.role == USER and author.condition_sentence:
            sentences.insert(0, author.condition_sentence)
        if author.role == "family_carer" and author.relative_clause:
            sentences.append(
                self._fill(data["carer_condition"].replace("{who}", author.relative_clause))
            )
        return " ".join(sentence for sentence in sentences if sentence)

    def _about_product(self, feeling):
        good = self._usable(self.group.get(GOOD, []) + self.group.get(f"{GOOD}_others", []))
        bad = self._usable(self.group.get(BAD, []) + self.group.get(f"{BAD}_others", []))
        if feeling == GOOD:
            chosen = self.rng.sample(good, min(2, len(good)))
        elif feeling == BAD:
            chosen = self.rng.sample(bad, min(2, len(bad)))
        else:
            chosen = [self.rng.choice(good), self.rng.choice(bad)] if good and bad else []
        return [self._fill(text) for text in chosen]

    def _price_sentence(self):
        prices = fragments()["price"]
        if self.price is not None and self.price >= DEAR:
            return self._pick(prices["dear"])
        if self.price is not None and self.price <= CHEAP:
            return self._pick(prices["cheap"])
        return ""

    def stopped_reason(self):
        stopped = fragments()["stopped"]
        own = self._usable(stopped.get(self.author.role, []), own_voice=True)
        others = self._usable([*self.group.get("stopped", []), *stopped["general"]])
        return self._fill(self.rng.choice(own + others))

    def update(self):
        """A sentence an author adds when editing a published review."""
        return self._pick(fragments()["updates"], own_voice=True)


def placeholders(text):
    """The {names} a fragment uses, to check the data files against what the writer fills."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
