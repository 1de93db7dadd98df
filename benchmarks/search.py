"""Product search at catalogue scale: reindexing, the search page, and the listing pages.

    .venv/bin/python benchmarks/search.py [--products 100000] [--reviews 1000000]

It fills its own databases (PostgreSQL when DATABASE_URL is set, recommended; else SQLite
files under build/bench-search/) with synthetic products and approved reviews, one at
--small products and one at --products, skipping what an earlier run already wrote; then,
in one run, it measures and prints one table of ratios against their targets:

- the full reindex (SearchBackend.rebuild) against a raw parallel_bulk of the same
  documents, prebuilt: at least 0.6 of its rate;
- the search page's server time against Elasticsearch's own `took`: p95 at most 2 times;
- the Elasticsearch implementation against the database one: at least 10 times faster;
- the home, a category and a need page at --products against --small: p95 at most 2 times.

Elasticsearch indices are made under their own prefix (enabled_bench_) and deleted at the
end. Exits non-zero when a target is missed. benchmarks/README.md says more.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "enabled.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import QueryDict  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from tqdm import tqdm  # noqa: E402

from benchmarks.search_data import SEED, Size, generate, is_generated  # noqa: E402

DATA_DIR = ROOT / "build" / "bench-search"
INDEX_PREFIX = "enabled_bench_"
DEFAULT_URL = "http://127.0.0.1:9200"

TARGET_REINDEX = 0.6  # rebuild rate / raw bulk rate, at least
TARGET_PAGE_VS_TOOK = 2.0  # search page p95 / took p95, at most
TARGET_ES_VS_DATABASE = 10.0  # database p95 / Elasticsearch p95, at least
TARGET_LISTING = 2.0  # listing p95 at --products / at --small, at most

# What people type, and which of the product family's facets they narrow by: its first
# need, its price band, its first condition, its ISO 9999 subclass.
QUERIES = [
    ("kettle", "kettle-tipper", ["need", "price"]),
    ("bath lift", "bath-lift", ["need", "price", "condition"]),
    ("rollator", "rollator", ["need", "price"]),
    ("walking frame", "walking-frame", ["need", "condition"]),
    ("grab rail", "grab-rail", ["need", "price", "category"]),
    ("magnifier", "hand-magnifier", ["need", "condition"]),
    ("cutlery", "weighted-cutlery", ["need", "condition", "price"]),
    ("stairlift", "stairlift", ["need", "price"]),
    ("toilet seat", "raised-toilet-seat", ["need", "category"]),
    ("vibrating alarm", "vibrating-alarm", ["need", "condition", "price"]),
    # Problems in everyday words (issue 19): an everyday phrase's need matches as well as
    # its words, and a word few products hold ("wheelchair") may relax the match.
    ("can't get up from the sofa", "riser-recliner", ["need", "price"]),
    ("my dad can't do up his buttons", "button-hook", ["need", "condition"]),
    ("toilet too low to get up", "raised-toilet-seat", ["need"]),
    ("kettle tipper for my wheelchair", "kettle-tipper", ["need", "price"]),
]


# == Databases ==


class Databases:
    """The benchmark's own databases, one per size, never the developer's."""

    def __init__(self):
        self.vendor = connection.vendor
        self.base_name = connection.settings_dict["NAME"]

    def name(self, products):
        if self.vendor == "sqlite":
            DATA_DIR.mkdir(parents=True, exist_ok=True)
            return str(DATA_DIR / f"products-{products}.sqlite3")
        return f"{self.base_name}_bench_search_{products}"

    def prepare(self, products):
        """Point the connection at this size's database, made and migrated when missing."""
        connection.settings_dict["TEST"] = {
            **connection.settings_dict.get("TEST", {}),
            "NAME": self.name(products),
        }
        connection.creation.create_test_db(
            verbosity=0, autoclobber=True, keepdb=True, serialize=False
        )

    def use(self, products):
        """Switch to a prepared database and its own Elasticsearch indices; the next query
        opens a fresh connection."""
        connection.close()
        connection.settings_dict["NAME"] = self.name(products)
        settings.ELASTICSEARCH_INDEX_PREFIX = f"{INDEX_PREFIX}{products}_"
        cache.clear()

    def state_file(self, products):
        return DATA_DIR / f"state-{Path(self.name(products)).stem}.json"

    def read_state(self, products):
        path = self.state_file(products)
        return json.loads(path.read_text()) if path.exists() else {}

    def write_state(self, products, state):
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        self.state_file(products).write_text(json.dumps(state, indent=2))


