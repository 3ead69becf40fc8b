import django_filters
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from portal.widgets import LongSelect
from programmes.enums import CoreArea, OrganisationType

from .enums import SDG_CHOICES, ApplicationStatus
from .models import Application
from .selectors import core_area_q, organisation_q, sdg_q, search_q


def _with_descending(labels: dict) -> dict:
    """Sort labels for both directions, translated when shown.

    django-filter builds “… (descending)” once, at import, in English; these stay lazy.
    """
    result = {}
    for (field, param), label in labels.items():
        result[field] = label
        result[f"-{param}"] = format_lazy(_("{label} (descending)"), label=label)
    return result


class StaffApplicationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ApplicationStatus.choices)
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=list(countries), method="filter_country", widget=LongSelect
    )
    organisation_type = django_filters.ChoiceFilter(
        label=_("Organisation type"), choices=OrganisationType.choices, method="filter_organisation_type"
    )
    core_area = django_filters.ChoiceFilter(label=_("Core area"), choices=CoreArea.choices, method="filter_core_area")
    sdg = django_filters.TypedChoiceFilter(label=_("SDG"), choices=SDG_CHOICES, coerce=int, method="filter_sdg")
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(
            ("submitted_at", "submitted"),
            ("contact_person__full_name", "contact"),
            ("title", "title"),
            ("status", "status"),
            ("member_count", "team"),
        ),
        field_labels=_with_descending(
            {
                ("submitted_at", "submitted"): _("Submitted"),
                ("contact_person__full_name", "contact"): _("Contact person"),
                ("title", "title"): _("Title"),
                ("status", "status"): _("Status"),
                ("member_count", "team"): _("Team size"),
            }
        ),
    )

    class Meta:
        model = Application
        fields = ["q", "status", "country", "organisation_type", "core_area", "sdg"]

    def __init__(self, *args, intake=None, **kwargs):
        super().__init__(*args, **kwargs)
        if intake is not None and intake.eligible_countries:
            self.filters["country"].extra["choices"] = [(c.code, c.name) for c in intake.eligible_countries]

    def filter_search(self, queryset, name, value):
        return queryset.filter(search_q(value.strip())) if value.strip() else queryset

    def filter_country(self, queryset, name, value):
        return queryset.filter(organisation_q(country=value))

    def filter_organisation_type(self, queryset, name, value):
        return queryset.filter(organisation_q(type=value))

    def filter_core_area(self, queryset, name, value):
        return queryset.filter(core_area_q(value))

    def filter_sdg(self, queryset, name, value):
        return queryset.filter(sdg_q(value))
