"""RDF datasets, canonical N-Quads and RDF Dataset Canonicalization (RDFC-1.0).

A quad is a tuple of four already-serialized canonical N-Quads terms, ``(subject, predicate,
object, graph)``, with ``""`` as the graph of the default graph (see :mod:`.terms`). Terms are
built once, by :mod:`.terms`, so equal terms are equal strings, a blank node is any term that
starts with ``_:``, and canonicalization only has to relabel and join strings. A dataset is a
list of such quads without duplicates.
"""
