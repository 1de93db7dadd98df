from django.urls import path

from search import browse

# The browse pages keep the names and addresses they had in the taxonomy app.
app_name = "taxonomy"

urlpatterns = [
    path("categories/", browse.category_index, name="category_index"),
    path("categories/<slug:slug>/", browse.category_detail, name="category"),
    path("needs/", browse.need_index, name="need_index"),
    path("needs/<slug:slug>/", browse.need_detail, name="need"),
    path("conditions/", browse.condition_index, name="condition_index"),
    path("conditions/<slug:slug>/", browse.condition_detail, name="condition"),
]
