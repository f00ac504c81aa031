"""Create the four locales and the English home page as the site root.

On a database that had the home page before the move, nothing is done.
Wagtail's own migration leaves a "Welcome" page under the tree root; it is
replaced by the English HomePage. Translations of the home page are made by
load_demo (and by editors) through wagtail-localize.
"""
from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")

    for code in ["en", "sv", "de", "pt"]:
        Locale.objects.get_or_create(language_code=code)
    en = Locale.objects.get(language_code="en")

    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    if HomePage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    root = Page.objects.get(depth=1)
    homepage = HomePage.objects.create(
        title="Kollega",
        draft_title="Kollega",
        slug="home",
        content_type=content_type,
        path=root.path + "0001" if not Page.objects.filter(path=root.path + "0001").exists() else root.path + "0002",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=en,
        motto="When we share, we win.",
        live=True,
        has_unpublished_changes=False,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", root_page=homepage, is_default_site=True, site_name="Kollega")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
