"""A decision keeps its internal reason apart from an optional message to the team.

The intakes' saved e-mail texts said {reason}, which sent the internal reason to the team; they now
say {message}. Existing decisions keep their reason as the internal reason and get no message:
nothing written for staff is sent to a team by a later release.
"""

from django.db import migrations, models


def reason_to_message(apps, schema_editor):
    NotificationTemplate = apps.get_model("selection", "NotificationTemplate")
    for template in NotificationTemplate.objects.filter(
        models.Q(subject__contains="{reason}") | models.Q(body__contains="{reason}")
    ):
        template.subject = template.subject.replace("{reason}", "{message}")
        template.body = template.body.replace("{reason}", "{message}")
        template.save(update_fields=["subject", "body"])


def message_to_reason(apps, schema_editor):
    NotificationTemplate = apps.get_model("selection", "NotificationTemplate")
    for template in NotificationTemplate.objects.filter(
        models.Q(subject__contains="{message}") | models.Q(body__contains="{message}")
    ):
        template.subject = template.subject.replace("{message}", "{reason}")
        template.body = template.body.replace("{message}", "{reason}")
        template.save(update_fields=["subject", "body"])


class Migration(migrations.Migration):
    dependencies = [
        ("selection", "0003_assignment_and_confirmation_states"),
    ]

    operations = [
        migrations.AddField(
            model_name="decision",
            name="message",
            field=models.TextField(blank=True, verbose_name="message to the team"),
        ),
        migrations.AlterField(
            model_name="decision",
            name="reason",
            field=models.TextField(verbose_name="internal reason"),
        ),
        migrations.RunPython(reason_to_message, message_to_reason),
    ]
