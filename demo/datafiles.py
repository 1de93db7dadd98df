"""Read the demo's data files (demo/data/, described in its README) into plain objects.

A family is one kind of product ("two-handled mug"). Each of its models (a maker's
product line) is combined with each of its options (a size, colour or version) to give
the concrete products of the catalogue. Prices and dimensions are read as Decimal, so
what the files say is exactly what the pages get.
"""

import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
# Interleaved in this order, so that the first families (and `--limit` runs) span many classes.
FAMILY_FILES = ("families-daily.json", "families-mobility.json", "families-senses.json")


class DataFileError(ValueError):
    """A data file is missing something the demo needs, or has something it does not know."""


def read_json(relative_path):
    """A data file's content; numbers with a decimal point come back as Decimal."""
    path = DATA_DIR / relative_path
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise DataFileError(f"{relative_path}: {error}") from error


@dataclass(frozen=True)
class Maker:
    """An invented manufacturer. Websites use the reserved `.example` domain."""

    key: str
    name: str
    brand: str  # the short name used in product titles
    domain: str

    @property
    def website(self):
        return f"https://www.{self.domain}"


@dataclass(frozen=True)
class Shop:
    """An invented supplier, with the kinds of product (ISO top-level classes) it sells."""

    name: str
    domain: str
    classes: tuple = ()  # empty: sells everything

    def url_for(self, slug):
        return f"https://www.{self.domain}/products/{slug}"


@dataclass(frozen=True)
class Model:
    maker: str
    name: str
    price: Decimal
    note: str = ""  # a sentence about this model, added to the summary
    spec: tuple = ()
    dims: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Option:
    label: str = ""
    price: Decimal = Decimal(0)  # added to the model's price
    note: str = ""
    spec: tuple = ()
    dims: dict = field(default_factory=dict)
    alt: str = ""  # words added to the family's alt text


@dataclass(frozen=True)
class Family:
    key: str
    noun: str  # what reviewers call it: "bath lift"
    title: str  # "{brand} {model} ... {option}"
    category: str
    pictogram: str
    needs: tuple
    conditions: tuple
    summary: str
    helps: str
    use: str
    alt: str  # completes "Illustration of ..."
    models: tuple
    options: tuple = (Option(),)
    also: tuple = ()  # secondary ISO categories
    spec: tuple = ()
    dims: dict = field(default_factory=dict)
    tip: str = ""
    plural: bool = False  # "the laces are", not "is"


def _fields(entry, where, required, optional):
    missing = [name for name in required if name not in entry]
    unknown = [name for name in entry if name not in (*required, *optional)]
    problems = []
    if missing:
        problems.append(f"missing {', '.join(missing)}")
    if unknown:
        problems.append(f"unknown {', '.join(unknown)}")
    if problems:
        raise DataFileError(f"{where}: {'; '.join(problems)}")
    return entry


def _model(entry, where):
    _fields(entry, where, ("maker", "name", "price"), ("note", "spec", "dimensions"))
    return Model(
        maker=entry["maker"],
        name=entry["name"],
        price=Decimal(entry["price"]),
        note=entry.get("note", ""),
        spec=tuple(entry.get("spec", {}).items()),
        dims=entry.get("dimensions", {}),
    )


def _option(entry, where):
    _fields(entry, where, (), ("label", "price", "note", "spec", "dimensions", "alt"))
    return Option(
        label=entry.get("label", ""),
        price=Decimal(entry.get("price", 0)),
        note=entry.get("note", ""),
        spec=tuple(entry.get("spec", {}).items()),
        dims=entry.get("dimensions", {}),
        alt=entry.get("alt", ""),
    )


FAMILY_REQUIRED = (
    "key",
    "noun",
    "title",
    "category",
    "pictogram",
    "needs",
    "conditions",
    "summary",
    "helps",
    "use",
    "alt",
    "models",
)
FAMILY_OPTIONAL = ("options", "also", "spec", "dimensions", "tip", "plural")


def _family(entry, filename):
    where = f"{filename}, family {entry.get('key', '?')!r}"
    _fields(entry, where, FAMILY_REQUIRED, FAMILY_OPTIONAL)
    options = entry.get("options") or [{}]
    return Family(
        key=entry["key"],
        noun=entry["noun"],
        title=entry["title"],
        category=entry["category"],
        pictogram=entry["pictogram"],
        needs=tuple(entry["needs"]),
        conditions=tuple(entry["conditions"]),
        summary=entry["summary"],
        helps=entry["helps"],
        use=entry["use"],
        alt=entry["alt"],
        models=tuple(_model(model, where) for model in entry["models"]),
        options=tuple(_option(option, where) for option in options),
        also=tuple(entry.get("also", ())),
        spec=tuple(entry.get("spec", {}).items()),
        dims=entry.get("dimensions", {}),
        tip=entry.get("tip", ""),
        plural=entry.get("plural", False),
    )


@cache
def makers():
    """Manufacturers by key."""
    entries = read_json("catalogue/makers.json")
    return {
        entry["key"]: Maker(**_fields(entry, "makers.json", ("key", "name", "brand", "domain"), ()))
        for entry in entries
    }


@cache
def shops():
    return tuple(
        Shop(entry["name"], entry["domain"], tuple(entry.get("classes", ())))
        for entry in (
            _fields(entry, "shops.json", ("name", "domain"), ("classes",))
            for entry in read_json("catalogue/shops.json")
        )
    )


@cache
def family_groups():
    """The families of each family file, in file order."""
    groups = []
    for filename in FAMILY_FILES:
        content = read_json(f"catalogue/{filename}")
        groups.append(tuple(_family(entry, filename) for entry in content["families"]))
    return tuple(groups)
