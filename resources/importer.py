"""Import teaching materials from a JSON file as published ResourcePages (used by `manage.py import_resources`).

The import has two phases. `validate()` reads the whole file and the database
without writing anything and either returns a Plan or raises ImportFileError
listing every problem with its line in the file. `apply()` then writes the
plan in one transaction, so a file is imported completely or not at all.
"""

import json
import re
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_countries import countries
from wagtail.models import Locale
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task

from communities.models import CommunityPage, Person
from core.indexing import search_index_deferred
from core.pages import index_page_for, slug_base
from core.text import text_to_paragraph_blocks
from vocabularies.languages import LANGUAGE_NAMES, SITE_LANGUAGES
from vocabularies.licences import DEFAULT_LICENCE, get_licence
from vocabularies.models import EducationLevel, Subject

from .models import ContributorRole, ResourceContributor, ResourceIndexPage, ResourcePage

REQUIRED_KEYS = ("id", "title", "language")
OPTIONAL_KEYS = (
    "summary",
    "body",
    "subjects",
    "levels",
    "tags",
    "license",
    "authors",
    "community",
    "translation_of",
    "based_on",
)
KNOWN_KEYS = frozenset(REQUIRED_KEYS + OPTIONAL_KEYS)
AUTHOR_KEYS = frozenset({"name", "country"})

# Field limits mirrored from the models, checked up front so that a long value
# is reported with its line instead of failing halfway through the write.
MAX_ID = ResourcePage._meta.get_field("external_id").max_length
MAX_TITLE = ResourcePage._meta.get_field("title").max_length
MAX_SUMMARY = ResourcePage._meta.get_field("summary").max_length
MAX_NAME = Person._meta.get_field("display_name").max_length
MAX_SUBJECT = Subject._meta.get_field("name").max_length
MAX_TAG = 100  # taggit's Tag.name
# Leave room under Page.slug's 255 characters for a "-2" suffix on clashes.
MAX_SLUG = 200

LEVEL_RE = re.compile(r"^\s*(?:isced\s*)?([0-9])\s*$", re.IGNORECASE)
JSON_WS = re.compile(r"[ \t\n\r]*")
BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Long files would otherwise print thousands of lines; the first ones show the pattern.
MAX_PROBLEMS_SHOWN = 50
# Keeps `__in` lookups under SQLite's bound-parameter limit on large files.
CHUNK = 500


# -- errors ---------------------------------------------------------------------


@dataclass
class Problem:
    line: int | None
    record_id: str | None
    reason: str


class ImportFileError(Exception):
    """A file the importer refuses; nothing was written. Lists every problem found."""

    def __init__(self, filename, problems):
        self.filename = str(filename)
        self.problems = list(problems)
        super().__init__(self.message)

    @property
    def message(self):
        lines = [self._format(p) for p in self.problems[:MAX_PROBLEMS_SHOWN]]
        hidden = len(self.problems) - MAX_PROBLEMS_SHOWN
        if hidden > 0:
            lines.append(_("... and %(count)d more problems.") % {"count": hidden})
        return "\n".join(lines)

    def _format(self, problem):
        values = {"file": self.filename, "line": problem.line, "id": problem.record_id, "reason": problem.reason}
        if problem.line is None:
            return _("%(file)s: %(reason)s") % values
        if problem.record_id is None:
            return _("%(file)s line %(line)d: %(reason)s") % values
        return _('%(file)s line %(line)d (record "%(id)s"): %(reason)s') % values

    def __str__(self):
        return self.message


def _show(value, limit=60):
    """A short JSON rendering of a bad value for messages (quotes strings, truncates long ones)."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- reading the file -------------------------------------------------------------


def read_records(text, filename):
    """Parse the JSON text into a list of (line, value) pairs, one per top-level list item."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            filename, [Problem(exc.lineno, None, _("invalid JSON: %(error)s") % {"error": exc.msg})]
        ) from None
    except RecursionError:
        raise ImportFileError(filename, [Problem(None, None, _("invalid JSON: nested too deeply"))]) from None
    if not isinstance(data, list):
        first = JSON_WS.match(text).end()
        line = text.count("\n", 0, first) + 1
        raise ImportFileError(filename, [Problem(line, None, _("the file must contain a JSON list of records"))])
    return list(zip(_item_lines(text), data, strict=False))


