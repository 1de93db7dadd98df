"""A small sample of the demo catalogue that still holds every kind of product it has.

One product per distinct combination of filled and empty fields, body blocks and inline
rows, then products until every kind of value each field holds (text with characters
HTML escapes, a maker without a website) is among them: a quarter of the catalogue, for
the tests that save demo products unchanged through the editor. A smaller sample still
holds every state each field takes on its own (empty, filled, which keys or blocks, one
row or several) and every kind of value, for the browser, whose widgets each see one field.
"""

import dataclasses
import re
from decimal import Decimal

from demo.catalogue import build_catalogue

# What Django's templates and Draftail escape or rewrite on the way through a form.
ESCAPED = re.compile(r"[&<>\"']|[^\x00-\x7f]")


def filled(value):
    """Which parts of a value are filled in: what decides the form's fields and rows."""
    if isinstance(value, dict):
        return tuple(sorted(key for key, item in value.items() if item not in (None, "")))
    if isinstance(value, list | tuple):
        if value and isinstance(value[0], dict) and "type" in value[0]:
            return tuple(block["type"] for block in value)  # a StreamField's blocks
        return min(len(value), 2)  # no row, one, or several
    return value if isinstance(value, bool) else value not in (None, "")


def kind(value):
    """What sort of value this is, whatever its words or figures."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return "escaped" if ESCAPED.search(value) else bool(value)
    if isinstance(value, int | float | Decimal):
        return "number"
    if dataclasses.is_dataclass(value):
        return kind(dataclasses.asdict(value))
    if isinstance(value, dict):
        if value.keys() == {"type", "value"}:
            return value["type"], kind(value["value"])
        return tuple(sorted((key, kind(item)) for key, item in value.items()))
    if isinstance(value, list | tuple):
        return frozenset(kind(item) for item in value)
    raise TypeError(f"no kind for {value!r}")


def representatives(rows):
    """One row per combination of filled fields, then rows until every kind is in.

    `rows` are (item, {field: value}) pairs; the chosen items come back in their order.
    """
    rows = list(rows)
    chosen, shapes, kinds = [], set(), set()
    for item, values in rows:
        shape = tuple((name, filled(value)) for name, value in values.items())
        if shape not in shapes:
            shapes.add(shape)
            chosen.append(item)
            kinds |= {(name, kind(value)) for name, value in values.items()}
    for item, values in rows:
        new = {(name, kind(value)) for name, value in values.items()} - kinds
        if new:
            chosen.append(item)
            kinds |= new
    return chosen


def spec_fields(spec):
    return {field.name: getattr(spec, field.name) for field in dataclasses.fields(spec)}


def chosen_products():
    return representatives((spec, spec_fields(spec)) for spec in build_catalogue())


def features(values):
    """Each field's filled state and kind of value, one field at a time."""
    return {(name, "filled", filled(value)) for name, value in values.items()} | {
        (name, "kind", kind(value)) for name, value in values.items()
    }


def covering(rows):
    """Few rows that between them hold every field's every state and kind.

    Greedy: the row adding most that is not yet held, the first of equals, until all is.
    """
    rows = [(item, features(values)) for item, values in rows]
    wanted = set().union(*(held for _, held in rows))
    chosen, held = [], set()
    while held != wanted:
        item, new = max(rows, key=lambda row: len(row[1] - held))
        chosen.append(item)
        held |= new
    return chosen


def covering_products():
    return covering((spec, spec_fields(spec)) for spec in build_catalogue())
