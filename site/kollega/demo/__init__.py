"""The demo corpus: hand-written teaching materials, people and communities in four languages, loaded by load_demo.

Documented accounts (password "kollega-demo" for both):
  editor   a superuser for the Wagtail admin at /admin/;
  teacher  a Portuguese teacher, member of the members-only Norte mathematics circle
           and of the European community "Teachers Across Borders".
All other demo users have unusable passwords.
"""
