from django.apps import AppConfig


class ChangeProjectsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "change_projects"
