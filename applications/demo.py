"""Demo data: a dozen team applications in every state, in the programme's open and past intakes.

Idempotent: each application is found by its intake and title. Needs programmes.demo first; without
the “Leadership in Local Governance” programme it creates nothing.
"""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction

from accounts.models import User
from portal.models import Activity
from portal.services import activities_redate
from programmes.enums import CEFRLevel, MemberRoleType, OrganisationType
from programmes.models import Programme

from .enums import ApplicationStatus as S
from .models import Application, Attachment, Organisation, TeamMember
from .services import application_transition

PROGRAMME_SLUG = "leadership-in-local-governance"
PATHS = {
    S.DRAFT: [],
    S.SUBMITTED: [S.SUBMITTED],
    S.ELIGIBLE: [S.SUBMITTED, S.ELIGIBLE],
    S.INELIGIBLE: [S.SUBMITTED, S.INELIGIBLE],
    S.UNDER_REVIEW: [S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW],
    S.ACCEPTED: [S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW, S.ACCEPTED_PENDING, S.ACCEPTED],
    S.WAITLISTED: [S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW, S.WAITLISTED_PENDING, S.WAITLISTED],
    S.REJECTED: [S.SUBMITTED, S.ELIGIBLE, S.UNDER_REVIEW, S.REJECTED_PENDING, S.REJECTED],
    S.WITHDRAWN: [S.SUBMITTED, S.WITHDRAWN],
}
REASONS = {
    S.INELIGIBLE: "The lead organisation is a national ministry; this intake is open to municipalities and regions.",
    S.WAITLISTED_PENDING: "A strong project; the places went to teams from countries with fewer participants.",
    S.REJECTED_PENDING: "The outline describes a construction project rather than a change in how the council works.",
    S.WITHDRAWN: "Early elections were called and the council cannot commit staff time this year.",
}
# A past intake's history carries the dates it would have had: each team started in the intake's
# first weeks and submitted before the deadline; screening, review and decisions followed in the weeks
# after it. Days from the intake's closing:
STEP_DAYS = {
    S.SUBMITTED: -2,
    S.WITHDRAWN: 12,
    S.ELIGIBLE: 7,
    S.INELIGIBLE: 7,
    S.UNDER_REVIEW: 14,
    S.ACCEPTED_PENDING: 45,
    S.WAITLISTED_PENDING: 45,
    S.REJECTED_PENDING: 45,
    S.ACCEPTED: 52,
    S.WAITLISTED: 52,
    S.REJECTED: 52,
}
POL, OFF, CSO = MemberRoleType.POLITICIAN, MemberRoleType.OFFICIAL, MemberRoleType.CIVIL_SOCIETY

