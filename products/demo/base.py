"""The building blocks the hand-written families are made of, and the invented companies.

A family is one kind of product ("two-handled mug"). Each of its models (a maker's
product line) is combined with each of its options (a size, colour or version) to give
the concrete products of the catalogue.
"""

from dataclasses import dataclass, field


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
    price: float
    note: str = ""  # a sentence about this model, added to the summary
    spec: tuple = ()
    dims: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Option:
    label: str = ""
    price: float = 0.0  # added to the model's price
    note: str = ""
    spec: tuple = ()
    dims: dict = field(default_factory=dict)
    alt: str = ""  # words added to the family's alt text


@dataclass(frozen=True)
class Family:
    key: str
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


def M(maker, name, price, note="", spec=(), **dims):  # noqa: N802 - reads as a table row
    return Model(maker, name, price, note, tuple(spec), dims)


def Opt(label="", price=0.0, note="", spec=(), alt="", **dims):  # noqa: N802
    return Option(label, price, note, tuple(spec), dims, alt)


MAKERS = {
    maker.key: maker
    for maker in [
        Maker("brightgrip", "Brightgrip", "Brightgrip", "brightgrip.example"),
        Maker("wrenfield", "Wrenfield Mobility", "Wrenfield", "wrenfield-mobility.example"),
        Maker("pellow", "Pellow & Finch", "Pellow", "pellowandfinch.example"),
        Maker("thistlecombe", "Thistlecombe Kitchenware", "Thistlecombe", "thistlecombe.example"),
        Maker("quaymoor", "Quaymoor Rehab", "Quaymoor", "quaymoor-rehab.example"),
        Maker("larkhollow", "Larkhollow Dressing Aids", "Larkhollow", "larkhollow.example"),
        Maker("kettlewick", "Kettlewick Seating", "Kettlewick", "kettlewick-seating.example"),
        Maker("marrowby", "Marrowby Access Engineering", "Marrowby", "marrowby-access.example"),
        Maker("glimmerstone", "Glimmerstone Optics", "Glimmerstone", "glimmerstone.example"),
        Maker("ravensholt", "Ravensholt Electronics", "Ravensholt", "ravensholt.example"),
        Maker("chatterwell", "Chatterwell Communication", "Chatterwell", "chatterwell.example"),
        Maker("hollinrowe", "Hollin & Rowe", "Hollin & Rowe", "hollinandrowe.example"),
        Maker("fiddleyard", "Fiddleyard Games", "Fiddleyard", "fiddleyard-games.example"),
        Maker("brackenside", "Brackenside Garden Tools", "Brackenside", "brackenside.example"),
        Maker("cobblefield", "Cobblefield Orthotics", "Cobblefield", "cobblefield.example"),
        Maker("nimblework", "Nimblework Office", "Nimblework", "nimblework.example"),
        Maker("candlenut", "Candlenut Health", "Candlenut", "candlenut-health.example"),
        Maker("sorrelby", "Sorrelby Beds", "Sorrelby", "sorrelby-beds.example"),
        Maker("tumblebrook", "Tumblebrook Living", "Tumblebrook", "tumblebrook.example"),
        Maker("pikestaff", "Pikestaff Walking Aids", "Pikestaff", "pikestaff.example"),
    ]
}

# ISO top-level classes, for the specialist shops.
MOBILITY, LIVING, HOME, SENSES = ("12", "18"), ("09", "15", "24"), ("18", "27"), ("22", "27")

SHOPS = [
    Shop("Careway Direct", "careway-direct.example"),
    Shop("The Independent Living Shop", "independentlivingshop.example"),
    Shop("Daily Living Depot", "dailylivingdepot.example", LIVING + ("04", "06", "30")),
    Shop("Homewise Aids", "homewiseaids.example", LIVING + HOME),
    Shop("Ableway Supplies", "ableway-supplies.example"),
    Shop("Mobility Corner", "mobilitycorner.example", MOBILITY + ("04", "06")),
    Shop("Roll & Stroll Mobility", "rollandstroll.example", MOBILITY),
    Shop("Northgate Care Equipment", "northgatecare.example", ("04", "09", "12", "18")),
    Shop("Sensory Hub", "sensoryhub.example", SENSES + ("24",)),
    Shop("Clearview Low Vision", "clearview-lowvision.example", SENSES),
    Shop("Kitchen Helpers", "kitchenhelpers.example", ("15", "24", "27")),
    Shop("Workwell Ergonomics", "workwell-ergonomics.example", ("22", "28")),
    Shop("Potting Shed Enabled", "pottingshed-enabled.example", ("30",)),
]
