from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks

from search import admin_views, picks_admin

admin_urls = [
    path("", admin_views.SearchLogView.as_view(), name="index"),
    path("results/", admin_views.SearchLogView.as_view(results_only=True), name="results"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("reports/search-log/", include((admin_urls, "search_log")))]


@hooks.register("register_admin_urls", order=-1)
def register_pick_urls():
    # At Wagtail's own addresses for adding and editing picks, and ahead of its, so every
    # link there (its index, our search log) reaches the views that keep picks to products.
    return [
        path("searchpicks/add/", picks_admin.PickCreateView.as_view(), name="search_pick_add"),
        path(
            "searchpicks/<int:query_id>/",
            picks_admin.PickEditView.as_view(),
            name="search_pick_edit",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_search_log_menu_item():
    return admin_views.SearchLogMenuItem(
        "Search log",
        reverse("search_log:index"),
        name="search-log",
        icon_name="search",
        order=1400,
    )


@hooks.register("register_permissions")
def register_permissions():
    # So the permission can be given to other groups under Settings › Groups.
    return Permission.objects.filter(content_type__app_label="search", codename="view_searchlog")