# (intake, status, country, organisation, organisation type, title, problem, objectives, target group,
#  core areas, SDGs, members: (e-mail, name, role, gender, position)). "applicant"/"participant" are demo users.
TEAMS = [
    (
        "open",
        S.DRAFT,
        "KE",
        "Kisumu County Government",
        OrganisationType.REGION,
        "Ward budget hearings in Kisumu",
        "Residents of the informal settlements along the lake shore are not heard when the county budget is "
        "prepared; the few public meetings are announced late and held in English only.",
        "Hold a budget hearing in every ward in Dholuo and Swahili, and publish how the input changed the budget.",
        "Residents of Nyalenda and Obunga, especially women traders and young people.",
        ["participation", "transparency"],
        [11, 16],
        [
            ("applicant", "", OFF, "woman", ""),
            ("odhiambo@demo.example.org", "Peter Odhiambo", POL, "man", "Ward representative"),
            ("akinyi@demo.example.org", "Mercy Akinyi", CSO, "woman", "Coordinator, Lake Traders' Network"),
        ],
    ),
    (
        "open",
        S.DRAFT,
        "BO",
        "Gobierno Autónomo Municipal de El Alto",
        OrganisationType.MUNICIPALITY,
        "Mesas vecinales: citizen tables in El Alto",
        "Neighbourhood councils exist on paper, but decisions on water and street lighting are taken without them.",
        "Set up monthly citizen tables in three districts with a public log of requests and answers.",
        "Aymara-speaking families in the outer districts.",
        ["participation", "accountability"],
        [6, 11],
        [("quispe@demo.example.org", "Rosa Quispe Mamani", OFF, "woman", "Head of Citizen Participation")],
    ),
    (
        "open",
        S.SUBMITTED,
        "VN",
        "Huế City People's Committee",
        OrganisationType.MUNICIPALITY,
        "One-stop citizen service desks in Huế",
        "People with disabilities and older residents must visit several offices, often several times, for one permit.",
        "Open accessible one-stop desks in four wards and cut the average number of visits per request to one.",
        "Residents with disabilities, older people and their families.",
        ["equality", "transparency"],
        [10, 16],
        [
            ("tran.minh@demo.example.org", "Trần Văn Minh", OFF, "man", "Deputy Director, Administrative Reform"),
            ("le.hoa@demo.example.org", "Lê Thị Hoa", POL, "woman", "Member of the People's Council"),
            ("pham.an@demo.example.org", "Phạm Quốc An", CSO, "man", "Huế Association of People with Disabilities"),
        ],
    ),
    (
        "open",
        S.SUBMITTED,
        "TZ",
        "Mwanza City Council",
        OrganisationType.MUNICIPALITY,
        "Open contracting for market renovations",
        "Traders do not know who won the market renovation contracts or what was promised; rumours spread.",
        "Publish every market contract and its progress on notice boards and by SMS, and review them with traders.",
        "Market traders, most of them women, in Mwanza's five municipal markets.",
        ["transparency", "accountability"],
        [8, 16],
        [
            ("juma@demo.example.org", "Hassan Juma", OFF, "man", "Procurement Officer"),
            ("mwakyusa@demo.example.org", "Neema Mwakyusa", POL, "woman", "Councillor"),
            ("massawe@demo.example.org", "Grace Massawe", CSO, "woman", "Chair, Mwanza Market Women's Group"),
        ],
    ),
    (
        "open",
        S.ELIGIBLE,
        "CO",
        "Alcaldía de Medellín",
        OrganisationType.MUNICIPALITY,
        "Presupuesto participativo joven",
        "Young people in the hillside comunas rarely take part in participatory budgeting.",
        "Reserve part of each comuna's participatory budget for projects chosen by residents aged 14 to 28.",
        "Young people in comunas 1, 3 and 13.",
        ["participation", "equality"],
        [4, 10, 16],
        [
            ("restrepo@demo.example.org", "Camila Restrepo", OFF, "woman", "Youth Secretariat adviser"),
            ("garcia@demo.example.org", "Andrés García", POL, "man", "Concejal"),
            ("mosquera@demo.example.org", "Yesenia Mosquera", CSO, "woman", "Corporación Juvenil Comuna 13"),
        ],
    ),
    (
        "open",
        S.INELIGIBLE,
        "UG",
        "Ministry of Local Government (national)",
        OrganisationType.ASSOCIATION,
        "National guidelines on local accountability",
        "District councils report to citizens in very different ways.",
        "Write national guidelines for accountability meetings.",
        "District officials.",
        ["accountability"],
        [16],
        [("okello@demo.example.org", "Samuel Okello", OFF, "man", "Principal Policy Analyst")],
    ),
    (
        "open",
        S.UNDER_REVIEW,
        "KH",
        "Siem Reap Provincial Administration",
        OrganisationType.REGION,
        "Commune complaint boxes that get answers",
        "Complaint boxes in communes are emptied rarely and people never hear back, so they stopped using them.",
        "Answer every complaint within 30 days and post the answers at the commune office and on the radio.",
        "Villagers in six communes around the city, especially households headed by women.",
        ["accountability", "participation"],
        [1, 16],
        [
            ("sokha@demo.example.org", "Chan Sokha", OFF, "woman", "Deputy Director, Planning"),
            ("dara@demo.example.org", "Vann Dara", POL, "man", "Provincial councillor"),
            ("sreymom@demo.example.org", "Kim Sreymom", CSO, "woman", "Women's Voice Cambodia"),
        ],
    ),
    (
        "open",
        S.WITHDRAWN,
        "ZM",
        "Ndola City Council",
        OrganisationType.MUNICIPALITY,
        "Water kiosks run with residents",
        "Water kiosks in Chipulukusu close without notice and prices are not displayed.",
        "Run kiosks with resident committees and publish prices and opening hours.",
        "Households in Chipulukusu and Kabushi.",
        ["participation", "transparency"],
        [6],
        [("mwansa@demo.example.org", "Bwalya Mwansa", OFF, "man", "Water and Sanitation Officer")],
    ),
    (
        "past",
        S.ACCEPTED,
        "VN",
        "Hội An City People's Committee",
        OrganisationType.MUNICIPALITY,
        "Citizen feedback on heritage-zone permits",
        "Families in the old town wait months for repair permits and cannot see where their file is.",
        "Publish the status of every permit online and at the ward office, with a fixed maximum time.",
        "Families living and working in the heritage zone.",
        ["transparency", "accountability"],
        [11, 16],
        [
            ("nguyen.binh@demo.example.org", "Nguyễn Văn Bình", OFF, "man", "Head of Urban Management"),
            ("participant", "", POL, "woman", ""),
            ("vo.thu@demo.example.org", "Võ Thị Thu", CSO, "woman", "Hội An Women's Union"),
        ],
    ),
    (
        "past",
        S.ACCEPTED,
        "ID",
        "Pemerintah Kota Surakarta",
        OrganisationType.MUNICIPALITY,
        "Musrenbang that includes people with disabilities",
        "People with disabilities are absent from the development planning meetings (musrenbang).",
        "Make every musrenbang accessible and reserve seats for organisations of people with disabilities.",
        "Residents with disabilities in Surakarta's five districts.",
        ["equality", "participation"],
        [10, 11],
        [
            ("wulandari@demo.example.org", "Sri Wulandari", OFF, "woman", "Planning Agency officer"),
            ("santoso@demo.example.org", "Budi Santoso", POL, "man", "Member of the City Council"),
            ("rahmawati@demo.example.org", "Dewi Rahmawati", CSO, "woman", "Solo Inclusive Forum"),
        ],
    ),
    (
        "past",
        S.WAITLISTED,
        "CO",
        "Gobernación del Cauca",
        OrganisationType.REGION,
        "Rendición de cuentas en territorios indígenas",
        "Indigenous communities receive the regional accountability report only in Spanish and only online.",
        "Hold accountability assemblies in Nasa Yuwe and Spanish in the communities themselves.",
        "Nasa and Misak communities of northern Cauca.",
        ["accountability", "equality"],
        [10, 16],
        [
            ("pechene@demo.example.org", "Luz Dary Pechené", CSO, "woman", "Consejo Regional Indígena"),
            ("munoz@demo.example.org", "Jorge Muñoz", OFF, "man", "Planning Secretariat"),
        ],
    ),
    (
        "past",
        S.REJECTED,
        "KE",
        "Nakuru County Government",
        OrganisationType.REGION,
        "New county headquarters",
        "The county offices are too small.",
        "Build a new headquarters with a public hall.",
        "County staff.",
        ["transparency"],
        [9],
        [("kiprono@demo.example.org", "Daniel Kiprono", OFF, "man", "Chief Officer, Public Works")],
    ),
]