def _item_lines(text):
    """Line numbers where each item of the (already validated) top-level JSON list starts.

    json.loads keeps no positions, so the list is walked again with raw_decode,
    counting newlines incrementally to stay linear in the file size.
    """
    decoder = json.JSONDecoder()
    pos = JSON_WS.match(text).end() + 1  # past "["
    line, counted_to = 1, 0
    while True:
        pos = JSON_WS.match(text, pos).end()
        if text[pos] == "]":
            return
        if text[pos] == ",":
            pos = JSON_WS.match(text, pos + 1).end()
        line += text.count("\n", counted_to, pos)
        counted_to = pos
        yield line
        _, pos = decoder.raw_decode(text, pos)


def read_file(path):
    """The text of an import file; undecodable bytes are refused with their line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            path, [Problem(None, None, _("cannot read the file: %(error)s") % {"error": exc.strerror})]
        ) from None
    try:
        # utf-8-sig drops the byte order mark some editors add, which json refuses.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ImportFileError(path, [Problem(line, None, _("the file is not valid UTF-8"))]) from None


# -- validation -------------------------------------------------------------------


@dataclass
class Record:
    """One validated record. None on an optional field means the file left it out."""

    line: int
    id: str
    title: str
    language: str
    summary: str | None = None
    body: str | None = None
    subjects: list | None = None
    levels: list | None = None
    tags: list | None = None
    licence: str | None = None
    authors: list = field(default_factory=list)
    community: str | None = None
    translation_of: str | None = None
    based_on: str | None = None
    # Filled in by validation from the database:
    existing_pk: int | None = None
    community_pk: int | None = None


@dataclass
class Plan:
    """Everything apply() needs: records in dependency order and what already exists."""

    filename: str
    records: list
    # external id -> pk of an existing page, for references outside the file.
    existing_refs: dict
    # Subject values as written in the file -> canonical Subject pk, or slug to create.
    subject_pks: dict
    subjects_to_create: dict  # slug -> name
    people: dict  # (name, country) -> Person pk, or None when it must be created

    @property
    def to_create(self):
        return sum(1 for r in self.records if r.existing_pk is None)

    @property
    def to_update(self):
        return sum(1 for r in self.records if r.existing_pk is not None)

    @property
    def people_to_create(self):
        return sum(1 for pk in self.people.values() if pk is None)


class _Checker:
    """Collects problems of one record so that all of them are reported at once."""

    def __init__(self, line, record_id, problems):
        self.line, self.record_id, self.problems = line, record_id, problems
        self.ok = True

    def fail(self, reason):
        self.ok = False
        self.problems.append(Problem(self.line, self.record_id, reason))

    def string(self, raw, key, max_length=None, required=False):
        value = raw.get(key)
        if value is None:
            if required:
                self.fail(_('missing required key "%(key)s"') % {"key": key})
            return None
        if not isinstance(value, str):
            self.fail(_('"%(key)s" must be a string, not %(value)s') % {"key": key, "value": _show(value)})
            return None
        value = value.strip()
        if required and not value:
            self.fail(_('"%(key)s" must not be empty') % {"key": key})
            return None
        if max_length and len(value) > max_length:
            self.fail(_('"%(key)s" is longer than %(max)d characters') % {"key": key, "max": max_length})
            return None
        return value

    def string_list(self, raw, key, max_length):
        value = raw.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            self.fail(_('"%(key)s" must be a list, not %(value)s') % {"key": key, "value": _show(value)})
            return None
        result = []
        for item in value:
            if not isinstance(item, str) or not item.strip():
                self.fail(
                    _('"%(key)s" must contain non-empty strings, not %(value)s') % {"key": key, "value": _show(item)}
                )
            elif len(item.strip()) > max_length:
                self.fail(
                    _('"%(key)s" entry %(value)s is longer than %(max)d characters')
                    % {"key": key, "value": _show(item), "max": max_length}
                )
            elif item.strip() not in result:
                result.append(item.strip())
        return result

    def levels(self, raw):
        value = raw.get("levels")
        if value is None:
            return None
        if not isinstance(value, list):
            self.fail(_('"levels" must be a list, not %(value)s') % {"value": _show(value)})
            return None
        codes = []
        for item in value:
            code = None
            # bool is an int in Python, but `true` is no ISCED level.
            if isinstance(item, int) and not isinstance(item, bool):
                code = item
            elif isinstance(item, str) and (match := LEVEL_RE.match(item)):
                code = int(match.group(1))
            if code is None or not 0 <= code <= 8:
                self.fail(_("unknown education level %(value)s (use an ISCED code 0-8)") % {"value": _show(item)})
            elif code not in codes:
                codes.append(code)
        return codes

    def authors(self, raw):
        value = raw.get("authors")
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(_('"authors" must be a list, not %(value)s') % {"value": _show(value)})
            return []
        result = []
        for item in value:
            if not isinstance(item, dict):
                self.fail(
                    _("an author must be an object with a name and a country, not %(value)s") % {"value": _show(item)}
                )
                continue
            unknown = sorted(set(item) - AUTHOR_KEYS)
            if unknown:
                self.fail(_("unknown author keys: %(keys)s") % {"keys": ", ".join(unknown)})
            name, country = item.get("name"), item.get("country")
            if not isinstance(name, str) or not name.strip():
                self.fail(_("an author needs a name, not %(value)s") % {"value": _show(name)})
                continue
            # Collapse runs of spaces so "Anna  Berg" and "Anna Berg" are one person.
            name = " ".join(name.split())
            if len(name) > MAX_NAME:
                self.fail(
                    _("author name %(value)s is longer than %(max)d characters")
                    % {"value": _show(name), "max": MAX_NAME}
                )
                continue
            if country is None or country == "":
                country = ""
            elif not isinstance(country, str) or country.strip().upper() not in COUNTRY_CODES:
                self.fail(
                    _("unknown country %(value)s for author %(name)s (use an ISO 3166 alpha-2 code)")
                    % {"value": _show(country), "name": _show(name)}
                )
                continue
            else:
                country = country.strip().upper()
            if (name, country) not in result:
                result.append((name, country))
        return result


COUNTRY_CODES = frozenset(code for code, _name in countries)


def _has_unstorable_text(value):
    """True when a string anywhere in the value would be refused by the database driver."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _check_record(line, raw, problems):
    """Check one record's shape and values; returns a Record or None."""
    if not isinstance(raw, dict):
        problems.append(Problem(line, None, _("a record must be a JSON object, not %(value)s") % {"value": _show(raw)}))
        return None
    if _has_unstorable_text(raw):
        problems.append(
            Problem(line, None, _("the record contains characters that cannot be stored (NUL or lone surrogates)"))
        )
        return None
    record_id = raw.get("id")
    shown_id = record_id if isinstance(record_id, str) and record_id.strip() else None
    check = _Checker(line, shown_id, problems)
    record_id = check.string(raw, "id", MAX_ID, required=True)

    unknown = sorted(str(k) for k in set(raw) - KNOWN_KEYS)
    if unknown:
        check.fail(_("unknown keys: %(keys)s") % {"keys": ", ".join(unknown)})

    title = check.string(raw, "title", MAX_TITLE, required=True)
    language = check.string(raw, "language", required=True)
    if language is not None:
        language = language.lower()
        if language not in SITE_LANGUAGES:
            check.fail(
                _("unknown language %(value)s (use one of %(choices)s)")
                % {"value": _show(raw["language"]), "choices": ", ".join(SITE_LANGUAGES)}
            )
    summary = check.string(raw, "summary", MAX_SUMMARY)
    body = raw.get("body")
    if body is not None and not isinstance(body, str):
        check.fail(_('"body" must be a string, not %(value)s') % {"value": _show(body)})
    licence = raw.get("license")
    licence_uri = None
    if licence is not None:
        found = get_licence(licence) if isinstance(licence, str) else None
        if found is None:
            check.fail(_("unknown licence %(value)s") % {"value": _show(licence)})
        else:
            licence_uri = found.uri
    record = Record(
        line=line,
        id=record_id,
        title=title,
        language=language,
        summary=summary or None,
        body=body if isinstance(body, str) else None,
        subjects=check.string_list(raw, "subjects", MAX_SUBJECT),
        levels=check.levels(raw),
        tags=check.string_list(raw, "tags", MAX_TAG),
        licence=licence_uri,
        authors=check.authors(raw),
        community=check.string(raw, "community"),
        translation_of=check.string(raw, "translation_of", MAX_ID),
        based_on=check.string(raw, "based_on", MAX_ID),
    )
    return record if check.ok else None


