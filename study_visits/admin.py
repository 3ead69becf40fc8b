from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AgendaItem, Attendance, Place, StudyVisit


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


@admin.register(StudyVisit)
class StudyVisitAdmin(SimpleHistoryAdmin):
    list_display = ["title", "host", "intake", "starts_on", "capacity"]
    list_filter = ["intake"]
    search_fields = ["title", "host"]
    inlines = [AgendaItemInline]


@admin.register(Place)
class PlaceAdmin(SimpleHistoryAdmin):
    # Statuses change through the place workflow only (study_visits.services), never here.
    list_display = ["user", "visit", "status", "priority", "requested_at"]
    list_filter = ["status", "visit"]
    readonly_fields = ["status", "offer_expires_at"]
    raw_id_fields = ["user", "application", "booked_by"]


@admin.register(Attendance)
class AttendanceAdmin(SimpleHistoryAdmin):
    list_display = ["place", "day", "present"]
    raw_id_fields = ["place", "recorded_by"]
