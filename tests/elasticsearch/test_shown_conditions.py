"""On the real node: the conditions in a product's document follow what reviewers allow now."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from search.backends.elasticsearch import alias_name
from tests.elasticsearch.test_indexing import engine  # noqa: F401 - the fixture
from tests.factories import make_member, make_product, make_review
from tests.rendered_forms import RenderedForm

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


def indexed_conditions(es, product):
    return es.get(index=alias_name(), id=product.pk)["_source"]["reviewer_conditions"]


def test_unticking_show_takes_the_condition_out_of_the_node_s_document(
    engine,  # noqa: F811
    es,
    client,
    django_capture_on_commit_callbacks,
):
    product = make_product("Ceiling track hoist")
    member = make_member("Rosa", conditions=["Stroke"], show_conditions=True)
    make_review(product, member)
    call_command("search_index", "rebuild", verbosity=0)
    assert indexed_conditions(es, product) == ["stroke"]

    client.force_login(member)
    form = RenderedForm(client.get(reverse("accounts:profile")), "profile-form")
    form.untick("show_conditions", "Show my conditions with my reviews and tips")
    with django_capture_on_commit_callbacks(execute=True):
        form.submit(client)

    engine.refresh()
    assert indexed_conditions(es, product) == []
    assert engine.status().drifted == []
