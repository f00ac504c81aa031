"""Security headers Django does not set itself: Content-Security-Policy and Permissions-Policy.

Installed by the production settings as the first middleware, around Django's
SecurityMiddleware (which sets HSTS, X-Content-Type-Options, Referrer-Policy
and Cross-Origin-Opener-Policy from settings, and answers plain HTTP with a
redirect before any later middleware runs; this one only fills those headers
in when a setting left them out, so they never disagree).

Two content security policies:

- the site: scripts, styles, fonts and connections from our own origin only.
  The front-end templates have no inline scripts, inline styles or event
  handler attributes; JSON-LD blocks (<script type="application/ld+json">) are
  data, never executed, so script-src does not concern them. Embedded videos
  (Wagtail's EmbedBlock) are https iframes. Nobody may frame the site.
- the Wagtail admin (/admin/ and its page previews): Wagtail's admin still
  writes inline scripts and styles and its accessibility checker (axe-core)
  compiles templates with `new Function`, so the admin allows
  'unsafe-inline' and 'unsafe-eval' for scripts and styles, still only from
  our origin, and may frame itself (the live preview panel).

Each policy can be replaced in settings (KOLLEGA_CSP, KOLLEGA_ADMIN_CSP, a
dict of directive -> list of sources); KOLLEGA_CSP_REPORT_ONLY = True sends
Content-Security-Policy-Report-Only instead, to try a change on a live site.
"""

from django.conf import settings

SITE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": ["'self'", "https:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

ADMIN_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    # Image choosers show previews of embeds and remote thumbnails.
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "media-src": ["'self'", "https:"],
    "frame-src": ["'self'", "https:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

ADMIN_PREFIXES = ("/admin/",)

# Features the site never uses are switched off for it and anything it embeds.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)


def serialize(policy):
    return "; ".join(f"{name} {' '.join(sources)}".strip() for name, sources in policy.items())


def policy_for(path):
    if path.startswith(ADMIN_PREFIXES):
        return serialize(getattr(settings, "KOLLEGA_ADMIN_CSP", ADMIN_POLICY))
    return serialize(getattr(settings, "KOLLEGA_CSP", SITE_POLICY))


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        header = (
            "Content-Security-Policy-Report-Only"
            if getattr(settings, "KOLLEGA_CSP_REPORT_ONLY", False)
            else "Content-Security-Policy"
        )
        if header not in response:
            response[header] = policy_for(request.path_info)
        response.setdefault("Permissions-Policy", getattr(settings, "KOLLEGA_PERMISSIONS_POLICY", PERMISSIONS_POLICY))
        response.setdefault("X-Content-Type-Options", "nosniff")
        response.setdefault("Referrer-Policy", getattr(settings, "SECURE_REFERRER_POLICY", None) or "same-origin")
        response.setdefault(
            "Cross-Origin-Opener-Policy",
            getattr(settings, "SECURE_CROSS_ORIGIN_OPENER_POLICY", None) or "same-origin",
        )
        return response
