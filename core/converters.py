"""The `<id:name>` path converter: a database id, 1 .. 2**63 - 1, or the URL does not match (404).

Django's `<int:...>` accepts any number of digits, and a 20-digit id then
reaches the database, which cannot bind it (SQLite raises OverflowError, a
500). Every URL pattern with an integer id uses `<id:...>` instead; importing
this module registers it.
"""

from django.urls import register_converter

MAX_ID = 2**63 - 1  # the largest SQLite INTEGER and PostgreSQL bigint


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if not 1 <= number <= MAX_ID:
            # A ValueError tells the resolver that this pattern does not match.
            raise ValueError(f"{value} is not a database id")
        return number

    def to_url(self, value):
        return str(int(value))


register_converter(IdConverter, "id")
