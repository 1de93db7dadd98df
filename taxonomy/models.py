from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel, TitleFieldPanel
from wagtail.search import index


def code_and_ancestors(code):
    """An ISO 9999 code's ancestors from the top class down, then the code itself."""
    parts = code.split()
    return [" ".join(parts[:i]) for i in range(1, len(parts) + 1)]


class IsoCategory(index.Indexed, models.Model):
    """A class, subclass or division of ISO 9999:2022, the standard taxonomy of AT.

    Codes are two digits per level, written with spaces ("15 09 13"), so a node's
    descendants are exactly the codes that start with its own code and a space.
    """

    code = models.CharField(max_length=8, unique=True)
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=8, unique=True, help_text="The code with hyphens.")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    level = models.PositiveSmallIntegerField(editable=False)
    description = models.TextField(blank=True)

    search_fields = [
        index.SearchField("code"),
        index.SearchField("title"),
        index.AutocompleteField("title"),
    ]
    panels = [
        FieldPanel("code"),
        FieldPanel("title"),
        FieldPanel("parent"),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = "ISO 9999 category"
        verbose_name_plural = "ISO 9999 categories"

    def __str__(self):
        return f"{self.code} {self.title}"

    def save(self, *args, **kwargs):
        self.level = len(self.code.split())
        self.slug = self.code.replace(" ", "-")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("taxonomy:category", args=[self.slug])

    @property
    def descendant_prefix(self):
        return self.code + " "

    def ancestors(self):
        """This node's ancestors from the top class down, in one query."""
        codes = code_and_ancestors(self.code)[:-1]
        return list(IsoCategory.objects.filter(code__in=codes).order_by("code"))


class NewTermNamePanel(TitleFieldPanel):
    """The name, filling in the slug as it is typed while the term is new.

    A saved term keeps its slug when renamed: it is the address of its browse page.
    """

    class BoundPanel(TitleFieldPanel.BoundPanel):
        def get_should_apply(self):
            return not (self.instance and self.instance.pk)


class VocabularyTerm(TagBase):
    """A term of a controlled vocabulary: editors pick terms, nobody types new ones.

    Names may hold any character. Slugs are ASCII, because they are the term's address
    and Django's slug converter matches nothing else.
    """

    free_tagging = False
    slug = models.SlugField(
        unique=True,
        max_length=100,
        blank=True,
        help_text="The end of the term's web address. Leave blank to make one from the name.",
    )
    description = models.TextField(blank=True, help_text="One sentence shown on the browse page.")

    panels = [
        NewTermNamePanel("name", placeholder=False),
        FieldPanel("slug"),
        FieldPanel("description"),
    ]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # Taggit looks terms up without regard to case, so "Dressing" and "dressing"
        # would be one term to it and two to the database.
        same_name = type(self)._default_manager.filter(name__iexact=self.name)
        if self.name and same_name.exclude(pk=self.pk).exists():
            label = self._meta.verbose_name
            raise ValidationError({"name": f"There is already a {label} called “{self.name}”."})

    def slugify(self, tag, i=None):
        slug = slugify(anyascii(tag)) or self._meta.model_name
        return slug if i is None else f"{slug}-{i}"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._free_slug()
        super().save(*args, **kwargs)

    def _free_slug(self):
        taken = set(
            type(self)
            ._default_manager.filter(slug__startswith=self.slugify(self.name))
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, i = self.slugify(self.name), 1
        while slug in taken:
            i += 1
            slug = self.slugify(self.name, i)
        return slug


class Need(VocabularyTerm):
    """An activity of daily living that a product helps with, such as dressing."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = "need"

    def get_absolute_url(self):
        return reverse("taxonomy:need", args=[self.slug])


class Condition(VocabularyTerm):
    """A health condition or impairment people filter products by."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = "condition"

    def get_absolute_url(self):
        return reverse("taxonomy:condition", args=[self.slug])