def _chunks(values):
    values = list(values)
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _pages_by_external_id(ids):
    """external id -> list of (pk, language code, translation_key) of the ResourcePages carrying it."""
    found = {}
    for chunk in _chunks(ids):
        rows = ResourcePage.objects.filter(external_id__in=chunk).values_list(
            "pk", "external_id", "locale__language_code", "translation_key"
        )
        for pk, external_id, code, key in rows.order_by("pk"):
            found.setdefault(external_id, []).append((pk, code, key))
    return found


def _pick(candidates, language):
    """Several pages can carry one external id (wagtail-localize copies it into
    translations, as it is a synchronized field); the one in the record's own
    language is the record's page."""
    for candidate in candidates:
        if candidate[1] == language:
            return candidate
    return None


def validate(text, filename="<data>"):
    """Check a whole import file against itself and the database; write nothing. Returns a Plan."""
    items = read_records(text, filename)
    problems = []
    records, lines_by_id = [], {}
    for line, raw in items:
        record = _check_record(line, raw, problems)
        if record is None:
            continue
        if record.id in lines_by_id:
            problems.append(
                Problem(
                    line, record.id, _("duplicate id, already used on line %(line)d") % {"line": lines_by_id[record.id]}
                )
            )
            continue
        lines_by_id[record.id] = line
        records.append(record)
    if problems:
        # Reference checks on a partly broken file would only add noise.
        raise ImportFileError(filename, problems)

    by_id = {r.id: r for r in records}
    referenced = {ref for r in records for ref in (r.translation_of, r.based_on) if ref}
    pages = _pages_by_external_id(set(by_id) | referenced)

    # Each file record's existing page, if it was imported before.
    for record in records:
        candidates = pages.get(record.id, [])
        mine = _pick(candidates, record.language)
        if mine:
            record.existing_pk = mine[0]
        elif candidates:
            problems.append(
                Problem(
                    record.line,
                    record.id,
                    _("was imported before in %(old)s; changing the language of a material is not supported")
                    % {"old": LANGUAGE_NAMES.get(candidates[0][1], candidates[0][1])},
                )
            )

    existing_refs = {}
    for record in records:
        for key in ("translation_of", "based_on"):
            ref = getattr(record, key)
            if not ref:
                continue
            if ref == record.id:
                problems.append(
                    Problem(record.line, record.id, _('"%(key)s" refers to the record itself') % {"key": key})
                )
            elif ref not in by_id:
                if ref not in pages:
                    problems.append(
                        Problem(
                            record.line,
                            record.id,
                            _('"%(key)s" refers to %(ref)s, which is neither in this file nor imported before')
                            % {"key": key, "ref": _show(ref)},
                        )
                    )
                else:
                    candidates = pages[ref]
                    chosen = _pick(candidates, Locale.get_default().language_code) or candidates[0]
                    existing_refs[ref] = chosen[0]

    _check_communities(records, problems)
    _check_locales(records, problems)
    if problems:
        raise ImportFileError(filename, problems)

    ordered = _dependency_order(records, by_id, problems)
    if not problems:
        _check_translation_groups(ordered, by_id, pages, problems)
    if problems:
        raise ImportFileError(filename, problems)

    subject_pks, subjects_to_create = _resolve_subjects(records)
    return Plan(
        filename=str(filename),
        records=ordered,
        existing_refs=existing_refs,
        subject_pks=subject_pks,
        subjects_to_create=subjects_to_create,
        people=_resolve_people(records),
    )


