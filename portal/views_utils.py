"""Helpers every app's views share: the staff-only guard and paginated lists that keep their filters."""

from functools import wraps

from django.core.paginator import Paginator
from django.http import Http404

from accounts.rules import is_programme_staff


def staff_only(view):
    """Programme staff only; anyone else, anonymous included, is told the page does not exist (404, not 403)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not (request.user.is_authenticated and is_programme_staff(request.user)):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def querystring_without_page(request) -> str:
    """The current filters and sort order, so the page links of a list keep them."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def paginated(request, queryset, *, per_page: int) -> dict:
    """Context for `templates/includes/_pagination.html`: `page_obj` and the `querystring` its links keep."""
    return {
        "page_obj": Paginator(queryset, per_page).get_page(request.GET.get("page")),
        "querystring": querystring_without_page(request),
    }
