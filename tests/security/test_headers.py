"""Security headers with the production settings: CSP, Permissions-Policy, HSTS, cookies, framing.

The production settings module is imported with a made-up SECRET_KEY and its
security settings (middleware included) are applied over the test settings,
so these tests check what a production response carries.
"""

import importlib
import sys

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from tests import factories as f

pytestmark = pytest.mark.django_db

SECURITY_SETTINGS = (
    "MIDDLEWARE",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
)


def production_values(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    monkeypatch.delenv("SECURE_SSL_REDIRECT", raising=False)
    name = "kollega.settings.production"
    saved = sys.modules.pop(name, None)
    try:
        module = importlib.import_module(name)
    finally:
        sys.modules.pop(name, None)
        if saved is not None:
            sys.modules[name] = saved
    return {key: getattr(module, key) for key in SECURITY_SETTINGS}


@pytest.fixture
def production(monkeypatch):
    values = production_values(monkeypatch)
    with override_settings(**values):
        yield values


@pytest.fixture
def material():
    return f.resource("Photosynthesis in the garden", summary="Plants, light and water.")


def test_production_installs_the_headers_middleware_around_django_security(production):
    middleware = production["MIDDLEWARE"]
    assert middleware[:2] == [
        "kollega.security.SecurityHeadersMiddleware",
        "django.middleware.security.SecurityMiddleware",
    ]


def test_production_security_settings(production):
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["CSRF_COOKIE_SECURE"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 31536000
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and production["SECURE_HSTS_PRELOAD"]
    assert production["X_FRAME_OPTIONS"] == "DENY"


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_a_material_page_carries_every_security_header(client, production, material):
    response = client.get(material.url, secure=True)
    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_plain_http_is_redirected_to_https_with_the_headers(client, production, material):
    response = client.get(material.url)
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    assert "Content-Security-Policy" in response


@pytest.mark.parametrize(
    "path", ["/en/search/?q=garden", "/en/no-such-page/", "/api/v2/pages/", "/en/account/sign-in/"]
)
def test_other_responses_carry_the_site_policy(client, production, material, path):
    response = client.get(path, secure=True)
    assert response.status_code in (200, 404)
    assert directives(response["Content-Security-Policy"])["script-src"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_cookies_are_secure_in_production(client, production):
    response = client.get("/en/account/sign-in/", secure=True)
    assert response.status_code == 200
    csrf = response.cookies.get("csrftoken")
    assert csrf is not None and csrf["secure"]


def test_the_admin_gets_its_own_looser_policy_and_loads(client, production, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/", secure=True)
    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in csp["script-src"] and "'self'" in csp["script-src"]
    assert csp["frame-ancestors"] == ["'self'"]  # the live preview panel frames the admin
    assert csp["object-src"] == ["'none'"]


def test_report_only_mode(client, production, material, settings):
    settings.KOLLEGA_CSP_REPORT_ONLY = True
    response = client.get(material.url, secure=True)
    assert "Content-Security-Policy-Report-Only" in response
    assert "Content-Security-Policy" not in response


def inline_code(html):
    """Inline scripts (other than data blocks), inline styles and event-handler attributes: what the site CSP blocks."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for script in soup.find_all("script"):
        kind = (script.get("type") or "text/javascript").lower()
        if not script.get("src") and kind not in ("application/ld+json", "application/json", "text/template"):
            found.append(str(script)[:120])
    found += [str(tag)[:120] for tag in soup.find_all("style")]
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if name.startswith("on") or name == "style":
                found.append(f"<{tag.name} {name}={value!r}>")
            if name in ("href", "src", "action") and str(value).strip().lower().startswith("javascript:"):
                found.append(f"<{tag.name} {name}={value!r}>")
    return found


def test_front_end_pages_need_nothing_the_site_policy_blocks(client, production):
    olga = f.person("Olga Open", discoverability="europe")
    community = f.community("Garden teachers", summary="Teachers of school gardens.")
    f.join(olga, community)
    material = f.resource(
        "Photosynthesis", summary="Plants and light.", authors=[olga], community=community, tags=["garden"]
    )
    project = f.project(community, title="Garden project", summary="Plants.")
    unit = f.unit(1, title="Facilitating a garden lesson")
    pages = [
        "/en/",
        material.url,
        community.url,
        project.url,
        unit.url,
        f"/en/people/{olga.slug}/",
        "/en/search/?q=garden",
        "/en/account/sign-in/",
        "/en/account/sign-up/",
    ]
    for path in pages:
        response = client.get(path, secure=True)
        assert response.status_code == 200, path
        assert inline_code(response.content.decode()) == [], path
