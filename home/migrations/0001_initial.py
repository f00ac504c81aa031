"""HomePage and StandardPage, formerly of the shell (app label "site"), now of the home app.

A database migrated before the move already has the tables site_homepage and
site_standardpage, and every page, revision and translation source points at
the content types site.homepage and site.standardpage. Those rows are adopted:
the tables are renamed and the content types relabelled in place, so their ids
(which pages, revisions and wagtail-localize sources store) stay the same and
nothing is copied. A new database gets the tables created as usual.
"""
import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

MODELS = ("homepage", "standardpage")


def adopt_or_create(apps, schema_editor):
    connection = schema_editor.connection
    tables = set(connection.introspection.table_names())
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name in MODELS:
        model = apps.get_model("home", name)
        old_table = f"site_{name}"
        if old_table in tables:
            schema_editor.alter_db_table(model, old_table, model._meta.db_table)
        else:
            schema_editor.create_model(model)
        # The content type keeps its id, so Page.content_type and revisions stay valid.
        if not ContentType.objects.using(connection.alias).filter(app_label="home", model=name).exists():
            ContentType.objects.using(connection.alias).filter(app_label="site", model=name).update(app_label="home")
    # The old shell app's migration records describe tables that no longer exist under that name.
    schema_editor.execute("DELETE FROM django_migrations WHERE app = %s", ["site"])


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The models enter the state first; adopt_or_create then builds their tables.
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='HomePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('motto', models.CharField(blank=True, default='When we share, we win.', max_length=200, verbose_name='motto')),
                        ('intro', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
                    ],
                    options={
                        'verbose_name': 'home page',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='StandardPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.TextField(blank=True, max_length=1000, verbose_name='summary')),
                        ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('image', 5), ('attachment', 8), ('embed', 9), ('activity', 16)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'form_classname': 'title', 'icon': 'title', 'label': 'heading', 'template': 'includes/blocks/heading.html'}), 1: ('wagtail.blocks.RichTextBlock', (), {'label': 'rich text'}), 2: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'image'}), 3: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'required': False}), 4: ('wagtail.blocks.CharBlock', (), {'label': 'alternative text', 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('image', 2), ('caption', 3), ('alt_text', 4)]], {}), 6: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'document'}), 7: ('wagtail.blocks.CharBlock', (), {'label': 'description', 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('document', 6), ('description', 7)]], {}), 9: ('wagtail.embeds.blocks.EmbedBlock', (), {'label': 'embed', 'max_width': 800}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'activity'}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'step'}), 12: ('wagtail.blocks.IntegerBlock', (), {'label': 'minutes', 'min_value': 0, 'required': False}), 13: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'label': 'instructions'}), 14: ('wagtail.blocks.StructBlock', [[('title', 11), ('minutes', 12), ('instructions', 13)]], {}), 15: ('wagtail.blocks.ListBlock', (14,), {'label': 'steps'}), 16: ('wagtail.blocks.StructBlock', [[('title', 10), ('steps', 15)]], {})}, verbose_name='body')),
                    ],
                    options={
                        'verbose_name': 'standard page',
                    },
                    bases=('wagtailcore.page',),
                ),
                    ],
        ),
        migrations.RunPython(adopt_or_create, migrations.RunPython.noop),
    ]
