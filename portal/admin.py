from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline

from .models import Activity


class ActivityInline(GenericTabularInline):
    """An object's activity feed, read-only: entries are written by `portal.workflow.transition`."""

    model = Activity
    extra = 0
    can_delete = False
    fields = readonly_fields = ["created_at", "actor", "verb", "from_state", "to_state", "reason", "audience"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["created_at", "content_type", "object_id", "actor", "verb", "from_state", "to_state", "audience"]
    list_filter = ["content_type", "audience"]
    readonly_fields = [f.name for f in Activity._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
