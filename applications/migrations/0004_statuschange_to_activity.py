from django.db import migrations

STAGED = ("accepted_pending", "waitlisted_pending", "rejected_pending")


def copy_to_activity(apps, schema_editor):
    """Every StatusChange becomes an entry of the one activity feed (staged decisions: staff only)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    StatusChange = apps.get_model("applications", "StatusChange")
    Activity = apps.get_model("portal", "Activity")
    content_type, _created = ContentType.objects.get_or_create(app_label="applications", model="application")
    Activity.objects.bulk_create(
        [
            Activity(
                content_type_id=content_type.pk,
                object_id=change.application_id,
                actor_id=change.by_id,
                verb=change.to_status,
                from_state=change.from_status,
                to_state=change.to_status,
                reason=change.reason,
                audience="staff" if change.to_status in STAGED else "team",
                created_at=change.created_at,
            )
            for change in StatusChange.objects.order_by("created_at", "pk").iterator()
        ],
        batch_size=500,
    )


def copy_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    StatusChange = apps.get_model("applications", "StatusChange")
    Activity = apps.get_model("portal", "Activity")
    content_type = ContentType.objects.filter(app_label="applications", model="application").first()
    if content_type is None:
        return
    entries = Activity.objects.filter(content_type_id=content_type.pk).exclude(to_state="").order_by("created_at", "pk")
    StatusChange.objects.bulk_create(
        [
            StatusChange(
                application_id=a.object_id,
                from_status=a.from_state,
                to_status=a.to_state,
                by_id=a.actor_id,
                reason=a.reason,
                created_at=a.created_at,
            )
            for a in entries
        ]
    )
    entries.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0003_staged_decisions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("portal", "0001_activity"),
    ]

    operations = [
        migrations.RunPython(copy_to_activity, copy_back),
        migrations.DeleteModel(name="StatusChange"),
    ]
