import pytest

from tests.factories import ApplicantFactory, StaffFactory


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files go to a throw-away folder for each test."""
    settings.MEDIA_ROOT = tmp_path / "media"


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
