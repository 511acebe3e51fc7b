"""JSON-LD 1.1: bundled contexts, an offline document loader, and JSON-LD → RDF."""
