"""Forms that render the GOV.UK Design System way, for every form on the site.

Each field gets a label (a legend for a group of radios or checkboxes), its hint and its
error message, both tied to the control with `aria-describedby`, and `aria-invalid` when
it is wrong. The person's input is kept on error, as Django does. Pair a form with the
error summary at the top of the page:

    {% include "includes/error_summary.html" with form=form %}

Three ways to use it:

- subclass `Form` or `ModelForm` from here, then `{{ form }}` in a template renders every
  field, or `{{ form.name.as_field_group }}` one of them;
- mix `FormMixin` into a form class from elsewhere (as accounts/forms.py does with
  django-allauth's forms): `class LoginForm(FormMixin, allauth_forms.LoginForm)`;
- or pass `renderer=FormRenderer()` when making any form.

The templates are templates/forms/form.html and templates/forms/field.html.
"""

from django import forms
from django.forms.renderers import TemplatesSetting
from django.forms.widgets import Input

# Inputs people type into: these get the site's `.input` style.
TEXT_WIDGETS = (Input, forms.Textarea, forms.Select)


class BoundField(forms.BoundField):
    """A field that knows the ids of its hint and error message, and how it is drawn."""

    @property
    def hint_id(self):
        return f"{self.auto_id}-hint" if self.help_text and self.auto_id else ""

    @property
    def error_id(self):
        return f"{self.auto_id}-error" if self.errors and self.auto_id else ""

    @property
    def aria_describedby(self):
        """The hint, then the error: what a screen reader reads after the label."""
        if self.field.widget.attrs.get("aria-describedby"):
            return None
        return " ".join(filter(None, [self.hint_id, self.error_id]))

    @property
    def is_group(self):
        """Radios and checkbox lists: a fieldset whose legend is the question."""
        return isinstance(self.field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple))

    @property
    def is_radios(self):
        # CheckboxSelectMultiple is a RadioSelect to Django.
        widget = self.field.widget
        return isinstance(widget, forms.RadioSelect) and not self.is_checkboxes

    @property
    def is_checkboxes(self):
        return isinstance(self.field.widget, forms.CheckboxSelectMultiple)

    @property
    def is_checkbox(self):
        """A single tick box (a BooleanField): its label sits beside it."""
        return isinstance(self.field.widget, forms.CheckboxInput)

    @property
    def is_optional(self):
        """GOV.UK marks the optional questions, not the required ones.

        A field that is one of a set the form requires together sets `mark_optional = False`.
        """
        if not getattr(self.field, "mark_optional", True):
            return False
        return not self.field.required and not self.is_checkbox

    @property
    def id_for_label(self):
        # Django gives a group no id to point at; the error summary links to its first option.
        if self.is_group and self.auto_id:
            return f"{self.auto_id}_0"
        return super().id_for_label

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        classes = [attrs.get("class") or widget.attrs.get("class") or ""]
        if isinstance(widget, (forms.CheckboxInput, forms.CheckboxSelectMultiple)):
            classes.append("checkboxes__input")
        elif isinstance(widget, forms.RadioSelect):
            classes.append("radios__input")
        elif isinstance(widget, TEXT_WIDGETS) and not widget.is_hidden:
            classes.append("input")
            if self.errors:
                classes.append("input--error")
        attrs["class"] = " ".join(c for c in classes if c)
        if not attrs["class"]:
            del attrs["class"]
        return attrs


class FormRenderer(TemplatesSetting):
    """Renders forms and fields with templates/forms/, and binds fields as `BoundField`.

    TemplatesSetting reads templates through the project's TEMPLATES setting, so the
    templates/ folder wins and Django's widget templates come from "django.forms" in
    INSTALLED_APPS.
    """

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
    bound_field_class = BoundField


class FormMixin:
    """Mix into any form class to render it the GOV.UK way.

    Placeholders are removed: they vanish as people type, and are no substitute for a
    label or a hint.
    """

    default_renderer = FormRenderer

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)


class Form(FormMixin, forms.Form):
    pass


class ModelForm(FormMixin, forms.ModelForm):
    pass
