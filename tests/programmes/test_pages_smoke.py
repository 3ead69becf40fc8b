from django.urls import reverse

from tests.factories import IntakeFactory, PhaseFactory


def test_every_staff_page_renders_for_staff(staff_client):
    intake = IntakeFactory(with_rubric=True)
    PhaseFactory(intake=intake)
    urls = [
        reverse("programmes:staff_programme_list"),
        reverse("programmes:staff_programme_create"),
        reverse("programmes:staff_programme_intakes", kwargs={"pk": intake.programme.pk}),
        reverse("programmes:staff_programme_update", kwargs={"pk": intake.programme.pk}),
        reverse("programmes:staff_programme_publish", kwargs={"pk": intake.programme.pk}),
        reverse("programmes:staff_programme_unpublish", kwargs={"pk": intake.programme.pk}),
        reverse("programmes:staff_intake_create", kwargs={"pk": intake.programme.pk}),
        reverse("programmes:staff_intake_list"),
        reverse("programmes:staff_intake_detail", kwargs={"pk": intake.pk}),
        reverse("programmes:staff_intake_update", kwargs={"pk": intake.pk}),
        reverse("programmes:staff_intake_phases", kwargs={"pk": intake.pk}),
        reverse("programmes:staff_intake_rubric", kwargs={"pk": intake.pk}),
        reverse("programmes:staff_intake_publish", kwargs={"pk": intake.pk}),
        reverse("programmes:staff_intake_unpublish", kwargs={"pk": intake.pk}),
        reverse("programmes:staff_intake_copy", kwargs={"pk": intake.pk}),
        reverse("programmes:catalogue"),
        reverse("programmes:programme_detail", kwargs={"slug": intake.programme.slug}),
        reverse("programmes:intake_detail", kwargs={"pk": intake.pk}),
        reverse("portal:dashboard"),
    ]

    statuses = {url: staff_client.get(url).status_code for url in urls}

    assert statuses == dict.fromkeys(urls, 200)
