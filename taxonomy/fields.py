"""A product's needs and conditions: tags from a closed vocabulary, chosen from a list.

A free-tag widget writes every term into one comma-separated string and parses it back,
so a term whose name holds a comma or a quote comes back as a different term. The terms
here are a short closed list, so editors tick them instead and the form posts each term's
id: nothing about a name can change what is chosen.
"""

from django import forms
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.admin.forms.models import register_form_field_override


class VocabularyChoiceField(forms.ModelMultipleChoiceField):
    """Terms ticked in a checkbox list; an id that is not a term is refused by name."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, queryset, *, term_label, **kwargs):
        kwargs.setdefault(
            "error_messages",
            {
                "invalid_choice": (
                    f"Choose {term_label} from the list: %(value)s is not one of them. "
                    "Editors can add terms under Taxonomies."
                ),
                "invalid_pk_value": (
                    f"Choose {term_label} from the list: “%(pk)s” is not one of them."
                ),
            },
        )
        super().__init__(queryset, **kwargs)


class VocabularyField(ClusterTaggableManager):
    """A page's tags from a vocabulary that editors manage, such as needs or conditions."""

    def formfield(self, **kwargs):
        defaults = {
            "queryset": self.related_model.objects.order_by("name"),
            "term_label": self.verbose_name,
            "label": self.verbose_name.capitalize(),
            "help_text": self.help_text,
            "required": not self.blank,
        }
        defaults.update(kwargs)
        return VocabularyChoiceField(**defaults)


# Wagtail's admin gives every TaggableManager its free-tag field; this more specific entry
# leaves the choice to VocabularyField.formfield().
register_form_field_override(VocabularyField, override={})
