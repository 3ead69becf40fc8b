"""A load test: 50 people — applicants, reviewers and staff — using the portal at once, for a bounded time.

    python -m bench.load [--users 50] [--time 60]          (or `make bench-load`)

Needs a database filled by bench.seed (the same DATABASE_URL). Starts gunicorn on loopback with
production settings, logs every simulated person in through the real login page first (password
hashing is deliberately slow, so logins are left out of the figures), then lets them work with
1–3 s of thinking between pages. Prints p50/p95/p99 over all pages, the errors, and whether the
targets (p95 ≤ 300 ms, p99 ≤ 1 s, no errors) are met.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time

TARGET_P95_MS = 300
TARGET_P99_MS = 1000
LOGIN_ATTEMPTS = 3
TOTP_STEP_S = 30
LOGIN_TIMEOUT_S = 900
# Logged in and given up, counted by the simulated people; the measurement starts when all are done.
LOGINS = {"in": 0, "failed": 0}


def people() -> dict:
    """Who the simulated users log in as, with the pages each can open, from the seeded database."""
    from django.db.models import Q

    from accounts.models import User
    from applications.enums import ApplicationStatus as S
    from applications.models import Application
    from bench.seed import STAFF_EMAIL
    from programmes.models import Intake
    from selection.models import ReviewAssignment

    drafts = Application.objects.filter(status=S.DRAFT, intake__closes_at__gt=_now()).select_related("contact_person")
    applicants = [(a.contact_person.email, a.pk) for a in drafts.order_by("pk")[:60]]
    reviewers = []
    for user in User.objects.filter(email__startswith="bench-reviewer-").order_by("pk")[:40]:
        scorable = list(
            ReviewAssignment.objects.filter(
                reviewer=user, status="active", application__conflict_declarations__reviewer=user,
                application__conflict_declarations__has_conflict=False,
            )
            .filter(Q(review__isnull=True) | Q(review__status="draft"))
            .values_list("application_id", flat=True)[:5]
        )  # fmt: skip
        if scorable:
            reviewers.append((user.email, scorable))
    staff = [STAFF_EMAIL, *User.objects.filter(email__startswith="bench-staff-").values_list("email", flat=True)]
    selecting = list(Intake.objects.filter(applications__status=S.UNDER_REVIEW).distinct().values_list("pk", flat=True))
    decided = list(Intake.objects.filter(applications__status=S.ACCEPTED).distinct().values_list("pk", flat=True))
    ranked = list(
        Application.objects.filter(intake_id__in=selecting, status=S.UNDER_REVIEW).values_list("pk", flat=True)[:200]
    )
    return {
        "applicants": applicants,
        "reviewers": reviewers,
        "staff": staff,
        "selecting": selecting,
        "decided": decided,
        "ranked": ranked,
    }


def _now():
    from django.utils import timezone

    return timezone.now()


def user_classes(data: dict, password: str, totp_secret: str):
    import random

    import gevent
    from locust import HttpUser, between, task
    from locust.exception import StopUser

    from bench.client import login, prepare

    rng = random.Random(3)  # noqa: S311 - which page next, not a secret
    pools = {key: itertools.cycle(data[key]) for key in ("applicants", "reviewers", "staff")}

    class Person(HttpUser):
        abstract = True
        wait_time = between(1, 3)

        def get(self, path, name):
            with self.client.get(path, name=name, allow_redirects=False, catch_response=True) as response:
                if response.status_code != 200:
                    response.failure(f"{response.status_code}")

        def log_in(self, email):
            prepare(self.client, self.host)
            # Under load a login can take longer than the TOTP code's 30 s, and two simulated people on one
            # seeded account (5 staff accounts for 10 staff users) may not use the same code twice (allauth
            # refuses a replayed code): try again with the next 30-second step's code.
            for attempt in range(LOGIN_ATTEMPTS):
                try:
                    login(self.client, self.host, email=email, password=password, totp_secret=totp_secret, name="login")
                except RuntimeError:
                    self.client.cookies.clear()
                    if attempt + 1 == LOGIN_ATTEMPTS:
                        LOGINS["failed"] += 1
                        raise StopUser from None
                    gevent.sleep(TOTP_STEP_S - time.time() % TOTP_STEP_S + 0.5)
                else:
                    LOGINS["in"] += 1
                    return

    class Applicant(Person):
        weight = 5

        def on_start(self):
            email, self.application = next(pools["applicants"])
            self.log_in(email)

        @task(3)
        def dashboard(self):
            self.get("/dashboard/", "applicant: dashboard")

        @task(3)
        def application(self):
            self.get(f"/applications/{self.application}/", "applicant: application")

        @task(2)
        def outline(self):
            section = rng.choice(["problem", "focus", "plan", "commitment", "baseline"])
            self.get(f"/applications/{self.application}/outline/{section}/", "applicant: outline")

        @task(1)
        def team(self):
            self.get(f"/applications/{self.application}/team/", "applicant: team")

        @task(1)
        def checklist(self):
            self.get(f"/applications/{self.application}/checklist/", "applicant: checklist")

        @task(1)
        def catalogue(self):
            self.get("/programmes/", "public: catalogue")

    class Reviewer(Person):
        weight = 3

        def on_start(self):
            email, self.applications = next(pools["reviewers"])
            self.log_in(email)

        @task(2)
        def dashboard(self):
            self.get("/dashboard/", "reviewer: dashboard")

        @task(3)
        def queue(self):
            self.get("/selection/reviews/", "reviewer: queue")

        @task(4)
        def scoring(self):
            self.get(f"/selection/reviews/{rng.choice(self.applications)}/", "reviewer: scoring page")

    class Staff(Person):
        weight = 2

        def on_start(self):
            self.log_in(next(pools["staff"]))

        @task(2)
        def dashboard(self):
            self.get("/dashboard/", "staff: dashboard")

        @task(3)
        def applications(self):
            intake = rng.choice(data["selecting"])
            page = rng.randint(1, 5)
            self.get(f"/applications/staff/intake/{intake}/?page={page}", "staff: applications")

        @task(1)
        def search(self):
            intake = rng.choice(data["selecting"])
            word = rng.choice(["budget", "water", "Kisumu", "youth", "García"])
            self.get(f"/applications/staff/intake/{intake}/?q={word}", "staff: application search")

        @task(2)
        def ranking(self):
            self.get(f"/selection/intakes/{rng.choice(data['selecting'])}/ranking/", "staff: ranking")

        @task(1)
        def assignments(self):
            self.get(f"/selection/intakes/{rng.choice(data['selecting'])}/assignments/", "staff: assignments")

        @task(1)
        def reviews(self):
            self.get(f"/selection/applications/{rng.choice(data['ranked'])}/reviews/", "staff: application reviews")

        @task(1)
        def confirmations(self):
            self.get(f"/selection/intakes/{rng.choice(data['decided'])}/confirmations/", "staff: confirmations")

        @task(1)
        def intakes(self):
            self.get("/programmes/staff/intakes/", "staff: intakes")

    return [Applicant, Reviewer, Staff]


def run(base: str, classes, *, users: int, seconds: int, out=sys.stdout) -> int:
    import gevent
    from locust.env import Environment

    env = Environment(user_classes=classes, host=base)
    runner = env.create_local_runner()
    runner.start(users, spawn_rate=max(1, users // 10))
    # Wait until every person has logged in (password hashing is slow on purpose), then count from zero.
    started = time.monotonic()
    while LOGINS["in"] + LOGINS["failed"] < users and time.monotonic() - started < LOGIN_TIMEOUT_S:
        gevent.sleep(0.5)
    out.write(
        f"logged in: {LOGINS['in']} of {users} in {time.monotonic() - started:.0f} s; gave up: {LOGINS['failed']}\n"
    )
    gevent.sleep(5)
    env.stats.reset_all()
    gevent.sleep(seconds)
    runner.quit()
    total = env.stats.total
    p50, p95, p99 = (total.get_response_time_percentile(q) for q in (0.5, 0.95, 0.99))
    out.write(f"{'page':<32} {'requests':>8} {'p50_ms':>7} {'p95_ms':>7} {'p99_ms':>7} {'errors':>6}\n")
    for entry in sorted(env.stats.entries.values(), key=lambda e: e.name):
        if not entry.num_requests:
            continue
        out.write(
            f"{entry.name:<32} {entry.num_requests:>8} {entry.get_response_time_percentile(0.5):>7.0f} "
            f"{entry.get_response_time_percentile(0.95):>7.0f} {entry.get_response_time_percentile(0.99):>7.0f} "
            f"{entry.num_failures:>6}\n"
        )
    for error in env.stats.errors.values():
        out.write(f"  error: {error.name}: {error.error} × {error.occurrences}\n")
    out.write(
        f"{users} users, {seconds} s, {total.num_requests} requests ({total.total_rps:.1f}/s): "
        f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms, errors {total.num_failures}\n"
    )
    misses = []
    if p95 > TARGET_P95_MS:
        misses.append(f"p95 {p95:.0f} ms > {TARGET_P95_MS}")
    if p99 > TARGET_P99_MS:
        misses.append(f"p99 {p99:.0f} ms > {TARGET_P99_MS}")
    if total.num_failures:
        misses.append(f"{total.num_failures} errors")
    if LOGINS["failed"]:
        misses.append(f"{LOGINS['failed']} people could not log in")
    out.write(("over target: " + "; ".join(misses)) if misses else "targets met (p95 ≤ 300 ms, p99 ≤ 1 s, 0 errors)")
    out.write("\n")
    return len(misses)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--time", type=int, default=60, help="seconds measured, after everyone has logged in")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker")
    args = parser.parse_args(argv)
    import locust  # noqa: F401 - patches the standard library for gevent; must come first

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from bench.seed import PASSWORD, TOTP_SECRET
    from bench.server import gunicorn

    classes = user_classes(people(), PASSWORD, TOTP_SECRET)
    with gunicorn(workers=args.workers, threads=args.threads) as base:
        run(base, classes, users=args.users, seconds=args.time)
    return 0


if __name__ == "__main__":
    sys.exit(main())
