from allauth.account.decorators import reauthentication_required
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.decorators import method_decorator
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

    # Roles and permissions change here: saving needs a login or re-authentication in the
    # last ACCOUNT_REAUTHENTICATION_TIMEOUT seconds.
    @method_decorator(reauthentication_required(allow_get=True))
    def changeform_view(self, request, *args, **kwargs):
        return super().changeform_view(request, *args, **kwargs)

    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),)
