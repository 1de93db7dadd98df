"""core.forms: any form on the site renders the GOV.UK way, and its errors link to fields."""

from bs4 import BeautifulSoup
from django import forms
from django.template import Context, Template

import core.forms


class ExampleForm(core.forms.Form):
    name = forms.CharField(label="Your name", help_text="As you like to be called")
    colour = forms.ChoiceField(
        label="Favourite colour",
        choices=[("red", "Red"), ("blue", "Blue")],
        widget=forms.RadioSelect,
    )
    extras = forms.MultipleChoiceField(
        label="Extras",
        choices=[("a", "A"), ("b", "B")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    agree = forms.BooleanField(label="I agree", help_text="You must agree")
    secret = forms.CharField(widget=forms.HiddenInput, required=False)


def render(form):
    html = Template('{% include "includes/error_summary.html" with form=form %}{{ form }}').render(
        Context({"form": form})
    )
    return BeautifulSoup(html, "lxml")


def test_fields_have_labels_hints_and_no_errors_when_unbound():
    page = render(ExampleForm())

    name = page.select_one("#id_name")
    assert page.find("label", attrs={"for": "id_name"}).get_text(strip=True) == "Your name"
    assert name["aria-describedby"] == "id_name-hint"
    assert page.select_one("#id_name-hint").get_text() == "As you like to be called"
    assert "aria-invalid" not in name.attrs
    assert name["class"] == ["input"]
    legends = [legend.get_text(strip=True) for legend in page.select("fieldset > legend")]
    assert legends == ["Favourite colour", "Extras (optional)"]
    assert page.find("label", attrs={"for": "id_colour_1"}).get_text() == "Blue"
    agree = page.select_one("#id_agree")
    assert agree["aria-describedby"] == "id_agree-hint"
    assert page.select_one("input[type=hidden][name=secret]")


def test_errors_are_tied_to_their_fields_and_linked_from_the_summary():
    form = ExampleForm(data={"name": "Jo", "colour": "green"})
    page = render(form)

    links = [(a.get_text(), a["href"]) for a in page.select(".error-summary a")]
    assert links == [
        ("Select a valid choice. green is not one of the available choices.", "#id_colour_0"),
        ("This field is required.", "#id_agree"),
    ]
    colour = page.select_one("#id_colour_0").find_parent("fieldset")
    assert colour["aria-describedby"] == "id_colour-error"
    error = page.select_one("#id_colour-error").get_text(" ", strip=True)
    assert error.startswith("Error: Select a valid choice.")
    agree = page.select_one("#id_agree")
    assert agree["aria-invalid"] == "true"
    assert agree["aria-describedby"] == "id_agree-hint id_agree-error"
    # Input is kept.
    assert page.select_one("#id_name")["value"] == "Jo"


def test_the_mixin_works_on_forms_from_elsewhere():
    class Elsewhere(core.forms.FormMixin, forms.Form):
        email = forms.EmailField(widget=forms.EmailInput(attrs={"placeholder": "you@"}))

    page = render(Elsewhere(data={"email": "nope"}))
    email = page.select_one("#id_email")
    assert "placeholder" not in email.attrs
    assert email["class"] == ["input", "input--error"]
    assert page.select_one(".form-group--error")
