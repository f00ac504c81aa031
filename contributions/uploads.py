"""What a teacher may upload, decided from the bytes of the file and never from its name.

`inspect_upload()` names what a file really is; `check_upload()` compares that
with the allow-list, the file's extension and the size limit and raises a
ValidationError a teacher can act on ("This file looks like a Windows program,
not a PDF"). Pure functions over bytes and file objects, tested on their own.
"""

import io
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# Office and ODF files are zip archives; a small file that unpacks to gigabytes
# is a zip bomb, not a worksheet.
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
HEAD_BYTES = 8192
# Archives inside archives are opened too (a zip of documents, a Word file with an embedded
# spreadsheet), at most this deep, each at most this big in memory, with at most this many
# entries in all: the unpacked-size limit above counts every level together.
MAX_ARCHIVE_DEPTH = 4
MAX_NESTED_ARCHIVE_BYTES = 50 * 1024 * 1024
MAX_ARCHIVE_ENTRIES = 10_000


@dataclass(frozen=True)
class Kind:
    code: str
    label: str  # reads after "looks like" and "not": "a PDF"
    extensions: tuple


ALLOWED = {
    k.code: k
    for k in [
        Kind("pdf", _("a PDF"), ("pdf",)),
        Kind("odt", _("an OpenDocument text"), ("odt",)),
        Kind("ods", _("an OpenDocument spreadsheet"), ("ods",)),
        Kind("odp", _("an OpenDocument presentation"), ("odp",)),
        Kind("docx", _("a Word document"), ("docx",)),
        Kind("xlsx", _("an Excel spreadsheet"), ("xlsx",)),
        Kind("pptx", _("a PowerPoint presentation"), ("pptx",)),
        Kind("txt", _("a text file"), ("txt",)),
        Kind("csv", _("a CSV table"), ("csv",)),
        Kind("png", _("a PNG image"), ("png",)),
        Kind("jpeg", _("a JPEG image"), ("jpg", "jpeg")),
        Kind("gif", _("a GIF image"), ("gif",)),
        Kind("webp", _("a WebP image"), ("webp",)),
        Kind("zip", _("a zip archive"), ("zip",)),
    ]
}
# Things we recognise only to name them in the refusal.
REFUSED_LABELS = {
    "windows-program": _("a Windows program"),
    "linux-program": _("a Linux program"),
    "mac-program": _("a macOS program"),
    "java-archive": _("a Java program"),
    "script": _("a script"),
    "html": _("a web page"),
    "unknown": _("a file of a kind we do not accept"),
}
# Any zip-based kind may travel as a .zip; otherwise extension and content must agree.
ZIP_KINDS = {"zip", "odt", "ods", "odp", "docx", "xlsx", "pptx"}
TEXT_KINDS = {"txt", "csv"}
# Names inside an archive that would run (or mount, or install) when opened on a school computer:
# programs and installers, scripts, shortcuts, disk images, macro-enabled Office files.
EXECUTABLE_SUFFIXES = (
    ".exe",
    ".dll",
    ".com",
    ".bat",
    ".cmd",
    ".scr",
    ".msi",
    ".msp",
    ".msix",
    ".msixbundle",
    ".appx",
    ".appxbundle",
    ".cpl",
    ".pif",
    ".gadget",
    ".application",
    ".hta",
    ".chm",
    ".hlp",
    ".inf",
    ".reg",
    ".ps1",
    ".psm1",
    ".psd1",
    ".ps1xml",
    ".vbs",
    ".vbe",
    ".js",
    ".jse",
    ".wsf",
    ".wsh",
    ".scf",
    ".lnk",
    ".url",
    ".iso",
    ".img",
    ".vhd",
    ".vhdx",
    ".jar",
    ".apk",
    ".app",
    ".sh",
    ".command",
    ".dmg",
    ".pkg",
    ".deb",
    ".rpm",
    ".run",
    ".desktop",
    ".docm",
    ".dotm",
    ".xlsm",
    ".xltm",
    ".xlam",
    ".xll",
    ".pptm",
    ".potm",
    ".ppam",
    ".sldm",
)
# What the first bytes of a file inside an archive may not be, whatever its name.
PROGRAM_KINDS = {"windows-program", "linux-program", "mac-program"}
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
OOXML_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}


