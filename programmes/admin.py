from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Intake, IntakeRole, Phase, Programme, RubricCriterion


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0


class RubricCriterionInline(admin.StackedInline):
    model = RubricCriterion
    extra = 0


class IntakeRoleInline(admin.TabularInline):
    model = IntakeRole
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "slug", "status", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Intake)
class IntakeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "programme", "status", "opens_at", "closes_at", "time_zone"]
    list_filter = ["status", "programme"]
    search_fields = ["name", "programme__title"]
    list_select_related = ["programme"]
    raw_id_fields = ["copied_from"]
    inlines = [PhaseInline, RubricCriterionInline, IntakeRoleInline]


@admin.register(IntakeRole)
class IntakeRoleAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "intake"]
    list_filter = ["role"]
    list_select_related = ["user", "intake__programme"]
    search_fields = ["user__email", "user__full_name", "intake__name"]
    autocomplete_fields = ["user"]
