"""A pyoai harvester that talks to the site through Django's test client (no live server)."""

import types
import warnings

from lxml import etree

with warnings.catch_warnings():
    # pyoai imports pkg_resources (setuptools<81 is pinned for it), which warns that it is deprecated.
    warnings.simplefilter("ignore", UserWarning)
    import oaipmh.client
    import oaipmh.metadata
    from oaipmh.client import Client
    from oaipmh.metadata import MetadataReader, MetadataRegistry, oai_dc_reader


class _XPathEvaluator:
    """pyoai 2.5.0 calls XPathEvaluator(...).evaluate(), which lxml 5 removed; calling it is the same."""

    def __init__(self, *args, **kwargs):
        self._evaluator = etree.XPathEvaluator(*args, **kwargs)

    def __call__(self, *args, **kwargs):
        return self._evaluator(*args, **kwargs)

    evaluate = __call__


# pyoai reads lxml through its modules' `etree` name: give those modules an etree
# whose XPathEvaluator still has .evaluate (only the test harvester is affected).
_etree = types.SimpleNamespace(**{name: getattr(etree, name) for name in dir(etree) if not name.startswith("__")})
_etree.XPathEvaluator = _XPathEvaluator
oaipmh.client.etree = _etree
oaipmh.metadata.etree = _etree

LOM = "http://ltsc.ieee.org/xsd/LOM"

lom_reader = MetadataReader(
    fields={
        "title": ("textList", "lom:lom/lom:general/lom:title/lom:string/text()"),
        "language": ("textList", "lom:lom/lom:general/lom:language/text()"),
        "location": ("textList", "lom:lom/lom:technical/lom:location/text()"),
        "relation": ("textList", "lom:lom/lom:relation/lom:resource/lom:identifier/lom:entry/text()"),
        "levels": (
            "textList",
            "lom:lom/lom:classification[lom:purpose/lom:value='educational level']/lom:taxonPath/lom:taxon/lom:id/text()",
        ),
    },
    namespaces={"lom": LOM},
)


class DjangoTestClient(Client):
    """pyoai's Client with its HTTP fetch replaced by a request through django.test.Client."""

    def __init__(self, django_client, path="/oai/"):
        registry = MetadataRegistry()
        registry.registerReader("oai_dc", oai_dc_reader)
        registry.registerReader("lom", lom_reader)
        super().__init__(f"http://testserver{path}", registry)
        self.django_client = django_client
        self.path = path
        self.requests = []

    def makeRequest(self, **kw):
        self.requests.append(kw)
        response = self.django_client.get(self.path, kw)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/xml")
        return response.content
