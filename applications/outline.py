"""The change-project outline: its sections, questions and which answers a submission needs."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import WORD_LIMITS, Application


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    fields: tuple[str, ...]
    intro: str = ""


SECTIONS = [
    Section(
        "problem",
        _("The problem and your objectives"),
        ("title", "problem", "objectives", "target_group"),
        _("Describe a real problem in your municipality or region that your team can change."),
    ),
    Section(
        "focus",
        _("Core areas and goals"),
        ("core_areas", "sdgs"),
        _("Which of the programme's four core areas does the change project serve?"),
    ),
    Section(
        "plan",
        _("Stakeholders, citizens and results"),
        ("stakeholders", "citizen_involvement", "expected_results", "timeline"),
    ),
    Section(
        "commitment",
        _("Local commitment"),
        ("commitment_staff_time", "commitment_budget"),
        _("The programme funds no implementation: the change project is carried out with local resources."),
    ),
    Section(
        "baseline",
        _("Baseline and earlier work"),
        (
            "baseline_political_commitment",
            "baseline_dedicated_staff",
            "baseline_current_situation",
            "builds_on_previous",
            "builds_on_description",
        ),
        _("Where things stand today, so progress can be seen later."),
    ),
]
SECTIONS_BY_SLUG = {section.slug: section for section in SECTIONS}
OPTIONAL_FIELDS = {"sdgs", "builds_on_previous", "builds_on_description"}


def field_label(name: str) -> str:
    return str(Application._meta.get_field(name).verbose_name)


def missing_answers(application: Application, section: Section) -> list[str]:
    """Labels of the questions in `section` that a submission still needs answered."""
    missing = []
    for name in section.fields:
        value = getattr(application, name)
        needed = name not in OPTIONAL_FIELDS or (name == "builds_on_description" and application.builds_on_previous)
        if needed and (not value or (isinstance(value, str) and not value.strip())):
            missing.append(field_label(name).capitalize())
    return missing


def questions(*, intake=None) -> list[dict]:
    """Every question with its section and word limit (the intake's own, if given), for the printable list."""
    limits = WORD_LIMITS if intake is None else {**WORD_LIMITS, **{k: v for k, v in intake.word_limits.items() if v}}
    return [
        {
            "section": section,
            "questions": [
                {
                    "label": field_label(name).capitalize(),
                    "help_text": Application._meta.get_field(name).help_text,
                    "word_limit": limits.get(name),
                    "required": name not in OPTIONAL_FIELDS,
                }
                for name in section.fields
            ],
        }
        for section in SECTIONS
    ]
