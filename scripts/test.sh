#!/usr/bin/env bash
# Set up what the test suite needs, then run it: `make test`, or `bash scripts/test.sh ARGS`
# (ARGS go to pytest, e.g. `bash scripts/test.sh tests/test_settings.py -x`).
#
# - .venv with the project and its test extras, pinned by constraints.txt (reinstalled only
#   when pyproject.toml or constraints.txt changed);
# - Debian's Chromium for the browser tests (installed with apt-get when run as root);
# - a local Elasticsearch node (scripts/elasticsearch.sh, needs Java and Maven) unless
#   ELASTICSEARCH_URL points at one already; the node is stopped again at exit if this
#   script started it;
# - DATABASE_URL is passed through: PostgreSQL when set (as in CI), else SQLite.
# With CI set (CI=true) a missing browser or Elasticsearch node is an error, not a warning.
set -euo pipefail

cd "$(dirname "$0")/.."

say() { printf '[test] %s\n' "$*"; }
warn() { printf '[test] WARNING: %s\n' "$*" >&2; }
die() { printf '[test] ERROR: %s\n' "$*" >&2; exit 1; }
# CI set to 1, true or yes, read the same way as tests/environment.py.
in_ci() { case "${CI:-}" in 1 | [Tt][Rr][Uu][Ee] | [Yy][Ee][Ss]) return 0 ;; *) return 1 ;; esac; }
started=$SECONDS
elapsed() { echo "$((SECONDS - started)) s"; }

# --- Python environment -------------------------------------------------------------------
# shellcheck source=scripts/lib/python-env.sh
source scripts/lib/python-env.sh

ensure_venv
install_project ".[test]" test
say "Python ready ($(elapsed))."

# --- Chromium for the browser tests ---------------------------------------------------------
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing Debian's Chromium for the browser tests (apt-get, about a minute)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get -o DPkg::Lock::Timeout=300 install -y -qq chromium chromium-driver >/dev/null
  else
    reason="not root"
    command -v apt-get >/dev/null 2>&1 || reason="no apt-get"
    msg="/usr/bin/chromium is missing and cannot be installed here ($reason):"
    msg+=" the browser tests will fail or skip. Install it with: apt-get install chromium"
    in_ci && die "$msg"
    warn "$msg"
  fi
fi
if [ -x /usr/bin/chromium ]; then
  say "Chromium: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)."
fi

# --- Elasticsearch -------------------------------------------------------------------------
stop_node=false
cleanup() {
  if $stop_node; then
    # Quiet on success, so pytest's closing line stays the last thing printed.
    bash scripts/elasticsearch.sh stop >/dev/null 2>&1 ||
      warn "could not stop the Elasticsearch node: run 'make es-stop'"
  fi
}
trap cleanup EXIT

if [ -n "${ELASTICSEARCH_URL:-}" ]; then
  say "Elasticsearch: using ELASTICSEARCH_URL=$ELASTICSEARCH_URL."
elif ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
  msg="Java and Maven are needed to run a local Elasticsearch node and are missing:"
  msg+=" the Elasticsearch tests will skip (and fail under CI)."
  msg+=" Install them (apt-get install openjdk-17-jdk-headless maven) or set ELASTICSEARCH_URL."
  in_ci && die "$msg"
  warn "$msg"
elif [ ! -f scripts/elasticsearch.sh ]; then
  msg="scripts/elasticsearch.sh is missing: the Elasticsearch tests will skip."
  in_ci && die "$msg"
  warn "$msg"
else
  es_url="http://127.0.0.1:${ELASTICSEARCH_PORT:-9200}"
  es_ready() { curl -sf --max-time 5 "$es_url/_cluster/health" >/dev/null 2>&1; }
  if bash scripts/elasticsearch.sh status >/dev/null 2>&1; then
    say "Elasticsearch: a node is already running; it stays running afterwards."
    # One started elsewhere a moment ago may not answer yet.
    for _ in $(seq 60); do
      es_ready && break
      sleep 1
    done
  else
    say "Elasticsearch: starting a local node (fetched through Maven on first use)."
    # Set before starting, so a node that half-started is still stopped at exit.
    stop_node=true
    bash scripts/elasticsearch.sh start || true
  fi
  if es_ready; then
    export ELASTICSEARCH_URL=$es_url
    say "Elasticsearch: $ELASTICSEARCH_URL ($(elapsed))."
  else
    msg="no Elasticsearch node answers at $es_url (see above; 'bash scripts/elasticsearch.sh log')."
    in_ci && die "$msg"
    warn "$msg The Elasticsearch tests will skip."
  fi
fi

# --- The suite ------------------------------------------------------------------------------
if [ -n "${DATABASE_URL:-}" ]; then
  say "Database: DATABASE_URL (${DATABASE_URL%%://*})."
else
  say "Database: SQLite (DATABASE_URL not set)."
fi
say "Running pytest ($(elapsed) spent on setup)."

# Playwright's sync API runs an event loop in the test thread; the ORM must allow it.
export DJANGO_ALLOW_ASYNC_UNSAFE=true
# One worker per CPU (TEST_WORKERS=1 for one process). Tests go out one at a time in
# pytest-django's order, so a worker never meets a test that needs the migrations' data
# after one that emptied its database; a costly module fixture (the search contract's demo
# catalogue) keeps its tests in one worker with pytest.mark.xdist_group.
workers=${TEST_WORKERS:-auto}
status=0
.venv/bin/python -m pytest -n "$workers" --dist loadgroup "$@" || status=$?
if [ "$status" -eq 5 ]; then
  die "pytest collected no tests: the suite's wiring is broken (pytest exit code 5)."
fi
exit "$status"
