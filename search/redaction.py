"""Clearing contact details out of the words people search for, before the log keeps them.

People paste such things into a search box, and disguise them as they would on a forum:
"jane (at) example dot com", a full-width "＠", "+1 (415) 555-2671", "12 Acacia Avenue".
tests/search/test_redaction.py holds the list of forms this must catch, and the searches
it must leave alone (ISO 9999 codes, sizes, model numbers).

Every pattern is linear: separators are bounded and alternate with what they separate, so a
long query cannot make matching slow.
"""

import re
import unicodedata

EMAIL = "[email]"
PHONE = "[phone]"
POSTCODE = "[postcode]"
ADDRESS = "[address]"
NUMBER = "[number]"

# "@" itself, or "at" in brackets, or "at" as a word between an address's two halves.
_AT = r"(?:\s*@\s*|\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+)"
_DOT = r"(?:\s*\.\s*|\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+)"
_LABEL = r"[^\W_](?:[\w\-]*[^\W_])?"
# The domain needs a dot (or "dot"): "jane at home" is a search, "jane at home.com" is not.
EMAIL_ADDRESS = re.compile(rf"[\w.+\-]*[^\W_]{_AT}{_LABEL}(?:{_DOT}{_LABEL})+", re.IGNORECASE)
# An address already replaced, in the brackets or quotes it was typed in.
EMAIL_IN_PUNCTUATION = re.compile(r"\W*\[email\]\W*")

UK_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)(?:[\s\-()]{0,3}\d){9,10}(?!\w)"
)
# Any other country's: "+" or "00" and its code, then at least six more digits.
INTERNATIONAL_PHONE = re.compile(r"(?<![\w+])(?:\+|00)\s?\d(?:[\s\-().]{0,3}\d){6,14}(?!\w)")
# A number without its country: seven digits or more in groups, either with a hyphen,
# bracket or dot among them or with two groups of three or more ("(415) 555-2671",
# "555 2671"). ISO 9999 codes ("ISO 9999 15 09 13") are pairs after the standard's number,
# and stay.
LOCAL_PHONE = re.compile(r"(?<![\w\-])\(?\d+(?:[\s\-().]{1,3}\d+)*(?![\w\-])")
LOCAL_PHONE_DIGITS = 7

# A full UK postcode ("SW1A 1AA", "m1 1ae"): a district alone names no household.
UK_POSTCODE = re.compile(
    r"(?<![A-Z0-9])[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}(?![A-Z0-9])", re.IGNORECASE
)

# A house number, one to three words of a name, and the kind of street, with a flat's
# number before them if there is one: "12 Acacia Avenue", "221b baker st", "Flat 3, 14 High
# St". Names are words, not numbers or "wheel" ("4 wheel drive").
STREET_KINDS = (
    "street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|crescent|cres|court|ct|place|pl|"
    "terrace|gardens|gdns|grove|square|sq|way|mews|row|walk|parade|boulevard|blvd|hill"
)
STREET_ADDRESS = re.compile(
    r"(?<![\w\-])(?:(?:flat|apartment|apt)\.?\s*\d{1,4}[a-z]?,?\s+)?"
    r"\d{1,4}[a-z]?,?(?:\s+(?!wheels?\b)[a-z][a-z'\-]*){1,3}\s+"
    rf"(?:{STREET_KINDS})\b\.?",
    re.IGNORECASE,
)

# Groups of three digits or more: an NHS number ("943 476 5919"), a card or account number
# once there are nine digits.
DIGIT_GROUPS = re.compile(r"(?<![\w\-])\d{3,}(?:[\s\-]\d{3,})*(?![\w\-])")
LONG_NUMBER_DIGITS = 9


def redact(text):
    """The text with email addresses, phone numbers, postcodes, street addresses and long
    numbers replaced by a placeholder. Full-width and other compatibility forms ("＠",
    "０７７００") are read as their plain forms first, and kept so."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    text = EMAIL_ADDRESS.sub(EMAIL, text)
    text = " ".join(EMAIL if _is_email(word) else word for word in text.split(" "))
    # A country's code first, so a UK pattern never takes its "00" or a group after it.
    text = INTERNATIONAL_PHONE.sub(PHONE, text)
    text = UK_PHONE.sub(PHONE, text)
    text = UK_POSTCODE.sub(POSTCODE, text)
    text = STREET_ADDRESS.sub(ADDRESS, text)
    text = DIGIT_GROUPS.sub(_long_number, text)
    return LOCAL_PHONE.sub(_local_phone, text)


def _is_email(word):
    """A word that is an address, or what is left of one ("jane.doe@" half typed, or
    "(mum@example.com)"). "@home" is a brand: nothing comes before its "@"."""
    before, at, _ = word.partition("@")
    return bool(at and any(c.isalnum() for c in before)) or bool(
        EMAIL_IN_PUNCTUATION.fullmatch(word)
    )


def _long_number(match):
    digits = sum(c.isdigit() for c in match[0])
    return NUMBER if digits >= LONG_NUMBER_DIGITS else match[0]


def _local_phone(match):
    groups = [len(group) for group in re.findall(r"\d+", match[0])]
    marked = any(mark in match[0] for mark in "-().")
    if sum(groups) >= LOCAL_PHONE_DIGITS and (marked or sum(g >= 3 for g in groups) >= 2):
        return PHONE
    return match[0]
