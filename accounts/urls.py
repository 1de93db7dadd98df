from django.urls import path

from accounts import confirmation, views

app_name = "accounts"

# Under /account/, beside django-allauth's own URLs (login/, signup/, password/…).
urlpatterns = [
    path("", views.home, name="home"),
    path("profile/", views.edit_profile, name="profile"),
    path("contributions/", views.contributions, name="contributions"),
    path("data/", views.download_data, name="data"),
    path("delete/", views.delete, name="delete"),
    path("deleted/", views.deleted, name="deleted"),
    path("signed-out/", views.signed_out, name="signed_out"),
    # Not under confirm-email/, where allauth reads any word as a confirmation key.
    path("email-sent/again/", confirmation.send_again, name="send_confirmation_again"),
]
