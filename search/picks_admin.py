"""Wagtail's "Promoted search results" add and edit views, kept to products.

Wagtail's own form takes any page or an outside link; a pick here is a live product page,
chosen with a chooser that offers only product pages. search.wagtail_hooks puts these views
at Wagtail's own addresses, ahead of its, so every link to adding or editing a pick comes
here. The add view fills in the query from `?query_string=`, as the search log links to it.
"""

from django.forms.models import inlineformset_factory
from django.utils.functional import cached_property
from wagtail.admin.widgets import AdminPageChooser
from wagtail.contrib.search_promotions import views
from wagtail.contrib.search_promotions.forms import SearchPromotionForm, SearchPromotionsFormSet
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from products.models import ProductPage

NOT_A_PRODUCT = "Choose a product page: editors’ picks can only be products."
NOT_LIVE = "This product is not published. Publish it before picking it."
NO_LINKS = "Editors’ picks are products on this site: choose a product instead of a link."


class PickForm(SearchPromotionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].widget = AdminPageChooser(target_models=[ProductPage])

    def clean(self):
        cleaned_data = super().clean()
        if self["external_link_url"].value() or self["external_link_text"].value():
            self.add_error("external_link_url", NO_LINKS)
        page = cleaned_data.get("page")
        if page is not None:
            product = ProductPage.objects.filter(pk=page.pk).first()
            if product is None:
                self.add_error("page", NOT_A_PRODUCT)
            elif not product.live:
                self.add_error("page", NOT_LIVE)
        return cleaned_data


PickFormSet = inlineformset_factory(
    Query,
    SearchPromotion,
    form=PickForm,
    formset=SearchPromotionsFormSet,
    can_order=True,
    can_delete=True,
    extra=0,
)


class PickFormSetMixin:
    @cached_property
    def searchpicks_formset(self):
        data = self.request.POST if self.request.method == "POST" else None
        return PickFormSet(data, instance=self.object)


class PickCreateView(PickFormSetMixin, views.CreateView):
    def get_initial(self):
        initial = super().get_initial()
        if text := self.request.GET.get("query_string", "").strip():
            initial["query_string"] = text
        return initial


class PickEditView(PickFormSetMixin, views.EditView):
    pass
