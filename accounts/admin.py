from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "country", "organisation", "is_active", "is_staff"]
    list_filter = ["is_active", "is_staff", "is_superuser", "groups", "country"]
    search_fields = ["email", "full_name", "organisation"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            _("Profile"),
            {"fields": ("full_name", "country", "organisation", "position", "preferred_language", "gender")},
        ),
        (
            _("Roles and permissions"),
            {
                "fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions"),
                "description": _(
                    "Put programme staff in the “Programme staff” group. Reviewers and mentors are "
                    "given their role per intake."
                ),
            },
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )

    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),)
