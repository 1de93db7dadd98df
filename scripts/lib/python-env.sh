# Sourced by scripts/run-demo.sh and scripts/test.sh: a .venv on Python 3.11 with the
# project installed, pinned by constraints.txt. The caller defines say() and die().

export PIP_DISABLE_PIP_VERSION_CHECK=1

is_python311() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; }

find_python() {
  local candidate
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && is_python311 "$candidate"; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

ensure_venv() {
  if [ -x .venv/bin/python ] && is_python311 .venv/bin/python &&
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

# install_project TARGET STAMP [OTHER_STAMP]: pip-install TARGET (".", ".[test]") unless
# STAMP (or OTHER_STAMP, a superset install) records the current pyproject and constraints.
install_project() {
  local target=$1 stamp=.venv/.installed-$2 other=.venv/.installed-${3:-$2} digest
  digest=$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" = "$digest" ] || [ "$(cat "$other" 2>/dev/null)" = "$digest" ]; then
    say "Python packages up to date (.venv)."
    return 0
  fi
  say "Installing Python packages into .venv (pinned by constraints.txt; a minute or two)..."
  pip_install -e "$target"
  echo "$digest" >"$stamp"
}
