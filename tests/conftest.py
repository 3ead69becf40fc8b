import pytest

from tests.factories import ApplicantFactory, StaffFactory


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
