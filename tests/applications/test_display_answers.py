from django.urls import reverse

from tests.factories import ApplicationFactory


def test_overview_names_core_areas_and_sdgs(client, db):
    application = ApplicationFactory(core_areas=["participation", "accountability"], sdgs=[5, 16])
    client.force_login(application.contact_person)

    response = client.get(reverse("applications:detail", kwargs={"pk": application.pk}))

    page = response.content.decode()
    assert "Participation, Accountability" in page
    assert "5 Gender equality, 16 Peace, justice and strong institutions" in page
