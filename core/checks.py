"""Start-up checks of the settings core reads."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def check_base_url(app_configs=None, **kwargs):
    """Every link in e-mails is built from KOLLEGA_BASE_URL: it must be set, and https in production."""
    value = getattr(settings, "KOLLEGA_BASE_URL", "") or ""
    hint = "Set KOLLEGA_BASE_URL to the site's public address, e.g. https://kollega.example.org"
    if not value:
        return [
            checks.Error(
                "KOLLEGA_BASE_URL is not set: e-mails would carry no working links.", hint=hint, id="core.E001"
            )
        ]
    split = urlsplit(value)
    if (
        split.scheme not in ("http", "https")
        or not split.hostname
        or split.path.strip("/")
        or split.query
        or split.fragment
    ):
        return [
            checks.Error(
                f"KOLLEGA_BASE_URL must be a scheme and a host only, not {value!r}.", hint=hint, id="core.E002"
            )
        ]
    if getattr(settings, "KOLLEGA_BASE_URL_REQUIRE_HTTPS", False) and split.scheme != "https":
        return [
            checks.Error(f"KOLLEGA_BASE_URL must use https in production, not {value!r}.", hint=hint, id="core.E003")
        ]
    return []
