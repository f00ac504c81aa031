"""Create the fixed ISCED 2011 levels and the languages list."""
from django.db import migrations

LEVEL_CODES = range(0, 9)
LANGUAGE_CODES = ["en", "sv", "de", "pt", "fr", "es", "it", "nl", "pl", "fi", "da", "no"]


def seed(apps, schema_editor):
    EducationLevel = apps.get_model("vocabularies", "EducationLevel")
    Language = apps.get_model("vocabularies", "Language")
    for code in LEVEL_CODES:
        EducationLevel.objects.get_or_create(code=code)
    for code in LANGUAGE_CODES:
        Language.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("vocabularies", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
