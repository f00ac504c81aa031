"""Real files for the demo's worksheets, presentations and lesson plans, made from their own text at load time.

Worksheets get a PDF (reportlab), presentations an OpenDocument presentation
and lesson plans an OpenDocument text, each written by hand as the small zip
the format is (mimetype, content.xml, manifest). They are attached like a
teacher's upload (resources.ResourceAttachment), so the same signals move the
file of a members-only material into its community's restricted collection,
and communities.privacy.can_download_document decides who may download it.
"""

import io
import zipfile
from xml.sax.saxutils import escape

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection, ReferenceIndex, Revision

from communities.choices import Visibility
from contributions.body import rich_text_to_text, stored_blocks
from resources.models import ResourceAttachment, ResourcePage
from resources.signals import sync_attachments_of
from vocabularies.licences import get_licence

# The resource type of a material -> the kind of file it comes with.
FILE_KINDS = {"worksheet": "pdf", "presentation": "odp", "lesson-plan": "odt"}
ODF_MIMETYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
# Fixed dates and ids inside the files: the same material gives the same bytes on every run.
ZIP_DATE = (2025, 11, 1, 9, 0, 0)


def sections(page):
    """The material's text as (heading, [paragraphs]) sections, in the order of its body."""
    result = [(page.title, [page.summary])]
    for block in stored_blocks(page.body):
        kind, value = block["type"], block["value"]
        if kind == "heading":
            result.append((value, []))
        elif kind == "paragraph":
            result[-1][1].extend(p for p in rich_text_to_text(value).split("\n\n") if p)
        elif kind == "activity":
            lines = []
            for n, item in enumerate(value.get("steps") or [], start=1):
                step = item.get("value", item)
                minutes = f" ({step['minutes']} min)" if step.get("minutes") is not None else ""
                lines.append(f"{n}. {step.get('title', '')}{minutes}")
                instructions = rich_text_to_text(step.get("instructions", ""))
                if instructions:
                    lines.append(instructions)
            result.append((value.get("title", ""), lines))
    licence = get_licence(page.licence)
    if licence is not None:
        result[-1][1].append(f"{licence.label} · Kollega")
    return result


def pdf_bytes(page):
    """An A4 PDF of the material: title, then each section, wrapped to the page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setTitle(page.title)
    width, height = A4
    margin, y = 56, height - 64

    def write(text, font, size, gap):
        nonlocal y
        for line in simpleSplit(text, font, size, width - 2 * margin):
            if y < margin:
                pdf.showPage()
                y = height - 64
            pdf.setFont(font, size)
            pdf.drawString(margin, y, line)
            y -= size * 1.35
        y -= gap

    for n, (heading, paragraphs) in enumerate(sections(page)):
        write(heading, "Helvetica-Bold", 16 if n == 0 else 12, 4)
        for paragraph in paragraphs:
            write(paragraph, "Helvetica", 10.5, 6)
    pdf.save()
    return buffer.getvalue()


def _zip(mimetype, content_xml):
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="{mimetype}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # The mimetype comes first and uncompressed: that is how readers recognise an OpenDocument file.
        archive.writestr(zipfile.ZipInfo("mimetype", ZIP_DATE), mimetype, compress_type=zipfile.ZIP_STORED)
        for name, text in (("content.xml", content_xml), ("META-INF/manifest.xml", manifest)):
            archive.writestr(zipfile.ZipInfo(name, ZIP_DATE), text, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2"'
)


def odt_bytes(page):
    """An OpenDocument text: a heading per section and its paragraphs."""
    body = "".join(
        f'<text:h text:outline-level="{1 if n == 0 else 2}">{escape(heading)}</text:h>'
        + "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
        for n, (heading, paragraphs) in enumerate(sections(page))
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    return _zip(ODF_MIMETYPES["odt"], content)


def odp_bytes(page):
    """An OpenDocument presentation: one slide per section, its heading as the title."""

    def frame(y, height, paragraphs, cls):
        text = "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
        return (
            f'<draw:frame presentation:class="{cls}" svg:x="1.5cm" svg:y="{y}cm" svg:width="25cm" '
            f'svg:height="{height}cm"><draw:text-box>{text}</draw:text-box></draw:frame>'
        )

    slides = "".join(
        f'<draw:page draw:name="{n}">'
        + frame(1, 3, [heading], "title")
        + frame(4.5, 13, paragraphs, "outline")
        + "</draw:page>"
        for n, (heading, paragraphs) in enumerate(sections(page), start=1)
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
        f"<office:body><office:presentation>{slides}</office:presentation></office:body></office:document-content>"
    )
    return _zip(ODF_MIMETYPES["odp"], content)


MAKERS = {"pdf": pdf_bytes, "odt": odt_bytes, "odp": odp_bytes}


def add_files(loader):
    """Attach a generated file to every demo worksheet, presentation and lesson plan that has none yet."""
    pages = (
        ResourcePage.objects.filter(
            external_id__startswith="demo:", resource_type__slug__in=FILE_KINDS, attachments__isnull=True
        )
        .select_related("resource_type", "latest_revision", "community")
        .order_by("pk")
    )
    document_model = get_document_model()
    root = Collection.get_first_root_node()
    attachments = []
    for page in pages:
        ext = FILE_KINDS[page.resource_type.slug]
        name = f"{slugify(page.title)[:60] or 'material'}.{ext}"
        document = document_model(
            title=page.title[:255], file=ContentFile(MAKERS[ext](page), name=name), collection=root
        )
        document._set_document_file_metadata()
        document.save()
        attachments.append(ResourceAttachment(page=page, document=document, sort_order=0))
    ResourceAttachment.objects.bulk_create(attachments)
    for attachment in attachments:
        page = attachment.page
        revision = page.latest_revision
        if revision is not None:
            # The latest revision holds the attachment too, so that editing the material keeps its file.
            content = dict(revision.content)
            content["attachments"] = [
                {"pk": attachment.pk, "page": page.pk, "document": attachment.document_id, "sort_order": 0}
            ]
            Revision.objects.filter(pk=revision.pk).update(content=content)
        # Downloads ask the reference index which pages use a file (communities.privacy).
        ReferenceIndex.create_or_update_for_object(page)
    # As after an upload (resources.signals): the file of a members-only material moves into
    # its community's restricted collection; a public material's file stays where it is.
    sync_attachments_of(
        [a.page for a in attachments if a.page.community and a.page.community.visibility == Visibility.MEMBERS]
    )
    loader.counts["files"] = loader.counts.get("files", 0) + len(attachments)
    return len(attachments)