def _check_communities(records, problems):
    slugs = {r.community for r in records if r.community}
    found = {}
    for chunk in _chunks(slugs):
        for pk, slug, code in (
            CommunityPage.objects.filter(slug__in=chunk)
            .values_list("pk", "slug", "locale__language_code")
            .order_by("pk")
        ):
            found.setdefault(slug, []).append((pk, code))
    default = Locale.get_default().language_code
    for record in records:
        if not record.community:
            continue
        candidates = found.get(record.community)
        if not candidates:
            problems.append(
                Problem(record.line, record.id, _("unknown community %(value)s") % {"value": _show(record.community)})
            )
            continue
        # Pages of every locale filter materials by the community's translation
        # key, so any translation works; the record's own language reads best in the admin.
        by_code = dict((code, pk) for pk, code in reversed(candidates))
        record.community_pk = by_code.get(record.language) or by_code.get(default) or candidates[0][0]


def _check_locales(records, problems):
    present = set(Locale.objects.values_list("language_code", flat=True))
    for record in records:
        if record.language not in present:
            problems.append(
                Problem(
                    record.line,
                    record.id,
                    _("the site has no %(language)s locale yet") % {"language": LANGUAGE_NAMES[record.language]},
                )
            )


def _dependency_order(records, by_id, problems):
    """Records ordered so that every translation_of / based_on target in the file comes first.

    Kahn's algorithm keeps the file order among independent records; whatever
    is left over lies on or behind a cycle.
    """
    deps = {r.id: [ref for ref in (r.translation_of, r.based_on) if ref in by_id] for r in records}
    dependants = {r.id: [] for r in records}
    waiting = {}
    for record_id, refs in deps.items():
        waiting[record_id] = len(refs)
        for ref in refs:
            dependants[ref].append(record_id)
    ready = [r.id for r in records if waiting[r.id] == 0]
    ordered = []
    # A plain list used as a queue in file order; popping from the front of a
    # reversed stack would reorder independent records.
    position = 0
    while position < len(ready):
        record_id = ready[position]
        position += 1
        ordered.append(by_id[record_id])
        for dependant in dependants[record_id]:
            waiting[dependant] -= 1
            if waiting[dependant] == 0:
                ready.append(dependant)
    if len(ordered) == len(records):
        return ordered

    # Every left-over record has a left-over dependency, so following them always ends on a cycle.
    left = {r.id for r in records} - {r.id for r in ordered}
    reported = set()
    for record in records:
        if record.id not in left or record.id in reported:
            continue
        path, seen = [], {}
        current = record.id
        while current not in seen:
            seen[current] = len(path)
            path.append(current)
            current = next(ref for ref in deps[current] if ref in left)
        cycle = path[seen[current] :]
        if reported.isdisjoint(cycle):
            first = min(cycle, key=lambda i: by_id[i].line)
            start = cycle.index(first)
            loop = cycle[start:] + cycle[:start] + [first]
            problems.append(
                Problem(
                    by_id[first].line,
                    first,
                    _("translation_of/based_on references form a cycle: %(cycle)s") % {"cycle": " -> ".join(loop)},
                )
            )
        reported.update(cycle)
    return ordered


