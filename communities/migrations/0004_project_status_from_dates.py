"""A project's status follows its dates unless an editor chose one (issue 14, defect 3).

"ongoing" was the default every project was created with (teachers' projects
could not choose), so it never said more than "no one decided": it becomes
"automatic", and a project whose end date has passed now reads as completed.
"completed" was always someone's decision and stays an explicit status. The
page rows, their revisions (the admin edits the latest one) and wagtail-localize's
source snapshots (a sync copies the synchronised status into translations) all change.
"""
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations, models


def _rewrite(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ProjectPage = apps.get_model("communities", "ProjectPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")

    ProjectPage.objects.filter(status__in=old).update(status=new)
    content_type = ContentType.objects.filter(app_label="communities", model="projectpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        if revision.content.get("status") in old:
            revision.content["status"] = new
            revision.save(update_fields=["content"])
    for source in TranslationSource.objects.filter(specific_content_type=content_type).iterator():
        content = json.loads(source.content_json)
        if content.get("status") in old:
            content["status"] = new
            source.content_json = json.dumps(content, cls=DjangoJSONEncoder)
            source.save(update_fields=["content_json"])


def ongoing_to_automatic(apps, schema_editor):
    _rewrite(apps, {"ongoing"}, "automatic")


def automatic_to_ongoing(apps, schema_editor):
    _rewrite(apps, {"automatic", "planned"}, "ongoing")


class Migration(migrations.Migration):

    dependencies = [
        ('communities', '0003_invitations_and_anonymised'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtail_localize', '0016_rename_page_revision_translationlog_revision'),
    ]

    operations = [
        migrations.AlterField(
            model_name='projectpage',
            name='looking_for_partners',
            field=models.BooleanField(default=False, help_text='Shown until the project is completed.', verbose_name='looking for partners'),
        ),
        migrations.AlterField(
            model_name='projectpage',
            name='status',
            field=models.CharField(choices=[('automatic', 'Automatic (from the dates)'), ('planned', 'Planned'), ('ongoing', 'Ongoing'), ('completed', 'Completed')], default='automatic', help_text='Automatic follows the start and end dates. Choose a status only to override them, for example for a project that ended early.', max_length=16, verbose_name='status'),
        ),
        migrations.RunPython(ongoing_to_automatic, automatic_to_ongoing),
    ]
