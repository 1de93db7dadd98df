"""Bring every ISO 9999 category's parent, level and slug into line with its code.

Until now an editor could choose a category's parent apart from its code. From 0005 on
the code decides, and the database checks part of that; this puts right any category that
disagrees first, so that those checks hold. A code that is not ISO's shape, or whose
parent code has no category, needs a person to decide: the migration stops and names them.
It uses the historical model alone, and its own copy of the rule.
"""

import re

from django.db import migrations

CODE = re.compile(r"[0-9]{2}( [0-9]{2}){0,2}")


def follow_codes(apps, schema_editor):
    IsoCategory = apps.get_model("taxonomy", "IsoCategory")
    categories = list(IsoCategory.objects.all())
    by_code = {category.code: category for category in categories}
    problems, changed = [], []
    for category in categories:
        code = category.code
        if not CODE.fullmatch(code):
            problems.append(f"“{code}” is not 2, 4 or 6 digits in pairs separated by spaces")
            continue
        pairs = code.split()
        parent_code = " ".join(pairs[:-1])
        parent = by_code.get(parent_code)
        if parent_code and parent is None:
            problems.append(f"{code} has no category {parent_code} to go under")
            continue
        wanted = (parent.pk if parent else None, len(pairs), "-".join(pairs))
        if (category.parent_id, category.level, category.slug) != wanted:
            category.parent_id, category.level, category.slug = wanted
            changed.append(category)
    if problems:
        raise RuntimeError(
            "Correct these ISO 9999 categories' codes, or add the categories they go under, "
            "then migrate again: " + "; ".join(problems) + "."
        )
    IsoCategory.objects.bulk_update(changed, ["parent", "level", "slug"])


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0003_ascii_slugs")]

    operations = [migrations.RunPython(follow_codes, migrations.RunPython.noop)]
