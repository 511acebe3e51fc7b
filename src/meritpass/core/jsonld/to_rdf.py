"""JSON-LD → RDF dataset (JSON-LD 1.1 API §8.1): our fast path, with PyLD as the exact fallback."""

from __future__ import annotations

from dataclasses import dataclass

from meritpass.core.documents import JsonObject, JsonValue
from meritpass.core.errors import JsonLdError
from meritpass.core.jsonld import expansion, pyld_fallback
from meritpass.core.jsonld.loader import DocumentLoader, bundled_loader
from meritpass.core.jsonld.options import Options, Unsupported
from meritpass.core.jsonld.rdf_conversion import dataset_from_expanded
from meritpass.core.limits import DEFAULT_LIMITS, Limits
from meritpass.core.rdf.terms import Dataset


@dataclass(frozen=True, slots=True)
class Conversion:
    """A dataset, and the feature that made the fast path fall back to PyLD, if any."""

    dataset: Dataset
    fallback: str | None = None


def to_rdf(
    document: JsonValue,
    *,
    loader: DocumentLoader = bundled_loader,
    safe: bool = True,
    limits: Limits = DEFAULT_LIMITS,
    base: str | None = None,
    expand_context: JsonValue = None,
    rdf_direction: str | None = None,
    processing_mode: str = "json-ld-1.1",
) -> Dataset:
    """Return the RDF dataset of a JSON-LD document (quads as in :mod:`meritpass.core.rdf`).

    In safe mode (the default) content that JSON-LD would drop is an error, and relative IRIs are
    never resolved against ``base``; ``expand_context``, ``rdf_direction`` and
    ``processing_mode`` are the JSON-LD 1.1 API options of the same names.
    """
    return convert(
        document,
        loader=loader,
        safe=safe,
        limits=limits,
        base=base,
        expand_context=expand_context,
        rdf_direction=rdf_direction,
        processing_mode=processing_mode,
    ).dataset


def convert(
    document: JsonValue,
    *,
    loader: DocumentLoader = bundled_loader,
    safe: bool = True,
    limits: Limits = DEFAULT_LIMITS,
    base: str | None = None,
    expand_context: JsonValue = None,
    rdf_direction: str | None = None,
    processing_mode: str = "json-ld-1.1",
) -> Conversion:
    """Like :func:`to_rdf`, and tell whether the fallback was used and why."""
    options = Options(
        loader=loader, limits=limits, safe=safe, base=base, rdf_direction=rdf_direction
    )
    fallback: str | None = None
    try:
        if processing_mode != "json-ld-1.1":
            raise Unsupported(f"processing mode {processing_mode}")
        expanded = _guarded_expand(document, options, expand_context)
    except Unsupported as signal:
        fallback = signal.feature
        expanded = pyld_fallback.expand(
            document, options, expand_context=expand_context, processing_mode=processing_mode
        )
    try:
        return Conversion(dataset_from_expanded(expanded, options), fallback)
    except RecursionError:
        raise JsonLdError("jsonld.too_deep", limit=limits.max_depth) from None


def _guarded_expand(
    document: JsonValue, options: Options, expand_context: JsonValue
) -> list[JsonObject]:
    try:
        return expansion.expand(document, options, expand_context=expand_context)
    except RecursionError:
        raise JsonLdError("jsonld.too_deep", limit=options.limits.max_depth) from None