def fill(databases, size, progress):
    """Generate `size` into its database unless it is there; {stage: seconds} over all runs."""
    databases.prepare(size.products)
    state = databases.read_state(size.products)
    if state.get("size") != [size.products, size.reviews, size.seed]:
        state = {"size": [size.products, size.reviews, size.seed], "generation": {}}
    if not is_generated(size):
        say(f"Generating {size.products:,} products and {size.reviews:,} reviews...")
        for stage, seconds in generate(size, progress).items():
            state["generation"][stage] = state["generation"].get(stage, 0) + seconds
        databases.write_state(size.products, state)
    return state


# == Timing ==


def percentile(times, fraction=0.95):
    return statistics.quantiles(times, n=100)[round(fraction * 100) - 1]


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return (time.perf_counter() - start) * 1000, result


class TookRecorder:
    """Elasticsearch's own `took` of each search sent through a client, from the raw response,
    so the site's code runs unchanged."""

    def __init__(self, client):
        self.tooks = []
        send = client.search

        def search(*args, **kwargs):
            response = send(*args, **kwargs)
            self.tooks.append(response["took"])
            return response

        client.search = search

    def since(self, mark):
        return sum(self.tooks[mark:])


# == Listing pages ==


def listing_pages():
    """The home page, and the category and need pages with the most products."""
    from products.models import ProductPage
    from search.browse import product_counts
    from taxonomy.models import IsoCategory, Need

    counts = product_counts("category")
    level_two = IsoCategory.objects.filter(level=2)
    category = max(level_two, key=lambda c: (counts.get(c.code, 0), c.code))
    need = max(
        Need.objects.all(),
        key=lambda n: (ProductPage.objects.live().filter(needs=n).count(), n.slug),
    )
    return {
        "home": "/",
        f"category {category.code}": category.get_absolute_url(),
        f"need {need.slug}": need.get_absolute_url(),
    }


