from django.urls import path

from reviews import views

app_name = "reviews"

urlpatterns = [
    path("products/<int:product_id>/review/", views.write_review, name="write"),
    path("reviews/<int:review_id>/photos/", views.review_photos, name="photos"),
    path("reviews/<int:review_id>/helpful/", views.helpful, name="helpful"),
    path("reviews/<int:review_id>/report/", views.report, name="report_review"),
    path("photos/<int:photo_id>/report/", views.report, name="report_photo"),
]
