from django.urls import path

from . import views

app_name = "applications"

urlpatterns = [
    path("start/<int:intake_pk>/", views.start, name="start"),
    path("questions/", views.question_list, name="questions"),
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/status/", views.status, name="status"),
    path("<int:pk>/outline/<slug:section>/", views.outline, name="outline"),
    path("<int:pk>/outline/<slug:section>/autosave/", views.outline_autosave, name="outline_autosave"),
    path("<int:pk>/team/", views.team, name="team"),
    path("<int:pk>/team/invite/", views.invite, name="invite"),
    path("<int:pk>/team/<int:member_pk>/edit/", views.member_edit, name="member_edit"),
    path("<int:pk>/team/<int:member_pk>/remove/", views.member_remove, name="member_remove"),
    path("<int:pk>/organisations/add/", views.organisation_add, name="organisation_add"),
    path(
        "<int:pk>/organisations/<int:organisation_pk>/remove/",
        views.organisation_remove,
        name="organisation_remove",
    ),
    path("<int:pk>/attachments/", views.attachments, name="attachments"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment_download, name="attachment_download"),
    path("<int:pk>/attachments/<int:attachment_pk>/delete/", views.attachment_delete, name="attachment_delete"),
    path("<int:pk>/checklist/", views.checklist_view, name="checklist"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/reopen/", views.reopen, name="reopen"),
    path("<int:pk>/deadline/", views.extend_deadline, name="extend_deadline"),
    path("<int:pk>/screen/", views.screen, name="screen"),
    path("staff/intake/<int:intake_pk>/", views.staff_list, name="staff_list"),
    path("staff/intake/<int:intake_pk>/deadline/", views.intake_extend, name="intake_extend"),
    path("staff/earlier-participants/", views.earlier_participants_page, name="earlier_participants"),
    path("staff/earlier-participants/import/", views.earlier_participants_import, name="earlier_participants_import"),
]
