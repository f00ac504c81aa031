"""Vector indexes store documents (vector plus filterable metadata) and answer k-nearest queries."""
