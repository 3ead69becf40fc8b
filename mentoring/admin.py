from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import MentorAssignment, MentoredTeam, MentoringSettings


class MentoredTeamInline(admin.TabularInline):
    model = MentoredTeam
    raw_id_fields = ["application"]
    extra = 0


@admin.register(MentorAssignment)
class MentorAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["mentor", "intake", "starts_on", "ends_on", "budget_amount", "budget_unit"]
    list_filter = ["intake"]
    raw_id_fields = ["mentor", "created_by"]
    inlines = [MentoredTeamInline]


@admin.register(MentoringSettings)
class MentoringSettingsAdmin(admin.ModelAdmin):
    list_display = ["intake", "no_coaching_days"]
