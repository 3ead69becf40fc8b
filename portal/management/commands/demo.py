from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app that has demo data provides `demo.seed(*, stdout)`; order follows the data's
# dependencies. Every seed is idempotent: running the command twice changes nothing.
SEED_MODULES = [
    "accounts.demo",
    "programmes.demo",
    "applications.demo",
    "selection.demo",
    "change_projects.demo",
    "mentoring.demo",
    "study_visits.demo",
]


class Command(BaseCommand):
    help = "Create demo users (one per role) and realistic demo data. Safe to run more than once."

    def handle(self, *args, **options):
        with transaction.atomic():
            for module_name in SEED_MODULES:
                try:
                    module = import_module(module_name)
                except ModuleNotFoundError as exc:
                    if exc.name != module_name:
                        raise
                    continue
                module.seed(stdout=self.stdout)
        from accounts.demo import DEMO_PASSWORD, DEMO_USERS

        self.stdout.write(self.style.SUCCESS("Demo data is ready. Log in at /accounts/login/ with:"))
        for email, _name, role in DEMO_USERS:
            self.stdout.write(f"  {email:<28} {role:<12} password: {DEMO_PASSWORD}")
