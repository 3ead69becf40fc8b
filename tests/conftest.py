import pytest

from tests.factories import (
    ApplicantFactory,
    ApplicationFactory,
    IntakeFactory,
    RubricCriterionFactory,
    StaffFactory,
    UserFactory,
)
from tests.factories.selection import scored_review


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Before pytest-django drops a test database, end any session still connected to it.

    A Celery worker started by a test (tests/worker) can keep a session open a moment after its
    process is gone; PostgreSQL then refuses the drop ("is being accessed by other users").
    """
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files go to a throw-away folder for each test."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _default_language(settings):
    """Each test starts in the default language, whatever the previous one activated."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    """allauth's rate limits live in the cache; each test starts with none used."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def applicant(db):
    return ApplicantFactory()


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def applicant_client(client, applicant):
    client.force_login(applicant)
    return client


@pytest.fixture
def scored_intake(db):
    """Two applications scored by two reviewers on a two-criterion rubric (reports, exports, workers).

    Relevance: weight 60, scored 0..3; Commitment: weight 40, scored 0..6. Means: 80.00 and 40.00.
    """
    intake = IntakeFactory(closed=True, team_places=1, name="Cohort 2027")
    RubricCriterionFactory(intake=intake, name="Relevance", weight=60, max_score=3, order=0)
    RubricCriterionFactory(intake=intake, name="Commitment", weight=40, max_score=6, order=1)
    first = ApplicationFactory(intake=intake, under_review=True, title="Open budget hearings in Kisumu")
    second = ApplicationFactory(intake=intake, under_review=True, title="Citizen panels in Maputo")
    ada = UserFactory(full_name="Ada Reviewer", country="SE")
    ben = UserFactory(full_name="Ben Reviewer", country="SE")
    scored_review(application=first, reviewer=ada, scores=[3, 6])
    scored_review(application=first, reviewer=ben, scores=[2, 3])
    scored_review(application=second, reviewer=ada, scores=[1, 3])
    return {"intake": intake, "first": first, "second": second, "reviewers": [ada, ben]}


@pytest.fixture(autouse=True)
def _force_login_is_a_full_login(monkeypatch):
    """`client.force_login` stands for a complete, recent login: password and second factor.

    Without this every staff or reviewer test would land on the MFA set-up page. Tests of the
    second factor, the re-authentication and the session clock log in through the real forms
    or change these records themselves (tests/accounts/test_security.py).
    """
    import time

    from allauth.account.internal.userkit import user_id_to_str
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        session = self.session
        now = time.time()
        session["account_authentication_methods"] = [
            {"method": "password", "at": now, "email": user.email, "reauthenticated": True},
            {"method": "mfa", "at": now, "type": "totp", "reauthenticated": True},
        ]
        session["account_authentication_methods_user"] = user_id_to_str(user)
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login)
