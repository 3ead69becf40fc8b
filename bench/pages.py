"""Time every list, dashboard and detail page of each role against /healthz, on gunicorn over loopback.

    python -m bench.pages [--rounds 30]          (or `make bench-pages`)

Needs a database filled by bench.seed (the same DATABASE_URL). Starts gunicorn with production
settings, logs in as each role through the real login page, then requests every page `--rounds`
times in a shuffled, interleaved order, each next to a /healthz request. Times are wall times on
loopback, request sent to last byte; the query count comes from the Server-Timing header.

Prints `page role median_ms p95_ms ratio queries` per page (ratio = page p95 ÷ /healthz p95), then
`worst ratio R; pages over target: N`, and names each page over a target with the reason.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass, field

TARGET_RATIO = 8
TARGET_P95_MS = 150
TARGET_QUERIES = 15


@dataclass
class Page:
    name: str
    role: str
    path: str
    times: list[float] = field(default_factory=list)
    queries: set[int] = field(default_factory=set)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


def fixtures() -> dict:
    """Who logs in and which objects their pages show, read from the seeded database."""
    from django.db.models import Count, Q

    from accounts.models import User
    from applications.enums import ApplicationStatus as S
    from applications.models import Application
    from bench.seed import STAFF_EMAIL
    from programmes.models import Intake, Programme
    from selection.models import ConflictDeclaration, ReviewAssignment

    staff = User.objects.get(email=STAFF_EMAIL)
    # The reviewer with the longest queue in an intake still selecting.
    reviewer = (
        User.objects.filter(email__startswith="bench-reviewer-")
        .annotate(n=Count("review_assignments", filter=Q(review_assignments__status="active")))
        .order_by("-n", "pk")
        .first()
    )
    selecting = Intake.objects.filter(applications__status=S.UNDER_REVIEW).order_by("pk").distinct().first()
    decided = Intake.objects.filter(applications__status=S.ACCEPTED).order_by("pk").distinct().first()
    open_intake = Intake.objects.filter(applications__status=S.DRAFT, closes_at__gt=time_now()).order_by("pk").first()
    draft = Application.objects.filter(intake=open_intake, status=S.DRAFT).order_by("pk").first()
    accepted = Application.objects.filter(intake=decided, status=S.ACCEPTED).order_by("pk").first()
    ranked = Application.objects.filter(intake=selecting, status=S.UNDER_REVIEW).order_by("pk").first()
    submitted = Application.objects.filter(intake=open_intake, status=S.SUBMITTED).order_by("pk").first()
    declared = ConflictDeclaration.objects.filter(reviewer=reviewer, has_conflict=False).values("application")
    scoring = (
        ReviewAssignment.objects.filter(reviewer=reviewer, status="active", application__in=declared)
        .filter(Q(review__isnull=True) | Q(review__status="draft"))
        .order_by("pk")
        .first()
    ) or ReviewAssignment.objects.filter(reviewer=reviewer, status="active", application__in=declared).first()
    # The mentor with the most sessions logged, and their busiest team.
    from mentoring.models import CoachingSession

    busiest = (
        CoachingSession.objects.values("assignment__mentor", "application")
        .annotate(n=Count("pk"))
        .order_by("-n", "application")
        .first()
    )
    return {
        "mentor": User.objects.get(pk=busiest["assignment__mentor"]) if busiest else None,
        "mentored": Application.objects.get(pk=busiest["application"]) if busiest else None,
        "staff": staff,
        "reviewer": reviewer,
        "applicant": draft.contact_person,
        "participant": accepted.contact_person,
        "programme": Programme.objects.order_by("pk").first(),
        "selecting": selecting,
        "decided": decided,
        "open": open_intake,
        "draft": draft,
        "accepted": accepted,
        "ranked": ranked,
        "submitted": submitted,
        "scoring": scoring.application,
    }


def time_now():
    from django.utils import timezone

    return timezone.now()


def pages(f: dict) -> list[Page]:
    from django.urls import reverse

    def page(role, name, *args, query=""):
        return Page(
            name.split(":")[1] + (f"?{query}" if query else ""),
            role,
            reverse(name, args=args) + (f"?{query}" if query else ""),
        )

    sel, dec = f["selecting"].pk, f["decided"].pk
    return [
        page("public", "portal:home"),
        page("public", "programmes:catalogue"),
        page("public", "programmes:programme_detail", f["programme"].slug),
        page("public", "programmes:intake_detail", f["open"].pk),
        page("applicant", "portal:dashboard"),
        page("applicant", "applications:detail", f["draft"].pk),
        page("applicant", "applications:status", f["draft"].pk),
        page("applicant", "applications:outline", f["draft"].pk, "problem"),
        page("applicant", "applications:team", f["draft"].pk),
        page("applicant", "applications:attachments", f["draft"].pk),
        page("applicant", "applications:checklist", f["draft"].pk),
        page("participant", "portal:dashboard"),
        page("participant", "applications:detail", f["accepted"].pk),
        page("reviewer", "portal:dashboard"),
        page("reviewer", "selection:queue"),
        page("reviewer", "selection:review", f["scoring"].pk),
        page("staff", "portal:dashboard"),
        page("staff", "programmes:staff_programme_list"),
        page("staff", "programmes:staff_intake_list"),
        page("staff", "programmes:staff_intake_detail", sel),
        page("staff", "applications:staff_list", sel),
        page("staff", "applications:staff_list", sel, query="q=budget"),
        page("staff", "applications:detail", f["ranked"].pk),
        page("staff", "applications:screen", f["submitted"].pk),
        page("staff", "selection:intake_list"),
        page("staff", "selection:intake_home", sel),
        page("staff", "selection:reviewers", sel),
        page("staff", "selection:assignments", sel),
        page("staff", "selection:conflicts", sel),
        page("staff", "selection:application_reviews", f["ranked"].pk),
        page("staff", "selection:ranking", sel),
        page("staff", "selection:ranking_csv", sel),
        page("staff", "selection:balance", dec),
        page("staff", "selection:release", sel),
        page("staff", "selection:template_edit", dec, "accepted"),
        page("staff", "selection:confirmations", dec),
        *(
            [
                page("mentor", "portal:dashboard"),
                page("mentor", "mentoring:my_teams"),
                page("mentor", "mentoring:team", f["mentored"].pk),
                page("mentor", "mentoring:session_log", f["mentored"].pk),
                page("staff", "mentoring:overview"),
                page("staff", "mentoring:team", f["mentored"].pk),
            ]
            if f["mentor"]
            else []
        ),
    ]


def measure(base: str, f: dict, todo: list[Page], *, rounds: int, warmup: int = 2) -> list[float]:
    import requests

    from bench.client import login, prepare
    from bench.seed import PASSWORD, TOTP_SECRET
    from portal.middleware import parse_server_timing

    sessions = {"public": prepare(requests.Session(), base)}
    for role in ("applicant", "participant", "reviewer", "staff", "mentor"):
        if f.get(role) is None:
            continue
        for attempt in range(3):  # on a loaded machine a login can outlive its TOTP code: again, with a new one
            sessions[role] = prepare(requests.Session(), base)
            try:
                login(sessions[role], base, email=f[role].email, password=PASSWORD, totp_secret=TOTP_SECRET)
                break
            except RuntimeError:
                if attempt == 2:
                    raise
    health = prepare(requests.Session(), base)
    healthz: list[float] = []

    def get(session, path) -> tuple[float, requests.Response]:
        started = time.perf_counter()
        response = session.get(base + path, allow_redirects=False)
        _ = response.content  # the whole body, streamed or not
        return (time.perf_counter() - started) * 1000, response

    rng = random.Random(7)  # noqa: S311 - an order, not a secret
    for round_ in range(warmup + rounds):
        order = list(todo)
        rng.shuffle(order)
        for page in order:
            ms_health, _response = get(health, "/healthz")
            ms, response = get(sessions[page.role], page.path)
            if response.status_code != 200:
                raise RuntimeError(f"{page.path} as {page.role}: {response.status_code}")
            if round_ >= warmup:
                healthz.append(ms_health)
                page.times.append(ms)
                page.queries.add(parse_server_timing(response.headers.get("Server-Timing", "")).get("queries", -1))
    return healthz


def report(todo: list[Page], healthz: list[float], out=sys.stdout) -> int:
    health_p95 = p95(healthz)
    out.write(f"{'page':<38} {'role':<11} {'median_ms':>9} {'p95_ms':>8} {'ratio':>6} {'queries':>7}\n")
    out.write(
        f"{'healthz':<38} {'public':<11} {statistics.median(healthz):>9.1f} {health_p95:>8.1f} {1:>6.1f} {1:>7}\n"
    )
    misses, worst = [], 0.0
    for page in todo:
        page_p95 = p95(page.times)
        ratio = page_p95 / health_p95
        worst = max(worst, ratio)
        queries = max(page.queries)
        out.write(
            f"{page.name:<38} {page.role:<11} {statistics.median(page.times):>9.1f} {page_p95:>8.1f} "
            f"{ratio:>6.1f} {queries:>7}\n"
        )
        reasons = []
        if ratio > TARGET_RATIO:
            reasons.append(f"p95 is {ratio:.1f} × healthz (target {TARGET_RATIO})")
        if page_p95 > TARGET_P95_MS:
            reasons.append(f"p95 {page_p95:.0f} ms (target {TARGET_P95_MS})")
        if queries > TARGET_QUERIES:
            reasons.append(f"{queries} queries (target {TARGET_QUERIES})")
        if reasons:
            misses.append(f"  over target: {page.name} ({page.role}): " + "; ".join(reasons))
    for line in misses:
        out.write(line + "\n")
    out.write(f"worst ratio {worst:.1f}; pages over target: {len(misses)}\n")
    return len(misses)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="timed requests per page (at least 30 for the figures)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--only", default="", help="time only pages whose name contains this")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from bench.server import gunicorn

    f = fixtures()
    todo = [p for p in pages(f) if args.only in p.name]
    with gunicorn(workers=args.workers) as base:
        healthz = measure(base, f, todo, rounds=args.rounds)
    report(todo, healthz)
    return 0


if __name__ == "__main__":
    sys.exit(main())
