from django.urls import path

from reviews import photo_access, tip_views, views

app_name = "reviews"

urlpatterns = [
    path("products/<int:product_id>/review/", views.write_review, name="write"),
    path("reviews/<int:review_id>/photos/", views.review_photos, name="photos"),
    path("reviews/<int:review_id>/helpful/", views.helpful, name="helpful"),
    path("reviews/<int:review_id>/report/", views.report, name="report_review"),
    path("photos/<int:photo_id>/report/", views.report, name="report_photo"),
    path("photos/files/<path:name>", photo_access.photo_file, name="photo_file"),
    path("products/<int:product_id>/tips/", tip_views.product_tips, name="product_tips"),
    path("products/<int:product_id>/tips/new/", tip_views.write_tip, name="write_tip"),
    path("tips/<int:tip_id>/", tip_views.tip_detail, name="tip"),
    path("tips/<int:tip_id>/edit/", tip_views.edit_tip, name="edit_tip"),
    path("tips/<int:tip_id>/photos/", tip_views.tip_photos, name="tip_photos"),
    path("tips/<int:tip_id>/helpful/", tip_views.helpful, name="helpful_tip"),
    path("tips/<int:tip_id>/did-this-too/", tip_views.did_this_too, name="did_this_too"),
    path("tips/<int:tip_id>/report/", views.report, name="report_tip"),
]
