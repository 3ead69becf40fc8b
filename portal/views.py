from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.rules import is_programme_staff

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
    return HttpResponseServerError(loader.get_template("500.html").render({}))
