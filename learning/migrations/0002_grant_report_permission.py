"""Give the editors' groups (Editors, Moderators) the facilitators-trained report (counts only)."""
from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations run; create this one now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="learning", model="enrolment")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_facilitators_report",
        defaults={"name": "Can see how many facilitators completed the curriculum"},
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="learning", codename="view_facilitators_report").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
