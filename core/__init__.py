"""Small shared helpers at the bottom of the app stack: no models, imports nothing of ours.

- converters.py: the `<id:...>` URL converter (database ids only, so out-of-range ids are 404);
- forms.py: model choice fields that refuse values the database cannot hold (a form error);
- shortcuts.py: get_object_or_404 for keys from POST/GET data (malformed or out of range: 404).
"""
