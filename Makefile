.DEFAULT_GOAL := help
PYTHON ?= .venv/bin/python

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

run: ## Set up on the embedded defaults, load demo data and serve http://127.0.0.1:8000
	bash scripts/run-demo.sh

test: ## Set up and run the whole test suite (starts Elasticsearch where it can)
	bash scripts/test.sh $(ARGS)

bench: ## Time a product page with 5 and with 500 reviews (benchmarks/README.md)
	$(PYTHON) benchmarks/product_page.py

bench-search: ## Search at 100,000 products: reindex, search page, implementations, listings
	$(PYTHON) benchmarks/search.py $(ARGS)

bench-relevance: ## Judged relevance of everyday problem queries on the demo (issue 19)
	$(PYTHON) benchmarks/relevance.py $(ARGS)

lint: ## Check style with ruff
	$(PYTHON) -m ruff check . && $(PYTHON) -m ruff format --check .

es-start: ## Start the local Elasticsearch node (downloads it once)
	bash scripts/elasticsearch.sh start

es-stop: ## Stop the local Elasticsearch node
	bash scripts/elasticsearch.sh stop

es-status: ## Say whether the local Elasticsearch node runs
	bash scripts/elasticsearch.sh status

.PHONY: help run test bench bench-search bench-relevance lint es-start es-stop es-status
