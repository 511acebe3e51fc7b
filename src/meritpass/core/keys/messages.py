"""Texts for key and multibase errors (joined into the catalogue through ``proofs.messages``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from meritpass.core.messages import Message

MESSAGES: Final[Mapping[str, Message]] = {
    "multibase.unsupported": Message(
        en="The multibase prefix “{prefix}” is not supported (only “z”, base58btc, and “u”, "
        "base64url).",
        sv="Multibase-prefixet ”{prefix}” stöds inte (bara ”z”, base58btc, och ”u”, base64url).",
    ),
    "multibase.invalid": Message(
        en="“{value}” is not a valid multibase value.",
        sv="”{value}” är inget giltigt multibase-värde.",
    ),
    "key.wrong_length": Message(
        en="An Ed25519 key has 32 bytes of key material; this one has {length}.",
        sv="En Ed25519-nyckel består av 32 byte nyckelmaterial; den här har {length}.",
    ),
    "key.seed_length": Message(
        en="An Ed25519 seed is 32 bytes, not {length}.",
        sv="Ett Ed25519-frö är 32 byte, inte {length}.",
    ),
    "key.not_ed25519_public": Message(
        en="The value is not an Ed25519 public key: its multicodec header is 0x{header}, "
        "not 0xed01.",
        sv="Värdet är ingen publik Ed25519-nyckel: dess multicodec-huvud är 0x{header}, "
        "inte 0xed01.",
    ),
    "key.not_ed25519_secret": Message(
        en="The value is not an Ed25519 secret key: its multicodec header is 0x{header}, "
        "not 0x8026 (code 0x1300).",
        sv="Värdet är ingen hemlig Ed25519-nyckel: dess multicodec-huvud är 0x{header}, "
        "inte 0x8026 (kod 0x1300).",
    ),
    "key.pair_mismatch": Message(
        en="The public key does not belong to the secret key.",
        sv="Den publika nyckeln hör inte till den hemliga nyckeln.",
    ),
    "key.missing": Message(
        en="The key has no usable “{property}” value.",
        sv="Nyckeln saknar ett användbart värde för ”{property}”.",
    ),
    "key.jwk_invalid": Message(
        en="The JWK is not an Ed25519 public key (kty “OKP”, crv “Ed25519” and an x of 32 bytes).",
        sv="JWK:n är ingen publik Ed25519-nyckel (kty ”OKP”, crv ”Ed25519” och ett x på 32 byte).",
    ),
    "key.jwk_has_secret": Message(
        en="The JWK contains a private key (“d”); only public keys are accepted here.",
        sv="JWK:n innehåller en privat nyckel (”d”); här tas bara publika nycklar emot.",
    ),
}
