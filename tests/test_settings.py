"""Production settings refuse a bad configuration; the demo admin command is for demos only."""

import os
import re
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

BASE_DIR = Path(__file__).resolve().parent.parent
SETUP = "import django; django.setup()"


def good_key():
    return secrets.token_urlsafe(48)  # 64 characters


def production_env(tmp_path, **overrides):
    """A controlled environment: nothing from the caller's settings leaks in."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": "enabled.settings.production",
        "SECRET_KEY": good_key(),
        "ALLOWED_HOSTS": "enabled.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "EMAIL_HOST": "smtp.example.org",
        "DEFAULT_FROM_EMAIL": "Enabled <hello@enabled.example.org>",
        "WAGTAILADMIN_BASE_URL": "https://enabled.example.org",
    }
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run_python(env, *args):
    # Our own interpreter with fixed arguments: nothing untrusted reaches the command line.
    return subprocess.run(  # noqa: S603
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        pytest.param({"SECRET_KEY": None}, "SECRET_KEY", id="no-secret-key"),
        pytest.param({"SECRET_KEY": "   "}, "SECRET_KEY", id="blank-secret-key"),
        pytest.param({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS", id="no-allowed-hosts"),
        pytest.param({"ALLOWED_HOSTS": " , "}, "ALLOWED_HOSTS", id="empty-allowed-hosts"),
        pytest.param({"DATABASE_URL": None}, "DATABASE_URL", id="no-database-url"),
        pytest.param({"EMAIL_HOST": None}, "EMAIL_HOST", id="no-email-host"),
        pytest.param({"EMAIL_HOST": " "}, "EMAIL_HOST", id="blank-email-host"),
        pytest.param({"DEFAULT_FROM_EMAIL": None}, "DEFAULT_FROM_EMAIL", id="no-from-email"),
        pytest.param({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS", id="any-host"),
        pytest.param(
            {"ALLOWED_HOSTS": "enabled.example.org, *"}, "ALLOWED_HOSTS", id="any-host-among-others"
        ),
        pytest.param({"WAGTAILADMIN_BASE_URL": None}, "WAGTAILADMIN_BASE_URL", id="no-base-url"),
        pytest.param({"WAGTAILADMIN_BASE_URL": " "}, "WAGTAILADMIN_BASE_URL", id="blank-base-url"),
        pytest.param(
            {"WAGTAILADMIN_BASE_URL": "enabled.example.org"},
            "WAGTAILADMIN_BASE_URL",
            id="base-url-without-scheme",
        ),
        pytest.param(
            {"WAGTAILADMIN_BASE_URL": "https://enabled.example.org/account/"},
            "WAGTAILADMIN_BASE_URL",
            id="base-url-with-path",
        ),
        pytest.param({"SECRET_KEY": "too-short-to-be-a-key"}, "SECRET_KEY", id="short-key"),
        pytest.param({"SECRET_KEY": "ab" * 30}, "SECRET_KEY", id="repetitive-key"),
        pytest.param(
            {"SECRET_KEY": "django-insecure-" + secrets.token_urlsafe(48)},
            "SECRET_KEY",
            id="startproject-key",
        ),
    ],
)
def test_production_settings_refuse_bad_configuration(tmp_path, overrides, named):
    result = run_python(production_env(tmp_path, **overrides), "-c", SETUP)

    assert result.returncode != 0
    assert "django.core.exceptions.ImproperlyConfigured" in result.stderr
    error_line = result.stderr.strip().splitlines()[-1]
    assert named in error_line


def test_production_settings_name_every_missing_variable(tmp_path):
    names = (
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DATABASE_URL",
        "EMAIL_HOST",
        "DEFAULT_FROM_EMAIL",
        "WAGTAILADMIN_BASE_URL",
    )
    env = production_env(tmp_path, **dict.fromkeys(names))

    result = run_python(env, "-c", SETUP)

    error_line = result.stderr.strip().splitlines()[-1]
    for name in names:
        assert name in error_line


def test_production_email_settings_come_from_the_environment(tmp_path):
    env = production_env(
        tmp_path,
        EMAIL_PORT="465",
        EMAIL_HOST_USER="mailer",
        EMAIL_HOST_PASSWORD="secret",  # noqa: S106 (test value)
        EMAIL_USE_TLS="false",
    )
    show = (
        f"{SETUP}; from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, "
        "s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL, sep='|')"
    )

    result = run_python(env, "-c", show)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("|") == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
        "465",
        "mailer",
        "secret",
        "False",
        "Enabled <hello@enabled.example.org>",
    ]


@pytest.mark.parametrize(
    "database_url",
    [
        pytest.param(None, id="sqlite"),
        # Not connected to: check --deploy only reads the settings.
        pytest.param("postgres://enabled:secret@db.internal:5432/enabled", id="postgres"),
    ],
)
def test_production_settings_pass_the_deployment_checklist(tmp_path, database_url):
    env = production_env(tmp_path)
    if database_url:
        env["DATABASE_URL"] = database_url

    result = run_python(env, "manage.py", "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("redis_url", "backend"),
    [
        pytest.param(None, "core.cache.DatabaseCache", id="database"),
        pytest.param(
            "redis://cache.internal:6379/0",
            "django.core.cache.backends.redis.RedisCache",
            id="redis",
        ),
    ],
)
def test_production_counts_rate_limits_in_a_shared_cache(tmp_path, redis_url, backend):
    env = production_env(tmp_path, REDIS_URL=redis_url)
    show = (
        f"{SETUP}; from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND'], 'django_ratelimit' in s.INSTALLED_APPS)"
    )

    result = run_python(env, "-c", show)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [backend, "True"]
    # Not connected to: check --deploy only reads the settings.
    checked = run_python(env, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_production_refuses_a_cache_each_process_keeps_to_itself(tmp_path):
    # django_ratelimit's own check runs under production settings and is not silenced.
    run_checks = (
        f"{SETUP}; from django.core import checks; from django.test import override_settings; "
        "backend = 'django.core.cache.backends.locmem.LocMemCache'; "
        "o = override_settings(CACHES={'default': {'BACKEND': backend}}); o.enable(); "
        "print(*sorted(m.id for m in checks.run_checks() if m.is_serious()))"
    )

    result = run_python(production_env(tmp_path), "-c", run_checks)

    assert result.returncode == 0, result.stderr
    assert "django_ratelimit.E003" in result.stdout.split()


def test_production_database_cache_counts_across_processes_once_its_table_is_made(tmp_path):
    env = production_env(tmp_path)
    # The cache needs its own table only: migrating the whole schema first took a minute.
    made = run_python(env, "manage.py", "createcachetable", "--verbosity", "0")
    assert made.returncode == 0, made.stdout + made.stderr
    count = (
        f"{SETUP}; from django.core.cache import cache; "
        "cache.add('attempts', 0, 60); print(cache.incr('attempts'))"
    )

    counts = [run_python(env, "-c", count) for _ in range(3)]

    assert [c.stdout.strip() for c in counts] == ["1", "2", "3"], [c.stderr for c in counts]


PASSWORD_LINE = re.compile(r"^\s*Password:\s*(\S+)\s*$", re.MULTILINE)


def ensure_demo_admin(*args):
    out = StringIO()
    call_command("ensure_demo_admin", *args, stdout=out)
    output = out.getvalue()
    match = PASSWORD_LINE.search(output)
    assert match, output
    return output, match.group(1)


@pytest.mark.django_db
def test_ensure_demo_admin_creates_a_superuser_who_can_sign_in(settings, client):
    settings.DEBUG = True

    output, password = ensure_demo_admin()

    assert "http://127.0.0.1:8000/admin/" in output
    assert re.search(r"Username:\s*admin\b", output)
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.is_staff and user.is_active
    assert user.email == "admin@example.invalid"
    assert client.login(username="admin", password=password)


@pytest.mark.django_db
def test_ensure_demo_admin_changes_the_password_every_run(settings):
    settings.DEBUG = True
    _, first = ensure_demo_admin()

    _, second = ensure_demo_admin()

    assert second != first
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert authenticate(username="admin", password=first) is None
    assert authenticate(username="admin", password=second) is not None


@pytest.mark.django_db
def test_ensure_demo_admin_refuses_without_debug_unless_forced(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="local demo"):
        call_command("ensure_demo_admin", stdout=StringIO())
    assert not get_user_model().objects.filter(username="admin").exists()

    _, password = ensure_demo_admin("--force")
    assert authenticate(username="admin", password=password) is not None
