"""Give the groups that may submit translations (wagtail-localize: Editors and Moderators) the status report."""
from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations run; create this one now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="translations", model="translationrequest")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_translation_report",
        defaults={"name": "Can view the translation status report"},
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="translations", codename="view_translation_report").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
