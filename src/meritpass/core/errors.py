"""The exception tree of Meritpass.

Every error carries a stable ``code`` and the parameters of its message; the texts, in Swedish and
English, live in the catalogue (``meritpass.core.messages``), so an edge can show the error in the
user's language. The edges map the tree once: RFC 9457 problem details in the API, exit codes in the
command line.

    MeritpassError
    ├── InputError                  the input cannot be used as it is (CLI exit code 2)
    │   ├── JsonInputError          not JSON, invalid UTF-8, duplicate keys, too large or too deep
    │   ├── JsonLdError             invalid JSON-LD, undefined terms, relative IRIs
    │   │   └── UnknownContextError a context URL that is not bundled or configured
    │   ├── CanonicalizationError   RDFC-1.0 refused: too many blank nodes or too much work
    │   ├── KeyFormatError          key material that is not a well-formed Ed25519 Multikey
    │   ├── DidError                a malformed DID or an unsupported DID method
    │   ├── StatusListError         a malformed status list or an index outside it
    │   ├── SpecificationError      a micro-credential specification that breaks a rule (names
    │   │                           the field as a JSON path in ``params["field"]``)
    │   └── CredentialError         a credential cannot be built from the given parts
    ├── ResolutionError             a DID, key or status list could not be obtained
    └── ProofError                  a proof cannot be created (no usable key, unknown suite)
"""

from __future__ import annotations

from collections.abc import Mapping


class MeritpassError(Exception):
    """The root of every error Meritpass raises on purpose."""

    default_code = "error"

    def __init__(self, code: str | None = None, /, **params: object) -> None:
        self.code = code or self.default_code
        self.params: Mapping[str, object] = params
        super().__init__(self.message("en"))

    def message(self, language: str = "en") -> str:
        """Return the message in ``language`` (``"sv"`` or ``"en"``)."""
        from meritpass.core.messages import render  # noqa: PLC0415 - the catalogue imports every area

        return render(self.code, language, self.params)


class InputError(MeritpassError):
    default_code = "input.invalid"


class JsonInputError(InputError):
    default_code = "json.invalid"


class JsonLdError(InputError):
    default_code = "jsonld.invalid"


class UnknownContextError(JsonLdError):
    default_code = "jsonld.unknown_context"


class CanonicalizationError(InputError):
    default_code = "rdfc.too_complex"


class KeyFormatError(InputError):
    default_code = "key.invalid"


class DidError(InputError):
    default_code = "did.invalid"


class StatusListError(InputError):
    default_code = "status.invalid_list"


class SpecificationError(InputError):
    default_code = "specification.invalid"


class CredentialError(InputError):
    default_code = "credential.invalid"


class ResolutionError(MeritpassError):
    default_code = "resolution.failed"


class ProofError(MeritpassError):
    default_code = "proof.cannot_create"
