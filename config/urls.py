from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from portal import views as portal_views

admin.site.site_header = _("Local democracy programmes — administration")
admin.site.site_title = _("Portal administration")
# The admin has no login of its own: /admin/login/ sends people to the portal's login, with
# its rate limits, e-mail verification and second factor.
admin.site.login = secure_admin_login(admin.site.login)

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
