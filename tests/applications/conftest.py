import pytest

from tests.factories import ApplicationFactory, UserFactory


@pytest.fixture
def team(db):
    """Another team's application, created first so that leaks would show, then ours."""
    other = ApplicationFactory(complete=True, title="Другая команда")
    ours = ApplicationFactory(contact_person=UserFactory(full_name="Grace Wanjiru"), title="Our change project")
    return {"ours": ours, "other": other}


@pytest.fixture
def contact_client(client, team):
    client.force_login(team["ours"].contact_person)
    return client
