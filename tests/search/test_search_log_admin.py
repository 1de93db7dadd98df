"""Editors read the search log in the Wagtail admin's Reports menu, through the pages it renders."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from search.everyday import Term
from search.log import PURGE_DUE_KEY, record_search
from search.models import SearchLog
from tests.factories import make_member
from tests.html import soup
from tests.rendered_forms import RenderedForm

pytestmark = pytest.mark.django_db

REPORT = "search_log:index"
HOME = "wagtailadmin_home"


@pytest.fixture(autouse=True)
def _purge_not_due():
    cache.set(PURGE_DUE_KEY, True)


def staff(django_user_model, group):
    user = django_user_model.objects.create_user(group.lower(), f"{group}@example.invalid", "pw")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(client, django_user_model):
    user = staff(django_user_model, "Editors")
    client.force_login(user)
    return user


def logged(
    query, filters=None, *, results=3, days_ago=0, minutes_ago=1, kind="search", backend="database"
):
    entry = record_search(query, filters or {}, results, 25, backend, kind)
    SearchLog.objects.filter(pk=entry.pk).update(
        searched_at=timezone.now() - timedelta(days=days_ago, minutes=minutes_ago)
    )
    return entry


def rows(response):
    """The log table's rows, each as its cells' text."""
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in soup(response).select("table.listing:not(.search-log-summary) tbody tr")
    ]


def summary(response, section_id):
    section = soup(response).find("section", id=section_id)
    assert section is not None, section_id
    return [
        tuple(cell.get_text(strip=True) for cell in row.find_all("td")[:2])
        for row in section.select("tbody tr")
    ]


def filter_form(response):
    """The report's filter form, read as RenderedForm reads any form. Wagtail renders it
    with neither an id nor POST, which RenderedForm looks for, so it is found by its role;
    like the admin's script, sending it fetches the listing's results."""
    form = soup(response).find("form", role="search")
    assert form is not None, "no filter form"
    rendered = RenderedForm.__new__(RenderedForm)
    rendered.form, rendered.action, rendered.data = form, form["action"], {}
    rendered._read_fields(form)
    return rendered


def test_editors_see_recent_searches_and_both_summaries(client, editor):
    logged("hoist", {"need": ["lifting"], "sort": "newest"}, results=0, days_ago=1)
    logged("Hoist", results=0, backend="elasticsearch")
    logged("bath lift", results=4, minutes_ago=5)
    logged("bath lift", results=4, days_ago=2)
    logged("bath lift", results=5, days_ago=3)

    response = client.get(reverse(REPORT))

    assert response.status_code == HTTPStatus.OK
    assert rows(response)[0] == [
        "Hoist",
        "",
        "",
        "0",
        "Elasticsearch",
        "Full search",
        "25",
        rows(response)[0][-1],
    ]
    assert rows(response)[1][:5] == ["bath lift", "", "", "4", "Database"]
    assert ["hoist", "Need: lifting; sorted by newest", "", "0"] in [
        row[:4] for row in rows(response)
    ]
    assert len(rows(response)) == 5
    assert summary(response, "most-searched") == [("bath lift", "3"), ("hoist", "2")]
    assert summary(response, "nothing-found") == [("hoist", "2")]
    assert "in the last 90 days" in response.text


def test_each_search_says_what_its_everyday_words_named_and_if_it_relaxed(client, editor):
    record_search("can't do up buttons", {}, 2, 25, "database", "search", relaxed=True,
                  everyday_terms=[Term("need", "dressing"), Term("category", "04-19")])  # fmt: skip

    response = client.get(reverse(REPORT))

    assert rows(response)[0][:3] == [
        "can't do up buttons",
        "",
        "Need: Dressing; Category: 04 19 Administering medicines; matched some of the words",
    ]


def test_the_filters_narrow_the_log_and_the_summaries(client, editor):
    logged("stair lift", results=0, days_ago=10)
    logged("stair lift", results=2, days_ago=10)
    logged("kettle", results=1, days_ago=1)
    logged("kett", results=0, days_ago=1, kind="autocomplete")
    logged("tap turner", results=0, days_ago=1)
    page = client.get(reverse(REPORT))

    form = filter_form(page)
    form.choose("results", "No results only")
    response = client.get(form.action, form.data)
    assert sorted(row[0] for row in rows(response)) == ["kett", "stair lift", "tap turner"]

    form = filter_form(page)
    form.choose("kind", "Full search")
    since = timezone.localdate() - timedelta(days=2)
    form.set("searched_at_from", since.isoformat())
    response = client.get(form.action, form.data)
    assert sorted(row[0] for row in rows(response)) == ["kettle", "tap turner"]
    # The summaries cover the chosen period and kind too.
    assert sorted(summary(response, "most-searched")) == [("kettle", "1"), ("tap turner", "1")]
    assert summary(response, "nothing-found") == [("tap turner", "1")]
    assert f"since {date_format(since)}" in response.text

    # The page reached with the same query string shows the choices made.
    full = soup(client.get(reverse(REPORT), form.data))
    assert full.select_one("input[name=kind][value=search]").has_attr("checked")


def test_moderators_and_superusers_see_it_in_the_reports_menu(client, django_user_model):
    moderator = staff(django_user_model, "Moderators")
    root = django_user_model.objects.create_superuser("root", "root@example.invalid", "pw")
    for user in (moderator, root):
        client.force_login(user)
        assert reverse(REPORT) in client.get(reverse(HOME)).text  # Reports › Search log
        assert client.get(reverse(REPORT)).status_code == HTTPStatus.OK


def test_a_plain_member_is_refused(client):
    logged("commode")
    client.force_login(make_member("Reader"))

    response = client.get(reverse(REPORT))

    assert response.status_code == HTTPStatus.FOUND
    assert "commode" not in client.get(reverse(REPORT), follow=True).text


def test_staff_without_the_permission_are_refused(client, django_user_model):
    logged("commode")
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("clerk", "clerk@example.invalid", "pw")
    user.groups.add(group)
    client.force_login(user)

    assert reverse(REPORT) not in client.get(reverse(HOME)).text
    response = client.get(reverse(REPORT))
    assert (response.status_code, response["Location"]) == (HTTPStatus.FOUND, reverse(HOME))
    results = client.get(reverse("search_log:results"))
    assert results.status_code in {HTTPStatus.FOUND, HTTPStatus.FORBIDDEN}
    assert "commode" not in results.text


def test_nobody_adds_changes_or_deletes_logged_searches(client, django_user_model):
    entry = logged("commode")
    root = django_user_model.objects.create_superuser("root", "root@example.invalid", "pw")
    client.force_login(root)

    codenames = Permission.objects.filter(content_type__app_label="search").values_list(
        "codename", flat=True
    )
    assert list(codenames) == ["view_searchlog"]
    response = client.post(reverse(REPORT), {"query": "changed"})
    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    page = soup(client.get(reverse(REPORT)))
    assert not page.select("#listing-results a[href*='edit'], #listing-results a[href*='delete']")
    assert not page.select("#listing-results input[type=checkbox]")
    entry.refresh_from_db()
    assert entry.query == "commode"


def test_the_report_costs_the_same_queries_however_long_the_log(client, editor):
    def queries_for_report():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(REPORT))
        assert response.status_code == HTTPStatus.OK
        return len(queries)

    for i in range(2):
        logged(f"search {i}", results=i)
    client.get(reverse(REPORT))  # the admin's first request caches a few things
    few = queries_for_report()

    for i in range(60):
        logged(f"another search {i}", {"need": ["grip"]}, results=i % 3)
    many = queries_for_report()

    assert len(rows(client.get(reverse(REPORT)))) == 50  # a full page
    assert many == few


def test_filters_are_named_as_the_search_page_names_them(client, editor):
    client.get(
        "/search/?q=rail&need=washing-and-bathing&category=18-18&price=under_50"
        "&discontinued=include&sort=newest"
    )
    logged("hoist", {"need": ["a-need-since-deleted"]})

    shown = {row[0]: row[1] for row in rows(client.get(reverse(REPORT)))}

    assert shown["rail"] == (
        "Need: Washing and bathing; Category: 18 18 Handrails and grab bars; "
        "Price: Under £50; Discontinued products: included; sorted by newest"
    )
    assert shown["hoist"] == "Need: a-need-since-deleted"