MANDATE_PDF = b"%PDF-1.4\n% Demo mandate letter\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _date_the_history(application, path, *, offset):
    """Move a past intake's application and its feed to the days they would have happened (not today)."""
    intake = application.intake
    started = intake.opens_at + timedelta(days=10 + offset, hours=9)
    dates = [started] + [intake.closes_at + timedelta(days=STEP_DAYS[step], hours=offset) for step in path]
    activities_redate(obj=application, dates=dates)
    submitted = dates[path.index(S.SUBMITTED) + 1] if S.SUBMITTED in path else None
    Application.objects.filter(pk=application.pk).update(
        created_at=started, submitted_at=submitted, updated_at=dates[-1]
    )


def _user(email, name, country, position, organisation, gender):
    from accounts.demo import demo_user

    if email in ("applicant", "participant"):
        return demo_user(email)
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "full_name": name,
            "country": country,
            "position": position,
            "organisation": organisation,
            "gender": gender,
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _outline(town, problem, objectives, target, areas, sdgs):
    return {
        "problem": problem,
        "objectives": objectives,
        "target_group": target,
        "core_areas": areas,
        "sdgs": sdgs,
        "stakeholders": f"The council and its departments in {town}, ward or village leaders, local media, "
        "residents' associations and the civil-society organisation in the team.",
        "citizen_involvement": "Residents help design the new routine in open workshops, test it for three months "
        "and judge it in a public review meeting.",
        "expected_results": "The new routine is part of the council's normal work and residents can see what "
        "happened to their input.",
        "timeline": "Months 1-3: map the situation with residents. Months 4-9: try the new routine. "
        "Months 10-12: review it publicly and decide how to keep it.",
        "commitment_staff_time": "Two staff members at one day a week each, and the team members' own time.",
        "commitment_budget": "The council pays for meeting rooms, translation and printing from its own budget.",
        "baseline_political_commitment": "The mayor and the council's executive committee support the project.",
        "baseline_dedicated_staff": "No one works on this today beyond their regular duties.",
        "baseline_current_situation": problem,
    }


