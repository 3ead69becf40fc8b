"""Who sees what: 404 for anyone not allowed, and a reviewer sees only their own review, ever."""

import pytest
from django.urls import reverse

from selection import services
from tests.factories import (
    AttachmentFactory,
    ConflictDeclarationFactory,
    ReviewAssignmentFactory,
    UserFactory,
    scored_review,
)


@pytest.fixture
def assignment(make_application):
    application = make_application()
    AttachmentFactory(application=application)
    return ReviewAssignmentFactory(application=application, reviewer=UserFactory(country="SE"))


def _urls(application):
    attachment = application.attachments.get()
    return [
        reverse("selection:review", args=[application.pk]),
        reverse("selection:attachment_download", args=[application.pk, attachment.pk]),
        reverse("applications:detail", args=[application.pk]),
        reverse("applications:attachment_download", args=[application.pk, attachment.pk]),
    ]


def test_conflicted_reviewer_gets_404_on_application_and_files(client, assignment):
    application = assignment.application
    services.conflict_declare(application=application, reviewer=assignment.reviewer, has_conflict=True, kind="personal")
    client.force_login(assignment.reviewer)

    codes = [client.get(url).status_code for url in _urls(application)]

    assert codes == [404, 404, 404, 404]
    assert client.get(reverse("selection:declare", args=[application.pk])).status_code == 404


def test_staff_marked_conflict_also_gives_404(client, assignment, staff):
    application = assignment.application
    ConflictDeclarationFactory(application=application, reviewer=assignment.reviewer)
    client.force_login(assignment.reviewer)
    assert client.get(_urls(application)[1]).status_code == 200
    services.conflict_mark_by_staff(
        application=application, reviewer=assignment.reviewer, kind="other", note="Advised the team.", by=staff
    )

    codes = [client.get(url).status_code for url in _urls(application)]

    assert codes == [404, 404, 404, 404]


def test_assigned_reviewer_must_declare_before_seeing_content(client, assignment):
    application = assignment.application
    client.force_login(assignment.reviewer)

    review_page = client.get(reverse("selection:review", args=[application.pk]))
    file_page = client.get(_urls(application)[1])
    declare_page = client.get(reverse("selection:declare", args=[application.pk]))

    assert review_page.status_code == 302
    assert review_page.url == reverse("selection:declare", args=[application.pk])
    assert file_page.status_code == 404
    assert application.problem not in declare_page.content.decode()


def test_reviewer_reads_content_and_file_after_declaring_no_conflict(client, assignment):
    application = assignment.application
    client.force_login(assignment.reviewer)

    client.post(reverse("selection:declare", args=[application.pk]), {"has_conflict": "no"})
    page = client.get(reverse("selection:review", args=[application.pk]))
    download = client.get(_urls(application)[1])

    assert application.problem in page.content.decode()
    assert (download.status_code, download["Content-Type"]) == (200, "application/pdf")


def test_unassigned_reviewer_gets_404(client, assignment):
    other = ReviewAssignmentFactory(reviewer=UserFactory(), declared=True).reviewer
    client.force_login(other)

    codes = [client.get(url).status_code for url in _urls(assignment.application)[:2]]

    assert codes == [404, 404]


def test_reviewer_never_sees_another_reviewers_scores(client, make_application):
    application = make_application()
    scored_review(application=application, scores=[3, 6], full_name="Other Reviewer")
    other_review = application.assignments.get().review
    other_review.scores.update(comment="SECRET-COMMENT")
    mine = ReviewAssignmentFactory(application=application, declared=True)
    client.force_login(mine.reviewer)

    before = client.get(reverse("selection:review", args=[application.pk])).content.decode()
    scored = {c.pk: (1, "") for c in application.intake.criteria.all()}
    services.review_submit(assignment=mine, by=mine.reviewer, scores=scored, recommendation="reject")
    after = client.get(reverse("selection:review", args=[application.pk])).content.decode()
    queue = client.get(reverse("selection:queue")).content.decode()

    for page in (before, after, queue):
        assert "SECRET-COMMENT" not in page
        assert "Other Reviewer" not in page
        assert "100.00" not in page


def test_blind_review_hides_names(client, make_application):
    from tests.factories import SelectionSettingsFactory

    application = make_application()
    SelectionSettingsFactory(intake=application.intake, blind_review=True)
    assignment = ReviewAssignmentFactory(application=application)
    client.force_login(assignment.reviewer)
    name = application.contact_person.full_name

    declare = client.get(reverse("selection:declare", args=[application.pk])).content.decode()
    client.post(reverse("selection:declare", args=[application.pk]), {"has_conflict": "no"})
    review = client.get(reverse("selection:review", args=[application.pk])).content.decode()

    assert name not in declare
    assert name not in review
    assert "Member 1" in review


INTAKE_STAFF_PAGES = [
    "intake_home",
    "reviewers",
    "assignments",
    "conflicts",
    "ranking",
    "ranking_csv",
    "balance",
    "release",
    "confirmations",
]


@pytest.mark.parametrize("name", INTAKE_STAFF_PAGES)
def test_staff_pages_404_for_reviewers_and_applicants(client, intake, name):
    reviewer = ReviewAssignmentFactory(application__intake=intake).reviewer
    url = reverse(f"selection:{name}", args=[intake.pk])

    client.force_login(reviewer)
    as_reviewer = client.get(url).status_code
    client.force_login(UserFactory())
    as_applicant = client.get(url).status_code

    assert (as_reviewer, as_applicant) == (404, 404)


@pytest.mark.parametrize(
    "name", ["intake_home", "reviewers", "assignments", "conflicts", "ranking", "release", "confirmations"]
)
def test_staff_pages_render_for_staff(staff_client, intake, make_application, name):
    scored_review(application=make_application(), scores=[2, 5])

    response = staff_client.get(reverse(f"selection:{name}", args=[intake.pk]))

    assert response.status_code == 200
    assert intake.name in response.content.decode()


def _every_staff_url(intake, assignment):
    review = scored_review(application=assignment.application, scores=[1, 1])
    return [
        reverse("selection:intake_list"),
        *(reverse(f"selection:{name}", args=[intake.pk]) for name in INTAKE_STAFF_PAGES),
        reverse("selection:template_edit", args=[intake.pk, "accepted"]),
        reverse("selection:reassign", args=[assignment.pk]),
        reverse("selection:application_reviews", args=[assignment.application_id]),
        reverse("selection:review_reopen", args=[review.pk]),
    ]


@pytest.mark.parametrize("method", ["get", "post"])
def test_staff_pages_404_for_anonymous_visitors(client, intake, assignment, method):
    urls = _every_staff_url(intake, assignment)

    codes = {url: getattr(client, method)(url).status_code for url in urls}

    assert codes == dict.fromkeys(urls, 404)


def test_staff_pages_outside_an_intake_404_for_the_reviewer(client, intake, assignment):
    urls = _every_staff_url(intake, assignment)
    client.force_login(assignment.reviewer)

    codes = {url: client.get(url).status_code for url in urls}

    assert codes == dict.fromkeys(urls, 404)
