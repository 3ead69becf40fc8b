from allauth.account.decorators import reauthentication_required, secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from portal import views as portal_views

admin.site.site_header = _("Local democracy programmes — administration")
admin.site.site_title = _("Portal administration")
# The admin has no login of its own: /admin/login/ sends people to the portal's login, with
# its rate limits, e-mail verification and second factor.
admin.site.login = secure_admin_login(admin.site.login)
_admin_view = admin.site.admin_view


def _recently_authenticated_admin_view(view, cacheable=False):
    """Every change in the admin (roles, groups, users, ...) needs an authentication in the last
    ACCOUNT_REAUTHENTICATION_TIMEOUT seconds; reading and logging out do not."""
    if getattr(view, "__name__", "") != "logout":
        view = reauthentication_required(allow_get=True)(view)
    return _admin_view(view, cacheable)


admin.site.admin_view = _recently_authenticated_admin_view

urlpatterns = [
    path("", include("portal.urls")),
    path("healthz", portal_views.healthz, name="healthz"),
    path("programmes/", include("programmes.urls")),
    path("applications/", include("applications.urls")),
    path("selection/", include("selection.urls")),
    path("reports/", include("reports.urls")),
    path("mentoring/", include("mentoring.urls")),
    path("projects/", include("change_projects.urls")),
    path("study-visits/", include("study_visits.urls")),
    path("accounts/", include("allauth.urls")),
    path("profile/", include("accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

handler403 = "portal.views.error_403"
handler404 = "portal.views.error_404"
handler500 = "portal.views.error_500"
