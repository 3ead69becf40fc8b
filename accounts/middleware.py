from django.conf import settings
from django.utils import translation

from programmes.display import viewer_time_zone


class UserLanguageMiddleware:
    """Show a signed-in user's pages in their preferred language.

    An explicit choice in the language switcher (the language cookie) wins, so a person can
    look at a page in another language without changing their profile.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
            and user.preferred_language
        ):
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


class UserTimeZoneMiddleware:
    """Deadlines on a signed-in user's pages also show their own clock (see programmes/display.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        zone = user.time_zone if user is not None and user.is_authenticated else ""
        with viewer_time_zone(zone):
            return self.get_response(request)
