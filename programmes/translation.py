"""Staff-written texts in each language (django-modeltranslation): one column per language, English the fallback.

The history models (simple-history) get the same columns, so a version keeps every language.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Intake, Phase, Programme, RubricCriterion


@register(Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("title", "summary", "objectives", "expected_outcomes")
    required_languages = ("en",)


@register(Intake)
class IntakeTranslation(TranslationOptions):
    fields = ("name", "faq")
    required_languages = {"en": ("name",)}


@register(Phase)
class PhaseTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(RubricCriterion)
class RubricCriterionTranslation(TranslationOptions):
    fields = ("name", "description", "guidance")
    required_languages = {"en": ("name",)}


for _model, _options in (
    (Programme, ProgrammeTranslation),
    (Intake, IntakeTranslation),
):
    _historical = type(f"Historical{_options.__name__}", (TranslationOptions,), {"fields": _options.fields})
    register(_model.history.model)(_historical)
