"""Only development and tests install the demo app; production and the wheel never do."""

import tomllib

from django.conf import settings
from setuptools import find_namespace_packages

from tests.test_settings import production_env, run_python

PRINT_APPS = "import django; django.setup(); from django.conf import settings; "


def test_tests_install_the_demo_app():
    assert "demo" in settings.INSTALLED_APPS


def test_production_has_neither_the_demo_app_nor_its_commands(tmp_path):
    # One process for both: each start of Django under production settings costs seconds.
    show = (
        "from django.core.management import get_commands; "
        "print('demo' in settings.INSTALLED_APPS, sorted(get_commands())); "
    )
    result = run_python(production_env(tmp_path), "-c", PRINT_APPS + show)
    assert result.returncode == 0, result.stderr
    installed, commands = result.stdout.split(" ", 1)
    assert installed == "False"
    assert "load_demo" not in commands
    assert "ensure_demo_admin" in commands  # the listing itself works


def test_development_installs_the_demo_app(tmp_path):
    env = production_env(tmp_path, DJANGO_SETTINGS_MODULE="enabled.settings.dev")
    result = run_python(env, "-c", PRINT_APPS + "print(settings.INSTALLED_APPS[-1])")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "demo"


def test_the_wheel_leaves_the_demo_out():
    """`pip install .` installs what pyproject.toml's package finder picks: never the demo."""
    config = tomllib.loads((settings.BASE_DIR / "pyproject.toml").read_text(encoding="utf-8"))
    find = config["tool"]["setuptools"]["packages"]["find"]
    packages = find_namespace_packages(where=settings.BASE_DIR, include=find["include"])
    assert "search" in packages and "taxonomy.migrations" in packages
    assert not [name for name in packages if name.split(".")[0] in {"demo", "tests"}]
