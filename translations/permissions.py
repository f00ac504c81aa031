"""Who translates in the editor and who asks the translators: one rule for every page that offers either."""

from resources.models import ResourceIndexPage


def may_translate_in_editor(user, locale):
    """Translators work in wagtail-localize's editor: they need the admin and may add materials in that locale."""
    if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        return False
    index = ResourceIndexPage.objects.filter(locale=locale).first()
    return index is not None and index.permissions_for_user(user).can_add_subpage()
