from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Confirmation,
    ConflictDeclaration,
    CriterionScore,
    Decision,
    NotificationTemplate,
    Review,
    ReviewAssignment,
    ReviewerInvitation,
    SelectionSettings,
)


@admin.register(SelectionSettings)
class SelectionSettingsAdmin(SimpleHistoryAdmin):
    list_display = ["intake", "blind_review", "review_deadline", "confirmation_days"]


@admin.register(ConflictDeclaration)
class ConflictDeclarationAdmin(SimpleHistoryAdmin):
    list_display = ["application", "reviewer", "has_conflict", "kind", "status", "declared_by", "updated_at"]
    list_filter = ["has_conflict", "kind", "status"]


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["application", "reviewer", "status", "created_at"]
    list_filter = ["status"]


class CriterionScoreInline(admin.TabularInline):
    model = CriterionScore
    extra = 0


@admin.register(Review)
class ReviewAdmin(SimpleHistoryAdmin):
    list_display = ["assignment", "status", "recommendation", "submitted_at"]
    inlines = [CriterionScoreInline]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["application", "outcome", "decided_by", "decided_at"]


admin.site.register(NotificationTemplate, SimpleHistoryAdmin)
admin.site.register(Confirmation, SimpleHistoryAdmin)
admin.site.register(ReviewerInvitation)
