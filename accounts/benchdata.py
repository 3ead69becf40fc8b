"""Benchmark data (see bench/seed.py): programme staff, the reviewer pool, and a helper that makes people."""

from django.apps import apps
from django.contrib.auth.models import Group

from .models import PROGRAMME_STAFF_GROUP, Gender, User

FIRST = [
    "Amina",
    "Peter",
    "Grace",
    "Rosa",
    "Tomás",
    "Nguyễn",
    "Mercy",
    "Juan",
    "Lan",
    "Kofi",
    "Ana",
    "Brian",
    "Sofía",
    "Hassan",
    "Ingrid",
    "Joseph",
    "Fatuma",
    "Carlos",
    "Linh",
    "Esther",
    "David",
    "María",
    "Samuel",
    "Chanda",
    "Ruth",
    "Ibrahim",
    "Lucía",
    "Minh",
    "Agnes",
    "Pedro",
]
LAST = [
    "Wanjiru",
    "Odhiambo",
    "Quispe",
    "Herrera",
    "Thị Lan",
    "Akinyi",
    "Mensah",
    "Banda",
    "Mwale",
    "García",
    "Nakato",
    "Okello",
    "Rojas",
    "Pham",
    "Lindqvist",
    "Diallo",
    "Mutua",
    "Tembo",
    "Santos",
    "Kamau",
    "Vargas",
    "Tran",
    "Phiri",
    "Achieng",
    "López",
    "Ouma",
    "Nguyen",
    "Mbeki",
    "Silva",
    "Hoang",
]
COUNTRIES = ["KE", "TZ", "UG", "CO", "BO", "VN", "KH", "ZM", "ID"]
GENDERS = [Gender.WOMAN, Gender.MAN, Gender.WOMAN, Gender.MAN, Gender.NON_BINARY, Gender.UNDISCLOSED]


def make_users(ctx, *, prefix: str, count: int, organisation: str = "", position: str = "") -> list[User]:
    """`count` verified people `<prefix><n>@bench.example.org`, all with the bench password."""
    from allauth.account.models import EmailAddress

    from bench.seed import DOMAIN

    rng = ctx.rng
    users = [
        User(
            email=f"{prefix}{n}@{DOMAIN}",
            full_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            country=rng.choice(COUNTRIES),
            gender=rng.choice(GENDERS),
            organisation=organisation,
            position=position,
            password=ctx.password_hash,
            date_joined=ctx.now,
        )
        for n in range(1, count + 1)
    ]
    users = ctx.bulk(User, users)
    ctx.bulk(EmailAddress, [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users])
    return users


def give_totp(ctx, users) -> None:
    """When the portal asks staff and reviewers for a second factor, they answer from the bench secret."""
    if not apps.is_installed("allauth.mfa"):
        return
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import encrypt

    from bench.seed import TOTP_SECRET

    ctx.bulk(
        Authenticator,
        [Authenticator(user=u, type=Authenticator.Type.TOTP, data={"secret": encrypt(TOTP_SECRET)}) for u in users],
    )


def seed(ctx) -> None:
    from bench.seed import STAFF_EMAIL

    staff = make_users(ctx, prefix="bench-staff-", count=4, organisation="Programme secretariat")
    lead = User.objects.create(
        email=STAFF_EMAIL, full_name="Bench Staff", password=ctx.password_hash, country="SE", date_joined=ctx.now
    )
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=lead, email=lead.email, verified=True, primary=True)
    staff = [lead, *staff]
    group, _created = Group.objects.get_or_create(name=PROGRAMME_STAFF_GROUP)
    group.user_set.add(*staff)
    reviewers = make_users(
        ctx, prefix="bench-reviewer-", count=ctx.count(150, minimum=4), organisation="Independent expert"
    )
    give_totp(ctx, [*staff, *reviewers])
    ctx.made.update(staff=staff, reviewers=reviewers)
    ctx.made.setdefault("summary", []).append(f"{len(staff)} staff, {len(reviewers)} reviewers")
