"""Ed25519 keys in the Multikey format (https://www.w3.org/TR/cid-1.0/#Multikey).

A public key is the multicodec header ``0xed01`` and 32 bytes, a secret key the header ``0x1300``
(varint ``0x8026``) and the 32-byte seed, both in base58btc multibase (vc-di-eddsa §2.1.1). Some
published key pairs carry the 64-byte libsodium form (seed and public key) after the secret header;
it is accepted when its public half matches the seed.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Final, final

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from meritpass.core.documents import JsonObject
from meritpass.core.errors import InputError, KeyFormatError, ProofError
from meritpass.core.keys import multibase

ED25519_PUBLIC_HEADER: Final = b"\xed\x01"
ED25519_SECRET_HEADER: Final = b"\x80\x26"
KEY_SIZE: Final = 32
SIGNATURE_SIZE: Final = 64
MULTIKEY_CONTEXT: Final = "https://w3id.org/security/multikey/v1"
_SECRET_NAMES: Final = ("secretKeyMultibase", "privateKeyMultibase")


@final
class Ed25519Multikey:
    """An Ed25519 public key, with its secret key when it can sign.

    ``repr`` and ``str`` never show the secret; it leaves the object only through
    :meth:`export_secret_key_multibase`.
    """

    __slots__ = ("_multibase", "_public", "_signing", "_verify")

    def __init__(self, public_key: bytes, *, _signing: SigningKey | None = None) -> None:
        if len(public_key) != KEY_SIZE:
            raise KeyFormatError("key.wrong_length", length=len(public_key))
        self._public = bytes(public_key)
        self._multibase = multibase.encode(ED25519_PUBLIC_HEADER + self._public)
        self._signing = _signing
        self._verify = VerifyKey(self._public)

    @classmethod
    def generate(cls, seed: bytes | None = None) -> Ed25519Multikey:
        """Return a new key pair, random or derived from a 32-byte ``seed``."""
        if seed is None:
            return cls._from_signing_key(SigningKey.generate())
        if len(seed) != KEY_SIZE:
            raise KeyFormatError("key.seed_length", length=len(seed))
        return cls._from_signing_key(SigningKey(bytes(seed)))

    @classmethod
    def from_public_key_multibase(cls, value: str) -> Ed25519Multikey:
        """Return the public key in a ``publicKeyMultibase`` value (``z6Mk…``)."""
        return _public_key(value)

    @classmethod
    def from_secret_key_multibase(cls, value: str) -> Ed25519Multikey:
        """Return the key pair in a ``secretKeyMultibase`` value (``z3u2…``)."""
        raw = _decode(value, ED25519_SECRET_HEADER, "key.not_ed25519_secret")
        if len(raw) not in (KEY_SIZE, 2 * KEY_SIZE):
            raise KeyFormatError("key.wrong_length", length=len(raw))
        key = cls._from_signing_key(SigningKey(raw[:KEY_SIZE]))
        if len(raw) == 2 * KEY_SIZE and raw[KEY_SIZE:] != key.public_key:
            raise KeyFormatError("key.pair_mismatch")
        return key

    @classmethod
    def from_multikey(cls, document: Mapping[str, object]) -> Ed25519Multikey:
        """Return the key in a Multikey object or key-pair file.

        The secret may be named ``secretKeyMultibase`` (CID 1.0) or ``privateKeyMultibase`` (the
        W3C test vectors); when a public key is given too, it must belong to the secret.
        """
        public = _optional_text(document, "publicKeyMultibase")
        secrets = {s for name in _SECRET_NAMES if (s := _optional_text(document, name)) is not None}
        if len(secrets) > 1:
            raise KeyFormatError("key.pair_mismatch")
        if secrets:
            key = cls.from_secret_key_multibase(secrets.pop())
            if public is not None and public != key.public_key_multibase:
                raise KeyFormatError("key.pair_mismatch")
            return key
        if public is None:
            raise KeyFormatError("key.missing", property="publicKeyMultibase")
        return cls.from_public_key_multibase(public)

    @classmethod
    def from_jwk(cls, jwk: Mapping[str, object]) -> Ed25519Multikey:
        """Return the public key of an OKP JWK (RFC 8037 §2); a private ``d`` is refused."""
        if "d" in jwk:
            raise KeyFormatError("key.jwk_has_secret")
        x = jwk.get("x")
        if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519" or not isinstance(x, str):
            raise KeyFormatError("key.jwk_invalid")
        try:
            raw = multibase.decode(multibase.BASE64URL + x)
        except InputError:
            raise KeyFormatError("key.jwk_invalid") from None
        if len(raw) != KEY_SIZE:
            raise KeyFormatError("key.wrong_length", length=len(raw))
        return cls(raw)

    @classmethod
    def _from_signing_key(cls, signing: SigningKey) -> Ed25519Multikey:
        return cls(bytes(signing.verify_key), _signing=signing)

    @property
    def public_key(self) -> bytes:
        """The 32 raw bytes of the public key."""
        return self._public

    @property
    def public_key_multibase(self) -> str:
        """The ``publicKeyMultibase`` value, which is also the did:key identifier."""
        return self._multibase

    @property
    def can_sign(self) -> bool:
        """Whether the secret key is present."""
        return self._signing is not None

    def export_secret_key_multibase(self) -> str:
        """Return the ``secretKeyMultibase`` value (header ``0x1300`` and the 32-byte seed)."""
        return multibase.encode(ED25519_SECRET_HEADER + bytes(self._signer()))

    def sign(self, data: bytes) -> bytes:
        """Return the 64-byte Ed25519 signature (RFC 8032, pure Ed25519) of ``data``."""
        return bytes(self._signer().sign(data).signature)

    def verify(self, signature: bytes, data: bytes) -> bool:
        """Return whether ``signature`` is a valid signature of ``data``; never raises."""
        if len(signature) != SIGNATURE_SIZE:
            return False
        try:
            self._verify.verify(data, signature)
        except BadSignatureError:
            return False
        return True

    def to_verification_method(
        self, controller: str, *, id: str | None = None, type: str = "Multikey"
    ) -> JsonObject:
        """Return the public verification method (CID 1.0 §2.2); the id defaults to ``#`` + key."""
        return {
            "id": id if id is not None else f"{controller}#{self.public_key_multibase}",
            "type": type,
            "controller": controller,
            "publicKeyMultibase": self.public_key_multibase,
        }

    def to_jwk(self) -> JsonObject:
        """Return the public key as an OKP JSON Web Key (RFC 8037 §2)."""
        return {"kty": "OKP", "crv": "Ed25519", "x": multibase.encode(self._public, base="u")[1:]}

    def public_only(self) -> Ed25519Multikey:
        """Return the same key without its secret."""
        return Ed25519Multikey(self._public)

    def _signer(self) -> SigningKey:
        if self._signing is None:
            raise ProofError("key.no_private_key", key=self.public_key_multibase)
        return self._signing

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Ed25519Multikey):
            return NotImplemented
        return self._public == other._public and self.can_sign == other.can_sign

    def __hash__(self) -> int:
        return hash((self._public, self.can_sign))

    def __repr__(self) -> str:
        secret = "present" if self.can_sign else "absent"
        return f"Ed25519Multikey({self.public_key_multibase!r}, secret={secret})"

    __str__ = __repr__


@lru_cache(maxsize=1024)
def _public_key(value: str) -> Ed25519Multikey:
    """Public keys are immutable and verifiers meet the same few issuers again and again."""
    raw = _decode(value, ED25519_PUBLIC_HEADER, "key.not_ed25519_public")
    if len(raw) != KEY_SIZE:
        raise KeyFormatError("key.wrong_length", length=len(raw))
    return Ed25519Multikey(raw)


def _decode(value: str, header: bytes, code: str) -> bytes:
    try:
        raw = multibase.decode_base58btc(value)
    except InputError as error:
        raise KeyFormatError(error.code, **error.params) from None
    if raw[:2] != header:
        raise KeyFormatError(code, header=raw[:2].hex())
    return raw[2:]


def _optional_text(document: Mapping[str, object], name: str) -> str | None:
    value = document.get(name)
    if value is None or isinstance(value, str):
        return value
    raise KeyFormatError("key.missing", property=name)
