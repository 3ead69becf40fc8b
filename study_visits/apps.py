from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StudyVisitsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "study_visits"
    verbose_name = _("Study visits")
