from django.urls import path

from . import views

app_name = "study_visits"

urlpatterns = [
    path("", views.visit_list, name="list"),
    path("new/", views.visit_create, name="create"),
    path("<int:pk>/", views.visit_detail, name="detail"),
    path("<int:pk>/edit/", views.visit_edit, name="edit"),
    path("<int:pk>/calendar.ics", views.visit_ics, name="ics"),
    path("<int:pk>/agenda/new/", views.agenda_item_form, name="agenda_create"),
    path("<int:pk>/agenda/<int:item_pk>/edit/", views.agenda_item_form, name="agenda_edit"),
    path("<int:pk>/agenda/<int:item_pk>/delete/", views.agenda_item_delete, name="agenda_delete"),
    path("<int:pk>/places/", views.places, name="places"),
    path("<int:pk>/sign-up/", views.sign_up, name="sign_up"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/attendance/summary/", views.attendance_summary, name="attendance_summary"),
    path("places/<int:place_pk>/cancel/", views.place_cancel, name="place_cancel"),
    path("places/<int:place_pk>/priority/", views.place_priority, name="place_priority"),
    path("offers/<str:token>/", views.offer, name="offer"),
]
