import io

from django.core.management import call_command

from selection.models import Review
from selection.selectors import ranking


def test_demo_gives_the_open_intake_a_full_ranking_and_is_idempotent(db):
    call_command("demo", stdout=io.StringIO())
    reviews = Review.objects.count()
    call_command("demo", stdout=io.StringIO())

    from programmes.models import Programme

    intake = Programme.objects.get(slug="leadership-in-local-governance").intakes.order_by("-opens_at").first()
    rows = ranking(intake=intake)
    assert reviews > 0
    assert Review.objects.count() == reviews
    assert rows
    assert all(r.mean is not None for r in rows if r.application.status in ("eligible", "under_review"))


def test_demo_without_data_does_nothing(db):
    from selection.demo import seed

    seed(stdout=io.StringIO())

    assert Review.objects.count() == 0
