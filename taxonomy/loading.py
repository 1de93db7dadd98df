"""Load the taxonomies shipped in taxonomy/data into the database, idempotently.

For `manage.py load_taxonomies`, with today's models and today's files. Migrations keep
their own copy of the rows they load, so that they do the same thing whenever they run.
"""

from pathlib import Path

from django.utils.text import slugify

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_rows(filename):
    """Tab-separated rows of a data file, skipping comments and blank lines."""
    with open(DATA_DIR / filename, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield [cell.strip() for cell in line.split("\t")]


def load_iso_categories(model):
    """Create or update ISO 9999 categories; parents come before children in the file.

    Each category's level, slug and parent follow from its code when it is saved.
    """
    created = 0
    for code, title in read_rows("iso9999.tsv"):
        _, was_created = model.objects.update_or_create(code=code, defaults={"title": title})
        created += was_created
    return created


def load_vocabulary(model, filename):
    """Create terms missing from a vocabulary; editors' own edits to existing ones stay."""
    created = 0
    for name, description in read_rows(filename):
        _, was_created = model.objects.get_or_create(
            name=name, defaults={"slug": slugify(name), "description": description}
        )
        created += was_created
    return created


def load_all(iso_model, need_model, condition_model):
    return {
        "ISO 9999 categories": load_iso_categories(iso_model),
        "needs": load_vocabulary(need_model, "needs.tsv"),
        "conditions": load_vocabulary(condition_model, "conditions.tsv"),
    }
