"""Time a product page with 5 and with 500 approved reviews, in one run.

    .venv/bin/python benchmarks/product_page.py [--requests 200]

It makes a throwaway test database (SQLite, or PostgreSQL when DATABASE_URL is set), builds
two products with their reviews through the same code the site uses, warms each page, then
requests each page in turn and prints p50 and p95 server times and the query counts.
Target: p95 with 500 reviews at most 1.5 times p95 with 5.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "enabled.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from tqdm import tqdm  # noqa: E402

SIZES = (5, 500)
TARGET = 1.5


def build(reviews):
    from reviews.models import Review
    from tests.factories import make_member, make_product, make_review

    product = make_product(f"Product with {reviews} reviews")
    for n in tqdm(range(reviews), desc=f"{reviews} reviews", leave=False):
        author = make_member(f"Reviewer {n}", conditions=["Stroke"], show_conditions=n % 2 == 0)
        make_review(product, author, rating=1 + n % 5, comfort=1 + n % 4, title=f"Review {n}")
    assert Review.objects.approved().for_product(product).count() == reviews
    return product


def percentile(times, fraction):
    return statistics.quantiles(times, n=100)[round(fraction * 100) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per page")
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        products = {size: build(size) for size in SIZES}
        client = Client()
        times, queries = {size: [] for size in SIZES}, {}
        for size, product in products.items():
            client.get(product.url)  # renditions, caches and the site root, as in production
            with CaptureQueriesContext(connection) as captured:
                assert client.get(product.url).status_code == 200
            queries[size] = len(captured)
        # Interleaved, so a slow moment of the machine hits both pages alike.
        for _ in tqdm(range(args.requests), desc="requests", leave=False):
            for size, product in products.items():
                start = time.perf_counter()
                client.get(product.url)
                times[size].append((time.perf_counter() - start) * 1000)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    print(f"\nProduct page, {args.requests} requests each, {connection.vendor}\n")
    print("| approved reviews | queries | p50 (ms) | p95 (ms) |")
    print("|---:|---:|---:|---:|")
    for size in SIZES:
        p50, p95 = statistics.median(times[size]), percentile(times[size], 0.95)
        print(f"| {size} | {queries[size]} | {p50:.1f} | {p95:.1f} |")
    ratio = percentile(times[500], 0.95) / percentile(times[5], 0.95)
    verdict = "meets" if ratio <= TARGET else "misses"
    print(f"\np95 ratio 500/5: {ratio:.2f} ({verdict} the target of at most {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
