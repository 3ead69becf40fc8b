from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from portal.admin import ActivityInline

from .models import Application, Attachment, Invitation, Organisation, TeamMember


class TeamMemberInline(admin.TabularInline):
    model = TeamMember
    extra = 0
    raw_id_fields = ["user"]


class OrganisationInline(admin.TabularInline):
    model = Organisation
    extra = 0


@admin.register(Application)
class ApplicationAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "intake", "contact_person", "status", "submitted_at"]
    list_filter = ["status", "intake"]
    search_fields = ["title", "contact_person__full_name", "contact_person__email"]
    raw_id_fields = ["contact_person"]
    # The status moves only through applications.services.application_transition.
    readonly_fields = ["status", "submitted_at"]
    inlines = [TeamMemberInline, OrganisationInline, ActivityInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "application", "created_at", "expires_at", "accepted_at"]
    readonly_fields = ["token"]
    raw_id_fields = ["application", "invited_by", "accepted_by"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "kind", "application", "size", "content_type", "created_at"]
    raw_id_fields = ["application", "member", "uploaded_by"]
