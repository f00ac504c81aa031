"""Reading the open metadata back in tests."""

import json
import re

from pyld import jsonld

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)

# A local stand-in for https://schema.org's context (there is no network in tests):
# every term maps into the schema.org vocabulary; links are IRIs.
SCHEMA_CONTEXT = {
    "@context": {
        "@vocab": "https://schema.org/",
        "url": {"@id": "https://schema.org/url", "@type": "@id"},
        "license": {"@id": "https://schema.org/license", "@type": "@id"},
    }
}


def local_loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}
    raise jsonld.JsonLdError(f"No network in tests: {url}", "jsonld.LoadDocumentError", code="loading document failed")


def jsonld_blocks(html):
    """Every JSON-LD block embedded in an HTML page, parsed as JSON."""
    return [json.loads(block) for block in SCRIPT.findall(html)]


def expand(data):
    return jsonld.expand(data, {"documentLoader": local_loader})


def triples(data):
    """The RDF statements of a JSON-LD document as (subject, predicate, object value) tuples."""
    dataset = jsonld.to_rdf(data, {"documentLoader": local_loader})
    return {(t["subject"]["value"], t["predicate"]["value"], t["object"]["value"]) for t in dataset["@default"]}
