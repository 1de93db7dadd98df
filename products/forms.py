from django.core.exceptions import ValidationError
from taggit.utils import parse_tags
from wagtail.admin.forms import WagtailAdminPageForm


class ProductPageForm(WagtailAdminPageForm):
    """Refuses vocabulary terms that do not exist, instead of dropping them quietly."""

    def _clean_vocabulary(self, field_name):
        chosen = self.cleaned_data.get(field_name) or []
        typed = parse_tags(self.data.get(self.add_prefix(field_name), ""))
        known = {name.lower() for name in chosen}
        unknown = [name for name in typed if name.lower() not in known]
        if unknown:
            label = self.fields[field_name].label.lower()
            raise ValidationError(
                f"Choose {label} from the list. Not in the list: {', '.join(unknown)}. "
                "Editors can add terms under Taxonomies."
            )
        return chosen

    def clean_needs(self):
        return self._clean_vocabulary("needs")

    def clean_conditions(self):
        return self._clean_vocabulary("conditions")
