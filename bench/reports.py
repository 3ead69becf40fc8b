"""Time and peak memory of report making: the application dossier for 5 and 50 applications, and a
10,000-row XLSX export through the shared writer.

    .venv/bin/python bench/reports.py            # a scratch SQLite database in a temporary folder
    DATABASE_URL=postgres://…/scratch .venv/bin/python bench/reports.py   # or a scratch PostgreSQL database
    .venv/bin/python bench/reports.py --scratch /tmp/bench-reports          # keep the data to measure again

Each report is made in a fresh child process (as a recycled Celery worker child would), so its
wall time and peak memory (max RSS) are the whole job's: Django start-up excluded, data read,
HTML rendered, laid out by WeasyPrint and stored. CPU seconds are quoted next to wall seconds
because on a shared machine the wall time also counts the waiting. Prints one line per case and the ratio
t(50)/t(5) (target: dossier of 50 in ≤ 8 s and ≤ 300 MB, linear: ratio ≤ 11).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def seed(n: int) -> int:
    """An intake with `n` eligible applications, each scored by two reviewers; returns a queued job's id."""
    from programmes.models import Intake
    from reports.enums import ReportKind
    from reports.models import ReportJob
    from tests.factories import ApplicationFactory, IntakeFactory, RubricCriterionFactory, StaffFactory
    from tests.factories.selection import scored_review

    existing = Intake.objects.filter(name=f"Bench {n}").first()
    if existing is not None:  # a scratch database kept from an earlier run (--keep)
        staff = ReportJob.objects.filter(intake=existing).first().requested_by
        return ReportJob.objects.create(kind=ReportKind.DOSSIER, intake=existing, requested_by=staff).pk
    intake = IntakeFactory(closed=True, team_places=max(n // 3, 1), name=f"Bench {n}")
    for order, (name, weight) in enumerate([("Relevance", 40), ("Feasibility", 30), ("Commitment", 30)]):
        RubricCriterionFactory(intake=intake, name=name, weight=weight, max_score=5, order=order)
    reviewers = [StaffFactory(full_name=f"Reviewer {i}") for i in range(4)]
    for i in range(n):
        application = ApplicationFactory(intake=intake, under_review=True, complete=True)
        for j in range(2):
            scored_review(application=application, reviewer=reviewers[(i + j) % 4], scores=[(i + j) % 6, 3, 4])
    return ReportJob.objects.create(kind=ReportKind.DOSSIER, intake=intake, requested_by=reviewers[0]).pk


def child(job_id: int) -> None:
    _django()
    from reports.models import ReportJob
    from reports.services import report_make

    started = time.perf_counter()
    report_make(job_id=job_id)
    job = ReportJob.objects.get(pk=job_id)
    print(f"{time.perf_counter() - started:.3f} {job.status} {job.size or 0}")


def xlsx_child(rows: int) -> None:
    """Write `rows` typed rows (text, whole numbers, decimals, dates) through the shared export writer."""
    _django()
    import datetime
    from decimal import Decimal

    from portal.exports import xlsx_file

    header = ["Team", "Country", "Members", "Mean", "Submitted"]
    submitted = datetime.datetime(2027, 3, 15, 12, 0, tzinfo=datetime.UTC)
    data = (
        [f"Open budget hearings in ward {n}", "KE", 3 + n % 4, Decimal(n % 10_000) / 100, submitted]
        for n in range(rows)
    )
    started = time.perf_counter()
    output = xlsx_file(header, data)
    size = len(output.read())
    print(f"{time.perf_counter() - started:.3f} done {size}")


def measure(job_id: int, env: dict, args: list[str] | None = None) -> tuple[float, float, float, int, str]:
    """(wall seconds of the job, CPU seconds of the child, peak MB of the child, PDF bytes, status)."""
    proc = subprocess.Popen(  # noqa: S603 - this script, with its own arguments
        [sys.executable, __file__, *(args or ["--child", str(job_id)])], env=env, stdout=subprocess.PIPE, text=True
    )
    _pid, _status, usage = os.wait4(proc.pid, 0)
    seconds, status, size = proc.stdout.read().split()
    proc.stdout.close()
    return float(seconds), usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, int(size), status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--xlsx-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--xlsx-rows", type=int, default=10_000, help="rows of the XLSX export (default 10,000)")
    parser.add_argument("--sizes", default="5,50", help="application counts to measure (default 5,50)")
    parser.add_argument("--scratch", help="keep the scratch folder (database and files) here, to measure again")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    if args.xlsx_child:
        xlsx_child(args.xlsx_child)
        return
    scratch = args.scratch or tempfile.mkdtemp(prefix="bench-reports-")
    Path(scratch).mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{scratch}/bench.sqlite3",
        "MEDIA_ROOT": scratch,
        "CELERY_BROKER_URL": "",
        "DEBUG": "true",
    }
    os.environ.update(env)
    _django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    sizes = [int(s) for s in args.sizes.split(",")]
    jobs = {n: seed(n) for n in sizes}
    print("report rows wall_s cpu_s peak_mb file_kb status")
    times = {}
    for n in sizes:
        seconds, cpu, peak, size, status = measure(jobs[n], env)
        times[n] = seconds
        print(f"dossier {n} {seconds:.2f} {cpu:.2f} {peak:.0f} {size // 1024} {status}")
    seconds, cpu, peak, size, status = measure(0, env, ["--xlsx-child", str(args.xlsx_rows)])
    print(f"xlsx_export {args.xlsx_rows} {seconds:.2f} {cpu:.2f} {peak:.0f} {size // 1024} {status}")
    if len(sizes) >= 2:
        print(f"ratio t({sizes[-1]})/t({sizes[0]}) = {times[sizes[-1]] / times[sizes[0]]:.1f}")


if __name__ == "__main__":
    main()
