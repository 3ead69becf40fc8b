from django.conf import settings

from accounts.rules import is_programme_staff

from .registry import account_links, nav_items_for, nav_menu


def navigation(request):
    user = getattr(request, "user", None)
    if user is None:
        return {"PORTAL_CONTACT_EMAIL": settings.PORTAL_CONTACT_EMAIL}
    items = nav_items_for(user)
    return {
        "PORTAL_NAME": settings.PORTAL_NAME,
        "PORTAL_CONTACT_EMAIL": settings.PORTAL_CONTACT_EMAIL,
        "nav_items": items,
        "nav_menu": nav_menu(items, request.path),
        "nav_account_links": account_links(items, request.path),
        "user_is_programme_staff": user.is_authenticated and is_programme_staff(user),
    }
