#!/usr/bin/env bash
# `make run`: set up Enabled on a fresh Debian/Ubuntu machine with Python 3.11, load the demo
# catalogue and serve it at http://127.0.0.1:8000 (the admin's login is printed on the way).
#
# It uses the development settings (manage.py's default). With no DATABASE_URL and no
# ELASTICSEARCH_URL in the environment that means the embedded defaults: an SQLite file
# (db.sqlite3) and the database search backend, so nothing else has to run. Variables that
# are set are left alone and used.
set -euo pipefail

cd "$(dirname "$0")/.."
export PIP_DISABLE_PIP_VERSION_CHECK=1

say() { printf '[run] %s\n' "$*"; }
die() { printf '[run] ERROR: %s\n' "$*" >&2; exit 1; }

# --- Python environment -------------------------------------------------------------------
find_python() {
  local candidate
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

ensure_venv() {
  if [ -x .venv/bin/python ] &&
    .venv/bin/python -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null &&
    .venv/bin/python -m pip --version >/dev/null 2>&1; then
    return 0
  fi
  if [ -e .venv ]; then
    say ".venv is not a working Python 3.11 environment; recreating it."
  fi
  local python
  python=$(find_python) || die "Python 3.11 is needed (python3.11 or python3 being 3.11)." \
    "On Debian/Ubuntu: apt-get install python3.11 python3.11-venv"
  say "Creating .venv with $python..."
  rm -rf .venv
  if ! "$python" -m venv .venv; then
    rm -rf .venv
    die "'$python -m venv' failed. On Debian/Ubuntu: apt-get install python3.11-venv"
  fi
}

# pip's output (the build backend's warnings included) is shown only when the install fails.
pip_install() {
  local log
  log=$(mktemp)
  if ! .venv/bin/python -m pip install --quiet -c constraints.txt "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    die "pip install failed (output above)."
  fi
  rm -f "$log"
}

install_project() {
  local digest
  digest=$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)
  # The test install (scripts/test.sh) is a superset of this one, so either stamp will do.
  if [ "$(cat .venv/.installed-demo 2>/dev/null)" = "$digest" ] ||
    [ "$(cat .venv/.installed-test 2>/dev/null)" = "$digest" ]; then
    return 0
  fi
  say "Installing Python packages into .venv (pinned by constraints.txt; a minute or two)..."
  pip_install -e .
  echo "$digest" >.venv/.installed-demo
}

ensure_venv
install_project

for name in DATABASE_URL ELASTICSEARCH_URL DJANGO_SETTINGS_MODULE; do
  if [ -n "${!name:-}" ]; then
    say "Note: $name is set in your environment and will be used."
  fi
done

manage() { .venv/bin/python manage.py "$@"; }

say "Applying migrations..."
manage migrate --no-input --verbosity 0
say "Loading the demo catalogue..."
manage load_demo_catalogue
echo
manage ensure_demo_admin
echo
say "Serving http://127.0.0.1:8000/ (Ctrl-C to stop)."
exec .venv/bin/python manage.py runserver 127.0.0.1:8000
