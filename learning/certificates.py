"""A certificate as a PDF (reportlab) and as an Open Badges 3.0 credential (JSON), both in its language.

The credential is unsigned: it carries no proof. Its verification is the
public page at its `id` on this site, which a verifier (or a wallet) opens.
"""

import io
from pathlib import Path

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.urls import absolute_url, base_url

from .services import certificate_facts, certificate_paths

# A font with the letters of every European language; Helvetica (Latin-1 only) when it is not installed.
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
]

OB3_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


def _font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = getattr(settings, "KOLLEGA_CERTIFICATE_FONT", None)
    for candidate in [path, *FONT_CANDIDATES]:
        if candidate and Path(candidate).is_file():
            if "KollegaCertificate" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("KollegaCertificate", candidate))
            return "KollegaCertificate"
    return "Helvetica"


def hours_text(facts):
    if facts.hours is not None:
        hours = facts.hours
        shown = formats.number_format(hours, decimal_pos=0 if hours == int(hours) else 1)
        return ngettext("%(hours)s hour", "%(hours)s hours", 1 if hours == 1 else 2) % {"hours": shown}
    count = len(facts.units)
    return ngettext("%(count)s unit", "%(count)s units", count) % {"count": count}


def certificate_pdf(certificate):
    """The PDF bytes of a certificate, written in the certificate's language."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    facts = certificate_facts(certificate)
    with translation.override(certificate.language):
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer, pagesize=A4)
        font = _font()
        width, height = A4
        title = _("Certificate of completion")
        pdf.setTitle(title)
        pdf.setAuthor("Kollega")
        pdf.setSubject(facts.curriculum.title if facts.curriculum else "")
        y = height - 40 * mm
        pdf.setFont(font, 24)
        pdf.drawCentredString(width / 2, y, title)
        y -= 20 * mm
        pdf.setFont(font, 12)
        pdf.drawCentredString(width / 2, y, _("This certifies that"))
        y -= 12 * mm
        pdf.setFont(font, 20)
        pdf.drawCentredString(width / 2, y, certificate.learner_name)
        y -= 12 * mm
        pdf.setFont(font, 12)
        pdf.drawCentredString(width / 2, y, _("has completed"))
        y -= 10 * mm
        pdf.setFont(font, 16)
        pdf.drawCentredString(width / 2, y, facts.curriculum.title if facts.curriculum else "")
        y -= 10 * mm
        pdf.setFont(font, 11)
        pdf.drawCentredString(width / 2, y, hours_text(facts))
        y -= 14 * mm
        pdf.setFont(font, 12)
        pdf.drawString(25 * mm, y, _("Units"))
        y -= 7 * mm
        pdf.setFont(font, 10)
        for unit in facts.units:
            if y < 50 * mm:
                break
            pdf.drawString(30 * mm, y, _("Unit %(number)s: %(title)s") % {"number": unit.number, "title": unit.title})
            y -= 6 * mm
        y = 40 * mm
        pdf.setFont(font, 10)
        if certificate.trainer_name:
            pdf.drawString(25 * mm, y + 10 * mm, _("Trainer: %(name)s") % {"name": certificate.trainer_name})
        pdf.drawString(
            25 * mm,
            y + 4 * mm,
            _("Date: %(date)s") % {"date": formats.date_format(certificate.issued_at, "DATE_FORMAT")},
        )
        pdf.setFont(font, 8)
        pdf.drawString(
            25 * mm, y - 4 * mm, _("Verify at %(url)s") % {"url": absolute_url(certificate_paths(certificate)["page"])}
        )
        pdf.showPage()
        pdf.save()
    return buffer.getvalue()


def credential(certificate):
    """An Open Badges 3.0 OpenBadgeCredential (W3C Verifiable Credentials 2.0), unsigned.

    Names the learner with the name on the certificate only: no e-mail, no trainer.
    """
    facts = certificate_facts(certificate)
    paths = certificate_paths(certificate)
    page_url = absolute_url(paths["page"])
    curriculum = facts.curriculum
    with translation.override(certificate.language):
        achievement_name = curriculum.title if curriculum else _("Facilitator Curriculum")
        description = _("Completed every unit of %(curriculum)s (%(amount)s).") % {
            "curriculum": achievement_name,
            "amount": hours_text(facts),
        }
    issued = certificate.issued_at.replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return {
        "@context": OB3_CONTEXT,
        "id": absolute_url(paths["credential"]),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": achievement_name,
        "issuer": {
            "id": base_url() + "/",
            "type": ["Profile"],
            "name": "Kollega",
            "url": base_url() + "/",
        },
        "validFrom": issued,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": certificate.learner_name,
            "achievement": {
                "id": absolute_url(curriculum) if curriculum else page_url,
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": achievement_name,
                "description": description,
                "criteria": {"narrative": description},
                "inLanguage": certificate.language,
            },
        },
        "evidence": [{"id": page_url, "type": ["Evidence"], "name": achievement_name}],
    }
