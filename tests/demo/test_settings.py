"""Only development and tests install the demo app; production never does."""

from django.conf import settings

from tests.test_settings import production_env, run_python

PRINT_APPS = "import django; django.setup(); from django.conf import settings; "


def test_tests_install_the_demo_app():
    assert "demo" in settings.INSTALLED_APPS


def test_production_does_not_install_the_demo_app(tmp_path):
    result = run_python(
        production_env(tmp_path),
        "-c",
        PRINT_APPS + "print('demo' in settings.INSTALLED_APPS)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_production_has_no_demo_commands(tmp_path):
    result = run_python(production_env(tmp_path), "manage.py", "help", "--commands")
    assert result.returncode == 0, result.stderr
    assert "load_demo" not in result.stdout
    assert "ensure_demo_admin" in result.stdout  # the listing itself works


def test_development_installs_the_demo_app(tmp_path):
    env = production_env(tmp_path, DJANGO_SETTINGS_MODULE="enabled.settings.dev")
    result = run_python(env, "-c", PRINT_APPS + "print(settings.INSTALLED_APPS[-1])")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "demo"
