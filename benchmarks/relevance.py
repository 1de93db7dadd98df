"""How well search answers problems told in everyday words, on the demo (issue 19).

    .venv/bin/python benchmarks/relevance.py [--details] [--json PATH] [--no-elasticsearch]

It loads the demo into a throwaway database (SQLite, or PostgreSQL when DATABASE_URL is
set), indexes it on both implementations (the database one, and Elasticsearch at
ELASTICSEARCH_URL under an index prefix of its own, deleted at the end whatever happens),
sends every query of benchmarks/relevance/queries.toml through the site's own search
service as the search page does, and scores the rankings against the judgements. It prints
each implementation's figures beside the stored ones from before issue 19
(benchmarks/relevance/before.json), and exits non-zero when issue 19's targets are missed.
benchmarks/README.md ("Relevance") defines the figures and says how the set was judged.
"""

import argparse
import json
import math
import os
import secrets
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET_DIR = Path(__file__).resolve().parent / "relevance"
QUERIES = SET_DIR / "queries.toml"
BEFORE = SET_DIR / "before.json"
DEFAULT_URL = "http://127.0.0.1:9200"

# Gains: for precision, a product that partly helps counts half; for nDCG, 2 and 1.
PRECISION_GAIN = {"relevant": 1.0, "partly": 0.5}
NDCG_GAIN = {"relevant": 2, "partly": 1}
PRECISION_AT = 5
PRECISION_NEEDS = 5  # relevant products a query needs for its precision at 5 to count
NDCG_AT = 10
DETAILS_AT = 5

# Issue 19's targets, on each implementation.
TARGET_FITS = 0.85  # at least
TARGET_PRECISION = 0.7  # at least
TARGET_NOTHING = 0.02  # at most
TARGET_APART = 0.05  # at most, between the implementations, on each figure


# == The set ==


@dataclass(frozen=True)
class Judged:
    text: str
    relevant: frozenset
    partly: frozenset
    note: str = ""

    def judgement(self, slug):
        if slug in self.relevant:
            return "relevant"
        if slug in self.partly:
            return "partly"
        return None


def load_set(path=QUERIES):
    with open(path, "rb") as file:
        data = tomllib.load(file)
    return [
        Judged(
            text=query["text"],
            relevant=frozenset(query.get("relevant", ())),
            partly=frozenset(query.get("partly", ())),
            note=query.get("note", ""),
        )
        for query in data["query"]
    ]


# == The measures, for one query's ranking (a list of slugs, best first) ==


def precision_at(judged, ranking, k=PRECISION_AT):
    """The mean gain of the first k places; places the ranking does not fill count 0."""
    return sum(PRECISION_GAIN.get(judged.judgement(slug), 0) for slug in ranking[:k]) / k


def first_fits(judged, ranking):
    """Whether the first result is judged relevant (partly does not fit)."""
    return bool(ranking) and ranking[0] in judged.relevant


def dcg(gains):
    return sum(gain / math.log2(place + 1) for place, gain in enumerate(gains, start=1))


def ndcg_at(judged, ranking, k=NDCG_AT):
    """DCG of the first k results over the DCG of the best possible k, linear gains."""
    gains = [NDCG_GAIN.get(judged.judgement(slug), 0) for slug in ranking[:k]]
    best = sorted(
        [NDCG_GAIN["relevant"]] * len(judged.relevant) + [NDCG_GAIN["partly"]] * len(judged.partly),
        reverse=True,
    )[:k]
    return dcg(gains) / dcg(best) if best else 0.0


def figures(judged_set, rankings):
    """The set's figures for {query text: ranking}: means over the queries (precision only
    over those with enough relevant products) and how many each mean is over."""
    precise = [j for j in judged_set if len(j.relevant) >= PRECISION_NEEDS]
    count = len(judged_set)
    return {
        "queries": count,
        "precision_at_5": sum(precision_at(j, rankings[j.text]) for j in precise) / len(precise),
        "precision_queries": len(precise),
        "first_fits": sum(first_fits(j, rankings[j.text]) for j in judged_set) / count,
        "nothing_found": sum(not rankings[j.text] for j in judged_set) / count,
        "ndcg_at_10": sum(ndcg_at(j, rankings[j.text]) for j in judged_set) / count,
    }


