"""The database backend of product search, read from the same declaration as
Elasticsearch's (search.faceted.ProductSearch), for sites that run without a search server.

Words are matched as the index matches them (search.text): for every concept of the query,
every word of it, or of one of its synonyms, anywhere in the searched fields. Facet counts are
disjunctive, as FacetedSearch makes them. Relevance adds the weights of the fields that
match each concept: the order differs from Elasticsearch's scoring, the hits do not.
"""

import time
from collections import defaultdict

from django.db import connection, transaction
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.db.models.functions import Collate
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.backends.base import SearchBackend
from search.concepts import concepts, held
from search.documents import AVAILABLE, CARD_FIELDS, SEARCHED
from search.faceted import (
    SORTS,
    TERM_WEIGHT,
    ProductSearch,
    Ranges,
    Terms,
    required_matches,
    weight,
)
from search.indexing import batches, documents_for
from search.store import SearchDocument, SearchFacetValue, words
from search.text import TOKEN, analyse, fold, tokenize
from search.types import Results, Suggestion

# The document fields whose values are facet rows.
FACET_FIELDS = sorted({facet.field for facet in ProductSearch.facets.values()
                       if isinstance(facet, Terms)})  # fmt: skip
BINARY = {"postgresql": "C", "sqlite": "BINARY"}
SCALARS = ["price_low", "rating", "review_count", "first_published_at", "last_changed_at"]


class DatabaseBackend(SearchBackend):
    name = "database"

    # == Indexing ==

    @transaction.atomic
    def store(self, documents):
        ids = list(documents)
        SearchFacetValue.objects.filter(document_id__in=ids).delete()
        SearchDocument.objects.filter(pk__in=ids).delete()
        SearchDocument.objects.bulk_create(
            [self._row(product_id, document) for product_id, document in documents.items()],
            batch_size=500,
        )
        SearchFacetValue.objects.bulk_create(
            [
                SearchFacetValue(document_id=product_id, field=name, value=value)
                for product_id, document in documents.items()
                for name in FACET_FIELDS
                for value in sorted(set(as_list(document.get(name))))
            ],
            batch_size=2000,
        )

    def _row(self, product_id, document):
        fields = {name: words(document.get(name)) for name in SEARCHED}
        everything = "".join(fields.values()).replace(" |  | ", " | ")
        return SearchDocument(
            product_id=product_id,
            document=_jsonable(document),
            text=everything,
            **fields,
            name_sort=document["name"].lower()[:255],
            **{name: document.get(name) for name in SCALARS},
        )

    def remove(self, product_ids):
        SearchDocument.objects.filter(pk__in=list(product_ids)).delete()

    def indexed(self):
        return dict(SearchDocument.objects.values_list("product_id", "document__content_hash"))

    def load(self, product_ids, journal, progress=None, before_swap=None):
        """Replace the rows in place: the old rows answer until each batch is written."""
        self.remove(set(self.indexed()) - set(product_ids))
        for batch in batches(product_ids):
            self.store(documents_for(batch))
            if progress:
                progress(len(batch))
        if before_swap:
            before_swap()

    # == Searching ==

    def match(self, query, *, fuzzy=False, relaxed=False):
        started = time.perf_counter()
        wanted = concepts(query.words)
        documents = SearchDocument.objects.all()
        if relaxed:
            documents = documents.alias(matched=_matched(wanted)).filter(
                matched__gte=required_matches(len(wanted), relaxed)
            )
        else:
            for concept in wanted:
                documents = documents.filter(_concept_in(concept))
        chosen = {name: _facet_filter(ProductSearch.facets[name], values)
                  for name, values in query.facet_filters().items()}  # fmt: skip

        hits = documents.filter(*chosen.values())
        total = hits.count()
        page = list(
            _ordered(hits, query.sort, wanted, relaxed).values_list("product_id", flat=True)[
                query.offset : query.offset + query.per_page
            ]
        )
        # Each facet counts with every other facet's choices applied; facets with the same
        # choices to apply (all those not chosen) are counted together.
        sharing = defaultdict(list)
        for name in ProductSearch.facets:
            sharing[tuple(other for other in chosen if other != name)].append(name)
        counted = {}
        for others, names in sharing.items():
            within = documents.filter(*(chosen[other] for other in others))
            counted.update(_counts(names, within))
        facets = {name: counted[name] for name in ProductSearch.facets}
        cards = self._cards(page)
        return Results(
            total=total,
            ids=page,
            facets=facets,
            cards=cards,
            highlights=self._highlights(cards, query) if wanted else {},
            engine=self.name,
            took_ms=(time.perf_counter() - started) * 1000,
            relaxed=bool(relaxed),
        )

    def autocomplete(self, text, size):
        """Names with a word starting with each typed word, as Elasticsearch's edge n-grams
        find them: folded and lowercased, not stemmed."""
        typed = [fold(word.lower()) for word in tokenize(text)]
        rows = SearchDocument.objects.filter(
            facet_values__field="availability", facet_values__value=AVAILABLE
        )
        for word in typed:
            rows = rows.filter(document__name__icontains=word)
        found = []
        for product_id, document in rows.order_by("product_id").values_list(
            "product_id", "document"
        ):
            words = [fold(word.lower()) for word in tokenize(document["name"])]
            if all(any(w.startswith(t) for w in words) for t in typed):
                found.append(Suggestion(product_id, document["name"], document["url"]))
        found.sort(key=lambda s: (s.name.lower(), s.product_id))
        return found[:size]

    def _cards(self, ids):
        """{product id: card fields} for a page of products, read from their documents."""
        rows = SearchDocument.objects.filter(pk__in=ids).values_list(
            *(f"document__{name}" for name in CARD_FIELDS)
        )
        return {row[0]: dict(zip(CARD_FIELDS, row, strict=True)) for row in rows}

    def _highlights(self, cards, query):
        terms = set()
        for concept in concepts(query.words):
            terms.update(term for phrase in concept.phrases for term in phrase)
        found = {}
        for product_id, card in cards.items():
            marked = {
                name: html
                for name in ("name", "summary")
                if (html := mark(card.get(name) or "", terms)) is not None
            }
            if marked:
                found[product_id] = marked
        return found


