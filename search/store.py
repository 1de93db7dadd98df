"""The database implementation's index: each product's search document, in tables.

The analysed words of every searched field are stored as text, each word between spaces and
each value between " | " marks, so a word is found whole with one LIKE. Facet values are
rows, so counts are GROUP BYs.
"""

from django.db import models

from search.text import analyse

SEPARATOR = " | "


def words(values):
    """Analysed words of a field's values, as stored: ' | a b | c |'."""
    if values is None:
        values = []
    elif isinstance(values, str):
        values = [values]
    parts = [" ".join(analyse(value)) for value in values]
    return SEPARATOR + SEPARATOR.join(part for part in parts if part) + SEPARATOR


class SearchDocument(models.Model):
    product = models.OneToOneField(
        "products.ProductPage", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    document = models.JSONField()
    # The analysed words of each searched field, and of all of them together.
    text = models.TextField()
    name = models.TextField()
    summary = models.TextField()
    body = models.TextField()
    manufacturer = models.TextField()
    categories = models.TextField()
    needs_text = models.TextField()
    conditions_text = models.TextField()
    contributions = models.TextField()
    # What the range facets and sorts read; the name as its keyword sub-field sorts it.
    name_sort = models.CharField(max_length=255)
    price_low = models.FloatField(null=True)
    rating = models.FloatField(null=True)
    review_count = models.PositiveIntegerField(default=0)
    first_published_at = models.DateTimeField(null=True)
    last_changed_at = models.DateTimeField(null=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        default_permissions = ()  # written by indexing only, never edited by people
        indexes = [
            models.Index(fields=["rating"]),
            models.Index(fields=["review_count"]),
            models.Index(fields=["price_low"]),
            models.Index(fields=["first_published_at"]),
            models.Index(fields=["name_sort"]),
        ]

    def __str__(self):
        return self.document.get("name", str(self.pk))


class SearchFacetValue(models.Model):
    """One value of one of a document's facet fields, such as needs = "gripping"."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="facet_values"
    )
    field = models.CharField(max_length=30)
    value = models.CharField(max_length=100)

    class Meta:
        default_permissions = ()
        indexes = [models.Index(fields=["field", "value", "document"])]
        constraints = [
            models.UniqueConstraint(fields=["document", "field", "value"], name="one_value_once")
        ]

    def __str__(self):
        return f"{self.field} = {self.value}"
