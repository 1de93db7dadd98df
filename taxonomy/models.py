import re

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils.text import slugify
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel, TitleFieldPanel
from wagtail.search import index

ISO_CODE = re.compile(r"[0-9]{2}( [0-9]{2}){0,2}")
CODE_FORMAT_MESSAGE = (
    "Enter the code as 2, 4 or 6 digits in pairs separated by spaces, like 15, 15 09 or 15 09 13."
)


def code_and_ancestors(code):
    """An ISO 9999 code's ancestors from the top class down, then the code itself."""
    parts = code.split()
    return [" ".join(parts[:i]) for i in range(1, len(parts) + 1)]


def parent_code(code):
    """The code of the class or subclass a code sits in: itself without its last pair."""
    return " ".join(code.split()[:-1])


def normalise_code(code):
    """A code as people type it ("150913", "15-09-13", "15  09 13") written as ISO does.

    Anything that is not 2, 4 or 6 digits once spaces, hyphens and full stops are taken
    out is left alone, for `IsoCategory.clean()` to refuse.
    """
    code = (code or "").strip()
    digits = re.sub(r"[\s.-]", "", code)
    if digits.isascii() and digits.isdigit() and len(digits) in (2, 4, 6):
        return " ".join(digits[i : i + 2] for i in range(0, len(digits), 2))
    return code


class ParentPanel(FieldPanel):
    """The category's parent, shown and never edited: it follows from the code."""

    def __init__(self, field_name="parent", **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("disable_comments", True)
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        return value or "None: this is a top-level class"

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            # A new category has no parent until it is saved with its code.
            return bool(self.instance and self.instance.pk) and super().is_shown()


class IsoCategory(index.Indexed, models.Model):
    """A class, subclass or division of ISO 9999:2022, the standard taxonomy of AT.

    Codes are two digits per level, written with spaces ("15 09 13"), so a node's
    descendants are exactly the codes that start with its own code and a space.

    The code is the one thing editors set about a category's place in the tree. Its
    level, slug and parent follow from it on every save: the parent is the category whose
    code is this one without its last pair. `parent` is stored all the same, for the
    tree view and `children`, and no form offers it.
    """

    code = models.CharField(
        max_length=8,
        unique=True,
        help_text="2, 4 or 6 digits in pairs, like 15 09 13. The category goes under the one "
        "whose code it starts with, here 15 09. A category with sub-categories keeps its code.",
        error_messages={"unique": "There is already a category with this code."},
    )
    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=8, unique=True, editable=False, help_text="The code with hyphens."
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="Follows from the code.",
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
        ParentPanel(),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = "ISO 9999 category"
        verbose_name_plural = "ISO 9999 categories"
        # What the database can check within one row. That the parent is the category
        # whose code is this one without its last pair needs a second row, which a CHECK
        # cannot read: save() sets the parent from the code and clean() refuses a code
        # whose parent is missing, or a new code that would strand sub-categories.
        constraints = [
            models.CheckConstraint(
                condition=Q(level=1, parent__isnull=True)
                | Q(level__in=[2, 3], parent__isnull=False),
                name="taxonomy_isocategory_only_top_classes_have_no_parent",
            ),
            models.CheckConstraint(
                condition=Q(level__in=[1, 2, 3]) & Exact(Length("code"), F("level") * 3 - 1),
                name="taxonomy_isocategory_level_follows_code",
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def save(self, *args, **kwargs):
        self._set_level_and_slug()
        self.parent = self._parent_from_code()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "code" in update_fields:
            kwargs["update_fields"] = {*update_fields, "level", "slug", "parent"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("taxonomy:category", args=[self.slug])

    def clean_fields(self, exclude=None):
        # What follows from the code is worked out first, so that a category not yet
        # saved has a level and slug for Django to check.
        self.code = normalise_code(self.code)
        self._set_level_and_slug()
        super().clean_fields(exclude)

    def clean(self):
        super().clean()
        if not self.code:
            return  # the field's own check says it is needed
        if not ISO_CODE.fullmatch(self.code):
            raise ValidationError({"code": ValidationError(CODE_FORMAT_MESSAGE, code="format")})
        errors = []
        parent = parent_code(self.code)
        if parent and not IsoCategory.objects.filter(code=parent).exists():
            message = f"Add category {parent} first: {self.code} goes under it."
            errors.append(ValidationError(message, code="no_parent"))
        # Products are filed against the category itself, so they move with a new code.
        # Sub-categories are not: their codes would still start with the old one, and
        # renumbering a branch is a job for a migration, not for one form.
        stored_code = self._stored_code()
        if stored_code is not None and stored_code != self.code:
            below = self.sub_category_codes(stored_code)
            if below:
                listed = ", ".join(below[:3]) + (" and others" if len(below) > 3 else "")
                message = (
                    f"You cannot change the code of {stored_code} while it has sub-categories "
                    f"({listed}). Give them new codes first, or keep {stored_code}."
                )
                errors.append(ValidationError(message, code="has_sub_categories"))
        if errors:
            raise ValidationError({"code": errors})

    def ancestors(self):
        """This node's ancestors from the top class down, in one query."""
        codes = code_and_ancestors(self.code)[:-1]
        return list(IsoCategory.objects.filter(code__in=codes).order_by("code"))

    @staticmethod
    def sub_category_codes(code):
        """The codes below a code, read from the codes themselves."""
        below = IsoCategory.objects.filter(code__startswith=code + " ")
        return list(below.order_by("code").values_list("code", flat=True))

    def _set_level_and_slug(self):
        self.level = len(self.code.split())
        self.slug = self.code.replace(" ", "-")

    def _parent_from_code(self):
        code = parent_code(self.code)
        if not code:
            return None
        try:
            return IsoCategory.objects.get(code=code)
        except IsoCategory.DoesNotExist:
            raise IsoCategory.DoesNotExist(
                f"ISO 9999 category {code} does not exist: add it before {self.code}."
            ) from None

    def _stored_code(self):
        if self.pk is None:
            return None
        stored = IsoCategory.objects.filter(pk=self.pk).values_list("code", flat=True)
        return stored.first()


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
