"""Demo users, one per role. Other apps' demo modules give them work to do."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from .models import PROGRAMME_STAFF_GROUP, Gender, User

DEMO_PASSWORD = "portal-demo"

# (e-mail, full name, role)
DEMO_USERS = [
    ("staff@example.org", "Ingrid Lindqvist", "staff"),
    ("reviewer@example.org", "Tomás Herrera", "reviewer"),
    ("mentor@example.org", "Amina Diallo", "mentor"),
    ("applicant@example.org", "Grace Wanjiru", "applicant"),
    ("participant@example.org", "Nguyễn Thị Lan", "participant"),
]

PROFILES = {
    "staff": {
        "country": "SE",
        "organisation": "Programme secretariat",
        "position": "Programme manager",
        "gender": Gender.WOMAN,
    },
    "reviewer": {
        "country": "CO",
        "organisation": "Independent expert",
        "position": "Governance adviser",
        "gender": Gender.MAN,
    },
    "mentor": {
        "country": "SN",
        "organisation": "Dakar City Council (retired)",
        "position": "Former city manager",
        "gender": Gender.WOMAN,
    },
    "applicant": {
        "country": "KE",
        "organisation": "Kisumu County Government",
        "position": "Director of Planning",
        "gender": Gender.WOMAN,
    },
    "participant": {
        "country": "VN",
        "organisation": "Hue City People's Committee",
        "position": "Head of Citizen Services",
        "gender": Gender.WOMAN,
    },
}


def demo_user(role: str) -> User:
    email = next(e for e, _n, r in DEMO_USERS if r == role)
    return User.objects.get(email=email)


def seed(*, stdout) -> None:
    staff_group, _created = Group.objects.get_or_create(name=PROGRAMME_STAFF_GROUP)
    for email, full_name, role in DEMO_USERS:
        user, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name, **PROFILES[role]})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        # Verified, so the demo users can log in straight away.
        EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        if role == "staff":
            user.groups.add(staff_group)
    stdout.write(f"Demo users: {len(DEMO_USERS)}")
