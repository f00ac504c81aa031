"""The demo site, a dev-only app: hand-written teaching materials, people and communities in four languages.

`manage.py load_demo` builds it from the data files in demo/data/ (loader.py);
`manage.py generate_corpus` writes a large synthetic corpus for scale tests
from the same topics and sentence templates (corpus.py).

Documented accounts (password "kollega-demo" for all three):
  editor       a superuser for the Wagtail admin at /admin/;
  teacher      a Portuguese teacher, member of the members-only Norte mathematics circle
               and of the European community "Teachers Across Borders";
  facilitator  a Swedish teacher who facilitates "Kollega Sverige": join requests,
               discussions, the Networking and facilitators-trained reports in the admin.
All other demo users have unusable passwords.
"""
