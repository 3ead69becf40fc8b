from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.rules import is_programme_staff

from . import services
from .models import CalendarFeed
from .registry import panels_for
from .services import broker_status


def home(request):
    return render(request, "portal/home.html")


@login_required
def dashboard(request):
    return render(
        request,
        "portal/dashboard.html",
        {"panels": panels_for(request), "is_programme_staff": is_programme_staff(request.user)},
    )


@never_cache
@require_GET
def healthz(request):
    """Report whether the database and the Celery broker answer, as JSON for monitors."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = {"ok": True}
    except Exception as exc:  # noqa: BLE001 - any failure means "down" to a monitor
        checks["database"] = {"ok": False, "error": exc.__class__.__name__}
    checks["broker"] = broker_status()
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse({"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_500(request):
    # No context processors or database work here: the failure may be the database itself.
    return HttpResponseServerError(
        loader.get_template("500.html").render({"PORTAL_CONTACT_EMAIL": settings.PORTAL_CONTACT_EMAIL})
    )


def privacy(request):
    """What personal data the portal keeps, why, who sees it, and whom to write to."""
    return render(request, "portal/privacy.html")


@login_required
def calendar_settings(request):
    """The person's secret feed address for phones and Outlook: make, replace or revoke it."""
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.calendar_feed_revoke(user=request.user)
            messages.success(request, _("Your calendar address is revoked; subscriptions to it stop."))
        else:
            services.calendar_feed_regenerate(user=request.user)
            messages.success(request, _("Your new calendar address is ready; the old one no longer works."))
        return redirect("portal:calendar")
    feed = CalendarFeed.objects.filter(user=request.user).first()
    url = request.build_absolute_uri(reverse("portal:calendar_feed", args=[feed.token])) if feed else ""
    return render(request, "portal/calendar.html", {"feed": feed, "feed_url": url})


@never_cache
@require_GET
def calendar_feed(request, token):
    """The feed answers only to its token: a wrong or revoked one is a 404, nothing else is told."""
    ics = services.calendar_feed_ics(token=token)
    if ics is None:
        raise Http404
    return HttpResponse(ics, content_type="text/calendar; charset=utf-8")
