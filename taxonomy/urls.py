from django.urls import path

from taxonomy import views

app_name = "taxonomy"

urlpatterns = [
    path("categories/", views.category_index, name="category_index"),
    path("categories/<slug:slug>/", views.category_detail, name="category"),
    path("needs/", views.need_index, name="need_index"),
    path("needs/<slug:slug>/", views.need_detail, name="need"),
    path("conditions/", views.condition_index, name="condition_index"),
    path("conditions/<slug:slug>/", views.condition_detail, name="condition"),
]