def _check_translation_groups(ordered, by_id, pages, problems):
    """A translation group holds at most one page per language."""
    group_of = {}  # record id -> group key
    for record in ordered:  # sources come first, so their group is known
        if not record.translation_of:
            if record.existing_pk is not None:
                group_of[record.id] = _pick(pages[record.id], record.language)[2]
            else:
                group_of[record.id] = ("new", record.id)
        elif record.translation_of in by_id:
            group_of[record.id] = group_of[record.translation_of]
        else:
            group_of[record.id] = pages[record.translation_of][0][2]

    members = {}
    for record in ordered:
        members.setdefault(group_of[record.id], []).append(record)
    existing_keys = [key for key in members if not isinstance(key, tuple)]
    in_db = {}
    for chunk in _chunks(existing_keys):
        for key, code, external_id, title in ResourcePage.objects.filter(translation_key__in=chunk).values_list(
            "translation_key", "locale__language_code", "external_id", "title"
        ):
            in_db.setdefault(key, []).append((code, external_id, title))

    for key, group in members.items():
        claimed = {}
        for code, external_id, title in in_db.get(key, []):
            claimed[code] = (external_id, title)
        for record in group:
            holder = claimed.get(record.language)
            if holder is not None and holder[0] != record.id:
                problems.append(
                    Problem(
                        record.line,
                        record.id,
                        _("is a translation into %(language)s, but that material already has one: %(other)s")
                        % {"language": LANGUAGE_NAMES[record.language], "other": _show(holder[0] or holder[1])},
                    )
                )
            claimed.setdefault(record.language, (record.id, record.title))


