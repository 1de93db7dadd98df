"""What the search log blanks: contact details as people really type and disguise them.

Each row of the table is searched through the log (search.log.record_search) and read back
from the stored row; the properties check the same with many made-up addresses and numbers.
"""

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from search.log import PURGE_DUE_KEY, record_search
from search.models import SearchLog
from search.redaction import redact

pytestmark = pytest.mark.django_db

REDACTED = [
    # Email addresses, plain, half typed and disguised.
    ("jane.doe@", "[email]"),
    ("jane.d@example", "[email]"),
    ("jane (at) example.com", "[email]"),
    ("jane [at] example [dot] com", "[email]"),
    ("jane at example dot com", "[email]"),
    ("Jane.Doe AT example DOT co DOT uk kettle", "[email] kettle"),
    ("jane @ example.com", "[email]"),
    ("jane＠example.com", "[email]"),  # full-width at sign
    ("jane﹫example.com", "[email]"),  # small at sign
    ("ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "[email]"),  # all full width
    ("jane{at}example{dot}org", "[email]"),
    ("contact <jane@example.org>", "contact [email]"),
    # Phone numbers from outside the UK, and UK ones written in full-width digits.
    ("+1 415 555 2671", "[phone]"),
    ("+1 (415) 555-2671 stairlift", "[phone] stairlift"),
    ("(415) 555-2671", "[phone]"),
    ("555-2671", "[phone]"),
    ("call 555 2671", "call [phone]"),
    ("+33 1 23 45 67 89", "[phone]"),
    ("0033 1 23 45 67 89", "[phone]"),
    ("+49 30 1234567", "[phone]"),
    ("+353 1 234 5678", "[phone]"),
    ("+61 2 9876 5432", "[phone]"),
    ("415.555.2671", "[phone]"),
    ("０７７００ ９００１２３", "[phone]"),
    # Street addresses.
    ("12 Acacia Avenue", "[address]"),
    ("ramp for 221b baker st", "ramp for [address]"),
    ("Flat 3, 14 High Street, Leeds", "[address], Leeds"),
    ("10 downing st. grab rail", "[address] grab rail"),
    ("7 the old mill lane", "[address]"),
    ("42 St John's Road SW1A 1AA", "[address] [postcode]"),
    # What the log caught before stays caught.
    ("jo.bloggs+at@example.co.uk", "[email]"),
    ("kettle for (mum@example.com) please", "kettle for [email] please"),
    ("call 07700 900123", "call [phone]"),
    ("+44 (0)20 7946 0958", "[phone]"),
    ("SW1A 1AA", "[postcode]"),
    ("nhs 943 476 5919", "nhs [number]"),
]

KEPT = [
    "@home kettle",
    "ISO 9999 15 09 13",
    "15 09 13 04",
    "A4 magnifier 3x",
    "SW1A",
    "size 10 shoes",
    "4 wheel drive scooter",
    "3 in 1 walking stick",
    "2024 model rollator",
    "kettle at home",
    "60 x 120 cm mat",
    "12 volt battery",
    "model KX-TG6821",
    "£1299 stairlift",
]


@pytest.fixture(autouse=True)
def _purge_not_due():
    cache.set(PURGE_DUE_KEY, True)


def stored(query):
    SearchLog.objects.all().delete()
    record_search(query, {}, 3, 12, "database")
    return SearchLog.objects.get().query


@pytest.mark.parametrize(("typed", "expected"), REDACTED)
def test_disguised_contact_details_are_blanked_before_the_search_is_stored(typed, expected):
    assert stored(typed) == expected


@pytest.mark.parametrize("typed", KEPT)
def test_searches_without_contact_details_are_stored_as_typed(typed):
    assert stored(typed) == typed


# == Properties ==

NAME = st.from_regex(r"[a-z][a-z0-9]{1,9}(\.[a-z][a-z0-9]{1,9})?", fullmatch=True)
LABEL = st.from_regex(r"[a-z][a-z0-9]{1,9}", fullmatch=True)
AT = st.sampled_from(["@", " @ ", "＠", " (at) ", " [at] ", " at ", "{at}", " AT "])
DOT = st.sampled_from([".", " . ", " dot ", " (dot) ", " [dot] ", "．", " DOT "])
WORDS = st.lists(st.sampled_from(["kettle", "grab rail", "for", "mum", "stairlift"]), max_size=3)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(before=WORDS, name=NAME, at=AT, labels=st.lists(LABEL, min_size=2, max_size=3), dot=DOT)
@example(before=[], name="jane.doe", at="@", labels=["example", "com"], dot=".")
def test_no_part_of_a_disguised_address_is_kept(before, name, at, labels, dot):
    address = name + at + dot.join(labels)
    query = " ".join([*before, address])

    kept = redact(query)

    assert kept == " ".join([*before, "[email]"])


@PROPERTY
@given(
    code=st.from_regex(r"\+[1-9][0-9]{0,2}", fullmatch=True),
    # At most 15 digits in all, as ITU-T E.164 allows.
    groups=st.lists(st.from_regex(r"[0-9]{2,4}", fullmatch=True), min_size=3, max_size=3),
    separator=st.sampled_from([" ", "-", ".", " - "]),
)
def test_an_international_number_leaves_no_digits(code, groups, separator):
    kept = redact(f"grab rail {code} {separator.join(groups)}")

    assert kept == "grab rail [phone]"


@PROPERTY
@given(pairs=st.lists(st.from_regex(r"[0-9]{2}", fullmatch=True), min_size=1, max_size=3))
def test_iso_9999_codes_are_kept(pairs):
    query = "ISO 9999 " + " ".join(pairs)

    assert redact(query) == query


@PROPERTY
@given(st.text(max_size=200))
def test_redacting_twice_changes_nothing_more(text):
    once = redact(text)

    assert redact(once) == once
