"""Invent the demo's reviewers from the parts in demo/data/contributions/members.json.

Members are drawn one after another from one seeded generator, so the first twenty of a
sixty-member plan are the same twenty as a twenty-member plan's, and a later, larger load
recognises the members an earlier one created (by email address).
"""

import random
import re
from dataclasses import dataclass
from functools import cache

from demo.datafiles import read_json

DEFAULT_MEMBERS = 60


@dataclass(frozen=True)
class MemberSpec:
    email: str
    display_name: str
    role: str
    conditions: tuple  # their own, or for family carers the person they look after
    show_conditions: bool
    relative: str = ""  # family carers: whom they look after
    activity: float = 1.0  # how readily they write reviews

    @property
    def username(self):
        return "demo-" + self.email.split("@")[0]


@cache
def parts():
    return read_json("contributions/members.json")


def plan_members(count, seed):
    data = parts()
    rng = random.Random(f"{seed}:members")
    roles = list(data["roles"])
    role_weights = list(data["roles"].values())
    conditions = list(data["conditions"])
    members, emails = [], set()
    for number in range(1, count + 1):
        role = rng.choices(roles, role_weights)[0]
        first, surname = rng.choice(data["first_names"]), rng.choice(data["surnames"])
        style = rng.choice(data["display_names"][role])
        display_name = style.format(
            first=first,
            surname=surname,
            initial=surname[0],
            place=rng.choice(data["places"]),
            number=rng.randint(1, 99),
        )
        low, high = data["conditions_per_role"][role]
        chosen = tuple(sorted(rng.sample(conditions, rng.randint(low, high))))
        show = bool(chosen) and rng.random() < data["share_showing_conditions"]
        relative = rng.choice(data["relatives"]) if role == "family_carer" else ""
        local = re.sub(r"[^a-z.]", "", f"{first}.{surname}".lower())
        email = f"{local}@{rng.choice(data['email_domains'])}"
        if email in emails:
            email = email.replace("@", f"{number}@")
        emails.add(email)
        members.append(
            MemberSpec(
                email=email,
                display_name=display_name,
                role=role,
                conditions=chosen,
                show_conditions=show,
                relative=relative,
                activity=round(rng.lognormvariate(0, 0.8), 3),
            )
        )
    return members


def condition_phrases(name):
    """("I have MS, ...", "who has MS") for a condition, as reviews word it."""
    phrases = parts()["conditions"][name]
    return phrases["self"], phrases["other"]