def _resolve_subjects(records):
    """Map each subject value in the file to a canonical (default-locale) Subject, or a new slug.

    A value matches a subject's code, the code it would slugify to, or the
    subject's name in any language, so "Biologi" on a Swedish record finds the
    canonical "biology" through its Swedish translation.
    """
    default = Locale.get_default()
    canonical = {}  # translation_key -> pk in the default locale
    by_code, by_name = {}, {}
    rows = Subject.objects.values_list("pk", "slug", "name", "locale_id", "translation_key")
    for pk, _slug, _name, locale_id, key in rows:
        if locale_id == default.pk:
            canonical[key] = pk
    for _pk, slug, name, locale_id, key in rows:
        target = canonical.get(key)
        if target is None:
            continue  # a translation whose default-locale entry is gone
        if locale_id == default.pk:
            by_code[slug] = target
        by_name.setdefault(name.casefold(), target)

    pks, to_create = {}, {}
    for record in records:
        for value in record.subjects or ():
            if value in pks:
                continue
            slug = slugify(value)[:MAX_SUBJECT] or slugify(value, allow_unicode=True)[:MAX_SUBJECT]
            pk = by_code.get(value) or by_code.get(slug) or by_name.get(value.casefold())
            if pk is not None:
                pks[value] = pk
                continue
            if not slug:
                slug = "subject-" + str(len(to_create) + 1)
            # A value written as a code ("marine-biology") gets a readable name.
            name = value.replace("-", " ").capitalize() if value == slug else value
            to_create.setdefault(slug, name)
            pks[value] = slug
    return pks, to_create


def _resolve_people(records):
    """(name, country) -> pk of the existing Person with that display name and country, or None."""
    wanted = {author for r in records for author in r.authors}
    names = {name for name, _country in wanted}
    found = {}
    for chunk in _chunks(names):
        for pk, name, country in (
            Person.objects.filter(display_name__in=chunk).values_list("pk", "display_name", "country").order_by("pk")
        ):
            # The oldest profile wins when several share a name and country.
            found.setdefault((name, country or ""), pk)
    return {author: found.get(author) for author in wanted}


# -- writing ----------------------------------------------------------------------


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    people_created: int = 0
    subjects_created: int = 0
    pages: dict = field(default_factory=dict)  # external id -> ResourcePage pk

    @property
    def summary(self):
        return _("created %(created)d, updated %(updated)d, people created %(people)d") % {
            "created": self.created,
            "updated": self.updated,
            "people": self.people_created,
        }


def body_blocks(text):
    """Plain text -> StreamField paragraph blocks: one per blank-line-separated paragraph (core.text)."""
    return text_to_paragraph_blocks(text)


def _derived_summary(record):
    """ResourcePage.summary is required; without one, the body's first paragraph (or the title) stands in."""
    for paragraph in BLANK_LINE.split((record.body or "").replace("\r\n", "\n")):
        text = " ".join(paragraph.split())
        if text:
            return text if len(text) <= MAX_SUMMARY else text[: MAX_SUMMARY - 1] + "…"
    return record.title


