"""Helpers every app's views share: the staff-only guard and paginated lists that keep their filters."""

from django.core.paginator import Paginator

from .permissions import permission_required_404

# Programme staff only; anyone else, anonymous included, is told the page does not exist (404,
# not 403). The rules permission `accounts.manage_portal`; apps name their own (see portal/permissions.py).
staff_only = permission_required_404("accounts.manage_portal")


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