def mark(text, terms):
    """The text as HTML with each word that matches a query term in <mark>, or None."""
    out, at, marked = [], 0, False
    for match in TOKEN.finditer(text):
        if set(analyse(match.group())) & terms:
            out += [escape(text[at : match.start()]), "<mark>", escape(match.group()), "</mark>"]
            at, marked = match.end(), True
    if not marked:
        return None
    out.append(escape(text[at:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of text above is escaped


def _concept_in(concept):
    """Every word of one of the concept's phrases, in any order and anywhere in the text, or
    one of its terms."""
    condition = _phrases_in("text", concept.phrases)
    for term in sorted(concept.terms):
        condition |= _holds(term)
    return condition


def _phrases_in(column, phrases):
    condition = Q()
    for phrase in phrases:
        every_word = Q()
        for word in phrase:
            every_word &= Q(**{f"{column}__contains": f" {word} "})
        condition |= every_word
    return condition


def _holds(term):
    field, value = held(term)
    return Q(pk__in=SearchFacetValue.objects.filter(field=field, value=value).values("document_id"))


def _facet_filter(facet, values):
    if isinstance(facet, Ranges):
        condition = Q()
        for key in values:
            condition |= _in_range(facet.field, facet.ranges[key])
        return condition
    rows = SearchFacetValue.objects.filter(field=facet.field, value__in=list(values))
    return Q(pk__in=rows.values("document_id"))


def _in_range(column, limits):
    low, high = limits
    condition = Q(**{f"{column}__isnull": False})
    if low is not None:
        condition &= Q(**{f"{column}__gte": low})
    if high is not None:
        condition &= Q(**{f"{column}__lt": high})
    return condition


def _counts(names, documents):
    """{facet name: {value: count}} as Elasticsearch's aggregations give them: every range,
    used terms; one query for the named range facets and one for the term facets."""
    facets = {name: ProductSearch.facets[name] for name in names}
    ranges = {name: facet for name, facet in facets.items() if isinstance(facet, Ranges)}
    counts = {name: {} for name in facets}
    if ranges:
        every = [(name, key, limits) for name, facet in ranges.items()
                 for key, limits in facet.ranges.items()]  # fmt: skip
        counted = documents.aggregate(
            **{
                f"n{i}": Count("pk", filter=_in_range(ranges[name].field, limits))
                for i, (name, _, limits) in enumerate(every)
            }  # fmt: skip
        )
        for i, (name, key, _) in enumerate(every):
            counts[name][key] = counted[f"n{i}"]
    terms = {facet.field: name for name, facet in facets.items() if name not in ranges}
    if terms:
        rows = (
            SearchFacetValue.objects.filter(field__in=terms, document__in=documents.values("pk"))
            .values("field", "value")
            .annotate(n=Count("document_id"))
            .order_by()
        )
        for row in rows:
            counts[terms[row["field"]]][row["value"]] = row["n"]
    return counts


def _ordered(documents, sort, wanted, relaxed=False):
    order = []
    for field, descending in SORTS[sort][1]:
        if field == "_score":
            if not wanted:
                continue  # nothing to score: every document scores the same, as in Elasticsearch
            if relaxed:
                order.append(F("matched").desc())  # more words matched first, as Elasticsearch
            documents = documents.annotate(score=_score(wanted))
            order.append(F("score").desc())
        elif field == "product_id":
            order.append(F("product_id").desc() if descending else F("product_id").asc())
        elif field == "name.sort":
            # Code point order, as Elasticsearch sorts keywords, whatever the database's locale.
            order.append(Collate("name_sort", BINARY[connection.vendor]).asc())
        else:
            column = F(field)
            order.append(
                column.desc(nulls_last=True) if descending else column.asc(nulls_last=True)
            )
    return documents.order_by(*order)


def _matched(wanted):
    """How many of the concepts the document holds, anywhere."""
    return _added(
        [
            Case(
                When(_concept_in(concept), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            for concept in wanted
        ]  # fmt: skip
    )


def _score(wanted):
    """The weights of the fields each concept's words are found in, and of the terms its
    everyday words name that the product is filed under, added up."""
    found = [
        (_phrases_in(field.split("^")[0], phrases), weight(field))
        for concept in wanted
        for phrases in concept.weighed
        if phrases
        for field in ProductSearch.fields
    ]
    terms = sorted({term for concept in wanted for term in concept.terms})
    found += [(_holds(term), TERM_WEIGHT) for term in terms]
    parts = [
        Case(
            When(condition, then=Value(weighs * 10)), default=Value(0), output_field=IntegerField()
        )
        for condition, weighs in found
    ]
    return _added(parts) if parts else Value(0, output_field=IntegerField())


def _added(parts):
    # In halves, so a long query makes a shallow expression rather than a deep one.
    if len(parts) == 1:
        return parts[0]
    middle = len(parts) // 2
    return _added(parts[:middle]) + _added(parts[middle:])


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _jsonable(document):
    return {
        key: value.isoformat() if hasattr(value, "isoformat") else value
        for key, value in document.items()
    }
