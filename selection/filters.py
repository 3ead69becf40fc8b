import django_filters
from django.utils.translation import gettext_lazy as _

from .enums import ConflictKind


class ConflictFilter(django_filters.FilterSet):
    has_conflict = django_filters.BooleanFilter(label=_("Conflict"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ConflictKind.choices)
