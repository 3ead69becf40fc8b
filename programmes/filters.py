"""List filters (django-filter) for the catalogue and the staff lists."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from portal.translated import search_q
from portal.widgets import LongSelect

from .enums import PublicationStatus
from .models import Intake, Programme
from .selectors import catalogue_programmes


class ProgrammeStaffFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=PublicationStatus.choices)

    class Meta:
        model = Programme
        fields = ["q", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(search_q("title__icontains", value) | search_q("summary__icontains", value))


class IntakeStaffFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(label=_("Publication"), choices=PublicationStatus.choices)

    class Meta:
        model = Intake
        fields = ["q", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(search_q("name__icontains", value) | search_q("programme__title__icontains", value))


WINDOW_CHOICES = [("open", _("Open for applications")), ("upcoming", _("Opening soon")), ("closed", _("Closed"))]


class CatalogueFilter(django_filters.FilterSet):
    """Search and filters of the public catalogue; the selector does the filtering."""

    q = django_filters.CharFilter(label=_("Search programmes"))
    # 250 countries: written in Python, not one template per option (half the catalogue's time before).
    country = django_filters.ChoiceFilter(
        label=_("Your country"), choices=countries, empty_label=_("Any country"), widget=LongSelect
    )
    window = django_filters.ChoiceFilter(label=_("Applications"), choices=WINDOW_CHOICES, empty_label=_("Any"))

    class Meta:
        model = Programme
        fields = ["q", "country", "window"]

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        return catalogue_programmes(
            search=data.get("q") or "", country=data.get("country") or "", window=data.get("window") or ""
        )