def missed(by_engine):
    """Issue 19's targets each implementation, or the pair, misses, in words."""
    found = []
    for engine, figure in by_engine.items():
        if figure["first_fits"] < TARGET_FITS:
            found.append(f"{engine}: first fits {figure['first_fits']:.2f} < {TARGET_FITS}")
        if figure["precision_at_5"] < TARGET_PRECISION:
            found.append(f"{engine}: P@5 {figure['precision_at_5']:.2f} < {TARGET_PRECISION}")
        if figure["nothing_found"] > TARGET_NOTHING:
            found.append(
                f"{engine}: nothing found {figure['nothing_found']:.2f} > {TARGET_NOTHING}"
            )
    if len(by_engine) == 2:
        one, other = by_engine.values()
        for name in ("precision_at_5", "first_fits", "nothing_found", "ndcg_at_10"):
            if abs(one[name] - other[name]) > TARGET_APART:
                found.append(f"implementations {abs(one[name] - other[name]):.2f} apart on {name}")
    return found


# == Searching the demo ==


def rankings_of(judged_set):
    """{query text: the slugs of the first NDCG_AT results}, through the search page's
    service with default filters and sort, on the backend settings name now."""
    from django.http import QueryDict

    from products.models import ProductPage
    from search.service import Search

    found = {}
    for judged in judged_set:
        sent = QueryDict(mutable=True)
        sent["q"] = judged.text
        asked = Search(sent).run(listing_all=False, typos=True)
        assert not asked.problems, (judged.text, asked.problems)
        ids = asked.results.ids[:NDCG_AT]
        slugs = dict(ProductPage.objects.filter(pk__in=ids).values_list("pk", "slug"))
        found[judged.text] = [slugs[pk] for pk in ids]
    return found


def load_demo():
    from django.core.management import call_command

    from search.backends.database import DatabaseBackend

    say("Loading the demo (minutes: see benchmarks/README.md)...")
    call_command("load_demo", verbosity=0)
    say("Indexing it for the database implementation...")
    DatabaseBackend().rebuild()


def search_all(judged_set, url):
    """{implementation: rankings}: the database one, then Elasticsearch at `url` when given,
    in indices of this run's own, deleted whatever happens."""
    from django.test.utils import override_settings

    from search.elasticsearch import get_client, node_is_reachable

    with override_settings(
        ELASTICSEARCH_URL="", SEARCH_BACKEND="search.backends.database.DatabaseBackend"
    ):
        rankings = {"database": rankings_of(judged_set)}
    if not url:
        return rankings
    prefix = f"enabled_relevance_{secrets.token_hex(4)}_"
    with override_settings(
        ELASTICSEARCH_URL=url,
        ELASTICSEARCH_INDEX_PREFIX=prefix,
        SEARCH_BACKEND="search.backends.elasticsearch.ElasticsearchBackend",
    ):
        get_client.cache_clear()
        if not node_is_reachable():
            raise SystemExit(f"No Elasticsearch at {url}: run `make es-start`, or set it.")
        client = get_client()
        try:
            from search.backends.elasticsearch import ElasticsearchBackend

            say(f"Indexing it on Elasticsearch at {url} ({prefix}*)...")
            ElasticsearchBackend(client).rebuild()
            rankings["elasticsearch"] = rankings_of(judged_set)
        finally:
            for name in client.indices.get(index=f"{prefix}*", expand_wildcards="all"):
                client.indices.delete(index=name)
            get_client.cache_clear()
    return rankings


# == Printing ==


def say(text):
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


ROWS = (
    ("precision_at_5", "precision at 5", f"≥ {TARGET_PRECISION}"),
    ("first_fits", "first result fits", f"≥ {TARGET_FITS}"),
    ("nothing_found", "finds nothing", f"≤ {TARGET_NOTHING}"),
    ("ndcg_at_10", "nDCG at 10", "–"),
)


def table(by_engine, before):
    engines = list(by_engine)
    head = ["measure"]
    for engine in engines:
        head += [engine, f"{engine} before"]
    lines = [
        "| " + " | ".join(head + ["target"]) + " |",
        "|---" + "|---:" * 2 * len(engines) + "|---|",
    ]
    for key, label, target in ROWS:
        cells = [label]
        for engine in engines:
            then = before.get("figures", {}).get(engine, {}).get(key)
            cells += [f"{by_engine[engine][key]:.3f}", "–" if then is None else f"{then:.3f}"]
        lines.append("| " + " | ".join(cells + [target]) + " |")
    return "\n".join(lines)


