"""The search log: what people looked for, so editors can see what the wiki is missing.

Members disclose health conditions here, and a search can be as telling as a review, so the
log keeps nothing that points at a person: no account, session, address or browser, and the
words themselves are cleared of anything that looks like contact details before they are
stored. Rows are kept for settings.SEARCH_LOG_DAYS days (search.log.purge_old_searches).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import models
from django.db.models import Count, Max
from django.db.models.functions import Lower
from django.utils import timezone

from search.redaction import redact

QUERY_MAX_LENGTH = 200
# Facet values are chosen from lists, so anything longer is not one of them.
FILTER_VALUE_MAX_LENGTH = 100
# The page number is where someone is in the results, not what they asked for.
NOT_FILTERS = {"page", "p"}
SORT = "sort"

# What counts as contact details, and the placeholders for them, are search/redaction.py.


def collapse_whitespace(text):
    return " ".join(str(text).split())


def cut(text, max_length):
    """At most `max_length` characters, ending at a whole word when there is one to end at."""
    if len(text) <= max_length:
        return text
    head = text[: max_length + 1]
    return head.rsplit(" ", 1)[0] if " " in head else text[:max_length]


def clean_text(text, max_length):
    """Stripped, whitespace collapsed, redacted, then cut to length: redacting first, so a
    cut never leaves half a phone number to slip past the patterns, and at a word, so a
    search that was cut counts with the others of its words."""
    return cut(redact(collapse_whitespace(text)), max_length)


def clean_filters(filters):
    """Facet name -> sorted chosen values, and the sort order; no page number, no empty facet."""
    cleaned = {}
    for name, chosen in (filters or {}).items():
        name = clean_text(name, FILTER_VALUE_MAX_LENGTH)
        if not name or name in NOT_FILTERS or chosen is None:
            continue
        if name == SORT:
            if sort := clean_text(chosen, FILTER_VALUE_MAX_LENGTH):
                cleaned[SORT] = sort
            continue
        values = [chosen] if isinstance(chosen, str | int) else chosen
        values = {clean_text(value, FILTER_VALUE_MAX_LENGTH) for value in values}
        if values := sorted(value for value in values if value):
            cleaned[name] = values
    return cleaned


# == The log ==


@dataclass(frozen=True)
class QueryCount:
    """One line of a summary: the words, how often they were searched, and when last."""

    query: str
    count: int
    last_seen: datetime


class SearchLogQuerySet(models.QuerySet):
    def since(self, days):
        return self.filter(searched_at__gte=timezone.now() - timedelta(days=days))

    def between(self, start=None, end=None):
        """Searches from `start` to `end` (aware datetimes), either end left open."""
        searches = self
        if start is not None:
            searches = searches.filter(searched_at__gte=start)
        if end is not None:
            searches = searches.filter(searched_at__lte=end)
        return searches

    def without_results(self):
        return self.filter(result_count=0)

    def query_counts(self, limit):
        """The most searched words, counted in the database, ignoring case; searches made
        with filters alone have no words and are left out."""
        rows = (
            self.exclude(query="")
            .values(words=Lower("query"))
            .annotate(count=Count("pk"), last_seen=Max("searched_at"))
            .order_by("-count", "-last_seen", "words")[:limit]
        )
        return [QueryCount(row["words"], row["count"], row["last_seen"]) for row in rows]


class SearchLog(models.Model):
    """One search someone made on the site, without anything that says who made it.

    Editors read the log for demand: what people look for most, and what finds nothing.
    """

    class Backend(models.TextChoices):
        ELASTICSEARCH = "elasticsearch", "Elasticsearch"
        DATABASE = "database", "Database"

    class Kind(models.TextChoices):
        SEARCH = "search", "Full search"
        AUTOCOMPLETE = "autocomplete", "Autocomplete"

    query = models.CharField(
        max_length=QUERY_MAX_LENGTH,
        blank=True,
        help_text="The words searched for, with contact details replaced by placeholders.",
    )
    filters = models.JSONField(
        default=dict,
        blank=True,
        help_text="Facet name to the sorted values chosen, and the sort order.",
    )
    result_count = models.PositiveIntegerField()
    searched_at = models.DateTimeField(default=timezone.now, db_index=True)
    took_ms = models.PositiveIntegerField(help_text="How long the search took, in milliseconds.")
    backend = models.CharField(max_length=20, choices=Backend.choices)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SEARCH)
    relaxed = models.BooleanField(
        default=False,
        help_text="Every word found too little, so the results match most of the words.",
    )
    everyday_terms = models.JSONField(
        default=list,
        blank=True,
        help_text="Needs, conditions and categories whose everyday phrases the words hold, as "
        '"need:dressing" (search/everyday.txt).',
    )

    objects = SearchLogQuerySet.as_manager()

    class Meta:
        ordering = ["-searched_at", "-pk"]
        # Read only: rows come from searches and go when they are old enough.
        default_permissions = ["view"]
        verbose_name = "logged search"
        verbose_name_plural = "logged searches"

    def __str__(self):
        return self.query or "(filters only)"

    @classmethod
    def from_search(
        cls,
        query,
        filters,
        result_count,
        took_ms,
        backend,
        kind=Kind.SEARCH,
        relaxed=False,
        everyday_terms=(),
    ):
        """An unsaved row for one search, its words and filters cleaned as the log keeps them."""
        return cls(
            query=clean_text(query or "", QUERY_MAX_LENGTH),
            filters=clean_filters(filters),
            result_count=max(0, int(result_count)),
            took_ms=max(0, round(took_ms)),
            backend=cls.Backend(backend),
            kind=cls.Kind(kind),
            relaxed=bool(relaxed),
            everyday_terms=[str(term) for term in everyday_terms],
        )


# == Rebuilds ==


class IndexRebuild(models.Model):
    """A rebuild of the product index under way (SearchBackend.rebuild).

    While one runs, the indexing task notes each product it reindexes here: the task may write
    into the index the rebuild is about to replace, so the rebuild indexes those products again
    into its new index, before and after the swap. Deleted when the rebuild ends.
    """

    started_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"Rebuild started {self.started_at:%Y-%m-%d %H:%M:%S}"


class RebuildChange(models.Model):
    """A product reindexed while a rebuild ran."""

    rebuild = models.ForeignKey(IndexRebuild, on_delete=models.CASCADE, related_name="changes")
    product_id = models.PositiveIntegerField()

    class Meta:
        default_permissions = ()

    def __str__(self):
        return str(self.product_id)


# The database backend's index (search.backends.database) lives in search/store.py.
from search.store import SearchDocument, SearchFacetValue  # noqa: E402

__all__ = ["IndexRebuild", "RebuildChange", "SearchDocument", "SearchFacetValue", "SearchLog"]
