"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Each test gets `transactional_db` (the live server runs in another thread, so it must see
committed data) with serialized rollback, so the taxonomies and the page tree that the
migrations create come back for every test after the flush.
"""

import os
from pathlib import Path

import pytest

from tests.catalogue import build_catalogue
from tests.environment import require

# Playwright's sync API runs an event loop in the test thread; without this the ORM refuses
# to run there. Django reads it on every call, so setting it here, on import, is early enough.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium keeps trying to reach Google over the closed network.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, tmp_path_factory):
    """Launch Debian's Chromium (Playwright cannot download its own here)."""
    require(
        CHROMIUM.exists(),
        f"{CHROMIUM} is missing, so the browser tests cannot run. "
        "Install it with: apt-get install chromium",
    )
    # The browser's profile, caches and crash reports go to a temporary folder, not $HOME.
    xdg = tmp_path_factory.mktemp("chromium-xdg")
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(xdg / "config"),
        "XDG_CACHE_HOME": str(xdg / "cache"),
        "XDG_DATA_HOME": str(xdg / "data"),
    }
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
        "env": env,
    }


@pytest.fixture(scope="session", autouse=True)
def _serialized_rollback_survives_playwright(django_db_setup):
    """Let serialized rollback find the migrated data whichever connection object it gets.

    When Django creates the test database it keeps a copy of the migrated data (taxonomies,
    the page tree) on that connection object, to restore after each flush. But once
    Playwright's sync API runs its event loop in this thread, Django keeps connections per
    async context rather than per thread, so later tests get a new connection object
    without the copy, and serialized rollback silently restores nothing: every browser test
    after the first then finds an empty database. Putting the copy on the connection class
    makes every connection object see it.
    """
    from django.db import DEFAULT_DB_ALIAS, connections

    connection = connections[DEFAULT_DB_ALIAS]
    contents = connection.__dict__.get("_test_serialized_contents")
    wrapper_class = type(connection)
    if contents is None or "_test_serialized_contents" in wrapper_class.__dict__:
        yield
        return
    wrapper_class._test_serialized_contents = contents
    yield
    del wrapper_class._test_serialized_contents


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    """Every page.goto("/path/") goes to the live server, as a British English reader."""
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "locale": "en-GB",
        "viewport": {"width": 1280, "height": 900},
    }


@pytest.fixture(autouse=True)
def _site_address_is_the_live_server(settings, live_server):
    """Links in emails point at settings.WAGTAILADMIN_BASE_URL, which here is the live server."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url


@pytest.fixture
def catalogue(live_server):
    """One fully described product and 29 others: enough for a second page of results."""
    return build_catalogue()


@pytest.fixture
def small_catalogue(live_server):
    """Just the fully described product, for tests that need a product but no paging."""
    return build_catalogue(others=0)


EDITOR_USERNAME = "editor"
EDITOR_PASSWORD = "a long passphrase for the test editor"  # noqa: S105 (test-only account)


@pytest.fixture
def editor(live_server):
    """An editor who also moderates, as on a small site: in Wagtail's Editors group, so able
    to publish, and in Moderators, so able to work through the queues."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(
        EDITOR_USERNAME, "editor@example.invalid", EDITOR_PASSWORD, first_name="Eda"
    )
    user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    return user


@pytest.fixture
def admin_page(page, editor):
    """A browser page signed in to the Wagtail admin through its login form."""
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(EDITOR_USERNAME)
    page.locator("input[name=password]").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    return page