@transaction.atomic
def seed(*, stdout) -> None:
    from accounts.demo import demo_user

    programme = Programme.objects.filter(slug=PROGRAMME_SLUG).first()
    if programme is None:
        return
    intakes = list(programme.intakes.order_by("-opens_at"))
    if len(intakes) < 2:
        return
    by_key = {"open": intakes[0], "past": intakes[-1]}
    staff = demo_user("staff")
    created = 0
    for key, status, country, org_name, org_type, title, problem, objectives, target, areas, sdgs, members in TEAMS:
        intake = by_key[key]
        if Application.objects.filter(intake=intake, title=title).exists():
            continue
        people = [
            (_user(email, name, country, position, org_name, gender), role, gender, position)
            for email, name, role, gender, position in members
        ]
        contact = people[0][0]
        application = Application.objects.create(
            intake=intake,
            contact_person=contact,
            title=title,
            **_outline(org_name, problem, objectives, target, areas, sdgs),
        )
        Activity.record(obj=application, actor=contact, verb="started the application", to_state=S.DRAFT)
        Organisation.objects.create(application=application, name=org_name, type=org_type, country=country)
        for index, (user, role, gender, position) in enumerate(people):
            TeamMember.objects.create(
                application=application,
                user=user,
                position=position or user.position,
                organisation=org_name,
                role_type=role,
                gender=gender or user.gender,
                english_level=CEFRLevel.B2 if index % 2 == 0 else CEFRLevel.B1,
                is_contact=index == 0,
            )
        if status != S.DRAFT:
            attachment = Attachment(
                application=application,
                kind="mandate_letter",
                original_name=f"Mandate letter – {org_name}.pdf",
                size=len(MANDATE_PDF),
                content_type="application/pdf",
                uploaded_by=contact,
            )
            attachment.file.save("mandate.pdf", ContentFile(MANDATE_PDF), save=False)
            attachment.save()
        for step in PATHS[status]:
            by = contact if step in (S.SUBMITTED, S.WITHDRAWN) else staff
            application_transition(application=application, to=step, by=by, reason=REASONS.get(step, ""), notify=False)
        if key == "past":
            _date_the_history(application, PATHS[status], offset=created)
        created += 1
    stdout.write(f"Applications: {created} created ({len(TEAMS)} in the demo)")
