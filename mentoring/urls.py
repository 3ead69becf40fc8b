"""Mentoring: mentors' teams and session logs, the teams' coaching, staff overview and agreements."""

from django.urls import path

from . import views

app_name = "mentoring"

urlpatterns = [
    # Mentors
    path("", views.my_teams, name="my_teams"),
    path("agreements/<int:pk>/work/", views.work, name="work"),
    path("work/<int:pk>/delete/", views.work_delete, name="work_delete"),
    # Teams (mentor, members, staff)
    path("teams/<int:pk>/", views.team, name="team"),
    path("teams/<int:pk>/history.<slug:fmt>", views.team_history_export, name="team_history_export"),
    path("teams/<int:pk>/application/", views.team_application, name="team_application"),
    path("teams/<int:pk>/sessions/new/", views.session_log, name="session_log"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("actions/<int:pk>/move/", views.action_move, name="action_move"),
    # Staff
    path("overview/", views.overview, name="overview"),
    path("overview.<slug:fmt>", views.overview_export, name="overview_export"),
    path("intakes/<int:intake_pk>/agreements/", views.assignments, name="assignments"),
    path("intakes/<int:intake_pk>/agreements/new/", views.assignment_edit, name="assignment_new"),
    path("intakes/<int:intake_pk>/agreements/<int:pk>/", views.assignment_edit, name="assignment_edit"),
    path("tags/", views.tags, name="tags"),
    path("tags/<int:pk>/", views.tags, name="tag_edit"),
]
