"""Safety net: a change project for every confirmed team that has none (e.g. confirmed before this module)."""

from django.core.management.base import BaseCommand

from change_projects.services import change_projects_create_for_confirmed


class Command(BaseCommand):
    help = "Create the change project of every selected team that has confirmed its place and has none yet."

    def handle(self, *args, **options):
        created = change_projects_create_for_confirmed()
        self.stdout.write(f"{len(created)} change project(s) created.")
