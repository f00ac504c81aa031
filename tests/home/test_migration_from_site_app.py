"""A database made before HomePage and StandardPage moved from the shell (app "site") to home.

tests/home/data/pre-home-app.sqlite3.gz was migrated with the code of main before the move, then
given a Swedish translation of the home page (published), an About page with three revisions (the
last one a draft) and a wagtail-localize translation source. Migrating it with today's code must
keep every page, revision and translation, and point them at the home app's models.
"""

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = Path(__file__).parent / "data" / "pre-home-app.sqlite3.gz"

CHECK = """
import json
from wagtail.models import Page, Revision
from wagtail_localize.models import TranslationSource
from home.models import HomePage, StandardPage
en, sv = HomePage.objects.order_by("pk")
about = StandardPage.objects.get(slug="about")
source = TranslationSource.objects.get(object_id=about.translation_key)
print(json.dumps({
    "homes": [(p.title, p.locale.language_code, p.live, p.motto) for p in (en, sv)],
    "same_group": en.translation_key == sv.translation_key,
    "specific": sorted(type(p.specific).__name__ for p in Page.objects.filter(depth__gte=2)),
    "about_live": about.summary,
    "revisions": [r.as_object().summary for r in about.revisions.order_by("created_at", "pk")],
    "latest_draft": about.get_latest_revision_as_object().summary,
    "source_model": source.specific_content_type.model_class().__name__,
    "labels": sorted({p.content_type.app_label for p in Page.objects.filter(depth__gte=2)}),
}))
"""


@pytest.mark.slow
def test_a_database_from_before_the_move_keeps_its_pages_revisions_and_translations(tmp_path):
    database = tmp_path / "old.sqlite3"
    with gzip.open(SNAPSHOT) as compressed, open(database, "wb") as out:
        shutil.copyfileobj(compressed, out)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DJANGO_SETTINGS_MODULE": "kollega.settings.dev"}

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        ).stdout

    manage("migrate", "--noinput", "-v0")
    facts = json.loads(manage("shell", "-c", CHECK).strip().splitlines()[-1])

    assert facts["homes"] == [
        ["Kollega", "en", True, "When we share, we win."],
        ["Kollega (svenska)", "sv", True, "När vi delar, vinner vi."],
    ]
    assert facts["same_group"]
    assert facts["specific"] == ["HomePage", "HomePage", "StandardPage"]
    assert facts["about_live"] == "Who we are, second version"
    assert facts["revisions"] == ["Who we are", "Who we are, second version", "A draft third version"]
    assert facts["latest_draft"] == "A draft third version"
    assert facts["source_model"] == "StandardPage"
    assert facts["labels"] == ["home"]
    # Migrating again changes nothing and finds no model change left to write.
    manage("migrate", "--noinput", "-v0")
    manage("makemigrations", "--check", "--dry-run")
