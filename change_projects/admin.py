from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ChangeProject, Indicator, Milestone, Participant, ProgressReport, ReportingPeriod, Risk


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    raw_id_fields = ["user"]


@admin.register(ChangeProject)
class ChangeProjectAdmin(SimpleHistoryAdmin):
    list_display = ["title", "intake", "plan_status"]
    list_filter = ["intake"]
    search_fields = ["title"]
    raw_id_fields = ["application"]
    # Statuses move only through the workflow tables.
    readonly_fields = ["plan_status", "plan_approved_at"]
    inlines = [ParticipantInline]


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    list_display = ["title", "project", "due_on", "status"]
    readonly_fields = ["status"]
    raw_id_fields = ["project", "owner", "result"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "project", "kind"]
    raw_id_fields = ["project", "result"]


@admin.register(Risk)
class RiskAdmin(admin.ModelAdmin):
    list_display = ["title", "project", "category", "status"]
    readonly_fields = ["status"]
    raw_id_fields = ["project", "owner"]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ["phase", "intake", "due_on"]


@admin.register(ProgressReport)
class ProgressReportAdmin(admin.ModelAdmin):
    list_display = ["project", "period", "status"]
    readonly_fields = ["status", "submitted_at", "approved_at", "return_comment"]
    raw_id_fields = ["project"]
