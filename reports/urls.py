from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.my_reports, name="mine"),
    path("intakes/<int:intake_pk>/", views.intake_reports, name="intake"),
    path("intakes/<int:intake_pk>/request/", views.intake_report_request, name="intake_request"),
    path("teams/<int:application_pk>/request/", views.team_report_request, name="team_request"),
    path("intakes/<int:intake_pk>/exports/<slug:name>.<slug:fmt>", views.intake_export, name="export"),
    path("intakes/<int:intake_pk>/certificate/", views.certificate_request, name="certificate_request"),
    path("jobs/<int:pk>/", views.job_detail, name="job"),
    path("jobs/<int:pk>/status/", views.job_status, name="job_status"),
    path("jobs/<int:pk>/download/", views.job_download, name="job_download"),
    path("jobs/<int:pk>/retry/", views.job_retry, name="job_retry"),
]
