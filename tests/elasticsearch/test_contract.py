"""One contract, two implementations: Elasticsearch and the database give the same answers.

The demo catalogue with its contributions is loaded once for the module and indexed by both.
Every query then runs on both, and the hits and every facet count must agree. Relevance
orders differently by design (BM25 against field weights), so for it the hits are compared
as a set; every other sort must give the same order.
"""

import pytest
from django.core.management import call_command
from django.db import transaction

from search.database import DatabaseEngine
from search.documents import product_documents
from search.elastic import ElasticsearchEngine
from search.engine import Query
from search.text import analyse
from tests.elasticsearch.helpers import tokens

# django_db makes pytest-django set up the test database before the module fixture uses it.
pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

ALL = 10_000  # a page as large as the catalogue, so relevance hits compare as sets

# (text, filters, sort); the comment says what each checks.
QUERIES = [
    ("kettle", {}, "relevance"),
    ("grab rail", {}, "relevance"),
    ("grab bars", {}, "relevance"),  # synonym, and a plural before it
    ("walking frames", {}, "relevance"),  # stemming and a multi-word synonym
    ("rollator", {}, "relevance"),
    ("walker", {}, "relevance"),
    ("hoist", {}, "relevance"),
    ("patient lift", {}, "relevance"),
    ("commode", {}, "relevance"),
    ("toilet chair", {}, "relevance"),
    ("perching stool", {}, "relevance"),
    ("reacher", {}, "relevance"),
    ("pick-up stick", {}, "relevance"),
    ("bathing", {}, "relevance"),  # stemmed to bath
    ("gripping cutlery", {}, "relevance"),
    ("arthritis", {}, "relevance"),
    ("Ménière's", {}, "relevance"),  # folding and the possessive
    ("colour", {}, "relevance"),  # UK and US spelling
    ("grab rails for the bath", {}, "relevance"),  # stop words dropped from the query
    ("zzzzqx", {}, "relevance"),  # nothing matches
    ("kettle wheelchair", {}, "relevance"),  # every word must match: probably nothing
    ('"quoted" (kettle) OR AND -', {}, "relevance"),  # operators are just text
    ("", {"need": ["eating-and-drinking"]}, "relevance"),
    ("", {"condition": ["stroke"]}, "rating"),
    ("", {"category": ["15"]}, "newest"),
    ("", {"category": ["15 09"]}, "price"),
    ("", {"category": ["12", "18"]}, "reviews"),
    ("", {"price": ["under_50"]}, "price"),
    ("", {"price": ["50_to_200", "over_1000"]}, "rating"),
    ("", {"rating": ["4"]}, "rating"),
    ("", {"role": ["family_carer"]}, "reviews"),
    ("", {"tips": ["with_tips"]}, "newest"),
    ("", {"availability": ["available", "discontinued"]}, "newest"),
    ("", {}, "newest"),
    ("", {"need": ["dressing"]}, "name"),
    ("rail", {}, "name"),
    ("chair", {"category": ["18"], "price": ["50_to_200"]}, "relevance"),
    ("bath", {"need": ["washing-and-bathing"], "rating": ["3"]}, "relevance"),
    ("walking", {"condition": ["osteoarthritis"], "role": ["user"]}, "price"),
    (
        "grab rail",
        {"tips": ["with_tips"], "availability": ["available", "discontinued"]},
        "rating",
    ),  # fmt: skip
    ("easy", {"need": ["eating-and-drinking", "cooking"], "category": ["15"]}, "reviews"),
]


@pytest.fixture(scope="module")
def catalogue(es, index_prefix, django_db_setup, django_db_blocker):
    """The demo catalogue and contributions, in the database and both indexes, for the module.

    Loaded inside a transaction that is rolled back at the end, so other tests never see it.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", verbosity=0)
            from products.models import ProductPage

            documents = product_documents(ProductPage.objects.live())
            database = DatabaseEngine()
            database.index(documents)
            elastic = ElasticsearchEngine(client=es, alias=f"{index_prefix}contract")
            elastic.ensure_index()
            elastic.index(documents, refresh=True)
            yield {"documents": documents, "database": database, "elastic": elastic}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def engines(catalogue, django_db_blocker):
    with django_db_blocker.unblock():
        yield catalogue["database"], catalogue["elastic"]


def test_the_demo_catalogue_is_big_enough_to_mean_something(catalogue):
    documents = catalogue["documents"].values()
    assert len(documents) >= 200
    assert sum(1 for d in documents if d["review_count"]) >= 100
    assert sum(1 for d in documents if d["tip_count"]) >= 10


def test_python_analyses_every_text_as_the_index_does(catalogue, es):
    """The database's words equal the words Elasticsearch indexes, for every demo text."""
    index = catalogue["elastic"].alias
    texts = set()
    for document in catalogue["documents"].values():
        for field in ("name", "summary", "body", "categories", "needs_text", "contributions"):
            value = document.get(field) or []
            texts.update([value] if isinstance(value, str) else value)
    differ = []
    for text in sorted(texts):
        indexed = tokens(es, index=index, analyzer="enabled_text", text=text)
        if indexed != analyse(text):
            differ.append((text[:80], indexed, analyse(text)))
    assert not differ, f"{len(differ)} of {len(texts)} texts differ, first: {differ[:3]}"


@pytest.mark.parametrize(("text", "filters", "sort"), QUERIES)
def test_both_implementations_agree(engines, text, filters, sort):
    database, elastic = engines
    query = Query(text=text, filters=filters, sort=sort, per_page=ALL)
    from_database, from_elastic = database.search(query), elastic.search(query)

    assert from_database.total == from_elastic.total
    if sort == "relevance":
        assert sorted(from_database.ids) == sorted(from_elastic.ids)
    else:
        assert from_database.ids == from_elastic.ids
    assert from_database.facets == from_elastic.facets
    assert from_database.cards == from_elastic.cards  # what the listing shows of each


def test_the_contract_covers_every_facet_and_sort_and_finds_things(engines):
    from search.faceted import SORTS, ProductSearch

    assert {name for _, filters, _ in QUERIES for name in filters} == set(ProductSearch.facets)
    assert {sort for _, _, sort in QUERIES} == set(SORTS)
    database, _ = engines
    found = [database.search(Query(text=t, filters=f, per_page=1)).total for t, f, _ in QUERIES]
    assert sum(1 for total in found if total) >= 30
    assert sum(1 for total in found if not total) >= 2  # empty results are compared too
