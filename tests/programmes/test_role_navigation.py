from django.urls import reverse

from programmes.enums import IntakeRoleType
from tests.factories import IntakeFactory, IntakeRoleFactory, UserFactory


def _nav_labels(client):
    return [str(item.label) for item in client.get(reverse("portal:dashboard")).context["nav_items"]]


def test_reviewer_gets_reviews_link_as_soon_as_role_is_given(client, db):
    user = UserFactory()
    client.force_login(user)
    before = _nav_labels(client)

    role = IntakeRoleFactory(intake=IntakeFactory(), user=user, role=IntakeRoleType.REVIEWER)
    with_role = _nav_labels(client)
    role.delete()
    after = _nav_labels(client)

    assert "Your reviews" not in before
    assert "Your reviews" in with_role
    assert "Your reviews" not in after


def test_role_lookup_is_cached_between_pages(client, db, django_assert_num_queries):
    user = UserFactory()
    IntakeRoleFactory(user=user, role=IntakeRoleType.REVIEWER)
    client.force_login(user)
    client.get(reverse("programmes:catalogue"))

    # session, user and groups (staff links); the reviewer role comes from the cache
    with django_assert_num_queries(3):
        response = client.get(reverse("portal:home"))

    assert "Your reviews" in [str(item.label) for item in response.context["nav_items"]]
