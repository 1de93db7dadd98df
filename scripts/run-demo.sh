#!/usr/bin/env bash
# `make run`: set up Enabled on a fresh Debian/Ubuntu machine with Python 3.11, load the demo
# data (catalogue, members, reviews, tips), index it for search, start the task worker and
# serve it at http://127.0.0.1:8000 (the admin's login is printed on the way).
#
# It uses the development settings (manage.py's default). With no DATABASE_URL and no
# ELASTICSEARCH_URL in the environment that means the embedded defaults: an SQLite file
# (db.sqlite3) and the database search backend, so nothing else has to run. Variables that
# are set are left alone and used.
set -euo pipefail

cd "$(dirname "$0")/.."

say() { printf '[run] %s\n' "$*"; }
die() { printf '[run] ERROR: %s\n' "$*" >&2; exit 1; }

# --- Python environment -------------------------------------------------------------------
# shellcheck source=scripts/lib/python-env.sh
source scripts/lib/python-env.sh

ensure_venv
install_project . demo test

for name in DATABASE_URL ELASTICSEARCH_URL DJANGO_SETTINGS_MODULE; do
  if [ -n "${!name:-}" ]; then
    say "Note: $name is set in your environment and will be used."
  fi
done

manage() { .venv/bin/python manage.py "$@"; }

say "Applying migrations..."
manage migrate --no-input --verbosity 0
# The cache table, for settings that cache in the database (production without REDIS_URL).
manage createcachetable
say "Loading the demo catalogue and contributions..."
manage load_demo
echo
manage ensure_demo_admin
echo
say "Indexing the catalogue for search..."
manage search_index rebuild
# Search indexing and other background work wait in the database for this worker.
say "Starting the task worker..."
.venv/bin/python manage.py db_worker --queue-name '*' --no-reload --verbosity 0 &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT
say "Serving http://127.0.0.1:8000/ (Ctrl-C to stop)."
.venv/bin/python manage.py runserver 127.0.0.1:8000