def details(judged_set, rankings):
    lines = []
    for judged in judged_set:
        lines.append(
            f"\n{judged.text!r} ({len(judged.relevant)} relevant, {len(judged.partly)} partly)"
        )
        for engine, found in rankings.items():
            top = found[judged.text][:DETAILS_AT]
            lines.append(f"  {engine}:" + ("" if top else " nothing found"))
            for place, slug in enumerate(top, start=1):
                lines.append(f"    {place}. {judged.judgement(slug) or '-':8} {slug}")
    return "\n".join(lines)


def search_demo(judged_set, url, keep=None):
    """{implementation: rankings} on the demo, loaded into a throwaway database, or into
    the SQLite file `keep`, loaded there the first time and reused after."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "enabled.settings.test")
    if keep:
        os.environ["DATABASE_URL"] = f"sqlite:///{keep.resolve()}"
    import django

    django.setup()
    if keep:
        return search_kept(judged_set, url, keep)
    from django.db import connection
    from django.test.utils import override_settings, setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    # The demo's pictures go to a folder of the run's own, removed with it.
    with tempfile.TemporaryDirectory(prefix="enabled-relevance-") as media:
        try:
            with override_settings(MEDIA_ROOT=media, PRIVATE_MEDIA_ROOT=f"{media}/private"):
                load_demo()
                say(f"Searching {len(judged_set)} queries...")
                return search_all(judged_set, url), connection.vendor
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)


def search_kept(judged_set, url, keep):
    from django.core.management import call_command

    from products.models import ProductPage
    from search.backends.database import DatabaseBackend

    call_command("migrate", verbosity=0)
    media = keep.with_suffix(".media")
    from django.test.utils import override_settings

    with override_settings(MEDIA_ROOT=str(media), PRIVATE_MEDIA_ROOT=str(media / "private")):
        if ProductPage.objects.exists():
            say(f"Reusing the demo in {keep}; indexing it for the database implementation...")
            DatabaseBackend().rebuild()
        else:
            load_demo()
        say(f"Searching {len(judged_set)} queries...")
        return search_all(judged_set, url), "sqlite"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="each query's top 5, judged")
    parser.add_argument("--json", type=Path, metavar="PATH",
                        help="write the figures and each query's first ten here")  # fmt: skip
    parser.add_argument("--no-elasticsearch", action="store_true",
                        help="measure the database implementation only")  # fmt: skip
    parser.add_argument("--keep", type=Path, metavar="FILE",
                        help="load the demo into this SQLite file the first time and reuse "
                        "it after, for trying changes to search quickly")  # fmt: skip
    parser.add_argument("--rankings", type=Path, metavar="PATH",
                        help="score the rankings an earlier --json run wrote against the "
                        "judgements as they are now, without loading the demo")  # fmt: skip
    args = parser.parse_args()

    judged_set = load_set()
    measured = {"date": time.strftime("%Y-%m-%d"), "machine": machine()}
    if args.rankings:
        stored = json.loads(args.rankings.read_text())
        measured = {key: stored[key] for key in ("date", "machine", "database_vendor")}
        rankings = stored["rankings"]
        unsearched = {j.text for j in judged_set} - set.intersection(
            *(set(found) for found in rankings.values())
        )
        if unsearched:
            print(f"{args.rankings} lacks queries added since: {sorted(unsearched)}")
            return 2
    else:
        url = "" if args.no_elasticsearch else os.environ.get("ELASTICSEARCH_URL") or DEFAULT_URL
        rankings, measured["database_vendor"] = search_demo(judged_set, url, args.keep)

    by_engine = {engine: figures(judged_set, found) for engine, found in rankings.items()}
    before = json.loads(BEFORE.read_text()) if BEFORE.exists() else {}
    precise = by_engine["database"]["precision_queries"]
    print(
        f"\nRelevance on the demo: {len(judged_set)} queries ({precise} with at least "
        f"{PRECISION_NEEDS} relevant products for precision at 5); searched on "
        f"{measured['date']}, {measured['database_vendor']}, {measured['machine']}; "
        f"before: {before.get('date', 'none stored')}\n"
    )
    print(table(by_engine, before))
    if args.details:
        print(details(judged_set, rankings))
    if args.json:
        written = {**measured, "figures": by_engine, "rankings": rankings}
        args.json.write_text(json.dumps(written, indent=2, ensure_ascii=False) + "\n")
    misses = missed(by_engine)
    if misses:
        print("\nMissed issue 19's targets:\n- " + "\n- ".join(misses))
    return 1 if misses else 0


def machine():
    one, five, fifteen = os.getloadavg()
    return f"{os.cpu_count()} CPUs, load average {one:.2f} {five:.2f} {fifteen:.2f}"


if __name__ == "__main__":
    sys.exit(main())
