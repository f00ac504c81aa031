from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site for development and tests: load_demo, generate_corpus and their data files.

    It has no models and is installed by the dev and test settings only, so
    production neither ships its commands nor can load invented people by mistake.
    """

    name = "demo"
    label = "demo"
    verbose_name = "Demo"