def max_upload_bytes():
    return getattr(settings, "KOLLEGA_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def sniff(head):
    """Name the kind of file from its first bytes; zip archives are only 'zip' here."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    if head[:2] == b"MZ":
        return "windows-program"
    if head[:4] == b"\x7fELF":
        return "linux-program"
    if head[:4] in (
        b"\xfe\xed\xfa\xce",
        b"\xfe\xed\xfa\xcf",
        b"\xce\xfa\xed\xfe",
        b"\xcf\xfa\xed\xfe",
        b"\xca\xfe\xba\xbe",
    ):
        return "mac-program"
    if head[:2] == b"#!":
        return "script"
    return _sniff_text(head)


def _sniff_text(head):
    if b"\x00" in head.lstrip(b"\xff\xfe").lstrip(b"\xfe\xff") and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "unknown"
    text = _decode(head)
    if text is None:
        return "unknown"
    start = text.lstrip("\ufeff \t\r\n")[:200].lower()
    if start.startswith(("<!doctype html", "<html", "<script", "<?php", "<svg")):
        return "html"
    return "txt"


def _decode(head):
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return head.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The sample may end in the middle of a multi-byte character.
        if error.start >= len(head) - 3:
            return head[: error.start].decode("utf-8")
    try:
        text = head.decode("cp1252")
    except UnicodeDecodeError:
        return None
    # Legacy-encoded text has few control characters; binary data has many.
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    return text if controls <= len(text) // 100 else None


def name_parts(name):
    """The names Windows and other systems act on for an archive entry, case-folded.

    Every folder and the file itself; Windows drops trailing dots and spaces
    ("setup.exe." and "setup.exe " are setup.exe) and an NTFS alternate data
    stream ("setup.exe:zone", "notes.txt:run.exe") names a file of its own.
    """
    name = unicodedata.normalize("NFKC", name).replace("\\", "/")
    parts = []
    for component in name.split("/"):
        for part in component.split(":"):
            part = part.rstrip(". \t").casefold()
            if part:
                parts.append(part)
    return parts


def is_program_name(name):
    return any(part.endswith(EXECUTABLE_SUFFIXES) for part in name_parts(name))


class _Budget:
    """What the archives of one upload may unpack to, all levels together."""

    def __init__(self):
        self.bytes = MAX_UNPACKED_BYTES
        self.entries = MAX_ARCHIVE_ENTRIES

    def spend(self, infos):
        self.bytes -= sum(info.file_size for info in infos)
        self.entries -= len(infos)
        return self.bytes >= 0 and self.entries >= 0


def check_archive(archive, depth=1, budget=None):
    """A reason code when an archive, or an archive inside it, holds a program or cannot be checked; else None."""
    budget = budget or _Budget()
    infos = archive.infolist()
    if not budget.spend(infos):
        return "zip-bomb"
    if any(is_program_name(info.filename) for info in infos):
        return "zip-with-program"
    for info in infos:
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            return "encrypted-zip"  # what it holds cannot be read, so it cannot be checked
        try:
            with archive.open(info) as member:
                head = member.read(HEAD_BYTES)
            kind = sniff(head)
            if kind in PROGRAM_KINDS:
                return "zip-with-program"
            if kind != "zip":
                continue
            if depth >= MAX_ARCHIVE_DEPTH:
                return "zip-too-deep"
            if info.file_size > MAX_NESTED_ARCHIVE_BYTES:
                return "zip-bomb"
            inner = zipfile.ZipFile(io.BytesIO(archive.read(info)))
            problem = check_archive(inner, depth + 1, budget)
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            OSError,
            EOFError,
            RuntimeError,
            NotImplementedError,
            ValueError,
            zlib.error,
        ):
            return "broken-zip"
        if problem:
            return problem
    return None


def inspect_zip(fileobj):
    """Look inside a zip: an ODF or OOXML document, a plain archive, or refused with a reason code."""
    try:
        archive = zipfile.ZipFile(fileobj)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return "broken-zip"
    names = {info.filename for info in infos}
    if "META-INF/MANIFEST.MF" in names and any(n.endswith(".class") for n in names):
        return "java-archive"
    problem = check_archive(archive)
    if problem:
        return problem
    if "mimetype" in names:
        try:
            mimetype = archive.read("mimetype").strip()
        except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
            return "broken-zip"
        if mimetype in ODF_MIMETYPES and "content.xml" in names:
            return ODF_MIMETYPES[mimetype]
    if "[Content_Types].xml" in names:
        for part, kind in OOXML_PARTS.items():
            if part in names:
                return kind
    return "zip"


def inspect_upload(fileobj):
    """The kind of an uploaded file from its content (a code from ALLOWED or REFUSED_LABELS, or a zip problem)."""
    fileobj.seek(0)
    head = fileobj.read(HEAD_BYTES)
    fileobj.seek(0)
    kind = sniff(head)
    if kind == "zip":
        kind = inspect_zip(fileobj)
        fileobj.seek(0)
    elif kind == "txt" and extension(getattr(fileobj, "name", "") or "") == "csv":
        kind = "csv"  # a CSV table is text; the extension only says which kind of text
    return kind


def check_upload(upload):
    """Raise ValidationError unless the upload is an allowed kind, its extension agrees, and it is small enough.

    Returns the Kind it was recognised as.
    """
    name = upload.name or ""
    limit = max_upload_bytes()
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; files can be at most %(limit)s."),
            code="too_big",
            params={"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    if not upload.size:
        raise ValidationError(_("“%(name)s” is empty."), code="empty", params={"name": name})
    ext = extension(name)
    expected = next((k for k in ALLOWED.values() if ext in k.extensions), None)
    actual = inspect_upload(upload)
    if actual == "broken-zip":
        raise ValidationError(
            _("“%(name)s” looks like a damaged archive; please save or export it again."),
            code="broken",
            params={"name": name},
        )
    if actual == "zip-bomb":
        raise ValidationError(
            _("“%(name)s” unpacks to far more data than a teaching material needs."),
            code="zip_bomb",
            params={"name": name},
        )
    if actual == "zip-with-program":
        raise ValidationError(
            _("“%(name)s” contains programs; archives may only hold documents and images."),
            code="program_in_archive",
            params={"name": name},
        )
    if actual == "encrypted-zip":
        raise ValidationError(
            _(
                "“%(name)s” is protected by a password, so we cannot check what it holds; "
                "please upload it without a password."
            ),
            code="encrypted_archive",
            params={"name": name},
        )
    if actual == "zip-too-deep":
        raise ValidationError(
            _(
                "“%(name)s” holds archives inside archives too deeply for us to check; "
                "please unpack the inner archives first."
            ),
            code="archive_too_deep",
            params={"name": name},
        )
    actual_kind = ALLOWED.get(actual)
    actual_label = actual_kind.label if actual_kind else REFUSED_LABELS.get(actual, REFUSED_LABELS["unknown"])
    if expected is None:
        raise ValidationError(
            _(
                "This file looks like %(actual)s. We accept PDF, OpenDocument, Word, Excel and PowerPoint files, "
                "text and CSV files, PNG, JPEG, GIF and WebP images and zip archives (“%(name)s”)."
            ),
            code="not_allowed",
            params={"actual": actual_label, "name": name},
        )
    agrees = (
        actual == expected.code
        or (expected.code == "zip" and actual in ZIP_KINDS)
        or (expected.code in TEXT_KINDS and actual in TEXT_KINDS)
    )
    if not agrees:
        raise ValidationError(
            _("This file looks like %(actual)s, not %(expected)s (“%(name)s”)."),
            code="mismatch",
            params={"actual": actual_label, "expected": expected.label, "name": name},
        )
    return expected


def as_bytes_io(data, name):
    """A named in-memory file, for tests and for checking content already in memory."""
    buffer = io.BytesIO(data)
    buffer.name = name
    buffer.size = len(data)
    return buffer