class _Writer:
    def __init__(self, plan, result):
        self.plan = plan
        self.result = result
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.indexes = {}
        self.taken_slugs = {}  # index pk -> slugs of its children
        self.levels = {level.code: level for level in EducationLevel.objects.all()}
        self.subject_pks = dict(plan.subject_pks)
        self.subjects = {}
        self.created_subjects = []
        self.created_indexes = []
        self.created_people = []
        self.people = dict(plan.people)

    def run(self):
        self._create_subjects()
        self._create_people()
        for record in self.plan.records:
            try:
                self._write(record)
            except ImportFileError:
                raise
            except Exception as exc:
                # Whatever went wrong, the caller's transaction rolls the whole
                # file back; name the record so the user knows where to look.
                raise ImportFileError(
                    self.plan.filename,
                    [Problem(record.line, record.id, _("could not be saved: %(error)s") % {"error": _error_text(exc)})],
                ) from exc

    def written(self):
        """Every object this import created or changed, for the indexes."""
        pages = ResourcePage.objects.filter(pk__in=self.result.pages.values()).order_by("pk")
        return [*self.created_subjects, *self.created_indexes, *self.created_people, *pages]

    def _create_subjects(self):
        default = Locale.get_default()
        new = [Subject(slug=slug, name=name, locale=default) for slug, name in self.plan.subjects_to_create.items()]
        for subject in new:
            subject.save()
        self.created_subjects = new
        created = {s.slug: s.pk for s in new}
        self.result.subjects_created = len(new)
        for value, pk in self.subject_pks.items():
            if isinstance(pk, str):
                self.subject_pks[value] = created[pk]
        # modelcluster's in-memory relations want instances, not pks.
        self.subjects = Subject.objects.in_bulk(set(self.subject_pks.values()))

    def _create_people(self):
        # Imported people get no account and keep the model's default
        # discoverability (the most private): nobody consented on their behalf.
        for author, pk in sorted(self.people.items()):
            if pk is None:
                name, country = author
                person = Person.objects.create(display_name=name, country=country)
                self.created_people.append(person)
                self.people[author] = person.pk
                self.result.people_created += 1

    def index_for(self, code):
        """The locale's ResourceIndexPage, made as a translation of the English one when missing."""
        if code in self.indexes:
            return self.indexes[code]
        default_code = Locale.get_default().language_code
        index = index_page_for(ResourceIndexPage, code)
        if index is None and code == default_code:
            from wagtail.models import Site

            # The default site's root page (the shell's HomePage), found without importing the shell.
            site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
            home = site.root_page.specific if site and site.root_page.locale.language_code == code else None
            if home is None:
                raise ValidationError(
                    _("the site has no home page in %(language)s") % {"language": LANGUAGE_NAMES[code]}
                )
            index = ResourceIndexPage(title=_("Materials"), slug="materials")
            home.add_child(instance=index)
            index.save_revision().publish()
            self.created_indexes.append(index)
        elif index is None:
            source = self.index_for(default_code)
            index = source.copy_for_translation(self.locales[code], copy_parents=True, alias=False).specific
            index.save_revision().publish()
            self.created_indexes.append(index)
        index = ResourceIndexPage.objects.get(pk=index.pk)
        self.indexes[code] = index
        self.taken_slugs[index.pk] = set(index.get_children().values_list("slug", flat=True))
        return index

    def page_pk(self, external_id):
        return self.result.pages.get(external_id) or self.plan.existing_refs[external_id]

    def _slug(self, index, title, fallback, current=None):
        allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
        # The same base as core.pages.available_slug; the free one is found in memory (one import
        # writes thousands of siblings, and find_available_slug would ask the database each time).
        base = (
            slug_base(title, fallback)[:MAX_SLUG]
            if allow_unicode
            else slugify(title)[:MAX_SLUG].strip("-") or slugify(fallback)[:MAX_SLUG] or "material"
        )
        taken = self.taken_slugs[index.pk]
        slug, n = base, 2
        while slug in taken and slug != current:
            slug, n = f"{base}-{n}", n + 1
        taken.discard(current)
        taken.add(slug)
        return slug

    def _write(self, record):
        index = self.index_for(record.language)
        source = None
        if record.translation_of:
            source = ResourcePage.objects.get(pk=self.page_pk(record.translation_of))

        if record.existing_pk is not None:
            # The slug is left alone, even when the title changed: links and
            # bookmarks to an imported material must survive a re-import.
            page = ResourcePage.objects.get(pk=record.existing_pk)
            if source is not None and page.translation_key != source.translation_key:
                page.translation_key = source.translation_key
            self.result.updated += 1
        elif source is not None:
            # Wagtail's own route into a translation group: the copy shares the
            # source's translation_key and starts from its synchronised fields.
            page = source.copy_for_translation(self.locales[record.language], copy_parents=False, alias=False).specific
            page.slug = self._slug(index, record.title, record.id, current=page.slug)
            self.result.created += 1
        else:
            page = ResourcePage(locale=self.locales[record.language])
            page.slug = self._slug(index, record.title, record.id)
            self.result.created += 1

        self._fill(page, record, source)
        if page.pk is None:
            index.add_child(instance=page)
        else:
            page.save()
        page.save_revision().publish()
        self.result.pages[record.id] = page.pk

    def _fill(self, page, record, source):
        """Set the page's fields from the record. A field the record leaves out is
        empty on an original, and taken from the source on a translation (as
        wagtail-localize would synchronise it)."""

        def inherit(name, default):
            return getattr(source, name) if source is not None else default

        page.title = page.draft_title = record.title
        page.external_id = record.id
        page.material_language = record.language
        page.summary = record.summary or _derived_summary(record)
        page.body = body_blocks(record.body)
        page.licence = record.licence or inherit("licence", DEFAULT_LICENCE)
        page.based_on_id = self.page_pk(record.based_on) if record.based_on else inherit("based_on_id", None)
        page.community_id = record.community_pk or inherit("community_id", None)
        page.subjects.set(
            [self.subjects[self.subject_pks[v]] for v in record.subjects]
            if record.subjects is not None
            else (list(source.subjects.all()) if source is not None else [])
        )
        page.levels.set(
            [self.levels[c] for c in record.levels]
            if record.levels is not None
            else (list(source.levels.all()) if source is not None else [])
        )
        tags = record.tags if record.tags is not None else (source.tag_list if source is not None else [])
        page.tags.set(tags)

        # The importer owns one role per page (authors of originals, translators
        # of translations); contributors an editor added in other roles stay.
        role = ContributorRole.TRANSLATOR if record.translation_of else ContributorRole.AUTHOR
        kept = [c for c in page.contributors.all() if c.role != role] if page.pk else []
        credited = [ResourceContributor(person_id=self.people[a], role=role) for a in record.authors]
        contributors = kept + credited
        for order, contributor in enumerate(contributors):
            contributor.sort_order = order
        page.contributors = contributors


