from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from taxonomy.models import Condition, IsoCategory, Need


class NeedViewSet(SnippetViewSet):
    model = Need
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ConditionViewSet(SnippetViewSet):
    model = Condition
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class IsoCategoryViewSet(SnippetViewSet):
    model = IsoCategory
    icon = "folder-open-inverse"
    list_display = ["code", "title"]
    list_filter = ["level"]
    search_fields = ["code", "title"]
    ordering = ["code"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Taxonomies"
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (NeedViewSet, ConditionViewSet, IsoCategoryViewSet)


register_snippet(TaxonomyGroup)
