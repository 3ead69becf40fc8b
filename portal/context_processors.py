from django.conf import settings

from accounts.rules import is_programme_staff

from .registry import nav_items_for


def navigation(request):
    user = getattr(request, "user", None)
    if user is None:
        return {"PORTAL_CONTACT_EMAIL": settings.PORTAL_CONTACT_EMAIL}
    return {
        "PORTAL_NAME": settings.PORTAL_NAME,
        "PORTAL_CONTACT_EMAIL": settings.PORTAL_CONTACT_EMAIL,
        "nav_items": nav_items_for(user),
        "user_is_programme_staff": user.is_authenticated and is_programme_staff(user),
    }
