"""The decision e-mails staff write, in each language (django-modeltranslation); English the fallback."""

from modeltranslation.translator import TranslationOptions, register

from .models import NotificationTemplate


@register(NotificationTemplate)
class NotificationTemplateTranslation(TranslationOptions):
    fields = ("subject", "body")
    required_languages = ("en",)


@register(NotificationTemplate.history.model)
class HistoricalNotificationTemplateTranslation(TranslationOptions):
    fields = ("subject", "body")
