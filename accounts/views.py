"""A member's own pages: their account, profile, contributions, data and deletion.

Signing in and out, passwords and email addresses are django-allauth's views
(templates/account/); these are the rest of "Your account".
"""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts.contributions import contributions_for
from accounts.deletion import delete_account
from accounts.export import personal_data
from accounts.forms import ProfileForm
from accounts.models import Profile

DELETED_FLAG = "accounts_deleted"


def profile_of(user):
    """The member's Profile, or None for people made elsewhere (editors, say)."""
    return Profile.objects.filter(user=user).prefetch_related("conditions").first()


@require_GET
@login_required
def home(request):
    return render(request, "accounts/home.html", {"profile": profile_of(request.user)})


@require_http_methods(["GET", "POST"])
@login_required
def edit_profile(request):
    profile = profile_of(request.user) or Profile(user=request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile has been saved.")
        return redirect("accounts:home")
    return render(request, "accounts/profile_form.html", {"form": form})


@require_GET
@login_required
def contributions(request):
    return render(
        request,
        "accounts/contributions.html",
        {"contributions": contributions_for(request.user)},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def download_data(request):
    """A page that explains, and a POST that answers with the member's data as a JSON file."""
    if request.method == "GET":
        return render(request, "accounts/data.html")
    response = JsonResponse(
        personal_data(request.user),
        encoder=DjangoJSONEncoder,
        json_dumps_params={"indent": 2, "ensure_ascii": False},
    )
    filename = f"enabled-personal-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
@login_required
def delete(request):
    """Ask, then erase the member's personal data (accounts.deletion) and sign them out.

    Editors' accounts are left to the admin, so nobody locks the editors out by accident.
    """
    user = request.user
    if user.is_staff or user.is_superuser:
        return render(request, "accounts/delete.html", {"editor": True})
    if request.method == "POST":
        delete_account(user)
        logout(request)
        request.session[DELETED_FLAG] = True
        return redirect("accounts:deleted")
    return render(request, "accounts/delete.html")


@require_GET
def deleted(request):
    if not request.session.pop(DELETED_FLAG, False):
        return redirect("/")
    return render(request, "accounts/deleted.html")


@require_GET
def signed_out(request):
    if request.user.is_authenticated:
        return redirect("accounts:home")
    return render(request, "accounts/signed_out.html")
