"""Reflow at 320 CSS pixels (WCAG 1.4.10) on one page of every type, at its fullest.

The product page carries reviews rated on every quality and adaptation tips, since its
tables of ratings are the widest thing the site draws. Each failure names the elements that
stick out past the viewport's right edge, so a fix knows where to look.
"""

import pytest

from tests.browser.test_reviews import sign_in
from tests.factories import make_member, make_review, make_tip

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTH = 320

# The outermost visible elements whose box reaches past either edge of the viewport. An
# element inside one that clips or scrolls sideways is that container's business, and a
# visually hidden one (clipped to a pixel) shows nothing.
OVERFLOWING = """(width) => {
    const describe = (el) => {
        let name = el.tagName.toLowerCase();
        if (el.id) name += "#" + el.id;
        const classes = [...el.classList].slice(0, 2);
        if (classes.length) name += "." + classes.join(".");
        const text = (el.innerText || "").trim().replace(/\\s+/g, " ").slice(0, 40);
        return text ? `${name} "${text}"` : name;
    };
    const clippedBy = (el) => {
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
            const style = getComputedStyle(up);
            if (style.overflowX !== "visible" || style.clip !== "auto") return up;
        }
        return null;
    };
    const found = [];
    for (const el of document.body.querySelectorAll("*")) {
        const box = el.getBoundingClientRect();
        if (!box.width || !box.height || !el.checkVisibility()) continue;
        if (box.right <= width + 0.5 && box.left >= -0.5) continue;
        if (box.right <= 0) continue;  // moved wholly off to the left: a way of hiding
        if (clippedBy(el)) continue;
        const parent = el.parentElement.getBoundingClientRect();
        if (parent.right > width + 0.5 || parent.left < -0.5) continue;  // its parent is named
        found.push(`${describe(el)}: ${Math.round(box.left)} to ${Math.round(box.right)} px`);
    }
    return found;
}"""


@pytest.fixture
def reviewed(catalogue):
    """The catalogue's spoon with reviews rated on every quality, and tips on it."""
    spoon = catalogue.spoon
    everything = {
        "ease_of_use": 4,
        "comfort": 5,
        "reliability": 3,
        "looks": 2,
        "value_for_money": 4,
        "safety": 5,
    }
    for number, role in enumerate(["user", "family_carer", "professional", "paid_carer"]):
        author = make_member(
            f"Reviewer {number}", role=role, conditions=["Tremor"], show_conditions=True
        )
        make_review(spoon, author, rating=number + 2, title=f"Review {number}", **everything)
    tip = make_tip(spoon, make_member("Tipster", role="family_carer"))
    return catalogue, tip


def overflow(page, url):
    """What sticks out of a 320 px viewport on the page at `url`, in words; empty if nothing."""
    page.goto(url)
    problems = page.evaluate(OVERFLOWING, WIDTH)
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > WIDTH:
        problems.insert(0, f"the page is {width} px wide")
    return problems


def test_every_kind_of_page_reflows_at_320_pixels(page, context, live_server, reviewed):
    catalogue, tip = reviewed
    spoon = catalogue.spoon
    page.set_viewport_size({"width": WIDTH, "height": 640})
    signed_out = {
        "home": "/",
        "search with results": "/search/?q=cup",
        "search with none": "/search/?q=hovercraft",
        "need index": "/needs/",
        "need detail": "/needs/eating-and-drinking/",
        "condition index": "/conditions/",
        "condition detail": "/conditions/tremor/",
        "category index": "/categories/",
        "category detail": "/categories/15-09/",
        "product with reviews and tips": spoon.url,
        "product's reviews, filtered": f"{spoon.url}?role=family_carer#reviews",
        "product's tips": f"/products/{spoon.pk}/tips/",
        "a tip": tip.get_absolute_url(),
        "sign in": "/account/login/",
        "create an account": "/account/signup/",
        "page not found": "/needs/flying/",
    }
    signed_in = {
        "review form": f"/products/{spoon.pk}/review/",
        "tip form": f"/products/{spoon.pk}/tips/new/",
        "your account": "/account/",
        "your profile": "/account/profile/",
        "your contributions": "/account/contributions/",
        "delete your account": "/account/delete/",
    }
    problems = {name: overflow(page, url) for name, url in signed_out.items()}
    sign_in(context, make_member("Writer"), live_server)
    problems |= {name: overflow(page, url) for name, url in signed_in.items()}

    found = {name: lines for name, lines in problems.items() if lines}
    assert not found, f"pages wider than {WIDTH} px:\n" + "\n".join(
        f"{name}:\n  " + "\n  ".join(lines) for name, lines in found.items()
    )
