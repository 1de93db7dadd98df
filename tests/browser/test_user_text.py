"""Text that members write is shown as text, in a real browser, wherever it appears.

Every payload in tests/xss_payloads.py goes into every text field of a review (title,
review, reason for stopping) and into the reviewer's display name. The product page and
the reviewer's own edit form must show each one literally, run nothing, create no element
from it, and trip no Content Security Policy report (which would mean the escaping failed
and only the policy stopped it).
"""

import re

import pytest

from tests.factories import make_member, make_product, make_review
from tests.xss_payloads import PAYLOADS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


def sign_in(context, user, live_server):
    """The session cookie of a signed-in member: this test is about output, not logging in."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def injected(page):
    return page.evaluate(
        """() => ({
          pwned: window.__pwned !== undefined || window.parent.__pwned !== undefined,
          marked: document.querySelectorAll("[data-pwned]").length,
          violations: window.__violations,
        })"""
    )


def test_hostile_text_is_inert_on_product_pages_and_in_the_review_form(page, context, live_server):
    context.add_init_script(WATCH)
    problems = []
    for number, payload in enumerate(PAYLOADS):
        author = make_member(display_name=payload[:60])
        product = make_product(f"Product {number}")
        make_review(
            product,
            author,
            title=payload[:120],
            body=f"Before {payload} after",
            still_using=False,
            stopped_reason=payload,
        )

        page.goto(product.url)
        review = page.locator("article.review")
        shown = squash(review.inner_text())
        for part in (payload[:120], f"Before {payload} after", payload[:60]):
            if squash(part) not in shown:
                problems.append(f"{number}: {part!r} is not shown as written")
        if (result := injected(page)) != {"pwned": False, "marked": 0, "violations": []}:
            problems.append(f"{number}: product page {result}")

        sign_in(context, author, live_server)
        page.goto(f"/products/{product.pk}/review/")
        if page.locator("#id_title").input_value() != payload[:120]:
            problems.append(f"{number}: the title box does not hold the text as written")
        if page.locator("#id_body").input_value() != f"Before {payload} after":
            problems.append(f"{number}: the review box does not hold the text as written")
        if (result := injected(page)) != {"pwned": False, "marked": 0, "violations": []}:
            problems.append(f"{number}: review form {result}")
        context.clear_cookies()

    assert not problems, "\n".join(problems)
    assert len(PAYLOADS) >= 30