def _error_text(exc):
    if isinstance(exc, ValidationError):
        if hasattr(exc, "message_dict"):
            return "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in exc.message_dict.items())
        return " ".join(exc.messages)
    return str(exc) or exc.__class__.__name__


def _reindex(objects, search):
    """Queue one reference-index (and, when deferred, search-index) update per written object.

    They go through the task backend like Wagtail's own signal handlers do:
    inline in development and tests, to the worker in production.
    """
    from modelsearch.tasks import insert_or_update_object_task

    for obj in objects:
        args = (obj._meta.app_label, obj._meta.model_name, str(obj.pk))
        update_reference_index_task.enqueue(*args)
        if search:
            insert_or_update_object_task.enqueue(*args)


def apply(plan, defer_search_index=False):
    """Write a validated plan in one transaction; any failure leaves the database as it was.

    defer_search_index: index each page once at the end instead of on every
    save (faster, but see core.indexing.search_index_deferred for when that is safe).
    """
    result = ImportResult()
    deferred = search_index_deferred([ResourcePage, Person]) if defer_search_index else nullcontext()
    with transaction.atomic(), deferred:
        # The reference index switch is thread-local, so it is always safe to
        # skip the five redundant updates per page and do one at the end.
        with disable_reference_index_auto_update():
            writer = _Writer(plan, result)
            writer.run()
        _reindex(writer.written(), search=defer_search_index)
    return result


def import_text(text, filename="<data>"):
    """Validate and import JSON text. Raises ImportFileError (having written nothing) on a bad file."""
    return apply(validate(text, filename))


def import_file(path):
    """Validate and import a JSON file; see import_text."""
    return import_text(read_file(path), filename=str(path))
