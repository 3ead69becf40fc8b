from django.urls import path

from . import views

app_name = "change_projects"

urlpatterns = [
    path("", views.my_projects, name="mine"),
    path("<int:pk>/", views.dashboard, name="dashboard"),
    path("<int:pk>/application/", views.application_outline, name="application"),
    path("<int:pk>/plan/", views.plan, name="plan"),
    path("<int:pk>/plan/approve/", views.plan_approve, name="plan_approve"),
    path("<int:pk>/plan/<slug:kind>/add/", views.item_edit, name="item_add"),
    path("<int:pk>/plan/<slug:kind>/<int:item_pk>/", views.item_edit, name="item_edit"),
    path("<int:pk>/plan/<slug:kind>/<int:item_pk>/delete/", views.item_delete, name="item_delete"),
    path("<int:pk>/milestones/<int:item_pk>/status/", views.milestone_status, name="milestone_status"),
    path("<int:pk>/risks/<int:item_pk>/status/", views.risk_status, name="risk_status"),
    path("<int:pk>/documents/", views.documents, name="documents"),
    path("<int:pk>/documents/<int:document_pk>/", views.document_download, name="document_download"),
    path("<int:pk>/documents/<int:document_pk>/delete/", views.document_delete, name="document_delete"),
    path("<int:pk>/reports/", views.reports, name="reports"),
    path("<int:pk>/reports/<int:period_pk>/edit/", views.report_edit, name="report_edit"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
    path("reports/<int:pk>/evidence/", views.report_evidence, name="report_evidence"),
    path("reports/<int:pk>/compare/", views.report_compare, name="report_compare"),
    path("reports/<int:pk>/<slug:action>/", views.report_decide, name="report_decide"),
    path("intakes/<int:intake_pk>/", views.intake_overview, name="intake_overview"),
    path("intakes/<int:intake_pk>/periods/", views.intake_periods, name="intake_periods"),
]
