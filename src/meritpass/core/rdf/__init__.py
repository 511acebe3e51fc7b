"""RDF datasets, canonical N-Quads and RDF Dataset Canonicalization (RDFC-1.0)."""
