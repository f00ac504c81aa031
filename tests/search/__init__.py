"""Tests for search/: the page, facets, the query parser, per-language backends and deploy settings."""
