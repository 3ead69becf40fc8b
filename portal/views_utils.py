"""Helpers every app's views share: the staff-only guard and paginated lists that keep their filters."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers

from .permissions import permission_required_404

# Programme staff only; anyone else, anonymous included, is told the page does not exist (404,
# not 403). The rules permission `accounts.manage_portal`; apps name their own (see portal/permissions.py).
staff_only = permission_required_404("accounts.manage_portal")


_SOME_PK = 987654321


def url_for_any_pk(name: str):
    """`name`'s address as a function of a pk, reversed once: rows written in Python link dozens of objects
    and `reverse` per row cost more than the row. Only for URLs whose one argument is the pk."""
    url = reverse(name, args=[_SOME_PK])
    head, tail = url.split(str(_SOME_PK), 1)
    return lambda pk: f"{head}{int(pk)}{tail}"


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


def render_fragment(request, template_name: str, context: dict, *, title: str, back_url: str = ""):
    """An htmx fragment. Opened directly (a bookmark, a new tab, a screen reader's link list), the same
    fragment comes inside a whole page: the portal's header, a title, the page's language."""
    if request.htmx:
        response = render(request, template_name, context)
    else:
        page = {"fragment_template": template_name, "fragment_title": title, "fragment_back_url": back_url}
        response = render(request, "includes/fragment_page.html", {**context, **page})
    patch_vary_headers(response, ("HX-Request",))
    return response
