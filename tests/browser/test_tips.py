"""Adaptation tips in a real browser: axe on every tip page, and hostile text kept inert."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_reviews import sign_in, violations
from tests.browser.test_user_text import WATCH, injected, squash
from tests.factories import make_member, make_product, make_review, make_tip
from tests.xss_payloads import PAYLOADS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TIP_TEXT = {
    "title": "Foam tubing makes cutlery easier to grip",
    "problem": "The handles are too thin to hold when my fingers are stiff.",
    "steps": [
        {"text": "Measure the handle and cut the tubing 1 cm longer."},
        {"text": "Twist the handle into the tubing until it sits flush."},
    ],
    "tools": "Foam tubing with a 1.5 cm hole\nScissors",
    "safety_note": "Use round-ended scissors if your grip is weak.",
}


def test_tip_pages_have_no_axe_violations(page, context, live_server):
    product = make_product("Stainless steel cutlery set")
    make_review(product, make_member("Reviewer", conditions=["Stroke"], show_conditions=True))
    original = make_tip(product, make_member("Tipster", role="family_carer"), **TIP_TEXT)
    make_tip(product, title="A longer tube for larger hands", based_on=original)
    writer = make_member("Writer")
    pending = make_tip(product, writer, approved=False, title="My tip, waiting")
    sign_in(context, writer, live_server)

    problems = {}
    for name, url in [
        ("product with reviews and tips", product.url),
        ("a product's tips", f"/products/{product.pk}/tips/"),
        ("a tip, with lineage and feedback buttons", original.get_absolute_url()),
        ("the author's own tip, waiting", pending.get_absolute_url()),
        ("photos for a tip", pending.get_photos_url()),
        ("report a tip", f"/tips/{original.pk}/report/"),
        ("a new tip based on another", f"/products/{product.pk}/tips/new/?based_on={original.pk}"),
        ("tip form", f"/products/{product.pk}/tips/new/"),
    ]:
        response = page.goto(url)
        assert response.status == 200, name
        problems[name] = violations(page)

    page.get_by_label("Step 1").fill("Cut the tubing.")
    page.get_by_role("button", name="Add another step").click()
    expect(page.get_by_label("Step 4")).to_be_visible()
    expect(page.get_by_label("Step 1")).to_have_value("Cut the tubing.")
    problems["tip form with a step added"] = violations(page)

    page.get_by_role("button", name="Send your tip", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("There is a problem")
    expect(page.get_by_label("Step 1")).to_have_value("Cut the tubing.")
    problems["tip form with errors"] = violations(page)

    found = {name: found for name, found in problems.items() if found}
    assert not found, "\n".join(f"{name}:\n" + "\n".join(v) for name, v in found.items())


def test_hostile_text_is_inert_on_tip_pages_and_in_the_tip_form(page, context, live_server):
    """Every payload in every text field of a tip, and as the author's name."""
    context.add_init_script(WATCH)
    product = make_product("Tap turner")
    problems = []
    for number, payload in enumerate(PAYLOADS):
        author = make_member(display_name=payload[:60])
        text = {
            "title": payload[:120],
            "problem": f"Problem {payload}",
            "steps": [{"text": f"First {payload}"}, {"text": f"Second {payload}"}],
            "tools": f"Tools {payload}",
            "safety_note": f"Safety {payload}",
        }
        tip = make_tip(product, author, **text)

        page.goto(tip.get_absolute_url())
        shown = squash(page.locator("main").inner_text())
        steps = [step["text"] for step in text["steps"]]
        parts = [text["title"], payload[:60], text["problem"], text["tools"], text["safety_note"]]
        for part in parts + steps:
            if squash(part) not in shown:
                problems.append(f"{number}: {part!r} is not shown as written on the tip")
        if (result := injected(page)) != {"pwned": False, "marked": 0, "violations": []}:
            problems.append(f"{number}: tip page {result}")

        sign_in(context, author, live_server)
        page.goto(tip.get_edit_url())
        for box, value in [
            ("#id_title", text["title"]),
            ("#id_problem", text["problem"]),
            ("#id_step_2", text["steps"][1]["text"]),
            ("#id_safety_note", text["safety_note"]),
        ]:
            if page.locator(box).input_value() != value:
                problems.append(f"{number}: {box} does not hold the text as written")
        if (result := injected(page)) != {"pwned": False, "marked": 0, "violations": []}:
            problems.append(f"{number}: tip form {result}")
        context.clear_cookies()

    page.goto(f"/products/{product.pk}/tips/?page=2")
    if (result := injected(page)) != {"pwned": False, "marked": 0, "violations": []}:
        problems.append(f"list of tips {result}")
    assert not problems, "\n".join(problems)
    assert len(PAYLOADS) >= 30
