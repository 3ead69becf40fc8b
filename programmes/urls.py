from django.urls import path

from . import views

app_name = "programmes"

urlpatterns = [
    # Staff pages first: "staff" and "intakes" are reserved, never programme slugs.
    path("staff/", views.staff_programme_list, name="staff_programme_list"),
    path("staff/programmes/new/", views.staff_programme_create, name="staff_programme_create"),
    path("staff/programmes/<int:pk>/", views.staff_intake_list, name="staff_programme_intakes"),
    path("staff/programmes/<int:pk>/edit/", views.staff_programme_update, name="staff_programme_update"),
    path(
        "staff/programmes/<int:pk>/publish/",
        views.staff_programme_publication,
        {"action": "publish"},
        name="staff_programme_publish",
    ),
    path(
        "staff/programmes/<int:pk>/unpublish/",
        views.staff_programme_publication,
        {"action": "unpublish"},
        name="staff_programme_unpublish",
    ),
    path("staff/programmes/<int:pk>/intakes/new/", views.staff_intake_create, name="staff_intake_create"),
    path("staff/intakes/", views.staff_intake_list, name="staff_intake_list"),
    path("staff/intakes/<int:pk>/", views.staff_intake_detail, name="staff_intake_detail"),
    path("staff/intakes/<int:pk>/edit/", views.staff_intake_update, name="staff_intake_update"),
    path("staff/intakes/<int:pk>/phases/", views.staff_intake_phases, name="staff_intake_phases"),
    path("staff/intakes/<int:pk>/rubric/", views.staff_intake_rubric, name="staff_intake_rubric"),
    path(
        "staff/intakes/<int:pk>/publish/",
        views.staff_intake_publication,
        {"action": "publish"},
        name="staff_intake_publish",
    ),
    path(
        "staff/intakes/<int:pk>/unpublish/",
        views.staff_intake_publication,
        {"action": "unpublish"},
        name="staff_intake_unpublish",
    ),
    path("staff/intakes/<int:pk>/copy/", views.staff_intake_copy, name="staff_intake_copy"),
    # Public catalogue
    path("", views.catalogue, name="catalogue"),
    path("intakes/<int:pk>/", views.intake_detail, name="intake_detail"),
    path("<slug:slug>/", views.programme_detail, name="programme_detail"),
]
