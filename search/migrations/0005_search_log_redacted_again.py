from django.db import migrations

from search.models import QUERY_MAX_LENGTH, clean_filters, clean_text

BATCH_SIZE = 1000


def forget_and_redact(apps, schema_editor):
    """Rows logged before search.redaction: suggestions held what people half typed, and
    searches could hold disguised addresses, other countries' numbers and street addresses.
    The first go; the rest are cleaned as the log now cleans them."""
    SearchLog = apps.get_model("search", "SearchLog")
    SearchLog.objects.filter(kind="autocomplete").delete()
    last = 0
    while batch := list(SearchLog.objects.filter(pk__gt=last).order_by("pk")[:BATCH_SIZE]):
        changed = []
        for entry in batch:
            query = clean_text(entry.query, QUERY_MAX_LENGTH)
            filters = clean_filters(entry.filters)
            if (query, filters) != (entry.query, entry.filters):
                entry.query, entry.filters = query, filters
                changed.append(entry)
        SearchLog.objects.bulk_update(changed, ["query", "filters"])
        last = batch[-1].pk


class Migration(migrations.Migration):
    dependencies = [("search", "0004_rebuild_journal")]

    # Nothing to give back: what was forgotten is gone.
    operations = [migrations.RunPython(forget_and_redact, migrations.RunPython.noop)]