def time_listings(databases, sizes, pages, requests, rounds, progress, before_each=None):
    """{size: {page: [ms]}}: both sizes in alternating rounds, so a busy moment of the
    machine falls on both alike; each round starts with untimed requests on a fresh
    connection. `before_each` runs, untimed, before each timed request."""
    client = Client()
    times = {size: {page: [] for page in pages} for size in sizes}
    per_round = max(1, requests // rounds)
    bar = tqdm(
        total=per_round * rounds * len(sizes) * len(pages),
        desc="listing pages",
        disable=not progress,
    )
    for _ in range(rounds):
        for size in sizes:
            databases.use(size)
            for url in pages.values():
                for _ in range(2):
                    assert client.get(url).status_code == 200, url
            for _ in range(per_round):
                for page, url in pages.items():
                    if before_each:
                        before_each()
                    start = time.perf_counter()
                    response = client.get(url)
                    times[size][page].append((time.perf_counter() - start) * 1000)
                    assert response.status_code == 200, url
                    bar.update()
    bar.close()
    return times


# == Search ==


def queries():
    """(label, query string) for each of QUERIES, its facet values read from the taxonomy."""
    from demo.catalogue import families
    from search.facets import PRICE_BANDS
    from taxonomy.models import Condition, IsoCategory, Need

    by_key = {family.key: family for family in families()}
    found = []
    for text, key, facets in QUERIES:
        family = by_key[key]
        price = family.models[0].price + family.options[0].price
        params = [("q", text)]
        for facet in facets:
            if facet == "need":
                params.append(("need", Need.objects.get(name=family.needs[0]).slug))
            elif facet == "condition":
                params.append(("condition", Condition.objects.get(name=family.conditions[0]).slug))
            elif facet == "price":
                band = next(
                    name
                    for name, (low, high) in PRICE_BANDS
                    if (low is None or price >= low) and (high is None or price < high)
                )
                params.append(("price", band))
            elif facet == "category":
                code = " ".join(family.category.split()[:2])
                params.append(("category", IsoCategory.objects.get(code=code).slug))
        found.append((f"{text} + {', '.join(facets)}", urlencode(params)))
    return found


def engine_query(querystring):
    from search.params import SearchForm

    form = SearchForm(QueryDict(querystring))
    assert not form.problems, form.problems
    return form.query


def time_searches(es_client, query_list, repeats, database_repeats, progress):
    """Each query through the Elasticsearch and database implementations and the search
    page, in turn: {name: [ms]}, Elasticsearch's `took` summed over each page request, and
    the totals each implementation found."""
    from search.backends.database import DatabaseBackend
    from search.backends.elasticsearch import ElasticsearchBackend

    recorder = TookRecorder(es_client)
    engines = {"elasticsearch": ElasticsearchBackend(es_client), "database": DatabaseBackend()}
    client = Client()
    times = {"elasticsearch": [], "database": [], "page": [], "took": []}
    totals = {}
    for label, querystring in query_list:  # every path once, untimed
        query = engine_query(querystring)
        totals[label] = {name: engine.search(query).total for name, engine in engines.items()}
        assert client.get(f"/search/?{querystring}").status_code == 200
    bar = tqdm(total=repeats * len(query_list), desc="searches", disable=not progress)
    for repeat in range(repeats):
        for _, querystring in query_list:
            query = engine_query(querystring)
            times["elasticsearch"].append(timed(engines["elasticsearch"].search, query)[0])
            mark = len(recorder.tooks)
            elapsed, response = timed(client.get, f"/search/?{querystring}")
            assert response.status_code == 200
            times["page"].append(elapsed)
            times["took"].append(recorder.since(mark))
            if repeat < database_repeats:
                times["database"].append(timed(engines["database"].search, query)[0])
            bar.update()
    bar.close()
    return times, totals


# == Reindexing ==


def reindex(client, progress):
    """The same documents built from the database by SearchBackend.rebuild(), and prebuilt
    then sent with parallel_bulk (2 threads, 500 a request), as {measure: docs/s}, with the
    mean document size in KB and the count.

    The raw load goes into an index as the Elasticsearch backend creates it, refreshing every
    second as Elasticsearch does by default; rebuild() loads with refreshes off, as nobody
    reads its index until the alias swap, so the raw load is timed that way too, for
    comparison."""
    from elasticsearch.helpers import parallel_bulk

    from search.backends.elasticsearch import ElasticsearchBackend, new_index_name
    from search.documents import product_documents
    from search.indexing import batches, live_ids

    engine = ElasticsearchBackend(client)
    ids = live_ids()
    rates = {}
    bar = tqdm(total=len(ids), desc="building documents", disable=not progress)
    start = time.perf_counter()
    prebuilt = []
    for batch in batches(ids):
        prebuilt += product_documents(batch).items()
        bar.update(len(batch))
    rates["built"] = len(prebuilt) / (time.perf_counter() - start)
    bar.close()
    size = statistics.fmean(len(json.dumps(doc, default=str)) for _, doc in prebuilt) / 1024

    for name, loading in (("raw", False), ("raw, refreshes off", True)):
        scratch = engine.create_index(
            new_index_name().replace("products-", "products-raw-"), loading=loading
        )
        try:
            bar = tqdm(total=len(prebuilt), desc=f"{name} parallel_bulk", disable=not progress)
            start = time.perf_counter()
            actions = ({"_index": scratch, "_id": pk, "_source": doc} for pk, doc in prebuilt)
            for ok, item in parallel_bulk(client, actions, thread_count=2, chunk_size=500):
                assert ok, item
                bar.update()
            if loading:
                engine.finish_loading(scratch)
            else:
                client.indices.refresh(index=scratch)
            rates[name] = len(prebuilt) / (time.perf_counter() - start)
            bar.close()
        finally:
            client.indices.delete(index=scratch)
    del prebuilt

    bar = tqdm(total=len(ids), desc="rebuild()", disable=not progress)
    start = time.perf_counter()
    count = engine.rebuild(progress=bar.update)
    rates["rebuild"] = count / (time.perf_counter() - start)
    bar.close()
    return rates, size, count


def database_index(databases, products, progress):
    """Fill the database implementation's tables for every live product, once; its seconds,
    and whether that was this run."""
    from search.backends.database import DatabaseBackend
    from search.indexing import live_ids
    from search.store import SearchDocument

    state = databases.read_state(products)
    total = len(live_ids())
    if SearchDocument.objects.count() == total and "database_index" in state:
        return state["database_index"], False
    bar = tqdm(total=total, desc="database index", disable=not progress)
    start = time.perf_counter()
    DatabaseBackend().rebuild(progress=bar.update)
    seconds = time.perf_counter() - start
    bar.close()
    state["database_index"] = seconds
    databases.write_state(products, state)
    return seconds, True


def delete_bench_indices(client):
    for name in client.indices.get(index=f"{INDEX_PREFIX}*", expand_wildcards="all"):
        client.indices.delete(index=name)


# == The table ==


class Table:
    def __init__(self):
        self.rows = []
        self.failed = []
        self.details = []

    def measure(self, name, value, against, ratio, target, passed):
        verdict = "PASS" if passed else "FAIL"
        if not passed:
            self.failed.append(name)
        self.add((name, value, against, f"{ratio:.2f}", target, verdict))

    def note(self, name, value, against="", ratio="", target="", verdict="–"):
        self.add((name, value, against, ratio, target, verdict))

    def add(self, row):
        # Said as soon as measured too, so a run that stops later keeps what it found.
        say("  " + " | ".join(cell for cell in row if cell))
        self.rows.append(row)

    def print(self):
        print("| measure | value | compared with | ratio | target | result |")
        print("|---|---:|---:|---:|---|---|")
        for row in self.rows:
            print("| " + " | ".join(row) + " |")


def say(text):
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def ms(value):
    return f"{value:,.1f} ms"


def load():
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=1_000, help="products of the small set")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--requests", type=int, default=60, help="per listing page and size")
    parser.add_argument("--rounds", type=int, default=3, help="alternations of the two sizes")
    parser.add_argument("--repeats", type=int, default=30, help="runs of each search query")
    parser.add_argument("--database-repeats", type=int, default=3,
                        help="runs of each query on the database implementation")  # fmt: skip
    parser.add_argument("--no-elasticsearch", action="store_true",
                        help="skip what needs a node; listing pages use the database")  # fmt: skip
    args = parser.parse_args()
    progress = sys.stderr.isatty()

    databases = Databases()
    small_products = min(args.small, args.products)
    big = Size(args.products, args.reviews, args.seed)
    small = Size(small_products, args.reviews * small_products // args.products, args.seed)
    started = time.perf_counter()
    states = {size.products: fill(databases, size, progress) for size in (small, big)}
    print(f"Data ready in {time.perf_counter() - started:.0f} s this run.")

    table = Table()
    for size in (small, big):
        stages = states[size.products]["generation"]
        detail = ", ".join(f"{stage} {seconds:.0f} s" for stage, seconds in stages.items())
        table.note(
            f"generation, {size.products:,} products + {size.reviews:,} reviews",
            f"{sum(stages.values()):,.0f} s",
            detail,
        )

    from search.elasticsearch import get_client, node_is_reachable

    url = "" if args.no_elasticsearch else os.environ.get("ELASTICSEARCH_URL") or DEFAULT_URL
    backend = "elasticsearch.ElasticsearchBackend" if url else "database.DatabaseBackend"
    with override_settings(
        ELASTICSEARCH_URL=url,
        SEARCH_BACKEND=f"search.backends.{backend}",
        ELASTICSEARCH_INDEX_PREFIX=INDEX_PREFIX,
    ):
        get_client.cache_clear()
        es_client = None
        if url:
            if not node_is_reachable():
                print(f"No Elasticsearch at {url}: run `make es-start`, or set ELASTICSEARCH_URL.")
                return 2
            es_client = get_client()
            delete_bench_indices(es_client)
        try:
            loads = [load()]
            measure(args, databases, small, big, table, es_client, progress)
            loads.append(load())
        finally:
            if es_client is not None:
                delete_bench_indices(es_client)
            get_client.cache_clear()

    generation = sum(states[big.products]["generation"].values())
    print(
        f"\nSearch benchmark: {big.products:,} products and {big.reviews:,} reviews "
        f"({generation:,.0f} s to generate) against {small.products:,} and {small.reviews:,}; "
        f"{connection.vendor}; {os.cpu_count()} CPUs; load average {loads[0]} before, "
        f"{loads[-1]} after\n"
    )
    table.print()
    if table.details:
        print("\n" + "\n".join(table.details))
    if table.failed:
        print(f"\nMissed: {'; '.join(table.failed)}")
    return 1 if table.failed else 0


def measure(args, databases, small, big, table, es_client, progress):
    from search.backends.elasticsearch import ElasticsearchBackend

    if es_client is not None:
        say(f"Reindexing {big.products:,} products: prebuilt and raw, then rebuild()...")
        databases.use(big.products)
        rates, kb, count = reindex(es_client, progress)
        rebuilt, raw = rates["rebuild"], rates["raw"]
        table.measure(
            f"full reindex: rebuild() of {count:,} products",
            f"{rebuilt:,.0f} docs/s",
            f"raw parallel_bulk {raw:,.0f} docs/s",
            rebuilt / raw,
            f"≥ {TARGET_REINDEX:g}",
            rebuilt / raw >= TARGET_REINDEX,
        )
        quiet = rates["raw, refreshes off"]
        table.note(
            "  against raw parallel_bulk with refreshes off",
            f"{rebuilt:,.0f} docs/s",
            f"{quiet:,.0f} docs/s",
            f"{rebuilt / quiet:.2f}",
        )
        table.note("  documents built from the database, alone", f"{rates['built']:,.0f} docs/s")
        table.note("  mean document size", f"{kb:.2f} KB")
        databases.use(small.products)
        ElasticsearchBackend(es_client).rebuild()  # for the small set's listing pages
    else:
        databases.use(small.products)
        database_index(databases, small.products, progress)

    say("The database implementation's index...")
    databases.use(big.products)
    seconds, now = database_index(databases, big.products, progress)
    table.note(
        f"database implementation: index {big.products:,} products",
        f"{seconds:,.0f} s",
        "timed this run" if now else "timed by an earlier run",
    )

    pages = listing_pages()
    say(f"Listing pages at {small.products:,} and {big.products:,} products: {', '.join(pages)}...")
    times = time_listings(
        databases, [small.products, big.products], pages, args.requests, args.rounds, progress
    )
    engine = "Elasticsearch" if es_client is not None else "database"
    cold = None
    if es_client is not None:  # and as the first visitor after a change sees them
        cold = time_listings(
            databases, [small.products, big.products], pages, args.requests // 3, 1, progress,
            before_each=lambda: es_client.indices.clear_cache(request=True),
        )  # fmt: skip
    for page in pages:
        at_big, at_small = (percentile(times[size.products][page]) for size in (big, small))
        table.measure(
            f"{page} page p95 ({engine})",
            ms(at_big),
            f"{ms(at_small)} at {small.products:,}",
            at_big / at_small,
            f"≤ {TARGET_LISTING:g}",
            at_big / at_small <= TARGET_LISTING,
        )
        if cold:
            at_big, at_small = (percentile(cold[size.products][page]) for size in (big, small))
            table.note(
                "  the same, request cache emptied before each",
                ms(at_big),
                f"{ms(at_small)} at {small.products:,}",
                f"{at_big / at_small:.2f}",
            )
    if es_client is None:
        table.note("search measures", "skipped: --no-elasticsearch")
        return

    say(f"Searches, {args.repeats} times each...")
    databases.use(big.products)
    query_list = queries()
    times, totals = time_searches(
        es_client, query_list, args.repeats, args.database_repeats, progress
    )
    page, took = percentile(times["page"]), percentile(times["took"])
    table.measure(
        f"search page server time p95 ({len(query_list)} queries)",
        ms(page),
        f"took p95 {ms(took)}",
        page / took,
        f"≤ {TARGET_PAGE_VS_TOOK:g}",
        page / took <= TARGET_PAGE_VS_TOOK,
    )
    es, db = percentile(times["elasticsearch"]), percentile(times["database"])
    table.measure(
        "Elasticsearch implementation p95 (same queries)",
        ms(es),
        f"database {ms(db)}",
        db / es,
        f"≥ {TARGET_ES_VS_DATABASE:g}× faster",
        db / es >= TARGET_ES_VS_DATABASE,
    )
    table.details.append("Queries (hits: Elasticsearch / database):")
    for label, querystring in query_list:
        found = totals[label]
        table.details.append(
            f"- {label}: {found['elasticsearch']:,} / {found['database']:,}, /search/?{querystring}"
        )


if __name__ == "__main__":
    sys.exit(main())
