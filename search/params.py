"""What people send to search, read and checked by one form for the page and the API.

`SearchForm` turns query parameters into a search.types.Query, or into problems to explain:
every parameter is checked against what the site knows (search.facets, sorts, pages), so a
search never reaches an implementation with a value it cannot handle, and bad input gets a
clear 400 rather than an error. A parameter sent twice counts once: the last word, sort or
page, and each facet value once.
"""

import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError

from products.models import PRODUCTS_PER_PAGE
from search.faceted import MAX_PAGE, SORTS
from search.facets import FACETS, MAX_VALUES, Choices
from search.types import Query

MAX_QUERY_LENGTH = 200
# C0 and C1 control characters (NUL among them), which no one types into a search box.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass
class Problem:
    param: str
    message: str


def clean_text(text):
    return " ".join(CONTROL.sub(" ", text).split())


class Last(forms.Field):
    """The last value sent (None when there is none), checked by `read`."""

    widget = forms.HiddenInput

    def __init__(self, read, **kwargs):
        super().__init__(required=False, **kwargs)
        self.read = read

    def clean(self, value):
        return self.read(value)


class FacetField(forms.Field):
    """Every value sent for a facet, each once, as the index holds them."""

    widget = forms.MultipleHiddenInput

    def __init__(self, facet, choices, **kwargs):
        super().__init__(required=False, **kwargs)
        self.facet, self.choices = facet, choices

    def clean(self, value):
        sent = [text for text in dict.fromkeys(clean_text(v) for v in value or []) if text]
        if len(sent) > MAX_VALUES:
            legend = self.facet.legend.lower()
            raise ValidationError(f"Choose {MAX_VALUES} {legend} options or fewer")
        return self.facet.read(sent, self.choices) if sent else []


def read_words(value):
    text = clean_text(value or "")
    if len(text) > MAX_QUERY_LENGTH:
        raise ValidationError(f"Enter a search of {MAX_QUERY_LENGTH} characters or fewer.")
    return text


def read_sort(value):
    if value is not None and value not in SORTS:
        raise ValidationError("Choose a sort order from the list")
    return value


def read_page(value):
    if value is None:
        return 1
    try:
        page = int(value)
    except ValueError:
        raise ValidationError("The page must be a whole number") from None
    if not 1 <= page <= MAX_PAGE:
        raise ValidationError(f"Choose a page from 1 to {MAX_PAGE}")
    return page


class WordsForm(forms.Form):
    """The words alone, as autocomplete reads them."""

    q = Last(read_words)

    @property
    def typed(self):
        """What was typed, kept whole in the box even when it is too long to search for."""
        return clean_text((self.data.getlist("q") or [""])[-1])

    @property
    def problems(self):
        return [Problem(param, str(message))
                for param, messages in self.errors.items() for message in messages]  # fmt: skip

    def cleaned(self):
        """What could be read, whatever problems there were; the form is cleaned once."""
        self.is_valid()
        return self.cleaned_data

    @property
    def text(self):
        return self.cleaned().get("q", self.typed[:MAX_QUERY_LENGTH])


class SearchForm(WordsForm):
    """The words, each facet's values, the sort and the page."""

    sort = Last(read_sort)
    page = Last(read_page)

    def __init__(self, data, choices=None, **kwargs):
        super().__init__(data, **kwargs)
        self.choices = choices or Choices.load()
        facets = {facet.param: FacetField(facet, self.choices) for facet in FACETS}
        # In the page's order: words, facets, sort, page; problems are listed so.
        self.fields = {"q": self.fields["q"], **facets, **self.fields}

    def clean(self):
        cleaned = super().clean()
        if "sort" not in self.errors and cleaned.get("sort") is None:
            # Without words there is no best match: products come by name.
            cleaned["sort"] = "relevance" if cleaned.get("q") else "name"
        return cleaned

    @property
    def query(self):
        cleaned = self.cleaned()
        filters = {facet.name: cleaned[facet.param] for facet in FACETS if cleaned.get(facet.param)}
        return Query(
            text=self.text,
            filters=filters,
            sort=cleaned.get("sort") or "relevance",
            page=cleaned.get("page", 1),
            per_page=PRODUCTS_PER_PAGE,
        )
